/*
 * The investment report for a period: the funnel, new negotiations per
 * month against the zone's target, signed investment by chain, region and
 * office, the events with their totals, and where the cadence broke.
 */
#include <stdio.h>
#include <string.h>

#include "api/handlers.h"
#include "api/invest_report.h"
#include "api/leads.h"
#include "api/settings.h"
#include "api/validate.h"
#include "domain/kfg.h"
#include "domain/lead.h"
#include "http/reply.h"
#include "io/xlsx_write.h"

/* Adds one lead's investment to the group keyed by name. */
static void
group_add(json_t *groups, json_t *order, const char *name, double inv)
{
	json_t *g = json_object_get(groups, name);

	if (g == NULL) {
		g = json_pack("{s:s, s:i, s:f}", "name", name, "count", 0,
		    "investment", 0.0);
		json_object_set_new(groups, name, g);
		json_array_append_new(order, json_string(name));
	}
	json_object_set_new(g, "count", json_integer(json_integer_value(
	    json_object_get(g, "count")) + 1));
	json_object_set_new(g, "investment", json_real(json_real_value(
	    json_object_get(g, "investment")) + inv));
}

static json_t *
groups_list(json_t *groups, json_t *order)
{
	json_t *list = json_array(), *k;
	size_t i;

	json_array_foreach(order, i, k) {
		json_t *g = json_object_get(groups, json_string_value(k));
		double inv = json_real_value(json_object_get(g, "investment"));

		json_object_set_new(g, "investment", json_real(round_half_up(inv,
		    2)));
		json_object_set_new(g, "investment_yi", json_real(round_half_up(
		    inv / 10000.0, 1)));
		json_array_append(list, g);
	}
	return list;
}

static json_t *
gaps_json(enum cadence_unit u, const struct date *dates, size_t n,
    struct date from, struct date to)
{
	struct cadence_gap g[120];
	size_t k = cadence_gaps(u, dates, n, from, to, g, 120);
	json_t *list = json_array();
	char s[11], e[11];

	for (size_t i = 0; i < k && i < 120; i++) {
		date_format(g[i].start, s);
		date_format(g[i].end, e);
		json_array_append_new(list, json_pack("{s:i, s:i, s:s, s:s}",
		    "year", g[i].year, u == CADENCE_WEEK ? "week" :
		    u == CADENCE_MONTH ? "month" : "quarter", g[i].index,
		    "start", s, "end", e));
	}
	return list;
}

static const char *
name_or(json_t *row, const char *key, int english)
{
	const char *v = json_string_value(json_object_get(row, key));

	return v ? v : english ? "(not set)" : "（未填）";
}

enum app_err
invest_report(struct store *st, const struct actor *a, struct date from,
    struct date to, json_t **out)
{
	char fs[11], ts[11], ws[11], mkey[16];
	json_t *moves = NULL, *events = NULL, *hl = NULL;
	json_t *settings = NULL, *m, *seen = json_object();
	json_t *bychain = json_object(), *corder = json_array();
	json_t *byregion = json_object(), *rorder = json_array();
	json_t *byoffice = json_object(), *oorder = json_array();
	json_t *months = json_object(), *morder = json_array(), *monthly;
	json_t *funnel = json_array(), *evlist = json_array();
	long entered[STAGE__MAX] = {0}, current[STAGE__MAX] = {0}, stalled = 0;
	long signed_n = 0;
	double signed_inv = 0, target;
	struct date hd[1000], ed[400], sd[400];
	size_t nh = 0, ne = 0, ns = 0, i;
	enum app_err e;

