/*
 * Progress reports (进度填报) and problems to coordinate (需协调解决的问题).
 * A report's phase may go backwards only with a reason; investment to date
 * defaults to the previous figure plus this period's, and a figure lower
 * than the previous one is accepted but answered with a notice, since the
 * briefing flags such inputs rather than hiding them.
 */
#include <stdlib.h>
#include <string.h>

#include "api/handlers.h"
#include "api/projects.h"
#include "api/resource.h"
#include "domain/phase.h"
#include "http/reply.h"

static const char *const pstatuses[] = {"open", "in_progress", "solved",
    NULL};

static const struct field_spec report_fields[] = {
	{.name = "date", .type = FT_DATE, .required = 1},
	{.name = "phase", .type = FT_TEXT, .required = 1, .maxlen = 40},
	{.name = "phase_reason", .type = FT_TEXT, .maxlen = 500},
	{.name = "workforce", .type = FT_INT, .min = 0, .max = 100000},
	{.name = "invest_period", .type = FT_NUM, .min = 0, .max = 100000000},
	{.name = "invest_to_date", .type = FT_NUM, .min = 0, .max = 100000000},
	{.name = "note", .type = FT_TEXT, .maxlen = 2000},
};

static const struct field_spec quantity_fields[] = {
	{.name = "name", .type = FT_TEXT, .required = 1, .maxlen = 50},
	{.name = "amount", .type = FT_NUM, .required = 1, .min = -1000000000,
	    .max = 1000000000},
	{.name = "unit", .type = FT_TEXT, .maxlen = 20},
};

/* Bind order of PROBLEM_UPDATE after ?1 zone and ?2 now. */
static const struct field_spec problem_fields[] = {
	{.name = "description", .type = FT_TEXT, .required = 1, .maxlen = 1000},
	{.name = "department", .type = FT_TEXT, .required = 1, .maxlen = 100},
	{.name = "due_date", .type = FT_DATE, .required = 1},
	{.name = "status", .type = FT_ENUM, .choices = pstatuses},
	{.name = "closing_note", .type = FT_TEXT, .maxlen = 1000},
};

/* Validates a list of objects against specs; errors named list[i].field. */
static void
check_list(json_t *list, const char *name, const struct field_spec *f,
    size_t nf, size_t max, json_t *errs, int english)
{
	json_t *o, *sub, *fe;
	struct store_val v[8];
	size_t i, k;
	char fname[64];

	if (list == NULL || json_is_null(list))
		return;
	if (!json_is_array(list) || json_array_size(list) > max) {
		ferr_add(errs, name, english, "应为列表（项数有上限）",
		    "must be a list (of limited length)");
		return;
	}
	json_array_foreach(list, i, o) {
		if (!json_is_object(o)) {
			snprintf(fname, sizeof fname, "%s[%zu]", name, i);
			ferr_add(errs, fname, english, "应为对象",
			    "must be an object");
			continue;
		}
		sub = json_array();
		validate_body(o, f, nf, v, sub, english);
		/* A problem filed as solved says how it was solved. */
		if (f == problem_fields && v[3].type == SV_TEXT &&
		    strcmp(v[3].s, "solved") == 0 && v[4].type == SV_NULL)
			ferr_add(sub, "closing_note", english,
			    "办结须填写办结说明",
			    "a solved problem needs a closing note");
		json_array_foreach(sub, k, fe) {
			snprintf(fname, sizeof fname, "%s[%zu].%s", name, i,
			    json_string_value(json_object_get(fe, "field")));
			ferr_addf(errs, fname, json_string_value(
			    json_object_get(fe, "message")));
		}
		json_decref(sub);
	}
}

struct prev {
	int found, phase;
	int has_invest;
	double invest;
};

static int
prev_row(void *ctx, const struct store_row *row)
{
	struct prev *p = ctx;

	p->found = 1;
	p->phase = (int)store_col_int(row, 0);
	p->has_invest = store_col_type(row, 1) != SV_NULL;
	p->invest = store_col_real(row, 1);
	return 1;
}

