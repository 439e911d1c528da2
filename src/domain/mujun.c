/* 亩均效益评价: indicators, both scoring methods, classes. */
#include <string.h>

#include "domain/kfg.h"
#include "domain/mujun.h"

static const struct {
	const char *key;
	enum mj_fig num, den;
	double scale;		/* R&D share reads as a percentage */
} inds[MJ_NIND] = {
	[MJ_TAX_PER_MU] = {"tax_per_mu", MJF_TAX, MJF_LAND, 1},
	[MJ_VA_PER_MU] = {"va_per_mu", MJF_VA, MJF_LAND, 1},
	[MJ_VA_PER_ENERGY] = {"va_per_energy", MJF_VA, MJF_ENERGY, 1},
	[MJ_VA_PER_EMISSION] = {"va_per_emission", MJF_VA, MJF_EMISSIONS, 1},
	[MJ_VA_PER_EMPLOYEE] = {"va_per_employee", MJF_VA, MJF_EMPLOYEES, 1},
	[MJ_RD_SHARE] = {"rd_share", MJF_RD, MJF_REVENUE, 100},
	[MJ_TAX_PER_KWH] = {"tax_per_kwh", MJF_TAX, MJF_ELECTRICITY, 1},
};

/*
 * Defaults: the weights of the issue (large 30/20/20/10/10/10, small 50/50);
 * benchmarks of the order a Jiangsu zone publishes (亩均税收 30 万元/亩,
 * 亩均增加值 100 万元/亩, 2 万元 per 吨标准煤, 50 万元 per 吨 of emissions,
 * 30 万元 per employee, R&D 3 % of revenue; small firms 20 万元/亩 and
 * 0.5 万元 of tax per 万千瓦时); cap 1.5; classes A ≥ 90, B ≥ 70, C ≥ 50.
 */
void
mj_defaults(struct mj_config *c)
{
	static const double bench[MJ_NIND] = {30, 100, 2, 50, 30, 3, 0.5};

	memset(c, 0, sizeof *c);
	c->method = MJ_BENCHMARK;
	c->cap = 1.5;
	c->thr[0] = 90;
	c->thr[1] = 70;
	c->thr[2] = 50;
	for (int g = 0; g < MJ_NGROUP; g++)
		memcpy(c->group[g].benchmark, bench, sizeof bench);
	c->group[MJ_SMALL].benchmark[MJ_TAX_PER_MU] = 20;
	c->group[MJ_LARGE].weight[MJ_TAX_PER_MU] = 30;
	c->group[MJ_LARGE].weight[MJ_VA_PER_MU] = 20;
	c->group[MJ_LARGE].weight[MJ_VA_PER_ENERGY] = 20;
	c->group[MJ_LARGE].weight[MJ_VA_PER_EMISSION] = 10;
	c->group[MJ_LARGE].weight[MJ_VA_PER_EMPLOYEE] = 10;
	c->group[MJ_LARGE].weight[MJ_RD_SHARE] = 10;
	c->group[MJ_SMALL].weight[MJ_TAX_PER_MU] = 50;
	c->group[MJ_SMALL].weight[MJ_TAX_PER_KWH] = 50;
}

const char *
mj_ind_key(enum mj_ind i)
{
	return (unsigned)i < MJ_NIND ? inds[i].key : NULL;
}

int
mj_ind_parse(const char *key)
{
	for (int i = 0; i < MJ_NIND; i++)
		if (key != NULL && strcmp(key, inds[i].key) == 0)
			return i;
	return -1;
}

void
mj_ind_figs(enum mj_ind i, enum mj_fig *num, enum mj_fig *den)
{
	*num = inds[i].num;
	*den = inds[i].den;
}

enum mj_flag
mj_indicator(const struct mj_figures *f, enum mj_ind i, double *value)
{
	enum mj_fig n = inds[i].num, d = inds[i].den;

	*value = 0;
	/* The denominator first: "no land" explains more than "no tax". */
	if (!(f->has & (1u << d)) || !(f->v[d] > 0))
		return MJ_NO_DENOM;
	if (!(f->has & (1u << n)))
		return MJ_NO_VALUE;
	*value = inds[i].scale * f->v[n] / f->v[d];
	return MJ_OK;
}

char
mj_class(const struct mj_config *c, double total)
{
	/* Totals are rounded to 2 decimals; the slack absorbs binary noise
	 * so 90.00 is an A under a threshold of 90. */
	for (int k = 0; k < 3; k++)
		if (total + 1e-9 >= c->thr[k])
			return (char)('A' + k);
	return 'D';
}

double
mj_weight_sum(const struct mj_group_cfg *g)
{
	double s = 0;

	for (int i = 0; i < MJ_NIND; i++)
		s += g->weight[i];
	return s;
}

void
mj_score_all(const struct mj_config *c, const struct mj_figures *f, size_t n,
    struct mj_score *out)
{
	double lo[MJ_NGROUP][MJ_NIND], hi[MJ_NGROUP][MJ_NIND];
	int seen[MJ_NGROUP][MJ_NIND];

	memset(seen, 0, sizeof seen);
	for (size_t k = 0; k < n; k++) {
		int g = f[k].small ? MJ_SMALL : MJ_LARGE;

		memset(&out[k], 0, sizeof out[k]);
		for (int i = 0; i < MJ_NIND; i++) {
			double x;

			out[k].flag[i] = mj_indicator(&f[k], (enum mj_ind)i, &x);
			out[k].value[i] = x;
			if (out[k].flag[i] != MJ_OK)
				continue;
			if (!seen[g][i] || x < lo[g][i])
				lo[g][i] = x;
			if (!seen[g][i] || x > hi[g][i])
				hi[g][i] = x;
			seen[g][i] = 1;
		}
	}
	for (size_t k = 0; k < n; k++) {
		int g = f[k].small ? MJ_SMALL : MJ_LARGE;
		const struct mj_group_cfg *gc = &c->group[g];
		double sum = 0;

		for (int i = 0; i < MJ_NIND; i++) {
			double w = gc->weight[i], x = out[k].value[i], p;

			if (w <= 0 || out[k].flag[i] != MJ_OK)
				continue;
			if (c->method == MJ_BENCHMARK) {
				double r = gc->benchmark[i] > 0 ?
				    x / gc->benchmark[i] : 0;

				p = w * (r < 0 ? 0 : r > c->cap ? c->cap : r);
			} else if (hi[g][i] > lo[g][i])
				p = w * (20 + 80 * (x - lo[g][i]) /
				    (hi[g][i] - lo[g][i])) / 100;
			else
				p = w;
			out[k].part[i] = p;
			sum += p;
		}
		out[k].total = round_half_up(sum, 2);
		out[k].cls = mj_class(c, out[k].total);
	}
}
