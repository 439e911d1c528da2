/*
 * Generic zone-scoped records: a resource is described once (fields, filters,
 * sort keys, statements) and gets list, get, create, update, delete and
 * history with validation, permission-free store access and the audit row in
 * the same transaction. Permission checks happen before, in the dispatcher.
 *
 * Statement parameter conventions (see store/sql.h):
 *   list:   ?1 zone, ?2 q, ?3.. filters, then sort, limit, offset
 *   count:  ?1 zone, ?2 q, ?3.. filters
 *   get:    ?1 zone, ?2 id           delete: ?1 zone, ?2 id
 *   insert: ?1 zone, ?2 now, ?3.. fields in order; RETURNING id
 *   update: ?1 zone, ?2 now, ?3.. fields in order, then id
 */
#ifndef ZD_API_RESOURCE_H
#define ZD_API_RESOURCE_H

#include <jansson.h>

#include "api/actor.h"
#include "api/validate.h"
#include "domain/perm.h"
#include "store/store.h"

#define RES_MAX_FIELDS 24

struct resource {
	const char *entity;		/* "park": audit entity and path noun */
	enum perm read, write;
	const struct field_spec *fields;
	size_t nfields;
	const struct field_spec *filters;
	size_t nfilters;
	const char *const *sorts;	/* NULL-terminated */
	enum stmt list, count, get, insert, update, del;
	/* Optional checks beyond the fields (references in the zone, rules
	 * across records); id is 0 on create. Appends to errs. */
	void (*check)(struct store *, const struct actor *, long long id,
	    const struct store_val *vals, json_t *errs);
	/* Optional hook after a create, inside its transaction. */
	enum app_err (*after_create)(struct store *, const struct actor *,
	    long long id);
};

/* {"items":[…],"total":N,"limit":L,"offset":O} */
enum app_err res_list(struct store *st, const struct actor *a,
    const struct resource *res, const struct list_query *lq, json_t **out);
enum app_err res_get(struct store *st, const struct actor *a,
    const struct resource *res, long long id, json_t **out);
/* On APP_ERR_VALIDATION or APP_ERR_CONFLICT errs holds the fields. */
enum app_err res_create(struct store *st, const struct actor *a,
    const struct resource *res, json_t *body, json_t *errs, json_t **out);
enum app_err res_update(struct store *st, const struct actor *a,
    const struct resource *res, long long id, json_t *body, json_t *errs,
    json_t **out);
enum app_err res_delete(struct store *st, const struct actor *a,
    const struct resource *res, json_t *errs, long long id);
/* Audit rows of one record, newest first, as a list. */
enum app_err res_history(struct store *st, const struct actor *a,
    const char *entity, long long id, const struct list_query *lq,
    json_t **out);

/* Runs a list + count statement pair with the conventions above. */
enum app_err res_page(struct store *st, enum stmt list, enum stmt count,
    const struct store_val *where, size_t nwhere, const struct list_query *lq,
    json_t **out);

/*
 * The audit row of a record whose reads carry derived fields: keeps only
 * the stored keys of before (NULL on create) and after.
 */
enum app_err audit_stored(struct store *st, const struct actor *a,
    const char *entity, long long id, json_t *before, json_t *after,
    const char *const *keys);

/*
 * A reference in a body must name a record of the actor's zone: get is the
 * statement taking (?1 zone, ?2 id). Returns the record (new reference) or
 * NULL; NULL with a field error when v names nothing in the zone, without
 * one when v holds no id.
 */
json_t *res_ref(struct store *st, const struct actor *a, enum stmt get,
    const struct store_val *v, const char *field, json_t *errs);
/* Binds ?1 zone, ?2 now, then the n field values into args; returns the
 * count (the insert/update convention above). */
size_t res_bind(const struct actor *a, const char *now,
    const struct store_val *vals, size_t n, struct store_val *args);

/* Turns a store conflict into a field error ("already exists"). */
void conflict_fields(struct store *st, json_t *errs, int english);

#endif
