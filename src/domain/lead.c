/* Stage rules, lead score and cadence. */
#include <string.h>

#include "domain/kfg.h"
#include "domain/lead.h"

const char *const stage_codes[STAGE__MAX + 1] = {"clue", "negotiating",
    "signed", "registered", "started", "producing", "terminated", NULL};

static const char *const stage_labels[STAGE__MAX][2] = {
	{"线索", "Lead"}, {"洽谈", "Negotiating"}, {"签约", "Signed"},
	{"注册", "Registered"}, {"开工", "Construction started"},
	{"投产", "In production"}, {"终止", "Terminated"},
};

int
stage_parse(const char *s)
{
	for (int i = 0; s != NULL && i < STAGE__MAX; i++)
		if (strcmp(s, stage_codes[i]) == 0 ||
		    strcmp(s, stage_labels[i][0]) == 0)
			return i;
	return -1;
}

const char *
stage_label(int stage, int english)
{
	return stage >= 0 && stage < STAGE__MAX ?
	    stage_labels[stage][english != 0] : NULL;
}

enum move_check
stage_move_check(int from, int to, int has_reason)
{
	if (from == to)
		return MOVE_SAME;
	if (from < 0)
		return to == STAGE_TERMINATED && !has_reason ?
		    MOVE_NEEDS_REASON : MOVE_OK;
	/* Ending, reopening and going back are corrections of the record:
	 * allowed, but never without saying why. */
	if ((to == STAGE_TERMINATED || from == STAGE_TERMINATED || to < from) &&
	    !has_reason)
		return MOVE_NEEDS_REASON;
	return MOVE_OK;
}

void
score_defaults(struct score_weights *w)
{
	w->investment = 30;
	w->technology = 25;
	w->tax = 30;
	w->energy = 15;
	w->investment_full = 100000;	/* 10 亿元 */
	w->tax_per_mu_full = 50;
	w->energy_per_output_zero = 0.5;
}

static double
clamp01(double x)
{
	return x < 0 ? 0 : x > 1 ? 1 : x;
}

static void
part(struct score_part *p, const char *code, double weight, double share,
    double value, int has_value)
{
	p->code = code;
	p->max = weight;
	p->points = round_half_up(weight * clamp01(share), 1);
	p->value = value;
	p->has_value = has_value;
}

void
lead_score(const struct score_weights *w, const struct lead_figures *f,
    struct lead_score *out)
{
	double tech = (f->high_tech ? 0.4 : 0) +
	    0.3 * clamp01((double)f->patents / 10.0) +
	    (f->srdi == 2 ? 0.3 : f->srdi == 1 ? 0.2 : 0);
	int has_tpm = f->has_tax && f->has_land && f->land_mu > 0;
	double tpm = has_tpm ? f->expected_tax / f->land_mu : 0;
	int has_e = f->has_energy && f->has_output && f->expected_output > 0;
	double epo = has_e ? f->energy_tce / f->expected_output : 0;

	part(&out->parts[0], "investment", w->investment,
	    f->has_investment && w->investment_full > 0 ?
	    f->planned_investment / w->investment_full : 0,
	    f->planned_investment, f->has_investment);
	part(&out->parts[1], "technology", w->technology, tech, tech, 1);
	part(&out->parts[2], "tax_per_mu", w->tax, has_tpm &&
	    w->tax_per_mu_full > 0 ? tpm / w->tax_per_mu_full : 0, tpm,
	    has_tpm);
	/* Lower energy per 万元 of output is better; unknown earns nothing. */
	part(&out->parts[3], "energy", w->energy, has_e &&
	    w->energy_per_output_zero > 0 ?
	    1 - epo / w->energy_per_output_zero : 0, epo, has_e);
	out->total = round_half_up(out->parts[0].points + out->parts[1].points +
	    out->parts[2].points + out->parts[3].points, 1);
}

/* The unit containing d: its first and last day and its number. */
static void
unit_of(enum cadence_unit u, struct date d, struct cadence_gap *g)
{
	switch (u) {
	case CADENCE_WEEK: {
		int wd = date_weekday(d);

		g->start = date_add_days(d, -(wd - 1));
		g->end = date_add_days(g->start, 6);
		g->index = date_iso_week(d, &g->year);
		return;
	}
	case CADENCE_MONTH:
		g->year = d.y;
		g->index = d.m;
		g->start = (struct date){d.y, d.m, 1};
		g->end = date_add_days(d.m == 12 ?
		    (struct date){d.y + 1, 1, 1} : (struct date){d.y, d.m + 1, 1},
		    -1);
		return;
	case CADENCE_QUARTER:
		g->year = d.y;
		g->index = date_quarter(d);
		g->start = (struct date){d.y, (g->index - 1) * 3 + 1, 1};
		g->end = date_add_days(g->index == 4 ?
		    (struct date){d.y + 1, 1, 1} :
		    (struct date){d.y, g->index * 3 + 1, 1}, -1);
		return;
	}
}

size_t
cadence_gaps(enum cadence_unit u, const struct date *dates, size_t n,
    struct date from, struct date to, struct cadence_gap *out, size_t max)
{
	struct cadence_gap g;
	struct date d = from;
	size_t count = 0, k = 0;

	if (date_cmp(to, from) < 0)
		return 0;
	/* Walk unit by unit from the one holding from. */
	for (unit_of(u, d, &g); date_cmp(g.start, to) <= 0;
	    unit_of(u, date_add_days(g.end, 1), &g)) {
		int hit = 0;

		if (date_cmp(g.end, from) < 0 || date_cmp(g.end, to) > 0)
			continue;	/* not ended inside the period */
		while (k < n && date_cmp(dates[k], g.start) < 0)
			k++;
		hit = k < n && date_cmp(dates[k], g.end) <= 0;
		if (!hit) {
			if (count < max)
				out[count] = g;
			count++;
		}
	}
	return count;
}
