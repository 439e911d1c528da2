/*
 * Enterprise service: business buildings and their checks, 一企一策 /
 * 一楼一策 plans, 包保 assignments, portfolios and the request limits (see
 * service.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/args.h"
#include "api/calendar.h"
#include "api/resource.h"
#include "api/rows.h"
#include "api/service.h"
#include "api/validate.h"
#include "http/reply.h"
#include "http/router.h"
#include "util/utf8.h"

static const char *const check_kinds[] = {"disinfection", "screening",
    "safety", NULL};
static const char *const check_results[] = {"ok", "issues", NULL};
static const char *const subjects[] = {"org", "building", NULL};
static const char *const measure_states[] = {"planned", "doing", "done",
    "dropped", NULL};

#define ID_FIELD(n) {.name = n, .type = FT_INT, .min = 1, .max = 1LL << 53}

/* ---- buildings and checks (generic resources) -------------------------- */

static const struct field_spec building_fields[] = {
	ID_FIELD("park_id"),
	{.name = "name", .type = FT_TEXT, .required = 1, .maxlen = 100},
	{.name = "address", .type = FT_TEXT, .maxlen = 200},
	{.name = "floors", .type = FT_INT, .min = 1, .max = 200},
	{.name = "resident_staff", .type = FT_INT, .min = 0, .max = 1000000},
	/* Check schedules: every N days, 0 for none. */
	{.name = "disinfection_days", .type = FT_INT, .min = 0, .max = 366},
	{.name = "screening_days", .type = FT_INT, .min = 0, .max = 366},
	{.name = "safety_days", .type = FT_INT, .min = 0, .max = 366},
	{.name = "note", .type = FT_TEXT, .maxlen = 2000},
};
static const struct field_spec building_filters[] = {ID_FIELD("park_id")};
static const char *const building_sorts[] = {"name", "floors",
    "resident_staff", "id", NULL};

static void
building_check(struct store *st, const struct actor *a, long long id,
    const struct store_val *v, json_t *errs)
{
	(void)id;
	json_decref(res_ref(st, a, STMT_PARK_GET, &v[0], "park_id", errs));
}

const struct resource building_resource = {
	.entity = "building", .read = PERM_SERVICE_READ,
	.write = PERM_SERVICE_WRITE, .fields = building_fields,
	.nfields = sizeof building_fields / sizeof building_fields[0],
	.filters = building_filters, .nfilters = 1, .sorts = building_sorts,
	.list = STMT_BUILDING_LIST, .count = STMT_BUILDING_COUNT,
	.get = STMT_BUILDING_GET, .insert = STMT_BUILDING_INSERT,
	.update = STMT_BUILDING_UPDATE, .del = STMT_BUILDING_DELETE,
	.check = building_check,
};

static const struct field_spec check_fields[] = {
	{.name = "building_id", .type = FT_INT, .required = 1, .min = 1,
	    .max = 1LL << 53},
	{.name = "kind", .type = FT_ENUM, .required = 1, .choices = check_kinds},
	{.name = "checked_on", .type = FT_DATE, .required = 1},
	{.name = "result", .type = FT_ENUM, .required = 1,
	    .choices = check_results},
	{.name = "findings", .type = FT_TEXT, .maxlen = 2000},
	{.name = "follow_up", .type = FT_TEXT, .maxlen = 2000},
	{.name = "follow_up_done", .type = FT_BOOL},
	{.name = "inspector", .type = FT_TEXT, .maxlen = 50},
};
static const struct field_spec check_filters[] = {
	ID_FIELD("building_id"),
	{.name = "kind", .type = FT_ENUM, .choices = check_kinds},
	{.name = "result", .type = FT_ENUM, .choices = check_results},
};
static const char *const check_sorts[] = {"checked_on", "kind", "id", NULL};

/* The building must be the zone's; a check is not dated in the future, and
 * one with issues says what they were. */
static void
check_check(struct store *st, const struct actor *a, long long id,
    const struct store_val *v, json_t *errs)
{
	char today[11];

	(void)id;
	json_decref(res_ref(st, a, STMT_BUILDING_GET, &v[0], "building_id",
	    errs));
	date_format(date_today_cn(), today);
	if (v[2].type == SV_TEXT && strcmp(v[2].s, today) > 0)
		ferr_add(errs, "checked_on", a->english, "不能晚于今天",
		    "cannot be later than today");
	if (v[3].type == SV_TEXT && strcmp(v[3].s, "issues") == 0 &&
	    v[4].type != SV_TEXT)
		ferr_add(errs, "findings", a->english, "发现问题时须写明问题",
		    "say what the issues were");
}

