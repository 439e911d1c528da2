/*
 * The store port. Everything above this header sees statement names
 * (store/sql.h), bound values and rows — never sqlite3* or PGconn*. A backend
 * fills struct store_ops (like SQLite's VFS); SQLite is the embedded default.
 *
 * A struct store is one connection: use it from one thread at a time. The
 * HTTP server gives each worker thread its own.
 */
#ifndef ZD_STORE_STORE_H
#define ZD_STORE_STORE_H

#include <stddef.h>
#include <jansson.h>

#include "store/sql.h"
#include "util/err.h"

enum store_vtype { SV_NULL, SV_INT, SV_REAL, SV_TEXT };

struct store_val {
	enum store_vtype type;
	long long i;
	double r;
	const char *s;
};

#define SV_NULLV ((struct store_val){.type = SV_NULL})
#define SV_I(x) ((struct store_val){.type = SV_INT, .i = (x)})
#define SV_R(x) ((struct store_val){.type = SV_REAL, .r = (x)})
/* A NULL string binds SQL NULL. */
#define SV_T(x) ((struct store_val){.type = (x) != NULL ? SV_TEXT : SV_NULL, .s = (x)})

struct store;
struct store_row;

/* Called per result row; non-zero return stops the iteration early. */
typedef int (*store_row_cb)(void *ctx, const struct store_row *row);

/* Opens (creating if needed) the database at path. */
enum app_err store_open(const char *path, struct store **out);
void store_close(struct store *st);
/* The path the store was opened with (files kept beside it). */
const char *store_path(const struct store *st);
/* Last backend message, for logs and CLI errors. */
const char *store_errmsg(const struct store *st);
/* After APP_ERR_CONFLICT: the column that clashed ("name"), or NULL when a
 * reference blocked the change. */
const char *store_conflict_field(const struct store *st);

/* Schema version the binary knows, and what the database holds. */
int store_schema_latest(void);
enum app_err store_schema_version(struct store *st, int *version);
/* Applies pending migrations, each in its own transaction. Refuses with
 * APP_ERR_SCHEMA_NEWER a database newer than the binary. */
enum app_err store_migrate(struct store *st, int *from, int *to);

/* Transactions nest: only the outermost begin/commit reach the database, and
 * a rollback anywhere makes the outer commit roll back too. */
enum app_err store_begin(struct store *st);
enum app_err store_commit(struct store *st);
void store_rollback(struct store *st);

/* Runs a statement; cb may be NULL. changes (may be NULL) gets rows changed. */
enum app_err store_query(struct store *st, enum stmt s,
    const struct store_val *args, size_t nargs, store_row_cb cb, void *ctx,
    long long *changes);
/* All rows as a new JSON array of objects keyed by column name. */
enum app_err store_rows(struct store *st, enum stmt s,
    const struct store_val *args, size_t nargs, json_t **out);
/* First row as a new JSON object; APP_ERR_NOT_FOUND when there is none.
 * *out is NULL on every failure. */
enum app_err store_row1(struct store *st, enum stmt s,
    const struct store_val *args, size_t nargs, json_t **out);
/* First column of the first row as an integer; 0 when there is no row. */
enum app_err store_int(struct store *st, enum stmt s,
    const struct store_val *args, size_t nargs, long long *out);
/* Online backup to a new file; consistent while others write. */
enum app_err store_backup(struct store *st, const char *path);

/* Row access inside a callback; text is borrowed until the callback returns. */
int store_col_count(const struct store_row *row);
const char *store_col_name(const struct store_row *row, int i);
enum store_vtype store_col_type(const struct store_row *row, int i);
long long store_col_int(const struct store_row *row, int i);
double store_col_real(const struct store_row *row, int i);
const char *store_col_text(const struct store_row *row, int i);

/* "YYYY-MM-DD HH:MM:SS" in UTC, offset by seconds. */
void store_now(char out[20], long offset_seconds);

/* Writes an audit row: before/after may be NULL (create, delete). */
enum app_err store_audit(struct store *st, long long zone_id,
    long long user_id, const char *entity, long long entity_id,
    const char *action, json_t *before, json_t *after);
/* The same for a part of a record (a project's report …): the row also
 * shows in the parent's history. */
enum app_err store_audit_part(struct store *st, long long zone_id,
    long long user_id, const char *entity, long long entity_id,
    const char *action, json_t *before, json_t *after,
    const char *parent_entity, long long parent_id);

#endif
