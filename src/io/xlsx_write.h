/*
 * xlsx export with libxlsxwriter: one sheet per struct xsheet, each a table
 * of JSON rows under a bold, frozen, filterable header, with number formats
 * by column type so Excel sums money and sorts dates.
 */
#ifndef ZD_IO_XLSX_WRITE_H
#define ZD_IO_XLSX_WRITE_H

#include <jansson.h>
#include <stddef.h>

#include "util/err.h"

enum xtype {
	X_TEXT,
	X_INT,		/* whole number, format 0 */
	X_MONEY,	/* 万元 as stored, shown with 2 decimals "#,##0.00" */
	X_DATE,		/* "YYYY-MM-DD" string → a real date cell */
	X_PERCENT,	/* 85.4 means 85.4%: written as 85.4, format 0.0"%" */
	X_NUMBER,	/* any number, General format */
};

struct xcol {
	const char *key;	/* member of each row object */
	const char *header;
	enum xtype type;
	double width;		/* characters; 0 = from the content */
};

struct xsheet {
	const char *name;	/* tab name; made valid and unique if not */
	const char *title;	/* optional first row, merged, bold; NULL/"" none */
	const struct xcol *cols;
	size_t ncols;
	json_t *rows;		/* JSON array of objects; borrowed, may be NULL */
};

/*
 * Writes sheets[0..n) to a new file at path (replacing any). Per cell: a
 * missing or null member is left blank, true/false become boolean cells,
 * strings in numeric columns that hold a plain number are written as that
 * number (other strings as text), numbers in X_TEXT columns as text, objects
 * and arrays as their JSON; a string a date column cannot read stays text.
 * Text longer than Excel's 32767 characters is cut there.
 *
 * Tab names lose the characters Excel forbids ([]:*?/\), are cut to 31
 * characters and get " (2)" etc. when they repeat; an empty name becomes
 * SheetN.
 *
 * APP_ERR_TOO_LARGE when a sheet exceeds Excel's 1048576 rows or 16384
 * columns, APP_ERR_INTERNAL when rows is not an array, APP_ERR_IO when the
 * file cannot be written; err gets a message (err may be NULL). No file is
 * left behind on error.
 */
enum app_err xlsx_write_sheets(const char *path, const struct xsheet *sheets,
    size_t n, char *err, size_t errsz);

/*
 * Same, into memory: *data (malloc'd, owned by the caller) and *len. Goes
 * through a temporary file in $TMPDIR (or /tmp), removed before returning.
 * On error *data is NULL and *len 0.
 */
enum app_err xlsx_write_buffer(const struct xsheet *sheets, size_t n,
    char **data, size_t *len, char *err, size_t errsz);

#endif
