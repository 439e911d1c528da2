/*
 * 亩均 scores of a year: the ranked table with each indicator's value and
 * part, the change since the year before, the class distribution by park
 * and by chain, and an enterprise's own rows.
 */
#include <stdlib.h>
#include <string.h>

#include "api/handlers.h"
#include "api/mujun.h"
#include "api/validate.h"
#include "domain/kfg.h"
#include "http/reply.h"

static const struct {
	const char *zh, *en, *unit_zh, *unit_en;
} labels[MJ_NIND] = {
	[MJ_TAX_PER_MU] = {"亩均税收", "tax per mu", "万元/亩", "10k CNY/mu"},
	[MJ_VA_PER_MU] = {"亩均增加值", "added value per mu", "万元/亩",
	    "10k CNY/mu"},
	[MJ_VA_PER_ENERGY] = {"单位能耗增加值", "added value per energy",
	    "万元/吨标准煤", "10k CNY/tce"},
	[MJ_VA_PER_EMISSION] = {"单位排放增加值", "added value per emission",
	    "万元/吨", "10k CNY/t"},
	[MJ_VA_PER_EMPLOYEE] = {"全员劳动生产率", "labour productivity",
	    "万元/人", "10k CNY/person"},
	[MJ_RD_SHARE] = {"R&D经费占比", "R&D share of revenue", "%", "%"},
	[MJ_TAX_PER_KWH] = {"单位电耗税收", "tax per kWh", "万元/万千瓦时",
	    "10k CNY/10k kWh"},
};

/* Figure columns in enum mj_fig order. */
static const char *const fig_keys[MJF_N] = {"land_mu", "tax", "added_value",
    "revenue", "energy", "emissions", "rd_spend", "employees", "electricity"};

static int
by_total(const void *x, const void *y)
{
	json_t *a = *(json_t *const *)x, *b = *(json_t *const *)y;
	double ta = json_real_value(json_object_get(a, "total"));
	double tb = json_real_value(json_object_get(b, "total"));

	if (ta != tb)
		return ta > tb ? -1 : 1;
	return strcmp(json_string_value(json_object_get(a, "org_name")),
	    json_string_value(json_object_get(b, "org_name")));
}

static json_t *
flag_json(enum mj_ind i, enum mj_flag fl, int english)
{
	enum mj_fig n, d;
	char msg[160];

	mj_ind_figs(i, &n, &d);
	if (fl == MJ_NO_DENOM)
		snprintf(msg, sizeof msg, english ? "%s: %s is missing or 0" :
		    "%s：%s缺失或为0", english ? labels[i].en : labels[i].zh,
		    fig_keys[d]);
	else
		snprintf(msg, sizeof msg, english ? "%s: %s is missing" :
		    "%s：%s缺失", english ? labels[i].en : labels[i].zh,
		    fig_keys[n]);
	return json_pack("{s:s, s:s, s:s}", "indicator", mj_ind_key(i),
	    "reason", fl == MJ_NO_DENOM ? "no_denominator" : "no_value",
	    "message", msg);
}

/* Ranks sorted rows 1, 2, 2, 4 … into key, counting only rows of group
 * (NULL: all). */
static void
rank_rows(json_t **rows, size_t n, const char *group, const char *key)
{
	double last = 0;
	long rank = 0, seen = 0;

	for (size_t k = 0; k < n; k++) {
		double t = json_real_value(json_object_get(rows[k], "total"));

		if (group != NULL && strcmp(group, json_string_value(
		    json_object_get(rows[k], "group"))) != 0)
			continue;
		seen++;
		if (seen == 1 || t != last)
			rank = seen;
		last = t;
		json_object_set_new(rows[k], key, json_integer(rank));
	}
}

/* The year's rows scored and ranked, without the change; *cfg gets the
 * year's settings. */
static enum app_err
score_year(struct store *st, long long zone_id, int year, int english,
    struct mj_config *cfg, int *is_default, json_t **out)
{
	json_t *rows = NULL, *r, **sorted;
	struct mj_figures *f;
	struct mj_score *s;
	size_t n, k;
	enum app_err e;

