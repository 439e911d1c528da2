/*
 * Unit tests of domain/acceptance: status derivation from the departments'
 * latest decisions and the inspection, decision parsing, and the measures
 * (parallel against serial working days) with a department's clock
 * stopping while the applicant fixes a rectification across 国庆 2025
 * (Oct 1–8 off; Sep 28 and Oct 11 worked), on the real national calendar.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "domain/acceptance.h"

static struct date
mk(int y, int m, int d)
{
	struct date r = {y, m, d};

	return r;
}

static void
assert_date(struct date got, int y, int m, int d)
{
	if (got.y != y || got.m != m || got.d != d)
		fail_msg("got %04d-%02d-%02d, want %04d-%02d-%02d", got.y,
		    got.m, got.d, y, m, d);
}

static enum acc_status
derive(int submitted, enum acc_state a, enum acc_state b,
    enum acc_state insp)
{
	enum acc_state d[2] = {a, b};

	return acc_status_derive(submitted, d, 2, insp);
}

static void
test_status(void **state)
{
	(void)state;
	assert_int_equal(derive(0, ACC_NONE, ACC_NONE, ACC_NONE), ACS_DRAFT);
	assert_int_equal(derive(1, ACC_PENDING, ACC_PENDING, ACC_NONE),
	    ACS_REVIEWING);
	/* one department still reviewing while the other asks to fix */
	assert_int_equal(derive(1, ACC_PENDING, ACC_RECTIFY, ACC_NONE),
	    ACS_REVIEWING);
	assert_int_equal(derive(1, ACC_PASS, ACC_RECTIFY, ACC_NONE),
	    ACS_RECTIFYING);
	assert_int_equal(derive(1, ACC_PASS, ACC_PASS, ACC_NONE),
	    ACS_INSPECTION);
	assert_int_equal(derive(1, ACC_PASS, ACC_PASS, ACC_PENDING),
	    ACS_INSPECTION);
	assert_int_equal(derive(1, ACC_PASS, ACC_PASS, ACC_RECTIFY),
	    ACS_RECTIFYING);
	assert_int_equal(derive(1, ACC_PASS, ACC_PASS, ACC_PASS), ACS_PASSED);
	assert_int_equal(derive(1, ACC_PASS, ACC_FAIL, ACC_NONE), ACS_FAILED);
	assert_int_equal(derive(1, ACC_PENDING, ACC_FAIL, ACC_NONE),
	    ACS_FAILED);
	assert_int_equal(derive(1, ACC_PASS, ACC_PASS, ACC_FAIL), ACS_FAILED);
	assert_string_equal(acc_status_code(ACS_RECTIFYING), "rectifying");
	assert_string_equal(acc_status_label(ACS_PASSED, 0), "已通过");
	assert_string_equal(acc_status_label(ACS_INSPECTION, 1),
	    "Site inspection");
}

static void
test_decision_parse(void **state)
{
	enum acc_state s = ACC_NONE;

	(void)state;
	assert_int_equal(acc_decision_parse("pass", &s), 0);
	assert_int_equal(s, ACC_PASS);
	assert_int_equal(acc_decision_parse("rectify", &s), 0);
	assert_int_equal(s, ACC_RECTIFY);
	assert_int_equal(acc_decision_parse("fail", &s), 0);
	assert_int_equal(s, ACC_FAIL);
	assert_int_equal(acc_decision_parse("Pass", &s), -1);
	assert_int_equal(acc_decision_parse(NULL, &s), -1);
	assert_int_equal(acc_decision_parse("", &s), -1);
}

/*
 * Submitted Fri 2025-09-26 to A (5 days) and B (3 days). A's due day:
 * Sep 28 (调休 Sunday), 29, 30, Oct 9, 10. B asks to rectify on Mon
 * Sep 29 (2 days used: Sep 28, 29); the applicant answers on Mon Oct 13;
 * B's second round runs Oct 13 → Oct 15 (2 days). The holiday and the days
 * with the applicant count for nobody. A passes on Oct 9 (4 days); the
 * inspection runs Oct 15 → Oct 20 (Oct 16, 17, 20: 3 days).
 */
static void
test_clock_stops_across_guoqing(void **state)
{
	struct workcal c;
	struct acc_measures m;
	struct acc_span r[] = {
		{1, {2025, 9, 26}, {2025, 10, 9}},	/* A, round 1 */
		{1, {2025, 9, 26}, {2025, 9, 29}},	/* B, round 1: rectify */
		{2, {2025, 10, 13}, {2025, 10, 15}},	/* B, round 2 */
	};
	struct acc_span insp[] = {{0, {2025, 10, 15}, {2025, 10, 20}}};

	(void)state;
	workcal_init(&c);
	assert_date(workcal_add(&c, mk(2025, 9, 26), 5), 2025, 10, 10);
	assert_date(workcal_add(&c, mk(2025, 9, 26), 3), 2025, 9, 30);
	assert_date(workcal_add(&c, mk(2025, 10, 13), 3), 2025, 10, 16);
	assert_int_equal(workcal_count(&c, mk(2025, 9, 26), mk(2025, 9, 29)),
	    2);
	acc_measure(&c, r, 3, insp, 1, 2, &m);
	assert_int_equal(m.parallel_days, 4 + 2 + 3);
	assert_int_equal(m.serial_days, 4 + 2 + 2 + 3);
	assert_int_equal(m.days_saved, 2);
	assert_int_equal(m.submissions, 2);
	/* Had B's clock run through the fix, round 1 would have lasted to
	 * Oct 15: Sep 28, 29, 30, Oct 9, 10, 11 (调休), 13, 14, 15 = 9. */
	assert_int_equal(workcal_count(&c, mk(2025, 9, 26), mk(2025, 10, 15)),
	    9);
	/* B's own clock: 2 + 2 working days, not 9. */
	assert_int_equal(workcal_count(&c, r[1].start, r[1].end) +
	    workcal_count(&c, r[2].start, r[2].end), 4);
	workcal_free(&c);
}

static void
test_measures_parallel(void **state)
{
	struct workcal c;
	struct acc_measures m;
	/* Three departments of one submission, Mon 2025-03-03 onwards:
	 * 5, 3 and 1 working days. */
	struct acc_span r[] = {
		{1, {2025, 3, 3}, {2025, 3, 10}},
		{1, {2025, 3, 3}, {2025, 3, 6}},
		{1, {2025, 3, 3}, {2025, 3, 4}},
	};

	(void)state;
	workcal_init(&c);
	acc_measure(&c, r, 3, NULL, 0, 1, &m);
	assert_int_equal(m.parallel_days, 5);
	assert_int_equal(m.serial_days, 9);
	assert_int_equal(m.days_saved, 4);
	acc_measure(&c, NULL, 0, NULL, 0, 0, &m);
	assert_int_equal(m.parallel_days, 0);
	assert_int_equal(m.serial_days, 0);
	workcal_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_status),
		cmocka_unit_test(test_decision_parse),
		cmocka_unit_test(test_clock_stops_across_guoqing),
		cmocka_unit_test(test_measures_parallel),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
