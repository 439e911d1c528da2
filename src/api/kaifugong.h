/* The 开复工 report: due, started and the rate, as of any date. */
#ifndef ZD_API_KAIFUGONG_H
#define ZD_API_KAIFUGONG_H

#include <jansson.h>

#include "domain/date.h"
#include "store/store.h"

/*
 * For year's list as of a date: {"as_of","year","due","started",
 * "rate_percent" (null when nothing is due), "rate_text", "rounding",
 * "investment":{"planned","completed","percent"}, "by", "groups":[{"key",
 * "name","due","started","rate_percent","planned","completed"}],
 * "projects":[…]}. by is "park", "level", "chain" or NULL (no groups).
 * Without with_projects, no "projects" (and no JSON per project: the rows
 * are summed as they are read).
 */
enum app_err kfg_report(struct store *st, long long zone_id, struct date as_of,
    int year, const char *by, int english, int with_projects, json_t **out);

#endif
