/* 亩均效益评价 scoring against hand-computed fixtures. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "domain/mujun.h"

#define EPS 1e-6

/* Figures from a list of (figure, value) pairs ending with MJF_N. */
static struct mj_figures
F(int small, ...)
{
	struct mj_figures f;
	va_list ap;
	int k;

	memset(&f, 0, sizeof f);
	f.small = small;
	va_start(ap, small);
	while ((k = va_arg(ap, int)) != MJF_N) {
		f.v[k] = va_arg(ap, double);
		f.has |= 1u << k;
	}
	va_end(ap);
	return f;
}

static void
benchmark_large(void **state)
{
	struct mj_config c;
	/* tax/mu 30 (ratio 1 → 30), va/mu 100 (1 → 20), va/energy 1
	 * (0.5 → 10), va/emission 100 (2, capped 1.5 → 15), va/employee 20
	 * (2/3 → 6.667), R&D 2 % (2/3 → 6.667): 88.333 → 88.33, B. */
	struct mj_figures f = F(0, MJF_LAND, 100.0, MJF_TAX, 3000.0, MJF_VA,
	    10000.0, MJF_ENERGY, 10000.0, MJF_EMISSIONS, 100.0, MJF_EMPLOYEES,
	    500.0, MJF_REVENUE, 50000.0, MJF_RD, 1000.0, MJF_N);
	struct mj_score s;

	(void)state;
	mj_defaults(&c);
	mj_score_all(&c, &f, 1, &s);
	assert_float_equal(s.value[MJ_TAX_PER_MU], 30, EPS);
	assert_float_equal(s.value[MJ_RD_SHARE], 2, EPS);
	assert_float_equal(s.part[MJ_TAX_PER_MU], 30, EPS);
	assert_float_equal(s.part[MJ_VA_PER_MU], 20, EPS);
	assert_float_equal(s.part[MJ_VA_PER_ENERGY], 10, EPS);
	assert_float_equal(s.part[MJ_VA_PER_EMISSION], 15, EPS);
	assert_float_equal(s.part[MJ_VA_PER_EMPLOYEE], 20.0 / 3, EPS);
	assert_float_equal(s.part[MJ_RD_SHARE], 20.0 / 3, EPS);
	assert_float_equal(s.part[MJ_TAX_PER_KWH], 0, EPS);
	assert_float_equal(s.total, 88.33, EPS);
	assert_int_equal(s.cls, 'B');
}

static void
benchmark_small_and_cap(void **state)
{
	struct mj_config c;
	/* tax/mu 10 of 20 → 25; tax/kWh 2 of 0.5 = 4, capped 1.5 → 75. */
	struct mj_figures f = F(1, MJF_LAND, 20.0, MJF_TAX, 200.0,
	    MJF_ELECTRICITY, 100.0, MJF_N);
	struct mj_score s;

	(void)state;
	mj_defaults(&c);
	mj_score_all(&c, &f, 1, &s);
	assert_float_equal(s.part[MJ_TAX_PER_MU], 25, EPS);
	assert_float_equal(s.part[MJ_TAX_PER_KWH], 75, EPS);
	assert_float_equal(s.total, 100, EPS);
	assert_int_equal(s.cls, 'A');
	/* A higher cap lets the same figure count for more. */
	c.cap = 2;
	mj_score_all(&c, &f, 1, &s);
	assert_float_equal(s.total, 125, EPS);
	/* The cap bounds a huge figure: 1000 × the benchmark still 1.5. */
	c.cap = 1.5;
	f.v[MJF_TAX] = 400000;
	mj_score_all(&c, &f, 1, &s);
	assert_float_equal(s.total, 150, EPS);
}

static void
zero_denominators(void **state)
{
	struct mj_config c;
	/* No land, no energy figure, zero employees, no tax. */
	struct mj_figures f = F(0, MJF_LAND, 0.0, MJF_VA, 500.0,
	    MJF_EMPLOYEES, 0.0, MJF_EMISSIONS, 10.0, MJF_N);
	struct mj_score s;
	double v;

	(void)state;
	mj_defaults(&c);
	mj_score_all(&c, &f, 1, &s);
	assert_int_equal(s.flag[MJ_TAX_PER_MU], MJ_NO_DENOM);
	assert_int_equal(s.flag[MJ_VA_PER_MU], MJ_NO_DENOM);
	assert_int_equal(s.flag[MJ_VA_PER_ENERGY], MJ_NO_DENOM);
	assert_int_equal(s.flag[MJ_VA_PER_EMPLOYEE], MJ_NO_DENOM);
	assert_int_equal(s.flag[MJ_RD_SHARE], MJ_NO_DENOM);
	assert_int_equal(s.flag[MJ_VA_PER_EMISSION], MJ_OK);
	/* va/emission 50 of 50 → 10 points; everything else 0. */
	assert_float_equal(s.total, 10, EPS);
	assert_int_equal(s.cls, 'D');
	for (int i = 0; i < MJ_NIND; i++)
		assert_true(s.value[i] == s.value[i]);	/* never NaN */
	f = F(0, MJF_LAND, 10.0, MJF_N);
	assert_int_equal(mj_indicator(&f, MJ_TAX_PER_MU, &v), MJ_NO_VALUE);
	assert_float_equal(v, 0, EPS);
}

