/*
 * Unit tests of the store against real SQLite files in a temporary
 * directory: migrations, the newer-schema refusal, WAL, nested transactions,
 * RETURNING ids, conflicts, rows as JSON and the online backup.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/sql.h"
#include "store/store.h"
#include "store/store_int.h"	/* migrations_sqlite, to compare with */
#include "util/log.h"

static char dir[64];

static int
group_setup(void **state)
{
	(void)state;
	log_quiet = 1;
	snprintf(dir, sizeof dir, "/tmp/zd-test-store.XXXXXX");
	return mkdtemp(dir) != NULL ? 0 : -1;
}

static int
group_teardown(void **state)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[512];

	(void)state;
	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		unlink(path);
	}
	closedir(d);
	return rmdir(dir);
}

/* A fresh database file for each test. */
static void
db_path(char *out, size_t n, const char *name)
{
	snprintf(out, n, "%s/%s.db", dir, name);
}

struct fix {
	char path[256];
	struct store *st;
};

static int
setup(void **state)
{
	static int seq;
	struct fix *f = calloc(1, sizeof *f);
	char name[32];
	int from, to;

	snprintf(name, sizeof name, "t%d", ++seq);
	db_path(f->path, sizeof f->path, name);
	if (store_open(f->path, &f->st) != APP_OK ||
	    store_migrate(f->st, &from, &to) != APP_OK ||
	    to != store_schema_latest()) {
		free(f);
		return -1;
	}
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fix *f = *state;

	store_close(f->st);
	free(f);
	return 0;
}

/* A plain sqlite3 connection to the same file, for checks from outside. */
static sqlite3 *
raw_open(const char *path)
{
	sqlite3 *db = NULL;

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE,
	    NULL), SQLITE_OK);
	sqlite3_busy_timeout(db, 2000);
	return db;
}

static long long
raw_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *q;
	long long v = -1;

	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &q, NULL), SQLITE_OK);
	if (sqlite3_step(q) == SQLITE_ROW)
		v = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	return v;
}

static long long
zone_insert(struct store *st, const char *code, const char *name,
    enum app_err want)
{
	char now[20];
	long long id = -1;

	store_now(now, 0);
	assert_int_equal(store_int(st, STMT_ZONE_INSERT, (struct store_val[]){
	    SV_T(code), SV_T(name), SV_T(now)}, 3, &id), want);
	return id;
}

static long long
zone_count(struct store *st)
{
	json_t *rows;
	long long n;

	assert_int_equal(store_rows(st, STMT_ZONE_ALL, NULL, 0, &rows),
	    APP_OK);
	n = (long long)json_array_size(rows);
	json_decref(rows);
	return n;
}

static void
test_migrate(void **state)
{
	char path[256];
	struct store *st;
	int v = -1, from = -1, to = -1;
	sqlite3 *db;

	(void)state;
	db_path(path, sizeof path, "migrate");
	assert_int_equal(store_open(path, &st), APP_OK);
	assert_true(store_schema_latest() >= 1);
	assert_int_equal(store_schema_version(st, &v), APP_OK);
	assert_int_equal(v, 0);
	assert_int_equal(store_migrate(st, &from, &to), APP_OK);
	assert_int_equal(from, 0);
	assert_int_equal(to, store_schema_latest());
	assert_int_equal(store_schema_version(st, &v), APP_OK);
	assert_int_equal(v, store_schema_latest());
	/* Idempotent: nothing left to apply. */
	assert_int_equal(store_migrate(st, &from, &to), APP_OK);
	assert_int_equal(from, store_schema_latest());
	assert_int_equal(to, store_schema_latest());
	assert_int_equal(zone_count(st), 0);
	store_close(st);
	/* One bookkeeping row per embedded migration, seen from outside. */
	db = raw_open(path);
	assert_int_equal(raw_int(db, "SELECT COUNT(*) FROM schema_migrations"),
	    (long long)migrations_sqlite_count);
	assert_int_equal(raw_int(db, "SELECT MIN(version) FROM schema_migrations"),
	    1);
	for (size_t i = 0; i < migrations_sqlite_count; i++) {
		char sql[128];

		/* In ascending order, each recorded under its version */
		if (i > 0)
			assert_true(migrations_sqlite[i].version >
			    migrations_sqlite[i - 1].version);
		snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM "
		    "schema_migrations WHERE version = %d",
		    migrations_sqlite[i].version);
		assert_int_equal(raw_int(db, sql), 1);
	}
	assert_int_equal(raw_int(db, "SELECT COUNT(*) FROM sqlite_master"
	    " WHERE type = 'table' AND name IN ('zones', 'parks', 'orgs',"
	    " 'chains', 'users', 'sessions', 'login_attempts', 'audit')"), 8);
	sqlite3_close(db);
	/* Reopened: still current, nothing applied twice. */
	assert_int_equal(store_open(path, &st), APP_OK);
	assert_int_equal(store_migrate(st, &from, &to), APP_OK);
	assert_int_equal(from, store_schema_latest());
	assert_int_equal(to, from);
	store_close(st);
}

