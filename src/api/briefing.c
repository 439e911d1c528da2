/*
 * The briefing. Every figure in a sentence is read from the report that
 * the pages and the CLI show for the same dates (kfg_report, project_list,
 * invest_report, acc_report), never counted again here; "figures" keeps
 * them side by side so a test can hold the prose to the reports.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/acceptance.h"
#include "api/mujun.h"
#include "api/service.h"
#include "api/briefing.h"
#include "api/handlers.h"
#include "api/invest_report.h"
#include "api/kaifugong.h"
#include "api/projects.h"
#include "api/validate.h"
#include "domain/kfg.h"
#include "http/reply.h"
#include "io/xlsx_write.h"
#include "util/buf.h"

static void
cn_date(struct date d, char *out, size_t n)
{
	snprintf(out, n, "%d年%d月%d日", d.y, d.m, d.d);
}

static void
cn_date_s(const char *iso, char *out, size_t n)
{
	struct date d;

	if (iso != NULL && date_parse(iso, strlen(iso), &d) == 0)
		cn_date(d, out, n);
	else
		snprintf(out, n, "%s", iso ? iso : "");
}

static long long
ival(json_t *o, const char *k)
{
	return json_integer_value(json_object_get(o, k));
}

static double
nval(json_t *o, const char *k)
{
	return json_number_value(json_object_get(o, k));
}

static void
para(json_t *list, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
para(json_t *list, const char *fmt, ...)
{
	char buf[4096];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	json_array_append_new(list, json_string(buf));
}

static void
flag(json_t *flags, json_t *paras, const char *section, const char *msg)
{
	json_array_append_new(flags, json_pack("{s:s, s:s}", "section",
	    section, "message", msg));
	para(paras, "【数据提示】%s", msg);
}

/* Names in a short list: "甲、乙、丙等5个". */
static void
names(json_t *rows, const char *key, size_t max, char *out, size_t n)
{
	size_t used = 0, i;
	json_t *r;

	out[0] = '\0';
	json_array_foreach(rows, i, r) {
		if (i >= max)
			break;
		used += (size_t)snprintf(out + used, used < n ? n - used : 0,
		    "%s%s", i ? "、" : "", json_string_value(json_object_get(r,
		    key)));
	}
	if (json_array_size(rows) > max && used < n)
		snprintf(out + used, n - used, "等%zu个", json_array_size(rows));
}

