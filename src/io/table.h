/*
 * A sheet of text cells: what every spreadsheet reader (CSV, xlsx) produces
 * and every importer consumes. Readers keep the file's layout — row 0 is the
 * header row as found — and leave interpretation (trimming, numbers, dates)
 * to io/columns.h.
 *
 * Also the builder the readers share: cells arrive as (row, col, text) in
 * any order; the grid is laid out once at the end, in one allocation with
 * all the text, after its size has been checked — a hostile file cannot
 * make us allocate a huge grid, nor pay malloc overhead per cell.
 */
#ifndef ZD_IO_TABLE_H
#define ZD_IO_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"
#include "util/err.h"

/* Limits every reader enforces (APP_ERR_TOO_LARGE past them). */
#define TABLE_MAX_ROWS 200000
#define TABLE_MAX_COLS 200
#define TABLE_MAX_CELL (64 * 1024)		/* bytes of one cell's UTF-8 */
/* rows × cols of the padded grid (8 bytes each): a short file that claims
 * a wide last row must not cost 1.6 KB of pointers per 2-byte line. */
#define TABLE_MAX_CELLS 8000000

struct table {
	size_t nrows, ncols;
	/* row-major, UTF-8, NUL-terminated, never NULL ("" for empty). The
	 * pointers and the text are one allocation: never free or write a
	 * cell, free the table. */
	char **cells;
};

/* Frees the cells and zeroes *t; a zeroed or freed table is fine. */
void table_free(struct table *t);
/* The cell's text, borrowed from t; "" when row/col is out of range. */
const char *table_cell(const struct table *t, size_t row, size_t col);

struct table_builder {
	struct tb_cell {
		uint32_t row, col;
		size_t off;	/* into text */
	} *v;
	size_t n, cap;
	struct buf text;	/* every cell's text, each NUL-terminated */
	size_t nrows, ncols;	/* extent of the grid so far */
};

/*
 * Puts a copy of s[0..len) at (row, col), widening the grid to hold it. An
 * empty s is not stored and widens nothing (see table_build_extent); a later
 * put at the same place wins. The caller checks TABLE_MAX_ROWS, _COLS and
 * _CELL first, since it knows the line or cell reference to name; this
 * returns APP_ERR_TOO_LARGE, with a message in err, when the grid (or the
 * number of puts) passes TABLE_MAX_CELLS.
 */
enum app_err table_build_put(struct table_builder *b, size_t row, size_t col,
    const char *s, size_t len, char *err, size_t errsz);
/* Widens the grid to at least nrows × ncols (padding with ""); the same
 * limit and error as table_build_put. */
enum app_err table_build_extent(struct table_builder *b, size_t nrows,
    size_t ncols, char *err, size_t errsz);
/* Moves the cells into *out (zeroed first) and empties b. */
void table_build_finish(struct table_builder *b, struct table *out);
/* Frees whatever b holds; b may be reused after. */
void table_build_discard(struct table_builder *b);

#endif
