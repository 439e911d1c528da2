/*
 * Unit tests of domain/workdays: the national table (order, 调休 days on
 * weekends, day counts per notice), working days around 春节 and 国庆 of
 * 2024, 2025 and 2026 with their 调休 days, workcal_add and workcal_count
 * across holidays, weekends and year boundaries, n = 0, negative and huge
 * n, the zone layer over the national one, and count against a day-by-day
 * count everywhere.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>
#include <string.h>

#include "domain/workdays.h"

static struct date
mk(int y, int m, int d)
{
	struct date r = {y, m, d};

	return r;
}

#define D(y, m, d) mk((y), (m), (d))

static void
assert_date(struct date got, int y, int m, int d)
{
	if (got.y != y || got.m != m || got.d != d)
		fail_msg("got %04d-%02d-%02d, want %04d-%02d-%02d", got.y,
		    got.m, got.d, y, m, d);
}

static struct workcal nat;	/* the national calendar, no zone layer */

static int
work(int y, int m, int d)
{
	return workcal_is_workday(&nat, D(y, m, d));
}

/* Working days in (from, to], one day at a time. */
static int
brute_count(const struct workcal *c, struct date from, struct date to)
{
	int n = 0;

	for (struct date d = date_add_days(from, 1); date_cmp(d, to) <= 0;
	    d = date_add_days(d, 1))
		n += workcal_is_workday(c, d);
	return n;
}

/* ---- the national table ------------------------------------------------ */

static void
test_table_sorted_and_sane(void **state)
{
	int off[WORKCAL_CN_LAST_YEAR + 2] = {0}, on[WORKCAL_CN_LAST_YEAR + 2] = {0};

	(void)state;
	assert_true(workcal_cn_days_count > 0);
	for (size_t i = 0; i < workcal_cn_days_count; i++) {
		const struct workcal_day *x = &workcal_cn_days[i];

		assert_true(date_is_valid(x->date));
		assert_non_null(x->note);
		if (i > 0 && date_cmp(workcal_cn_days[i - 1].date, x->date) >= 0)
			fail_msg("table out of order at %d-%02d-%02d",
			    x->date.y, x->date.m, x->date.d);
		/* 调休上班 days are always weekend days. */
		if (x->is_workday)
			assert_true(date_weekday(x->date) >= 6);
		assert_true(x->date.y >= WORKCAL_CN_FIRST_YEAR - 1 &&
		    x->date.y <= WORKCAL_CN_LAST_YEAR);
	}
	/* Days per notice year, as the notices count them ("共N天"); the
	 * 2023 notice's 元旦 begins on 2022-12-31. */
	for (size_t i = 0; i < workcal_cn_days_count; i++) {
		const struct workcal_day *x = &workcal_cn_days[i];
		int y = x->date.y == 2022 && x->date.m == 12 ? 2023 : x->date.y;

		(x->is_workday ? on : off)[y]++;
	}
	assert_int_equal(off[2022], 3 + 7 + 3 + 5 + 3 + 3 + 7);
	assert_int_equal(on[2022], 2 + 1 + 2 + 2);
	assert_int_equal(off[2023], 3 + 7 + 1 + 5 + 3 + 8);
	assert_int_equal(on[2023], 2 + 2 + 1 + 2);
	assert_int_equal(off[2024], 1 + 8 + 3 + 5 + 1 + 3 + 7);
	assert_int_equal(on[2024], 2 + 1 + 2 + 1 + 2);
	assert_int_equal(off[2025], 1 + 8 + 3 + 5 + 3 + 8);
	assert_int_equal(on[2025], 2 + 1 + 2);
	assert_int_equal(off[2026], 3 + 9 + 3 + 5 + 3 + 3 + 7);
	assert_int_equal(on[2026], 1 + 2 + 1 + 2);
}

static void
test_year_totals(void **state)
{
	(void)state;
	/* Working days of each whole year: weekdays − holidays on weekdays +
	 * 调休上班 days. */
	assert_int_equal(workcal_count(&nat, D(2021, 12, 31), D(2022, 12, 31)),
	    249);
	assert_int_equal(workcal_count(&nat, D(2022, 12, 31), D(2023, 12, 31)),
	    249);
	assert_int_equal(workcal_count(&nat, D(2023, 12, 31), D(2024, 12, 31)),
	    251);
	assert_int_equal(workcal_count(&nat, D(2024, 12, 31), D(2025, 12, 31)),
	    248);
	assert_int_equal(workcal_count(&nat, D(2025, 12, 31), D(2026, 12, 31)),
	    248);
	/* Beyond the table: the weekend rule alone. */
	assert_int_equal(workcal_count(&nat, D(2026, 12, 31), D(2027, 12, 31)),
	    261);
}

