/*
 * Unit tests of io/csv: encodings (UTF-8 with and without BOM, GBK and
 * GB18030 bytes made with iconv here, UTF-16, explicit names), RFC 4180
 * quoting and line endings, tab separation, padding and trailing rows,
 * errors naming the line, and the size limits.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/csv.h"
#include "io/table.h"
#include "util/buf.h"

static char err[512];

static enum app_err
read_enc(const char *s, size_t n, const char *enc, struct table *t)
{
	err[0] = 'x';
	return csv_read(s, n, enc, t, err, sizeof(err));
}

static enum app_err
read_str(const char *s, struct table *t)
{
	return read_enc(s, strlen(s), NULL, t);
}

/* UTF-8 text converted to charset `to` (malloc'd, length in *n). */
static char *
encode(const char *utf8, const char *to, size_t *n)
{
	iconv_t cd = iconv_open(to, "UTF-8");
	size_t inleft = strlen(utf8), cap = inleft * 4 + 16, outleft = cap;
	char *in = (char *)utf8, *out = malloc(cap), *o = out;

	assert_true(cd != (iconv_t)-1);
	assert_non_null(out);
	assert_int_not_equal(iconv(cd, &in, &inleft, &o, &outleft), (size_t)-1);
	iconv_close(cd);
	*n = cap - outleft;
	return out;
}

static void
assert_row(const struct table *t, size_t row, const char *a, const char *b)
{
	assert_string_equal(table_cell(t, row, 0), a);
	assert_string_equal(table_cell(t, row, 1), b);
}

static void
test_utf8(void **state)
{
	struct table t;

	(void)state;
	assert_int_equal(read_str("名称,注册资本（万元）\n华为,1234.5\n腾讯,\n", &t),
	    APP_OK);
	assert_string_equal(err, "");
	assert_int_equal(t.nrows, 3);
	assert_int_equal(t.ncols, 2);
	assert_row(&t, 0, "名称", "注册资本（万元）");
	assert_row(&t, 1, "华为", "1234.5");
	assert_row(&t, 2, "腾讯", "");
	/* Out of range reads "", never NULL. */
	assert_string_equal(table_cell(&t, 3, 0), "");
	assert_string_equal(table_cell(&t, 0, 2), "");
	table_free(&t);
	assert_int_equal(t.nrows, 0);
	assert_null(t.cells);
	table_free(&t);	/* twice is fine */
}

static void
test_bom(void **state)
{
	struct table t;

	(void)state;
	assert_int_equal(read_str("\xEF\xBB\xBF名称,b\n1,2", &t), APP_OK);
	assert_row(&t, 0, "名称", "b");
	assert_row(&t, 1, "1", "2");
	table_free(&t);
	/* Explicit utf-8 strips it too. */
	assert_int_equal(read_enc("\xEF\xBB\xBFx", 4, "UTF-8", &t), APP_OK);
	assert_string_equal(table_cell(&t, 0, 0), "x");
	table_free(&t);
}

static void
test_gbk_detected(void **state)
{
	const char *text = "企业名称,所属园区,备注\r\n深圳市腾讯计算机系统有限公司,"
	    "南山科技园,\"含,逗号\"\r\n";
	struct table t;
	size_t n;
	char *gbk = encode(text, "GBK", &n);

	(void)state;
	/* The bytes are not UTF-8, so detection has to pick GB18030. */
	assert_int_equal(read_enc(gbk, n, NULL, &t), APP_OK);
	assert_int_equal(t.nrows, 2);
	assert_int_equal(t.ncols, 3);
	assert_string_equal(table_cell(&t, 0, 0), "企业名称");
	assert_string_equal(table_cell(&t, 1, 0), "深圳市腾讯计算机系统有限公司");
	assert_string_equal(table_cell(&t, 1, 2), "含,逗号");
	table_free(&t);
	/* And by name, in any case. */
	assert_int_equal(read_enc(gbk, n, "GBK", &t), APP_OK);
	assert_string_equal(table_cell(&t, 0, 1), "所属园区");
	table_free(&t);
	assert_int_equal(read_enc(gbk, n, "gb2312", &t), APP_OK);
	assert_string_equal(table_cell(&t, 1, 1), "南山科技园");
	table_free(&t);
	free(gbk);
}

static void
test_gb18030(void **state)
{
	/* 𠀀 (U+20000) and € need GB18030's four-byte and extra codes. */
	const char *text = "名称,符号\n𠀀字,€😀\n";
	struct table t;
	size_t n;
	char *gb = encode(text, "GB18030", &n);

	(void)state;
	assert_int_equal(read_enc(gb, n, NULL, &t), APP_OK);
	assert_row(&t, 1, "𠀀字", "€😀");
	table_free(&t);
	assert_int_equal(read_enc(gb, n, "gb18030", &t), APP_OK);
	assert_row(&t, 1, "𠀀字", "€😀");
	table_free(&t);
	free(gb);
}