static enum app_err
add_problem(struct store *st, const struct actor *a, long long pid,
    long long report_id, json_t *body, json_t *errs, json_t **out)
{
	struct store_val v[5];
	char now[20];
	long long id = 0;
	json_t *after = NULL;
	enum app_err e;

	validate_body(body, problem_fields, 5, v, errs, a->english);
	if (v[3].type == SV_TEXT && strcmp(v[3].s, "solved") == 0 &&
	    v[4].type == SV_NULL)
		ferr_add(errs, "closing_note", a->english,
		    "办结须填写办结说明", "a solved problem needs a closing note");
	if (json_array_size(errs) > 0)
		return APP_ERR_VALIDATION;
	store_now(now, 0);
	if (v[3].type == SV_NULL)
		v[3] = SV_T("open");
	if ((e = store_int(st, STMT_PROBLEM_INSERT, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(pid), report_id ? SV_I(report_id) :
	    SV_NULLV, v[0], v[1], v[2], v[3], v[4], SV_T(now)}, 9, &id)) !=
	    APP_OK)
		return e;
	if ((e = store_row1(st, STMT_PROBLEM_GET, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(id)}, 2, &after)) != APP_OK)
		return e;
	e = store_audit_part(st, a->zone_id, a->user_id, "problem", id,
	    "create", NULL, after, "project", pid);
	if (e == APP_OK && out != NULL)
		*out = after;
	else
		json_decref(after);
	return e;
}

static json_t *
report_json(struct store *st, const struct actor *a, long long id)
{
	json_t *r = NULL;
	int ph;

	if (store_row1(st, STMT_REPORT_GET, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(id)}, 2, &r) != APP_OK)
		return NULL;
	ph = (int)json_integer_value(json_object_get(r, "phase_index"));
	json_object_set_new(r, "phase", json_string(phase_code(ph)));
	json_object_set_new(r, "phase_label", json_string(phase_label(ph,
	    a->english)));
	return r;
}

/* Checks and stores one report with its problems, in one transaction. */
enum app_err
progress_report_add(struct store *st, const struct actor *a, long long pid,
    json_t *body, json_t *errs, json_t **out)
{
	struct store_val v[7];
	struct prev prev = {0};
	struct date d;
	json_t *quant, *problems, *notices = json_array(), *after = NULL, *p;
	char now[20], *qtext = NULL;
	long long id = 0;
	size_t i;
	int phase;
	enum app_err e;

	validate_body(body, report_fields, 7, v, errs, a->english);
	quant = json_object_get(body, "quantities");
	problems = json_object_get(body, "problems");
	check_list(quant, "quantities", quantity_fields, 3, 50, errs,
	    a->english);
	check_list(problems, "problems", problem_fields, 5, 20, errs,
	    a->english);
	phase = v[1].type == SV_TEXT ? phase_parse(v[1].s) : -1;
	if (v[1].type == SV_TEXT && phase < 0)
		ferr_add(errs, "phase", a->english, "不是已知的形象进度",
		    "not a known phase");
	if (v[0].type == SV_TEXT && date_parse(v[0].s, strlen(v[0].s), &d) ==
	    0 && date_cmp(d, date_today_cn()) > 0)
		ferr_add(errs, "date", a->english, "不能晚于今天",
		    "cannot be later than today");
	if (json_array_size(errs) > 0) {
		json_decref(notices);
		return APP_ERR_VALIDATION;
	}
	if ((e = store_begin(st)) != APP_OK) {
		json_decref(notices);
		return e;
	}
	if ((e = store_query(st, STMT_REPORT_BEFORE, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(pid), v[0]}, 3, prev_row, &prev, NULL)) !=
	    APP_OK)
		goto fail;
	if (prev.found && phase < prev.phase && v[2].type == SV_NULL) {
		ferr_add(errs, "phase_reason", a->english,
		    "形象进度比上次填报倒退，须说明原因",
		    "the phase is behind the previous report; give a reason");
		e = APP_ERR_VALIDATION;
		goto fail;
	}
	if (v[5].type == SV_NULL && (v[4].type != SV_NULL || prev.has_invest))
		v[5] = SV_R((prev.has_invest ? prev.invest : 0) +
		    (v[4].type == SV_REAL ? v[4].r : 0));
	if (prev.has_invest && v[5].type == SV_REAL && v[5].r < prev.invest)
		ferr_add(notices, "invest_to_date", a->english,
		    "累计完成投资低于上次填报，请核实",
		    "investment to date is lower than in the previous report; please check");
	if (quant != NULL && json_array_size(quant) > 0)
		qtext = json_dumps(quant, JSON_COMPACT);
	store_now(now, 0);
	e = store_int(st, STMT_REPORT_INSERT, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(pid), v[0], SV_I(phase), v[2], v[3], v[4],
	    v[5], SV_T(qtext), v[6], a->user_id ? SV_I(a->user_id) : SV_NULLV,
	    SV_T(now)}, 12, &id);
	free(qtext);
	if (e != APP_OK || (e = project_current(st, a, pid)) != APP_OK)
		goto fail;
	if ((after = report_json(st, a, id)) == NULL) {
		e = APP_ERR_INTERNAL;
		goto fail;
	}
	if ((e = store_audit_part(st, a->zone_id, a->user_id,
	    "progress_report", id, "create", NULL, after, "project", pid)) !=
	    APP_OK)
		goto fail;
	json_array_foreach(problems, i, p)
		if ((e = add_problem(st, a, pid, id, p, errs, NULL)) != APP_OK)
			goto fail;
	if ((e = store_commit(st)) != APP_OK)
		goto fail;
	json_object_set_new(after, "notices", notices);
	*out = after;
	return APP_OK;