/* ---- is_workday on the boundary days ----------------------------------- */

static void
test_2024_spring_festival(void **state)
{
	enum workcal_source src;
	const char *note;

	(void)state;
	assert_false(work(2024, 2, 3));		/* Sat */
	assert_true(work(2024, 2, 4));		/* Sun, 调休上班 */
	assert_true(workcal_lookup(&nat, D(2024, 2, 4), &src, &note));
	assert_int_equal(src, WORKCAL_NATIONAL);
	assert_string_equal(note, "春节调休上班");
	/* 除夕 2024-02-09 was only "encouraged" off: a working day. */
	assert_true(work(2024, 2, 9));
	assert_true(workcal_lookup(&nat, D(2024, 2, 9), &src, &note));
	assert_int_equal(src, WORKCAL_WEEKDAY);
	assert_null(note);
	for (int d = 10; d <= 17; d++)
		assert_false(work(2024, 2, d));
	assert_false(workcal_lookup(&nat, D(2024, 2, 12), &src, &note));
	assert_int_equal(src, WORKCAL_NATIONAL);
	assert_string_equal(note, "春节");
	assert_true(work(2024, 2, 18));		/* Sun, 调休上班 */
	assert_true(work(2024, 2, 19));
	assert_false(work(2024, 2, 24));	/* an ordinary Saturday */
	assert_false(workcal_lookup(&nat, D(2024, 2, 24), &src, NULL));
	assert_int_equal(src, WORKCAL_WEEKEND);
}

static void
test_2024_national_day(void **state)
{
	(void)state;
	assert_false(work(2024, 9, 28));	/* Sat */
	assert_true(work(2024, 9, 29));		/* Sun, 调休上班 */
	assert_true(work(2024, 9, 30));
	for (int d = 1; d <= 7; d++)
		assert_false(work(2024, 10, d));
	assert_true(work(2024, 10, 8));
	assert_true(work(2024, 10, 11));
	assert_true(work(2024, 10, 12));	/* Sat, 调休上班 */
	assert_false(work(2024, 10, 13));
	/* 中秋 2024: 9月15日至17日, 9月14日(周六)上班. */
	assert_true(work(2024, 9, 14));
	assert_false(work(2024, 9, 16));
	assert_false(work(2024, 9, 17));
}

static void
test_2025_spring_festival(void **state)
{
	(void)state;
	assert_true(work(2025, 1, 24));		/* Fri */
	assert_false(work(2025, 1, 25));	/* Sat */
	assert_true(work(2025, 1, 26));		/* Sun, 调休上班 */
	assert_true(work(2025, 1, 27));
	for (int d = 28; d <= 31; d++)
		assert_false(work(2025, 1, d));
	for (int d = 1; d <= 4; d++)
		assert_false(work(2025, 2, d));
	assert_true(work(2025, 2, 5));
	assert_true(work(2025, 2, 7));
	assert_true(work(2025, 2, 8));		/* Sat, 调休上班 */
	assert_false(work(2025, 2, 9));
	/* 元旦 2025 one day, no 调休. */
	assert_false(work(2025, 1, 1));
	assert_true(work(2025, 1, 2));
	assert_false(work(2024, 12, 29));	/* plain Sunday */
}

static void
test_2025_national_day(void **state)
{
	const char *note;

	(void)state;
	assert_false(work(2025, 9, 27));	/* Sat */
	assert_true(work(2025, 9, 28));		/* Sun, 调休上班 */
	assert_true(work(2025, 9, 30));
	for (int d = 1; d <= 8; d++)
		assert_false(work(2025, 10, d));
	workcal_lookup(&nat, D(2025, 10, 6), NULL, &note);
	assert_string_equal(note, "国庆节、中秋节");
	assert_true(work(2025, 10, 9));
	assert_true(work(2025, 10, 10));
	assert_true(work(2025, 10, 11));	/* Sat, 调休上班 */
	assert_false(work(2025, 10, 12));
	/* 劳动节 2025: 5月1日至5日, 4月27日(周日)上班, 5月10日 plain Sat. */
	assert_true(work(2025, 4, 27));
	assert_false(work(2025, 5, 5));
	assert_true(work(2025, 5, 6));
	assert_false(work(2025, 5, 10));
}

