/* User accounts. Hashes never leave this file; rows exclude them. */
#include <string.h>

#include "api/handlers.h"
#include "api/resource.h"
#include "api/users.h"
#include "domain/secret.h"
#include "http/reply.h"

static int
check_username(const char *v, int english, char *msg, size_t msgsz)
{
	for (const char *p = v; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    (*p >= 'A' && *p <= 'Z') || *p == '_' || *p == '.' ||
		    *p == '-')) {
			snprintf(msg, msgsz, "%s", english ?
			    "only letters, digits, '_', '.' and '-'" :
			    "只能包含字母、数字、下划线、点和连字符");
			return -1;
		}
	return 0;
}

static int
check_password(const char *v, int english, char *msg, size_t msgsz)
{
	return password_policy(v, english, msg, msgsz);
}

/* Field order matters: it is the bind order of USER_INSERT / USER_UPDATE. */
static const struct field_spec create_fields[] = {
	{.name = "username", .type = FT_TEXT, .required = 1, .maxlen = 32,
	    .check = check_username},
	{.name = "name", .type = FT_TEXT, .required = 1, .maxlen = 50},
	{.name = "role", .type = FT_ENUM, .required = 1, .choices = role_names},
	{.name = "org_id", .type = FT_INT, .min = 1, .max = 1LL << 53},
	{.name = "department", .type = FT_TEXT, .maxlen = 50},
	{.name = "office_id", .type = FT_INT, .min = 1, .max = 1LL << 53},
	{.name = "password", .type = FT_TEXT, .required = 1, .maxlen = 128,
	    .check = check_password},
	{.name = "leader_id", .type = FT_INT, .min = 1, .max = 1LL << 53},
};
static const struct field_spec update_fields[] = {
	{.name = "name", .type = FT_TEXT, .required = 1, .maxlen = 50},
	{.name = "role", .type = FT_ENUM, .required = 1, .choices = role_names},
	{.name = "org_id", .type = FT_INT, .min = 1, .max = 1LL << 53},
	{.name = "department", .type = FT_TEXT, .maxlen = 50},
	{.name = "office_id", .type = FT_INT, .min = 1, .max = 1LL << 53},
	{.name = "disabled", .type = FT_BOOL},
	/* Whom the user's overdue enterprise requests go to. */
	{.name = "leader_id", .type = FT_INT, .min = 1, .max = 1LL << 53},
};
static const struct field_spec filters[] = {
	{.name = "role", .type = FT_ENUM, .choices = role_names},
};
static const char *const sorts[] = {"username", "name", "role", "created_at",
    "id", NULL};

/* Lists and reads go through the generic resource; writes are below. */
const struct resource user_resource = {
	.entity = "user", .read = PERM_USER_READ, .write = PERM_USER_WRITE,
	.fields = update_fields, .nfields = 7,
	.filters = filters, .nfilters = 1, .sorts = sorts,
	.list = STMT_USER_LIST, .count = STMT_USER_COUNT, .get = STMT_USER_GET,
	.insert = STMT_USER_INSERT, .update = STMT_USER_UPDATE,
};

/* An enterprise user belongs to an enterprise of the same zone. */
static void
check_org(struct store *st, const struct actor *a, const struct store_val *role,
    const struct store_val *org, json_t *errs)
{
	json_t *o = NULL;

	if (org->type == SV_INT && store_row1(st, STMT_ORG_GET,
	    (struct store_val[]){SV_I(a->zone_id), *org}, 2, &o) != APP_OK) {
		ferr_add(errs, "org_id", a->english, "本区没有该组织",
		    "no such organisation in this zone");
		return;
	}
	if (role->type == SV_TEXT && strcmp(role->s, "enterprise_user") == 0 &&
	    (o == NULL || strcmp(json_string_value(json_object_get(o, "kind")),
	    "enterprise") != 0))
		ferr_add(errs, "org_id", a->english, "企业用户必须关联本区的企业",
		    "an enterprise user must belong to an enterprise of this zone");
	json_decref(o);
}

