#ifndef ZD_API_COHORT_H
#define ZD_API_COHORT_H

#include <jansson.h>

#include "api/actor.h"
#include "domain/date.h"
#include "store/store.h"

/*
 * Leads first signed in from..to: {"from","to","signed","stages":[{stage,
 * label, reached, median_days_from_previous, median_days_from_signing}],
 * "leads":[{code, project_name, project_code, enterprise_name, signed_on,
 * registered_on, started_on, accepted_on, producing_on}]}.
 */
enum app_err cohort_report(struct store *st, const struct actor *a,
    struct date from, struct date to, json_t **out);

#endif
