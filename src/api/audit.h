#ifndef ZD_API_AUDIT_H
#define ZD_API_AUDIT_H

#include <jansson.h>

#include "api/validate.h"
#include "store/store.h"

/* Audit rows of a zone, newest first; entity NULL and id 0 mean any. */
enum app_err audit_list(struct store *st, long long zone_id,
    const char *entity, long long id, const struct list_query *lq,
    json_t **out);

#endif