static void
test_2026(void **state)
{
	(void)state;
	/* 元旦 */
	assert_true(work(2025, 12, 31));
	for (int d = 1; d <= 3; d++)
		assert_false(work(2026, 1, d));
	assert_true(work(2026, 1, 4));		/* Sun, 调休上班 */
	/* 春节 2月15日至23日; 2月14日(周六)、2月28日(周六)上班 */
	assert_true(work(2026, 2, 13));
	assert_true(work(2026, 2, 14));
	for (int d = 15; d <= 23; d++)
		assert_false(work(2026, 2, d));
	assert_true(work(2026, 2, 24));
	assert_true(work(2026, 2, 28));
	assert_false(work(2026, 3, 1));
	/* 清明 4月4日至6日 */
	assert_false(work(2026, 4, 6));
	assert_true(work(2026, 4, 7));
	/* 劳动节 5月1日至5日, 5月9日(周六)上班 */
	assert_false(work(2026, 5, 1));
	assert_false(work(2026, 5, 5));
	assert_true(work(2026, 5, 6));
	assert_true(work(2026, 5, 9));
	/* 端午 6月19日至21日, 中秋 9月25日至27日 */
	assert_false(work(2026, 6, 19));
	assert_true(work(2026, 6, 22));
	assert_false(work(2026, 9, 25));
	assert_true(work(2026, 9, 28));
	/* 国庆 10月1日至7日; 9月20日(周日)、10月10日(周六)上班 */
	assert_false(work(2026, 9, 19));
	assert_true(work(2026, 9, 20));
	assert_true(work(2026, 9, 30));
	for (int d = 1; d <= 7; d++)
		assert_false(work(2026, 10, d));
	assert_true(work(2026, 10, 8));
	assert_true(work(2026, 10, 10));
	assert_false(work(2026, 10, 11));
}

/* ---- workcal_add ------------------------------------------------------- */

static void
test_add_across_spring_festivals(void **state)
{
	(void)state;
	/* 2025: Friday 1/24, then 1/26 (Sun, 调休) 1/27, then 2/5 2/6 2/7,
	 * then 2/8 (Sat, 调休). */
	assert_date(workcal_add(&nat, D(2025, 1, 24), 1), 2025, 1, 26);
	assert_date(workcal_add(&nat, D(2025, 1, 24), 2), 2025, 1, 27);
	assert_date(workcal_add(&nat, D(2025, 1, 24), 3), 2025, 2, 5);
	assert_date(workcal_add(&nat, D(2025, 1, 24), 5), 2025, 2, 7);
	assert_date(workcal_add(&nat, D(2025, 1, 24), 6), 2025, 2, 8);
	assert_date(workcal_add(&nat, D(2025, 1, 24), 7), 2025, 2, 10);
	/* Submitted during the holiday: counting starts after it. */
	assert_date(workcal_add(&nat, D(2025, 1, 30), 1), 2025, 2, 5);
	/* 2024: 2/9 (除夕) works, then 2/18 (Sun, 调休). */
	assert_date(workcal_add(&nat, D(2024, 2, 8), 1), 2024, 2, 9);
	assert_date(workcal_add(&nat, D(2024, 2, 8), 2), 2024, 2, 18);
	assert_date(workcal_add(&nat, D(2024, 2, 8), 3), 2024, 2, 19);
	assert_date(workcal_add(&nat, D(2024, 2, 2), 1), 2024, 2, 4);
	/* 2026: 2/14 (Sat, 调休), then 2/24. */
	assert_date(workcal_add(&nat, D(2026, 2, 13), 1), 2026, 2, 14);
	assert_date(workcal_add(&nat, D(2026, 2, 13), 2), 2026, 2, 24);
	assert_date(workcal_add(&nat, D(2026, 2, 13), 5), 2026, 2, 27);
	assert_date(workcal_add(&nat, D(2026, 2, 13), 6), 2026, 2, 28);
	assert_date(workcal_add(&nat, D(2026, 2, 13), 7), 2026, 3, 2);
}

