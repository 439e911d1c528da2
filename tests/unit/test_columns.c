/*
 * Unit tests of io/columns: header binding (aliases, keys, spaces, full-
 * width parentheses, required marks, unit suffixes and their scale,
 * unknown and repeated headers) and row conversion (trimmed text, money
 * with grouping and scale, every date spelling, integers, errors naming
 * the file's row and the header).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <jansson.h>
#include <string.h>

#include "io/columns.h"
#include "io/csv.h"

static const char *const name_aliases[] = {"企业名称", "名称", "Company Name",
    NULL};
static const char *const capital_aliases[] = {"注册资本", "注册资本(万元)",
    "Registered Capital", NULL};
static const char *const date_aliases[] = {"成立日期", "Founded", NULL};
static const char *const staff_aliases[] = {"员工人数", "人数", NULL};
static const char *const invest_aliases[] = {"投资额", NULL};

static const struct colmap map[] = {
	{"name", name_aliases, CM_TEXT},
	{"capital", capital_aliases, CM_MONEY_WAN},
	{"founded", date_aliases, CM_DATE},
	{"staff", staff_aliases, CM_INT},
	{"investment", invest_aliases, CM_MONEY_WAN},
	{"note", NULL, CM_TEXT},	/* only its key matches */
};
#define NMAP (sizeof(map) / sizeof(map[0]))

static struct table
csv(const char *s)
{
	struct table t;
	char err[256];

	assert_int_equal(csv_read(s, strlen(s), "utf-8", &t, err, sizeof(err)),
	    APP_OK);
	return t;
}

static void
test_bind_aliases(void **state)
{
	/* Full-width parentheses, U+3000, NBSP, a line break, case, the
	 * required mark, and a unit on a header whose alias has none. */
	struct table t = csv("\"  企业\xE3\x80\x80名称* \",注册资本（亿元）,"
	    "\"成立\n日期\",STAFF,投资额(元),Note,电话,名称,\xC2\xA0\r\n");
	json_t *unknown = json_array();
	int col[NMAP];
	double scale[NMAP];

	(void)state;
	assert_int_equal(colmap_bind(&t, map, NMAP, col, scale, unknown), APP_OK);
	assert_int_equal(col[0], 0);
	assert_int_equal(col[1], 1);
	assert_int_equal(col[2], 2);
	assert_int_equal(col[3], 3);
	assert_int_equal(col[4], 4);
	assert_int_equal(col[5], 5);
	assert_true(scale[1] == 10000);
	assert_true(scale[4] == 0.0001);
	assert_true(scale[0] == 1 && scale[2] == 1 && scale[3] == 1);
	/* Unknown, and a second 名称; the blank header is neither. */
	assert_int_equal(json_array_size(unknown), 2);
	assert_string_equal(json_string_value(json_array_get(unknown, 0)), "电话");
	assert_string_equal(json_string_value(json_array_get(unknown, 1)), "名称");
	json_decref(unknown);
	table_free(&t);
}

static void
test_bind_units(void **state)
{
	struct table t = csv("Company Name,注册资本(万元),投资额\n");
	int col[NMAP];
	double scale[NMAP];

	(void)state;
	/* The alias with its unit matches whole; (万元) is scale 1. */
	assert_int_equal(colmap_bind(&t, map, NMAP, col, scale, NULL), APP_OK);
	assert_int_equal(col[0], 0);
	assert_int_equal(col[1], 1);
	assert_true(scale[1] == 1);
	assert_int_equal(col[2], -1);
	assert_int_equal(col[3], -1);
	assert_int_equal(col[4], 2);
	assert_true(scale[4] == 1);
	table_free(&t);

	/* Any other trailing part is dropped for matching, without scale;
	 * an alias carrying a unit matches a header with another unit. */
	t = csv("名称(必填),Registered Capital （元）,人数（人）\n");
	assert_int_equal(colmap_bind(&t, map, NMAP, col, scale, NULL), APP_OK);
	assert_int_equal(col[0], 0);
	assert_int_equal(col[1], 1);
	assert_true(scale[1] == 0.0001);
	assert_int_equal(col[3], 2);
	assert_true(scale[3] == 1);
	table_free(&t);

	/* A bare unit names nothing. */
	t = csv("(万元),()\n");
	json_t *unknown = json_array();

	assert_int_equal(colmap_bind(&t, map, NMAP, col, scale, unknown), APP_OK);
	for (size_t i = 0; i < NMAP; i++)
		assert_int_equal(col[i], -1);
	assert_int_equal(json_array_size(unknown), 2);
	json_decref(unknown);
	table_free(&t);

	/* No header row at all. */
	memset(&t, 0, sizeof(t));
	assert_int_equal(colmap_bind(&t, map, NMAP, col, scale, NULL),
	    APP_ERR_VALIDATION);
	assert_int_equal(col[0], -1);
}

