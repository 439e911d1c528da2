/* 开复工率 and three-colour warnings. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "domain/kfg.h"

long
kfg_rate_tenths(long started, long due)
{
	if (due <= 0 || started < 0)
		return -1;
	/* Integers only: (started * 1000 / due) rounded half up. */
	return (started * 2000 + due) / (2 * due);
}

double
round_half_up(double x, int decimals)
{
	double p = pow(10, decimals);
	/* The epsilon absorbs binary noise such as 2.675 stored as 2.67499. */
	double v = floor(fabs(x) * p + 0.5 + 1e-9) / p;

	return x < 0 ? -v : v;
}

void
warn_defaults(struct warn_rules *r)
{
	r->start_yellow_months = 1;
	r->start_red_months = 3;
	r->progress_yellow_points = 10;
	r->progress_red_points = 30;
	r->problem_overdue_yellow = 1;
}

static void
lit(struct warn_result *out, enum light l, const char *code, double value,
    double plan, double actual)
{
	struct warn_reason *w;

	if (out->nreasons >= WARN_MAX_REASONS)
		return;
	w = &out->reasons[out->nreasons++];
	w->light = l;
	w->code = code;
	w->value = value;
	w->plan_percent = plan;
	w->actual_percent = actual;
	if (l > out->light)
		out->light = l;
}

void
warn_eval(const struct warn_rules *r, const struct warn_input *in,
    struct warn_result *out)
{
	out->light = LIGHT_GREEN;
	out->nreasons = 0;
	if (!in->started && in->has_planned_start) {
		long months = (long)(in->as_of.y - in->planned_start.y) * 12 +
		    (in->as_of.m - in->planned_start.m);

		if (months >= r->start_red_months)
			lit(out, LIGHT_RED, "start_missed", (double)months, 0, 0);
		else if (months >= r->start_yellow_months)
			lit(out, LIGHT_YELLOW, "start_missed", (double)months,
			    0, 0);
	}
	if (in->started && in->has_planned_start && in->has_planned_finish &&
	    in->total_investment > 0) {
		long s = date_to_days(in->planned_start);
		long f = date_to_days(in->planned_finish);
		long t = date_to_days(in->as_of);
		double plan, actual, behind;

		if (f > s) {
			plan = t <= s ? 0 : t >= f ? 100 :
			    100.0 * (double)(t - s) / (double)(f - s);
			actual = in->has_invest ? 100.0 * in->invest_to_date /
			    in->total_investment : 0;
			if (actual > 100)
				actual = 100;
			behind = round_half_up(plan - actual, 1);
			if (behind > r->progress_red_points)
				lit(out, LIGHT_RED, "progress_behind", behind,
				    plan, actual);
			else if (behind >= r->progress_yellow_points)
				lit(out, LIGHT_YELLOW, "progress_behind", behind,
				    plan, actual);
		}
	}
	if (r->problem_overdue_yellow && in->overdue_problems > 0)
		lit(out, LIGHT_YELLOW, "problem_overdue",
		    (double)in->overdue_problems, 0, 0);
}

const char *
light_code(enum light l)
{
	return l == LIGHT_RED ? "red" : l == LIGHT_YELLOW ? "yellow" : "green";
}

int
warn_reason_text(const struct warn_reason *w, int english, char *out, size_t n)
{
	if (strcmp(w->code, "start_missed") == 0)
		return snprintf(out, n, english ?
		    "not started %.0f month(s) after the planned start month" :
		    "计划开工月已过%.0f个月仍未开工", w->value);
	if (strcmp(w->code, "progress_behind") == 0)
		return snprintf(out, n, english ?
		    "progress %.1f points behind plan (plan %.1f%%, actual %.1f%%)" :
		    "进度落后计划%.1f个百分点（计划%.1f%%，实际%.1f%%）",
		    w->value, round_half_up(w->plan_percent, 1),
		    round_half_up(w->actual_percent, 1));
	return snprintf(out, n, english ? "%.0f problem(s) to coordinate overdue" :
	    "%.0f个需协调问题已超期", w->value);
}