static enum app_err
projects_section(struct store *st, const struct actor *a, struct date as_of,
    json_t *kfg, json_t *sec, json_t *att, json_t *flags, json_t *fig)
{
	struct project_query pq = {.as_of = as_of, .year = as_of.y,
	    .lq = {.limit = 1000000, .sort = "code"}};
	json_t *list = NULL, *p, *red = json_array(), *inv, *g, *rows = NULL;
	char d[64], year1[11], asof[11], who[512];
	long gdue = 0, gstarted = 0;
	size_t i;
	enum app_err e;

	if ((e = project_list(st, a, &pq, &list)) != APP_OK) {
		json_decref(red);
		return e;
	}
	cn_date(as_of, d, sizeof d);
	inv = json_object_get(kfg, "investment");
	para(sec, "截至%s，全区%d年应开复工重点项目%lld个，已开复工%lld个，开复工率%s"
	    "（保留一位小数，四舍五入）。", d, as_of.y, ival(kfg, "due"),
	    ival(kfg, "started"), json_string_value(json_object_get(kfg,
	    "rate_text")));
	para(sec, "%d年重点项目年度计划投资%.1f亿元，截至%s已完成%.1f亿元，完成年度计划的"
	    "%.1f%%。", as_of.y, round_half_up(nval(inv, "planned") / 10000.0, 1),
	    d, round_half_up(nval(inv, "completed") / 10000.0, 1),
	    json_is_number(json_object_get(inv, "percent")) ?
	    nval(inv, "percent") : 0.0);
	json_array_foreach(json_object_get(list, "items"), i, p)
		if (strcmp(json_string_value(json_object_get(p, "light")),
		    "red") == 0)
			json_array_append(red, p);
	{
		json_t *l = json_object_get(list, "lights");

		para(sec, "年度清单内项目亮红灯%lld个、黄灯%lld个、绿灯%lld个。",
		    ival(l, "red"), ival(l, "yellow"), ival(l, "green"));
		json_object_set_new(fig, "red", json_integer(ival(l, "red")));
		json_object_set_new(fig, "yellow", json_integer(ival(l,
		    "yellow")));
	}
	if (json_array_size(red) > 0) {
		names(red, "name", 8, who, sizeof who);
		para(att, "红灯项目：%s，请重点调度。", who);
	}
	{
		long long overdue = 0;

		json_array_foreach(json_object_get(list, "items"), i, p)
			overdue += ival(p, "overdue_problems");
		if (overdue > 0)
			para(att, "需协调解决的问题中有%lld个已超过办结时限。", overdue);
		json_object_set_new(fig, "overdue_problems",
		    json_integer(overdue));
	}
	/* A group total that differs from the whole is said, not printed. */
	json_array_foreach(json_object_get(kfg, "groups"), i, g) {
		gdue += (long)ival(g, "due");
		gstarted += (long)ival(g, "started");
	}
	if (json_array_size(json_object_get(kfg, "groups")) > 0 &&
	    (gdue != ival(kfg, "due") || gstarted != ival(kfg, "started")))
		flag(flags, sec, "projects", "按园区分组的合计与全区总数不一致，请核对项目所在园区。");
	date_format((struct date){as_of.y, 1, 1}, year1);
	date_format(as_of, asof);
	if (store_rows(st, STMT_FLAG_EARLY_START, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(as_of.y), SV_T(year1)}, 3, &rows) == APP_OK &&
	    json_array_size(rows) > 0) {
		char msg[1024];

		names(rows, "name", 5, who, sizeof who);
		snprintf(msg, sizeof msg, "%s列为%d年新开工，但开工日期早于%d年，"
		    "请核实年度类别或开工日期。", who, as_of.y, as_of.y);
		flag(flags, sec, "projects", msg);
	}
	json_decref(rows);
	rows = NULL;
	if (store_rows(st, STMT_FLAG_INVEST_DOWN, (struct store_val[]){
	    SV_I(a->zone_id), SV_T(asof)}, 2, &rows) == APP_OK &&
	    json_array_size(rows) > 0) {
		char msg[1024];

		names(rows, "name", 5, who, sizeof who);
		snprintf(msg, sizeof msg, "%s的累计完成投资出现下降（共%zu次填报），"
		    "完成投资数据请核实后使用。", who, json_array_size(rows));
		flag(flags, sec, "projects", msg);
	}
	json_decref(rows);
	json_object_set(fig, "due", json_object_get(kfg, "due"));
	json_object_set(fig, "started", json_object_get(kfg, "started"));
	json_object_set(fig, "rate_text", json_object_get(kfg, "rate_text"));
	json_decref(red);
	json_decref(list);
	return APP_OK;
}