const struct resource check_resource = {
	.entity = "building_check", .read = PERM_SERVICE_READ,
	.write = PERM_SERVICE_WRITE, .fields = check_fields,
	.nfields = sizeof check_fields / sizeof check_fields[0],
	.filters = check_filters, .nfilters = 3, .sorts = check_sorts,
	.list = STMT_CHECK_LIST, .count = STMT_CHECK_COUNT,
	.get = STMT_CHECK_GET, .insert = STMT_CHECK_INSERT,
	.update = STMT_CHECK_UPDATE, .del = STMT_CHECK_DELETE,
	.check = check_check,
};



enum app_err
h_building_firms(struct req *r)
{
	json_t *b = NULL, *rows;
	enum app_err e;

	if ((e = store_row1(r->st, STMT_BUILDING_GET, (struct store_val[]){
	    SV_I(r->actor.zone_id), SV_I(r->id)}, 2, &b)) != APP_OK)
		return e;
	json_decref(b);
	if ((e = store_rows(r->st, STMT_BUILDING_FIRMS, (struct store_val[]){
	    SV_I(r->actor.zone_id), SV_I(r->id)}, 2, &rows)) != APP_OK)
		return e;
	return reply_json(r, 200, json_pack("{s:o}", "items", rows));
}

/* ---- check schedules --------------------------------------------------- */

enum app_err
svc_check_status(struct store *st, const struct actor *a, struct date as_of,
    json_t **out)
{
	static const char *const every_col[] = {"disinfection_days",
	    "screening_days", "safety_days"};
	static const char *const last_col[] = {"last_disinfection",
	    "last_screening", "last_safety"};
	char asof[11];
	json_t *rows, *b;
	size_t i;
	enum app_err e;

	date_format(as_of, asof);
	if ((e = store_rows(st, STMT_BUILDING_LAST_CHECKS, (struct store_val[]){
	    SV_I(a->zone_id), SV_T(asof)}, 2, &rows)) != APP_OK)
		return e;
	json_array_foreach(rows, i, b) {
		json_t *checks = json_object();

		for (int k = 0; check_kinds[k] != NULL; k++) {
			long long every = json_int_of(b, every_col[k]);
			const char *last = json_str_of(b, last_col[k]);
			struct date d, due = {0};
			char dues[11];
			int overdue = 0;

			if (last != NULL && date_parse(last, strlen(last), &d) == 0)
				due = date_add_days(d, (long)every);
			if (every > 0)
				overdue = last == NULL || date_cmp(due, as_of) < 0;
			date_format(due, dues);
			json_object_set_new(checks, check_kinds[k], json_pack(
			    "{s:I, s:s?, s:s?, s:b}", "every_days",
			    (json_int_t)every, "last_on", last, "due_on",
			    every > 0 && last != NULL ? dues : NULL, "overdue",
			    overdue));
			json_object_del(b, every_col[k]);
			json_object_del(b, last_col[k]);
		}
		json_object_set_new(b, "checks", checks);
	}
	*out = rows;
	return APP_OK;
}

/* GET /api/building-checks/status?as_of=&overdue=1 */
enum app_err
h_checks_status(struct req *r)
{
	struct date as_of = date_today_cn();
	const char *only = req_arg(r, "overdue");
	json_t *rows, *kept, *b;
	char asof[11];
	size_t i;
	enum app_err e;

	if (arg_date(r, "as_of", &as_of, 0) != 0)
		return APP_ERR_VALIDATION;
	if ((e = svc_check_status(r->st, &r->actor, as_of, &rows)) != APP_OK)
		return e;
	kept = json_array();
	json_array_foreach(rows, i, b) {
		int late = 0;
		const char *k;
		json_t *c;

		json_object_foreach(json_object_get(b, "checks"), k, c)
			late |= json_is_true(json_object_get(c, "overdue"));
		if (only == NULL || strcmp(only, "1") != 0 || late)
			json_array_append(kept, b);
	}
	json_decref(rows);
	date_format(as_of, asof);
	return reply_json(r, 200, json_pack("{s:s, s:o}", "as_of", asof,
	    "items", kept));
}

/* ---- plans ------------------------------------------------------------- */

