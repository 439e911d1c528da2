/*
 * 开复工 as of a date. 应开复工: the projects on the year's list as 新开工 or
 * 续建. 已开复工: those whose latest event on or before the date is a start
 * or a resume. Investment: the year's plan of every project on the list
 * against what its reports completed from January 1 to the date.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/handlers.h"
#include "api/kaifugong.h"
#include "api/validate.h"
#include "domain/kfg.h"
#include "http/reply.h"
#include "util/xalloc.h"

static const char *const level_labels[][3] = {
	{"provincial", "省级", "Provincial"},
	{"municipal", "市级", "Municipal"},
	{"district", "区级", "District"},
};

static json_t *
rate_json(long started, long due)
{
	long t = kfg_rate_tenths(started, due);

	return t < 0 ? json_null() : json_real((double)t / 10.0);
}

static void
rate_text(long started, long due, char *out, size_t n)
{
	long t = kfg_rate_tenths(started, due);

	if (t < 0)
		snprintf(out, n, "-");
	else
		snprintf(out, n, "%ld.%ld%%", t / 10, t % 10);
}

static const char *
group_name(json_t *p, const char *by, int english, char *key, size_t keysz)
{
	const char *k;

	if (strcmp(by, "level") == 0) {
		k = json_string_value(json_object_get(p, "level"));
		snprintf(key, keysz, "%s", k ? k : "");
		for (size_t i = 0; i < 3; i++)
			if (k != NULL && strcmp(k, level_labels[i][0]) == 0)
				return level_labels[i][english ? 2 : 1];
		return k;
	}
	k = strcmp(by, "park") == 0 ? "park" : "chain";
	{
		char idk[16], namek[16];
		json_t *id;

		snprintf(idk, sizeof idk, "%s_id", k);
		snprintf(namek, sizeof namek, "%s_name", k);
		id = json_object_get(p, idk);
		if (json_is_integer(id)) {
			snprintf(key, keysz, "%lld", (long long)
			    json_integer_value(id));
			return json_string_value(json_object_get(p, namek));
		}
	}
	snprintf(key, keysz, "none");
	return english ? "(not set)" : "（未填）";
}

/* Without the project list: the statement's rows are summed as they come
 * (no JSON per row), in the same order and with the same arithmetic as the
 * loop of kfg_report below, so the figures are the same numbers. */
struct kgroup {
	char key[64];
	const char *name;	/* into names, or a label */
	long due, started;
	double planned, completed;
};

struct ksum {
	const char *by;
	int english;
	long due, started;
	double planned, completed;
	struct kgroup *g;
	size_t ng, cap;
	json_t *names;	/* keeps the names the groups point to */
};

static int
ksum_row(void *ctx, const struct store_row *row)
{
	struct ksum *k = ctx;
	const char *kind = store_col_text(row, 8);
	/* store_col_text answers "" for NULL: ask the type first. */
	const char *ev = store_col_type(row, 10) == SV_NULL ? NULL :
	    store_col_text(row, 10);
	int is_due = strcmp(kind, "new") == 0 ||
	    strcmp(kind, "continuing") == 0;
	int is_started = is_due && ev != NULL && strcmp(ev, "stop") != 0;
	double pl = store_col_real(row, 9), co = store_col_real(row, 12);
	char key[64];
	const char *name = NULL;
	struct kgroup *g = NULL;
	size_t i;

	k->due += is_due;
	k->started += is_started;
	k->planned += pl;
	k->completed += co;
	if (k->by == NULL)
		return 0;
	if (strcmp(k->by, "level") == 0) {
		const char *lv = store_col_type(row, 3) == SV_NULL ? NULL :
		    store_col_text(row, 3);

		snprintf(key, sizeof key, "%s", lv ? lv : "");
		name = lv;
		for (i = 0; i < 3; i++)
			if (lv != NULL && strcmp(lv, level_labels[i][0]) == 0)
				name = level_labels[i][k->english ? 2 : 1];
	} else {
		int c = strcmp(k->by, "park") == 0 ? 4 : 6;

		if (store_col_type(row, c) == SV_INT) {
			snprintf(key, sizeof key, "%lld", store_col_int(row, c));
			name = store_col_type(row, c + 1) == SV_NULL ? NULL :
			    store_col_text(row, c + 1);
		} else {
			snprintf(key, sizeof key, "none");
			name = k->english ? "(not set)" : "（未填）";
		}
	}
	for (i = 0; i < k->ng; i++)
		if (strcmp(k->g[i].key, key) == 0) {
			g = &k->g[i];
			break;
		}
	if (g == NULL) {
		if (k->ng == k->cap) {
			k->cap = k->cap ? 2 * k->cap : 16;
			k->g = xrealloc(k->g, k->cap * sizeof *k->g);
		}
		g = &k->g[k->ng++];
		memset(g, 0, sizeof *g);
		snprintf(g->key, sizeof g->key, "%s", key);
		if (name != NULL) {	/* the row's text lives until the next row */
			json_t *n = json_string(name);

			json_array_append_new(k->names, n);
			name = json_string_value(n);
		}
		g->name = name;
	}
	g->due += is_due;
	g->started += is_started;
	g->planned += pl;
	g->completed += co;
	return 0;
}