static void
invest_section(struct store *st, const struct actor *a, json_t *inv,
    const char *fs, const char *ts, json_t *sec, json_t *att, json_t *flags,
    json_t *fig)
{
	json_t *f = json_object_get(inv, "funnel"), *s, *ev, *cad, *rows = NULL;
	char from[64], to[64];
	long long nego = 0, events = 0, reg = 0, started = 0, prod = 0;
	size_t i;

	cn_date_s(fs, from, sizeof from);
	cn_date_s(ts, to, sizeof to);
	json_array_foreach(f, i, s) {
		const char *k = json_string_value(json_object_get(s, "stage"));

		if (strcmp(k, "negotiating") == 0)
			nego = ival(s, "entered");
		else if (strcmp(k, "registered") == 0)
			reg = ival(s, "current");
		else if (strcmp(k, "started") == 0)
			started = ival(s, "current");
		else if (strcmp(k, "producing") == 0)
			prod = ival(s, "current");
	}
	json_array_foreach(json_object_get(inv, "events"), i, ev)
		events += strcmp(json_string_value(json_object_get(ev, "kind")),
		    "signing") == 0;
	s = json_object_get(inv, "signed");
	para(sec, "%s至%s，新增洽谈项目%lld个（每月目标%.0f个）；举办签约活动%lld场，"
	    "签约项目%lld个，总投资%.1f亿元。", from, to, nego,
	    nval(inv, "monthly_target"), events, ival(s, "count"),
	    nval(s, "investment_yi"));
	para(sec, "签约项目落地方面，截至%s已注册%lld个、已开工%lld个、已投产%lld个；"
	    "签约后长期无进展的项目%lld个。", to, reg, started, prod,
	    ival(inv, "stalled"));
	json_object_set_new(fig, "negotiations", json_integer(nego));
	json_object_set(fig, "signed", json_object_get(s, "count"));
	json_object_set(fig, "signed_yi", json_object_get(s, "investment_yi"));
	cad = json_object_get(inv, "cadence");
	{
		size_t w = json_array_size(json_object_get(cad,
		    "weeks_without_highlight"));
		size_t m = json_array_size(json_object_get(cad,
		    "months_without_event"));
		size_t q = json_array_size(json_object_get(cad,
		    "quarters_without_signing"));

		if (w || m || q)
			para(att, "招商工作节奏：本期有%zu周没有亮点、%zu个月没有活动、"
			    "%zu个季度没有签约，“周周有亮点、月月有活动、季季有签约”未完全做到。",
			    w, m, q);
	}
	if (ival(inv, "stalled") > 0)
		para(att, "已签约项目中有%lld个长期无进展，请跟进落地。",
		    ival(inv, "stalled"));
	if (store_rows(st, STMT_FLAG_SIGNED_BEFORE_CONTACT, (struct store_val[]){
	    SV_I(a->zone_id), SV_T(ts)}, 2, &rows) == APP_OK &&
	    json_array_size(rows) > 0) {
		char msg[1024], who[512];

		names(rows, "project_name", 5, who, sizeof who);
		snprintf(msg, sizeof msg, "%s的签约日期早于首次洽谈记录，请核实签约或洽谈日期。",
		    who);
		flag(flags, sec, "investment", msg);
	}
	json_decref(rows);
}

static void
acceptance_section(json_t *acc, const char *fs, const char *ts, json_t *sec,
    json_t *att, json_t *fig)
{
	char from[64], to[64];

	cn_date_s(fs, from, sizeof from);
	cn_date_s(ts, to, sizeof to);
	para(sec, "%s至%s，受理联合验收案件%lld个，已通过%lld个，在办%lld个（其中超期%lld个）；"
	    "平均用时%.1f个工作日，并联审查比串联累计节省%lld个工作日，企业共提交材料%lld次。",
	    from, to, ival(acc, "count"), ival(acc, "passed"), ival(acc, "open"),
	    ival(acc, "overdue"), nval(acc, "average_days"),
	    ival(acc, "days_saved"), ival(acc, "submissions"));
	if (ival(acc, "overdue") > 0)
		para(att, "联合验收有%lld个案件超过审查时限。", ival(acc, "overdue"));
	json_object_set(fig, "acceptance_cases", json_object_get(acc, "count"));
	json_object_set(fig, "days_saved", json_object_get(acc, "days_saved"));
}

/*
 * The 亩均 class distribution of the latest year with figures up to the
 * as-of year (evaluations are of a past year); NULL when there is none.
 */
static enum app_err
mujun_latest(struct store *st, const struct actor *a, struct date as_of,
    json_t **out)
{
	json_t *years = NULL, *y;
	size_t i;
	enum app_err e;

	*out = NULL;
	if ((e = store_rows(st, STMT_MUJUN_YEARS, (struct store_val[]){
	    SV_I(a->zone_id)}, 1, &years)) != APP_OK)
		return e;
	json_array_foreach(years, i, y)
		if (ival(y, "year") <= as_of.y) {
			e = mujun_distribution(st, a->zone_id, (int)ival(y,
			    "year"), a->english, out);
			break;
		}
	json_decref(years);
	return e;
}

/* Enterprise requests: those received in the period (svc), and all of
 * them as they stood on the day (all). */