static void
test_schema_newer(void **state)
{
	char path[256];
	struct store *st;
	sqlite3 *db;
	int from = -1, to = -1;

	(void)state;
	db_path(path, sizeof path, "newer");
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE schema_migrations ("
	    "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT"
	    " NOT NULL); INSERT INTO schema_migrations VALUES (999, 'future',"
	    " '2099-01-01 00:00:00')", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(store_open(path, &st), APP_OK);
	assert_int_equal(store_migrate(st, &from, &to), APP_ERR_SCHEMA_NEWER);
	assert_int_equal(from, 999);
	assert_int_equal(to, 999);
	assert_non_null(strstr(store_errmsg(st), "999"));
	/* Nothing was applied. */
	db = raw_open(path);
	assert_int_equal(raw_int(db, "SELECT COUNT(*) FROM sqlite_master"
	    " WHERE name = 'zones'"), 0);
	sqlite3_close(db);
	store_close(st);
}

static void
test_wal(void **state)
{
	struct fix *f = *state;
	sqlite3 *db = raw_open(f->path);
	sqlite3_stmt *q;

	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &q,
	    NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(q, 0), "wal");
	sqlite3_finalize(q);
	sqlite3_close(db);
}

static void
test_nested_commit(void **state)
{
	struct fix *f = *state;
	sqlite3 *db;

	assert_int_equal(store_begin(f->st), APP_OK);
	zone_insert(f->st, "a", "A", APP_OK);
	assert_int_equal(store_begin(f->st), APP_OK);
	zone_insert(f->st, "b", "B", APP_OK);
	assert_int_equal(store_commit(f->st), APP_OK);
	/* The inner commit did not reach the database. */
	db = raw_open(f->path);
	assert_int_equal(raw_int(db, "SELECT COUNT(*) FROM zones"), 0);
	assert_int_equal(store_commit(f->st), APP_OK);
	assert_int_equal(raw_int(db, "SELECT COUNT(*) FROM zones"), 2);
	sqlite3_close(db);
	/* Nothing open: a stray commit is refused. */
	assert_int_equal(store_commit(f->st), APP_ERR_INTERNAL);
	store_rollback(f->st);	/* and a stray rollback is harmless */
	assert_int_equal(zone_count(f->st), 2);
}

static void
test_nested_rollback(void **state)
{
	struct fix *f = *state;
	sqlite3 *db;

	assert_int_equal(store_begin(f->st), APP_OK);
	zone_insert(f->st, "a", "A", APP_OK);
	assert_int_equal(store_begin(f->st), APP_OK);
	zone_insert(f->st, "b", "B", APP_OK);
	store_rollback(f->st);
	/* The outer commit fails and rolls everything back. */
	assert_int_equal(store_commit(f->st), APP_ERR_INTERNAL);
	assert_int_equal(zone_count(f->st), 0);
	db = raw_open(f->path);
	assert_int_equal(raw_int(db, "SELECT COUNT(*) FROM zones"), 0);
	sqlite3_close(db);
	/* Three deep: the middle commit already reports the failure. */
	assert_int_equal(store_begin(f->st), APP_OK);
	assert_int_equal(store_begin(f->st), APP_OK);
	assert_int_equal(store_begin(f->st), APP_OK);
	zone_insert(f->st, "c", "C", APP_OK);
	store_rollback(f->st);
	assert_int_equal(store_commit(f->st), APP_ERR_INTERNAL);
	assert_int_equal(store_commit(f->st), APP_ERR_INTERNAL);
	assert_int_equal(zone_count(f->st), 0);
	/* The failure does not leak into the next transaction. */
	assert_int_equal(store_begin(f->st), APP_OK);
	zone_insert(f->st, "d", "D", APP_OK);
	assert_int_equal(store_commit(f->st), APP_OK);
	assert_int_equal(zone_count(f->st), 1);
	/* Outer rollback after a clean inner commit */
	assert_int_equal(store_begin(f->st), APP_OK);
	assert_int_equal(store_begin(f->st), APP_OK);
	zone_insert(f->st, "e", "E", APP_OK);
	assert_int_equal(store_commit(f->st), APP_OK);
	store_rollback(f->st);
	assert_int_equal(zone_count(f->st), 1);
}