/* A user's leader is another user of the zone. */
static void
check_leader(struct store *st, const struct actor *a, long long id,
    const struct store_val *leader, json_t *errs)
{
	if (leader->type == SV_INT && leader->i == id)
		ferr_add(errs, "leader_id", a->english, "不能是本人",
		    "cannot be the user themselves");
	else
		json_decref(res_ref(st, a, STMT_USER_GET, leader, "leader_id",
		    errs));
}

/* A user's liaison office is one of the zone's. */
static void
check_office(struct store *st, const struct actor *a,
    const struct store_val *office, json_t *errs)
{
	json_t *o = NULL;

	if (office->type == SV_INT && store_row1(st, STMT_OFFICE_GET,
	    (struct store_val[]){SV_I(a->zone_id), *office}, 2, &o) != APP_OK)
		ferr_add(errs, "office_id", a->english, "本区没有该联络处",
		    "no such liaison office in this zone");
	json_decref(o);
}

enum app_err
user_create(struct store *st, const struct actor *a, json_t *body,
    json_t *errs, json_t **out)
{
	struct store_val v[8], args[10];
	char now[20], hash[SECRET_HASH_MAX];
	long long id = 0;
	json_t *after = NULL;
	enum app_err e;

	validate_body(body, create_fields, 8, v, errs, a->english);
	check_org(st, a, &v[2], &v[3], errs);
	check_office(st, a, &v[5], errs);
	check_leader(st, a, 0, &v[7], errs);
	if (json_array_size(errs) > 0)
		return APP_ERR_VALIDATION;
	if (password_hash(v[6].s, hash) != 0)
		return APP_ERR_INTERNAL;
	store_now(now, 0);
	args[0] = SV_I(a->zone_id);
	args[1] = SV_T(now);
	memcpy(args + 2, v, 6 * sizeof *v);
	args[8] = SV_T(hash);
	args[9] = v[7];
	if ((e = store_begin(st)) != APP_OK)
		return e;
	if ((e = store_int(st, STMT_USER_INSERT, args, 10, &id)) == APP_OK &&
	    (e = res_get(st, a, &user_resource, id, &after)) == APP_OK)
		e = store_audit(st, a->zone_id, a->user_id, "user", id,
		    "create", NULL, after);
	if (e == APP_OK)
		e = store_commit(st);
	else {
		if (e == APP_ERR_CONFLICT)
			conflict_fields(st, errs, a->english);
		store_rollback(st);
	}
	if (e != APP_OK) {
		json_decref(after);
		return e;
	}
	*out = after;
	return APP_OK;
}

enum app_err
user_update(struct store *st, const struct actor *a, long long id,
    json_t *body, json_t *errs, json_t **out)
{
	struct store_val v[7], args[10];
	char now[20];
	json_t *before = NULL, *after = NULL;
	enum app_err e;

	validate_body(body, update_fields, 7, v, errs, a->english);
	check_org(st, a, &v[1], &v[2], errs);
	check_office(st, a, &v[4], errs);
	check_leader(st, a, id, &v[6], errs);
	if (v[5].type == SV_NULL)
		v[5] = SV_I(0);
	/* An administrator who locks themselves out needs the CLI to recover. */
	if (id == a->user_id && (v[5].i != 0 || (v[1].type == SV_TEXT &&
	    strcmp(v[1].s, role_name(a->role)) != 0)))
		ferr_add(errs, v[5].i ? "disabled" : "role", a->english,
		    "不能停用自己的账号或修改自己的角色",
		    "you cannot disable your own account or change your own role");
	if (json_array_size(errs) > 0)
		return APP_ERR_VALIDATION;
	store_now(now, 0);
	args[0] = SV_I(a->zone_id);
	args[1] = SV_T(now);
	memcpy(args + 2, v, 7 * sizeof *v);
	args[9] = SV_I(id);
	if ((e = store_begin(st)) != APP_OK)
		return e;
	if ((e = res_get(st, a, &user_resource, id, &before)) == APP_OK &&
	    (e = store_query(st, STMT_USER_UPDATE, args, 10, NULL, NULL,
	    NULL)) == APP_OK &&
	    (e = res_get(st, a, &user_resource, id, &after)) == APP_OK &&
	    (e = store_audit(st, a->zone_id, a->user_id, "user", id, "update",
	    before, after)) == APP_OK && v[5].i != 0)
		e = store_query(st, STMT_SESSION_DELETE_USER,
		    (struct store_val[]){SV_I(id)}, 1, NULL, NULL, NULL);
	json_decref(before);
	if (e == APP_OK)
		e = store_commit(st);
	else
		store_rollback(st);
	if (e != APP_OK) {
		json_decref(after);
		return e;
	}
	*out = after;
	return APP_OK;
}