static json_t *
row_of(const char *text, size_t row, json_t *errs)
{
	struct table t = csv(text);
	int col[NMAP];
	double scale[NMAP];
	json_t *obj;

	assert_int_equal(colmap_bind(&t, map, NMAP, col, scale, NULL), APP_OK);
	obj = colmap_row(&t, row, map, NMAP, col, scale, errs);
	table_free(&t);
	return obj;
}

static void
test_row_values(void **state)
{
	json_t *errs = json_array();
	json_t *o = row_of("名称,注册资本（亿元）,成立日期,人数,投资额（元）,note\n"
	    "\xE3\x80\x80 华为技术 \xC2\xA0,\"1,234.5\",2024/3/1,\"1,200\","
	    "12345,\"  \"\n", 1, errs);

	(void)state;
	assert_int_equal(json_array_size(errs), 0);
	assert_string_equal(json_string_value(json_object_get(o, "name")),
	    "华为技术");
	assert_true(json_real_value(json_object_get(o, "capital")) == 12345000);
	assert_string_equal(json_string_value(json_object_get(o, "founded")),
	    "2024-03-01");
	assert_int_equal(json_integer_value(json_object_get(o, "staff")), 1200);
	/* 元 → 万元 divides, so the result is the nearest double to 1.2345. */
	assert_true(json_real_value(json_object_get(o, "investment")) == 1.2345);
	/* Blank cells are left out. */
	assert_null(json_object_get(o, "note"));
	json_decref(o);

	o = row_of("名称,注册资本,人数\n,-0.5,-3\n", 1, errs);
	assert_null(json_object_get(o, "name"));
	assert_true(json_real_value(json_object_get(o, "capital")) == -0.5);
	assert_int_equal(json_integer_value(json_object_get(o, "staff")), -3);
	json_decref(o);
	assert_int_equal(json_array_size(errs), 0);
	json_decref(errs);
}

static void
test_dates(void **state)
{
	static const char *const good[] = {
		"2024-03-01", "2024/3/1", "2024.3.1", "2024年3月1日", "2024年03月01",
		"20240301", "2024-3-1 00:00:00", "2024/03/01 0:00", "2024-03-01T08:30",
	};
	static const char *const bad_format[] = {
		"2024-03", "24-3-1", "2024/3-1", "2024年3月", "3/1/2024", "2024-003-01",
		"2024-03-01 noon", "45352", "二〇二四年三月一日", "2024-03-01x",
	};
	static const char *const no_day[] = {
		"2024-02-30", "2023/2/29", "1899-12-31", "2101-01-01", "2024-13-01",
		"20240000",
	};
	char text[128];
	json_t *errs, *o;

	(void)state;
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		errs = json_array();
		snprintf(text, sizeof(text), "成立日期\n%s\n", good[i]);
		o = row_of(text, 1, errs);
		assert_int_equal(json_array_size(errs), 0);
		assert_string_equal(json_string_value(json_object_get(o,
		    "founded")), "2024-03-01");
		json_decref(o);
		json_decref(errs);
	}
	for (size_t i = 0; i < sizeof(bad_format) / sizeof(bad_format[0]); i++) {
		errs = json_array();
		snprintf(text, sizeof(text), "成立日期\n%s\n", bad_format[i]);
		o = row_of(text, 1, errs);
		assert_null(json_object_get(o, "founded"));
		assert_int_equal(json_array_size(errs), 1);
		assert_string_equal(json_string_value(json_object_get(
		    json_array_get(errs, 0), "message")),
		    "日期格式应为YYYY-MM-DD (date must be YYYY-MM-DD)");
		json_decref(o);
		json_decref(errs);
	}
	for (size_t i = 0; i < sizeof(no_day) / sizeof(no_day[0]); i++) {
		errs = json_array();
		snprintf(text, sizeof(text), "成立日期\n%s\n", no_day[i]);
		o = row_of(text, 1, errs);
		assert_null(json_object_get(o, "founded"));
		assert_int_equal(json_array_size(errs), 1);
		assert_non_null(strstr(json_string_value(json_object_get(
		    json_array_get(errs, 0), "message")), "no such date"));
		json_decref(o);
		json_decref(errs);
	}
}

