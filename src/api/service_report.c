/*
 * The enterprise service report: requests received in a period, their
 * state as of a day (open, overdue, resolved, confirmed), average working
 * days to resolve and satisfaction, by officer and by category; and the
 * coverage of building checks. Every figure is computed from the dated
 * steps, so a report as of an earlier day shows that day.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/args.h"
#include "api/calendar.h"
#include "api/rows.h"
#include "api/service.h"
#include "api/validate.h"
#include "http/reply.h"
#include "io/xlsx_write.h"

struct tally {
	long long received, open, overdue, resolved, confirmed, escalated;
	long long days, rated, stars;	/* sums for the averages */
};


/* Whether step k happened by day d (its date is set and ≤ d). */
static int
by(json_t *q, const char *k, const char *d)
{
	const char *s = json_str_of(q, k);

	return s != NULL && strcmp(s, d) <= 0;
}

static void
count(struct tally *t, json_t *q, const char *asof, const struct workcal *c)
{
	struct date rec, res;
	int open = !by(q, "resolved_on", asof);

	t->received++;
	t->escalated += by(q, "escalated_on", asof);
	if (open) {
		t->open++;
		/* Late: a limit passed before the step it limits. */
		if (strcmp(json_str_of(q, "due_resolve"), asof) < 0 ||
		    (!by(q, "started_on", asof) &&
		    strcmp(json_str_of(q, "due_start"), asof) < 0) ||
		    (!by(q, "answered_on", asof) &&
		    strcmp(json_str_of(q, "due_answer"), asof) < 0))
			t->overdue++;
		return;
	}
	t->resolved++;
	if (date_parse(json_str_of(q, "received_on"), 10, &rec) == 0 &&
	    date_parse(json_str_of(q, "resolved_on"), 10, &res) == 0)
		t->days += workcal_count(c, rec, res);
	if (by(q, "confirmed_on", asof)) {
		t->confirmed++;
		if (json_is_integer(json_object_get(q, "satisfaction"))) {
			t->rated++;
			t->stars += json_integer_value(json_object_get(q,
			    "satisfaction"));
		}
	}
}

static double
avg(long long sum, long long n)
{
	return n > 0 ? round(10.0 * (double)sum / (double)n) / 10.0 : 0;
}

static json_t *
tally_json(const struct tally *t)
{
	return json_pack("{s:I, s:I, s:I, s:I, s:I, s:I, s:o, s:o, s:I}",
	    "received", (json_int_t)t->received, "open", (json_int_t)t->open,
	    "overdue", (json_int_t)t->overdue, "resolved",
	    (json_int_t)t->resolved, "confirmed", (json_int_t)t->confirmed,
	    "escalated", (json_int_t)t->escalated, "avg_resolve_workdays",
	    t->resolved ? json_real(avg(t->days, t->resolved)) : json_null(),
	    "satisfaction", t->rated ? json_real(avg(t->stars, t->rated)) :
	    json_null(), "rated", (json_int_t)t->rated);
}

/* Building checks: per kind, buildings on a schedule and those up to date. */
static json_t *
checks_json(json_t *status, json_t **overdue)
{
	static const char *const kinds[] = {"disinfection", "screening",
	    "safety"};
	static const char *const labels[] = {"消杀", "排查", "安全检查"};
	json_t *out = json_array(), *b;
	size_t i;

	*overdue = json_array();
	for (int k = 0; k < 3; k++) {
		long long sched = 0, ok = 0;

		json_array_foreach(status, i, b) {
			json_t *c = json_object_get(json_object_get(b, "checks"),
			    kinds[k]);

			if (json_integer_value(json_object_get(c,
			    "every_days")) <= 0)
				continue;
			sched++;
			if (!json_is_true(json_object_get(c, "overdue"))) {
				ok++;
				continue;
			}
			json_array_append_new(*overdue, json_pack("{s:O, s:O, s:s,"
			    " s:s, s:O, s:O, s:O}", "building_id",
			    json_object_get(b, "id"), "building",
			    json_object_get(b, "name"), "kind", kinds[k],
			    "kind_label", labels[k], "every_days",
			    json_object_get(c, "every_days"), "last_on",
			    json_object_get(c, "last_on"), "officer_name",
			    json_object_get(b, "officer_name")));
		}
		json_array_append_new(out, json_pack("{s:s, s:s, s:I, s:I, s:o}",
		    "kind", kinds[k], "label", labels[k], "scheduled",
		    (json_int_t)sched, "up_to_date", (json_int_t)ok, "coverage",
		    sched ? json_real(round(1000.0 * (double)ok /
		    (double)sched) / 10.0) : json_null()));
	}
	return out;
}