static void
service_section(json_t *svc, json_t *all, json_t *mj, const char *fs,
    const char *ts, json_t *sec, json_t *att, json_t *fig)
{
	json_t *q = json_object_get(svc, "requests");
	json_t *qa = json_object_get(all, "requests");
	json_t *checks = json_object_get(all, "checks"), *k;
	char from[64], to[64], avg[48] = "", sat[80] = "";
	long long sched = 0, up = 0;
	size_t i;

	cn_date_s(fs, from, sizeof from);
	cn_date_s(ts, to, sizeof to);
	if (json_is_number(json_object_get(q, "avg_resolve_workdays")))
		snprintf(avg, sizeof avg, "（平均用时%.1f个工作日）",
		    nval(q, "avg_resolve_workdays"));
	para(sec, "%s至%s，受理企业诉求%lld件，其中已办结%lld件%s。", from, to,
	    ival(q, "received"), ival(q, "resolved"), avg);
	if (ival(qa, "rated") > 0)
		snprintf(sat, sizeof sat, "；企业累计评价%lld件，平均满意度%.1f分（满分5分）",
		    ival(qa, "rated"), nval(qa, "satisfaction"));
	para(sec, "截至%s，全区未办结企业诉求%lld件，其中逾期%lld件、已上报领导%lld件%s。",
	    to, ival(qa, "open"), ival(qa, "overdue"), ival(qa, "escalated"),
	    sat);
	json_array_foreach(json_object_get(checks, "by_kind"), i, k) {
		sched += ival(k, "scheduled");
		up += ival(k, "up_to_date");
	}
	if (sched > 0)
		para(sec, "商务楼宇检查（消杀、排查、安全检查）应按期%lld栋次，"
		    "按期完成%lld栋次，逾期未检查%zu栋次。", sched, up,
		    json_array_size(json_object_get(checks, "overdue")));
	if (mj != NULL && ival(mj, "count") > 0) {
		json_t *c = json_object_get(mj, "classes");

		para(sec, "%lld年度亩均效益评价参评企业%lld家，其中A类%lld家、B类%lld家、"
		    "C类%lld家、D类%lld家。", ival(mj, "year"), ival(mj, "count"),
		    ival(c, "A"), ival(c, "B"), ival(c, "C"), ival(c, "D"));
		json_object_set(fig, "mujun_year", json_object_get(mj, "year"));
		json_object_set(fig, "mujun_count", json_object_get(mj, "count"));
		json_object_set(fig, "mujun_classes", c);
	}
	if (ival(qa, "overdue") > 0)
		para(att, "企业诉求有%lld件超过办理时限，请督促包保专员加快办理。",
		    ival(qa, "overdue"));
	json_object_set(fig, "requests", json_object_get(q, "received"));
	json_object_set(fig, "requests_open", json_object_get(qa, "open"));
	json_object_set(fig, "requests_overdue", json_object_get(qa, "overdue"));
	json_object_set(fig, "satisfaction", json_object_get(qa, "satisfaction"));
}