	if ((e = mujun_config(st, zone_id, year, cfg, is_default)) != APP_OK ||
	    (e = store_rows(st, STMT_MUJUN_FIG_YEAR, (struct store_val[]){
	    SV_I(zone_id), SV_I(year)}, 2, &rows)) != APP_OK)
		return e;
	n = json_array_size(rows);
	f = calloc(n ? n : 1, sizeof *f);
	s = calloc(n ? n : 1, sizeof *s);
	sorted = calloc(n ? n : 1, sizeof *sorted);
	if (f == NULL || s == NULL || sorted == NULL)
		abort();
	json_array_foreach(rows, k, r) {
		for (int j = 0; j < MJF_N; j++) {
			json_t *v = json_object_get(r, fig_keys[j]);

			if (json_is_number(v)) {
				f[k].v[j] = json_number_value(v);
				f[k].has |= 1u << j;
			}
		}
		f[k].small = json_is_true(json_object_get(r, "small"));
	}
	mj_score_all(cfg, f, n, s);
	json_array_foreach(rows, k, r) {
		int g = f[k].small ? MJ_SMALL : MJ_LARGE;
		json_t *inds = json_object(), *flags = json_array();

		for (int i = 0; i < MJ_NIND; i++) {
			double w = cfg->group[g].weight[i];

			if (w <= 0)
				continue;
			json_object_set_new(inds, mj_ind_key((enum mj_ind)i),
			    json_pack("{s:o, s:f, s:f, s:f, s:s?}", "value",
			    s[k].flag[i] == MJ_OK ? json_real(round_half_up(
			    s[k].value[i], 4)) : json_null(), "part",
			    round_half_up(s[k].part[i], 2), "weight", w,
			    "benchmark", cfg->group[g].benchmark[i], "flag",
			    s[k].flag[i] == MJ_NO_DENOM ? "no_denominator" :
			    s[k].flag[i] == MJ_NO_VALUE ? "no_value" : NULL));
			if (s[k].flag[i] != MJ_OK)
				json_array_append_new(flags, flag_json(
				    (enum mj_ind)i, s[k].flag[i], english));
		}
		json_object_set_new(r, "group", json_string(g == MJ_SMALL ?
		    "small" : "large"));
		json_object_set_new(r, "indicators", inds);
		json_object_set_new(r, "flags", flags);
		json_object_set_new(r, "total", json_real(s[k].total));
		json_object_set_new(r, "class", json_stringn(&s[k].cls, 1));
		sorted[k] = r;
	}
	qsort(sorted, n, sizeof *sorted, by_total);
	rank_rows(sorted, n, NULL, "rank");
	rank_rows(sorted, n, "large", "group_rank");
	rank_rows(sorted, n, "small", "group_rank");
	*out = json_array();
	for (k = 0; k < n; k++)
		json_array_append(*out, sorted[k]);
	json_decref(rows);
	free(f);
	free(s);
	free(sorted);
	return APP_OK;
}

enum app_err
mujun_scores(struct store *st, long long zone_id, int year, int english,
    json_t **out)
{
	struct mj_config c, pc;
	json_t *rows, *prev, *r, *p, *inds = json_array();
	size_t k, j;
	int def, pdef;
	enum app_err e;

	if ((e = score_year(st, zone_id, year, english, &c, &def, &rows)) !=
	    APP_OK) {
		json_decref(inds);
		return e;
	}
	if ((e = score_year(st, zone_id, year - 1, english, &pc, &pdef,
	    &prev)) != APP_OK) {
		json_decref(rows);
		json_decref(inds);
		return e;
	}
	/* Change since last year, for the enterprises scored both years. */
	json_array_foreach(rows, k, r) {
		json_t *was = NULL;

		json_array_foreach(prev, j, p)
			if (json_integer_value(json_object_get(p, "org_id")) ==
			    json_integer_value(json_object_get(r, "org_id")))
				was = p;
		if (was == NULL) {
			json_object_set_new(r, "previous", json_null());
			json_object_set_new(r, "change", json_null());
			continue;
		}
		json_object_set_new(r, "previous", json_pack("{s:O, s:O, s:O}",
		    "total", json_object_get(was, "total"), "class",
		    json_object_get(was, "class"), "rank",
		    json_object_get(was, "rank")));
		json_object_set_new(r, "change", json_pack("{s:f, s:I}",
		    "total", round_half_up(json_real_value(json_object_get(r,
		    "total")) - json_real_value(json_object_get(was, "total")),
		    2), "rank", json_integer_value(json_object_get(was,
		    "rank")) - json_integer_value(json_object_get(r, "rank"))));
	}
	for (int i = 0; i < MJ_NIND; i++) {
		if (c.group[MJ_LARGE].weight[i] <= 0 &&
		    c.group[MJ_SMALL].weight[i] <= 0)
			continue;
		json_array_append_new(inds, json_pack("{s:s, s:s, s:s,"
		    " s:{s:f, s:f}, s:{s:f, s:f}}", "key", mj_ind_key(
		    (enum mj_ind)i), "label", english ? labels[i].en :
		    labels[i].zh, "unit", english ? labels[i].unit_en :
		    labels[i].unit_zh, "weights", "large",
		    c.group[MJ_LARGE].weight[i], "small",
		    c.group[MJ_SMALL].weight[i], "benchmarks", "large",
		    c.group[MJ_LARGE].benchmark[i], "small",
		    c.group[MJ_SMALL].benchmark[i]));
	}
	*out = json_pack("{s:i, s:s, s:b, s:f, s:{s:f, s:f, s:f}, s:o, s:I,"
	    " s:i, s:I, s:o}", "year", year, "method", c.method == MJ_MINMAX ?
	    "minmax" : "benchmark", "default_settings", def, "cap", c.cap,
	    "thresholds", "A", c.thr[0], "B", c.thr[1], "C", c.thr[2],
	    "indicators", inds, "count", (json_int_t)json_array_size(rows),
	    "previous_year", year - 1, "previous_count",
	    (json_int_t)json_array_size(prev), "rows", rows);
	json_decref(prev);
	return APP_OK;
}