fail:
	store_rollback(st);
	json_decref(after);
	json_decref(notices);
	return e;
}


enum app_err
h_report_list(struct req *r)
{
	struct list_query lq;
	json_t *out;
	enum app_err e;

	if ((e = project_exists(r->st, &r->actor, r->id)) != APP_OK)
		return e;
	static const char *const sorts[] = {"date", NULL};

	list_query_parse(&lq, req_arg, r, sorts, NULL, 0, r->errs, r->english);
	if (json_array_size(r->errs) > 0)
		return APP_ERR_VALIDATION;
	if ((e = res_page(r->st, STMT_REPORT_LIST, STMT_REPORT_COUNT,
	    (struct store_val[]){SV_I(r->actor.zone_id), SV_I(r->id)}, 2, &lq,
	    &out)) != APP_OK)
		return e;
	{
		json_t *it;
		size_t i;

		json_array_foreach(json_object_get(out, "items"), i, it) {
			int ph = (int)json_integer_value(json_object_get(it,
			    "phase_index"));

			json_object_set_new(it, "phase",
			    json_string(phase_code(ph)));
			json_object_set_new(it, "phase_label",
			    json_string(phase_label(ph, r->english)));
		}
	}
	return reply_json(r, 200, out);
}

enum app_err
h_report_create(struct req *r)
{
	json_t *out;
	enum app_err e;

	if ((e = project_exists(r->st, &r->actor, r->id)) != APP_OK)
		return e;
	e = progress_report_add(r->st, &r->actor, r->id, r->json, r->errs, &out);
	return e != APP_OK ? e : reply_json(r, 201, out);
}

enum app_err
h_report_delete(struct req *r)
{
	json_t *before;
	long long pid;
	enum app_err e;

	if ((e = store_begin(r->st)) != APP_OK)
		return e;
	if ((before = report_json(r->st, &r->actor, r->id)) == NULL) {
		store_rollback(r->st);
		return APP_ERR_NOT_FOUND;
	}
	pid = json_integer_value(json_object_get(before, "project_id"));
	if ((e = store_query(r->st, STMT_REPORT_DELETE, (struct store_val[]){
	    SV_I(r->actor.zone_id), SV_I(r->id)}, 2, NULL, NULL, NULL)) ==
	    APP_OK && (e = project_current(r->st, &r->actor, pid)) == APP_OK)
		e = store_audit_part(r->st, r->actor.zone_id, r->actor.user_id,
		    "progress_report", r->id, "delete", before, NULL, "project",
		    pid);
	json_decref(before);
	if (e != APP_OK || (e = store_commit(r->st)) != APP_OK) {
		store_rollback(r->st);
		return e;
	}
	return reply_json(r, 200, json_pack("{s:b}", "ok", 1));
}