static void
test_add_across_national_days(void **state)
{
	(void)state;
	assert_date(workcal_add(&nat, D(2024, 9, 27), 1), 2024, 9, 29);
	assert_date(workcal_add(&nat, D(2024, 9, 27), 2), 2024, 9, 30);
	assert_date(workcal_add(&nat, D(2024, 9, 27), 3), 2024, 10, 8);
	assert_date(workcal_add(&nat, D(2024, 9, 27), 7), 2024, 10, 12);
	assert_date(workcal_add(&nat, D(2025, 9, 26), 1), 2025, 9, 28);
	assert_date(workcal_add(&nat, D(2025, 9, 26), 3), 2025, 9, 30);
	assert_date(workcal_add(&nat, D(2025, 9, 26), 4), 2025, 10, 9);
	assert_date(workcal_add(&nat, D(2025, 9, 26), 6), 2025, 10, 11);
	assert_date(workcal_add(&nat, D(2025, 9, 26), 7), 2025, 10, 13);
	/* 2026: 9/20 (Sun) works, 中秋 9/25–27 and 国庆 10/1–7 do not. */
	assert_date(workcal_add(&nat, D(2026, 9, 18), 1), 2026, 9, 20);
	assert_date(workcal_add(&nat, D(2026, 9, 18), 5), 2026, 9, 24);
	assert_date(workcal_add(&nat, D(2026, 9, 18), 6), 2026, 9, 28);
	assert_date(workcal_add(&nat, D(2026, 9, 18), 9), 2026, 10, 8);
	assert_date(workcal_add(&nat, D(2026, 9, 18), 11), 2026, 10, 10);
	assert_date(workcal_add(&nat, D(2026, 9, 18), 12), 2026, 10, 12);
}

static void
test_add_year_boundaries_and_weekends(void **state)
{
	(void)state;
	assert_date(workcal_add(&nat, D(2025, 12, 31), 1), 2026, 1, 4);
	assert_date(workcal_add(&nat, D(2025, 12, 31), 2), 2026, 1, 5);
	assert_date(workcal_add(&nat, D(2023, 12, 29), 1), 2024, 1, 2);
	assert_date(workcal_add(&nat, D(2022, 12, 30), 1), 2023, 1, 3);
	/* A plain week: Friday + 1 is Monday, Saturday + 1 too. */
	assert_date(workcal_add(&nat, D(2025, 3, 7), 1), 2025, 3, 10);
	assert_date(workcal_add(&nat, D(2025, 3, 8), 1), 2025, 3, 10);
	assert_date(workcal_add(&nat, D(2025, 3, 3), 5), 2025, 3, 10);
	/* Beyond the table: weekend rule only. */
	assert_date(workcal_add(&nat, D(2027, 1, 1), 1), 2027, 1, 4);
	assert_date(workcal_add(&nat, D(2021, 12, 31), 1), 2022, 1, 4);
}

static void
test_add_zero(void **state)
{
	(void)state;
	assert_date(workcal_add(&nat, D(2025, 2, 5), 0), 2025, 2, 5);
	assert_date(workcal_add(&nat, D(2025, 1, 28), 0), 2025, 2, 5);
	assert_date(workcal_add(&nat, D(2025, 2, 8), 0), 2025, 2, 8);
	assert_date(workcal_add(&nat, D(2024, 2, 17), 0), 2024, 2, 18);
	assert_date(workcal_add(&nat, D(2025, 3, 8), 0), 2025, 3, 10);
	assert_date(workcal_add(&nat, D(2026, 10, 1), 0), 2026, 10, 8);
}

static void
test_add_negative_and_huge(void **state)
{
	struct date max;

	(void)state;
	/* n < 0 is n = 0. */
	assert_date(workcal_add(&nat, D(2025, 1, 28), -5), 2025, 2, 5);
	assert_date(workcal_add(&nat, D(2025, 2, 5), -1), 2025, 2, 5);
	assert_date(workcal_add(&nat, D(2025, 2, 5), INT_MIN), 2025, 2, 5);
	/* n > WORKCAL_ADD_MAX is WORKCAL_ADD_MAX. */
	max = workcal_add(&nat, D(2025, 1, 1), WORKCAL_ADD_MAX);
	assert_int_equal(date_cmp(workcal_add(&nat, D(2025, 1, 1), INT_MAX),
	    max), 0);
	assert_int_equal(date_cmp(workcal_add(&nat, D(2025, 1, 1),
	    WORKCAL_ADD_MAX + 1), max), 0);
	assert_int_equal(workcal_count(&nat, D(2025, 1, 1), max),
	    WORKCAL_ADD_MAX);
	assert_true(max.y > 2060 && max.y < 2070);
}