/* The subject of a route /api/orgs/{id}/… or /api/buildings/{id}/…; it must
 * exist in the zone (an organisation must be an enterprise). */
static enum app_err
subject_exists(struct store *st, const struct actor *a, const char *subject,
    long long id)
{
	json_t *o = NULL;
	int org = strcmp(subject, "org") == 0;
	enum app_err e;

	if ((e = store_row1(st, org ? STMT_ORG_GET : STMT_BUILDING_GET,
	    (struct store_val[]){SV_I(a->zone_id), SV_I(id)}, 2, &o)) !=
	    APP_OK)
		return e;
	if (org && strcmp(json_str_of(o, "kind"), "enterprise") != 0)
		e = APP_ERR_NOT_FOUND;
	json_decref(o);
	return e;
}

static enum app_err
plan_subject(struct req *r, const char **subject)
{
	*subject = strncmp(r->route->pattern, "/api/orgs/", 10) == 0 ? "org" :
	    "building";
	return subject_exists(r->st, &r->actor, *subject, r->id);
}

/* GET …/plan[?version=N]: {plan (null when none), versions}. */
enum app_err
h_plan_get(struct req *r)
{
	const char *subject, *vs = req_arg(r, "version");
	long long version = 0;
	json_t *plan = NULL, *versions = NULL;
	struct store_val k[4];
	enum app_err e;

	if (vs != NULL && (parse_ll(vs, &version) != 0 || version < 1)) {
		ferr_add(r->errs, "version", r->english, "应为正整数",
		    "must be a positive whole number");
		return APP_ERR_VALIDATION;
	}
	if ((e = plan_subject(r, &subject)) != APP_OK)
		return e;
	k[0] = SV_I(r->actor.zone_id);
	k[1] = SV_T(subject);
	k[2] = SV_I(r->id);
	k[3] = SV_I(version);
	e = version ? store_row1(r->st, STMT_PLAN_VERSION, k, 4, &plan) :
	    store_row1(r->st, STMT_PLAN_LATEST, k, 3, &plan);
	if (e == APP_ERR_NOT_FOUND && !version) {
		plan = json_null();
		e = APP_OK;
	}
	if (e != APP_OK || (e = store_rows(r->st, STMT_PLAN_VERSIONS, k, 3,
	    &versions)) != APP_OK) {
		json_decref(plan);
		return e;
	}
	return reply_json(r, 200, json_pack("{s:o, s:o}", "plan", plan,
	    "versions", versions));
}

/* measures: [{text, owner, due, status}] → a clean copy, or NULL. */
static json_t *
plan_measures(json_t *list, json_t *errs, int english)
{
	static const struct field_spec spec[] = {
		{.name = "text", .type = FT_TEXT, .required = 1, .maxlen = 500},
		{.name = "owner", .type = FT_TEXT, .maxlen = 50},
		{.name = "due", .type = FT_DATE},
		{.name = "status", .type = FT_ENUM, .required = 1,
		    .choices = measure_states},
	};
	json_t *out = json_array(), *m;
	size_t i;
	char name[48];

	if (list == NULL || json_is_null(list))
		return out;
	if (!json_is_array(list) || json_array_size(list) > 100) {
		ferr_add(errs, "measures", english, "应为不超过100项的列表",
		    "must be a list of at most 100 measures");
		json_decref(out);
		return NULL;
	}
	json_array_foreach(list, i, m) {
		struct store_val v[4];
		json_t *e1 = json_array(), *fe;
		size_t j;

		validate_body(json_is_object(m) ? m : NULL, spec, 4, v, e1,
		    english);
		json_array_foreach(e1, j, fe) {
			snprintf(name, sizeof name, "measures[%zu].%s", i,
			    json_string_value(json_object_get(fe, "field")));
			ferr_addf(errs, name, json_string_value(
			    json_object_get(fe, "message")));
		}
		if (json_array_size(e1) == 0)
			json_array_append_new(out, json_pack("{s:s, s:s?, s:s?, s:s}",
			    "text", v[0].s, "owner", v[1].type == SV_TEXT ?
			    v[1].s : NULL, "due", v[2].type == SV_TEXT ?
			    v[2].s : NULL, "status", v[3].s));
		json_decref(e1);
	}
	return out;
}

