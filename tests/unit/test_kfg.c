/* 开复工率 rounding, event sequences and as-of status, warning rules. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "domain/kfg.h"
#include "domain/phase.h"

static struct date
D(const char *s)
{
	struct date d = {0, 0, 0};

	assert_int_equal(date_parse(s, strlen(s), &d), 0);
	return d;
}

static void
rate_rounding(void **state)
{
	(void)state;
	assert_int_equal(kfg_rate_tenths(41, 48), 854);	/* 85.416… */
	assert_int_equal(kfg_rate_tenths(7, 16), 438);	/* 43.75 → up */
	assert_int_equal(kfg_rate_tenths(1, 8), 125);	/* exactly 12.5 */
	assert_int_equal(kfg_rate_tenths(2, 3), 667);
	assert_int_equal(kfg_rate_tenths(5, 7), 714);
	assert_int_equal(kfg_rate_tenths(1, 16), 63);	/* 6.25 → 6.3 */
	assert_int_equal(kfg_rate_tenths(0, 5), 0);
	assert_int_equal(kfg_rate_tenths(5, 5), 1000);
	assert_int_equal(kfg_rate_tenths(0, 0), -1);	/* no rate, not 0% */
	assert_true(round_half_up(2.675, 2) == 2.68);
	assert_true(round_half_up(-1.25, 1) == -1.3);
	assert_true(round_half_up(85.44, 1) == 85.4);
}

static void
phase_order(void **state)
{
	(void)state;
	assert_int_equal(phase_parse("preparation"), 0);
	assert_int_equal(phase_parse("主体施工"), 4);
	assert_int_equal(phase_parse("主体封顶"), 5);
	assert_int_equal(phase_parse("投产"), 9);
	assert_int_equal(phase_parse("投产/运营"), 9);
	assert_int_equal(phase_parse("nonsense"), -1);
	assert_int_equal(phase_parse(NULL), -1);
	for (int i = 0; i < PHASE_COUNT; i++) {
		assert_int_equal(phase_parse(phase_code(i)), i);
		assert_int_equal(phase_parse(phase_label(i, 0)), i);
	}
	assert_null(phase_code(PHASE_COUNT));
	assert_string_equal(phase_label(1, 0), "场地平整");
}

static void
event_sequence(void **state)
{
	enum pevent ok[] = {PEV_START, PEV_STOP, PEV_RESUME, PEV_STOP};
	struct date d[] = {D("2025-03-01"), D("2025-05-01"), D("2025-06-01"),
	    D("2025-09-01")};
	enum pevent twice[] = {PEV_START, PEV_START};
	enum pevent resume_first[] = {PEV_RESUME};
	enum pevent stop_stop[] = {PEV_START, PEV_STOP, PEV_STOP};
	struct date back[] = {D("2025-03-01"), D("2025-02-01")};

	(void)state;
	assert_int_equal(pevents_check(ok, d, 4), -1);
	assert_int_equal(pevents_check(twice, d, 2), 1);
	assert_int_equal(pevents_check(resume_first, d, 1), 0);
	assert_int_equal(pevents_check(stop_stop, d, 3), 2);
	assert_int_equal(pevents_check(ok, back, 2), 1);
	/* As of a date: before, on, between and after the events. */
	assert_int_equal(pevents_status(ok, d, 4, D("2025-02-28")),
	    PST_NOT_STARTED);
	assert_int_equal(pevents_status(ok, d, 4, D("2025-03-01")),
	    PST_STARTED);
	assert_int_equal(pevents_status(ok, d, 4, D("2025-05-15")),
	    PST_STOPPED);
	assert_int_equal(pevents_status(ok, d, 4, D("2025-06-01")),
	    PST_STARTED);
	assert_int_equal(pevents_status(ok, d, 4, D("2026-01-01")),
	    PST_STOPPED);
}

