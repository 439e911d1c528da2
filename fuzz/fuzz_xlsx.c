/*
 * libFuzzer target for io/xlsx_read (through io/sheet's choice of reader):
 * arbitrary bytes as an xlsx upload. Asserts the table contract — cells
 * never NULL, valid UTF-8 within the limits — or, on error, an empty table
 * and a message. The seed corpus holds files written by io/xlsx_write, some
 * stored rather than deflated so that mutations reach the XML parsers.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "io/sheet.h"
#include "io/xlsx_read.h"
#include "util/utf8.h"

#define CHECK(cond) do { if (!(cond)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct table t;
	char err[256];
	enum app_err rc;

	rc = sheet_read((const char *)data, size, "upload.xlsx", NULL, &t, err,
	    sizeof(err));
	if (rc != APP_OK) {
		CHECK(rc == APP_ERR_VALIDATION || rc == APP_ERR_TOO_LARGE);
		CHECK(err[0] != '\0');
		CHECK(t.nrows == 0 && t.ncols == 0 && t.cells == NULL);
		return 0;
	}
	CHECK((t.nrows == 0) == (t.ncols == 0));
	CHECK(t.nrows <= TABLE_MAX_ROWS && t.ncols <= TABLE_MAX_COLS);
	for (size_t i = 0; i < t.nrows * t.ncols; i++) {
		size_t n;

		CHECK(t.cells[i] != NULL);
		n = strlen(t.cells[i]);
		CHECK(n <= TABLE_MAX_CELL);
		CHECK(utf8_len(t.cells[i], n) >= 0);
	}
	table_free(&t);
	return 0;
}
