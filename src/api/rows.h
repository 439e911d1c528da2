/*
 * Lists whose rows carry derived columns (a project's light, a lead's
 * stage and score) are filtered, sorted and paged in C over the zone's
 * rows. This is the one sorter and pager for them.
 */
#ifndef ZD_API_ROWS_H
#define ZD_API_ROWS_H

#include <jansson.h>

#include "api/validate.h"

/* Sorts rows[0..n) by lq->sort ("key" or "-key"; numbers numerically,
 * text bytewise, empty values last either way) and returns
 * {"items":[page],"total":n,"limit","offset"}; the rows are borrowed. */
json_t *rows_page(json_t **rows, size_t n, const struct list_query *lq);

/* Members of a row: an integer (0 when absent) and a string (or NULL). */
long long json_int_of(json_t *o, const char *key);
const char *json_str_of(json_t *o, const char *key);

/* A new object with only the given keys of o (null where absent). */
json_t *json_pick(json_t *o, const char *const *keys);

#endif
