/*
 * Enterprise requests (企业诉求): filing, routing to the officer who answers
 * for the enterprise, the steps of domain/request.h with working-day due
 * dates, attachments, escalation of late ones, and who sees which.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/args.h"
#include "api/calendar.h"
#include "api/files.h"
#include "api/resource.h"
#include "api/rows.h"
#include "api/service.h"
#include "api/validate.h"
#include "http/reply.h"

static const char *const list_states[] = {"open", "received", "assigned",
    "in_progress", "resolved", "confirmed", "reopened", NULL};



/* A JSON member as a bound value (text, integer or NULL). */
static struct store_val
jval(json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);

	if (json_is_string(v))
		return SV_T(json_string_value(v));
	if (json_is_integer(v))
		return SV_I(json_integer_value(v));
	if (json_is_boolean(v))
		return SV_I(json_is_true(v));
	return SV_NULLV;
}

static int
jdate(json_t *o, const char *k, struct date *d)
{
	const char *s = json_str_of(o, k);

	return s != NULL && date_parse(s, strlen(s), d) == 0;
}

/* Adds labels and which limit the request has passed on as_of. */
static void
decorate(json_t *q, struct date as_of, int english)
{
	int st = rq_lookup(rq_state_names, json_str_of(q, "state"));
	int cat = rq_lookup(rq_category_names, json_str_of(q, "category"));
	struct rq_due due = {{0}, {0}, {0}};
	const char *late;

	jdate(q, "due_start", &due.start);
	jdate(q, "due_answer", &due.answer);
	jdate(q, "due_resolve", &due.resolve);
	late = rq_late_name(rq_lateness((enum rq_state)st, &due,
	    !json_is_null(json_object_get(q, "started_on")),
	    !json_is_null(json_object_get(q, "answered_on")), as_of));
	json_object_set_new(q, "late", late ? json_string(late) : json_null());
	json_object_set_new(q, "state_label", json_string(rq_state_label(
	    (enum rq_state)st, english)));
	json_object_set_new(q, "category_label", json_string(rq_category_label(
	    (enum rq_category)cat, english)));
}

/* The request if the actor may see it: its enterprise's users, officers
 * answering for the enterprise or assigned to it, and those who see all. */
static enum app_err
req_load(struct store *st, const struct actor *a, int own_only,
    long long id, json_t **out)
{
	json_t *q = NULL;
	long long n = 0;
	enum app_err e;

	if ((e = store_row1(st, STMT_REQ_GET, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(id)}, 2, &q)) != APP_OK)
		return e;
	if (own_only) {
		if (json_int_of(q, "org_id") != a->org_id)
			e = APP_ERR_NOT_FOUND;
	} else if (!svc_sees_all(a) && json_int_of(q, "officer_id") != a->user_id) {
		if ((e = store_int(st, STMT_ASSIGN_COVERS_ORG, (struct store_val[]){
		    SV_I(a->zone_id), SV_I(a->user_id), SV_I(json_int_of(q, "org_id"))},
		    3, &n)) == APP_OK && n == 0)
			e = APP_ERR_FORBIDDEN;
	}
	if (e != APP_OK) {
		json_decref(q);
		return e;
	}
	*out = q;
	return APP_OK;
}

int
request_is_own(struct req *r)
{
	long long org = 0;

	return store_int(r->st, STMT_REQ_ORG, (struct store_val[]){
	    SV_I(r->actor.zone_id), SV_I(r->id)}, 2, &org) == APP_OK &&
	    org != 0 && org == r->actor.org_id;
}

int
request_file_is_own(struct req *r)
{
	long long org = 0;

	return store_int(r->st, STMT_REQ_FILE_ORG, (struct store_val[]){
	    SV_I(r->actor.zone_id), SV_I(r->id)}, 2, &org) == APP_OK &&
	    org != 0 && org == r->actor.org_id;
}

/* GET /api/requests: filters state (or "open"), category, org_id,
 * officer_id; overdue=1 for those past a limit on as_of (today). */
