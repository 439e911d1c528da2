/* Generic zone-scoped CRUD with validation and audit. */
#include <string.h>

#include "api/resource.h"
#include "api/rows.h"

enum app_err
res_page(struct store *st, enum stmt list, enum stmt count,
    const struct store_val *where, size_t nwhere, const struct list_query *lq,
    json_t **out)
{
	struct store_val args[RES_MAX_FIELDS];
	long long total = 0;
	json_t *items = NULL;
	enum app_err e;

	memcpy(args, where, nwhere * sizeof *args);
	if ((e = store_int(st, count, args, nwhere, &total)) != APP_OK)
		return e;
	args[nwhere] = SV_T(lq->sort);
	args[nwhere + 1] = SV_I(lq->limit);
	args[nwhere + 2] = SV_I(lq->offset);
	if ((e = store_rows(st, list, args, nwhere + 3, &items)) != APP_OK)
		return e;
	*out = json_pack("{s:o, s:I, s:I, s:I}", "items", items, "total",
	    (json_int_t)total, "limit", (json_int_t)lq->limit, "offset",
	    (json_int_t)lq->offset);
	return APP_OK;
}

enum app_err
res_list(struct store *st, const struct actor *a, const struct resource *res,
    const struct list_query *lq, json_t **out)
{
	struct store_val w[2 + LIST_MAX_FILTERS];
	size_t n = 0;

	w[n++] = SV_I(a->zone_id);
	w[n++] = SV_T(lq->q);
	for (size_t i = 0; i < res->nfilters; i++)
		w[n++] = SV_T(lq->filters[i]);
	return res_page(st, res->list, res->count, w, n, lq, out);
}

enum app_err
res_get(struct store *st, const struct actor *a, const struct resource *res,
    long long id, json_t **out)
{
	return store_row1(st, res->get, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(id)}, 2, out);
}

void
conflict_fields(struct store *st, json_t *errs, int english)
{
	const char *f = store_conflict_field(st);

	if (f != NULL && *f != '\0')
		ferr_add(errs, f, english, "已存在相同的值",
		    "the same value already exists");
	else
		ferr_add(errs, "id", english,
		    "该记录仍被其他记录引用或引用了不存在的记录",
		    "the record is still referenced by others, or refers to one that does not exist");
}

size_t
res_bind(const struct actor *a, const char *now,
    const struct store_val *vals, size_t n, struct store_val *args)
{
	args[0] = SV_I(a->zone_id);
	args[1] = SV_T(now);
	memcpy(args + 2, vals, n * sizeof *vals);
	return n + 2;
}

static enum app_err
finish(struct store *st, enum app_err e, json_t *errs, int english)
{
	if (e == APP_OK)
		return store_commit(st);
	if (e == APP_ERR_CONFLICT)
		conflict_fields(st, errs, english);
	store_rollback(st);
	return e;
}

enum app_err
res_create(struct store *st, const struct actor *a, const struct resource *res,
    json_t *body, json_t *errs, json_t **out)
{
	struct store_val vals[RES_MAX_FIELDS], args[RES_MAX_FIELDS + 2];
	char now[20];
	long long id = 0;
	json_t *after = NULL;
	enum app_err e;
	size_t n;

	validate_body(body, res->fields, res->nfields, vals, errs, a->english);
	if (json_array_size(errs) == 0 && res->check != NULL)
		res->check(st, a, 0, vals, errs);
	if (json_array_size(errs) > 0)
		return APP_ERR_VALIDATION;
	store_now(now, 0);
	n = res_bind(a, now, vals, res->nfields, args);
	if ((e = store_begin(st)) != APP_OK)
		return e;
	if ((e = store_int(st, res->insert, args, n, &id)) == APP_OK &&
	    (e = res_get(st, a, res, id, &after)) == APP_OK &&
	    (e = store_audit(st, a->zone_id, a->user_id, res->entity, id,
	    "create", NULL, after)) == APP_OK && res->after_create != NULL)
		e = res->after_create(st, a, id);
	if ((e = finish(st, e, errs, a->english)) != APP_OK) {
		json_decref(after);
		return e;
	}
	*out = after;
	return APP_OK;
}

enum app_err
res_update(struct store *st, const struct actor *a, const struct resource *res,
    long long id, json_t *body, json_t *errs, json_t **out)
{
	struct store_val vals[RES_MAX_FIELDS], args[RES_MAX_FIELDS + 3];
	char now[20];
	json_t *before = NULL, *after = NULL;
	enum app_err e;
	size_t n;

	validate_body(body, res->fields, res->nfields, vals, errs, a->english);
	if (json_array_size(errs) == 0 && res->check != NULL)
		res->check(st, a, id, vals, errs);
	if (json_array_size(errs) > 0)
		return APP_ERR_VALIDATION;
	store_now(now, 0);
	n = res_bind(a, now, vals, res->nfields, args);
	args[n++] = SV_I(id);
	if ((e = store_begin(st)) != APP_OK)
		return e;
	if ((e = res_get(st, a, res, id, &before)) == APP_OK &&
	    (e = store_query(st, res->update, args, n, NULL, NULL,
	    NULL)) == APP_OK &&
	    (e = res_get(st, a, res, id, &after)) == APP_OK)
		e = store_audit(st, a->zone_id, a->user_id, res->entity, id,
		    "update", before, after);
	json_decref(before);
	if ((e = finish(st, e, errs, a->english)) != APP_OK) {
		json_decref(after);
		return e;
	}
	*out = after;
	return APP_OK;
}

enum app_err
res_delete(struct store *st, const struct actor *a, const struct resource *res,
    json_t *errs, long long id)
{
	json_t *before = NULL;
	enum app_err e;

	if ((e = store_begin(st)) != APP_OK)
		return e;
	if ((e = res_get(st, a, res, id, &before)) == APP_OK &&
	    (e = store_query(st, res->del, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(id)}, 2, NULL, NULL, NULL)) == APP_OK)
		e = store_audit(st, a->zone_id, a->user_id, res->entity, id,
		    "delete", before, NULL);
	json_decref(before);
	return finish(st, e, errs, a->english);
}

enum app_err
res_history(struct store *st, const struct actor *a, const char *entity,
    long long id, const struct list_query *lq, json_t **out)
{
	struct store_val w[3] = {SV_I(a->zone_id), SV_T(entity), SV_I(id)};

	return res_page(st, STMT_AUDIT_LIST, STMT_AUDIT_COUNT, w, 3, lq, out);
}

enum app_err
audit_stored(struct store *st, const struct actor *a, const char *entity,
    long long id, json_t *before, json_t *after, const char *const *keys)
{
	json_t *b = before ? json_pick(before, keys) : NULL;
	json_t *s = json_pick(after, keys);
	enum app_err e = store_audit(st, a->zone_id, a->user_id, entity, id,
	    before ? "update" : "create", b, s);

	json_decref(b);
	json_decref(s);
	return e;
}

json_t *
res_ref(struct store *st, const struct actor *a, enum stmt get,
    const struct store_val *v, const char *field, json_t *errs)
{
	json_t *o = NULL;

	if (v->type != SV_INT)
		return NULL;
	if (store_row1(st, get, (struct store_val[]){SV_I(a->zone_id), *v}, 2,
	    &o) != APP_OK)
		ferr_add(errs, field, a->english, "本区没有该记录",
		    "no such record in this zone");
	return o;
}
