/*
 * A sheet of text cells: what every spreadsheet reader (CSV, xlsx) produces
 * and every importer consumes. Readers keep the file's layout — row 0 is the
 * header row as found — and leave interpretation (trimming, numbers, dates)
 * to io/columns.h.
 *
 * Also the small builder the readers share: cells arrive as (row, col, text)
 * in any order, and the grid is allocated once at the end, after the limits
 * are checked, so a hostile file cannot make us allocate a huge grid first.
 */
#ifndef ZD_IO_TABLE_H
#define ZD_IO_TABLE_H

#include <stddef.h>

#include "util/err.h"

/* Limits every reader enforces (APP_ERR_TOO_LARGE past them). */
#define TABLE_MAX_ROWS 200000
#define TABLE_MAX_COLS 200
#define TABLE_MAX_CELL (64 * 1024)		/* bytes of one cell's UTF-8 */
/* rows × cols of the padded grid: bounds memory when a short file claims a
 * wide last row (2 bytes a row would otherwise cost 1.6 KB of pointers). */
#define TABLE_MAX_CELLS 8000000

struct table {
	size_t nrows, ncols;
	/* row-major, UTF-8, NUL-terminated, never NULL ("" for empty). Empty
	 * cells may share one static "": never free or write a cell. */
	char **cells;
};

/* Frees the cells and zeroes *t; a zeroed or freed table is fine. */
void table_free(struct table *t);
/* The cell's text, borrowed from t; "" when row/col is out of range. */
const char *table_cell(const struct table *t, size_t row, size_t col);

struct table_builder {
	struct tb_cell {
		size_t row, col;
		char *s;
	} *v;
	size_t n, cap;
	size_t nrows, ncols;	/* extent of the grid so far */
};

/*
 * Puts a cell, widening the grid to hold it; takes ownership of s (malloc'd).
 * An empty s is just freed: it widens nothing (see table_build_extent). A
 * later put at the same place wins. The caller checks the row and column
 * limits first, since it knows the line or cell reference to name.
 */
void table_build_put(struct table_builder *b, size_t row, size_t col, char *s);
/* Widens the grid to at least nrows × ncols (padding with ""). */
void table_build_extent(struct table_builder *b, size_t nrows, size_t ncols);
/*
 * Moves the cells into *out (zeroed first) and empties b. APP_ERR_TOO_LARGE
 * with a message in err when the grid would exceed TABLE_MAX_CELLS; b is
 * emptied either way.
 */
enum app_err table_build_finish(struct table_builder *b, struct table *out,
    char *err, size_t errsz);
/* Frees whatever b holds; b may be reused after. */
void table_build_discard(struct table_builder *b);

#endif
