/*
 * Key projects. Rows come from one statement with the latest report and
 * event as of a date; status, phase and the warning light are derived here
 * from those, never stored. Lists are filtered, sorted and paged in C over
 * the zone's rows: a zone holds hundreds to a few thousand projects, and
 * the derived columns (light, status) cannot be filtered in SQL; the phase
 * can, and is (bench/README.md: W1).
 */
#include <stdlib.h>
#include <string.h>

#include "api/handlers.h"
#include "api/projects.h"
#include "api/resource.h"
#include "api/rows.h"
#include "api/settings.h"
#include "domain/kfg.h"
#include "domain/phase.h"
#include "http/reply.h"
#include "util/xalloc.h"

static const char *const levels[] = {"provincial", "municipal", "district",
    NULL};
static const char *const year_kinds[] = {"new", "continuing", "completing",
    NULL};
static const char *const statuses[] = {"not_started", "started", "stopped",
    NULL};
static const char *const lights[] = {"green", "yellow", "red", NULL};

/* Bind order of PROJECT_INSERT/PROJECT_UPDATE after ?1 zone and ?2 now. */
static const struct field_spec fields[] = {
	{.name = "code", .type = FT_TEXT, .required = 1, .maxlen = 32},
	{.name = "name", .type = FT_TEXT, .required = 1, .maxlen = 200},
	{.name = "level", .type = FT_ENUM, .required = 1, .choices = levels},
	{.name = "park_id", .type = FT_INT, .min = 1, .max = 1LL << 53},
	{.name = "chain_id", .type = FT_INT, .min = 1, .max = 1LL << 53},
	{.name = "owner_org_id", .type = FT_INT, .min = 1, .max = 1LL << 53},
	{.name = "contractor_org_id", .type = FT_INT, .min = 1, .max = 1LL << 53},
	{.name = "manager", .type = FT_TEXT, .maxlen = 50},
	{.name = "leader", .type = FT_TEXT, .maxlen = 50},
	{.name = "total_investment", .type = FT_NUM, .min = 0, .max = 100000000},
	{.name = "planned_start", .type = FT_DATE},
	{.name = "planned_finish", .type = FT_DATE},
	{.name = "location", .type = FT_TEXT, .maxlen = 200},
	{.name = "note", .type = FT_TEXT, .maxlen = 2000},
	{.name = "archived", .type = FT_BOOL},
};
#define NFIELDS (sizeof fields / sizeof fields[0])

static const struct field_spec year_fields[] = {
	{.name = "year", .type = FT_INT, .required = 1, .min = 2000,
	    .max = 2100},
	{.name = "kind", .type = FT_ENUM, .required = 1, .choices = year_kinds},
	{.name = "planned_investment", .type = FT_NUM, .min = 0,
	    .max = 100000000},
};

/* Keys a caller may sort by: stored and derived columns alike. */
static const char *const sorts[] = {"code", "name", "level", "park_name",
    "chain_name", "owner_name", "contractor_name", "manager", "leader",
    "total_investment", "planned_start", "planned_finish", "phase_index",
    "status", "light_rank", "invest_to_date", "started_on",
    "last_report_date", "updated_at", "created_at", "id", NULL};

/* What the audit trail keeps: the stored record, not derived figures. */
static const char *const stored[] = {"id", "code", "name", "level",
    "park_id", "chain_id", "owner_org_id", "contractor_org_id", "manager",
    "leader", "total_investment", "planned_start", "planned_finish",
    "location", "note", "archived", "years", NULL};

static int
get_date(json_t *o, const char *key, struct date *d)
{
	const char *s = json_string_value(json_object_get(o, key));

	return s != NULL && date_parse(s, strlen(s), d) == 0;
}

