/*
 * Header mapping for imports, shared by every module that imports a
 * spreadsheet: a module describes its columns once (key, the header
 * spellings people use, the kind of value), binds them to a table's header
 * row, then turns each data row into a JSON object for its usual
 * validation — so an import checks records exactly as the API does.
 */
#ifndef ZD_IO_COLUMNS_H
#define ZD_IO_COLUMNS_H

#include <jansson.h>
#include <stddef.h>

#include "io/table.h"
#include "util/err.h"

enum cm_type {
	CM_TEXT,	/* trimmed string */
	CM_MONEY_WAN,	/* number in 万元, scaled by the header's unit */
	CM_DATE,	/* "YYYY-MM-DD" */
	CM_INT,		/* whole number */
};

struct colmap {
	const char *key;		/* JSON member name; also matches */
	const char *const *aliases;	/* NULL-terminated header spellings */
	enum cm_type type;
};

/*
 * Binds the header row (row 0) of t: col_of_key[i] gets the column whose
 * header matches map[i], or -1; scale[i] gets the factor that converts the
 * column's unit to 万元 — 10000 for (亿元), 0.0001 for (元), else 1 — for
 * CM_MONEY_WAN keys (1 for the others).
 *
 * Headers match an alias or the key ignoring white space (also U+3000, NBSP
 * and line breaks), ASCII case, full- vs half-width parentheses and a
 * leading or trailing "*" (the "required" mark of templates); failing that,
 * with a trailing parenthesised part such as a unit, "(万元)", "（亿元）",
 * "(必填)", removed from both. The first column matching a key wins.
 *
 * unknown (a JSON array, may be NULL) gets every non-empty header left
 * unbound: unrecognised, or a second column for a bound key. Returns
 * APP_ERR_VALIDATION when t has no header row, else APP_OK.
 */
enum app_err colmap_bind(const struct table *t, const struct colmap *map,
    size_t n, int *col_of_key, double *scale, json_t *unknown);

/*
 * Row `row` (>= 1) of t as a new JSON object (owned by the caller) of key →
 * value for the bound keys whose cell is not blank:
 *   CM_TEXT       the text trimmed of white space (also U+3000, NBSP);
 *   CM_MONEY_WAN  a real: digits with optional "," grouping, one ".", a
 *                 leading "-", times scale;
 *   CM_DATE       "YYYY-MM-DD" from 2024-03-01, 2024/3/1, 2024.3.1,
 *                 2024年3月1日, 20240301, any of them followed by a time
 *                 (ignored), naming a real day in 1900..2100;
 *   CM_INT        an integer: digits with optional "," grouping, "-".
 * A cell that does not parse is left out and appended to errs (may be NULL)
 * as {"row": row + 1 (the file's row, header = 1), "column": header text,
 * "key": key, "message": Chinese (English)}.
 */
json_t *colmap_row(const struct table *t, size_t row,
    const struct colmap *map, size_t n, const int *col_of_key,
    const double *scale, json_t *errs);

#endif
