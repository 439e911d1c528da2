/*
 * The cohort report: the leads first signed in a period, followed through
 * registration, construction start, joint acceptance of their key project
 * and production — the thread of domain.md from a lead to a producing
 * enterprise — with counts and median days between the stages.
 */
#include <stdlib.h>
#include <string.h>

#include "api/cohort.h"
#include "api/handlers.h"
#include "api/validate.h"
#include "domain/kfg.h"
#include "http/reply.h"
#include "util/xalloc.h"

static const struct {
	const char *key, *label;
} stages[] = {
	{"signed_on", "签约"}, {"registered_on", "注册"}, {"started_on", "开工"},
	{"accepted_on", "验收通过"}, {"producing_on", "投产"},
};
#define NSTAGES (sizeof stages / sizeof stages[0])

static int
cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return x < y ? -1 : x > y;
}

/* Median of n values (sorted here); half-up to one decimal when even. */
static json_t *
median(long *v, size_t n)
{
	if (n == 0)
		return json_null();
	qsort(v, n, sizeof *v, cmp_long);
	if (n % 2)
		return json_real((double)v[n / 2]);
	return json_real(round_half_up((double)(v[n / 2 - 1] + v[n / 2]) / 2,
	    1));
}

static long
days(json_t *row, const char *key, int *ok)
{
	const char *s = json_string_value(json_object_get(row, key));
	struct date d;

	*ok = s != NULL && date_parse(s, strlen(s), &d) == 0;
	return *ok ? date_to_days(d) : 0;
}

enum app_err
cohort_report(struct store *st, const struct actor *a, struct date from,
    struct date to, json_t **out)
{
	char fs[11], ts[11];
	json_t *rows = NULL, *row, *list;
	long *step, *total;
	size_t n, i, k;
	enum app_err e;

	date_format(from, fs);
	date_format(to, ts);
	if ((e = store_rows(st, STMT_COHORT_ROWS, (struct store_val[]){
	    SV_I(a->zone_id), SV_T(fs), SV_T(ts)}, 3, &rows)) != APP_OK)
		return e;
	n = json_array_size(rows);
	step = xcalloc(n + 1, sizeof *step);
	total = xcalloc(n + 1, sizeof *total);
	list = json_array();
	for (k = 0; k < NSTAGES; k++) {
		size_t reached = 0, ns = 0, nt = 0;

		json_array_foreach(rows, i, row) {
			int ok, okp, oks;
			long d = days(row, stages[k].key, &ok);
			long dp = k ? days(row, stages[k - 1].key, &okp) : 0;
			long d0 = days(row, stages[0].key, &oks);

			if (!ok)
				continue;
			reached++;
			if (k > 0 && okp)
				step[ns++] = d - dp;
			if (k > 0 && oks)
				total[nt++] = d - d0;
		}
		json_array_append_new(list, json_pack("{s:s, s:s, s:I, s:o, s:o}",
		    "stage", stages[k].key, "label", stages[k].label, "reached",
		    (json_int_t)reached, "median_days_from_previous",
		    k ? median(step, ns) : json_null(),
		    "median_days_from_signing", k ? median(total, nt) :
		    json_null()));
	}
	free(step);
	free(total);
	*out = json_pack("{s:s, s:s, s:I, s:o, s:o}", "from", fs, "to", ts,
	    "signed", (json_int_t)n, "stages", list, "leads", rows);
	return APP_OK;
}

enum app_err
h_cohort_report(struct req *r)
{
	const char *f = req_arg(r, "from"), *t = req_arg(r, "to");
	struct date to = date_today_cn(), from = {to.y, 1, 1};
	json_t *out;
	enum app_err e;

	if (f != NULL && *f && date_parse(f, strlen(f), &from) != 0)
		ferr_add(r->errs, "from", r->english, "日期应为YYYY-MM-DD格式",
		    "must be a date written YYYY-MM-DD");
	if (t != NULL && *t && date_parse(t, strlen(t), &to) != 0)
		ferr_add(r->errs, "to", r->english, "日期应为YYYY-MM-DD格式",
		    "must be a date written YYYY-MM-DD");
	if (json_array_size(r->errs) == 0 && date_cmp(to, from) < 0)
		ferr_add(r->errs, "to", r->english, "结束日期不能早于开始日期",
		    "must not be before from");
	if (json_array_size(r->errs) > 0)
		return APP_ERR_VALIDATION;
	if ((e = cohort_report(r->st, &r->actor, from, to, &out)) != APP_OK)
		return e;
	return reply_json(r, 200, out);
}