/* PUT …/plan {dated, needs, measures}: a new version. */
enum app_err
svc_plan_save(struct store *st, const struct actor *a, const char *subject,
    long long id, json_t *body, json_t *errs, json_t **out)
{
	static const struct field_spec spec[] = {
		{.name = "dated", .type = FT_DATE, .required = 1},
		{.name = "needs", .type = FT_TEXT, .required = 1, .maxlen = 5000},
	};
	struct store_val v[2];
	json_t *measures, *after = NULL;
	char now[20], *mtext;
	long long plan_id = 0;
	enum app_err e;

	if ((e = subject_exists(st, a, subject, id)) != APP_OK)
		return e;
	validate_body(body, spec, 2, v, errs, a->english);
	measures = plan_measures(json_object_get(body, "measures"), errs,
	    a->english);
	if (json_array_size(errs) > 0) {
		json_decref(measures);
		return APP_ERR_VALIDATION;
	}
	mtext = json_dumps(measures, JSON_COMPACT);
	json_decref(measures);
	store_now(now, 0);
	if ((e = store_begin(st)) != APP_OK) {
		free(mtext);
		return e;
	}
	if ((e = store_int(st, STMT_PLAN_INSERT, (struct store_val[]){
	    SV_I(a->zone_id), SV_T(subject), SV_I(id), v[0], v[1],
	    SV_T(mtext), a->user_id ? SV_I(a->user_id) : SV_NULLV,
	    SV_T(now)}, 8, &plan_id)) == APP_OK &&
	    (e = store_row1(st, STMT_PLAN_LATEST, (struct store_val[]){
	    SV_I(a->zone_id), SV_T(subject), SV_I(id)}, 3,
	    &after)) == APP_OK &&
	    (e = store_audit_part(st, a->zone_id, a->user_id,
	    "service_plan", plan_id, "create", NULL, after, subject, id)) ==
	    APP_OK)
		e = store_commit(st);
	else
		store_rollback(st);
	free(mtext);
	if (e != APP_OK) {
		json_decref(after);
		return e;
	}
	*out = after;
	return APP_OK;
}

enum app_err
h_plan_put(struct req *r)
{
	const char *subject;
	json_t *out;
	enum app_err e;

	if ((e = plan_subject(r, &subject)) != APP_OK || (e = svc_plan_save(
	    r->st, &r->actor, subject, r->id, r->json, r->errs, &out)) !=
	    APP_OK)
		return e;
	return reply_json(r, 201, out);
}

/* ---- assignments ------------------------------------------------------- */

int
svc_sees_all(const struct actor *a)
{
	return perm_allows(a->role, PERM_SERVICE_ALL);
}

/* GET /api/assignments?officer_id=&subject=: who answers for what now. */
enum app_err
h_assign_list(struct req *r)
{
	long long officer = arg_id(r, "officer_id");
	const char *subject = req_arg(r, "subject");
	json_t *rows;
	enum app_err e;

	if (subject != NULL && *subject != '\0' &&
	    rq_lookup(subjects, subject) < 0)
		ferr_add(r->errs, "subject", r->english, "应为 org 或 building",
		    "must be org or building");
	if (json_array_size(r->errs) > 0)
		return APP_ERR_VALIDATION;
	if ((e = store_rows(r->st, STMT_ASSIGN_CURRENT_ALL, (struct store_val[]){
	    SV_I(r->actor.zone_id), officer ? SV_I(officer) : SV_NULLV,
	    subject != NULL && *subject ? SV_T(subject) : SV_NULLV}, 3,
	    &rows)) != APP_OK)
		return e;
	return reply_json(r, 200, json_pack("{s:o}", "items", rows));
}

/* The subject named by {subject, subject_id} exists in the zone. */
static void
check_subject(struct store *st, const struct actor *a, const char *subject,
    const struct store_val *id, json_t *errs)
{
	json_t *o;

	if (subject == NULL || id->type != SV_INT)
		return;
	o = res_ref(st, a, strcmp(subject, "org") == 0 ? STMT_ORG_GET :
	    STMT_BUILDING_GET, id, "subject_id", errs);
	if (o != NULL && strcmp(subject, "org") == 0 &&
	    strcmp(json_str_of(o, "kind"), "enterprise") != 0)
		ferr_add(errs, "subject_id", a->english, "应为企业",
		    "must be an enterprise");
	json_decref(o);
}

/* GET /api/assignments/history?subject=&subject_id=: every officer, ended
 * ones too, newest first. */
