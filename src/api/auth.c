/* Login, logout and "who am I". */
#include <string.h>

#include "api/handlers.h"
#include "api/validate.h"
#include "domain/secret.h"
#include "http/auth.h"
#include "http/reply.h"

/* Five failures per username, or fifty per address, in a 15-minute window. */
#define WINDOW (15 * 60)
#define MAX_USER_FAILS 5
#define MAX_IP_FAILS 50

struct cred {
	long long id, zone_id;
	int disabled;
	enum role role;
	char hash[SECRET_HASH_MAX];
	int found;
};

static int
cred_row(void *ctx, const struct store_row *row)
{
	struct cred *c = ctx;

	c->id = store_col_int(row, 0);
	c->zone_id = store_col_int(row, 1);
	snprintf(c->hash, sizeof c->hash, "%s", store_col_text(row, 2));
	c->disabled = store_col_int(row, 3) != 0;
	/* A row with an unknown role cannot log in. */
	c->found = role_parse(store_col_text(row, 4), &c->role) == 0;
	return 1;
}

static enum app_err
throttled(struct req *r, const char *user)
{
	char since[20];
	long long nu = 0, ni = 0;
	enum app_err e;

	store_now(since, -WINDOW);
	if ((e = store_int(r->st, STMT_LOGIN_FAILS, (struct store_val[]){
	    SV_T(user), SV_T(since)}, 2, &nu)) != APP_OK ||
	    (e = store_int(r->st, STMT_LOGIN_FAILS_IP, (struct store_val[]){
	    SV_T(r->ip), SV_T(since)}, 2, &ni)) != APP_OK)
		return e;
	if (nu >= MAX_USER_FAILS || ni >= MAX_IP_FAILS) {
		r->retry_after = WINDOW;
		return APP_ERR_THROTTLED;
	}
	return APP_OK;
}

static enum app_err
failed(struct req *r, const char *user)
{
	char now[20];

	store_now(now, 0);
	store_query(r->st, STMT_LOGIN_FAIL_ADD, (struct store_val[]){
	    SV_T(user), SV_T(r->ip), SV_T(now)}, 3, NULL, NULL, NULL);
	return APP_ERR_BAD_CREDENTIALS;
}

static json_t *
user_json(struct req *r)
{
	json_t *u = NULL;

	store_row1(r->st, STMT_USER_GET, (struct store_val[]){
	    SV_I(r->actor.zone_id), SV_I(r->actor.user_id)}, 2, &u);
	if (u != NULL)
		json_object_set_new(u, "role_label", json_string(role_label(
		    r->actor.role, r->english)));
	return u != NULL ? u : json_object();
}

enum app_err
h_login(struct req *r)
{
	static const struct field_spec f[] = {
		{.name = "username", .type = FT_TEXT, .required = 1,
		    .maxlen = 64},
		{.name = "password", .type = FT_TEXT, .required = 1,
		    .maxlen = 256},
	};
	struct store_val v[2];
	struct cred c = {0};
	char old[20];
	enum app_err e;

	validate_body(r->json, f, 2, v, r->errs, r->english);
	if (json_array_size(r->errs) > 0)
		return APP_ERR_VALIDATION;
	if ((e = throttled(r, v[0].s)) != APP_OK)
		return e;
	if ((e = store_query(r->st, STMT_USER_AUTH, (struct store_val[]){v[0]},
	    1, cred_row, &c, NULL)) != APP_OK)
		return e;
	if (!c.found) {
		password_burn(v[1].s);
		return failed(r, v[0].s);
	}
	if (password_verify(c.hash, v[1].s) != 0 || c.disabled)
		return failed(r, v[0].s);
	store_now(old, -WINDOW);
	store_query(r->st, STMT_LOGIN_FAIL_CLEAR, (struct store_val[]){v[0],
	    SV_T(old)}, 2, NULL, NULL, NULL);
	if ((e = auth_start(r, c.id, c.zone_id)) != APP_OK)
		return e;
	r->authed = 1;
	r->actor.user_id = c.id;
	r->actor.zone_id = c.zone_id;
	r->actor.role = c.role;
	return reply_json(r, 200, json_pack("{s:o, s:s}", "user", user_json(r),
	    "csrf_token", r->csrf));
}

enum app_err
h_logout(struct req *r)
{
	enum app_err e = auth_end(r);

	return e != APP_OK ? e : reply_json(r, 200, json_pack("{s:b}", "ok", 1));
}

enum app_err
h_me(struct req *r)
{
	json_t *perms = json_array(), *zone = NULL;

	for (int p = PERM_NONE + 1; p < PERM__MAX; p++)
		if (perm_allows(r->actor.role, (enum perm)p))
			json_array_append_new(perms, json_string(perm_name(
			    (enum perm)p)));
	store_row1(r->st, STMT_ZONE_GET, (struct store_val[]){
	    SV_I(r->actor.zone_id)}, 1, &zone);
	return reply_json(r, 200, json_pack("{s:o, s:o, s:s, s:o}", "user",
	    user_json(r), "zone", zone ? zone : json_object(), "csrf_token",
	    r->csrf, "permissions", perms));
}
