/*
 * Backend-independent half of the store: dispatch, nesting transactions,
 * migrations, rows as JSON and the audit row.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/store_int.h"
#include "util/log.h"
#include "util/xalloc.h"

enum app_err
store_open(const char *path, struct store **out)
{
	struct store *st = xcalloc(1, sizeof *st);
	enum app_err e = sqlite_open(path, st);

	if (e != APP_OK) {
		log_error("store: cannot open %s: %s", path, st->errmsg);
		free(st);
		return e;
	}
	st->path = xstrdup(path);
	*out = st;
	return APP_OK;
}

const char *store_path(const struct store *st) { return st->path; }

void
store_close(struct store *st)
{
	if (st == NULL)
		return;
	st->ops->close(st);
	free(st->path);
	free(st);
}

const char *store_errmsg(const struct store *st) { return st->errmsg; }

const char *
store_conflict_field(const struct store *st)
{
	return st->conflict[0] ? st->conflict : NULL;
}

int
store_schema_latest(void)
{
	return migrations_sqlite[migrations_sqlite_count - 1].version;
}

enum app_err
store_schema_version(struct store *st, int *version)
{
	long long v = 0;
	enum app_err e;

	/* Portable DDL: the bookkeeping table exists before any migration. */
	e = st->ops->script(st, "CREATE TABLE IF NOT EXISTS schema_migrations ("
	    "version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
	    "applied_at TEXT NOT NULL)");
	if (e == APP_OK)
		e = store_int(st, STMT_SCHEMA_VERSION, NULL, 0, &v);
	*version = (int)v;
	return e;
}

enum app_err
store_migrate(struct store *st, int *from, int *to)
{
	enum app_err e;
	int v;
	char now[20];

	if ((e = store_schema_version(st, &v)) != APP_OK)
		return e;
	*from = *to = v;
	if (v > store_schema_latest()) {
		snprintf(st->errmsg, sizeof st->errmsg,
		    "database schema version %d is newer than this zonedesk "
		    "(knows up to %d); upgrade zonedesk", v,
		    store_schema_latest());
		return APP_ERR_SCHEMA_NEWER;
	}
	for (size_t i = 0; i < migrations_sqlite_count; i++) {
		const struct migration *m = &migrations_sqlite[i];

		if (m->version <= v)
			continue;
		store_now(now, 0);
		if ((e = store_begin(st)) != APP_OK)
			return e;
		if ((e = st->ops->script(st, m->sql)) != APP_OK ||
		    (e = store_query(st, STMT_MIGRATION_DONE,
		    (struct store_val[]){SV_I(m->version), SV_T(m->name),
		    SV_T(now)}, 3, NULL, NULL, NULL)) != APP_OK) {
			log_error("migration %03d_%s failed: %s", m->version,
			    m->name, st->errmsg);
			store_rollback(st);
			return e;
		}
		if ((e = store_commit(st)) != APP_OK)
			return e;
		*to = m->version;
	}
	return APP_OK;
}

enum app_err
store_begin(struct store *st)
{
	enum app_err e = APP_OK;

	if (st->depth == 0) {
		st->failed = 0;
		e = st->ops->tx(st, "BEGIN");
	}
	if (e == APP_OK)
		st->depth++;
	return e;
}

enum app_err
store_commit(struct store *st)
{
	if (st->depth == 0)
		return APP_ERR_INTERNAL;
	if (--st->depth > 0)
		return st->failed ? APP_ERR_INTERNAL : APP_OK;
	if (st->failed) {
		st->ops->tx(st, "ROLLBACK");
		return APP_ERR_INTERNAL;
	}
	return st->ops->tx(st, "COMMIT");
}

void
store_rollback(struct store *st)
{
	if (st->depth == 0)
		return;
	if (--st->depth > 0) {
		st->failed = 1;
		return;
	}
	st->ops->tx(st, "ROLLBACK");
}

enum app_err
store_query(struct store *st, enum stmt s, const struct store_val *args,
    size_t nargs, store_row_cb cb, void *ctx, long long *changes)
{
	st->conflict[0] = '\0';
	return st->ops->query(st, s, args, nargs, cb, ctx, changes);
}

static int
has_suffix(const char *s, const char *suf, size_t *stem)
{
	size_t n = strlen(s), m = strlen(suf);

	if (n < m || strcmp(s + n - m, suf) != 0)
		return 0;
	*stem = n - m;
	return 1;
}