enum app_err
user_set_password(struct store *st, const struct actor *a, long long id,
    const char *password, json_t *errs)
{
	char now[20], hash[SECRET_HASH_MAX], msg[128];
	json_t *row = NULL, *after;
	enum app_err e;

	if (password == NULL || password_policy(password, a->english, msg,
	    sizeof msg) != 0) {
		if (password == NULL)
			ferr_add(errs, "password", a->english, "必填",
			    "is required");
		else
			ferr_addf(errs, "password", msg);
		return APP_ERR_VALIDATION;
	}
	if (password_hash(password, hash) != 0)
		return APP_ERR_INTERNAL;
	store_now(now, 0);
	if ((e = store_begin(st)) != APP_OK)
		return e;
	if ((e = res_get(st, a, &user_resource, id, &row)) == APP_OK &&
	    (e = store_query(st, STMT_USER_SET_PASSWORD, (struct store_val[]){
	    SV_I(a->zone_id), SV_T(now), SV_T(hash), SV_I(id)}, 4, NULL, NULL,
	    NULL)) == APP_OK &&
	    (e = store_query(st, STMT_SESSION_DELETE_USER,
	    (struct store_val[]){SV_I(id)}, 1, NULL, NULL, NULL)) == APP_OK) {
		/* The trail records that the password changed, never a hash. */
		after = json_pack("{s:b}", "password_changed", 1);
		e = store_audit(st, a->zone_id, a->user_id, "user", id,
		    "update", NULL, after);
		json_decref(after);
	}
	json_decref(row);
	if (e == APP_OK)
		return store_commit(st);
	store_rollback(st);
	return e;
}

enum app_err
user_by_name(struct store *st, const char *username, json_t **out)
{
	return store_row1(st, STMT_USER_BY_NAME, (struct store_val[]){
	    SV_T(username)}, 1, out);
}

enum app_err
h_user_create(struct req *r)
{
	json_t *out;
	enum app_err e = user_create(r->st, &r->actor, r->json, r->errs, &out);

	return e != APP_OK ? e : reply_json(r, 201, out);
}

enum app_err
h_user_update(struct req *r)
{
	json_t *out;
	enum app_err e = user_update(r->st, &r->actor, r->id, r->json, r->errs,
	    &out);

	return e != APP_OK ? e : reply_json(r, 200, out);
}

enum app_err
h_user_password(struct req *r)
{
	json_t *pw = json_object_get(r->json, "password");
	enum app_err e;

	if (pw != NULL && !json_is_string(pw)) {
		ferr_add(r->errs, "password", r->english, "应为文本",
		    "must be text");
		return APP_ERR_VALIDATION;
	}
	e = user_set_password(r->st, &r->actor, r->id, json_string_value(pw),
	    r->errs);
	return e != APP_OK ? e : reply_json(r, 200, json_pack("{s:b}", "ok", 1));
}