static void
test_insert_returning(void **state)
{
	struct fix *f = *state;
	long long a, b;
	json_t *row;

	a = zone_insert(f->st, "lyg", "连云港经济技术开发区", APP_OK);
	b = zone_insert(f->st, "hz", "海州开发区", APP_OK);
	assert_true(a >= 1);
	assert_int_equal(b, a + 1);
	assert_int_equal(store_row1(f->st, STMT_ZONE_GET,
	    (struct store_val[]){SV_I(b)}, 1, &row), APP_OK);
	assert_int_equal(json_integer_value(json_object_get(row, "id")), b);
	assert_string_equal(json_string_value(json_object_get(row, "code")),
	    "hz");
	assert_string_equal(json_string_value(json_object_get(row, "name")),
	    "海州开发区");
	assert_int_equal(strlen(json_string_value(json_object_get(row,
	    "created_at"))), 19);
	assert_int_equal(json_object_size(row), 4);
	json_decref(row);
	row = NULL;
	assert_int_equal(store_row1(f->st, STMT_ZONE_GET,
	    (struct store_val[]){SV_I(b + 100)}, 1, &row), APP_ERR_NOT_FOUND);
	assert_null(row);
}

static void
test_changes_and_int(void **state)
{
	struct fix *f = *state;
	long long id = zone_insert(f->st, "z", "Z", APP_OK), changes = -1, n;

	assert_int_equal(store_query(f->st, STMT_ZONE_UPDATE,
	    (struct store_val[]){SV_I(id), SV_T("Z2")}, 2, NULL, NULL,
	    &changes), APP_OK);
	assert_int_equal(changes, 1);
	assert_int_equal(store_query(f->st, STMT_ZONE_UPDATE,
	    (struct store_val[]){SV_I(id + 50), SV_T("Z3")}, 2, NULL, NULL,
	    &changes), APP_OK);
	assert_int_equal(changes, 0);
	assert_int_equal(store_int(f->st, STMT_PING, NULL, 0, &n), APP_OK);
	assert_int_equal(n, 1);
	/* No row: 0 */
	n = 77;
	assert_int_equal(store_int(f->st, STMT_ZONE_BY_CODE,
	    (struct store_val[]){SV_T("nope")}, 1, &n), APP_OK);
	assert_int_equal(n, 0);
}

static void
test_conflicts(void **state)
{
	struct fix *f = *state;
	long long z = zone_insert(f->st, "dup", "One", APP_OK), id;
	char now[20];

	/* zones.code is UNIQUE */
	zone_insert(f->st, "dup", "Two", APP_ERR_CONFLICT);
	assert_non_null(store_conflict_field(f->st));
	assert_string_equal(store_conflict_field(f->st), "code");
	assert_non_null(strstr(store_errmsg(f->st), "UNIQUE"));
	/* The next statement clears it. */
	zone_insert(f->st, "other", "Two", APP_OK);
	assert_null(store_conflict_field(f->st));
	/* A two-column key names its last column: parks(zone_id, name) */
	store_now(now, 0);
	assert_int_equal(store_int(f->st, STMT_PARK_INSERT, (struct store_val[]){
	    SV_I(z), SV_T(now), SV_T("南区"), SV_T("park"), SV_T("P1"),
	    SV_NULLV}, 6, &id), APP_OK);
	assert_int_equal(store_int(f->st, STMT_PARK_INSERT, (struct store_val[]){
	    SV_I(z), SV_T(now), SV_T("南区"), SV_T("park"), SV_T("P2"),
	    SV_NULLV}, 6, &id), APP_ERR_CONFLICT);
	assert_string_equal(store_conflict_field(f->st), "name");
	assert_int_equal(store_int(f->st, STMT_PARK_INSERT, (struct store_val[]){
	    SV_I(z), SV_T(now), SV_T("北区"), SV_T("park"), SV_T("P1"),
	    SV_NULLV}, 6, &id), APP_ERR_CONFLICT);
	assert_string_equal(store_conflict_field(f->st), "code");
	/* A missing reference is a conflict without a field. */
	assert_int_equal(store_int(f->st, STMT_PARK_INSERT, (struct store_val[]){
	    SV_I(z + 999), SV_T(now), SV_T("西区"), SV_T("park"), SV_NULLV,
	    SV_NULLV}, 6, &id), APP_ERR_CONFLICT);
	assert_null(store_conflict_field(f->st));
	/* A CHECK constraint is a validation error. */
	assert_int_equal(store_int(f->st, STMT_PARK_INSERT, (struct store_val[]){
	    SV_I(z), SV_T(now), SV_T("东区"), SV_T("factory"), SV_NULLV,
	    SV_NULLV}, 6, &id), APP_ERR_VALIDATION);
	assert_null(store_conflict_field(f->st));
	/* NOT NULL too */
	assert_int_equal(store_int(f->st, STMT_PARK_INSERT, (struct store_val[]){
	    SV_I(z), SV_T(now), SV_NULLV, SV_T("park"), SV_NULLV,
	    SV_NULLV}, 6, &id), APP_ERR_VALIDATION);
}

