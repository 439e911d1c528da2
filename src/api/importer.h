/*
 * The one import loop every module shares: bind the header row, turn each
 * row into a JSON object, let the module save it through its API path, and
 * keep all or nothing. Errors name the file's row (header = 1) and column.
 */
#ifndef ZD_API_IMPORTER_H
#define ZD_API_IMPORTER_H

#include <jansson.h>

#include "api/actor.h"
#include "io/columns.h"
#include "io/table.h"
#include "store/store.h"

struct import_row {
	struct store *st;
	const struct actor *a;
	const struct table *t;
	const struct colmap *cols;
	size_t ncols;
	const int *col;		/* column of each key, -1 when absent */
	json_t *errs;
	size_t row;		/* 1-based data row index into t */
	void *ctx;		/* the module's */
};

/* An error for the current row, naming the column of key. */
void import_err(struct import_row *ir, const char *key, const char *zh,
    const char *en);
/* Field errors of an API save, renamed through rename[][2] ({field, key})
 * to the file's columns. */
void import_field_errs(struct import_row *ir, json_t *fields,
    const char *const (*rename)[2], size_t nrename);

struct importer {
	const struct colmap *cols;
	size_t ncols;
	const char *const *required;	/* keys the header row must hold */
	/* Saves one row; returns 0 and sets *created, or -1 after errors. */
	int (*row)(struct import_row *ir, json_t *values, int *created);
	void *ctx;
};

/*
 * Runs the import; *out gets {"dry_run","rows","created","updated",
 * "errors":[{row, column, message}],"unknown_columns":[…]}. Returns
 * APP_ERR_VALIDATION when any row failed (nothing is kept), else APP_OK
 * (kept unless dry_run).
 */
enum app_err import_run(struct store *st, const struct actor *a,
    const struct table *t, const struct importer *im, int dry_run,
    json_t **out, void (*progress)(size_t done, size_t total, void *ctx),
    void *pctx);

struct req;
/*
 * The HTTP face of an import: the request body is the file (?type=xlsx|csv,
 * ?encoding=, ?dry_run=1); errors answer 400 with one entry per problem
 * naming the row and the column; success answers the summary.
 */
enum app_err import_http(struct req *r, enum app_err (*fn)(struct store *,
    const struct actor *, const struct table *, int, json_t **,
    void (*)(size_t, size_t, void *), void *));
/* The same for an import that needs more than the table (a default year):
 * fn gets ctx. */
enum app_err import_http_ctx(struct req *r, enum app_err (*fn)(struct store *,
    const struct actor *, const struct table *, int, json_t **, void *),
    void *ctx);

#endif