static json_t *
col_json(const struct store_row *row, int i, char *key, size_t keysz)
{
	const char *name = store_col_name(row, i);
	size_t stem;
	json_t *v;

	snprintf(key, keysz, "%s", name);
	if (has_suffix(name, "__json", &stem)) {
		key[stem] = '\0';
		if (store_col_type(row, i) == SV_NULL)
			return json_null();
		v = json_loads(store_col_text(row, i), 0, NULL);
		return v != NULL ? v : json_null();
	}
	if (has_suffix(name, "__bool", &stem)) {
		key[stem] = '\0';
		return json_boolean(store_col_int(row, i) != 0);
	}
	switch (store_col_type(row, i)) {
	case SV_INT:
		return json_integer(store_col_int(row, i));
	case SV_REAL:
		return json_real(store_col_real(row, i));
	case SV_TEXT:
		return json_string(store_col_text(row, i));
	default:
		return json_null();
	}
}

static int
row_to_json(void *ctx, const struct store_row *row)
{
	json_t *obj = json_object();
	char key[128];

	for (int i = 0; i < store_col_count(row); i++) {
		json_t *v = col_json(row, i, key, sizeof key);

		json_object_set_new(obj, key, v);
	}
	json_array_append_new(ctx, obj);
	return 0;
}

enum app_err
store_rows(struct store *st, enum stmt s, const struct store_val *args,
    size_t nargs, json_t **out)
{
	json_t *arr = json_array();
	enum app_err e = store_query(st, s, args, nargs, row_to_json, arr, NULL);

	if (e != APP_OK) {
		json_decref(arr);
		return e;
	}
	*out = arr;
	return APP_OK;
}

enum app_err
store_row1(struct store *st, enum stmt s, const struct store_val *args,
    size_t nargs, json_t **out)
{
	json_t *arr;
	enum app_err e;

	*out = NULL;	/* callers may decref it on any path */
	if ((e = store_rows(st, s, args, nargs, &arr)) != APP_OK)
		return e;
	if (json_array_size(arr) == 0) {
		json_decref(arr);
		return APP_ERR_NOT_FOUND;
	}
	*out = json_incref(json_array_get(arr, 0));
	json_decref(arr);
	return APP_OK;
}

static int
first_int(void *ctx, const struct store_row *row)
{
	*(long long *)ctx = store_col_int(row, 0);
	return 1;
}

enum app_err
store_int(struct store *st, enum stmt s, const struct store_val *args,
    size_t nargs, long long *out)
{
	*out = 0;
	return store_query(st, s, args, nargs, first_int, out, NULL);
}

enum app_err
store_backup(struct store *st, const char *path)
{
	return st->ops->backup(st, path);
}

int store_col_count(const struct store_row *r) { return r->st->ops->col_count(r); }
const char *store_col_name(const struct store_row *r, int i) { return r->st->ops->col_name(r, i); }
enum store_vtype store_col_type(const struct store_row *r, int i) { return r->st->ops->col_type(r, i); }
long long store_col_int(const struct store_row *r, int i) { return r->st->ops->col_int(r, i); }
double store_col_real(const struct store_row *r, int i) { return r->st->ops->col_real(r, i); }
const char *store_col_text(const struct store_row *r, int i) { return r->st->ops->col_text(r, i); }

void
store_now(char out[20], long offset_seconds)
{
	time_t t = time(NULL) + offset_seconds;
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 20, "%Y-%m-%d %H:%M:%S", &tm);
}

enum app_err
store_audit(struct store *st, long long zone_id, long long user_id,
    const char *entity, long long entity_id, const char *action,
    json_t *before, json_t *after)
{
	return store_audit_part(st, zone_id, user_id, entity, entity_id, action,
	    before, after, NULL, 0);
}

enum app_err
store_audit_part(struct store *st, long long zone_id, long long user_id,
    const char *entity, long long entity_id, const char *action,
    json_t *before, json_t *after, const char *parent_entity,
    long long parent_id)
{
	char now[20];
	char *b = before ? json_dumps(before, JSON_COMPACT | JSON_SORT_KEYS |
	    JSON_REAL_PRECISION(15)) : NULL;
	char *a = after ? json_dumps(after, JSON_COMPACT | JSON_SORT_KEYS |
	    JSON_REAL_PRECISION(15)) : NULL;
	enum app_err e;

	store_now(now, 0);
	e = store_query(st, STMT_AUDIT_INSERT, (struct store_val[]){
	    SV_I(zone_id), user_id > 0 ? SV_I(user_id) : SV_NULLV, SV_T(now),
	    SV_T(entity), SV_I(entity_id), SV_T(action), SV_T(b), SV_T(a),
	    SV_T(parent_entity), parent_entity ? SV_I(parent_id) : SV_NULLV},
	    10, NULL, NULL, NULL);
	free(b);
	free(a);
	return e;
}
