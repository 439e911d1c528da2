/*
 * Tables of text cells and the builder the readers share. Cells are
 * collected as a list over one text buffer and laid into the grid only at
 * the end, when its size is known to be within the limits.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/table.h"
#include "util/xalloc.h"

void
table_free(struct table *t)
{
	free(t->cells);
	memset(t, 0, sizeof(*t));
}

const char *
table_cell(const struct table *t, size_t row, size_t col)
{
	if (t == NULL || t->cells == NULL || row >= t->nrows || col >= t->ncols)
		return "";
	return t->cells[row * t->ncols + col];
}

static enum app_err
too_large(size_t nrows, size_t ncols, char *err, size_t errsz)
{
	if (err != NULL && errsz > 0)
		snprintf(err, errsz, "表格过大：%zu行×%zu列超过%d个单元格 (table "
		    "too large: %zu rows x %zu columns exceed %d cells)", nrows,
		    ncols, TABLE_MAX_CELLS, nrows, ncols, TABLE_MAX_CELLS);
	return APP_ERR_TOO_LARGE;
}

enum app_err
table_build_extent(struct table_builder *b, size_t nrows, size_t ncols,
    char *err, size_t errsz)
{
	if (nrows > TABLE_MAX_ROWS || ncols > TABLE_MAX_COLS)
		return too_large(nrows, ncols, err, errsz);
	if (nrows < b->nrows)
		nrows = b->nrows;
	if (ncols < b->ncols)
		ncols = b->ncols;
	/* Divided, not multiplied, so no product can wrap. */
	if (ncols > 0 && nrows > TABLE_MAX_CELLS / ncols)
		return too_large(nrows, ncols, err, errsz);
	b->nrows = nrows;
	b->ncols = ncols;
	return APP_OK;
}

enum app_err
table_build_put(struct table_builder *b, size_t row, size_t col,
    const char *s, size_t len, char *err, size_t errsz)
{
	enum app_err rc;

	if (len == 0)
		return APP_OK;
	rc = table_build_extent(b, row + 1, col + 1, err, errsz);
	/* Repeated puts at one place (xlsx allows it) must not grow forever. */
	if (rc == APP_OK && b->n >= TABLE_MAX_CELLS)
		rc = too_large(b->nrows, b->ncols, err, errsz);
	if (rc != APP_OK)
		return rc;
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 64;
		b->v = xrealloc(b->v, b->cap * sizeof(*b->v));
	}
	b->v[b->n++] = (struct tb_cell){(uint32_t)row, (uint32_t)col,
	    b->text.len};
	buf_append(&b->text, s, len);
	buf_append(&b->text, "", 1);
	return APP_OK;
}

void
table_build_finish(struct table_builder *b, struct table *out)
{
	size_t total = b->nrows * b->ncols, ptrs = total * sizeof(char *);
	char *block, *text, *empty;

	memset(out, 0, sizeof(*out));
	if (total == 0)
		goto cleanup;
	/* Pointers first (aligned), then the text, then one "" for the rest. */
	block = xmalloc(ptrs + b->text.len + 1);
	text = block + ptrs;
	if (b->text.len > 0)
		memcpy(text, b->text.p, b->text.len);
	empty = text + b->text.len;
	*empty = '\0';
	out->cells = (char **)(void *)block;
	out->nrows = b->nrows;
	out->ncols = b->ncols;
	for (size_t i = 0; i < total; i++)
		out->cells[i] = empty;
	for (size_t i = 0; i < b->n; i++)
		out->cells[(size_t)b->v[i].row * out->ncols + b->v[i].col] =
		    text + b->v[i].off;
cleanup:
	table_build_discard(b);
}

void
table_build_discard(struct table_builder *b)
{
	free(b->v);
	buf_free(&b->text);
	memset(b, 0, sizeof(*b));
}
