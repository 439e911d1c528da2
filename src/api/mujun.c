/*
 * 亩均 figures as a generic resource, and the zone's settings per year:
 * method, cap, class thresholds and per group the weight and benchmark of
 * each indicator, stored as JSON in mujun_settings.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/handlers.h"
#include "api/mujun.h"
#include "api/resource.h"
#include "http/reply.h"

/* ---- figures ---- */

#define BIG 1000000000LL	/* 万元: far above any enterprise's figure */

static const struct field_spec fields[] = {
	{.name = "org_id", .type = FT_INT, .required = 1, .min = 1,
	    .max = 1LL << 53},
	{.name = "year", .type = FT_INT, .required = 1, .min = 2000,
	    .max = 2100},
	{.name = "land_mu", .type = FT_NUM, .required = 1, .min = 0,
	    .max = 10000000},
	{.name = "tax", .type = FT_NUM, .min = 0, .max = BIG},
	{.name = "added_value", .type = FT_NUM, .min = 0, .max = BIG},
	{.name = "revenue", .type = FT_NUM, .min = 0, .max = BIG},
	{.name = "energy", .type = FT_NUM, .min = 0, .max = BIG},
	{.name = "emissions", .type = FT_NUM, .min = 0, .max = BIG},
	{.name = "rd_spend", .type = FT_NUM, .min = 0, .max = BIG},
	{.name = "employees", .type = FT_INT, .min = 0, .max = 10000000},
	{.name = "electricity", .type = FT_NUM, .min = 0, .max = BIG},
	/* Absent: from the enterprise's 规上 label (not 规上 → small). */
	{.name = "small", .type = FT_BOOL},
};

static const struct field_spec filters[] = {
	{.name = "year", .type = FT_INT, .min = 2000, .max = 2100},
	{.name = "org_id", .type = FT_INT, .min = 1, .max = 1LL << 53},
	{.name = "small", .type = FT_ENUM,
	    .choices = (const char *const[]){"0", "1", NULL}},
};

static const char *const sorts[] = {"org_name", "year", "land_mu", "tax",
    "added_value", "revenue", NULL};

/* The enterprise must be one of the zone's, with one row per year. */
static void
check_fig(struct store *st, const struct actor *a, long long id,
    const struct store_val *v, json_t *errs)
{
	json_t *org = res_ref(st, a, STMT_ORG_GET, &v[0], "org_id", errs);
	long long other = 0;

	if (org != NULL && strcmp(json_string_value(json_object_get(org,
	    "kind")), "enterprise") != 0)
		ferr_add(errs, "org_id", a->english, "应为企业",
		    "must be an enterprise");
	json_decref(org);
	if (store_int(st, STMT_MUJUN_FIG_FIND, (struct store_val[]){
	    SV_I(a->zone_id), v[0], v[1]}, 3, &other) == APP_OK &&
	    other != 0 && other != id)
		ferr_add(errs, "year", a->english, "该企业本年度已有亩均数据",
		    "this enterprise already has figures for that year");
}

const struct resource mujun_figure_resource = {
	.entity = "mujun_figure", .read = PERM_MUJUN_READ,
	.write = PERM_MUJUN_WRITE,
	.fields = fields, .nfields = sizeof fields / sizeof fields[0],
	.filters = filters, .nfilters = sizeof filters / sizeof filters[0],
	.sorts = sorts, .check = check_fig,
	.list = STMT_MUJUN_FIG_LIST, .count = STMT_MUJUN_FIG_COUNT,
	.get = STMT_MUJUN_FIG_GET, .insert = STMT_MUJUN_FIG_INSERT,
	.update = STMT_MUJUN_FIG_UPDATE, .del = STMT_MUJUN_FIG_DELETE,
};

/* ---- settings ---- */

static const char *const groups[MJ_NGROUP] = {"large", "small"};
static const char *const classes[3] = {"A", "B", "C"};

static const char *
num_err(int english)
{
	return english ? "must be a number" : "应为数字";
}

/* A number member of o into *d; errors name path. Absent: keeps *d and
 * returns 0 unless required. */
static int
get_num(json_t *o, const char *key, const char *path, int required,
    double lo, double hi, double *d, json_t *errs, int english)
{
	json_t *v = json_object_get(o, key);
	char msg[96];

	if (v == NULL || json_is_null(v)) {
		if (required)
			ferr_add(errs, path, english, "必填", "is required");
		return -required;
	}
	if (!json_is_number(v)) {
		ferr_addf(errs, path, num_err(english));
		return -1;
	}
	if (json_number_value(v) < lo || json_number_value(v) > hi ||
	    !isfinite(json_number_value(v))) {
		snprintf(msg, sizeof msg, english ? "must be between %g and %g" :
		    "应在%g到%g之间", lo, hi);
		ferr_addf(errs, path, msg);
		return -1;
	}
	*d = json_number_value(v);
	return 0;
}