static void
test_errors(void **state)
{
	json_t *errs = json_array(), *o, *e;

	(void)state;
	o = row_of("企业名称,注册资本（万元）,成立日期,员工人数\n"
	    "甲,1,2024-01-01,1\n"
	    "乙,一百,2024-13-01,1.5\n", 2, errs);
	assert_string_equal(json_string_value(json_object_get(o, "name")), "乙");
	assert_int_equal(json_object_size(o), 1);
	assert_int_equal(json_array_size(errs), 3);
	/* Table row 2 is the file's row 3 (the header is row 1). */
	e = json_array_get(errs, 0);
	assert_int_equal(json_integer_value(json_object_get(e, "row")), 3);
	assert_string_equal(json_string_value(json_object_get(e, "column")),
	    "注册资本（万元）");
	assert_string_equal(json_string_value(json_object_get(e, "key")),
	    "capital");
	assert_string_equal(json_string_value(json_object_get(e, "message")),
	    "不是数字 (not a number)");
	e = json_array_get(errs, 1);
	assert_string_equal(json_string_value(json_object_get(e, "column")),
	    "成立日期");
	e = json_array_get(errs, 2);
	assert_string_equal(json_string_value(json_object_get(e, "column")),
	    "员工人数");
	assert_string_equal(json_string_value(json_object_get(e, "message")),
	    "不是整数 (not an integer)");
	json_decref(o);
	json_decref(errs);

	/* Money and integer spellings refused; errs may be NULL. */
	{
		static const char *const bad_money[] = {
			"1.2.3", ",1", "1,", "1e5", "¥100", "--1", "-", ".", "1 000",
			"12万",
		};
		static const char *const bad_int[] = {
			"1.0", "99999999999999999999", "+1", "1e3", "0x10",
		};
		char text[128];

		for (size_t i = 0; i < sizeof(bad_money) / sizeof(bad_money[0]);
		    i++) {
			errs = json_array();
			snprintf(text, sizeof(text), "注册资本\n\"%s\"\n",
			    bad_money[i]);
			o = row_of(text, 1, errs);
			assert_int_equal(json_object_size(o), 0);
			assert_int_equal(json_array_size(errs), 1);
			json_decref(o);
			json_decref(errs);
		}
		for (size_t i = 0; i < sizeof(bad_int) / sizeof(bad_int[0]); i++) {
			errs = json_array();
			snprintf(text, sizeof(text), "人数\n%s\n", bad_int[i]);
			o = row_of(text, 1, errs);
			assert_int_equal(json_object_size(o), 0);
			assert_int_equal(json_array_size(errs), 1);
			json_decref(o);
			json_decref(errs);
		}
		o = row_of("人数\nx\n", 1, NULL);
		assert_int_equal(json_object_size(o), 0);
		json_decref(o);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bind_aliases),
		cmocka_unit_test(test_bind_units),
		cmocka_unit_test(test_row_values),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
