/*
 * Arguments of a request beyond the generic list query: ids and dates in
 * the query string or the body, each bad one a field error in r->errs.
 */
#ifndef ZD_API_ARGS_H
#define ZD_API_ARGS_H

#include <jansson.h>

#include "domain/date.h"
#include "http/req.h"

/* A positive id parameter; 0 when absent (or bad, with a field error). */
long long arg_id(struct req *r, const char *name);
/*
 * A YYYY-MM-DD parameter into *d: 0 when read or when absent and not
 * required (d untouched); -1 with a field error otherwise.
 */
int arg_date(struct req *r, const char *name, struct date *d, int required);
/* The optional date of a step in a body: today when absent, never later
 * than today; -1 with a field error. */
int body_step_date(json_t *body, const char *key, struct date *out,
    json_t *errs, int english);

#endif
