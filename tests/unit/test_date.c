/*
 * Unit tests of domain/date: the strict YYYY-MM-DD parser, leap years, day
 * numbers over the whole accepted range, weekdays and ISO weeks at year
 * boundaries, and extreme arguments that must not overflow.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>
#include <string.h>

#include "domain/date.h"

static int
parse(const char *s, struct date *d)
{
	return date_parse(s, strlen(s), d);
}

static struct date
mk(int y, int m, int d)
{
	struct date r = {y, m, d};

	return r;
}

static void
assert_date(struct date got, int y, int m, int d)
{
	assert_int_equal(got.y, y);
	assert_int_equal(got.m, m);
	assert_int_equal(got.d, d);
}

static void
test_parse_valid(void **state)
{
	struct date d;

	(void)state;
	assert_int_equal(parse("2024-03-15", &d), 0);
	assert_date(d, 2024, 3, 15);
	assert_int_equal(parse("1900-01-01", &d), 0);
	assert_date(d, 1900, 1, 1);
	assert_int_equal(parse("2100-12-31", &d), 0);
	assert_date(d, 2100, 12, 31);
	assert_int_equal(parse("2024-04-30", &d), 0);
	/* Only the first 10 bytes are given: the rest is not looked at. */
	assert_int_equal(date_parse("2024-01-31T00:00", 10, &d), 0);
	assert_date(d, 2024, 1, 31);
}

static void
test_leap_years(void **state)
{
	struct date d;

	(void)state;
	assert_int_equal(parse("2024-02-29", &d), 0);
	assert_date(d, 2024, 2, 29);
	assert_int_equal(parse("2000-02-29", &d), 0);
	assert_int_equal(parse("2023-02-29", &d), -1);
	assert_int_equal(parse("1900-02-29", &d), -1);
	assert_int_equal(parse("2100-02-29", &d), -1);
	assert_int_equal(parse("2024-02-30", &d), -1);
	assert_int_equal(parse("2023-02-28", &d), 0);
}

static void
test_parse_invalid(void **state)
{
	static const char *const bad[] = {
		"", "2024-2-1", "2024-02-1", "2024-02-01x", "2024/02/01",
		"20240201", "2024-13-01", "2024-00-10", "2024-01-00",
		"2024-04-31", "2024-06-31", "1899-12-31", "2101-01-01",
		" 2024-01-1", "2024-01-1 ", "+024-01-01", "2024-+1-01",
		"2024-01--1", "２024-01-01", "2024-01-01\n", "0000-00-00",
		"9999-12-31", "2024_01_01", "2024-1a-01",
	};
	struct date d = {7, 7, 7};

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(parse(bad[i], &d), -1);
		/* Failure leaves *out alone. */
		assert_date(d, 7, 7, 7);
	}
	assert_int_equal(date_parse("2024-01-0\0", 10, &d), -1);
	assert_int_equal(date_parse("2024\0" "01-01", 10, &d), -1);
	assert_int_equal(date_parse(NULL, 0, &d), -1);
	assert_int_equal(date_parse("2024-01-01", 9, &d), -1);
	assert_date(d, 7, 7, 7);
}

static void
test_format(void **state)
{
	char out[11];

	(void)state;
	date_format(mk(2024, 2, 29), out);
	assert_string_equal(out, "2024-02-29");
	date_format(mk(5, 1, 9), out);
	assert_string_equal(out, "0005-01-09");
	date_format(mk(9999, 12, 31), out);
	assert_string_equal(out, "9999-12-31");
	/* Not a real day, or no four-digit year: a fixed placeholder */
	date_format(mk(2023, 2, 29), out);
	assert_string_equal(out, "0000-00-00");
	date_format(mk(10000, 1, 1), out);
	assert_string_equal(out, "0000-00-00");
	date_format(mk(-1, 1, 1), out);
	assert_string_equal(out, "0000-00-00");
	date_format(mk(INT_MIN, INT_MIN, INT_MIN), out);
	assert_string_equal(out, "0000-00-00");
}

static void
test_is_valid(void **state)
{
	(void)state;
	assert_true(date_is_valid(mk(2024, 2, 29)));
	assert_true(date_is_valid(mk(1600, 2, 29)));
	assert_false(date_is_valid(mk(1700, 2, 29)));
	assert_false(date_is_valid(mk(2024, 0, 1)));
	assert_false(date_is_valid(mk(2024, 12, 32)));
	assert_false(date_is_valid(mk(INT_MAX, 1, 1)));
}

