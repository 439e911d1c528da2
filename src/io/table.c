/*
 * Tables of text cells and the builder the readers share. Cells are
 * collected as a list and laid into the grid only at the end, so the grid's
 * size is known — and checked — before it is allocated.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/table.h"
#include "util/xalloc.h"

/* Every empty cell points here, so a sparse grid costs one pointer a cell. */
static char empty_cell[1];

void
table_free(struct table *t)
{
	if (t->cells != NULL) {
		for (size_t i = 0; i < t->nrows * t->ncols; i++)
			if (t->cells[i] != empty_cell)
				free(t->cells[i]);
		free(t->cells);
	}
	memset(t, 0, sizeof(*t));
}

const char *
table_cell(const struct table *t, size_t row, size_t col)
{
	if (t == NULL || t->cells == NULL || row >= t->nrows || col >= t->ncols)
		return "";
	return t->cells[row * t->ncols + col];
}

void
table_build_put(struct table_builder *b, size_t row, size_t col, char *s)
{
	if (s[0] == '\0') {
		free(s);
		return;
	}
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 64;
		b->v = xrealloc(b->v, b->cap * sizeof(*b->v));
	}
	b->v[b->n++] = (struct tb_cell){row, col, s};
	table_build_extent(b, row + 1, col + 1);
}

void
table_build_extent(struct table_builder *b, size_t nrows, size_t ncols)
{
	if (nrows > b->nrows)
		b->nrows = nrows;
	if (ncols > b->ncols)
		b->ncols = ncols;
}

enum app_err
table_build_finish(struct table_builder *b, struct table *out, char *err,
    size_t errsz)
{
	enum app_err rc = APP_OK;
	size_t total;

	memset(out, 0, sizeof(*out));
	if (b->nrows == 0 || b->ncols == 0)
		goto cleanup;
	/* Divided, not multiplied: the product could wrap for a careless caller. */
	if (b->nrows > TABLE_MAX_CELLS / b->ncols) {
		if (err != NULL && errsz > 0)
			snprintf(err, errsz, "表格过大：%zu行×%zu列超过%d个单元格 "
			    "(table too large: %zu rows x %zu columns exceed %d "
			    "cells)", b->nrows, b->ncols, TABLE_MAX_CELLS,
			    b->nrows, b->ncols, TABLE_MAX_CELLS);
		rc = APP_ERR_TOO_LARGE;
		goto cleanup;
	}
	total = b->nrows * b->ncols;
	out->nrows = b->nrows;
	out->ncols = b->ncols;
	out->cells = xmalloc(total * sizeof(*out->cells));
	for (size_t i = 0; i < total; i++)
		out->cells[i] = empty_cell;
	for (size_t i = 0; i < b->n; i++) {
		char **slot = &out->cells[b->v[i].row * out->ncols + b->v[i].col];

		if (*slot != empty_cell)
			free(*slot);
		*slot = b->v[i].s;
		b->v[i].s = NULL;
	}
cleanup:
	table_build_discard(b);
	return rc;
}

void
table_build_discard(struct table_builder *b)
{
	for (size_t i = 0; i < b->n; i++)
		free(b->v[i].s);
	free(b->v);
	memset(b, 0, sizeof(*b));
}
