/*
 * xlsx import: the first worksheet of an Office Open XML workbook, read from
 * memory, as a table of display-like text — what a person sees in Excel,
 * minus thousands separators and currency decoration.
 */
#ifndef ZD_IO_XLSX_READ_H
#define ZD_IO_XLSX_READ_H

#include <stddef.h>

#include "io/table.h"
#include "util/err.h"

/* Guards against zip bombs: bytes inflated over all parts read, entries. */
#define XLSX_MAX_UNCOMPRESSED (100u * 1024 * 1024)
#define XLSX_MAX_ENTRIES 10000

/*
 * Reads the first sheet in tab order whose relationship is a worksheet
 * (hidden or not) into *out (zeroed first; the caller frees it with
 * table_free, also after an error — it is then empty). data is only read
 * and may be freed after the call.
 *
 * Cells are placed by their references (r="C5"); missing cells are "".
 * Text comes from shared strings (rich-text runs joined, phonetic runs left
 * out), inline strings and formula string results, with _xHHHH_ escapes
 * decoded. Booleans read "TRUE"/"FALSE", error cells their code ("#N/A").
 * Numbers whose style is a date (built-in formats 14-17, 22, the East Asian
 * 27-31, 36, 50-54, 57, 58; custom formats with y, d, or m without h or s)
 * read "YYYY-MM-DD", ignoring the time of day, in the 1900 system with its
 * phantom 1900-02-29, or the 1904 system when the workbook says so. Time-only
 * formats (h:mm and the like) are not dates and stay numbers. Other numbers
 * print in the shortest form that reads back to the same double: 3, 0.1,
 * 1234.5, 1e+20.
 *
 * Errors, with a message in err (Chinese, then English in parentheses):
 *   APP_ERR_VALIDATION  not a zip, no workbook or worksheet, malformed or
 *                       DTD-carrying XML, bad cell references or numbers,
 *                       more than XLSX_MAX_ENTRIES entries, 1000 sheets or
 *                       XLSX_MAX_UNCOMPRESSED bytes inflated;
 *   APP_ERR_TOO_LARGE   text past TABLE_MAX_ROWS or TABLE_MAX_COLS, a string
 *                       over TABLE_MAX_CELL bytes, a grid over
 *                       TABLE_MAX_CELLS.
 */
enum app_err xlsx_read(const char *data, size_t len, struct table *out,
    char *err, size_t errsz);

#endif