enum app_err
h_assign_history(struct req *r)
{
	const char *subject = req_arg(r, "subject");
	long long id = arg_id(r, "subject_id");
	json_t *rows;
	enum app_err e;

	if (rq_lookup(subjects, subject) < 0)
		ferr_add(r->errs, "subject", r->english, "应为 org 或 building",
		    "must be org or building");
	if (id == 0 && json_array_size(r->errs) == 0)
		ferr_add(r->errs, "subject_id", r->english, "必填", "is required");
	if (json_array_size(r->errs) == 0)
		check_subject(r->st, &r->actor, subject, &SV_I(id), r->errs);
	if (json_array_size(r->errs) > 0)
		return APP_ERR_VALIDATION;
	if ((e = store_rows(r->st, STMT_ASSIGN_OF_SUBJECT, (struct store_val[]){
	    SV_I(r->actor.zone_id), SV_T(subject), SV_I(id)}, 3, &rows)) !=
	    APP_OK)
		return e;
	return reply_json(r, 200, json_pack("{s:o}", "items", rows));
}

/* An officer is a user of the zone who may act on requests. */
static void
check_officer(struct store *st, const struct actor *a, const char *field,
    const struct store_val *id, json_t *errs)
{
	json_t *u = res_ref(st, a, STMT_USER_GET, id, field, errs);
	enum role role;

	if (u != NULL && (role_parse(json_str_of(u, "role"), &role) != 0 ||
	    !perm_allows(role, PERM_SERVICE_WRITE) ||
	    json_is_true(json_object_get(u, "disabled"))))
		ferr_add(errs, field, a->english, "应为在岗的服务专员",
		    "must be an active service officer");
	json_decref(u);
}

/*
 * POST /api/assignments {officer_id, subject, subject_id, date_from, note}:
 * the officer answers for the subject from that day; whoever did until then
 * stops the day before (the history keeps both).
 */
enum app_err
svc_assign(struct store *st, const struct actor *a, json_t *body,
    json_t *errs, json_t **out)
{
	static const struct field_spec spec[] = {
		{.name = "officer_id", .type = FT_INT, .required = 1, .min = 1,
		    .max = 1LL << 53},
		{.name = "subject", .type = FT_ENUM, .required = 1,
		    .choices = subjects},
		{.name = "subject_id", .type = FT_INT, .required = 1, .min = 1,
		    .max = 1LL << 53},
		{.name = "date_from", .type = FT_DATE, .required = 1},
		{.name = "note", .type = FT_TEXT, .maxlen = 500},
	};
	struct store_val v[5];
	json_t *cur = NULL, *before = NULL, *after = NULL;
	char now[20], end[11];
	long long id = 0, cur_id = 0;
	struct date from;
	enum app_err e;

	validate_body(body, spec, 5, v, errs, a->english);
	check_officer(st, a, "officer_id", &v[0], errs);
	check_subject(st, a, v[1].type == SV_TEXT ? v[1].s : NULL,
	    &v[2], errs);
	if (json_array_size(errs) > 0)
		return APP_ERR_VALIDATION;
	date_parse(v[3].s, strlen(v[3].s), &from);
	date_format(date_add_days(from, -1), end);
	if ((e = store_rows(st, STMT_ASSIGN_CURRENT, (struct store_val[]){
	    SV_I(a->zone_id), v[1], v[2]}, 3, &cur)) != APP_OK)
		return e;
	if (json_array_size(cur) > 0) {
		json_t *c = json_array_get(cur, 0);

		cur_id = json_int_of(c, "id");
		if (json_int_of(c, "officer_id") == v[0].i)
			ferr_add(errs, "officer_id", a->english,
			    "已由该专员包保", "already assigned to this officer");
		else if (strcmp(v[3].s, json_str_of(c, "date_from")) <= 0)
			ferr_add(errs, "date_from", a->english,
			    "应晚于现任专员的开始日期",
			    "must be after the current officer's first day");
	}
	json_decref(cur);
	if (json_array_size(errs) > 0)
		return APP_ERR_VALIDATION;
	store_now(now, 0);
	if ((e = store_begin(st)) != APP_OK)
		return e;
	if (cur_id != 0 && ((e = store_row1(st, STMT_ASSIGN_GET,
	    (struct store_val[]){SV_I(a->zone_id), SV_I(cur_id)}, 2,
	    &before)) != APP_OK || (e = store_query(st, STMT_ASSIGN_END,
	    (struct store_val[]){SV_I(a->zone_id), SV_I(cur_id),
	    SV_T(end), SV_T(now)}, 4, NULL, NULL, NULL)) != APP_OK ||
	    (e = store_row1(st, STMT_ASSIGN_GET, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(cur_id)}, 2, &after)) != APP_OK ||
	    (e = store_audit_part(st, a->zone_id, a->user_id,
	    "assignment", cur_id, "update", before, after, v[1].s, v[2].i)) !=
	    APP_OK))
		goto fail;
	json_decref(before);
	json_decref(after);
	before = after = NULL;
	if ((e = store_int(st, STMT_ASSIGN_INSERT, (struct store_val[]){
	    SV_I(a->zone_id), v[0], v[1], v[2], v[3], v[4], SV_T(now)},
	    7, &id)) != APP_OK ||
	    (e = store_row1(st, STMT_ASSIGN_GET, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(id)}, 2, &after)) != APP_OK ||
	    (e = store_audit_part(st, a->zone_id, a->user_id,
	    "assignment", id, "create", NULL, after, v[1].s, v[2].i)) !=
	    APP_OK || (e = store_commit(st)) != APP_OK)
		goto fail;
	*out = after;
	return APP_OK;
