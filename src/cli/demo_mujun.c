/*
 * Demo 亩均 figures: 2024 and 2025 for the demo's enterprises and a dozen
 * more, large (规上) and small, across the parks and chains, so the ranked
 * table, the change since last year and all four classes show. Figures are
 * built from how far each firm stands from the default benchmarks (k = 1:
 * at the benchmark), so the classes are what the table below says, with
 * realistic magnitudes (land 20–300 亩, tax 50–8000 万元).
 */
#include <stdio.h>
#include <string.h>

#include "api/handlers.h"
#include "api/mujun.h"
#include "api/resource.h"
#include "cli/cli.h"
#include "cli/demo.h"
#include "domain/uscc.h"

struct firm {
	const char *name, *uscc16;	/* NULL name: the demo's own owners[i];
				 * the USCC without its two check characters */
	int park, chain, small;
	double land;
	/* 2025 against the benchmarks: large tax, va, energy, emission,
	 * employee, R&D; small tax per mu, tax per kWh. */
	double k[6];
	double growth;			/* 2025 over 2024; 0: new in 2025 */
};

static const struct firm firms[] = {
	{NULL, NULL, 0, 2, 0, 180, {1.3, 1.2, 1.1, 1.4, 1.2, 1.0}, 1.15},
	{NULL, NULL, 1, 4, 0, 120, {1.0, 0.9, 1.0, 0.9, 1.1, 1.4}, 1.05},
	{NULL, NULL, 5, 0, 0, 60, {0.8, 0.8, 0.9, 0.7, 0.9, 1.2}, 0.9},
	{"连云港海创精密机械有限公司", "91320703MA1P8C2L", 0, 1, 0, 260,
	    {0.45, 0.5, 0.6, 0.5, 0.55, 0.4}, 0.92},
	{"江苏瑞恒生物制药有限公司", "91320707MA1Q3D7K", 2, 3, 0, 150,
	    {1.1, 1.0, 0.95, 1.0, 1.05, 1.3}, 1.2},
	{"连云港新浦化纤有限公司", "91320705MA1R6F4H", 1, 2, 0, 300,
	    {0.3, 0.35, 0.4, 0.3, 0.5, 0.3}, 1.0},
	{"连云港云途物流有限公司", "91320706MA1T2G9J", 5, 5, 0, 90,
	    {0.6, 0.55, 0.7, 0.65, 0.6, 0.5}, 1.1},
	{"江苏智造装备科技有限公司", "91320700MA1U5H1M", 3, 1, 0, 110,
	    {0.75, 0.7, 0.8, 0.75, 0.7, 0.9}, 1.3},
	{"连云港光谷电子有限公司", "91320703MA1W8J6N", 0, 0, 0, 70,
	    {1.4, 1.3, 1.2, 1.1, 1.2, 1.5}, 0},
	{"东海硅材料科技有限公司", "91320722MA1X1K3P", 4, 2, 0, 200,
	    {0.55, 0.6, 0.45, 0.5, 0.6, 0.6}, 0.85},
	{"连云港康泰医疗用品有限公司", "91320707MA1Y4L8Q", 2, 4, 0, 45,
	    {0.9, 0.85, 0.9, 0.95, 0.85, 1.0}, 1.0},
	{"连云港科创检测服务有限公司", "91320705MA1N7M5R", 1, 6, 1, 25,
	    {1.2, 1.3}, 1.1},
	{"赣榆鑫源五金制品有限公司", "91320721MA200N2T", 3, 1, 1, 38,
	    {0.4, 0.5}, 0.9},
	{"连云港港城包装材料有限公司", "91320703MA213P7U", 0, 2, 1, 30,
	    {0.75, 0.8}, 1.05},
	{"连云港海连食品有限公司", "91320706MA226Q4W", 5, 5, 1, 22,
	    {0.6, 0.55}, 0},
};

static int
save(struct store *st, const struct actor *a, const struct resource *res,
    long long id, json_t *body, long long *out_id)
{
	json_t *errs = json_array(), *out = NULL;
	int rc = cli_report("demo", id ? res_update(st, a, res, id, body, errs,
	    &out) : res_create(st, a, res, body, errs, &out), errs, st);

	if (rc == 0 && out_id != NULL)
		*out_id = json_integer_value(json_object_get(out, "id"));
	json_decref(out);
	json_decref(errs);
	json_decref(body);
	return rc;
}

