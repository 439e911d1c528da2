/* The demo data, module by module. */
#ifndef ZD_CLI_DEMO_H
#define ZD_CLI_DEMO_H

#include "api/actor.h"
#include "store/store.h"

/* Records of the demo zone that module data refers to. */
struct demo_refs {
	long long parks[8], chains[8], owners[8], contractor;
	size_t nparks, nchains, nowners;
};

/* Key projects with events, reports and problems; 0 ok, -1 failed. */
int demo_projects(struct store *st, const struct actor *a,
    const struct demo_refs *refs);

#endif