static json_t *
summary_json(const char *asof, int year, long due, long started,
    double planned, double completed, int english, const char *by,
    json_t *glist, json_t *projects)
{
	char text[48];
	json_t *o;

	rate_text(started, due, text, sizeof text);
	o = json_pack("{s:s, s:i, s:i, s:i, s:o, s:s, s:s, s:{s:f, s:f, s:o},"
	    " s:s?, s:o}",
	    "as_of", asof, "year", year, "due", (int)due, "started",
	    (int)started, "rate_percent", rate_json(started, due), "rate_text",
	    text, "rounding", english ? "one decimal, rounded half up" :
	    "保留一位小数，四舍五入",
	    "investment", "planned", round_half_up(planned, 2), "completed",
	    round_half_up(completed, 2), "percent", planned > 0 ?
	    json_real(round_half_up(100.0 * completed / planned, 1)) :
	    json_null(), "by", by, "groups", glist);
	if (projects != NULL)
		json_object_set_new(o, "projects", projects);
	return o;
}

static enum app_err
kfg_summary(struct store *st, long long zone_id, int year, const char *by,
    int english, const char *asof, const char *jan1, const char *dec31,
    json_t **out)
{
	struct ksum k = {.by = by, .english = english, .names = json_array()};
	json_t *glist;
	char text[48];
	enum app_err e;

	if ((e = store_query(st, STMT_KFG_ROWS, (struct store_val[]){
	    SV_I(zone_id), SV_I(year), SV_T(asof), SV_T(jan1), SV_T(dec31)}, 5,
	    ksum_row, &k, NULL)) != APP_OK) {
		free(k.g);
		json_decref(k.names);
		return e;
	}
	glist = json_array();
	for (size_t i = 0; i < k.ng; i++) {
		struct kgroup *g = &k.g[i];

		rate_text(g->started, g->due, text, sizeof text);
		json_array_append_new(glist, json_pack("{s:s, s:s?, s:i, s:i,"
		    " s:f, s:f, s:o, s:s}", "key", g->key, "name", g->name,
		    "due", (int)g->due, "started", (int)g->started, "planned",
		    round_half_up(g->planned, 2), "completed",
		    round_half_up(g->completed, 2), "rate_percent",
		    rate_json(g->started, g->due), "rate_text", text));
	}
	*out = summary_json(asof, year, k.due, k.started, k.planned,
	    k.completed, english, by, glist, NULL);
	free(k.g);
	json_decref(k.names);
	return APP_OK;
}