static struct warn_result
eval(struct warn_input in)
{
	struct warn_rules r;
	struct warn_result w;

	warn_defaults(&r);
	warn_eval(&r, &in, &w);
	return w;
}

static void
warn_start_missed(void **state)
{
	struct warn_input in = {.has_planned_start = 1,
	    .planned_start = D("2025-03-10")};
	struct warn_result w;
	char msg[200];

	(void)state;
	in.as_of = D("2025-03-31");	/* still the planned month */
	assert_int_equal(eval(in).light, LIGHT_GREEN);
	in.as_of = D("2025-04-01");	/* month missed */
	w = eval(in);
	assert_int_equal(w.light, LIGHT_YELLOW);
	assert_string_equal(w.reasons[0].code, "start_missed");
	in.as_of = D("2025-06-01");	/* three months */
	w = eval(in);
	assert_int_equal(w.light, LIGHT_RED);
	warn_reason_text(&w.reasons[0], 0, msg, sizeof msg);
	assert_string_equal(msg, "计划开工月已过3个月仍未开工");
	in.started = 1;			/* started: the rule no longer applies */
	assert_int_equal(eval(in).light, LIGHT_GREEN);
}

static void
warn_progress(void **state)
{
	/* A 100-day plan: at day 50 the plan is 50%. */
	struct warn_input in = {.has_planned_start = 1,
	    .planned_start = D("2025-01-01"), .has_planned_finish = 1,
	    .planned_finish = D("2025-04-11"), .as_of = D("2025-02-20"),
	    .started = 1, .total_investment = 1000, .has_invest = 1};
	struct warn_result w;
	char msg[200];

	(void)state;
	in.invest_to_date = 410;	/* 9 points behind */
	assert_int_equal(eval(in).light, LIGHT_GREEN);
	in.invest_to_date = 400;	/* 10 points: yellow */
	assert_int_equal(eval(in).light, LIGHT_YELLOW);
	in.invest_to_date = 200;	/* exactly 30: still yellow */
	assert_int_equal(eval(in).light, LIGHT_YELLOW);
	in.invest_to_date = 199;	/* 30.1: red */
	w = eval(in);
	assert_int_equal(w.light, LIGHT_RED);
	warn_reason_text(&w.reasons[0], 1, msg, sizeof msg);
	assert_string_equal(msg, "progress 30.1 points behind plan "
	    "(plan 50.0%, actual 19.9%)");
	in.has_invest = 0;		/* nothing reported: 0% done */
	assert_int_equal(eval(in).light, LIGHT_RED);
	in.total_investment = 0;	/* no total: no progress rule */
	assert_int_equal(eval(in).light, LIGHT_GREEN);
}

static void
warn_problems_and_rules(void **state)
{
	struct warn_input in = {.as_of = D("2025-05-01"), .started = 1,
	    .overdue_problems = 2};
	struct warn_rules r;
	struct warn_result w;

	(void)state;
	w = eval(in);
	assert_int_equal(w.light, LIGHT_YELLOW);
	assert_string_equal(w.reasons[0].code, "problem_overdue");
	warn_defaults(&r);
	r.problem_overdue_yellow = 0;	/* a zone may turn the rule off */
	warn_eval(&r, &in, &w);
	assert_int_equal(w.light, LIGHT_GREEN);
	/* Several rules: the worst light wins, every reason is kept. */
	in.started = 0;
	in.has_planned_start = 1;
	in.planned_start = D("2025-01-15");
	w = eval(in);
	assert_int_equal(w.light, LIGHT_RED);
	assert_int_equal(w.nreasons, 2);
	assert_string_equal(light_code(LIGHT_YELLOW), "yellow");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rate_rounding),
		cmocka_unit_test(phase_order),
		cmocka_unit_test(event_sequence),
		cmocka_unit_test(warn_start_missed),
		cmocka_unit_test(warn_progress),
		cmocka_unit_test(warn_problems_and_rules),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