/* An enterprise of the table: created, or the demo's own given its park,
 * chain and size (through the API's update, so it is audited). */
static int
firm_org(struct store *st, const struct actor *a, const struct demo_refs *refs,
    const struct firm *f, size_t own, long long *id)
{
	long long park = refs->parks[(size_t)f->park % refs->nparks];
	long long chain = refs->nchains ? refs->chains[(size_t)f->chain %
	    refs->nchains] : 0;
	json_t *body;
	char code[19];

	if (f->name == NULL) {
		json_t *org = NULL;

		if (own >= refs->nowners)
			return 1;	/* fewer demo enterprises: skip */
		*id = refs->owners[own];
		if (res_get(st, a, &org_resource, *id, &org) != APP_OK)
			return -1;
		body = json_pack("{s:O, s:O, s:O, s:O, s:O, s:O, s:O}", "name",
		    json_object_get(org, "name"), "kind", json_object_get(org,
		    "kind"), "uscc", json_object_get(org, "uscc"), "contact",
		    json_object_get(org, "contact"), "phone",
		    json_object_get(org, "phone"), "address",
		    json_object_get(org, "address"), "note",
		    json_object_get(org, "note"));
		json_decref(org);
	} else {
		char s17[18];

		/* The organisation code's check digit, then the USCC's. */
		snprintf(s17, sizeof s17, "%s%c", f->uscc16,
		    orgcode_expected_check(f->uscc16 + 8));
		if (uscc_compute(s17, code) != 0) {
			fprintf(stderr, "zonedesk demo: bad USCC %s\n", s17);
			return -1;
		}
		code[18] = '\0';
		body = json_pack("{s:s, s:s, s:s}", "name", f->name, "kind",
		    "enterprise", "uscc", code);
		*id = 0;
	}
	json_object_set_new(body, "park_id", json_integer(park));
	if (chain != 0)
		json_object_set_new(body, "chain_id", json_integer(chain));
	json_object_set_new(body, "above_scale", json_boolean(!f->small));
	json_object_set_new(body, "high_tech", json_boolean(f->k[0] >= 1));
	return save(st, a, &org_resource, *id, body, *id ? NULL : id);
}

/* The figures of a firm for a year; m scales the output (2024 = 1/growth). */
static json_t *
figures(const struct firm *f, long long org, int year, double m)
{
	const double *k = f->k;
	double land = f->land, tax, va;

	if (f->small) {
		tax = 20 * k[0] * land * m;
		return json_pack("{s:I, s:i, s:f, s:f, s:f, s:b}", "org_id",
		    (json_int_t)org, "year", year, "land_mu", land, "tax", tax,
		    "electricity", tax / (0.5 * k[1]), "small", 1);
	}
	tax = 30 * k[0] * land * m;
	va = 100 * k[1] * land * m;
	return json_pack("{s:I, s:i, s:f, s:f, s:f, s:f, s:f, s:f, s:f, s:i,"
	    " s:b}", "org_id", (json_int_t)org, "year", year, "land_mu", land,
	    "tax", tax, "added_value", va, "revenue", 4 * va, "energy",
	    va / (2 * k[2]), "emissions", va / (50 * k[3]), "rd_spend",
	    4 * va * 0.03 * k[5], "employees", (int)(va / (30 * k[4]) + 0.5),
	    "small", 0);
}

int
demo_mujun(struct store *st, const struct actor *a,
    const struct demo_refs *refs)
{
	size_t own = 0;

	if (refs->nparks == 0)
		return -1;
	for (size_t i = 0; i < sizeof firms / sizeof firms[0]; i++) {
		const struct firm *f = &firms[i];
		long long org = 0;
		int rc = firm_org(st, a, refs, f, f->name ? 0 : own++, &org);

		if (rc > 0)
			continue;
		if (rc != 0 || save(st, a, &mujun_figure_resource, 0,
		    figures(f, org, 2025, 1), NULL) != 0)
			return -1;
		if (f->growth > 0 && save(st, a, &mujun_figure_resource, 0,
		    figures(f, org, 2024, 1 / f->growth), NULL) != 0)
			return -1;
	}
	return 0;
}