enum app_err
svc_report(struct store *st, const struct actor *a, struct date from,
    struct date as_of, json_t **out)
{
	struct tally all = {0}, cat[RQ__CATEGORIES] = {{0}};
	struct {
		long long id;
		const char *name;
		struct tally t;
	} *off = NULL;
	size_t noff = 0, i;
	struct workcal cal;
	char asof[11], froms[11];
	json_t *rows = NULL, *q, *status = NULL, *by_off, *by_cat, *overdue;
	json_t *kinds;
	enum app_err e;

	date_format(as_of, asof);
	date_format(from, froms);
	if ((e = store_rows(st, STMT_REQ_REPORT_ROWS, (struct store_val[]){
	    SV_I(a->zone_id), SV_T(asof), from.y ? SV_T(froms) : SV_NULLV}, 3,
	    &rows)) != APP_OK || (e = svc_check_status(st, a, as_of,
	    &status)) != APP_OK || (e = workcal_load(st, a->zone_id, from,
	    (struct date){0}, &cal)) != APP_OK) {
		json_decref(rows);
		json_decref(status);
		return e;
	}
	off = calloc(json_array_size(rows) + 1, sizeof *off);
	json_array_foreach(rows, i, q) {
		long long oid = json_integer_value(json_object_get(q,
		    "officer_id"));
		int c = rq_lookup(rq_category_names, json_str_of(q, "category"));
		size_t k;

		count(&all, q, asof, &cal);
		if (c >= 0)
			count(&cat[c], q, asof, &cal);
		for (k = 0; k < noff && off[k].id != oid; k++)
			;
		if (k == noff) {
			off[k].id = oid;
			off[k].name = json_str_of(q, "officer_name");
			noff++;
		}
		count(&off[k].t, q, asof, &cal);
	}
	workcal_free(&cal);
	by_off = json_array();
	for (i = 0; i < noff; i++) {
		json_t *o = tally_json(&off[i].t);

		json_object_set_new(o, "officer_id", off[i].id ?
		    json_integer(off[i].id) : json_null());
		json_object_set_new(o, "officer_name", json_string(off[i].name ?
		    off[i].name : (a->english ? "(unassigned)" : "（未分派）")));
		json_array_append_new(by_off, o);
	}
	by_cat = json_array();
	for (int c = 0; c < RQ__CATEGORIES; c++) {
		json_t *o = tally_json(&cat[c]);

		json_object_set_new(o, "category", json_string(
		    rq_category_names[c]));
		json_object_set_new(o, "label", json_string(rq_category_label(
		    (enum rq_category)c, a->english)));
		json_array_append_new(by_cat, o);
	}
	kinds = checks_json(status, &overdue);
	*out = json_pack("{s:s, s:s?, s:o, s:o, s:o, s:{s:I, s:o, s:o}}",
	    "as_of", asof, "from", from.y ? froms : NULL, "requests",
	    tally_json(&all), "by_officer", by_off, "by_category", by_cat,
	    "checks", "buildings", (json_int_t)json_array_size(status),
	    "by_kind", kinds, "overdue", overdue);
	free(off);
	json_decref(rows);
	json_decref(status);
	return APP_OK;
}