/* GET /api/problems: overdue first, then open by due date, solved last. */
enum app_err
h_problem_list(struct req *r)
{
	static const struct field_spec filters[] = {
		{.name = "status", .type = FT_ENUM, .choices = pstatuses},
	};
	struct list_query lq;
	const char *pid = req_arg(r, "project_id"), *od = req_arg(r, "overdue");
	long long project = 0;
	char today[11];
	json_t *out;
	enum app_err e;

	static const char *const sorts[] = {"due_date", NULL};

	list_query_parse(&lq, req_arg, r, sorts, filters, 1, r->errs,
	    r->english);
	if (pid != NULL && *pid && (parse_ll(pid, &project) || project < 1))
		ferr_add(r->errs, "project_id", r->english, "应为正整数",
		    "must be a positive whole number");
	if (json_array_size(r->errs) > 0)
		return APP_ERR_VALIDATION;
	date_format(date_today_cn(), today);
	e = res_page(r->st, STMT_PROBLEM_LIST, STMT_PROBLEM_COUNT,
	    (struct store_val[]){SV_I(r->actor.zone_id), SV_T(today),
	    project ? SV_I(project) : SV_NULLV, SV_T(lq.filters[0]),
	    SV_I(od != NULL && (strcmp(od, "1") == 0 ||
	    strcmp(od, "true") == 0)),
	    r->own_only ? SV_I(r->actor.org_id) : SV_NULLV}, 6, &lq, &out);
	return e != APP_OK ? e : reply_json(r, 200, out);
}

enum app_err
h_problem_create(struct req *r)
{
	json_t *out = NULL;
	enum app_err e;

	if ((e = project_exists(r->st, &r->actor, r->id)) != APP_OK)
		return e;
	if ((e = store_begin(r->st)) != APP_OK)
		return e;
	if ((e = add_problem(r->st, &r->actor, r->id, 0, r->json, r->errs,
	    &out)) != APP_OK || (e = store_commit(r->st)) != APP_OK) {
		store_rollback(r->st);
		json_decref(out);
		return e;
	}
	return reply_json(r, 201, out);
}

enum app_err
h_problem_update(struct req *r)
{
	struct store_val v[5];
	json_t *before = NULL, *after = NULL;
	char now[20];
	enum app_err e;

	validate_body(r->json, problem_fields, 5, v, r->errs, r->english);
	if (v[3].type == SV_NULL)
		v[3] = SV_T("open");
	if (strcmp(v[3].s, "solved") == 0 && v[4].type == SV_NULL)
		ferr_add(r->errs, "closing_note", r->english,
		    "办结须填写办结说明", "a solved problem needs a closing note");
	if (json_array_size(r->errs) > 0)
		return APP_ERR_VALIDATION;
	store_now(now, 0);
	if ((e = store_begin(r->st)) != APP_OK)
		return e;
	if ((e = store_row1(r->st, STMT_PROBLEM_GET, (struct store_val[]){
	    SV_I(r->actor.zone_id), SV_I(r->id)}, 2, &before)) != APP_OK ||
	    (e = store_query(r->st, STMT_PROBLEM_UPDATE, (struct store_val[]){
	    SV_I(r->actor.zone_id), SV_T(now), v[0], v[1], v[2], v[3], v[4],
	    SV_I(r->id)}, 8, NULL, NULL, NULL)) != APP_OK ||
	    (e = store_row1(r->st, STMT_PROBLEM_GET, (struct store_val[]){
	    SV_I(r->actor.zone_id), SV_I(r->id)}, 2, &after)) != APP_OK ||
	    (e = store_audit_part(r->st, r->actor.zone_id, r->actor.user_id,
	    "problem", r->id, "update", before, after, "project",
	    json_integer_value(json_object_get(before, "project_id")))) !=
	    APP_OK || (e = store_commit(r->st)) != APP_OK) {
		store_rollback(r->st);
		json_decref(before);
		json_decref(after);
		return e;
	}
	json_decref(before);
	return reply_json(r, 200, after);
}