static void
test_explicit_errors(void **state)
{
	struct table t;
	size_t n;
	char *gbk = encode("a,b\n1,2\n中文,3\n", "GBK", &n);

	(void)state;
	/* GBK bytes declared UTF-8: named line. */
	assert_int_equal(read_enc(gbk, n, "utf-8", &t), APP_ERR_VALIDATION);
	assert_non_null(strstr(err, "第3行"));
	assert_non_null(strstr(err, "line 3"));
	assert_int_equal(t.nrows, 0);
	table_free(&t);
	free(gbk);
	assert_int_equal(read_enc("a", 1, "latin1", &t), APP_ERR_VALIDATION);
	assert_non_null(strstr(err, "latin1"));
	/* Bytes valid in neither: 0xFF never starts a GB18030 character. */
	assert_int_equal(read_str("a,b\r\n1,2\r\n3,4\r\n\xFF\xFF,5\r\n", &t),
	    APP_ERR_VALIDATION);
	assert_non_null(strstr(err, "line 4"));
	/* A GBK character cut off by the end of the file. */
	assert_int_equal(read_enc("a\n\xD6", 3, "gbk", &t), APP_ERR_VALIDATION);
	assert_non_null(strstr(err, "line 2"));
}

static void
test_utf16(void **state)
{
	/* Excel's "Unicode text": UTF-16LE with BOM, tab-separated. */
	struct table t;
	size_t n;
	char *u = encode("\xEF\xBB\xBF名称\t金额\r\n华为\t1,234\r\n", "UTF-16LE",
	    &n);

	(void)state;
	assert_int_equal((unsigned char)u[0], 0xFF);
	assert_int_equal(read_enc(u, n, NULL, &t), APP_OK);
	assert_int_equal(t.ncols, 2);
	assert_row(&t, 0, "名称", "金额");
	assert_row(&t, 1, "华为", "1,234");
	table_free(&t);
	free(u);
}

static void
test_quotes(void **state)
{
	struct table t;

	(void)state;
	assert_int_equal(read_str("\"a,b\",\"say \"\"hi\"\"\",c,\"\"\n"
	    "\"x\"y,z\"q,\"\"\"\"", &t), APP_OK);
	assert_int_equal(t.ncols, 4);
	assert_string_equal(table_cell(&t, 0, 0), "a,b");
	assert_string_equal(table_cell(&t, 0, 1), "say \"hi\"");
	assert_string_equal(table_cell(&t, 0, 2), "c");
	assert_string_equal(table_cell(&t, 0, 3), "");
	/* Text after a closing quote is kept; a quote inside unquoted text is
	 * data; "" inside quotes is one quote. */
	assert_string_equal(table_cell(&t, 1, 0), "xy");
	assert_string_equal(table_cell(&t, 1, 1), "z\"q");
	assert_string_equal(table_cell(&t, 1, 2), "\"");
	table_free(&t);
}

static void
test_line_endings(void **state)
{
	static const char *const inputs[] = {
		"a,b\r\n1,2\r\n3,4\r\n", "a,b\n1,2\n3,4", "a,b\r1,2\r3,4\r",
		"a,b\r\n1,2\n3,4\r",
	};
	struct table t;

	(void)state;
	for (size_t i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++) {
		assert_int_equal(read_str(inputs[i], &t), APP_OK);
		assert_int_equal(t.nrows, 3);
		assert_int_equal(t.ncols, 2);
		assert_row(&t, 0, "a", "b");
		assert_row(&t, 2, "3", "4");
		table_free(&t);
	}
}

static void
test_embedded_newline(void **state)
{
	struct table t;

	(void)state;
	assert_int_equal(read_str("备注,b\r\n\"第一行\r\n第二行\nend\",x\r\ny,z\r\n",
	    &t), APP_OK);
	assert_int_equal(t.nrows, 3);
	assert_row(&t, 1, "第一行\r\n第二行\nend", "x");
	assert_row(&t, 2, "y", "z");
	table_free(&t);
	/* Lines count on inside quotes: the quote opens on line 6. */
	assert_int_equal(read_str("a\n\"1\n2\"\n\"3\r\n4\"\nb,\"open\nmore",
	    &t), APP_ERR_VALIDATION);
	assert_non_null(strstr(err, "第6行"));
	assert_non_null(strstr(err, "line 6"));
	assert_non_null(strstr(err, "unterminated"));
}

static void
test_tabs(void **state)
{
	struct table t;

	(void)state;
	assert_int_equal(read_str("名称\t金额\n华为\t1,5\n", &t), APP_OK);
	assert_int_equal(t.ncols, 2);
	assert_row(&t, 1, "华为", "1,5");
	table_free(&t);
	/* A comma in the header line keeps commas as the separator. */
	assert_int_equal(read_str("a\tb,c\n1\t2,3\n", &t), APP_OK);
	assert_int_equal(t.ncols, 2);
	assert_row(&t, 0, "a\tb", "c");
	table_free(&t);
}

