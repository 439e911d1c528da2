/*
 * The figures of 开复工 and the three-colour warning, as pure functions.
 */
#ifndef ZD_DOMAIN_KFG_H
#define ZD_DOMAIN_KFG_H

#include "domain/date.h"

/*
 * 开复工率 in tenths of a percent, rounded half up: 41 of 48 → 854 (85.4%).
 * -1 when due is 0 (no rate, not 0%).
 */
long kfg_rate_tenths(long started, long due);

/* Half-up rounding of x to the given decimals, for money and shares. */
double round_half_up(double x, int decimals);

struct warn_rules {
	int start_yellow_months;	/* missed planned start month: 1 */
	int start_red_months;		/* 3 */
	double progress_yellow_points;	/* 10 */
	double progress_red_points;	/* 30 */
	int problem_overdue_yellow;	/* 1 */
};

enum light { LIGHT_GREEN, LIGHT_YELLOW, LIGHT_RED };

struct warn_input {
	struct date as_of;
	int has_planned_start, has_planned_finish;
	struct date planned_start, planned_finish;
	int started;			/* ever started on or before as_of */
	int stopped;			/* stopped at as_of */
	double total_investment;	/* 万元; <= 0 when unknown */
	int has_invest;
	double invest_to_date;		/* latest report on or before as_of */
	long overdue_problems;
};

#define WARN_MAX_REASONS 3

struct warn_reason {
	enum light light;
	const char *code;	/* "start_missed", "progress_behind", "problem_overdue" */
	double value;		/* months missed, points behind, problems overdue */
	double plan_percent, actual_percent;
};

struct warn_result {
	enum light light;
	size_t nreasons;
	struct warn_reason reasons[WARN_MAX_REASONS];
};

void warn_defaults(struct warn_rules *r);
/*
 * Applies the rules. Planned progress is the share of the planned period
 * (start to finish) elapsed at as_of; actual progress is investment to date
 * over total investment. Each lit rule leaves a reason.
 */
void warn_eval(const struct warn_rules *r, const struct warn_input *in,
    struct warn_result *out);
const char *light_code(enum light l);
/* One sentence saying why, e.g. "计划开工月已过2个月仍未开工". */
int warn_reason_text(const struct warn_reason *w, int english, char *out,
    size_t n);

#endif