enum app_err
h_req_list(struct req *r)
{
	static const struct field_spec filters[] = {
		{.name = "state", .type = FT_ENUM, .choices = list_states},
		{.name = "category", .type = FT_ENUM,
		    .choices = rq_category_names},
		{.name = "org_id", .type = FT_INT, .min = 1, .max = 1LL << 53},
		{.name = "officer_id", .type = FT_INT, .min = 1,
		    .max = 1LL << 53},
	};
	static const char *const sorts[] = {"received_on", "due_resolve",
	    "state", NULL};
	struct list_query lq;
	struct date as_of = date_today_cn();
	const char *overdue = req_arg(r, "overdue");
	char asof[11];
	json_t *out, *it;
	size_t i;
	enum app_err e;

	list_query_parse(&lq, req_arg, r, sorts, filters, 4, r->errs,
	    r->english);
	arg_date(r, "as_of", &as_of, 0);
	if (json_array_size(r->errs) > 0)
		return APP_ERR_VALIDATION;
	date_format(as_of, asof);
	if ((e = res_page(r->st, STMT_REQ_LIST, STMT_REQ_COUNT,
	    (struct store_val[]){SV_I(r->actor.zone_id), SV_T(lq.q),
	    SV_T(lq.filters[0]), SV_T(lq.filters[1]), SV_T(lq.filters[2]),
	    SV_T(lq.filters[3]), overdue != NULL && strcmp(overdue, "1") == 0 ?
	    SV_T(asof) : SV_NULLV, r->own_only ? SV_I(r->actor.org_id) :
	    SV_NULLV, !r->own_only && !svc_sees_all(&r->actor) ?
	    SV_I(r->actor.user_id) : SV_NULLV}, 9, &lq, &out)) != APP_OK)
		return e;
	json_array_foreach(json_object_get(out, "items"), i, it)
		decorate(it, as_of, r->english);
	return reply_json(r, 200, out);
}

/* Writes the request's new state, its event and the audit row (in the
 * caller's transaction). */
static enum app_err
req_write(struct store *st, const struct actor *a, json_t *before,
    json_t *q, const char *action, const char *on, const char *note,
    const char *now)
{
	long long id = json_int_of(q, "id");
	json_t *after = NULL;
	enum app_err e;

	if ((e = store_query(st, STMT_REQ_SAVE, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(id), SV_T(now), jval(q, "state"),
	    jval(q, "officer_id"), jval(q, "started_on"), jval(q, "answered_on"),
	    jval(q, "resolved_on"), jval(q, "confirmed_on"),
	    jval(q, "satisfaction"), jval(q, "resolution"),
	    jval(q, "reopen_count"), jval(q, "due_resolve"),
	    jval(q, "escalated_on"), jval(q, "escalated_to")}, 15, NULL, NULL,
	    NULL)) != APP_OK)
		return e;
	if ((e = store_query(st, STMT_REQ_EVENT_INSERT, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(id), SV_T(on), SV_T(now),
	    a->user_id ? SV_I(a->user_id) : SV_NULLV, SV_T(action),
	    before ? jval(before, "state") : SV_NULLV, jval(q, "state"),
	    SV_T(note)}, 9, NULL, NULL, NULL)) != APP_OK)
		return e;
	if ((e = store_row1(st, STMT_REQ_GET, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(id)}, 2, &after)) != APP_OK)
		return e;
	e = store_audit(st, a->zone_id, a->user_id, "request", id,
	    before ? "update" : "create", before, after);
	json_decref(after);
	return e;
}

static void
set_str(json_t *q, const char *k, const char *v)
{
	json_object_set_new(q, k, v ? json_string(v) : json_null());
}

/* Fills a step's day when it has not happened yet. */
static void
set_once(json_t *q, const char *k, const char *day)
{
	if (json_is_null(json_object_get(q, k)) || !json_object_get(q, k))
		set_str(q, k, day);
}

/*
 * POST /api/requests {org_id, category, title, description, complex,
 * received_on}: an enterprise user files for its own enterprise, an officer
 * for any of the zone's. It goes to the officer answering for the
 * enterprise (or its building) at once.
 */
