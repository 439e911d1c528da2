/*
 * 亩均效益评价 as pure functions: the indicators of an enterprise's year
 * figures, the two published scoring methods, and the A/B/C/D classes.
 * No SQL, no JSON: the API loads figures and settings, this scores them.
 *
 * Indicators are all "output per resource", so higher is better for each:
 *   tax_per_mu      亩均税收        tax / land            万元/亩
 *   va_per_mu       亩均增加值      added_value / land    万元/亩
 *   va_per_energy   单位能耗增加值  added_value / energy  万元/吨标准煤
 *   va_per_emission 单位排放增加值  added_value / emissions 万元/吨
 *   va_per_employee 全员劳动生产率  added_value / employees 万元/人
 *   rd_share        R&D 占比        rd_spend / revenue    % (× 100)
 *   tax_per_kwh     单位电耗税收    tax / electricity     万元/万千瓦时
 *
 * Methods (per group: large enterprises, small enterprises):
 *   benchmark  part = w × min(x / benchmark, cap). The cap (default 1.5)
 *              keeps one huge figure from carrying the score; a total can
 *              reach 100 × cap when the weights sum to 100.
 *   minmax     part = w × (20 + 80 × (x − min) / (max − min)) / 100 over
 *              the year's enterprises of the same group whose indicator
 *              has a value; at most 100 in total. When max == min (one
 *              enterprise, or all equal) nobody is behind anyone: each
 *              gets the full w.
 * A missing numerator or a missing or zero denominator scores 0 and is
 * flagged; such an enterprise does not count for min and max.
 * The total is the exact sum rounded half up to 2 decimals; the class is
 * read from that rounded total: A ≥ a, B ≥ b, C ≥ c, else D.
 */
#ifndef ZD_DOMAIN_MUJUN_H
#define ZD_DOMAIN_MUJUN_H

#include <stddef.h>

enum mj_ind {
	MJ_TAX_PER_MU,
	MJ_VA_PER_MU,
	MJ_VA_PER_ENERGY,
	MJ_VA_PER_EMISSION,
	MJ_VA_PER_EMPLOYEE,
	MJ_RD_SHARE,
	MJ_TAX_PER_KWH,
	MJ_NIND
};

/* The figures of mujun_figures, in this order. */
enum mj_fig {
	MJF_LAND, MJF_TAX, MJF_VA, MJF_REVENUE, MJF_ENERGY, MJF_EMISSIONS,
	MJF_RD, MJF_EMPLOYEES, MJF_ELECTRICITY, MJF_N
};

enum mj_group { MJ_LARGE, MJ_SMALL, MJ_NGROUP };
enum mj_method { MJ_BENCHMARK, MJ_MINMAX };

/* Why an indicator has no value (it then scores 0). */
enum mj_flag { MJ_OK, MJ_NO_VALUE, MJ_NO_DENOM };

struct mj_figures {
	double v[MJF_N];
	unsigned has;		/* bit (1u << mj_fig) when the figure is given */
	int small;		/* scored with the small-enterprise group */
};

struct mj_group_cfg {
	double weight[MJ_NIND];		/* 0: not an indicator of the group */
	double benchmark[MJ_NIND];	/* > 0 */
};

struct mj_config {
	enum mj_method method;
	double cap;			/* benchmark ratio cap, ≥ 1 */
	double thr[3];			/* A, B, C lower bounds, descending */
	struct mj_group_cfg group[MJ_NGROUP];
};

struct mj_score {
	double value[MJ_NIND];		/* 0 when flagged */
	enum mj_flag flag[MJ_NIND];
	double part[MJ_NIND];		/* exact, 0 for unweighted indicators */
	double total;			/* rounded half up to 2 decimals */
	char cls;			/* 'A' … 'D' */
};

/* The defaults a year without settings uses (see mujun.c for the values). */
void mj_defaults(struct mj_config *c);

/* "tax_per_mu" …; NULL out of range. mj_ind_parse: -1 when unknown. */
const char *mj_ind_key(enum mj_ind i);
int mj_ind_parse(const char *key);
/* The figures an indicator divides: numerator and denominator. */
void mj_ind_figs(enum mj_ind i, enum mj_fig *num, enum mj_fig *den);

/* The indicator's value into *value (0 when flagged) and why not. */
enum mj_flag mj_indicator(const struct mj_figures *f, enum mj_ind i,
    double *value);

/* Class of a rounded total under c's thresholds. */
char mj_class(const struct mj_config *c, double total);

/* Sum of a group's weights (settings must make it 100). */
double mj_weight_sum(const struct mj_group_cfg *g);

/* Scores f[0..n) — one year's enterprises — into out[0..n). */
void mj_score_all(const struct mj_config *c, const struct mj_figures *f,
    size_t n, struct mj_score *out);

#endif