/* Adds status, phase, light and the reasons for it to one row. */
static void
derive(json_t *p, const struct warn_rules *rules, struct date as_of,
    int english)
{
	const char *ev = json_string_value(json_object_get(p, "last_event"));
	json_t *ph = json_object_get(p, "phase_index"), *inv, *reasons;
	struct warn_input in = {.as_of = as_of};
	struct warn_result w;
	char msg[256];
	enum pstatus st = ev == NULL ? PST_NOT_STARTED :
	    strcmp(ev, "stop") == 0 ? PST_STOPPED : PST_STARTED;

	json_object_set_new(p, "status", json_string(pstatus_code(st)));
	if (json_is_integer(ph)) {
		int i = (int)json_integer_value(ph);

		json_object_set_new(p, "phase", json_string(phase_code(i)));
		json_object_set_new(p, "phase_label",
		    json_string(phase_label(i, english)));
	} else {
		json_object_set_new(p, "phase", json_null());
		json_object_set_new(p, "phase_label", json_null());
	}
	in.has_planned_start = get_date(p, "planned_start", &in.planned_start);
	in.has_planned_finish = get_date(p, "planned_finish",
	    &in.planned_finish);
	in.started = st != PST_NOT_STARTED;
	in.stopped = st == PST_STOPPED;
	in.total_investment = json_number_value(json_object_get(p,
	    "total_investment"));
	inv = json_object_get(p, "invest_to_date");
	in.has_invest = json_is_number(inv);
	in.invest_to_date = json_number_value(inv);
	in.overdue_problems = (long)json_integer_value(json_object_get(p,
	    "overdue_problems"));
	warn_eval(rules, &in, &w);
	reasons = json_array();
	for (size_t i = 0; i < w.nreasons; i++) {
		warn_reason_text(&w.reasons[i], english, msg, sizeof msg);
		json_array_append_new(reasons, json_pack("{s:s, s:s, s:s}",
		    "code", w.reasons[i].code, "light",
		    light_code(w.reasons[i].light), "message", msg));
	}
	json_object_set_new(p, "light", json_string(light_code(w.light)));
	json_object_set_new(p, "light_rank", json_integer(w.light));
	json_object_set_new(p, "warnings", reasons);
}

enum app_err
project_current(struct store *st, const struct actor *a, long long pid)
{
	struct store_val k[2] = {SV_I(a->zone_id), SV_I(pid)};
	enum app_err e;

	if ((e = store_query(st, STMT_PROJECT_CURRENT, k, 2, NULL, NULL,
	    NULL)) != APP_OK)
		return e;
	return store_query(st, STMT_PROJECT_YEARS_CURRENT, k, 2, NULL, NULL,
	    NULL);
}