	date_format(from, fs);
	date_format(to, ts);
	/* A week, month or quarter that began before from counts with all its
	 * days: fetch events and highlights from a quarter earlier. */
	date_format(date_add_days(from, -92), ws);
	if ((e = store_rows(st, STMT_STAGE_MOVES, (struct store_val[]){
	    SV_I(a->zone_id), SV_T(fs), SV_T(ts)}, 3, &moves)) != APP_OK ||
	    (e = store_rows(st, STMT_EVENT_DATES, (struct store_val[]){
	    SV_I(a->zone_id), SV_T(ws), SV_T(ts)}, 3, &events)) != APP_OK ||
	    (e = store_rows(st, STMT_HIGHLIGHT_DATES, (struct store_val[]){
	    SV_I(a->zone_id), SV_T(ws), SV_T(ts)}, 3, &hl)) != APP_OK ||
	    (e = leads_funnel(st, a, to, current, &stalled)) != APP_OK ||
	    (e = settings_load(st, a->zone_id, &settings)) != APP_OK)
		goto out;
	target = settings_num(settings, "invest.monthly_target");
	/* Months of the period, each with its negotiations count. */
	for (struct date d = {from.y, from.m, 1}; date_cmp(d, to) <= 0;
	    d = d.m == 12 ? (struct date){d.y + 1, 1, 1} :
	    (struct date){d.y, d.m + 1, 1}) {
		snprintf(mkey, sizeof mkey, "%04d-%02d", d.y % 10000, d.m % 100);
		json_object_set_new(months, mkey, json_integer(0));
		json_array_append_new(morder, json_string(mkey));
	}
	json_array_foreach(moves, i, m) {
		const char *stg = json_string_value(json_object_get(m, "stage"));
		const char *d = json_string_value(json_object_get(m, "date"));
		int s = stage_parse(stg);
		char lid[24];

		if (s < 0)
			continue;
		entered[s]++;
		if (s == STAGE_NEGOTIATING) {
			snprintf(mkey, sizeof mkey, "%.7s", d);
			json_object_set_new(months, mkey, json_integer(
			    json_integer_value(json_object_get(months,
			    mkey)) + 1));
		}
		snprintf(lid, sizeof lid, "%lld", (long long)json_integer_value(
		    json_object_get(m, "lead_id")));
		/* A lead signed twice in the period counts once. */
		if (s == STAGE_SIGNED && json_object_get(seen, lid) == NULL) {
			double inv = json_number_value(json_object_get(m,
			    "planned_investment"));

			json_object_set_new(seen, lid, json_true());
			signed_n++;
			signed_inv += inv;
			group_add(bychain, corder, name_or(m, "chain_name",
			    a->english), inv);
			group_add(byregion, rorder, name_or(m, "region_name",
			    a->english), inv);
			group_add(byoffice, oorder, name_or(m, "office_name",
			    a->english), inv);
		}
	}
	for (int s = 0; s < STAGE__MAX; s++)
		json_array_append_new(funnel, json_pack("{s:s, s:s, s:i, s:i}",
		    "stage", stage_codes[s], "label", stage_label(s, a->english),
		    "entered", (int)entered[s], "current", (int)current[s]));
	monthly = json_array();
	json_array_foreach(morder, i, m) {
		long n = (long)json_integer_value(json_object_get(months,
		    json_string_value(m)));

		json_array_append_new(monthly, json_pack("{s:s, s:i, s:f, s:b}",
		    "month", json_string_value(m), "negotiations", (int)n,
		    "target", target, "met", (double)n >= target));
	}
	json_array_foreach(events, i, m) {
		const char *d = json_string_value(json_object_get(m, "date"));
		json_t *sum = NULL;

		if (ne < 400)
			date_parse(d, 10, &ed[ne++]);
		if (strcmp(json_string_value(json_object_get(m, "kind")),
		    "signing") == 0 && json_integer_value(json_object_get(m,
		    "signed")) > 0 && ns < 400)
			date_parse(d, 10, &sd[ns++]);
		if (strcmp(d, fs) < 0)
			continue;	/* before the period: cadence only */
		if (sevent_totals(st, a, json_integer_value(json_object_get(m,
		    "id")), &sum) == APP_OK) {
			json_object_set(m, "total_investment",
			    json_object_get(sum, "total_investment"));
			json_object_set(m, "total_yi", json_object_get(sum,
			    "total_yi"));
			json_object_set(m, "by_chain", json_object_get(sum,
			    "by_chain"));
			json_decref(sum);
		}
		json_array_append(evlist, m);
	}
	json_array_foreach(hl, i, m)
		if (nh < 1000)
			date_parse(json_string_value(json_object_get(m, "date")),
			    10, &hd[nh++]);
	*out = json_pack("{s:s, s:s, s:f, s:o, s:o,"
	    " s:{s:i, s:f, s:f, s:o, s:o, s:o}, s:o,"
	    " s:{s:o, s:o, s:o}, s:i}",
	    "from", fs, "to", ts, "monthly_target", target, "funnel", funnel,
	    "monthly", monthly,
	    "signed", "count", (int)signed_n, "investment",
	    round_half_up(signed_inv, 2), "investment_yi",
	    round_half_up(signed_inv / 10000.0, 1), "by_chain",
	    groups_list(bychain, corder), "by_region",
	    groups_list(byregion, rorder), "by_office",
	    groups_list(byoffice, oorder), "events", evlist,
	    "cadence", "weeks_without_highlight",
	    gaps_json(CADENCE_WEEK, hd, nh, from, to),
	    "months_without_event", gaps_json(CADENCE_MONTH, ed, ne, from, to),
	    "quarters_without_signing",
	    gaps_json(CADENCE_QUARTER, sd, ns, from, to),
	    "stalled", (int)stalled);
	funnel = monthly = evlist = NULL;
out:
	json_decref(moves);
	json_decref(events);
	json_decref(hl);
	json_decref(settings);
	json_decref(seen);
	json_decref(bychain);
	json_decref(corder);
	json_decref(byregion);
	json_decref(rorder);
	json_decref(byoffice);
	json_decref(oorder);
	json_decref(months);
	json_decref(morder);
	json_decref(funnel);
	json_decref(evlist);
	return e;
}