enum app_err
svc_report_xlsx(json_t *rep, char **data, size_t *len, char *err,
    size_t errsz)
{
	static const struct xcol tcols[] = {
		{"received", "受理", X_INT, 0}, {"open", "未办结", X_INT, 0},
		{"overdue", "逾期", X_INT, 0}, {"resolved", "已办结", X_INT, 0},
		{"confirmed", "企业确认", X_INT, 0},
		{"escalated", "已上报", X_INT, 0},
		{"avg_resolve_workdays", "平均办结工作日", X_NUMBER, 0},
		{"satisfaction", "平均满意度", X_NUMBER, 0},
	};
	struct xcol ocols[9], ccols[9];
	static const struct xcol kcols[] = {
		{"label", "检查类别", X_TEXT, 0},
		{"scheduled", "纳入计划楼宇", X_INT, 0},
		{"up_to_date", "按期检查", X_INT, 0},
		{"coverage", "覆盖率", X_PERCENT, 0},
	};
	static const struct xcol lcols[] = {
		{"building", "楼宇", X_TEXT, 0}, {"kind_label", "检查", X_TEXT, 0},
		{"every_days", "周期（天）", X_INT, 0},
		{"last_on", "上次检查", X_DATE, 0},
		{"officer_name", "包保专员", X_TEXT, 0},
	};
	json_t *totals = json_array(), *checks = json_object_get(rep, "checks");
	char title[96];
	enum app_err e;

	ocols[0] = (struct xcol){"officer_name", "服务专员", X_TEXT, 0};
	ccols[0] = (struct xcol){"label", "诉求类别", X_TEXT, 0};
	memcpy(ocols + 1, tcols, sizeof tcols);
	memcpy(ccols + 1, tcols, sizeof tcols);
	json_array_append(totals, json_object_get(rep, "requests"));
	snprintf(title, sizeof title, "企业服务情况（截至%s）",
	    json_str_of(rep, "as_of"));
	{
		const struct xsheet sh[] = {
			{"汇总", title, tcols, 8, totals},
			{"按专员", "按服务专员", ocols, 9,
			    json_object_get(rep, "by_officer")},
			{"按类别", "按诉求类别", ccols, 9,
			    json_object_get(rep, "by_category")},
			{"楼宇检查", "楼宇检查覆盖", kcols, 4,
			    json_object_get(checks, "by_kind")},
			{"逾期检查", "逾期未检查", lcols, 5,
			    json_object_get(checks, "overdue")},
		};

		e = xlsx_write_buffer(sh, 5, data, len, err, errsz);
	}
	json_decref(totals);
	return e;
}

/* ?as_of= (today) &from= */
static enum app_err
report_args(struct req *r, struct date *from, struct date *as_of)
{
	*as_of = date_today_cn();
	*from = (struct date){0};
	arg_date(r, "as_of", as_of, 0);
	arg_date(r, "from", from, 0);
	if (json_array_size(r->errs) == 0 && from->y &&
	    date_cmp(*from, *as_of) > 0)
		ferr_add(r->errs, "from", r->english, "不能晚于截至日期",
		    "must not be after as_of");
	return json_array_size(r->errs) > 0 ? APP_ERR_VALIDATION : APP_OK;
}

enum app_err
h_service_report(struct req *r)
{
	struct date from, as_of;
	json_t *out;
	enum app_err e;

	if ((e = report_args(r, &from, &as_of)) != APP_OK ||
	    (e = svc_report(r->st, &r->actor, from, as_of, &out)) != APP_OK)
		return e;
	return reply_json(r, 200, out);
}

enum app_err
h_service_report_xlsx(struct req *r)
{
	struct date from, as_of;
	json_t *rep;
	char *data, err[256];
	size_t len;
	enum app_err e;

	if ((e = report_args(r, &from, &as_of)) != APP_OK ||
	    (e = svc_report(r->st, &r->actor, from, as_of, &rep)) != APP_OK)
		return e;
	e = svc_report_xlsx(rep, &data, &len, err, sizeof err);
	json_decref(rep);
	if (e != APP_OK)
		return e;
	return reply_file(r, data, len,
	    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	    "service.xlsx");
}