enum app_err
briefing_build(struct store *st, const struct actor *a, struct date as_of,
    const char *period, json_t **out)
{
	struct date from = as_of;
	json_t *kfg = NULL, *inv = NULL, *acc = NULL, *svc = NULL, *sall = NULL;
	json_t *mj = NULL;
	json_t *sections;
	json_t *flags, *fig;
	json_t *sp = json_array(), *si = json_array(), *sa = json_array();
	json_t *ss = json_array(), *att = json_array();
	char fs[11], ts[11], title[128], d[64];
	enum app_err e;

	if (period == NULL || strcmp(period, "month") == 0) {
		period = "month";
		from.d = 1;
	} else if (strcmp(period, "week") == 0)
		from = date_add_days(as_of, -6);
	else if (strcmp(period, "quarter") == 0) {
		from.m = (date_quarter(as_of) - 1) * 3 + 1;
		from.d = 1;
	} else
		period = NULL;
	flags = json_array();
	fig = json_object();
	if (period == NULL)
		e = APP_ERR_VALIDATION;
	else if ((e = kfg_report(st, a->zone_id, as_of, as_of.y, "park", 0, 1,
	    &kfg)) == APP_OK && (e = invest_report(st, a, from, as_of, &inv)) ==
	    APP_OK && (e = acc_report(st, a, from, as_of, &acc)) == APP_OK)
		e = svc_report(st, a, from, as_of, &svc);
	if (e == APP_OK)
		e = svc_report(st, a, (struct date){0}, as_of, &sall);
	if (e == APP_OK)
		e = mujun_latest(st, a, as_of, &mj);
	if (e == APP_OK)
		e = projects_section(st, a, as_of, kfg, sp, att, flags, fig);
	if (e != APP_OK) {
		json_decref(kfg);
		json_decref(inv);
		json_decref(acc);
		json_decref(svc);
		json_decref(sall);
		json_decref(mj);
		json_decref(sp);
		json_decref(si);
		json_decref(sa);
		json_decref(ss);
		json_decref(att);
		json_decref(flags);
		json_decref(fig);
		return e;
	}
	date_format(from, fs);
	date_format(as_of, ts);
	invest_section(st, a, inv, fs, ts, si, att, flags, fig);
	acceptance_section(acc, fs, ts, sa, att, fig);
	service_section(svc, sall, mj, fs, ts, ss, att, fig);
	if (json_array_size(att) == 0)
		para(att, "本期各项工作未发现需要领导特别关注的事项。");
	cn_date(as_of, d, sizeof d);
	snprintf(title, sizeof title, "工作简报（截至%s）", d);
	sections = json_pack("[{s:s, s:s, s:o}, {s:s, s:s, s:o}, {s:s, s:s, s:o},"
	    " {s:s, s:s, s:o}, {s:s, s:s, s:o}]",
	    "key", "projects", "title", "一、重点项目建设", "paragraphs", sp,
	    "key", "investment", "title", "二、招商引资", "paragraphs", si,
	    "key", "acceptance", "title", "三、联合验收", "paragraphs", sa,
	    "key", "service", "title", "四、企业服务", "paragraphs", ss,
	    "key", "attention", "title", "五、需要领导关注的事项", "paragraphs",
	    att);
	*out = json_pack("{s:s, s:s, s:s, s:s, s:s, s:o, s:o, s:o,"
	    " s:{s:o, s:o, s:o, s:o, s:o, s:o}}", "title", title, "as_of", ts, "period",
	    period, "from", fs, "to", ts, "sections", sections, "flags", flags,
	    "figures", fig, "reports", "kaifugong", kfg, "investment", inv,
	    "acceptance", acc, "service", svc, "service_all", sall, "mujun",
	    mj ? mj : json_null());
	return APP_OK;
}

char *
briefing_text(json_t *b)
{
	struct buf out = {0};
	json_t *s, *p;
	size_t i, k;

	buf_printf(&out, "%s\n\n", json_string_value(json_object_get(b,
	    "title")));
	json_array_foreach(json_object_get(b, "sections"), i, s) {
		buf_printf(&out, "%s\n", json_string_value(json_object_get(s,
		    "title")));
		json_array_foreach(json_object_get(s, "paragraphs"), k, p)
			buf_printf(&out, "    %s\n", json_string_value(p));
		buf_puts(&out, "\n");
	}
	return out.p;
}

