/* Who is acting: from the session over HTTP, or the system from the CLI. */
#ifndef ZD_API_ACTOR_H
#define ZD_API_ACTOR_H

#include "domain/perm.h"

struct actor {
	long long zone_id;
	long long user_id;	/* 0: the system (CLI, demo seed) */
	long long org_id;	/* 0 when the user has no organisation */
	enum role role;
	int english;		/* messages in English */
};

#endif