/* Loads rows of PROJECT_ROWS and attaches their year lists. */
static enum app_err
load(struct store *st, const struct actor *a, long long id,
    const struct project_query *pq, json_t **out)
{
	char asof[11], yk[24];
	json_t *rows = NULL, *years = NULL, *byid, *y, *p, *settings = NULL;
	struct warn_rules rules;
	size_t i;
	enum app_err e;

	date_format(pq->as_of, asof);
	/* One project: by its key (filters do not apply to a page). */
	if (id != 0)
		e = store_rows(st, STMT_PROJECT_ONE, (struct store_val[]){
		    SV_I(a->zone_id), SV_T(asof), SV_I(id)}, 3, &rows);
	else
		e = store_rows(st, STMT_PROJECT_ROWS, (struct store_val[]){
		    SV_I(a->zone_id), SV_T(asof), SV_NULLV,
		    pq->park_id ? SV_I(pq->park_id) : SV_NULLV, SV_T(pq->level),
		    pq->chain_id ? SV_I(pq->chain_id) : SV_NULLV, SV_T(pq->lq.q),
		    pq->year ? SV_I(pq->year) : SV_NULLV, SV_T(pq->year_kind),
		    SV_I(pq->archived),
		    pq->owner_org_id ? SV_I(pq->owner_org_id) : SV_NULLV,
		    pq->phase != NULL && phase_parse(pq->phase) >= 0 ?
		    SV_I(phase_parse(pq->phase)) : SV_NULLV}, 12, &rows);
	/* A list attaches year lists to the rows of its page only
	 * (attach_years): a placeholder keeps the key's place in the row. */
	if (e == APP_OK && id != 0)
		e = store_rows(st, STMT_PROJECT_YEARS_ONE, (struct store_val[]){
		    SV_I(a->zone_id), SV_I(id)}, 2, &years);
	if (e == APP_OK)
		e = settings_load(st, a->zone_id, &settings);
	if (e != APP_OK) {
		json_decref(rows);
		json_decref(years);
		return e;
	}
	settings_warn_rules(settings, &rules);
	json_decref(settings);
	byid = json_object();
	json_array_foreach(years, i, y) {
		json_t *list;

		snprintf(yk, sizeof yk, "%lld", (long long)json_integer_value(
		    json_object_get(y, "project_id")));
		if ((list = json_object_get(byid, yk)) == NULL) {
			list = json_array();
			json_object_set_new(byid, yk, list);
		}
		json_object_del(y, "project_id");
		json_array_append(list, y);
	}
	json_array_foreach(rows, i, p) {
		json_t *list;

		snprintf(yk, sizeof yk, "%lld", (long long)json_integer_value(
		    json_object_get(p, "id")));
		list = json_object_get(byid, yk);
		json_object_set_new(p, "years", id == 0 ? json_null() : list ?
		    json_incref(list) : json_array());
		derive(p, &rules, pq->as_of, a->english);
	}
	json_decref(byid);
	json_decref(years);
	*out = rows;
	return APP_OK;
}

enum app_err
project_get(struct store *st, const struct actor *a, long long id,
    struct date as_of, json_t **out)
{
	struct project_query pq = {.as_of = as_of};
	json_t *rows;
	enum app_err e;

	*out = NULL;
	if ((e = load(st, a, id, &pq, &rows)) != APP_OK)
		return e;
	if (json_array_size(rows) == 0) {
		json_decref(rows);
		return APP_ERR_NOT_FOUND;
	}
	*out = json_incref(json_array_get(rows, 0));
	json_decref(rows);
	/* The thread through the project's life: its lead and its cases. */
	{
		json_t *leads = NULL, *cases = NULL;
		struct store_val k[2] = {SV_I(a->zone_id), SV_I(id)};

		if ((e = store_rows(st, STMT_PROJECT_LEADS, k, 2, &leads)) !=
		    APP_OK || (e = store_rows(st, STMT_PROJECT_CASES, k, 2,
		    &cases)) != APP_OK) {
			json_decref(leads);
			json_decref(*out);
			*out = NULL;
			return e;
		}
		json_object_set_new(*out, "leads", leads);
		json_object_set_new(*out, "acceptance_cases", cases);
	}
	return APP_OK;
}

static int
keep(json_t *p, const struct project_query *pq)
{
	const char *v;

	if (pq->phase != NULL && ((v = json_string_value(json_object_get(p,
	    "phase"))) == NULL || strcmp(v, pq->phase) != 0))
		return 0;
	if (pq->status != NULL && strcmp(json_string_value(json_object_get(p,
	    "status")), pq->status) != 0)
		return 0;
	if (pq->light != NULL && strcmp(json_string_value(json_object_get(p,
	    "light")), pq->light) != 0)
		return 0;
	return 1;
}

/* Sets "years" of the rows of a page: one statement per row for a page of
 * a list, the zone's year lists for a long page (an export). */
