/* Zones: creation with seeding, and the caller's own zone over HTTP. */
#include <string.h>

#include "api/acceptance.h"
#include "api/chains.h"
#include "api/handlers.h"
#include "api/validate.h"
#include "api/zones.h"
#include "http/reply.h"

static int
check_code(const char *v, int english, char *msg, size_t msgsz)
{
	for (const char *p = v; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '-' || *p == '_')) {
			snprintf(msg, msgsz, "%s", english ?
			    "only lowercase letters, digits, '-' and '_'" :
			    "只能包含小写字母、数字、连字符和下划线");
			return -1;
		}
	return 0;
}

static const struct field_spec fields[] = {
	{.name = "code", .type = FT_TEXT, .required = 1, .maxlen = 32,
	    .check = check_code},
	{.name = "name", .type = FT_TEXT, .required = 1, .maxlen = 100},
};

enum app_err
zone_create(struct store *st, const char *code, const char *name,
    json_t *errs, int english, long long *id)
{
	json_t *body = json_pack("{s:s?, s:s?}", "code", code, "name", name);
	struct store_val v[2];
	struct actor sys = {.english = english, .role = ROLE_ADMIN};
	json_t *after = NULL;
	char now[20];
	enum app_err e;

	validate_body(body, fields, 2, v, errs, english);
	if (json_array_size(errs) > 0) {
		json_decref(body);
		return APP_ERR_VALIDATION;
	}
	store_now(now, 0);
	if ((e = store_begin(st)) != APP_OK) {
		json_decref(body);
		return e;
	}
	if ((e = store_int(st, STMT_ZONE_INSERT, (struct store_val[]){v[0],
	    v[1], SV_T(now)}, 3, id)) == APP_OK &&
	    (e = store_row1(st, STMT_ZONE_GET, (struct store_val[]){SV_I(*id)},
	    1, &after)) == APP_OK &&
	    (e = store_audit(st, *id, 0, "zone", *id, "create", NULL,
	    after)) == APP_OK) {
		sys.zone_id = *id;
		if ((e = chains_seed(st, &sys)) == APP_OK &&
		    (e = node_templates_seed(st, &sys)) == APP_OK)
			e = regions_seed(st, &sys);
		if (e == APP_OK)
			e = acc_seed(st, &sys);
	}
	json_decref(after);
	json_decref(body);
	if (e == APP_OK)
		return store_commit(st);
	if (e == APP_ERR_CONFLICT)
		ferr_add(errs, "code", english, "已存在相同代码的区",
		    "a zone with this code already exists");
	store_rollback(st);
	return e;
}

enum app_err
zone_by_code(struct store *st, const char *code, json_t **out)
{
	return store_row1(st, STMT_ZONE_BY_CODE, (struct store_val[]){
	    SV_T(code)}, 1, out);
}

static enum app_err
own_zone(struct req *r, json_t **out)
{
	return store_row1(r->st, STMT_ZONE_GET, (struct store_val[]){
	    SV_I(r->actor.zone_id)}, 1, out);
}

enum app_err
h_zone_list(struct req *r)
{
	json_t *z;
	enum app_err e = own_zone(r, &z);

	if (e != APP_OK)
		return e;
	return reply_json(r, 200, json_pack("{s:[o], s:i, s:i, s:i}", "items",
	    z, "total", 1, "limit", 20, "offset", 0));
}

enum app_err
h_zone_get(struct req *r)
{
	json_t *z;
	enum app_err e;

	/* Another zone's id reads exactly like a missing one. */
	if (r->id != r->actor.zone_id)
		return APP_ERR_NOT_FOUND;
	if ((e = own_zone(r, &z)) != APP_OK)
		return e;
	return reply_json(r, 200, z);
}

enum app_err
h_zone_update(struct req *r)
{
	struct store_val v[2];
	json_t *before = NULL, *after = NULL;
	enum app_err e;

	if (r->id != r->actor.zone_id)
		return APP_ERR_NOT_FOUND;
	validate_body(r->json, &fields[1], 1, &v[1], r->errs, r->english);
	if (json_array_size(r->errs) > 0)
		return APP_ERR_VALIDATION;
	if ((e = store_begin(r->st)) != APP_OK)
		return e;
	if ((e = own_zone(r, &before)) == APP_OK &&
	    (e = store_query(r->st, STMT_ZONE_UPDATE, (struct store_val[]){
	    SV_I(r->id), v[1]}, 2, NULL, NULL, NULL)) == APP_OK &&
	    (e = own_zone(r, &after)) == APP_OK)
		e = store_audit(r->st, r->id, r->actor.user_id, "zone", r->id,
		    "update", before, after);
	json_decref(before);
	if (e == APP_OK && (e = store_commit(r->st)) == APP_OK)
		return reply_json(r, 200, after);
	if (e != APP_OK)
		store_rollback(r->st);
	json_decref(after);
	return e;
}
