/*
 * Unit tests of domain/request: the state machine (every state × action
 * against the table of request.h, who may act), due dates in working days
 * across 国庆 2025 with its 调休 Saturday, complex cases, and lateness on
 * the days around each limit.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "domain/request.h"

static struct date
mk(int y, int m, int d)
{
	struct date r = {y, m, d};

	return r;
}

static void
assert_day(struct date got, const char *want)
{
	char s[11];

	date_format(got, s);
	assert_string_equal(s, want);
}

static void
test_names(void **state)
{
	(void)state;
	assert_int_equal(rq_lookup(rq_state_names, "in_progress"),
	    RQ_IN_PROGRESS);
	assert_int_equal(rq_lookup(rq_action_names, "reopen"), RQ_REOPEN);
	assert_int_equal(rq_lookup(rq_category_names, "finance"), RQ_FINANCE);
	assert_int_equal(rq_lookup(rq_category_names, "Finance"), -1);
	assert_int_equal(rq_lookup(rq_category_names, NULL), -1);
	assert_string_equal(rq_category_label(RQ_LABOUR, 0), "用工");
	assert_string_equal(rq_category_label(RQ_EPIDEMIC, 1),
	    "Epidemic control");
	assert_string_equal(rq_state_label(RQ_CONFIRMED, 0), "已确认");
	assert_string_equal(rq_category_label(RQ__CATEGORIES, 0), "?");
}

/* The whole table: "s a → t" for every allowed move, nothing else. */
static void
test_transitions(void **state)
{
	static const char *const allowed[] = {
	    "received assign assigned", "received start in_progress",
	    "received answer in_progress", "received resolve resolved",
	    "received comment received",
	    "assigned assign assigned", "assigned start in_progress",
	    "assigned answer in_progress", "assigned resolve resolved",
	    "assigned comment assigned",
	    "in_progress assign in_progress", "in_progress answer in_progress",
	    "in_progress resolve resolved", "in_progress comment in_progress",
	    "resolved confirm confirmed", "resolved reopen reopened",
	    "resolved comment resolved",
	    "reopened assign reopened", "reopened start in_progress",
	    "reopened answer in_progress", "reopened resolve resolved",
	    "reopened comment reopened",
	};
	char line[80];

	(void)state;
	for (int s = 0; s < RQ__STATES; s++)
		for (int a = 0; a < RQ__ACTIONS; a++) {
			int t = rq_next((enum rq_state)s, (enum rq_action)a), want = -1;

			for (size_t i = 0; i < sizeof allowed / sizeof *allowed;
			    i++) {
				char st[20], ac[20], to[20];

				sscanf(allowed[i], "%19s %19s %19s", st, ac, to);
				if (strcmp(st, rq_state_names[s]) == 0 &&
				    strcmp(ac, rq_action_names[a]) == 0)
					want = rq_lookup(rq_state_names, to);
			}
			snprintf(line, sizeof line, "%s %s", rq_state_names[s],
			    rq_action_names[a]);
			if (t != want)
				fail_msg("%s: got %d, want %d", line, t, want);
		}
	/* Confirmed is final; out of range is refused. */
	for (int a = 0; a < RQ__ACTIONS; a++)
		assert_int_equal(rq_next(RQ_CONFIRMED, (enum rq_action)a), -1);
	assert_int_equal(rq_next(RQ__STATES, RQ_START), -1);
	assert_int_equal(rq_next(RQ_RECEIVED, RQ__ACTIONS), -1);
}

static void
test_sides_and_open(void **state)
{
	(void)state;
	assert_int_equal(rq_action_sides(RQ_RESOLVE), RQ_SIDE_OFFICER);
	assert_int_equal(rq_action_sides(RQ_START), RQ_SIDE_OFFICER);
	assert_true(rq_action_sides(RQ_CONFIRM) & RQ_SIDE_ENTERPRISE);
	assert_true(rq_action_sides(RQ_REOPEN) & RQ_SIDE_ENTERPRISE);
	assert_false(rq_action_sides(RQ_ASSIGN) & RQ_SIDE_ENTERPRISE);
	assert_int_equal(rq_action_sides(RQ__ACTIONS), 0);
	assert_true(rq_is_open(RQ_RECEIVED) && rq_is_open(RQ_REOPENED) &&
	    rq_is_open(RQ_ASSIGNED) && rq_is_open(RQ_IN_PROGRESS));
	assert_false(rq_is_open(RQ_RESOLVED) || rq_is_open(RQ_CONFIRMED));
}