enum app_err
svc_request_file(struct store *st, const struct actor *a, int own_only,
    json_t *body, json_t *errs, json_t **out)
{
	static const struct field_spec spec[] = {
		{.name = "org_id", .type = FT_INT, .min = 1, .max = 1LL << 53},
		{.name = "category", .type = FT_ENUM, .required = 1,
		    .choices = rq_category_names},
		{.name = "title", .type = FT_TEXT, .required = 1, .maxlen = 100},
		{.name = "description", .type = FT_TEXT, .required = 1,
		    .maxlen = 5000},
		{.name = "complex", .type = FT_BOOL},
	};
	struct store_val v[5];
	struct rq_limits lim[RQ__CATEGORIES];
	struct workcal cal;
	struct rq_due due;
	struct date on;
	json_t *o = NULL, *q = NULL;
	char now[20], day[11], ds[11], da[11], dr[11];
	long long org, officer = 0, id = 0;
	enum app_err e;

	validate_body(body, spec, 5, v, errs, a->english);
	body_step_date(body, "received_on", &on, errs, a->english);
	if (own_only)
		v[0] = SV_I(a->org_id);
	else if (v[0].type != SV_INT && json_array_size(errs) == 0)
		ferr_add(errs, "org_id", a->english, "必填", "is required");
	o = res_ref(st, a, STMT_ORG_GET, &v[0], "org_id", errs);
	if (o != NULL && strcmp(json_str_of(o, "kind"), "enterprise") != 0)
		ferr_add(errs, "org_id", a->english, "应为企业",
		    "must be an enterprise");
	json_decref(o);
	if (json_array_size(errs) > 0)
		return APP_ERR_VALIDATION;
	org = v[0].i;
	if ((e = svc_limits(st, a->zone_id, lim)) != APP_OK ||
	    (e = store_int(st, STMT_ASSIGN_OFFICER_FOR_ORG,
	    (struct store_val[]){SV_I(a->zone_id), SV_I(org)}, 2,
	    &officer)) != APP_OK)
		return e;
	if ((e = workcal_load(st, a->zone_id, on, (struct date){0},
	    &cal)) != APP_OK)
		return e;
	due = rq_due_dates(&cal, on, &lim[rq_lookup(rq_category_names,
	    v[1].s)], v[4].type == SV_INT && v[4].i);
	workcal_free(&cal);
	date_format(on, day);
	date_format(due.start, ds);
	date_format(due.answer, da);
	date_format(due.resolve, dr);
	store_now(now, 0);
	if ((e = store_begin(st)) != APP_OK)
		return e;
	if ((e = store_int(st, STMT_REQ_INSERT, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(org), v[1], v[2], v[3],
	    SV_I(v[4].type == SV_INT && v[4].i), SV_T("received"), SV_NULLV,
	    a->user_id ? SV_I(a->user_id) : SV_NULLV, SV_T(day),
	    SV_T(ds), SV_T(da), SV_T(dr), SV_T(now)}, 14, &id)) != APP_OK ||
	    (e = store_row1(st, STMT_REQ_GET, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(id)}, 2, &q)) != APP_OK ||
	    (e = req_write(st, a, NULL, q, "file", day, NULL,
	    now)) != APP_OK)
		goto fail;
	if (officer != 0) {
		json_t *before = json_deep_copy(q);

		json_object_set_new(q, "officer_id", json_integer(officer));
		set_str(q, "state", "assigned");
		e = req_write(st, a, before, q, "assign", day,
		    a->english ? "routed to the officer in charge" :
		    "按包保关系自动分派", now);
		json_decref(before);
		if (e != APP_OK)
			goto fail;
	}
	if ((e = store_commit(st)) != APP_OK)
		goto fail;
	json_decref(q);
	if ((e = store_row1(st, STMT_REQ_GET, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(id)}, 2, &q)) != APP_OK)
		return e;
	decorate(q, date_today_cn(), a->english);
	*out = q;
	return APP_OK;
fail:
	store_rollback(st);
	json_decref(q);
	return e;
}

enum app_err
h_req_create(struct req *r)
{
	json_t *out;
	enum app_err e = svc_request_file(r->st, &r->actor, r->own_only,
	    r->json, r->errs, &out);

	return e != APP_OK ? e : reply_json(r, 201, out);
}

/* The request with its thread and attachments. */
static enum app_err
req_full(struct store *st, const struct actor *a, int own_only, long long id,
    json_t **out)
{
	json_t *q, *events = NULL, *files = NULL;
	enum app_err e;

	if ((e = req_load(st, a, own_only, id, &q)) != APP_OK)
		return e;
	if ((e = store_rows(st, STMT_REQ_EVENTS, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(id)}, 2, &events)) != APP_OK ||
	    (e = store_rows(st, STMT_REQ_FILES, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(id)}, 2, &files)) != APP_OK) {
		json_decref(q);
		json_decref(events);
		return e;
	}
	decorate(q, date_today_cn(), a->english);
	json_object_set_new(q, "events", events);
	json_object_set_new(q, "files", files);
	*out = q;
	return APP_OK;
}