static void
test_known_days(void **state)
{
	(void)state;
	assert_int_equal(date_to_days(mk(1970, 1, 1)), 0);
	assert_int_equal(date_to_days(mk(1969, 12, 31)), -1);
	assert_int_equal(date_to_days(mk(2000, 1, 1)), 10957);
	assert_int_equal(date_to_days(mk(2024, 2, 29)), 19782);
	assert_int_equal(date_to_days(mk(1900, 1, 1)), -25567);
	assert_int_equal(date_to_days(mk(2100, 12, 31)), 47846);
	assert_date(date_from_days(0), 1970, 1, 1);
	assert_date(date_from_days(-25567), 1900, 1, 1);
	assert_date(date_from_days(19782), 2024, 2, 29);
	/* Proleptic before 1582 and before year 0 */
	assert_date(date_from_days(date_to_days(mk(1582, 10, 4)) + 1), 1582,
	    10, 5);
	assert_date(date_from_days(date_to_days(mk(0, 12, 31)) + 1), 1, 1, 1);
	assert_date(date_from_days(date_to_days(mk(-1, 12, 31)) + 1), 0, 1, 1);
}

/*
 * Every day 1900..2100: the days<->date round trip, the next day by hand,
 * format<->parse, weekdays cycling, and ISO weeks against a checksum taken
 * from Python's datetime.date.isocalendar over the same range.
 */
static void
test_round_trip_all_days(void **state)
{
	long first = date_to_days(mk(1900, 1, 1));
	long last = date_to_days(mk(2100, 12, 31));
	struct date prev = mk(1899, 12, 31), d, back;
	int prev_wd = 7, week, iso_year;
	long long iso_sum = 0;
	char buf[11];

	(void)state;
	assert_int_equal(last - first + 1, 73414);
	for (long n = first; n <= last; n++) {
		d = date_from_days(n);
		assert_true(date_is_valid(d));
		assert_int_equal(date_to_days(d), n);
		assert_int_equal(date_cmp(prev, d), -1);
		if (prev.d + 1 <= 28 || (d.m == prev.m && d.y == prev.y)) {
			assert_date(d, prev.y, prev.m, prev.d + 1);
		} else if (prev.m < 12) {
			assert_false(date_is_valid(mk(prev.y, prev.m, prev.d + 1)));
			assert_date(d, prev.y, prev.m + 1, 1);
		} else {
			assert_false(date_is_valid(mk(prev.y, prev.m, prev.d + 1)));
			assert_date(d, prev.y + 1, 1, 1);
		}
		date_format(d, buf);
		assert_int_equal(date_parse(buf, 10, &back), 0);
		assert_int_equal(date_cmp(back, d), 0);
		assert_int_equal(date_weekday(d), prev_wd % 7 + 1);
		week = date_iso_week(d, &iso_year);
		assert_true(week >= 1 && week <= 53);
		assert_true(iso_year >= d.y - 1 && iso_year <= d.y + 1);
		iso_sum += (long long)iso_year * 100 + week;
		assert_int_equal(date_quarter(d), (d.m + 2) / 3);
		assert_date(date_add_days(d, 1), date_from_days(n + 1).y,
		    date_from_days(n + 1).m, date_from_days(n + 1).d);
		prev = d;
		prev_wd = date_weekday(d);
	}
	assert_int_equal(iso_sum, 14684752398LL);
}

static void
test_weekdays(void **state)
{
	(void)state;
	assert_int_equal(date_weekday(mk(1970, 1, 1)), 4);	/* Thursday */
	assert_int_equal(date_weekday(mk(1969, 12, 31)), 3);
	assert_int_equal(date_weekday(mk(1900, 1, 1)), 1);	/* Monday */
	assert_int_equal(date_weekday(mk(2000, 1, 1)), 6);
	assert_int_equal(date_weekday(mk(2021, 10, 1)), 5);
	assert_int_equal(date_weekday(mk(2024, 2, 29)), 4);
	assert_int_equal(date_weekday(mk(2021, 1, 3)), 7);	/* Sunday */
	assert_int_equal(date_weekday(mk(2100, 12, 31)), 5);
}

static void
assert_iso(struct date d, int week, int year)
{
	int y = 0;

	assert_int_equal(date_iso_week(d, &y), week);
	assert_int_equal(y, year);
}

