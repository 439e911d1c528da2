/* Session cookies and CSRF tokens. */
#include <microhttpd.h>
#include <string.h>

#include "domain/secret.h"
#include "http/auth.h"
#include "util/xalloc.h"

struct found {
	struct req *r;
	int ok;
};

static int
session_row(void *ctx, const struct store_row *row)
{
	struct found *f = ctx;
	struct req *r = f->r;
	enum role role;

	if (role_parse(store_col_text(row, 4), &role) != 0)
		return 1;
	r->actor.user_id = store_col_int(row, 0);
	r->actor.zone_id = store_col_int(row, 1);
	snprintf(r->csrf, sizeof r->csrf, "%s", store_col_text(row, 2));
	r->actor.role = role;
	r->actor.org_id = store_col_type(row, 5) == SV_NULL ? 0 :
	    store_col_int(row, 5);
	f->ok = 1;
	return 1;
}

enum app_err
auth_resolve(struct req *r)
{
	const char *tok = MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND,
	    SESSION_COOKIE);
	char hash[65], now[20];
	struct found f = {r, 0};
	enum app_err e;

	r->authed = 0;
	if (tok == NULL || strlen(tok) != 64)
		return APP_OK;
	token_hash(tok, hash);
	store_now(now, 0);
	e = store_query(r->st, STMT_SESSION_GET, (struct store_val[]){
	    SV_T(hash), SV_T(now)}, 2, session_row, &f, NULL);
	r->authed = f.ok;
	return e;
}

int
auth_csrf_ok(struct req *r)
{
	const char *h = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND,
	    "X-CSRF-Token");

	return h != NULL && r->csrf[0] != '\0' && token_equal(h, r->csrf) ?
	    0 : -1;
}

enum app_err
auth_start(struct req *r, long long user_id, long long zone_id)
{
	char tok[65], hash[65], now[20], exp[20];
	enum app_err e;

	token_new(tok);
	token_new(r->csrf);
	token_hash(tok, hash);
	store_now(now, 0);
	store_now(exp, SESSION_TTL);
	/* Expired sessions go when new ones come, so the table stays small. */
	if ((e = store_query(r->st, STMT_SESSION_PURGE, (struct store_val[]){
	    SV_T(now)}, 1, NULL, NULL, NULL)) != APP_OK ||
	    (e = store_query(r->st, STMT_SESSION_INSERT, (struct store_val[]){
	    SV_T(hash), SV_I(user_id), SV_I(zone_id), SV_T(r->csrf),
	    SV_T(now), SV_T(exp)}, 6, NULL, NULL, NULL)) != APP_OK)
		return e;
	r->set_cookie = arena_printf(r->arena, SESSION_COOKIE "=%s; Path=/; "
	    "HttpOnly; SameSite=Strict; Max-Age=%d", tok, SESSION_TTL);
	return APP_OK;
}

enum app_err
auth_end(struct req *r)
{
	const char *tok = MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND,
	    SESSION_COOKIE);
	char hash[65];

	r->set_cookie = SESSION_COOKIE "=; Path=/; HttpOnly; SameSite=Strict; "
	    "Max-Age=0";
	if (tok == NULL)
		return APP_OK;
	token_hash(tok, hash);
	return store_query(r->st, STMT_SESSION_DELETE, (struct store_val[]){
	    SV_T(hash)}, 1, NULL, NULL, NULL);
}