enum app_err
h_req_get(struct req *r)
{
	json_t *out;
	enum app_err e = req_full(r->st, &r->actor, r->own_only, r->id, &out);

	return e != APP_OK ? e : reply_json(r, 200, out);
}

/* A text member required by an action. */
static const char *
need_text(json_t *body, const char *k, int max, json_t *errs, int english)
{
	const char *s = json_string_value(json_object_get(body, k));
	long n = s ? utf8_len(s, strlen(s)) : -1;

	if (s == NULL || n <= 0 || strspn(s, " \t\r\n") == strlen(s)) {
		ferr_add(errs, k, english, "必填", "is required");
		return NULL;
	}
	if (n > max) {
		ferr_add(errs, k, english, "太长", "is too long");
		return NULL;
	}
	return s;
}

/*
 * POST /api/requests/{id}/actions {action, on, note, officer_id,
 * resolution, satisfaction}.
 */
enum app_err
svc_request_act(struct store *st, const struct actor *a, int own_only,
    long long id, json_t *body, json_t *errs, json_t **out)
{
	struct rq_limits lim[RQ__CATEGORIES];
	json_t *before = NULL, *q = NULL, *b = body;
	const char *as = json_str_of(b, "action"), *note = NULL;
	char day[11], now[20], msg[64];
	struct date on, received;
	int act = rq_lookup(rq_action_names, as), cur, to;
	int side = own_only ? RQ_SIDE_ENTERPRISE : RQ_SIDE_OFFICER;
	enum app_err e;

	if ((e = req_load(st, a, own_only, id, &before)) !=
	    APP_OK)
		return e;
	cur = rq_lookup(rq_state_names, json_str_of(before, "state"));
	if (act < 0) {
		ferr_add(errs, "action", a->english,
		    "应为 assign、start、answer、resolve、confirm、reopen 或 comment",
		    "must be assign, start, answer, resolve, confirm, reopen or comment");
		goto invalid;
	}
	if (!(rq_action_sides((enum rq_action)act) & side)) {
		json_decref(before);
		return APP_ERR_FORBIDDEN;
	}
	if ((to = rq_next((enum rq_state)cur, (enum rq_action)act)) < 0) {
		snprintf(msg, sizeof msg, a->english ? "not allowed when %s" :
		    "%s状态下不能执行", rq_state_label((enum rq_state)cur,
		    a->english));
		ferr_addf(errs, "action", msg);
		goto invalid;
	}
	if (body_step_date(b, "on", &on, errs, a->english) == 0 &&
	    jdate(before, "received_on", &received) &&
	    date_cmp(on, received) < 0)
		ferr_add(errs, "on", a->english, "不能早于受理日期",
		    "cannot be before the day the request was received");
	date_format(on, day);
	q = json_deep_copy(before);
	set_str(q, "state", rq_state_names[to]);
	switch ((enum rq_action)act) {
	case RQ_ASSIGN: {
		struct store_val o = jval(b, "officer_id");
		json_t *u;
		enum role role;

		if (o.type != SV_INT) {
			ferr_add(errs, "officer_id", a->english, "必填",
			    "is required");
			break;
		}
		u = res_ref(st, a, STMT_USER_GET, &o, "officer_id",
		    errs);
		if (u != NULL && (role_parse(json_str_of(u, "role"), &role) != 0 ||
		    !perm_allows(role, PERM_SERVICE_WRITE) ||
		    json_is_true(json_object_get(u, "disabled"))))
			ferr_add(errs, "officer_id", a->english,
			    "应为在岗的服务专员", "must be an active service officer");
		json_decref(u);
		json_object_set_new(q, "officer_id", json_integer(o.i));
		note = json_str_of(b, "note");
		break;
	}
	case RQ_START:
		set_once(q, "started_on", day);
		note = json_str_of(b, "note");
		break;
	case RQ_ANSWER:
		note = need_text(b, "note", 2000, errs, a->english);
		set_once(q, "started_on", day);
		set_once(q, "answered_on", day);
		break;
	case RQ_RESOLVE:
		note = need_text(b, "resolution", 2000, errs, a->english);
		set_once(q, "started_on", day);
		set_once(q, "answered_on", day);
		set_str(q, "resolved_on", day);
		set_str(q, "resolution", note);
		break;
	case RQ_CONFIRM: {
		json_t *s = json_object_get(b, "satisfaction");

		if (!json_is_integer(s) || json_integer_value(s) < 1 ||
		    json_integer_value(s) > 5)
			ferr_add(errs, "satisfaction", a->english,
			    "应为1到5的整数", "must be a whole number from 1 to 5");
		else
			json_object_set(q, "satisfaction", s);
		set_str(q, "confirmed_on", day);
		note = json_str_of(b, "note");
		break;
	}
	case RQ_REOPEN: {
		int cat = rq_lookup(rq_category_names, json_str_of(q, "category"));
		struct workcal cal;
		char dr[11];

		note = need_text(b, "note", 2000, errs, a->english);
		if (json_array_size(errs) > 0)
			break;
		/* The clock to resolve starts again on the day it came back. */
		if ((e = svc_limits(st, a->zone_id, lim)) != APP_OK ||
		    (e = workcal_load(st, a->zone_id, on,
		    (struct date){0}, &cal)) != APP_OK)
			goto out;
		date_format(rq_due_dates(&cal, on, &lim[cat], json_is_true(
		    json_object_get(q, "complex"))).resolve, dr);
		workcal_free(&cal);
		set_str(q, "due_resolve", dr);
		set_str(q, "resolved_on", NULL);
		set_str(q, "escalated_on", NULL);
		json_object_set_new(q, "escalated_to", json_null());
		json_object_set_new(q, "reopen_count", json_integer(json_int_of(q,
		    "reopen_count") + 1));
		break;
	}
	case RQ_COMMENT:
		note = need_text(b, "note", 2000, errs, a->english);
		break;
	default:
		break;
	}
	if (note != NULL && utf8_len(note, strlen(note)) > 2000)
		ferr_add(errs, "note", a->english, "太长", "is too long");
	if (json_array_size(errs) > 0)
		goto invalid;
	store_now(now, 0);
	if ((e = store_begin(st)) != APP_OK)
		goto out;
	if ((e = req_write(st, a, before, q, as, day, note, now)) ==
	    APP_OK)
		e = store_commit(st);
	else
		store_rollback(st);
	if (e == APP_OK) {
		json_decref(q);
		json_decref(before);
		return req_full(st, a, own_only, id, out);
	}
	goto out;
invalid:
	e = APP_ERR_VALIDATION;
out:
	json_decref(q);
	json_decref(before);
	return e;
}