/* ---- distribution ---- */

static const char *const cls_keys[4] = {"A", "B", "C", "D"};

static json_t *
dist_group(const char *key, const char *name)
{
	return json_pack("{s:s, s:s?, s:i, s:{s:i, s:i, s:i, s:i}}", "key", key,
	    "name", name, "count", 0, "classes", "A", 0, "B", 0, "C", 0, "D",
	    0);
}

static void
dist_add(json_t *g, const char *cls)
{
	json_t *c = json_object_get(g, "classes");

	json_object_set_new(g, "count", json_integer(json_integer_value(
	    json_object_get(g, "count")) + 1));
	json_object_set_new(c, cls, json_integer(json_integer_value(
	    json_object_get(c, cls)) + 1));
}

static void
dist_shares(json_t *g)
{
	json_t *c = json_object_get(g, "classes"), *sh = json_object();
	json_int_t n = json_integer_value(json_object_get(g, "count"));

	for (int k = 0; k < 4; k++)
		json_object_set_new(sh, cls_keys[k], n > 0 ? json_real(
		    round_half_up(100.0 * (double)json_integer_value(
		    json_object_get(c, cls_keys[k])) / (double)n, 1)) :
		    json_null());
	json_object_set_new(g, "shares", sh);
}

/* Adds row r to the group of its park or chain (what = "park"|"chain"). */
static void
dist_by(json_t *index, json_t *order, json_t *r, const char *what,
    int english)
{
	char idk[16], namek[16], key[32];
	json_t *id, *g;
	const char *name;

	snprintf(idk, sizeof idk, "%s_id", what);
	snprintf(namek, sizeof namek, "%s_name", what);
	id = json_object_get(r, idk);
	if (json_is_integer(id)) {
		snprintf(key, sizeof key, "%lld", (long long)
		    json_integer_value(id));
		name = json_string_value(json_object_get(r, namek));
	} else {
		snprintf(key, sizeof key, "none");
		name = english ? "(not set)" : "（未填）";
	}
	if ((g = json_object_get(index, key)) == NULL) {
		g = dist_group(key, name);
		json_object_set_new(index, key, g);
		json_array_append(order, g);
	}
	dist_add(g, json_string_value(json_object_get(r, "class")));
}

enum app_err
mujun_distribution(struct store *st, long long zone_id, int year, int english,
    json_t **out)
{
	struct mj_config c;
	json_t *rows, *r, *total = dist_group("all", english ? "all" : "全区");
	json_t *parks = json_object(), *chains = json_object();
	json_t *by_park = json_array(), *by_chain = json_array(), *g;
	size_t k;
	int def;
	enum app_err e = score_year(st, zone_id, year, english, &c, &def,
	    &rows);

	if (e == APP_OK) {
		json_array_foreach(rows, k, r) {
			dist_add(total, json_string_value(json_object_get(r,
			    "class")));
			dist_by(parks, by_park, r, "park", english);
			dist_by(chains, by_chain, r, "chain", english);
		}
		dist_shares(total);
		json_array_foreach(by_park, k, g)
			dist_shares(g);
		json_array_foreach(by_chain, k, g)
			dist_shares(g);
		*out = json_pack("{s:i, s:s, s:O, s:O, s:O, s:o, s:o}", "year",
		    year, "method", c.method == MJ_MINMAX ? "minmax" :
		    "benchmark", "count", json_object_get(total, "count"),
		    "classes", json_object_get(total, "classes"), "shares",
		    json_object_get(total, "shares"), "by_park", by_park,
		    "by_chain", by_chain);
		json_decref(rows);
	} else {
		json_decref(by_park);
		json_decref(by_chain);
	}
	json_decref(total);
	json_decref(parks);
	json_decref(chains);
	return e;
}

/* ---- HTTP ---- */