static void
test_iso_weeks(void **state)
{
	(void)state;
	assert_iso(mk(2020, 12, 31), 53, 2020);
	assert_iso(mk(2021, 1, 3), 53, 2020);
	assert_iso(mk(2021, 1, 4), 1, 2021);
	assert_iso(mk(2024, 12, 30), 1, 2025);
	assert_iso(mk(2024, 12, 29), 52, 2024);
	assert_iso(mk(2026, 1, 1), 1, 2026);
	assert_iso(mk(2027, 1, 1), 53, 2026);
	assert_iso(mk(2008, 12, 29), 1, 2009);
	assert_iso(mk(2010, 1, 3), 53, 2009);
	assert_iso(mk(2015, 12, 31), 53, 2015);
	assert_iso(mk(2000, 1, 1), 52, 1999);
	assert_iso(mk(1900, 1, 1), 1, 1900);
	assert_iso(mk(1969, 12, 31), 1, 1970);
	assert_iso(mk(2024, 2, 29), 9, 2024);
	/* iso_year is optional */
	assert_int_equal(date_iso_week(mk(2020, 12, 31), NULL), 53);
}

static void
test_add_days(void **state)
{
	(void)state;
	assert_date(date_add_days(mk(2024, 2, 28), 1), 2024, 2, 29);
	assert_date(date_add_days(mk(2024, 2, 28), 2), 2024, 3, 1);
	assert_date(date_add_days(mk(2023, 2, 28), 1), 2023, 3, 1);
	assert_date(date_add_days(mk(2023, 12, 31), 1), 2024, 1, 1);
	assert_date(date_add_days(mk(2024, 1, 1), -1), 2023, 12, 31);
	assert_date(date_add_days(mk(2024, 3, 1), -366), 2023, 3, 1);
	assert_date(date_add_days(mk(2024, 3, 15), 0), 2024, 3, 15);
	assert_date(date_add_days(mk(1900, 1, 1), 73413), 2100, 12, 31);
}

static void
test_extremes(void **state)
{
	struct date hi, lo;

	(void)state;
	/* Clamped at +-700000000000 days rather than overflowing */
	hi = date_from_days(LONG_MAX);
	lo = date_from_days(LONG_MIN);
	assert_int_equal(date_to_days(hi), 700000000000L);
	assert_int_equal(date_to_days(lo), -700000000000L);
	assert_true(hi.y > 1900000000 && hi.m >= 1 && hi.m <= 12);
	assert_true(lo.y < -1900000000 && lo.d >= 1 && lo.d <= 31);
	assert_int_equal(date_cmp(date_add_days(mk(2024, 1, 1), LONG_MAX),
	    hi), 0);
	assert_int_equal(date_cmp(date_add_days(mk(2024, 1, 1), LONG_MIN),
	    lo), 0);
	assert_int_equal(date_cmp(date_add_days(hi, LONG_MAX), hi), 0);
	/* Garbage in: a number out, no undefined behaviour (UBSan checks) */
	(void)date_to_days(mk(INT_MIN, INT_MIN, INT_MIN));
	(void)date_to_days(mk(INT_MAX, INT_MAX, INT_MAX));
	(void)date_weekday(mk(INT_MIN, INT_MAX, INT_MIN));
	(void)date_iso_week(mk(INT_MAX, INT_MAX, INT_MAX), NULL);
	(void)date_add_days(mk(INT_MAX, INT_MAX, INT_MAX), LONG_MAX);
	assert_int_equal(date_quarter(mk(2024, INT_MIN, 1)), 0);
	assert_int_equal(date_quarter(mk(2024, 13, 1)), 0);
}

static void
test_cmp_and_quarter(void **state)
{
	(void)state;
	assert_int_equal(date_cmp(mk(2024, 1, 1), mk(2024, 1, 1)), 0);
	assert_int_equal(date_cmp(mk(2023, 12, 31), mk(2024, 1, 1)), -1);
	assert_int_equal(date_cmp(mk(2024, 2, 1), mk(2024, 1, 31)), 1);
	assert_int_equal(date_cmp(mk(2024, 1, 2), mk(2024, 1, 1)), 1);
	assert_int_equal(date_cmp(mk(INT_MIN, 1, 1), mk(INT_MAX, 1, 1)), -1);
	assert_int_equal(date_quarter(mk(2024, 1, 1)), 1);
	assert_int_equal(date_quarter(mk(2024, 3, 31)), 1);
	assert_int_equal(date_quarter(mk(2024, 4, 1)), 2);
	assert_int_equal(date_quarter(mk(2024, 9, 30)), 3);
	assert_int_equal(date_quarter(mk(2024, 10, 1)), 4);
	assert_int_equal(date_quarter(mk(2024, 12, 31)), 4);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_valid),
		cmocka_unit_test(test_leap_years),
		cmocka_unit_test(test_parse_invalid),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_is_valid),
		cmocka_unit_test(test_known_days),
		cmocka_unit_test(test_round_trip_all_days),
		cmocka_unit_test(test_weekdays),
		cmocka_unit_test(test_iso_weeks),
		cmocka_unit_test(test_add_days),
		cmocka_unit_test(test_extremes),
		cmocka_unit_test(test_cmp_and_quarter),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