/* add and count agree: count(D, add(D, n)) == n, and add lands on a
 * working day with none skipped. */
static void
test_add_count_agree(void **state)
{
	(void)state;
	for (struct date s = D(2021, 12, 1); date_cmp(s, D(2027, 1, 31)) <= 0;
	    s = date_add_days(s, 3)) {
		struct date prev = s;

		for (int n = 1; n <= 25; n++) {
			struct date r = workcal_add(&nat, s, n);

			assert_true(workcal_is_workday(&nat, r));
			assert_int_equal(workcal_count(&nat, s, r), n);
			assert_int_equal(workcal_count(&nat, prev, r), 1);
			prev = r;
		}
	}
}

/* ---- workcal_count ----------------------------------------------------- */

static void
test_count(void **state)
{
	(void)state;
	/* (from, to]: the start day is not counted, the end day is. */
	assert_int_equal(workcal_count(&nat, D(2025, 1, 24), D(2025, 2, 7)),
	    5);
	assert_int_equal(workcal_count(&nat, D(2025, 1, 24), D(2025, 2, 8)),
	    6);
	assert_int_equal(workcal_count(&nat, D(2025, 1, 23), D(2025, 1, 24)),
	    1);
	assert_int_equal(workcal_count(&nat, D(2025, 1, 27), D(2025, 2, 4)),
	    0);
	/* 国庆 2024: (9/27, 10/13] = 9/29 9/30 10/8–10/12 = 7 */
	assert_int_equal(workcal_count(&nat, D(2024, 9, 27), D(2024, 10, 13)),
	    7);
	/* 国庆 2026: (9/18, 10/11] */
	assert_int_equal(workcal_count(&nat, D(2026, 9, 18), D(2026, 10, 11)),
	    11);
	/* Weekends only, outside the table and before 1970 (negative day
	 * numbers). */
	assert_int_equal(workcal_count(&nat, D(2027, 1, 1), D(2027, 1, 10)),
	    5);
	assert_int_equal(workcal_count(&nat, D(1969, 12, 26), D(1970, 1, 9)),
	    10);
	assert_int_equal(workcal_count(&nat, D(1969, 12, 27), D(1969, 12, 28)),
	    0);
	/* Year boundaries. */
	assert_int_equal(workcal_count(&nat, D(2025, 12, 31), D(2026, 1, 4)),
	    1);
	assert_int_equal(workcal_count(&nat, D(2022, 12, 30), D(2023, 1, 3)),
	    1);
	/* Empty and reversed ranges. */
	assert_int_equal(workcal_count(&nat, D(2025, 3, 3), D(2025, 3, 3)), 0);
	assert_int_equal(workcal_count(&nat, D(2025, 3, 10), D(2025, 3, 3)),
	    0);
	/* Long spans are arithmetic, not a loop. */
	assert_int_equal(workcal_count(&nat, D(1900, 1, 1), D(2100, 12, 31)),
	    brute_count(&nat, D(1900, 1, 1), D(2100, 12, 31)));
}

static void
test_count_matches_brute_force(void **state)
{
	(void)state;
	for (struct date a = D(2021, 11, 20); date_cmp(a, D(2027, 2, 1)) <= 0;
	    a = date_add_days(a, 5))
		for (int len = 0; len <= 70; len += 3) {
			struct date b = date_add_days(a, len);

			assert_int_equal(workcal_count(&nat, a, b),
			    brute_count(&nat, a, b));
		}
}

/* ---- zone layer -------------------------------------------------------- */

static const struct workcal_day zone_days[] = {
	{{2025, 1, 26}, 0, "本区不调休"},	/* overrides a national ON */
	{{2025, 2, 4}, 1, NULL},		/* overrides a national OFF */
	{{2025, 2, 7}, 0, "区庆"},		/* a local holiday */
	{{2025, 3, 1}, 1, "补班"},		/* a Saturday worked */
};