static void
minmax_method(void **state)
{
	struct mj_config c;
	struct mj_figures f[5];
	struct mj_score s[5];

	(void)state;
	mj_defaults(&c);
	c.method = MJ_MINMAX;
	memset(c.group[MJ_LARGE].weight, 0, sizeof c.group[MJ_LARGE].weight);
	c.group[MJ_LARGE].weight[MJ_TAX_PER_MU] = 60;
	c.group[MJ_LARGE].weight[MJ_VA_PER_MU] = 40;
	/* tax/mu 10, 20, 40; va/mu 100, 100, 100 (max == min: full 40). */
	f[0] = F(0, MJF_LAND, 10.0, MJF_TAX, 100.0, MJF_VA, 1000.0, MJF_N);
	f[1] = F(0, MJF_LAND, 10.0, MJF_TAX, 200.0, MJF_VA, 1000.0, MJF_N);
	f[2] = F(0, MJF_LAND, 10.0, MJF_TAX, 400.0, MJF_VA, 1000.0, MJF_N);
	/* No tax figure: 0 for that indicator, and no weight on min/max. */
	f[3] = F(0, MJF_LAND, 10.0, MJF_VA, 1000.0, MJF_N);
	/* A small firm is not in the large group's range. */
	f[4] = F(1, MJF_LAND, 1.0, MJF_TAX, 9000.0, MJF_ELECTRICITY, 10.0,
	    MJF_N);
	mj_score_all(&c, f, 5, s);
	assert_float_equal(s[0].part[MJ_TAX_PER_MU], 60 * 0.20, EPS);
	assert_float_equal(s[1].part[MJ_TAX_PER_MU],
	    60 * (20 + 80.0 / 3) / 100, EPS);
	assert_float_equal(s[2].part[MJ_TAX_PER_MU], 60, EPS);
	assert_float_equal(s[0].part[MJ_VA_PER_MU], 40, EPS);
	assert_float_equal(s[0].total, 52, EPS);
	assert_float_equal(s[1].total, 68, EPS);
	assert_float_equal(s[2].total, 100, EPS);
	assert_int_equal(s[2].cls, 'A');
	assert_int_equal(s[3].flag[MJ_TAX_PER_MU], MJ_NO_VALUE);
	assert_float_equal(s[3].total, 40, EPS);
	/* Alone in its group, the small firm is its own min and max. */
	assert_float_equal(s[4].total, 100, EPS);
}

static void
class_boundaries(void **state)
{
	struct mj_config c;

	(void)state;
	mj_defaults(&c);
	assert_int_equal(mj_class(&c, 150), 'A');
	assert_int_equal(mj_class(&c, 90), 'A');
	assert_int_equal(mj_class(&c, 89.99), 'B');
	assert_int_equal(mj_class(&c, 70), 'B');
	assert_int_equal(mj_class(&c, 69.99), 'C');
	assert_int_equal(mj_class(&c, 50), 'C');
	assert_int_equal(mj_class(&c, 49.99), 'D');
	assert_int_equal(mj_class(&c, 0), 'D');
	c.thr[0] = 80;
	c.thr[1] = 60;
	c.thr[2] = 40;
	assert_int_equal(mj_class(&c, 80), 'A');
	assert_int_equal(mj_class(&c, 59.99), 'C');
}

static void
total_rounding_decides_class(void **state)
{
	struct mj_config c;
	/* tax/mu 26.9985 of 30 × 100 → 89.995, shown 90.00: an A. */
	struct mj_figures f = F(0, MJF_LAND, 1.0, MJF_TAX, 26.9985, MJF_N);
	struct mj_score s;

	(void)state;
	mj_defaults(&c);
	memset(c.group[MJ_LARGE].weight, 0, sizeof c.group[MJ_LARGE].weight);
	c.group[MJ_LARGE].weight[MJ_TAX_PER_MU] = 100;
	mj_score_all(&c, &f, 1, &s);
	assert_float_equal(s.total, 90, EPS);
	assert_int_equal(s.cls, 'A');
}

static void
keys_and_weights(void **state)
{
	struct mj_config c;

	(void)state;
	mj_defaults(&c);
	assert_float_equal(mj_weight_sum(&c.group[MJ_LARGE]), 100, EPS);
	assert_float_equal(mj_weight_sum(&c.group[MJ_SMALL]), 100, EPS);
	for (int i = 0; i < MJ_NIND; i++)
		assert_int_equal(mj_ind_parse(mj_ind_key((enum mj_ind)i)), i);
	assert_int_equal(mj_ind_parse("nope"), -1);
	assert_null(mj_ind_key(MJ_NIND));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(benchmark_large),
		cmocka_unit_test(benchmark_small_and_cap),
		cmocka_unit_test(zero_denominators),
		cmocka_unit_test(minmax_method),
		cmocka_unit_test(class_boundaries),
		cmocka_unit_test(total_rounding_decides_class),
		cmocka_unit_test(keys_and_weights),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