static enum app_err
attach_years(struct store *st, const struct actor *a, json_t *items)
{
	json_t *p, *years = NULL, *y, *byid = NULL;
	size_t i, k;
	char yk[24];
	enum app_err e;

	if (json_array_size(items) > 200) {
		if ((e = store_rows(st, STMT_PROJECT_YEARS, (struct store_val[]){
		    SV_I(a->zone_id), SV_NULLV}, 2, &years)) != APP_OK)
			return e;
		byid = json_object();
		json_array_foreach(years, k, y) {
			json_t *list;

			snprintf(yk, sizeof yk, "%lld", (long long)
			    json_integer_value(json_object_get(y, "project_id")));
			if ((list = json_object_get(byid, yk)) == NULL) {
				list = json_array();
				json_object_set_new(byid, yk, list);
			}
			json_object_del(y, "project_id");
			json_array_append(list, y);
		}
		json_decref(years);
	}
	json_array_foreach(items, i, p) {
		long long id = json_integer_value(json_object_get(p, "id"));
		json_t *list = NULL;

		if (byid != NULL) {
			snprintf(yk, sizeof yk, "%lld", id);
			list = json_incref(json_object_get(byid, yk));
		} else {
			if ((e = store_rows(st, STMT_PROJECT_YEARS_ONE,
			    (struct store_val[]){SV_I(a->zone_id), SV_I(id)}, 2,
			    &list)) != APP_OK)
				return e;
			json_array_foreach(list, k, y)
				json_object_del(y, "project_id");
		}
		json_object_set_new(p, "years", list ? list : json_array());
	}
	json_decref(byid);
	return APP_OK;
}

enum app_err
project_list(struct store *st, const struct actor *a,
    const struct project_query *pq, json_t **out)
{
	json_t *rows, *p, *page;
	json_t **kept;
	size_t i, n = 0;
	long long c[3] = {0, 0, 0};
	enum app_err e = load(st, a, 0, pq, &rows);

	if (e != APP_OK)
		return e;
	kept = xcalloc(json_array_size(rows) + 1, sizeof *kept);
	json_array_foreach(rows, i, p)
		if (keep(p, pq)) {
			kept[n++] = p;
			c[json_integer_value(json_object_get(p, "light_rank"))]++;
		}
	page = rows_page(kept, n, &pq->lq);
	free(kept);
	json_decref(rows);
	if ((e = attach_years(st, a, json_object_get(page, "items"))) !=
	    APP_OK) {
		json_decref(page);
		return e;
	}
	json_object_set_new(page, "lights", json_pack("{s:I, s:I, s:I}",
	    "green", (json_int_t)c[0], "yellow", (json_int_t)c[1], "red",
	    (json_int_t)c[2]));
	*out = page;
	return APP_OK;
}

static long long
parse_id(const char *v, const char *name, json_t *errs, int english)
{
	long long id;

	if (v == NULL || *v == '\0')
		return 0;
	if (parse_ll(v, &id) != 0 || id < 1) {
		ferr_add(errs, name, english, "应为正整数",
		    "must be a positive whole number");
		return 0;
	}
	return id;
}

void
project_query_parse(struct project_query *pq, const char *(*get)(void *,
    const char *), void *ctx, json_t *errs, int english)
{
	static const struct field_spec filters[] = {
		{.name = "level", .type = FT_ENUM, .choices = levels},
		{.name = "year_kind", .type = FT_ENUM, .choices = year_kinds},
		{.name = "phase", .type = FT_ENUM, .choices = phase_codes},
		{.name = "status", .type = FT_ENUM, .choices = statuses},
		{.name = "light", .type = FT_ENUM, .choices = lights},
	};
	const char *v;

	memset(pq, 0, sizeof *pq);
	list_query_parse(&pq->lq, get, ctx, sorts, filters, 5, errs, english);
	pq->level = pq->lq.filters[0];
	pq->year_kind = pq->lq.filters[1];
	pq->phase = pq->lq.filters[2];
	pq->status = pq->lq.filters[3];
	pq->light = pq->lq.filters[4];
	pq->park_id = parse_id(get(ctx, "park_id"), "park_id", errs, english);
	pq->chain_id = parse_id(get(ctx, "chain_id"), "chain_id", errs,
	    english);
	pq->year = parse_id(get(ctx, "year"), "year", errs, english);
	v = get(ctx, "archived");
	pq->archived = v != NULL && (strcmp(v, "1") == 0 ||
	    strcmp(v, "true") == 0);
	pq->as_of = date_today_cn();
	if ((v = get(ctx, "as_of")) != NULL && *v != '\0' &&
	    date_parse(v, strlen(v), &pq->as_of) != 0)
		ferr_add(errs, "as_of", english, "日期应为YYYY-MM-DD格式",
		    "must be a date written YYYY-MM-DD");
	/* A year kind names a year's list: the as-of year unless given. */
	if (pq->year_kind != NULL && pq->year == 0)
		pq->year = pq->as_of.y;
}