enum app_err
h_req_action(struct req *r)
{
	json_t *out;
	enum app_err e = svc_request_act(r->st, &r->actor, r->own_only, r->id,
	    r->json, r->errs, &out);

	return e != APP_OK ? e : reply_json(r, 200, out);
}

enum app_err
h_req_history(struct req *r)
{
	struct list_query lq;
	json_t *q, *out;
	enum app_err e;

	if ((e = req_load(r->st, &r->actor, r->own_only, r->id, &q)) != APP_OK)
		return e;
	json_decref(q);
	list_query_parse(&lq, req_arg, r, NULL, NULL, 0, r->errs, r->english);
	if (json_array_size(r->errs) > 0)
		return APP_ERR_VALIDATION;
	if ((e = res_history(r->st, &r->actor, "request", r->id, &lq, &out)) !=
	    APP_OK)
		return e;
	return reply_json(r, 200, out);
}

/* POST /api/requests/{id}/files?filename=… with the file as the body. */
enum app_err
h_req_file_upload(struct req *r)
{
	char name[FILE_NAME_MAX + 1], hex[65], now[20];
	const char *mime = NULL;
	json_t *q, *after = NULL;
	long long id = 0;
	enum app_err e;

	if ((e = req_load(r->st, &r->actor, r->own_only, r->id, &q)) != APP_OK)
		return e;
	json_decref(q);
	file_accept(req_arg(r, "filename"), r->body.p, r->body.len, name,
	    sizeof name, &mime, r->errs, r->english);
	if (json_array_size(r->errs) > 0)
		return APP_ERR_VALIDATION;
	if ((e = file_put(r->st, r->body.p, r->body.len, hex)) != APP_OK)
		return e;
	store_now(now, 0);
	if ((e = store_begin(r->st)) != APP_OK)
		return e;
	if ((e = store_int(r->st, STMT_REQ_FILE_INSERT, (struct store_val[]){
	    SV_I(r->actor.zone_id), SV_I(r->id), SV_T(name), SV_T(hex),
	    SV_I((long long)r->body.len), SV_T(mime), r->actor.user_id ?
	    SV_I(r->actor.user_id) : SV_NULLV, SV_T(now)}, 8, &id)) ==
	    APP_OK && (e = store_row1(r->st, STMT_REQ_FILE_GET,
	    (struct store_val[]){SV_I(r->actor.zone_id), SV_I(id)}, 2,
	    &after)) == APP_OK && (e = store_audit_part(r->st,
	    r->actor.zone_id, r->actor.user_id, "request_file", id, "create",
	    NULL, after, "request", r->id)) == APP_OK)
		e = store_commit(r->st);
	else
		store_rollback(r->st);
	if (e != APP_OK) {
		json_decref(after);
		return e;
	}
	return reply_json(r, 201, after);
}