/*
 * Reads a settings object (the PUT body, or what is stored) over the
 * defaults: {"method","cap","thresholds":{A,B,C},"groups":{"large":
 * {indicator:{weight,benchmark}},"small":{…}}}. A group given replaces the
 * default weights of that group (indicators left out weigh 0).
 */
static void
config_read(json_t *o, struct mj_config *c, json_t *errs, int english)
{
	const char *m = json_string_value(json_object_get(o, "method"));
	json_t *thr = json_object_get(o, "thresholds");
	json_t *gs = json_object_get(o, "groups");
	char path[96];

	mj_defaults(c);
	if (m != NULL && strcmp(m, "minmax") == 0)
		c->method = MJ_MINMAX;
	else if (m != NULL && strcmp(m, "benchmark") != 0)
		ferr_add(errs, "method", english,
		    "取值应为以下之一：benchmark, minmax",
		    "must be one of: benchmark, minmax");
	get_num(o, "cap", "cap", 0, 1, 10, &c->cap, errs, english);
	if (thr != NULL && !json_is_object(thr))
		ferr_add(errs, "thresholds", english, "应为对象",
		    "must be an object");
	for (int k = 0; k < 3 && json_is_object(thr); k++) {
		snprintf(path, sizeof path, "thresholds.%s", classes[k]);
		get_num(thr, classes[k], path, 1, 0, 1000, &c->thr[k], errs,
		    english);
	}
	if (json_array_size(errs) == 0 && !(c->thr[0] > c->thr[1] &&
	    c->thr[1] > c->thr[2]))
		ferr_add(errs, "thresholds", english,
		    "分级线应从A到C依次降低（A > B > C）",
		    "must descend from A to C (A > B > C)");
	if (gs != NULL && !json_is_object(gs))
		ferr_add(errs, "groups", english, "应为对象",
		    "must be an object");
	for (int g = 0; g < MJ_NGROUP && json_is_object(gs); g++) {
		json_t *go = json_object_get(gs, groups[g]), *iv;
		struct mj_group_cfg *gc = &c->group[g];
		const char *key;
		char msg[128];
		double sum;

		if (go == NULL)
			continue;
		if (!json_is_object(go)) {
			snprintf(path, sizeof path, "groups.%s", groups[g]);
			ferr_add(errs, path, english, "应为对象",
			    "must be an object");
			continue;
		}
		memset(gc->weight, 0, sizeof gc->weight);
		json_object_foreach(go, key, iv) {
			int i = mj_ind_parse(key);

			snprintf(path, sizeof path, "groups.%s.%s", groups[g],
			    key);
			if (i < 0 || !json_is_object(iv)) {
				ferr_add(errs, path, english, "没有这个指标",
				    "no such indicator");
				continue;
			}
			snprintf(path, sizeof path, "groups.%s.%s.weight",
			    groups[g], key);
			get_num(iv, "weight", path, 1, 0, 100, &gc->weight[i],
			    errs, english);
			snprintf(path, sizeof path, "groups.%s.%s.benchmark",
			    groups[g], key);
			get_num(iv, "benchmark", path, 0, 1e-9, 1e9,
			    &gc->benchmark[i], errs, english);
		}
		sum = mj_weight_sum(gc);
		if (fabs(sum - 100) > 1e-6) {
			snprintf(path, sizeof path, "groups.%s", groups[g]);
			snprintf(msg, sizeof msg, english ?
			    "weights must sum to 100 (now %g)" :
			    "权重合计应为100（现为%g）", sum);
			ferr_addf(errs, path, msg);
		}
	}
}

static json_t *
config_json(const struct mj_config *c)
{
	json_t *gs = json_object();

	for (int g = 0; g < MJ_NGROUP; g++) {
		json_t *go = json_object();

		for (int i = 0; i < MJ_NIND; i++)
			json_object_set_new(go, mj_ind_key((enum mj_ind)i),
			    json_pack("{s:f, s:f}", "weight",
			    c->group[g].weight[i], "benchmark",
			    c->group[g].benchmark[i]));
		json_object_set_new(gs, groups[g], go);
	}
	return json_pack("{s:s, s:f, s:{s:f, s:f, s:f}, s:o}", "method",
	    c->method == MJ_MINMAX ? "minmax" : "benchmark", "cap", c->cap,
	    "thresholds", "A", c->thr[0], "B", c->thr[1], "C", c->thr[2],
	    "groups", gs);
}

enum app_err
mujun_config(struct store *st, long long zone_id, int year,
    struct mj_config *c, int *is_default)
{
	json_t *row = NULL, *errs;
	enum app_err e = store_row1(st, STMT_MUJUN_SETTINGS_GET,
	    (struct store_val[]){SV_I(zone_id), SV_I(year)}, 2, &row);