static void
test_rows_audit_json(void **state)
{
	struct fix *f = *state;
	long long z = zone_insert(f->st, "au", "Audit", APP_OK);
	json_t *before = json_pack("{s:s, s:i}", "name", "旧", "n", 1);
	json_t *after = json_pack("{s:s, s:i, s:[i,i]}", "name", "新", "n", 2,
	    "list", 1, 2);
	json_t *rows, *row;
	const char *key;
	json_t *val;

	assert_int_equal(store_audit(f->st, z, 0, "park", 7, "create", NULL,
	    before), APP_OK);
	assert_int_equal(store_audit(f->st, z, 0, "park", 7, "update", before,
	    after), APP_OK);
	assert_int_equal(store_rows(f->st, STMT_AUDIT_LIST, (struct store_val[]){
	    SV_I(z), SV_NULLV, SV_NULLV, SV_NULLV, SV_I(20), SV_I(0)}, 6,
	    &rows), APP_OK);
	assert_int_equal(json_array_size(rows), 2);
	/* Newest first */
	row = json_array_get(rows, 0);
	assert_string_equal(json_string_value(json_object_get(row, "action")),
	    "update");
	assert_int_equal(json_integer_value(json_object_get(row, "zone_id")),
	    z);
	assert_int_equal(json_integer_value(json_object_get(row, "entity_id")),
	    7);
	assert_string_equal(json_string_value(json_object_get(row, "entity")),
	    "park");
	/* user 0 is stored as NULL; the join gives no username */
	assert_true(json_is_null(json_object_get(row, "user_id")));
	assert_true(json_is_null(json_object_get(row, "username")));
	/* __json columns come back as JSON under the stem name. */
	assert_true(json_equal(json_object_get(row, "before"), before));
	assert_true(json_equal(json_object_get(row, "after"), after));
	assert_null(json_object_get(row, "before__json"));
	assert_null(json_object_get(row, "after__json"));
	json_object_foreach(row, key, val)
		assert_null(strstr(key, "__"));
	assert_true(json_is_integer(json_object_get(row, "id")));
	assert_true(json_is_string(json_object_get(row, "at")));
	assert_true(json_is_null(json_object_get(row, "parent_entity")));
	/* NULL __json column: JSON null */
	row = json_array_get(rows, 1);
	assert_string_equal(json_string_value(json_object_get(row, "action")),
	    "create");
	assert_true(json_is_null(json_object_get(row, "before")));
	assert_true(json_equal(json_object_get(row, "after"), before));
	json_decref(rows);
	/* The entity filter */
	assert_int_equal(store_rows(f->st, STMT_AUDIT_LIST, (struct store_val[]){
	    SV_I(z), SV_T("org"), SV_NULLV, SV_NULLV, SV_I(20), SV_I(0)}, 6,
	    &rows), APP_OK);
	assert_int_equal(json_array_size(rows), 0);
	json_decref(rows);
	/* A part's row shows in its parent's history, not the other way. */
	assert_int_equal(store_audit_part(f->st, z, 0, "report", 55, "create",
	    NULL, after, "project", 9), APP_OK);
	assert_int_equal(store_rows(f->st, STMT_AUDIT_LIST, (struct store_val[]){
	    SV_I(z), SV_T("project"), SV_I(9), SV_NULLV, SV_I(20), SV_I(0)}, 6,
	    &rows), APP_OK);
	assert_int_equal(json_array_size(rows), 1);
	row = json_array_get(rows, 0);
	assert_string_equal(json_string_value(json_object_get(row, "entity")),
	    "report");
	assert_int_equal(json_integer_value(json_object_get(row, "entity_id")),
	    55);
	assert_string_equal(json_string_value(json_object_get(row,
	    "parent_entity")), "project");
	assert_int_equal(json_integer_value(json_object_get(row, "parent_id")),
	    9);
	json_decref(rows);
	assert_int_equal(store_rows(f->st, STMT_AUDIT_LIST, (struct store_val[]){
	    SV_I(z), SV_T("project"), SV_I(10), SV_NULLV, SV_I(20), SV_I(0)}, 6,
	    &rows), APP_OK);
	assert_int_equal(json_array_size(rows), 0);
	json_decref(rows);
	assert_int_equal(store_rows(f->st, STMT_AUDIT_LIST, (struct store_val[]){
	    SV_I(z), SV_T("park"), SV_I(7), SV_NULLV, SV_I(20), SV_I(0)}, 6,
	    &rows), APP_OK);
	assert_int_equal(json_array_size(rows), 2);
	json_decref(rows);
	/* An invalid action breaks the CHECK constraint. */
	assert_int_equal(store_audit(f->st, z, 0, "park", 7, "erase", NULL,
	    NULL), APP_ERR_VALIDATION);
	json_decref(before);
	json_decref(after);
}