static void
test_zone_layer(void **state)
{
	struct workcal c;
	enum workcal_source src;
	const char *note;

	(void)state;
	workcal_init(&c);
	assert_int_equal(workcal_set_zone(&c, zone_days, 4), 0);
	assert_false(workcal_lookup(&c, D(2025, 1, 26), &src, &note));
	assert_int_equal(src, WORKCAL_ZONE);
	assert_string_equal(note, "本区不调休");
	assert_true(workcal_lookup(&c, D(2025, 2, 4), &src, &note));
	assert_int_equal(src, WORKCAL_ZONE);
	assert_null(note);
	assert_false(workcal_is_workday(&c, D(2025, 2, 7)));
	assert_true(workcal_is_workday(&c, D(2025, 3, 1)));
	/* National days the zone leaves alone still apply. */
	assert_false(workcal_lookup(&c, D(2025, 2, 3), &src, NULL));
	assert_int_equal(src, WORKCAL_NATIONAL);
	assert_true(workcal_is_workday(&c, D(2025, 2, 8)));
	/* After 1/24: 1/27, 2/4, 2/5, 2/6, 2/8, 2/10 */
	assert_date(workcal_add(&c, D(2025, 1, 24), 1), 2025, 1, 27);
	assert_date(workcal_add(&c, D(2025, 1, 24), 2), 2025, 2, 4);
	assert_date(workcal_add(&c, D(2025, 1, 24), 5), 2025, 2, 8);
	assert_date(workcal_add(&c, D(2025, 1, 24), 6), 2025, 2, 10);
	assert_int_equal(workcal_count(&c, D(2025, 1, 24), D(2025, 2, 8)), 5);
	assert_int_equal(workcal_count(&c, D(2025, 2, 28), D(2025, 3, 2)), 1);
	for (struct date a = D(2025, 1, 1); date_cmp(a, D(2025, 3, 31)) <= 0;
	    a = date_add_days(a, 1))
		for (int len = 0; len <= 45; len += 4)
			assert_int_equal(workcal_count(&c, a, date_add_days(a,
			    len)), brute_count(&c, a, date_add_days(a, len)));
	/* Borrowed days: workcal_free frees nothing, drops the layer. */
	workcal_free(&c);
	assert_true(workcal_is_workday(&c, D(2025, 1, 26)));
	assert_null(c.zone);
}

static void
test_set_zone_rejects(void **state)
{
	struct workcal c;
	const struct workcal_day unsorted[] = {
		{{2025, 2, 7}, 0, NULL}, {{2025, 1, 7}, 0, NULL}};
	const struct workcal_day dup[] = {
		{{2025, 2, 7}, 0, NULL}, {{2025, 2, 7}, 1, NULL}};
	const struct workcal_day bad_date[] = {{{2025, 2, 30}, 0, NULL}};
	const struct workcal_day bad_flag[] = {{{2025, 2, 3}, 2, NULL}};

	(void)state;
	workcal_init(&c);
	assert_int_equal(workcal_set_zone(&c, unsorted, 2), -1);
	assert_int_equal(workcal_set_zone(&c, dup, 2), -1);
	assert_int_equal(workcal_set_zone(&c, bad_date, 1), -1);
	assert_int_equal(workcal_set_zone(&c, bad_flag, 1), -1);
	assert_null(c.zone);
	assert_int_equal(workcal_set_zone(&c, NULL, 0), 0);
	assert_true(workcal_is_workday(&c, D(2025, 1, 26)));
}

static void
test_source_names(void **state)
{
	(void)state;
	assert_string_equal(workcal_source_name(WORKCAL_WEEKDAY), "weekday");
	assert_string_equal(workcal_source_name(WORKCAL_WEEKEND), "weekend");
	assert_string_equal(workcal_source_name(WORKCAL_NATIONAL), "national");
	assert_string_equal(workcal_source_name(WORKCAL_ZONE), "zone");
	assert_string_equal(workcal_source_name((enum workcal_source)99), "?");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_sorted_and_sane),
		cmocka_unit_test(test_year_totals),
		cmocka_unit_test(test_2024_spring_festival),
		cmocka_unit_test(test_2024_national_day),
		cmocka_unit_test(test_2025_spring_festival),
		cmocka_unit_test(test_2025_national_day),
		cmocka_unit_test(test_2026),
		cmocka_unit_test(test_add_across_spring_festivals),
		cmocka_unit_test(test_add_across_national_days),
		cmocka_unit_test(test_add_year_boundaries_and_weekends),
		cmocka_unit_test(test_add_zero),
		cmocka_unit_test(test_add_negative_and_huge),
		cmocka_unit_test(test_add_count_agree),
		cmocka_unit_test(test_count),
		cmocka_unit_test(test_count_matches_brute_force),
		cmocka_unit_test(test_zone_layer),
		cmocka_unit_test(test_set_zone_rejects),
		cmocka_unit_test(test_source_names),
	};

	workcal_init(&nat);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