/* A reference must name a record of the zone; an owner or contractor is
 * not a government department. */
static void
check_ref(struct store *st, const struct actor *a, enum stmt get,
    const struct store_val *v, const char *field, json_t *errs,
    int not_department)
{
	json_t *o = res_ref(st, a, get, v, field, errs);

	if (o != NULL && not_department && strcmp(json_string_value(
	    json_object_get(o, "kind")), "department") == 0)
		ferr_add(errs, field, a->english, "不能是政府部门",
		    "cannot be a government department");
	json_decref(o);
}

/* Validates "years": [{year, kind, planned_investment}], no year twice. */
static void
check_years(json_t *years, struct store_val (*yv)[3], size_t *ny,
    json_t *errs, int english)
{
	json_t *y, *sub;
	size_t i;
	char name[48];

	*ny = 0;
	if (years == NULL || json_is_null(years))
		return;
	if (!json_is_array(years) || json_array_size(years) > 50) {
		ferr_add(errs, "years", english, "应为最多50项的列表",
		    "must be a list of at most 50 entries");
		return;
	}
	json_array_foreach(years, i, y) {
		size_t k;

		if (!json_is_object(y)) {
			snprintf(name, sizeof name, "years[%zu]", i);
			ferr_add(errs, name, english, "应为对象",
			    "must be an object");
			continue;
		}
		sub = json_array();
		validate_body(y, year_fields, 3, yv[*ny], sub, english);
		for (k = 0; k < json_array_size(sub); k++) {
			json_t *f = json_array_get(sub, k);

			snprintf(name, sizeof name, "years[%zu].%s", i,
			    json_string_value(json_object_get(f, "field")));
			ferr_addf(errs, name, json_string_value(
			    json_object_get(f, "message")));
		}
		if (json_array_size(sub) == 0) {
			for (k = 0; k < *ny; k++)
				if (yv[k][0].i == yv[*ny][0].i) {
					snprintf(name, sizeof name,
					    "years[%zu].year", i);
					ferr_add(errs, name, english,
					    "同一年份只能出现一次",
					    "a year can appear only once");
				}
			(*ny)++;
		}
		json_decref(sub);
	}
}