static long long
user_insert(struct store *st, long long zone, const char *username)
{
	char now[20];
	long long id = -1;

	store_now(now, 0);
	assert_int_equal(store_int(st, STMT_USER_INSERT, (struct store_val[]){
	    SV_I(zone), SV_T(now), SV_T(username), SV_T("名字"), SV_T("leader"),
	    SV_NULLV, SV_NULLV, SV_NULLV, SV_T("$argon2id$fake")}, 9, &id),
	    APP_OK);
	return id;
}

static json_t *
user_list(struct store *st, long long zone, const char *q)
{
	json_t *rows;

	assert_int_equal(store_rows(st, STMT_USER_LIST, (struct store_val[]){
	    SV_I(zone), SV_T(q), SV_NULLV, SV_T("username"), SV_I(50), SV_I(0)},
	    6, &rows), APP_OK);
	return rows;
}

static void
test_rows_user_bool(void **state)
{
	struct fix *f = *state;
	long long z = zone_insert(f->st, "us", "Users", APP_OK);
	long long a = user_insert(f->st, z, "a_b"), changes;
	json_t *rows, *row;
	char now[20];

	user_insert(f->st, z, "axb");
	rows = user_list(f->st, z, NULL);
	assert_int_equal(json_array_size(rows), 2);
	row = json_array_get(rows, 0);
	assert_string_equal(json_string_value(json_object_get(row, "username")),
	    "a_b");
	assert_true(json_is_false(json_object_get(row, "disabled")));
	assert_null(json_object_get(row, "disabled__bool"));
	assert_null(json_object_get(row, "pw_hash"));
	assert_true(json_is_null(json_object_get(row, "org_id")));
	json_decref(rows);
	/* Disable a_b: the __bool column turns true. */
	store_now(now, 0);
	assert_int_equal(store_query(f->st, STMT_USER_UPDATE,
	    (struct store_val[]){SV_I(z), SV_T(now), SV_T("名字"),
	    SV_T("leader"), SV_NULLV, SV_NULLV, SV_NULLV, SV_I(1), SV_NULLV,
	    SV_I(a)}, 10,
	    NULL, NULL, &changes), APP_OK);
	assert_int_equal(changes, 1);
	rows = user_list(f->st, z, NULL);
	assert_true(json_is_true(json_object_get(json_array_get(rows, 0),
	    "disabled")));
	assert_true(json_is_false(json_object_get(json_array_get(rows, 1),
	    "disabled")));
	json_decref(rows);
	/* LIKE escaping as list_query_parse writes it: "\_" is a literal _ */
	rows = user_list(f->st, z, "\\_");
	assert_int_equal(json_array_size(rows), 1);
	assert_string_equal(json_string_value(json_object_get(
	    json_array_get(rows, 0), "username")), "a_b");
	json_decref(rows);
	rows = user_list(f->st, z, "_");
	assert_int_equal(json_array_size(rows), 2);
	json_decref(rows);
	rows = user_list(f->st, z, "\\%");
	assert_int_equal(json_array_size(rows), 0);
	json_decref(rows);
}

