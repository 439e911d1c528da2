/*
 * SQLite backend: WAL, foreign keys, a busy timeout, and every statement
 * prepared once per connection (SQLITE_PREPARE_PERSISTENT) on first use.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_int.h"
#include "util/xalloc.h"

struct lite {
	sqlite3 *db;
	sqlite3_stmt *stmts[STMT__MAX];
};

#define DB(st) (((struct lite *)(st)->impl)->db)

static enum app_err
fail(struct store *st, int rc)
{
	const char *msg = sqlite3_errmsg(DB(st)), *col;
	int base = rc & 0xff;

	snprintf(st->errmsg, sizeof st->errmsg, "%s", msg);
	if (base == SQLITE_CONSTRAINT) {
		if (rc == SQLITE_CONSTRAINT_FOREIGNKEY) {
			st->conflict[0] = '\0';
			return APP_ERR_CONFLICT;
		}
		if (rc == SQLITE_CONSTRAINT_UNIQUE ||
		    rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
			/* "UNIQUE constraint failed: parks.zone_id, parks.name":
			 * the last column is the one that clashed. */
			col = strrchr(msg, '.');
			snprintf(st->conflict, sizeof st->conflict, "%s",
			    col ? col + 1 : "");
			return APP_ERR_CONFLICT;
		}
		return APP_ERR_VALIDATION;
	}
	if (base == SQLITE_FULL || base == SQLITE_IOERR ||
	    base == SQLITE_CANTOPEN || base == SQLITE_READONLY)
		return APP_ERR_IO;
	return APP_ERR_INTERNAL;
}

static enum app_err
lite_script(struct store *st, const char *sql)
{
	char *err = NULL;
	int rc = sqlite3_exec(DB(st), sql, NULL, NULL, &err);

	if (rc != SQLITE_OK) {
		snprintf(st->errmsg, sizeof st->errmsg, "%s",
		    err ? err : sqlite3_errstr(rc));
		sqlite3_free(err);
		return fail(st, rc);
	}
	return APP_OK;
}

static enum app_err
lite_tx(struct store *st, const char *verb)
{
	/* IMMEDIATE takes the write lock up front, so two writers wait on
	 * the busy timeout instead of deadlocking on a lock upgrade. */
	return lite_script(st, strcmp(verb, "BEGIN") == 0 ?
	    "BEGIN IMMEDIATE" : verb);
}

static sqlite3_stmt *
prepared(struct store *st, enum stmt s, enum app_err *e)
{
	struct lite *l = st->impl;
	int rc;

	if (l->stmts[s] != NULL)
		return l->stmts[s];
	rc = sqlite3_prepare_v3(l->db, stmt_sql[s], -1,
	    SQLITE_PREPARE_PERSISTENT, &l->stmts[s], NULL);
	if (rc != SQLITE_OK) {
		*e = fail(st, rc);
		snprintf(st->errmsg, sizeof st->errmsg, "prepare %s: %s",
		    stmt_name[s], sqlite3_errmsg(l->db));
		return NULL;
	}
	return l->stmts[s];
}

static enum app_err
lite_query(struct store *st, enum stmt s, const struct store_val *args,
    size_t nargs, store_row_cb cb, void *ctx, long long *changes)
{
	enum app_err e = APP_ERR_INTERNAL;
	sqlite3_stmt *q = prepared(st, s, &e);
	struct store_row row = {st, NULL};
	int rc = SQLITE_OK;

	if (q == NULL)
		return e;
	for (size_t i = 0; i < nargs && rc == SQLITE_OK; i++) {
		int at = (int)i + 1;

		switch (args[i].type) {
		case SV_INT:
			rc = sqlite3_bind_int64(q, at, args[i].i);
			break;
		case SV_REAL:
			rc = sqlite3_bind_double(q, at, args[i].r);
			break;
		case SV_TEXT:
			rc = sqlite3_bind_text(q, at, args[i].s, -1,
			    SQLITE_STATIC);
			break;
		default:
			rc = sqlite3_bind_null(q, at);
		}
	}
	row.impl = q;
	e = APP_OK;
	if (rc == SQLITE_OK) {
		while ((rc = sqlite3_step(q)) == SQLITE_ROW)
			if (cb != NULL && cb(ctx, &row) != 0) {
				rc = SQLITE_DONE;
				break;
			}
	}
	if (rc != SQLITE_DONE)
		e = fail(st, rc);
	else if (changes != NULL)
		*changes = sqlite3_changes64(DB(st));
	sqlite3_reset(q);
	sqlite3_clear_bindings(q);
	return e;
}