enum app_err
project_save(struct store *st, const struct actor *a, long long id,
    json_t *body, json_t *errs, json_t **out)
{
	struct store_val v[NFIELDS], args[NFIELDS + 3], yv[50][3];
	struct date today = date_today_cn();
	json_t *before = NULL, *after = NULL;
	char now[20];
	size_t ny = 0;
	long long newid = id;
	enum app_err e;

	validate_body(body, fields, NFIELDS, v, errs, a->english);
	check_years(json_object_get(body, "years"), yv, &ny, errs, a->english);
	check_ref(st, a, STMT_PARK_GET, &v[3], "park_id", errs, 0);
	check_ref(st, a, STMT_CHAIN_GET, &v[4], "chain_id", errs, 0);
	check_ref(st, a, STMT_ORG_GET, &v[5], "owner_org_id", errs, 1);
	check_ref(st, a, STMT_ORG_GET, &v[6], "contractor_org_id", errs, 1);
	if (v[10].type == SV_TEXT && v[11].type == SV_TEXT &&
	    strcmp(v[11].s, v[10].s) < 0)
		ferr_add(errs, "planned_finish", a->english,
		    "计划竣工日期不能早于计划开工日期",
		    "the planned finish cannot be before the planned start");
	if (json_array_size(errs) > 0)
		return APP_ERR_VALIDATION;
	store_now(now, 0);
	args[res_bind(a, now, v, NFIELDS, args)] = SV_I(id);
	if ((e = store_begin(st)) != APP_OK)
		return e;
	if (id != 0) {
		if ((e = project_get(st, a, id, today, &before)) != APP_OK)
			goto fail;
		e = store_query(st, STMT_PROJECT_UPDATE, args, NFIELDS + 3,
		    NULL, NULL, NULL);
	} else
		e = store_int(st, STMT_PROJECT_INSERT, args, NFIELDS + 2,
		    &newid);
	if (e != APP_OK)
		goto fail;
	if ((e = store_query(st, STMT_PROJECT_YEARS_CLEAR, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(newid)}, 2, NULL, NULL, NULL)) != APP_OK)
		goto fail;
	for (size_t i = 0; i < ny; i++)
		if ((e = store_query(st, STMT_PROJECT_YEAR_ADD,
		    (struct store_val[]){SV_I(a->zone_id), SV_I(newid),
		    yv[i][0], yv[i][1], yv[i][2]}, 5, NULL, NULL, NULL)) !=
		    APP_OK)
			goto fail;
	if ((e = project_current(st, a, newid)) != APP_OK ||
	    (e = project_get(st, a, newid, today, &after)) != APP_OK)
		goto fail;
	if ((e = audit_stored(st, a, "project", newid, before, after,
	    stored)) != APP_OK || (e = store_commit(st)) != APP_OK)
		goto fail;
	json_decref(before);
	*out = after;
	return APP_OK;
fail:
	if (e == APP_ERR_CONFLICT)
		conflict_fields(st, errs, a->english);
	store_rollback(st);
	json_decref(before);
	json_decref(after);
	return e;
}

enum app_err
project_exists(struct store *st, const struct actor *a, long long id)
{
	json_t *row = NULL;
	enum app_err e = store_row1(st, STMT_PROJECT_OWNER, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(id)}, 2, &row);

	json_decref(row);
	return e;
}

long long
project_id_by_code(struct store *st, const struct actor *a, const char *code)
{
	long long id = 0;

	store_int(st, STMT_PROJECT_BY_CODE, (struct store_val[]){
	    SV_I(a->zone_id), SV_T(code)}, 2, &id);
	return id;
}

/* Loads a project's events as kinds and dates, in order. */
static enum app_err
load_events(struct store *st, const struct actor *a, long long pid,
    json_t **rows)
{
	return store_rows(st, STMT_EVENT_LIST, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(pid)}, 2, rows);
}