static void
test_padding_and_trailing(void **state)
{
	struct table t;

	(void)state;
	/* Short rows padded; trailing blank and all-empty rows dropped; an
	 * empty row in the middle kept. */
	assert_int_equal(read_str("a,b,c\n1\n\n2,,\n\n,,,,,\r\n\r\n", &t), APP_OK);
	assert_int_equal(t.nrows, 4);
	assert_int_equal(t.ncols, 3);
	assert_row(&t, 1, "1", "");
	assert_string_equal(table_cell(&t, 1, 2), "");
	assert_row(&t, 2, "", "");
	assert_row(&t, 3, "2", "");
	table_free(&t);
	assert_int_equal(read_str("", &t), APP_OK);
	assert_int_equal(t.nrows, 0);
	assert_int_equal(t.ncols, 0);
	table_free(&t);
	assert_int_equal(csv_read(NULL, 0, NULL, &t, NULL, 0), APP_OK);
	assert_int_equal(read_str("\n\n\r\n", &t), APP_OK);
	assert_int_equal(t.nrows, 0);
	table_free(&t);
}

static void
test_nul(void **state)
{
	struct table t;

	(void)state;
	assert_int_equal(read_enc("a\nb\0c\n", 6, NULL, &t), APP_ERR_VALIDATION);
	assert_non_null(strstr(err, "line 2"));
}

static void
test_limits(void **state)
{
	struct buf b = {0};
	struct table t;

	(void)state;
	/* 200 columns fine, 201 with text too many, empty extras forgiven. */
	for (int i = 0; i < TABLE_MAX_COLS; i++)
		buf_puts(&b, i ? ",x" : "x");
	assert_int_equal(read_str(b.p, &t), APP_OK);
	assert_int_equal(t.ncols, TABLE_MAX_COLS);
	table_free(&t);
	buf_puts(&b, ",,,,\n1");
	assert_int_equal(read_str(b.p, &t), APP_OK);
	assert_int_equal(t.ncols, TABLE_MAX_COLS);
	table_free(&t);
	buf_puts(&b, "\n2,,,");
	for (int i = 0; i < TABLE_MAX_COLS; i++)
		buf_puts(&b, ",");
	buf_puts(&b, "y");
	assert_int_equal(read_str(b.p, &t), APP_ERR_TOO_LARGE);
	assert_non_null(strstr(err, "line 3"));
	assert_non_null(strstr(err, "columns"));
	buf_free(&b);

	/* Rows: 200000 fine (trailing blank lines after them too). */
	for (int i = 0; i < TABLE_MAX_ROWS; i++)
		buf_puts(&b, "x\n");
	buf_puts(&b, "\n\n");
	assert_int_equal(read_str(b.p, &t), APP_OK);
	assert_int_equal(t.nrows, TABLE_MAX_ROWS);
	table_free(&t);
	buf_puts(&b, "y\n");
	assert_int_equal(read_str(b.p, &t), APP_ERR_TOO_LARGE);
	assert_non_null(strstr(err, "rows"));
	assert_non_null(strstr(err, "第200003行"));
	/* Wide × long: the padded grid would be 40 million cells. */
	b.len = 0;
	for (int i = 0; i < TABLE_MAX_COLS; i++)
		buf_puts(&b, i ? ",h" : "h");
	for (int i = 1; i < 100000; i++)
		buf_puts(&b, "\nx");
	assert_int_equal(read_str(b.p, &t), APP_ERR_TOO_LARGE);
	assert_non_null(strstr(err, "cells"));
	buf_free(&b);

	/* A cell of exactly 64 KiB is fine, one byte more is not. */
	buf_puts(&b, "a,\"");
	for (int i = 0; i < TABLE_MAX_CELL; i++)
		buf_append(&b, "x", 1);
	buf_puts(&b, "\"\n");
	assert_int_equal(read_str(b.p, &t), APP_OK);
	assert_int_equal(strlen(table_cell(&t, 0, 1)), TABLE_MAX_CELL);
	table_free(&t);
	b.len -= 2;
	buf_puts(&b, "x\"\n");
	assert_int_equal(read_str(b.p, &t), APP_ERR_TOO_LARGE);
	assert_non_null(strstr(err, "line 1"));
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_gbk_detected),
		cmocka_unit_test(test_gb18030),
		cmocka_unit_test(test_explicit_errors),
		cmocka_unit_test(test_utf16),
		cmocka_unit_test(test_quotes),
		cmocka_unit_test(test_line_endings),
		cmocka_unit_test(test_embedded_newline),
		cmocka_unit_test(test_tabs),
		cmocka_unit_test(test_padding_and_trailing),
		cmocka_unit_test(test_nul),
		cmocka_unit_test(test_limits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