enum app_err
h_req_file_get(struct req *r)
{
	json_t *f = NULL, *q = NULL;
	enum app_err e;

	if ((e = store_row1(r->st, STMT_REQ_FILE_GET, (struct store_val[]){
	    SV_I(r->actor.zone_id), SV_I(r->id)}, 2, &f)) != APP_OK)
		return e;
	if ((e = req_load(r->st, &r->actor, r->own_only, json_int_of(f,
	    "request_id"), &q)) == APP_OK)
		e = file_reply(r, f);
	json_decref(q);
	json_decref(f);
	return e;
}

enum app_err
svc_escalate(struct store *st, const struct actor *a, struct date as_of,
    json_t **out)
{
	json_t *ids = NULL, *it, *done = json_array();
	char asof[11], now[20], note[160];
	size_t i;
	enum app_err e;

	date_format(as_of, asof);
	store_now(now, 0);
	if ((e = store_begin(st)) != APP_OK) {
		json_decref(done);
		return e;
	}
	if ((e = store_rows(st, STMT_REQ_TO_ESCALATE, (struct store_val[]){
	    SV_I(a->zone_id), SV_T(asof)}, 2, &ids)) != APP_OK)
		goto fail;
	json_array_foreach(ids, i, it) {
		json_t *before = NULL, *q;
		long long leader = 0;

		if ((e = store_row1(st, STMT_REQ_GET, (struct store_val[]){
		    SV_I(a->zone_id), SV_I(json_int_of(it, "id"))}, 2, &before)) !=
		    APP_OK)
			goto fail;
		if ((e = store_int(st, STMT_USER_LEADER_OF, (struct store_val[]){
		    SV_I(a->zone_id), SV_I(json_int_of(before, "officer_id"))}, 2,
		    &leader)) != APP_OK) {
			json_decref(before);
			goto fail;
		}
		q = json_deep_copy(before);
		decorate(q, as_of, a->english);
		set_str(q, "escalated_on", asof);
		json_object_set_new(q, "escalated_to", leader ?
		    json_integer(leader) : json_null());
		if (a->english)
			snprintf(note, sizeof note, "past the %s limit on %s",
			    json_str_of(q, "late"), asof);
		else
			snprintf(note, sizeof note, "%s 超过%s时限，上报领导", asof,
			    strcmp(json_str_of(q, "late"), "start") == 0 ? "启动" :
			    strcmp(json_str_of(q, "late"), "answer") == 0 ? "首次答复" :
			    "办结");
		json_array_append_new(done, json_pack("{s:O, s:O, s:O, s:O}",
		    "id", json_object_get(q, "id"), "title",
		    json_object_get(q, "title"), "late",
		    json_object_get(q, "late"), "escalated_to",
		    json_object_get(q, "escalated_to")));
		e = req_write(st, a, before, q, "escalate", asof, note, now);
		json_decref(before);
		json_decref(q);
		if (e != APP_OK)
			goto fail;
	}
	if ((e = store_commit(st)) != APP_OK)
		goto fail;
	json_decref(ids);
	*out = json_pack("{s:s, s:o}", "as_of", asof, "escalated", done);
	return APP_OK;
fail:
	store_rollback(st);
	json_decref(ids);
	json_decref(done);
	return e;
}

/* POST /api/requests/escalate {as_of}: the escalation run (the server runs
 * it for today, hourly). */
enum app_err
h_req_escalate(struct req *r)
{
	struct date as_of;
	json_t *out;
	enum app_err e;

	if (body_step_date(r->json, "as_of", &as_of, r->errs, r->english) != 0)
		return APP_ERR_VALIDATION;
	if ((e = svc_escalate(r->st, &r->actor, as_of, &out)) != APP_OK)
		return e;
	return reply_json(r, 200, out);
}
