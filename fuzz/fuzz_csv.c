/*
 * libFuzzer target for io/csv and io/columns: arbitrary bytes through
 * csv_read (detected encoding, then a named one picked by the length), and
 * every resulting table through colmap_bind and colmap_row. Asserts the
 * table contract: cells never NULL, valid UTF-8 without NUL, within the
 * limits, a last row that has text, and an empty table plus a message on
 * error; and that row objects and errors have the promised shapes.
 */
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "io/columns.h"
#include "io/csv.h"
#include "util/utf8.h"

#define CHECK(cond) do { if (!(cond)) abort(); } while (0)

static const char *const name_aliases[] = {"名称", "企业名称", "name", NULL};
static const char *const money_aliases[] = {"注册资本", "金额(万元)", NULL};
static const char *const date_aliases[] = {"日期", "成立日期", NULL};
static const char *const int_aliases[] = {"人数", "count", NULL};

static const struct colmap map[] = {
	{"name", name_aliases, CM_TEXT},
	{"capital", money_aliases, CM_MONEY_WAN},
	{"date", date_aliases, CM_DATE},
	{"n", int_aliases, CM_INT},
};
#define NMAP (sizeof(map) / sizeof(map[0]))

static void
check_table(const struct table *t, enum app_err rc, const char *err)
{
	int last_has_text = 0;

	if (rc != APP_OK) {
		CHECK(rc == APP_ERR_VALIDATION || rc == APP_ERR_TOO_LARGE);
		CHECK(err[0] != '\0');
		CHECK(t->nrows == 0 && t->ncols == 0 && t->cells == NULL);
		return;
	}
	CHECK(err[0] == '\0');
	CHECK((t->nrows == 0) == (t->ncols == 0));
	CHECK(t->nrows <= TABLE_MAX_ROWS && t->ncols <= TABLE_MAX_COLS);
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < t->ncols; c++) {
			const char *s = t->cells[r * t->ncols + c];
			size_t n;

			CHECK(s != NULL);
			n = strlen(s);
			CHECK(n <= TABLE_MAX_CELL);
			CHECK(utf8_len(s, n) >= 0);
			CHECK(table_cell(t, r, c) == s);
			if (r == t->nrows - 1 && n > 0)
				last_has_text = 1;
		}
	CHECK(t->nrows == 0 || last_has_text);
	CHECK(strcmp(table_cell(t, t->nrows, 0), "") == 0);
}

static void
check_columns(const struct table *t)
{
	int col[NMAP];
	double scale[NMAP];
	json_t *unknown = json_array(), *errs = json_array();

	if (colmap_bind(t, map, NMAP, col, scale, unknown) != APP_OK) {
		CHECK(t->nrows == 0);
		goto cleanup;
	}
	for (size_t i = 0; i < NMAP; i++) {
		CHECK(col[i] >= -1 && col[i] < (int)t->ncols);
		CHECK(scale[i] == 1 || scale[i] == 10000 || scale[i] == 0.0001);
	}
	/* Rows are independent: a sample keeps each run fast. */
	for (size_t r = 1; r < t->nrows && r < 200; r++) {
		json_t *o = colmap_row(t, r, map, NMAP, col, scale, errs);
		const char *d;

		CHECK(json_is_object(o));
		CHECK(!json_object_get(o, "name") ||
		    json_string_length(json_object_get(o, "name")) > 0);
		CHECK(!json_object_get(o, "capital") ||
		    json_is_real(json_object_get(o, "capital")));
		CHECK(!json_object_get(o, "n") ||
		    json_is_integer(json_object_get(o, "n")));
		d = json_string_value(json_object_get(o, "date"));
		CHECK(d == NULL || (strlen(d) == 10 && d[4] == '-' && d[7] == '-'));
		json_decref(o);
	}
	for (size_t i = 0; i < json_array_size(errs); i++) {
		json_t *e = json_array_get(errs, i);

		CHECK(json_integer_value(json_object_get(e, "row")) >= 2);
		CHECK(json_is_string(json_object_get(e, "message")));
	}
cleanup:
	json_decref(unknown);
	json_decref(errs);
}

/*
 * glibc unloads a gconv module when its last descriptor closes, and
 * csv_read opens and closes one per call: holding one of each keeps the
 * modules loaded, so runs measure the parser instead of dlopen.
 */
static iconv_t keep[3];	/* static: still reachable, so no leak report */

int LLVMFuzzerInitialize(int *argc, char ***argv);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	keep[0] = iconv_open("UTF-8", "GB18030");
	keep[1] = iconv_open("UTF-8", "GBK");
	keep[2] = iconv_open("UTF-8", "UTF-16");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const encodings[] = {"utf-8", "GBK", "gb18030"};
	struct table t;
	char err[256];
	enum app_err rc;

	rc = csv_read((const char *)data, size, NULL, &t, err, sizeof(err));
	check_table(&t, rc, err);
	check_columns(&t);
	table_free(&t);

	rc = csv_read((const char *)data, size, encodings[size % 3], &t, err,
	    sizeof(err));
	check_table(&t, rc, err);
	table_free(&t);
	return 0;
}