	*is_default = e == APP_ERR_NOT_FOUND;
	if (e == APP_ERR_NOT_FOUND) {
		mj_defaults(c);
		return APP_OK;
	}
	if (e != APP_OK)
		return e;
	/* The stored text was checked on the way in; the method column is
	 * the one of record. */
	errs = json_array();
	json_object_set(json_object_get(row, "config"), "method",
	    json_object_get(row, "method"));
	config_read(json_object_get(row, "config"), c, errs, 0);
	json_decref(errs);
	json_decref(row);
	return APP_OK;
}

static enum app_err
settings_out(struct store *st, long long zone_id, int year, json_t **out)
{
	struct mj_config c;
	json_t *row = NULL;
	int def;
	enum app_err e = mujun_config(st, zone_id, year, &c, &def);

	if (e != APP_OK)
		return e;
	*out = config_json(&c);
	json_object_set_new(*out, "year", json_integer(year));
	json_object_set_new(*out, "default", json_boolean(def));
	if (!def && store_row1(st, STMT_MUJUN_SETTINGS_GET, (struct store_val[]){
	    SV_I(zone_id), SV_I(year)}, 2, &row) == APP_OK)
		json_object_set(*out, "updated_at", json_object_get(row,
		    "updated_at"));
	json_decref(row);
	return APP_OK;
}

static int
year_ok(struct req *r)
{
	if (r->id >= 2000 && r->id <= 2100)
		return 1;
	ferr_add(r->errs, "year", r->english, "应为2000到2100之间的年份",
	    "must be a year from 2000 to 2100");
	return 0;
}

/* GET /api/mujun/settings/{year}: the year's settings or the defaults. */
enum app_err
h_mujun_settings_get(struct req *r)
{
	json_t *out;
	enum app_err e;

	if (!year_ok(r))
		return APP_ERR_VALIDATION;
	if ((e = settings_out(r->st, r->actor.zone_id, (int)r->id, &out)) !=
	    APP_OK)
		return e;
	return reply_json(r, 200, out);
}

/* PUT /api/mujun/settings/{year}: the whole settings of the year. */
enum app_err
h_mujun_settings_put(struct req *r)
{
	struct mj_config c;
	json_t *before = NULL, *after = NULL, *cfg;
	char now[20], *text;
	enum app_err e;

	if (!year_ok(r))
		return APP_ERR_VALIDATION;
	if (json_object_get(r->json, "method") == NULL)
		ferr_add(r->errs, "method", r->english, "必填", "is required");
	if (json_object_get(r->json, "thresholds") == NULL)
		ferr_add(r->errs, "thresholds", r->english, "必填",
		    "is required");
	config_read(r->json, &c, r->errs, r->english);
	if (json_array_size(r->errs) > 0)
		return APP_ERR_VALIDATION;
	cfg = config_json(&c);
	json_object_del(cfg, "method");
	text = json_dumps(cfg, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(cfg);
	store_now(now, 0);
	if ((e = store_begin(r->st)) != APP_OK) {
		free(text);
		return e;
	}
	if ((e = settings_out(r->st, r->actor.zone_id, (int)r->id,
	    &before)) == APP_OK &&
	    (e = store_query(r->st, STMT_MUJUN_SETTINGS_PUT, (struct store_val[]){
	    SV_I(r->actor.zone_id), SV_I(r->id), SV_T(c.method == MJ_MINMAX ?
	    "minmax" : "benchmark"), SV_T(text), SV_T(now)}, 5, NULL, NULL,
	    NULL)) == APP_OK &&
	    (e = settings_out(r->st, r->actor.zone_id, (int)r->id, &after)) ==
	    APP_OK)
		e = store_audit(r->st, r->actor.zone_id, r->actor.user_id,
		    "mujun_settings", r->id, json_is_true(json_object_get(before,
		    "default")) ? "create" : "update", before, after);
	free(text);
	json_decref(before);
	if (e == APP_OK)
		e = store_commit(r->st);
	else
		store_rollback(r->st);
	if (e != APP_OK) {
		json_decref(after);
		return e;
	}
	return reply_json(r, 200, after);
}

/* GET /api/mujun/settings/{year}/history: the audit rows of that year. */
enum app_err
h_mujun_settings_history(struct req *r)
{
	struct list_query lq;
	json_t *out;
	enum app_err e;

	if (!year_ok(r))
		return APP_ERR_VALIDATION;
	list_query_parse(&lq, req_arg, r, NULL, NULL, 0, r->errs, r->english);
	if (json_array_size(r->errs) > 0)
		return APP_ERR_VALIDATION;
	if ((e = res_history(r->st, &r->actor, "mujun_settings", r->id, &lq,
	    &out)) != APP_OK)
		return e;
	return reply_json(r, 200, out);
}
