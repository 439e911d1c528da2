/* The shared import loop. */
#include <string.h>

#include "api/importer.h"
#include "api/validate.h"
#include "http/reply.h"
#include "io/sheet.h"

void
import_err(struct import_row *ir, const char *key, const char *zh,
    const char *en)
{
	const char *header = key;

	/* The file's own header, or the usual one when the column is absent. */
	for (size_t i = 0; i < ir->ncols; i++)
		if (strcmp(ir->cols[i].key, key) == 0)
			header = ir->col[i] >= 0 ? table_cell(ir->t, 0,
			    (size_t)ir->col[i]) : ir->cols[i].aliases ?
			    ir->cols[i].aliases[0] : key;
	json_array_append_new(ir->errs, json_pack("{s:I, s:s, s:s}", "row",
	    (json_int_t)ir->row + 1, "column", header, "message",
	    ir->a->english ? en : zh));
}

void
import_field_errs(struct import_row *ir, json_t *fields,
    const char *const (*rename)[2], size_t nrename)
{
	json_t *f;
	size_t i;

	json_array_foreach(fields, i, f) {
		const char *name = json_string_value(json_object_get(f, "field"));
		const char *msg = json_string_value(json_object_get(f,
		    "message"));

		for (size_t k = 0; k < nrename; k++)
			if (strcmp(name, rename[k][0]) == 0)
				name = rename[k][1];
		import_err(ir, name, msg, msg);
	}
}

enum app_err
import_run(struct store *st, const struct actor *a, const struct table *t,
    const struct importer *im, int dry_run, json_t **out,
    void (*progress)(size_t, size_t, void *), void *pctx)
{
	int col[64];
	double scale[64];
	json_t *unknown = json_array(), *errs = json_array(), *row;
	struct import_row ir = {st, a, t, im->cols, im->ncols, col, errs, 0,
	    im->ctx};
	size_t created = 0, updated = 0;
	enum app_err e = APP_ERR_VALIDATION;

	if (im->ncols > 64 || colmap_bind(t, im->cols, im->ncols, col, scale,
	    unknown) != APP_OK) {
		json_array_append_new(errs, json_pack("{s:i, s:s, s:s}", "row",
		    1, "column", "", "message", a->english ?
		    "no header row" : "没有表头"));
		goto done;
	}
	for (size_t k = 0; im->required[k] != NULL; k++)
		for (size_t i = 0; i < im->ncols; i++)
			if (strcmp(im->cols[i].key, im->required[k]) == 0 &&
			    col[i] < 0)
				json_array_append_new(errs, json_pack(
				    "{s:i, s:s, s:s}", "row", 1, "column",
				    im->cols[i].aliases ? im->cols[i].aliases[0] :
				    im->cols[i].key, "message",
				    a->english ? "this column is required" :
				    "缺少此列"));
	if (json_array_size(errs) > 0)
		goto done;
	if ((e = store_begin(st)) != APP_OK)
		goto done;
	for (ir.row = 1; ir.row < t->nrows; ir.row++) {
		int is_new = 0;

		row = colmap_row(t, ir.row, im->cols, im->ncols, col, scale,
		    errs);
		if (json_object_size(row) > 0 && im->row(&ir, row, &is_new) ==
		    0) {
			created += is_new;
			updated += !is_new;
		}
		json_decref(row);
		if (progress != NULL && ir.row % 250 == 0)
			progress(ir.row, t->nrows - 1, pctx);
	}
	if (json_array_size(errs) > 0 || dry_run)
		store_rollback(st);
	else if ((e = store_commit(st)) != APP_OK)
		goto done;
	e = json_array_size(errs) > 0 ? APP_ERR_VALIDATION : APP_OK;
done:
	*out = json_pack("{s:b, s:I, s:I, s:I, s:o, s:o}", "dry_run", dry_run,
	    "rows", (json_int_t)(t->nrows ? t->nrows - 1 : 0), "created",
	    (json_int_t)created, "updated", (json_int_t)updated, "errors",
	    errs, "unknown_columns", unknown);
	return e;
}

/* import_http's import function, carried through import_http_ctx. */
struct plain_import {
	enum app_err (*fn)(struct store *, const struct actor *,
	    const struct table *, int, json_t **,
	    void (*)(size_t, size_t, void *), void *);
};

static enum app_err
plain_import(struct store *st, const struct actor *a, const struct table *t,
    int dry_run, json_t **out, void *ctx)
{
	return ((struct plain_import *)ctx)->fn(st, a, t, dry_run, out, NULL,
	    NULL);
}

enum app_err
import_http(struct req *r, enum app_err (*fn)(struct store *,
    const struct actor *, const struct table *, int, json_t **,
    void (*)(size_t, size_t, void *), void *))
{
	struct plain_import p = {fn};

	return import_http_ctx(r, plain_import, &p);
}

enum app_err
import_http_ctx(struct req *r, enum app_err (*fn)(struct store *,
    const struct actor *, const struct table *, int, json_t **, void *),
    void *ctx)
{
	const char *dr = req_arg(r, "dry_run"), *type = req_arg(r, "type");
	struct table t = {0};
	json_t *out = NULL, *x;
	char err[512];
	size_t i;
	enum app_err e;

	if (type == NULL)
		type = req_header(r, "Content-Type");
	if (type != NULL && strstr(type, "spreadsheetml") != NULL)
		type = "xlsx";
	if (r->body.len == 0) {
		ferr_add(r->errs, "file", r->english, "没有收到文件",
		    "no file received");
		return APP_ERR_VALIDATION;
	}
	if ((e = sheet_read(r->body.p, r->body.len, type,
	    req_arg(r, "encoding"), &t, err, sizeof err)) != APP_OK) {
		table_free(&t);
		ferr_addf(r->errs, "file", err);
		return e == APP_ERR_TOO_LARGE ? e : APP_ERR_VALIDATION;
	}
	e = fn(r->st, &r->actor, &t, dr != NULL && (strcmp(dr, "1") == 0 ||
	    strcmp(dr, "true") == 0), &out, ctx);
	table_free(&t);
	if (e == APP_ERR_VALIDATION)
		json_array_foreach(json_object_get(out, "errors"), i, x)
			json_array_append_new(r->errs, json_pack(
			    "{s:O, s:O, s:O, s:O}", "field", json_object_get(x,
			    "column"), "row", json_object_get(x, "row"), "column",
			    json_object_get(x, "column"), "message",
			    json_object_get(x, "message")));
	if (e != APP_OK) {
		json_decref(out);
		return e;
	}
	return reply_json(r, 200, out);
}