static enum app_err
lite_backup(struct store *st, const char *path)
{
	sqlite3 *dst;
	sqlite3_backup *b;
	int rc = sqlite3_open_v2(path, &dst,
	    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);

	if (rc != SQLITE_OK) {
		snprintf(st->errmsg, sizeof st->errmsg, "%s: %s", path,
		    sqlite3_errmsg(dst));
		sqlite3_close(dst);
		return APP_ERR_IO;
	}
	b = sqlite3_backup_init(dst, "main", DB(st), "main");
	if (b == NULL) {
		snprintf(st->errmsg, sizeof st->errmsg, "%s",
		    sqlite3_errmsg(dst));
		sqlite3_close(dst);
		return APP_ERR_IO;
	}
	/* Copy in steps so writers are never held up for long; a write in
	 * between restarts the copy, which still ends consistent. */
	do {
		rc = sqlite3_backup_step(b, 256);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(20);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		snprintf(st->errmsg, sizeof st->errmsg, "backup: %s",
		    sqlite3_errstr(rc));
		sqlite3_close(dst);
		return APP_ERR_IO;
	}
	rc = sqlite3_close(dst);
	return rc == SQLITE_OK ? APP_OK : APP_ERR_IO;
}

static void
lite_close(struct store *st)
{
	struct lite *l = st->impl;

	for (int i = 0; i < STMT__MAX; i++)
		sqlite3_finalize(l->stmts[i]);
	sqlite3_close(l->db);
	free(l);
}

#define Q(r) ((sqlite3_stmt *)(r)->impl)
static int c_count(const struct store_row *r) { return sqlite3_column_count(Q(r)); }
static const char *c_name(const struct store_row *r, int i) { return sqlite3_column_name(Q(r), i); }
static long long c_int(const struct store_row *r, int i) { return sqlite3_column_int64(Q(r), i); }
static double c_real(const struct store_row *r, int i) { return sqlite3_column_double(Q(r), i); }

static const char *
c_text(const struct store_row *r, int i)
{
	const unsigned char *t = sqlite3_column_text(Q(r), i);

	return t ? (const char *)t : "";
}

static enum store_vtype
c_type(const struct store_row *r, int i)
{
	switch (sqlite3_column_type(Q(r), i)) {
	case SQLITE_INTEGER: return SV_INT;
	case SQLITE_FLOAT: return SV_REAL;
	case SQLITE_NULL: return SV_NULL;
	default: return SV_TEXT;
	}
}

static const struct store_ops lite_ops = {
	.query = lite_query, .script = lite_script, .tx = lite_tx,
	.backup = lite_backup, .close = lite_close,
	.col_count = c_count, .col_name = c_name, .col_type = c_type,
	.col_int = c_int, .col_real = c_real, .col_text = c_text,
};

enum app_err
sqlite_open(const char *path, struct store *st)
{
	struct lite *l = xcalloc(1, sizeof *l);
	int rc = sqlite3_open_v2(path, &l->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);

	st->impl = l;
	st->ops = &lite_ops;
	if (rc != SQLITE_OK) {
		snprintf(st->errmsg, sizeof st->errmsg, "%s",
		    l->db ? sqlite3_errmsg(l->db) : sqlite3_errstr(rc));
		lite_close(st);
		return APP_ERR_IO;
	}
	sqlite3_busy_timeout(l->db, 5000);
	sqlite3_extended_result_codes(l->db, 1);
	if (lite_script(st, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON;"
	    " PRAGMA synchronous=NORMAL;") != APP_OK) {
		lite_close(st);
		return APP_ERR_IO;
	}
	return APP_OK;
}
