/*
 * Investment leads: the stage ladder and its move rules, the 投资大、技术新、
 * 税收高、能耗低 score, and the cadence checks (周周有亮点, 月月有活动,
 * 季季有签约). Pure functions.
 */
#ifndef ZD_DOMAIN_LEAD_H
#define ZD_DOMAIN_LEAD_H

#include <stddef.h>

#include "domain/date.h"

enum stage {
	STAGE_CLUE,		/* 线索 */
	STAGE_NEGOTIATING,	/* 洽谈 */
	STAGE_SIGNED,		/* 签约 */
	STAGE_REGISTERED,	/* 注册 */
	STAGE_STARTED,		/* 开工 */
	STAGE_PRODUCING,	/* 投产 */
	STAGE_TERMINATED,	/* 终止 */
	STAGE__MAX
};

extern const char *const stage_codes[STAGE__MAX + 1];
int stage_parse(const char *s);		/* code or Chinese label; -1 if none */
const char *stage_label(int stage, int english);

enum move_check {
	MOVE_OK,
	MOVE_SAME,		/* already at that stage */
	MOVE_NEEDS_REASON,	/* backwards, to 终止 or out of 终止 */
};
/* Whether a lead at stage from (-1: a new lead) may move to stage to. */
enum move_check stage_move_check(int from, int to, int has_reason);

struct score_weights {
	double investment, technology, tax, energy;	/* points, sum 100 */
	double investment_full;		/* 万元 that earn full points */
	double tax_per_mu_full;		/* 万元 per 亩 that earn full points */
	double energy_per_output_zero;	/* 吨标准煤 per 万元 that earn none */
};

struct lead_figures {
	double planned_investment, expected_tax, land_mu, expected_output;
	double energy_tce;
	int has_investment, has_tax, has_land, has_output, has_energy;
	int high_tech, patents;
	int srdi;			/* 0 none, 1 provincial, 2 national */
};

struct score_part {
	const char *code;		/* investment, technology, tax_per_mu, energy */
	double points, max;
	double value;			/* the measure: 万元, share, 万元/亩, 吨/万元 */
	int has_value;
};

struct lead_score {
	double total;			/* 0..sum of weights, one decimal */
	struct score_part parts[4];
};

void score_defaults(struct score_weights *w);
void lead_score(const struct score_weights *w, const struct lead_figures *f,
    struct lead_score *out);

enum cadence_unit { CADENCE_WEEK, CADENCE_MONTH, CADENCE_QUARTER };

struct cadence_gap {
	int year;		/* ISO year for weeks */
	int index;		/* ISO week 1–53, month 1–12, quarter 1–4 */
	struct date start, end;
};

/*
 * The units (ISO weeks, months or quarters) that ended within [from, to]
 * and hold none of the dates (sorted ascending). Returns how many there
 * are; at most max are written to out.
 */
size_t cadence_gaps(enum cadence_unit unit, const struct date *dates,
    size_t n, struct date from, struct date to, struct cadence_gap *out,
    size_t max);

#endif