fail:
	store_rollback(st);
	json_decref(before);
	json_decref(after);
	return e;
}

enum app_err
h_assign_create(struct req *r)
{
	json_t *out;
	enum app_err e = svc_assign(r->st, &r->actor, r->json, r->errs, &out);

	return e != APP_OK ? e : reply_json(r, 201, out);
}

/* POST /api/assignments/{id}/end {date_to}: nobody answers for it after. */
enum app_err
h_assign_end(struct req *r)
{
	static const struct field_spec spec[] = {
		{.name = "date_to", .type = FT_DATE, .required = 1},
	};
	struct store_val v[1];
	json_t *before = NULL, *after = NULL;
	char now[20];
	enum app_err e;

	if ((e = store_row1(r->st, STMT_ASSIGN_GET, (struct store_val[]){
	    SV_I(r->actor.zone_id), SV_I(r->id)}, 2, &before)) != APP_OK)
		return e;
	validate_body(r->json, spec, 1, v, r->errs, r->english);
	if (!json_is_null(json_object_get(before, "date_to")))
		ferr_add(r->errs, "date_to", r->english, "该包保已结束",
		    "this assignment has ended already");
	else if (v[0].type == SV_TEXT && strcmp(v[0].s, json_str_of(before,
	    "date_from")) < 0)
		ferr_add(r->errs, "date_to", r->english, "不能早于开始日期",
		    "cannot be before the first day");
	if (json_array_size(r->errs) > 0) {
		json_decref(before);
		return APP_ERR_VALIDATION;
	}
	store_now(now, 0);
	if ((e = store_begin(r->st)) == APP_OK) {
		if ((e = store_query(r->st, STMT_ASSIGN_END, (struct store_val[]){
		    SV_I(r->actor.zone_id), SV_I(r->id), v[0], SV_T(now)}, 4,
		    NULL, NULL, NULL)) == APP_OK &&
		    (e = store_row1(r->st, STMT_ASSIGN_GET, (struct store_val[]){
		    SV_I(r->actor.zone_id), SV_I(r->id)}, 2, &after)) ==
		    APP_OK && (e = store_audit_part(r->st, r->actor.zone_id,
		    r->actor.user_id, "assignment", r->id, "update", before,
		    after, json_str_of(before, "subject"), json_int_of(before,
		    "subject_id"))) == APP_OK)
			e = store_commit(r->st);
		else
			store_rollback(r->st);
	}
	json_decref(before);
	if (e != APP_OK) {
		json_decref(after);
		return e;
	}
	return reply_json(r, 200, after);
}

/*
 * GET /api/portfolio?officer_id=: what an officer answers for (and did),
 * with the open and overdue requests of each enterprise. An officer without
 * service_all.read sees only their own.
 */