/* The period of a request: from (default January 1) to (default today). */
static enum app_err
period(struct req *r, struct date *from, struct date *to)
{
	const char *f = req_arg(r, "from"), *t = req_arg(r, "to");

	*to = date_today_cn();
	*from = (struct date){to->y, 1, 1};
	if (f != NULL && *f && date_parse(f, strlen(f), from) != 0)
		ferr_add(r->errs, "from", r->english, "日期应为YYYY-MM-DD格式",
		    "must be a date written YYYY-MM-DD");
	if (t != NULL && *t && date_parse(t, strlen(t), to) != 0)
		ferr_add(r->errs, "to", r->english, "日期应为YYYY-MM-DD格式",
		    "must be a date written YYYY-MM-DD");
	if (json_array_size(r->errs) == 0 && (date_cmp(*to, *from) < 0 ||
	    date_to_days(*to) - date_to_days(*from) > 3 * 366))
		ferr_add(r->errs, "to", r->english,
		    "结束日期应不早于开始日期，且期间不超过三年",
		    "must not be before from, and the period at most three years");
	return json_array_size(r->errs) > 0 ? APP_ERR_VALIDATION : APP_OK;
}

enum app_err
h_invest_report_xlsx(struct req *r)
{
	struct date from, to;
	json_t *rep;
	char *data, err[256];
	size_t len;
	enum app_err e;

	if ((e = period(r, &from, &to)) != APP_OK ||
	    (e = invest_report(r->st, &r->actor, from, to, &rep)) != APP_OK)
		return e;
	e = invest_report_xlsx(rep, &data, &len, err, sizeof err);
	json_decref(rep);
	if (e != APP_OK)
		return e;
	return reply_file(r, data, len,
	    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	    "investment.xlsx");
}

enum app_err
h_invest_report(struct req *r)
{
	struct date from, to;
	json_t *out;
	enum app_err e;

	if ((e = period(r, &from, &to)) != APP_OK)
		return e;
	if ((e = invest_report(r->st, &r->actor, from, to, &out)) != APP_OK)
		return e;
	return reply_json(r, 200, out);
}

enum app_err
invest_report_xlsx(json_t *rep, char **data, size_t *len, char *err,
    size_t errsz)
{
	static const struct xcol funnel_cols[] = {
		{"label", "阶段", X_TEXT, 10},
		{"entered", "期间进入(个)", X_INT, 14},
		{"current", "期末处于(个)", X_INT, 14},
	};
	static const struct xcol month_cols[] = {
		{"month", "月份", X_TEXT, 10},
		{"negotiations", "新增洽谈(个)", X_INT, 14},
		{"target", "月度目标(个)", X_NUMBER, 14},
	};
	static const struct xcol group_cols[] = {
		{"dimension", "维度", X_TEXT, 10}, {"name", "名称", X_TEXT, 20},
		{"count", "签约项目(个)", X_INT, 14},
		{"investment", "计划投资(万元)", X_MONEY, 16},
		{"investment_yi", "计划投资(亿元)", X_NUMBER, 14},
	};
	static const struct xcol event_cols[] = {
		{"date", "日期", X_DATE, 12}, {"title", "活动", X_TEXT, 30},
		{"kind", "类型", X_TEXT, 10}, {"mode", "方式", X_TEXT, 10},
		{"signed", "签约项目(个)", X_INT, 12},
		{"total_yi", "总投资(亿元)", X_NUMBER, 12},
	};
	static const struct xcol gap_cols[] = {
		{"rule", "要求", X_TEXT, 12}, {"start", "开始", X_DATE, 12},
		{"end", "结束", X_DATE, 12},
	};
	static const char *const dims[][2] = {{"by_chain", "产业链"},
	    {"by_region", "来源地区"}, {"by_office", "联络处"}};
	static const char *const rules[][2] = {
		{"weeks_without_highlight", "周周有亮点"},
		{"months_without_event", "月月有活动"},
		{"quarters_without_signing", "季季有签约"}};
	json_t *groups = json_array(), *gaps = json_array(), *g;
	json_t *sg = json_object_get(rep, "signed");
	json_t *cad = json_object_get(rep, "cadence");
	char title[96];
	size_t i;
	enum app_err e;

	for (size_t d = 0; d < 3; d++)
		json_array_foreach(json_object_get(sg, dims[d][0]), i, g) {
			json_t *row = json_deep_copy(g);

			json_object_set_new(row, "dimension",
			    json_string(dims[d][1]));
			json_array_append_new(groups, row);
		}
	for (size_t k = 0; k < 3; k++)
		json_array_foreach(json_object_get(cad, rules[k][0]), i, g) {
			json_t *row = json_deep_copy(g);

			json_object_set_new(row, "rule", json_string(rules[k][1]));
			json_array_append_new(gaps, row);
		}
	snprintf(title, sizeof title, "招商引资（%s至%s）",
	    json_string_value(json_object_get(rep, "from")),
	    json_string_value(json_object_get(rep, "to")));
	{
		struct xsheet sh[5] = {
			{"漏斗", title, funnel_cols, 3,
			    json_object_get(rep, "funnel")},
			{"月度洽谈", NULL, month_cols, 3,
			    json_object_get(rep, "monthly")},
			{"签约分布", NULL, group_cols, 5, groups},
			{"签约活动", NULL, event_cols, 6,
			    json_object_get(rep, "events")},
			{"节奏", NULL, gap_cols, 3, gaps},
		};

		e = xlsx_write_buffer(sh, 5, data, len, err, errsz);
	}
	json_decref(groups);
	json_decref(gaps);
	return e;
}