enum app_err
project_event_add(struct store *st, const struct actor *a, long long pid,
    json_t *body, json_t *errs, json_t **out)
{
	static const char *const kinds[] = {"start", "stop", "resume", NULL};
	static const struct field_spec f[] = {
		{.name = "kind", .type = FT_ENUM, .required = 1, .choices = kinds},
		{.name = "date", .type = FT_DATE, .required = 1},
		{.name = "reason", .type = FT_TEXT, .maxlen = 500},
	};
	struct store_val v[3];
	enum pevent *ks = NULL;
	struct date *ds = NULL, d, today = date_today_cn();
	json_t *rows = NULL, *ev, *after = NULL;
	size_t i, n = 0, at;
	long long id = 0;
	char now[20];
	enum app_err e;

	validate_body(body, f, 3, v, errs, a->english);
	if (json_array_size(errs) > 0)
		return APP_ERR_VALIDATION;
	date_parse(v[1].s, strlen(v[1].s), &d);
	if (date_cmp(d, today) > 0)
		ferr_add(errs, "date", a->english, "不能晚于今天",
		    "cannot be later than today");
	if (strcmp(v[0].s, "stop") == 0 && v[2].type == SV_NULL)
		ferr_add(errs, "reason", a->english, "停工须说明原因",
		    "a stop needs a reason");
	if (json_array_size(errs) > 0)
		return APP_ERR_VALIDATION;
	if ((e = store_begin(st)) != APP_OK)
		return e;
	if ((e = load_events(st, a, pid, &rows)) != APP_OK)
		goto out;
	ks = xcalloc(json_array_size(rows) + 1, sizeof *ks);
	ds = xcalloc(json_array_size(rows) + 1, sizeof *ds);
	/* The new event goes after the ones of the same day or earlier. */
	at = 0;
	json_array_foreach(rows, i, ev) {
		const char *ds_ = json_string_value(json_object_get(ev, "date"));

		pevent_parse(json_string_value(json_object_get(ev, "kind")),
		    &ks[n]);
		date_parse(ds_, strlen(ds_), &ds[n]);
		if (date_cmp(ds[n], d) <= 0)
			at = n + 1;
		n++;
	}
	memmove(ks + at + 1, ks + at, (n - at) * sizeof *ks);
	memmove(ds + at + 1, ds + at, (n - at) * sizeof *ds);
	pevent_parse(v[0].s, &ks[at]);
	ds[at] = d;
	if (pevents_check(ks, ds, n + 1) >= 0) {
		ferr_add(errs, "kind", a->english,
		    "事件顺序不对：应为 开工 → 停工 → 复工 → 停工 …",
		    "out of order: events go start → stop → resume → stop …");
		e = APP_ERR_VALIDATION;
		goto out;
	}
	store_now(now, 0);
	if ((e = store_int(st, STMT_EVENT_INSERT, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(pid), v[0], v[1], v[2], SV_T(now)}, 6,
	    &id)) != APP_OK || (e = project_current(st, a, pid)) != APP_OK ||
	    (e = store_row1(st, STMT_EVENT_GET, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(id)}, 2, &after)) != APP_OK ||
	    (e = store_audit_part(st, a->zone_id, a->user_id, "project_event",
	    id, "create", NULL, after, "project", pid)) != APP_OK)
		goto out;
	e = store_commit(st);
out:
	if (e != APP_OK) {
		store_rollback(st);
		json_decref(after);
	} else
		*out = after;
	json_decref(rows);
	free(ks);
	free(ds);
	return e;
}

/* ---- HTTP ---- */

int
project_is_own(struct req *r)
{
	long long owner = 0;

	store_int(r->st, STMT_PROJECT_OWNER, (struct store_val[]){
	    SV_I(r->actor.zone_id), SV_I(r->id)}, 2, &owner);
	return owner != 0 && owner == r->actor.org_id;
}

enum app_err
h_project_list(struct req *r)
{
	struct project_query pq;
	json_t *out;
	enum app_err e;

	project_query_parse(&pq, req_arg, r, r->errs, r->english);
	if (json_array_size(r->errs) > 0)
		return APP_ERR_VALIDATION;
	if (r->own_only)
		pq.owner_org_id = r->actor.org_id;
	if ((e = project_list(r->st, &r->actor, &pq, &out)) != APP_OK)
		return e;
	return reply_json(r, 200, out);
}

enum app_err
h_project_get(struct req *r)
{
	struct date as_of = date_today_cn();
	const char *v = req_arg(r, "as_of");
	json_t *out;
	enum app_err e;

	if (v != NULL && *v && date_parse(v, strlen(v), &as_of) != 0) {
		ferr_add(r->errs, "as_of", r->english, "日期应为YYYY-MM-DD格式",
		    "must be a date written YYYY-MM-DD");
		return APP_ERR_VALIDATION;
	}
	if ((e = project_get(r->st, &r->actor, r->id, as_of, &out)) != APP_OK)
		return e;
	return reply_json(r, 200, out);
}