enum app_err
h_portfolio(struct req *r)
{
	long long officer = arg_id(r, "officer_id");
	json_t *u = NULL, *rows = NULL, *it, *status = NULL, *b;
	char today[11];
	long long open = 0, late = 0, n;
	size_t i, j;
	enum app_err e;

	if (json_array_size(r->errs) > 0)
		return APP_ERR_VALIDATION;
	if (officer == 0)
		officer = r->actor.user_id;
	if (officer != r->actor.user_id && !svc_sees_all(&r->actor))
		return APP_ERR_FORBIDDEN;
	if ((e = store_row1(r->st, STMT_USER_GET, (struct store_val[]){
	    SV_I(r->actor.zone_id), SV_I(officer)}, 2, &u)) != APP_OK)
		return e;
	date_format(date_today_cn(), today);
	if ((e = store_rows(r->st, STMT_ASSIGN_OF_OFFICER, (struct store_val[]){
	    SV_I(r->actor.zone_id), SV_I(officer), SV_I(1)}, 3, &rows)) !=
	    APP_OK || (e = svc_check_status(r->st, &r->actor, date_today_cn(),
	    &status)) != APP_OK)
		goto out;
	json_array_foreach(rows, i, it) {
		int is_org = strcmp(json_str_of(it, "subject"), "org") == 0;
		struct store_val k[12] = {SV_I(r->actor.zone_id), SV_NULLV,
		    SV_T("open"), SV_NULLV, SV_NULLV, SV_NULLV, SV_NULLV,
		    SV_NULLV, SV_NULLV};

		if (!json_is_null(json_object_get(it, "date_to")))
			continue;
		if (is_org) {
			k[4] = SV_I(json_int_of(it, "subject_id"));
			if ((e = store_int(r->st, STMT_REQ_COUNT, k, 9, &n)) !=
			    APP_OK)
				goto out;
			json_object_set_new(it, "open_requests", json_integer(n));
			k[6] = SV_T(today);
			if ((e = store_int(r->st, STMT_REQ_COUNT, k, 9, &n)) !=
			    APP_OK)
				goto out;
			json_object_set_new(it, "overdue_requests",
			    json_integer(n));
			continue;
		}
		json_array_foreach(status, j, b)
			if (json_int_of(b, "id") == json_int_of(it, "subject_id")) {
				json_object_set(it, "checks",
				    json_object_get(b, "checks"));
				json_object_set(it, "open_issues",
				    json_object_get(b, "open_issues"));
			}
	}
	/* Requests routed to the officer, whatever the enterprise. */
	{
		struct store_val k[9] = {SV_I(r->actor.zone_id), SV_NULLV,
		    SV_T("open"), SV_NULLV, SV_NULLV, SV_NULLV, SV_NULLV,
		    SV_NULLV, SV_I(officer)};

		if ((e = store_int(r->st, STMT_REQ_COUNT, k, 9, &open)) !=
		    APP_OK)
			goto out;
		k[6] = SV_T(today);
		if ((e = store_int(r->st, STMT_REQ_COUNT, k, 9, &late)) !=
		    APP_OK)
			goto out;
	}
	e = reply_json(r, 200, json_pack("{s:{s:I, s:O}, s:O, s:{s:I, s:I}}",
	    "officer", "id", (json_int_t)officer, "name",
	    json_object_get(u, "name"), "items", rows, "requests", "open",
	    (json_int_t)open, "overdue", (json_int_t)late));
out:
	json_decref(u);
	json_decref(rows);
	json_decref(status);
	return e;
}

/* ---- request limits ---------------------------------------------------- */

enum app_err
svc_limits(struct store *st, long long zone_id,
    struct rq_limits out[RQ__CATEGORIES])
{
	json_t *rows, *row;
	size_t i;
	enum app_err e;

	for (int c = 0; c < RQ__CATEGORIES; c++)
		out[c] = rq_default_limits;
	if ((e = store_rows(st, STMT_REQ_LIMITS, (struct store_val[]){
	    SV_I(zone_id)}, 1, &rows)) != APP_OK)
		return e;
	json_array_foreach(rows, i, row) {
		int c = rq_lookup(rq_category_names, json_str_of(row, "category"));

		if (c < 0)
			continue;
		out[c].start = (int)json_int_of(row, "start_days");
		out[c].answer = (int)json_int_of(row, "answer_days");
		out[c].resolve = (int)json_int_of(row, "resolve_days");
		out[c].complex = (int)json_int_of(row, "complex_days");
	}
	json_decref(rows);
	return APP_OK;
}

static json_t *
limits_json(const struct rq_limits l[RQ__CATEGORIES], int english)
{
	json_t *items = json_array();

	for (int c = 0; c < RQ__CATEGORIES; c++)
		json_array_append_new(items, json_pack("{s:s, s:s, s:i, s:i, s:i,"
		    " s:i}", "category", rq_category_names[c], "label",
		    rq_category_label((enum rq_category)c, english), "start",
		    l[c].start, "answer", l[c].answer, "resolve", l[c].resolve,
		    "complex", l[c].complex));
	return items;
}

