/*
 * One entry point for uploaded spreadsheets: picks the xlsx or the CSV
 * reader, so import handlers need not care which the user chose.
 */
#ifndef ZD_IO_SHEET_H
#define ZD_IO_SHEET_H

#include <stddef.h>

#include "io/table.h"
#include "util/err.h"

/*
 * Reads data[0..len) into *out (see csv_read and xlsx_read; the caller
 * frees *out with table_free in every case). It is xlsx when the data starts
 * with the zip signature "PK\3\4", or filename_or_type ends in ".xlsx" or is
 * "xlsx" (case-insensitive; may be NULL); anything else is CSV, read with
 * encoding (NULL = detect). Legacy .xls (OLE2) data is refused with
 * APP_ERR_VALIDATION and a message asking for .xlsx or CSV.
 */
enum app_err sheet_read(const char *data, size_t len,
    const char *filename_or_type, const char *encoding, struct table *out,
    char *err, size_t errsz);

#endif