static void
test_backup(void **state)
{
	struct fix *f = *state;
	char path[300];
	struct store *copy;
	json_t *a, *b;
	int from, to;

	zone_insert(f->st, "b1", "备份一", APP_OK);
	zone_insert(f->st, "b2", "备份二", APP_OK);
	snprintf(path, sizeof path, "%s.backup", f->path);
	assert_int_equal(store_backup(f->st, path), APP_OK);
	/* The source keeps working after the backup. */
	zone_insert(f->st, "b3", "备份三", APP_OK);
	assert_int_equal(store_open(path, &copy), APP_OK);
	assert_int_equal(store_migrate(copy, &from, &to), APP_OK);
	assert_int_equal(from, store_schema_latest());
	assert_int_equal(to, from);
	assert_int_equal(store_rows(copy, STMT_ZONE_ALL, NULL, 0, &b), APP_OK);
	assert_int_equal(json_array_size(b), 2);
	/* Equal to the source's rows before the third insert */
	assert_int_equal(store_rows(f->st, STMT_ZONE_ALL, NULL, 0, &a), APP_OK);
	assert_int_equal(json_array_size(a), 3);
	json_array_remove(a, 2);
	assert_true(json_equal(a, b));
	json_decref(a);
	json_decref(b);
	store_close(copy);
	/* An unwritable destination is an I/O error. */
	snprintf(path, sizeof path, "%s/no/such/dir/x.db", dir);
	assert_int_equal(store_backup(f->st, path), APP_ERR_IO);
}

static void
test_open_fails(void **state)
{
	struct store *st = NULL;

	(void)state;
	assert_int_equal(store_open("/nonexistent-dir/zd/x.db", &st),
	    APP_ERR_IO);
	assert_null(st);
}

static void
test_now(void **state)
{
	char a[20], b[20];

	(void)state;
	store_now(a, 0);
	assert_int_equal(strlen(a), 19);
	assert_true(a[4] == '-' && a[7] == '-' && a[10] == ' ' &&
	    a[13] == ':' && a[16] == ':');
	/* One day later sorts after, as text. */
	store_now(b, 86400);
	assert_true(strcmp(b, a) > 0);
	store_now(b, -86400);
	assert_true(strcmp(b, a) < 0);
}

/*
 * Every named statement prepares on the migrated schema, and its parameters
 * are ?1..?N without gaps (what the PostgreSQL translation relies on).
 */
static void
test_all_statements(void **state)
{
	char path[256], want[16];
	struct store *st;
	int from, to;
	sqlite3 *db;

	(void)state;
	db_path(path, sizeof path, "statements");
	assert_int_equal(store_open(path, &st), APP_OK);
	assert_int_equal(store_migrate(st, &from, &to), APP_OK);
	store_close(st);
	db = raw_open(path);
	for (int s = 0; s < STMT__MAX; s++) {
		sqlite3_stmt *q = NULL;
		int n;

		if (sqlite3_prepare_v2(db, stmt_sql[s], -1, &q, NULL) !=
		    SQLITE_OK)
			fail_msg("%s: %s", stmt_name[s], sqlite3_errmsg(db));
		n = sqlite3_bind_parameter_count(q);
		for (int i = 1; i <= n; i++) {
			const char *got = sqlite3_bind_parameter_name(q, i);

			snprintf(want, sizeof want, "?%d", i);
			if (got == NULL || strcmp(got, want) != 0)
				fail_msg("%s: parameter %d is %s", stmt_name[s],
				    i, got != NULL ? got : "unnamed");
		}
		sqlite3_finalize(q);
	}
	sqlite3_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_migrate),
		cmocka_unit_test(test_schema_newer),
		cmocka_unit_test_setup_teardown(test_wal, setup, teardown),
		cmocka_unit_test_setup_teardown(test_nested_commit, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_nested_rollback, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_insert_returning, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_changes_and_int, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_conflicts, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_rows_audit_json, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_rows_user_bool, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_backup, setup, teardown),
		cmocka_unit_test(test_open_fails),
		cmocka_unit_test(test_now),
		cmocka_unit_test(test_all_statements),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