/* Received on the eve of 国庆 2025 (10-01..10-08 off, Saturday 10-11 worked). */
static void
test_due_dates_holiday(void **state)
{
	struct workcal c;
	struct rq_due d;

	(void)state;
	workcal_init(&c);
	d = rq_due_dates(&c, mk(2025, 9, 30), &rq_default_limits, 0);
	assert_day(d.start, "2025-10-09");
	assert_day(d.answer, "2025-10-11");
	assert_day(d.resolve, "2025-10-28");
	d = rq_due_dates(&c, mk(2025, 9, 30), &rq_default_limits, 1);
	assert_day(d.resolve, "2025-11-18");
	/* An ordinary week: Friday + 1 working day is Monday. */
	d = rq_due_dates(&c, mk(2025, 11, 14), &rq_default_limits, 0);
	assert_day(d.start, "2025-11-17");
	assert_day(d.answer, "2025-11-19");
	assert_day(d.resolve, "2025-12-05");
	/* A zone's own limits. */
	d = rq_due_dates(&c, mk(2025, 11, 14), &(struct rq_limits){0, 1, 2, 5},
	    1);
	assert_day(d.start, "2025-11-14");
	assert_day(d.answer, "2025-11-17");
	assert_day(d.resolve, "2025-11-21");
	workcal_free(&c);
}

static void
test_lateness(void **state)
{
	struct workcal c;
	struct rq_due d;

	(void)state;
	workcal_init(&c);
	d = rq_due_dates(&c, mk(2025, 11, 14), &rq_default_limits, 0);
	/* Due Monday 11-17 to start: on time that day, late the next. */
	assert_int_equal(rq_lateness(RQ_RECEIVED, &d, 0, 0, mk(2025, 11, 17)),
	    RQ_ON_TIME);
	assert_int_equal(rq_lateness(RQ_RECEIVED, &d, 0, 0, mk(2025, 11, 18)),
	    RQ_LATE_START);
	assert_int_equal(rq_lateness(RQ_IN_PROGRESS, &d, 1, 0,
	    mk(2025, 11, 19)), RQ_ON_TIME);
	assert_int_equal(rq_lateness(RQ_IN_PROGRESS, &d, 1, 0,
	    mk(2025, 11, 20)), RQ_LATE_ANSWER);
	assert_int_equal(rq_lateness(RQ_IN_PROGRESS, &d, 1, 1,
	    mk(2025, 12, 5)), RQ_ON_TIME);
	assert_int_equal(rq_lateness(RQ_IN_PROGRESS, &d, 1, 1,
	    mk(2025, 12, 6)), RQ_LATE_RESOLVE);
	/* The resolve limit wins; resolved and confirmed are never late. */
	assert_int_equal(rq_lateness(RQ_REOPENED, &d, 0, 0, mk(2026, 1, 1)),
	    RQ_LATE_RESOLVE);
	assert_int_equal(rq_lateness(RQ_RESOLVED, &d, 0, 0, mk(2026, 1, 1)),
	    RQ_ON_TIME);
	assert_int_equal(rq_lateness(RQ_CONFIRMED, &d, 1, 1, mk(2026, 1, 1)),
	    RQ_ON_TIME);
	assert_string_equal(rq_late_name(RQ_LATE_ANSWER), "answer");
	assert_null(rq_late_name(RQ_ON_TIME));
	workcal_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_transitions),
		cmocka_unit_test(test_sides_and_open),
		cmocka_unit_test(test_due_dates_holiday),
		cmocka_unit_test(test_lateness),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
