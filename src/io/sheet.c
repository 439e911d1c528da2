/* Chooses the reader by content first (the name can lie), then by name. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "io/csv.h"
#include "io/sheet.h"
#include "io/xlsx_read.h"

static int
starts_with(const char *data, size_t len, const char *magic, size_t n)
{
	return len >= n && memcmp(data, magic, n) == 0;
}

static int
named_xlsx(const char *name)
{
	size_t n;

	if (name == NULL)
		return 0;
	n = strlen(name);
	return strcasecmp(name, "xlsx") == 0 ||
	    (n >= 5 && strcasecmp(name + n - 5, ".xlsx") == 0);
}

enum app_err
sheet_read(const char *data, size_t len, const char *filename_or_type,
    const char *encoding, struct table *out, char *err, size_t errsz)
{
	memset(out, 0, sizeof(*out));
	/* Excel 97-2003 files: a compound document, not something to parse
	 * as CSV and report as a wall of encoding errors. */
	if (starts_with(data, len, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) {
		if (err != NULL && errsz > 0)
			snprintf(err, errsz, "不支持旧版.xls文件，请另存为.xlsx或CSV "
			    "(legacy .xls is not supported: save as .xlsx or "
			    "CSV)");
		return APP_ERR_VALIDATION;
	}
	if (starts_with(data, len, "PK\x03\x04", 4) || named_xlsx(filename_or_type))
		return xlsx_read(data, len, out, err, errsz);
	return csv_read(data, len, encoding, out, err, errsz);
}