int
mujun_year_arg(struct req *r, int required)
{
	const char *ys = req_arg(r, "year");
	long long y = 0;

	if (!required && (ys == NULL || *ys == '\0'))
		return 0;
	if (ys == NULL || parse_ll(ys, &y) != 0 || y < 2000 || y > 2100) {
		ferr_add(r->errs, "year", r->english, "应为2000到2100之间的年份",
		    "must be a year from 2000 to 2100");
		return 0;
	}
	return (int)y;
}

/* GET /api/mujun/scores?year=Y */
enum app_err
h_mujun_scores(struct req *r)
{
	int year = mujun_year_arg(r, 1);
	json_t *out, *years = NULL;
	enum app_err e;

	if (year == 0)
		return APP_ERR_VALIDATION;
	if ((e = mujun_scores(r->st, r->actor.zone_id, year, r->english,
	    &out)) != APP_OK)
		return e;
	/* The years with figures, for the page's year picker. */
	if (store_rows(r->st, STMT_MUJUN_YEARS, (struct store_val[]){
	    SV_I(r->actor.zone_id)}, 1, &years) == APP_OK)
		json_object_set_new(out, "years", years);
	return reply_json(r, 200, out);
}

enum app_err
mujun_org_years(struct store *st, long long zone_id, long long org_id,
    int english, json_t **out)
{
	json_t *years = NULL, *y, *list = json_array();
	size_t i, k;
	enum app_err e;

	if ((e = store_rows(st, STMT_MUJUN_YEARS, (struct store_val[]){
	    SV_I(zone_id)}, 1, &years)) != APP_OK) {
		json_decref(list);
		return e;
	}
	json_array_foreach(years, i, y) {
		int year = (int)json_integer_value(json_object_get(y, "year"));
		json_t *sc = NULL, *row;

		if ((e = mujun_scores(st, zone_id, year, english, &sc)) !=
		    APP_OK)
			break;
		json_array_foreach(json_object_get(sc, "rows"), k, row)
			if (json_integer_value(json_object_get(row, "org_id")) ==
			    org_id)
				json_array_append_new(list, json_pack(
				    "{s:i, s:O, s:O, s:O, s:O, s:O, s:O}",
				    "year", year, "method", json_object_get(sc,
				    "method"), "count", json_object_get(sc,
				    "count"), "thresholds", json_object_get(sc,
				    "thresholds"), "indicators",
				    json_object_get(sc, "indicators"), "cap",
				    json_object_get(sc, "cap"), "row", row));
		json_decref(sc);
	}
	json_decref(years);
	if (e != APP_OK) {
		json_decref(list);
		return e;
	}
	*out = list;
	return APP_OK;
}

/*
 * GET /api/mujun/mine (request.write_own): the caller's enterprise's rows of
 * every year's ranked table, with its rank among how many — nothing of
 * other firms. A user without an organisation gets no rows.
 */
enum app_err
h_mujun_mine(struct req *r)
{
	json_t *list;
	enum app_err e;

	if (r->actor.org_id == 0)
		return reply_json(r, 200, json_pack("{s:n, s:[]}", "org_id",
		    "years"));
	if ((e = mujun_org_years(r->st, r->actor.zone_id, r->actor.org_id,
	    r->english, &list)) != APP_OK)
		return e;
	return reply_json(r, 200, json_pack("{s:I, s:o}", "org_id",
	    (json_int_t)r->actor.org_id, "years", list));
}

/* GET /api/mujun/report?year=Y[&format=xlsx] */
enum app_err
h_mujun_report(struct req *r)
{
	const char *fmt = req_arg(r, "format");
	int year = mujun_year_arg(r, 1);
	json_t *dist, *sc;
	char *data, err[256];
	size_t len;
	enum app_err e;

	if (fmt != NULL && *fmt && strcmp(fmt, "json") != 0 &&
	    strcmp(fmt, "xlsx") != 0)
		ferr_add(r->errs, "format", r->english,
		    "取值应为以下之一：json, xlsx", "must be one of: json, xlsx");
	if (json_array_size(r->errs) > 0)
		return APP_ERR_VALIDATION;
	if ((e = mujun_distribution(r->st, r->actor.zone_id, year, r->english,
	    &dist)) != APP_OK)
		return e;
	if (fmt == NULL || strcmp(fmt, "xlsx") != 0)
		return reply_json(r, 200, dist);
	if ((e = mujun_scores(r->st, r->actor.zone_id, year, 0, &sc)) !=
	    APP_OK) {
		json_decref(dist);
		return e;
	}
	e = mujun_xlsx(sc, dist, &data, &len, err, sizeof err);
	json_decref(sc);
	json_decref(dist);
	if (e != APP_OK)
		return e;
	snprintf(err, sizeof err, "mujun-%d.xlsx", year);
	return reply_file(r, data, len,
	    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	    err);
}
