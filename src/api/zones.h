/* Zones, the tenants. Created from the CLI; edited by their admins. */
#ifndef ZD_API_ZONES_H
#define ZD_API_ZONES_H

#include <jansson.h>

#include "store/store.h"

/* Creates a zone with its default code tables. errs gets field errors
 * ("--code" style names are the caller's business). */
enum app_err zone_create(struct store *st, const char *code,
    const char *name, json_t *errs, int english, long long *id);
enum app_err zone_by_code(struct store *st, const char *code, json_t **out);

#endif