enum app_err
h_project_create(struct req *r)
{
	json_t *out;
	enum app_err e = project_save(r->st, &r->actor, 0, r->json, r->errs,
	    &out);

	return e != APP_OK ? e : reply_json(r, 201, out);
}

enum app_err
h_project_update(struct req *r)
{
	json_t *out;
	enum app_err e = project_save(r->st, &r->actor, r->id, r->json,
	    r->errs, &out);

	return e != APP_OK ? e : reply_json(r, 200, out);
}

enum app_err
h_project_history(struct req *r)
{
	struct list_query lq;
	json_t *out;
	enum app_err e;

	if ((e = project_exists(r->st, &r->actor, r->id)) != APP_OK)
		return e;
	list_query_parse(&lq, req_arg, r, NULL, NULL, 0, r->errs, r->english);
	if (json_array_size(r->errs) > 0)
		return APP_ERR_VALIDATION;
	if ((e = res_history(r->st, &r->actor, "project", r->id, &lq, &out)) !=
	    APP_OK)
		return e;
	return reply_json(r, 200, out);
}

enum app_err
h_event_list(struct req *r)
{
	json_t *rows;
	enum app_err e;

	if ((e = project_exists(r->st, &r->actor, r->id)) != APP_OK)
		return e;
	if ((e = load_events(r->st, &r->actor, r->id, &rows)) != APP_OK)
		return e;
	return reply_json(r, 200, json_pack("{s:o}", "items", rows));
}

enum app_err
h_event_create(struct req *r)
{
	json_t *out;
	enum app_err e;

	if ((e = project_exists(r->st, &r->actor, r->id)) != APP_OK)
		return e;
	e = project_event_add(r->st, &r->actor, r->id, r->json, r->errs, &out);
	return e != APP_OK ? e : reply_json(r, 201, out);
}

/* Removing the last event corrects a mistake; earlier ones would leave a
 * broken sequence, so only the latest may go. */
enum app_err
h_event_delete(struct req *r)
{
	json_t *ev = NULL, *rows = NULL, *last;
	long long pid;
	enum app_err e;

	if ((e = store_begin(r->st)) != APP_OK)
		return e;
	if ((e = store_row1(r->st, STMT_EVENT_GET, (struct store_val[]){
	    SV_I(r->actor.zone_id), SV_I(r->id)}, 2, &ev)) != APP_OK)
		goto out;
	pid = json_integer_value(json_object_get(ev, "project_id"));
	if ((e = load_events(r->st, &r->actor, pid, &rows)) != APP_OK)
		goto out;
	last = json_array_get(rows, json_array_size(rows) - 1);
	if (json_integer_value(json_object_get(last, "id")) != r->id) {
		ferr_add(r->errs, "id", r->english, "只能删除最近的一条事件",
		    "only the latest event can be deleted");
		e = APP_ERR_VALIDATION;
		goto out;
	}
	if ((e = store_query(r->st, STMT_EVENT_DELETE, (struct store_val[]){
	    SV_I(r->actor.zone_id), SV_I(r->id)}, 2, NULL, NULL, NULL)) !=
	    APP_OK || (e = project_current(r->st, &r->actor, pid)) != APP_OK ||
	    (e = store_audit_part(r->st, r->actor.zone_id,
	    r->actor.user_id, "project_event", r->id, "delete", ev, NULL,
	    "project", pid)) != APP_OK)
		goto out;
	e = store_commit(r->st);
out:
	if (e != APP_OK)
		store_rollback(r->st);
	json_decref(ev);
	json_decref(rows);
	return e != APP_OK ? e : reply_json(r, 200, json_pack("{s:b}", "ok", 1));
}
