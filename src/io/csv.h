/*
 * CSV import (RFC 4180) as people actually produce it in China: Excel saves
 * "CSV" in the ANSI code page (GBK) unless told "CSV UTF-8", which adds a
 * BOM; WPS and scripts write plain UTF-8; "Unicode text" is tab-separated
 * UTF-16. The reader accepts all of these and hands back UTF-8 cells.
 */
#ifndef ZD_IO_CSV_H
#define ZD_IO_CSV_H

#include <stddef.h>

#include "io/table.h"
#include "util/err.h"

/*
 * Parses data[0..len) into *out (zeroed first; the caller frees it with
 * table_free, also after an error — it is then empty).
 *
 * encoding NULL (or "") detects: a UTF-8 BOM is stripped; a UTF-16 BOM
 * selects UTF-16; valid UTF-8 is UTF-8; anything else is decoded as GB18030,
 * the superset of GBK and GB2312. Explicit names, case-insensitive: "utf-8"
 * ("utf8"), "gbk", "gb2312" (both decoded as GBK, since files labelled GB2312
 * routinely hold GBK characters), "gb18030".
 *
 * Fields are separated by commas, or by tabs when the first line has tabs
 * and no commas. Quoted fields may hold separators, doubled quotes and line
 * breaks; lines end in CR, LF or CRLF. Text after a closing quote is kept
 * (as Excel does). Trailing all-empty rows are dropped; rows are padded to
 * the widest kept row.
 *
 * Errors, with a message naming the 1-based physical line in err (Chinese,
 * then English in parentheses; err may be NULL):
 *   APP_ERR_VALIDATION  unknown encoding, bytes invalid for the encoding,
 *                       a NUL byte, an unterminated quoted field;
 *   APP_ERR_TOO_LARGE   more than TABLE_MAX_ROWS rows or TABLE_MAX_COLS
 *                       columns holding text, a cell over TABLE_MAX_CELL
 *                       bytes, or a grid over TABLE_MAX_CELLS.
 */
enum app_err csv_read(const char *data, size_t len, const char *encoding,
    struct table *out, char *err, size_t errsz);

#endif