enum app_err
kfg_report(struct store *st, long long zone_id, struct date as_of, int year,
    const char *by, int english, int with_projects, json_t **out)
{
	char asof[11], jan1[11], dec31[11], key[64], text[48];
	struct date d1 = {year, 1, 1}, d2 = {year, 12, 31};
	json_t *rows, *p, *groups = json_object(), *order = json_array();
	json_t *projects = json_array(), *glist;
	long due = 0, started = 0;
	double planned = 0, completed = 0;
	size_t i;
	enum app_err e;

	date_format(as_of, asof);
	date_format(d1, jan1);
	date_format(d2, dec31);
	if (!with_projects) {
		json_decref(groups);
		json_decref(order);
		json_decref(projects);
		return kfg_summary(st, zone_id, year, by, english, asof, jan1,
		    dec31, out);
	}
	if ((e = store_rows(st, STMT_KFG_ROWS, (struct store_val[]){
	    SV_I(zone_id), SV_I(year), SV_T(asof), SV_T(jan1), SV_T(dec31)}, 5,
	    &rows)) !=
	    APP_OK) {
		json_decref(groups);
		json_decref(order);
		json_decref(projects);
		return e;
	}
	json_array_foreach(rows, i, p) {
		const char *kind = json_string_value(json_object_get(p, "kind"));
		const char *ev = json_string_value(json_object_get(p,
		    "last_event"));
		int is_due = strcmp(kind, "new") == 0 ||
		    strcmp(kind, "continuing") == 0;
		int is_started = is_due && ev != NULL && strcmp(ev, "stop") != 0;
		double pl = json_number_value(json_object_get(p,
		    "planned_investment"));
		double co = json_number_value(json_object_get(p, "invest_year"));
		json_t *g;

		due += is_due;
		started += is_started;
		planned += pl;
		completed += co;
		json_object_set_new(p, "kind_label", json_string(strcmp(kind,
		    "new") == 0 ? (english ? "new start" : "新开工") :
		    strcmp(kind, "continuing") == 0 ? (english ? "continuing" :
		    "续建") : (english ? "completing" : "竣工")));
		json_object_set_new(p, "level_label", json_string(group_name(p,
		    "level", english, key, sizeof key)));
		json_object_set_new(p, "due", json_boolean(is_due));
		json_object_set_new(p, "started", json_boolean(is_started));
		json_array_append(projects, p);
		if (by == NULL)
			continue;
		{
			const char *name = group_name(p, by, english, key,
			    sizeof key);

			if ((g = json_object_get(groups, key)) == NULL) {
				g = json_pack("{s:s, s:s?, s:i, s:i, s:f, s:f}",
				    "key", key, "name", name, "due", 0,
				    "started", 0, "planned", 0.0, "completed",
				    0.0);
				json_object_set_new(groups, key, g);
				json_array_append_new(order, json_string(key));
			}
		}
		json_object_set_new(g, "due", json_integer(json_integer_value(
		    json_object_get(g, "due")) + is_due));
		json_object_set_new(g, "started", json_integer(
		    json_integer_value(json_object_get(g, "started")) +
		    is_started));
		json_object_set_new(g, "planned", json_real(json_real_value(
		    json_object_get(g, "planned")) + pl));
		json_object_set_new(g, "completed", json_real(json_real_value(
		    json_object_get(g, "completed")) + co));
	}
	glist = json_array();
	json_array_foreach(order, i, p) {
		json_t *g = json_object_get(groups, json_string_value(p));
		long gd = (long)json_integer_value(json_object_get(g, "due"));
		long gs = (long)json_integer_value(json_object_get(g,
		    "started"));

		rate_text(gs, gd, text, sizeof text);
		json_object_set_new(g, "rate_percent", rate_json(gs, gd));
		json_object_set_new(g, "rate_text", json_string(text));
		json_object_set_new(g, "planned", json_real(round_half_up(
		    json_real_value(json_object_get(g, "planned")), 2)));
		json_object_set_new(g, "completed", json_real(round_half_up(
		    json_real_value(json_object_get(g, "completed")), 2)));
		json_array_append(glist, g);
	}
	*out = summary_json(asof, year, due, started, planned, completed,
	    english, by, glist, projects);
	json_decref(groups);
	json_decref(order);
	json_decref(rows);
	return APP_OK;
}

enum app_err
h_kfg_report(struct req *r)
{
	const char *v = req_arg(r, "as_of"), *by = req_arg(r, "by");
	const char *ys = req_arg(r, "year"), *pr = req_arg(r, "projects");
	struct date as_of = date_today_cn();
	long long year = 0;
	json_t *out;
	enum app_err e;

	if (v != NULL && *v && date_parse(v, strlen(v), &as_of) != 0)
		ferr_add(r->errs, "as_of", r->english, "日期应为YYYY-MM-DD格式",
		    "must be a date written YYYY-MM-DD");
	if (ys != NULL && *ys && (parse_ll(ys, &year) != 0 || year < 2000 ||
	    year > 2100))
		ferr_add(r->errs, "year", r->english, "应为2000到2100之间的年份",
		    "must be a year from 2000 to 2100");
	if (by != NULL && *by == '\0')
		by = NULL;
	if (by != NULL && strcmp(by, "park") != 0 && strcmp(by, "level") != 0 &&
	    strcmp(by, "chain") != 0)
		ferr_add(r->errs, "by", r->english,
		    "取值应为以下之一：park, level, chain",
		    "must be one of: park, level, chain");
	if (pr != NULL && *pr && strcmp(pr, "0") != 0 && strcmp(pr, "1") != 0 &&
	    strcmp(pr, "false") != 0 && strcmp(pr, "true") != 0)
		ferr_add(r->errs, "projects", r->english,
		    "取值应为以下之一：0, 1, false, true",
		    "must be one of: 0, 1, false, true");
	if (json_array_size(r->errs) > 0)
		return APP_ERR_VALIDATION;
	if ((e = kfg_report(r->st, r->actor.zone_id, as_of, year ? (int)year :
	    as_of.y, by, r->english, pr == NULL || !(strcmp(pr, "0") == 0 ||
	    strcmp(pr, "false") == 0), &out)) != APP_OK)
		return e;
	return reply_json(r, 200, out);
}