static void
html_text(struct buf *b, const char *s)
{
	for (; *s; s++)
		switch (*s) {
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '&': buf_puts(b, "&amp;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		default: buf_append(b, s, 1);
		}
}

char *
briefing_html(json_t *b)
{
	struct buf out = {0};
	json_t *s, *p;
	size_t i, k;

	buf_puts(&out, "<!doctype html>\n<html lang=\"zh-CN\"><head>"
	    "<meta charset=\"utf-8\"><title>");
	html_text(&out, json_string_value(json_object_get(b, "title")));
	buf_puts(&out, "</title><style>"
	    "body{font-family:\"Noto Serif CJK SC\",\"SimSun\",serif;"
	    "max-width:42em;margin:2em auto;line-height:1.9;color:#111}"
	    "h1{text-align:center;font-size:1.6em}h2{font-size:1.15em;"
	    "margin-top:1.4em}p{text-indent:2em;margin:.4em 0}"
	    "@media print{body{margin:0;max-width:none}@page{size:A4;"
	    "margin:2.5cm 2.2cm}h2{break-after:avoid}}"
	    "</style></head><body><h1>");
	html_text(&out, json_string_value(json_object_get(b, "title")));
	buf_puts(&out, "</h1>\n");
	json_array_foreach(json_object_get(b, "sections"), i, s) {
		buf_puts(&out, "<h2>");
		html_text(&out, json_string_value(json_object_get(s, "title")));
		buf_puts(&out, "</h2>\n");
		json_array_foreach(json_object_get(s, "paragraphs"), k, p) {
			buf_puts(&out, "<p>");
			html_text(&out, json_string_value(p));
			buf_puts(&out, "</p>\n");
		}
	}
	buf_puts(&out, "</body></html>\n");
	return out.p;
}

enum app_err
briefing_xlsx(json_t *b, char **data, size_t *len, char *err, size_t errsz)
{
	static const struct xcol para_cols[] = {
		{"section", "部分", X_TEXT, 24}, {"text", "内容", X_TEXT, 110},
	};
	static const struct xcol group_cols[] = {
		{"name", "园区", X_TEXT, 16}, {"due", "应开复工(个)", X_INT, 12},
		{"started", "已开复工(个)", X_INT, 12},
		{"rate_percent", "开复工率", X_PERCENT, 10},
		{"planned", "年度计划投资(万元)", X_MONEY, 18},
		{"completed", "已完成投资(万元)", X_MONEY, 18},
	};
	static const struct xcol month_cols[] = {
		{"month", "月份", X_TEXT, 10},
		{"negotiations", "新增洽谈(个)", X_INT, 12},
		{"target", "月度目标(个)", X_NUMBER, 12},
	};
	static const struct xcol event_cols[] = {
		{"date", "日期", X_DATE, 12}, {"title", "活动", X_TEXT, 30},
		{"signed", "签约项目(个)", X_INT, 12},
		{"total_yi", "总投资(亿元)", X_NUMBER, 12},
	};
	static const struct xcol case_cols[] = {
		{"title", "案件", X_TEXT, 30},
		{"applicant_name", "申请单位", X_TEXT, 28},
		{"status_label", "状态", X_TEXT, 10},
		{"submitted_on", "提交日期", X_DATE, 12},
		{"parallel_days", "并联用时(工作日)", X_INT, 14},
		{"serial_days", "串联用时(工作日)", X_INT, 14},
		{"days_saved", "节省(工作日)", X_INT, 12},
	};
	static const struct xcol svc_cols[] = {
		{"label", "诉求类别", X_TEXT, 12}, {"received", "受理(件)", X_INT, 10},
		{"resolved", "已办结(件)", X_INT, 10}, {"open", "未办结(件)", X_INT, 10},
		{"overdue", "逾期(件)", X_INT, 10},
		{"escalated", "已上报(件)", X_INT, 10},
		{"avg_resolve_workdays", "平均办结(工作日)", X_NUMBER, 14},
		{"satisfaction", "平均满意度", X_NUMBER, 10},
	};
	static const struct xcol check_cols[] = {
		{"label", "楼宇检查", X_TEXT, 12},
		{"scheduled", "纳入计划(栋)", X_INT, 12},
		{"up_to_date", "按期(栋)", X_INT, 10},
		{"coverage", "覆盖率", X_PERCENT, 10},
	};
	static const struct xcol mujun_cols[] = {
		{"name", "园区", X_TEXT, 16}, {"count", "参评企业(家)", X_INT, 12},
		{"A", "A类", X_INT, 8}, {"B", "B类", X_INT, 8},
		{"C", "C类", X_INT, 8}, {"D", "D类", X_INT, 8},
	};
	static const struct xcol flag_cols[] = {
		{"section", "部分", X_TEXT, 14}, {"message", "数据提示", X_TEXT, 90},
	};
	json_t *rep = json_object_get(b, "reports"), *paras = json_array(), *s, *p;
	json_t *parks = json_array();
	size_t i, k;
	enum app_err e;

	json_array_foreach(json_object_get(b, "sections"), i, s)
		json_array_foreach(json_object_get(s, "paragraphs"), k, p)
			json_array_append_new(paras, json_pack("{s:O, s:O}",
			    "section", json_object_get(s, "title"), "text", p));
	/* The 亩均 classes by park, flat for the sheet. */
	json_array_foreach(json_object_get(json_object_get(rep, "mujun"),
	    "by_park"), i, p) {
		json_t *c = json_object_get(p, "classes");

		json_array_append_new(parks, json_pack("{s:O, s:O, s:O, s:O, s:O,"
		    " s:O}", "name", json_object_get(p, "name"), "count",
		    json_object_get(p, "count"), "A", json_object_get(c, "A"),
		    "B", json_object_get(c, "B"), "C", json_object_get(c, "C"),
		    "D", json_object_get(c, "D")));
	}
	{
		json_t *svc = json_object_get(rep, "service");
		struct xsheet sh[9] = {
			{"简报", json_string_value(json_object_get(b, "title")),
			    para_cols, 2, paras},
			{"开复工", NULL, group_cols, 6, json_object_get(
			    json_object_get(rep, "kaifugong"), "groups")},
			{"新增洽谈", NULL, month_cols, 3, json_object_get(
			    json_object_get(rep, "investment"), "monthly")},
			{"签约活动", NULL, event_cols, 4, json_object_get(
			    json_object_get(rep, "investment"), "events")},
			{"联合验收", NULL, case_cols, 7, json_object_get(
			    json_object_get(rep, "acceptance"), "cases")},
			{"企业诉求", NULL, svc_cols, 8, json_object_get(svc,
			    "by_category")},
			{"楼宇检查", NULL, check_cols, 4, json_object_get(
			    json_object_get(json_object_get(rep, "service_all"),
			    "checks"), "by_kind")},
			{"亩均分类", NULL, mujun_cols, 6, parks},
			{"数据提示", NULL, flag_cols, 2, json_object_get(b,
			    "flags")},
		};

		e = xlsx_write_buffer(sh, 9, data, len, err, errsz);
	}
	json_decref(parks);
	json_decref(paras);
	return e;
}

static enum app_err
parse(struct req *r, struct date *as_of, const char **period)
{
	const char *v = req_arg(r, "as_of");

	*as_of = date_today_cn();
	*period = req_arg(r, "period");
	if (v != NULL && *v && date_parse(v, strlen(v), as_of) != 0)
		ferr_add(r->errs, "as_of", r->english, "日期应为YYYY-MM-DD格式",
		    "must be a date written YYYY-MM-DD");
	if (*period != NULL && strcmp(*period, "week") &&
	    strcmp(*period, "month") && strcmp(*period, "quarter"))
		ferr_add(r->errs, "period", r->english,
		    "取值应为以下之一：week, month, quarter",
		    "must be one of: week, month, quarter");
	return json_array_size(r->errs) ? APP_ERR_VALIDATION : APP_OK;
}

enum app_err
h_briefing(struct req *r)
{
	struct date as_of;
	const char *period;
	json_t *b;
	char *text;
	enum app_err e;

	if ((e = parse(r, &as_of, &period)) != APP_OK ||
	    (e = briefing_build(r->st, &r->actor, as_of, period, &b)) != APP_OK)
		return e;
	text = briefing_text(b);
	json_object_set_new(b, "text", json_string(text));
	free(text);
	return reply_json(r, 200, b);
}

enum app_err
h_briefing_xlsx(struct req *r)
{
	struct date as_of;
	const char *period;
	json_t *b;
	char *data, err[256];
	size_t len;
	enum app_err e;

	if ((e = parse(r, &as_of, &period)) != APP_OK ||
	    (e = briefing_build(r->st, &r->actor, as_of, period, &b)) != APP_OK)
		return e;
	e = briefing_xlsx(b, &data, &len, err, sizeof err);
	json_decref(b);
	if (e != APP_OK)
		return e;
	return reply_file(r, data, len,
	    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	    "briefing.xlsx");
}