enum app_err
h_limits_get(struct req *r)
{
	struct rq_limits l[RQ__CATEGORIES];
	enum app_err e = svc_limits(r->st, r->actor.zone_id, l);

	if (e != APP_OK)
		return e;
	return reply_json(r, 200, json_pack("{s:o}", "items",
	    limits_json(l, r->english)));
}

/* PUT /api/request-limits {items: [{category, start, answer, resolve,
 * complex}]}: the categories named change, in working days. */
enum app_err
h_limits_put(struct req *r)
{
	static const struct field_spec spec[] = {
		{.name = "category", .type = FT_ENUM, .required = 1,
		    .choices = rq_category_names},
		{.name = "start", .type = FT_INT, .required = 1, .min = 0,
		    .max = 365},
		{.name = "answer", .type = FT_INT, .required = 1, .min = 0,
		    .max = 365},
		{.name = "resolve", .type = FT_INT, .required = 1, .min = 0,
		    .max = 365},
		{.name = "complex", .type = FT_INT, .required = 1, .min = 0,
		    .max = 365},
	};
	struct rq_limits old[RQ__CATEGORIES], neu[RQ__CATEGORIES];
	json_t *items = json_object_get(r->json, "items"), *it;
	json_t *before, *after;
	char now[20], name[48];
	size_t i;
	enum app_err e;

	if ((e = svc_limits(r->st, r->actor.zone_id, old)) != APP_OK)
		return e;
	memcpy(neu, old, sizeof neu);
	if (!json_is_array(items) || json_array_size(items) == 0 ||
	    json_array_size(items) > RQ__CATEGORIES) {
		ferr_add(r->errs, "items", r->english, "应为1到8个类别的列表",
		    "must list 1 to 8 categories");
		return APP_ERR_VALIDATION;
	}
	json_array_foreach(items, i, it) {
		struct store_val v[5];
		json_t *e1 = json_array(), *fe;
		size_t j;

		validate_body(json_is_object(it) ? it : NULL, spec, 5, v, e1,
		    r->english);
		if (json_array_size(e1) == 0 && !(v[1].i <= v[2].i &&
		    v[2].i <= v[3].i && v[3].i <= v[4].i))
			ferr_add(e1, "resolve", r->english,
			    "应满足 启动 ≤ 首次答复 ≤ 办结 ≤ 复杂办结",
			    "must keep start ≤ answer ≤ resolve ≤ complex");
		json_array_foreach(e1, j, fe) {
			snprintf(name, sizeof name, "items[%zu].%s", i,
			    json_string_value(json_object_get(fe, "field")));
			ferr_addf(r->errs, name, json_string_value(
			    json_object_get(fe, "message")));
		}
		if (json_array_size(e1) == 0) {
			int c = rq_lookup(rq_category_names, v[0].s);

			neu[c] = (struct rq_limits){(int)v[1].i, (int)v[2].i,
			    (int)v[3].i, (int)v[4].i};
		}
		json_decref(e1);
	}
	if (json_array_size(r->errs) > 0)
		return APP_ERR_VALIDATION;
	store_now(now, 0);
	if ((e = store_begin(r->st)) != APP_OK)
		return e;
	for (int c = 0; c < RQ__CATEGORIES && e == APP_OK; c++)
		if (memcmp(&old[c], &neu[c], sizeof old[c]) != 0)
			e = store_query(r->st, STMT_REQ_LIMIT_SET,
			    (struct store_val[]){SV_I(r->actor.zone_id),
			    SV_T(rq_category_names[c]), SV_I(neu[c].start),
			    SV_I(neu[c].answer), SV_I(neu[c].resolve),
			    SV_I(neu[c].complex), SV_T(now)}, 7, NULL, NULL,
			    NULL);
	before = json_pack("{s:o}", "items", limits_json(old, 0));
	after = json_pack("{s:o}", "items", limits_json(neu, 0));
	if (e == APP_OK)
		e = store_audit(r->st, r->actor.zone_id, r->actor.user_id,
		    "request_limits", r->actor.zone_id, "update", before, after);
	json_decref(before);
	json_decref(after);
	if (e == APP_OK)
		e = store_commit(r->st);
	else
		store_rollback(r->st);
	if (e != APP_OK)
		return e;
	return reply_json(r, 200, json_pack("{s:o}", "items",
	    limits_json(neu, r->english)));
}
