#ifndef ZD_API_CHAINS_H
#define ZD_API_CHAINS_H

#include "api/actor.h"
#include "store/store.h"

/* Creates the default 3+1+1 chains in the actor's zone (audited). */
enum app_err chains_seed(struct store *st, const struct actor *a);
/* Creates the default node-plan template (供地 … 投产) in the zone. */
enum app_err node_templates_seed(struct store *st, const struct actor *a);
/* Creates the default source regions (长三角 … 境外) in the zone. */
enum app_err regions_seed(struct store *st, const struct actor *a);

#endif
