/*
 * Joint acceptance (联合验收, 并联模式). Cases are loaded one at a time with
 * their departments, review rounds, answers, inspections and files, and
 * their status, clocks and measures derived here (domain/acceptance.c):
 * nothing derived is stored. Every clock is in working days of the zone's
 * calendar (api/calendar.h). case_access is the one access rule every case
 * and file operation goes through.
 */
#include <errno.h>
#include <fcntl.h>
#include <microhttpd.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "api/acceptance.h"
#include "api/args.h"
#include "api/calendar.h"
#include "api/files.h"
#include "api/resource.h"
#include "api/rows.h"
#include "api/settings.h"
#include "api/validate.h"
#include "domain/acceptance.h"
#include "http/reply.h"
#include "util/buf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#define MAX_DEPTS 64

/* ---- departments and items: generic resources ---- */

static const struct field_spec dept_fields[] = {
	{.name = "name", .type = FT_TEXT, .required = 1, .maxlen = 50},
	{.name = "review_days", .type = FT_INT, .min = 1, .max = 60},
	{.name = "sort_order", .type = FT_INT, .min = -100000, .max = 100000},
	{.name = "active", .type = FT_BOOL},
};
static const char *const dept_sorts[] = {"name", "id", NULL};

const struct resource acc_dept_resource = {
	.entity = "acc_department", .read = PERM_ACC_READ,
	.write = PERM_ACC_MANAGE, .fields = dept_fields, .nfields = 4,
	.sorts = dept_sorts, .list = STMT_ACC_DEPT_LIST,
	.count = STMT_ACC_DEPT_COUNT, .get = STMT_ACC_DEPT_GET,
	.insert = STMT_ACC_DEPT_INSERT, .update = STMT_ACC_DEPT_UPDATE,
	.del = STMT_ACC_DEPT_DELETE,
};

static const struct field_spec item_fields[] = {
	{.name = "name", .type = FT_TEXT, .required = 1, .maxlen = 100},
	{.name = "note", .type = FT_TEXT, .maxlen = 500},
	{.name = "sort_order", .type = FT_INT, .min = -100000, .max = 100000},
};
static const char *const item_sorts[] = {"name", "id", NULL};

const struct resource acc_item_resource = {
	.entity = "acc_item", .read = PERM_ACC_READ, .write = PERM_ACC_MANAGE,
	.fields = item_fields, .nfields = 3, .sorts = item_sorts,
	.list = STMT_ACC_ITEM_LIST, .count = STMT_ACC_ITEM_COUNT,
	.get = STMT_ACC_ITEM_GET, .insert = STMT_ACC_ITEM_INSERT,
	.update = STMT_ACC_ITEM_UPDATE, .del = STMT_ACC_ITEM_DELETE,
};

static const char *const seed_depts[] = {"规划", "住建（质监）", "消防", "人防",
    "城建档案", "测绘"};
/* Item, and the departments (bits over seed_depts) that need it. */
static const struct {
	const char *name;
	unsigned depts;
} seed_items[] = {
	{"竣工验收报告", 1u << 1},
	{"规划核实测量成果", 1u << 0 | 1u << 5},
	{"建设工程竣工图", 1u << 0 | 1u << 1 | 1u << 2 | 1u << 3 | 1u << 4},
	{"工程质量检测报告", 1u << 1},
	{"消防验收申请资料", 1u << 2},
	{"人防工程竣工资料", 1u << 3},
	{"城建档案移交书", 1u << 4},
	{"房产测绘报告", 1u << 5},
};

static enum app_err
seed_one(struct store *st, const struct actor *a, const struct resource *res,
    json_t *body, long long *id)
{
	json_t *errs = json_array(), *out = NULL;
	enum app_err e = res_create(st, a, res, body, errs, &out);

	if (e == APP_OK)
		*id = json_integer_value(json_object_get(out, "id"));
	json_decref(out);
	json_decref(errs);
	json_decref(body);
	return e;
}

enum app_err
acc_seed(struct store *st, const struct actor *a)
{
	long long dids[6], iid;
	enum app_err e = APP_OK;

	for (size_t i = 0; i < 6 && e == APP_OK; i++)
		e = seed_one(st, a, &acc_dept_resource, json_pack(
		    "{s:s, s:i, s:I}", "name", seed_depts[i], "review_days", 5,
		    "sort_order", (json_int_t)(i + 1) * 10), &dids[i]);
	for (size_t i = 0; i < sizeof seed_items / sizeof seed_items[0] &&
	    e == APP_OK; i++) {
		e = seed_one(st, a, &acc_item_resource, json_pack("{s:s, s:I}",
		    "name", seed_items[i].name, "sort_order",
		    (json_int_t)(i + 1) * 10), &iid);
		for (size_t d = 0; d < 6 && e == APP_OK; d++)
			if (seed_items[i].depts & (1u << d))
				e = store_query(st, STMT_ACC_DEPT_ITEM_ADD,
				    (struct store_val[]){SV_I(a->zone_id),
				    SV_I(dids[d]), SV_I(iid)}, 3, NULL, NULL,
				    NULL);
	}
	return e;
}

/* ---- small helpers ---- */

static int
jdate(json_t *o, const char *key, struct date *d)
{
	const char *s = json_string_value(json_object_get(o, key));

	return s != NULL && date_parse(s, strlen(s), d) == 0;
}

static long long
jint(json_t *o, const char *key)
{
	return (long long)json_integer_value(json_object_get(o, key));
}

static json_t *
jdate_new(struct date d)
{
	char s[11];

	date_format(d, s);
	return json_string(s);
}
/* The zone's calendar and inspection limit, loaded once per operation. */
struct env {
	struct workcal cal;
	int inspection_days;
};

static enum app_err
env_load(struct store *st, const struct actor *a, struct env *env)
{
	json_t *s = NULL;
	enum app_err e = workcal_load(st, a->zone_id, (struct date){0},
	    (struct date){0}, &env->cal);

	env->inspection_days = 5;
	if (e != APP_OK)
		return e;
	if ((e = settings_load(st, a->zone_id, &s)) == APP_OK)
		env->inspection_days = (int)settings_num(s,
		    "acc.inspection_days");
	json_decref(s);
	if (e != APP_OK)
		workcal_free(&env->cal);
	return e;
}

/* ---- access ---- */

/* What an actor may see of one case. */
struct view {
	int all;		/* officers, admin, leaders */
	int applicant;		/* the applicant's own users */
	long long depts[MAX_DEPTS];	/* a reviewer's departments it reached */
	size_t ndepts;
};

static int
view_has_dept(const struct view *v, long long d)
{
	if (v->all || v->applicant)
		return 1;
	for (size_t i = 0; i < v->ndepts; i++)
		if (v->depts[i] == d)
			return 1;
	return 0;
}

struct ids {
	long long v[MAX_DEPTS];
	size_t n;
};

static int
id_row(void *ctx, const struct store_row *row)
{
	struct ids *ids = ctx;

	if (ids->n < MAX_DEPTS)
		ids->v[ids->n++] = store_col_int(row, 0);
	return 0;
}

/*
 * The access rule of every case and file operation. c is the case row of
 * the actor's zone (another zone's case never loads: 404). Officers,
 * administrators and leaders see every case; enterprise users the cases
 * their organisation applied for; reviewers the cases that reached one of
 * their departments, and of those only their departments' part. Others,
 * and users outside those sets: APP_ERR_FORBIDDEN.
 */
static enum app_err
case_access(struct store *st, const struct actor *a, json_t *c,
    struct view *v)
{
	memset(v, 0, sizeof *v);
	switch (a->role) {
	case ROLE_ADMIN:
	case ROLE_LEADER:
	case ROLE_APPROVAL_OFFICER:
		v->all = 1;
		return APP_OK;
	case ROLE_ENTERPRISE_USER:
		if (a->org_id != 0 && a->org_id == jint(c, "applicant_org_id")) {
			v->applicant = 1;
			return APP_OK;
		}
		return APP_ERR_FORBIDDEN;
	case ROLE_DEPT_REVIEWER: {
		struct ids mine = {0};
		json_t *revs = NULL, *r;
		size_t i;
		enum app_err e;

		if ((e = store_query(st, STMT_ACC_REVIEWER_DEPTS,
		    (struct store_val[]){SV_I(a->zone_id), SV_I(a->user_id)}, 2,
		    id_row, &mine, NULL)) != APP_OK)
			return e;
		if ((e = store_rows(st, STMT_ACC_REVIEWS_OF_CASE,
		    (struct store_val[]){SV_I(a->zone_id), SV_I(jint(c, "id"))},
		    2, &revs)) != APP_OK)
			return e;
		json_array_foreach(revs, i, r) {
			long long d = jint(r, "department_id");

			for (size_t k = 0; k < mine.n; k++)
				if (mine.v[k] == d && !view_has_dept(v, d) &&
				    v->ndepts < MAX_DEPTS)
					v->depts[v->ndepts++] = d;
		}
		json_decref(revs);
		return v->ndepts > 0 ? APP_OK : APP_ERR_FORBIDDEN;
	}
	default:
		return APP_ERR_FORBIDDEN;
	}
}

static enum app_err
case_row(struct store *st, const struct actor *a, long long id, json_t **c)
{
	return store_row1(st, STMT_ACC_CASE_GET, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(id)}, 2, c);
}

/* Loads the case and checks the actor may see it. */
static enum app_err
case_open_checked(struct store *st, const struct actor *a, long long id,
    json_t **c, struct view *v)
{
	enum app_err e = case_row(st, a, id, c);

	if (e == APP_OK && (e = case_access(st, a, *c, v)) != APP_OK) {
		json_decref(*c);
		*c = NULL;
	}
	return e;
}

/* ---- the derived case ---- */

static enum acc_state
review_state(json_t *r)
{
	enum acc_state s;

	if (json_is_null(json_object_get(r, "decided_on")) ||
	    acc_decision_parse(json_string_value(json_object_get(r,
	    "decision")), &s) != 0)
		return ACC_PENDING;
	return s;
}

static int
items_visible(json_t *items, const struct view *v, long long item_id)
{
	json_t *it;
	size_t i;

	if (v->all || v->applicant)
		return 1;
	json_array_foreach(items, i, it)
		if (jint(it, "item_id") == item_id &&
		    view_has_dept(v, jint(it, "department_id")))
			return 1;
	return 0;
}

/*
 * Adds to the case row c: status, departments with their rounds and
 * clocks, inspections, the overall due date, measures and, with detail,
 * the required items, files and answers. Takes what the view allows.
 */
static enum app_err
derive(struct store *st, const struct actor *a, const struct env *env,
    json_t *c, const struct view *v, struct date as_of, int detail)
{
	struct store_val w[2] = {SV_I(a->zone_id), SV_I(jint(c, "id"))};
	json_t *depts = NULL, *revs = NULL, *insps = NULL, *answers = NULL;
	json_t *items = NULL, *files = NULL, *outd, *d, *r;
	enum acc_state states[MAX_DEPTS], istate = ACC_NONE;
	struct acc_span *spans = NULL, *ispans = NULL;
	struct acc_measures m;
	struct date due = {0}, last_pass = {0}, dt;
	size_t i, k, nd = 0, ns = 0, ni = 0;
	int has_due = 0, all_passed = 1;
	enum acc_status status;
	enum app_err e;

	if ((e = store_rows(st, STMT_ACC_CASE_DEPTS, w, 2, &depts)) != APP_OK ||
	    (e = store_rows(st, STMT_ACC_REVIEWS_OF_CASE, w, 2, &revs)) !=
	    APP_OK || (e = store_rows(st, STMT_ACC_INSPS_OF_CASE, w, 2,
	    &insps)) != APP_OK || (e = store_rows(st, STMT_ACC_CASE_ITEMS, w,
	    2, &items)) != APP_OK)
		goto out;
	if (detail && ((e = store_rows(st, STMT_ACC_ANSWERS_OF_CASE, w, 2,
	    &answers)) != APP_OK || (e = store_rows(st,
	    STMT_ACC_FILES_OF_CASE, w, 2, &files)) != APP_OK))
		goto out;
	spans = xcalloc(json_array_size(revs) + 1, sizeof *spans);
	ispans = xcalloc(json_array_size(insps) + 1, sizeof *ispans);
	outd = json_array();
	json_array_foreach(depts, i, d) {
		long long did = jint(d, "department_id");
		json_t *rounds = json_array(), *latest = NULL;
		int used = 0;

		json_array_foreach(revs, k, r) {
			struct date s, end;
			int days;

			if (jint(r, "department_id") != did)
				continue;
			jdate(r, "started_on", &s);
			if (!jdate(r, "decided_on", &end))
				end = as_of;
			days = workcal_count(&env->cal, s, end);
			used += days;
			spans[ns].submission = (int)jint(r, "submission");
			spans[ns].start = s;
			spans[ns++].end = end;
			latest = r;
			if (!view_has_dept(v, did))
				continue;
			{
				json_t *x = json_deep_copy(r), *an, *ans;
				struct date du;
				size_t j;

				json_object_set_new(x, "days_used",
				    json_integer(days));
				jdate(r, "due_on", &du);
				json_object_set_new(x, "overdue", json_boolean(
				    review_state(r) == ACC_PENDING &&
				    date_cmp(as_of, du) > 0));
				if (detail) {
					ans = json_array();
					json_array_foreach(answers, j, an)
						if (jint(an, "review_id") ==
						    jint(r, "id"))
							json_array_append(ans,
							    an);
					json_object_set_new(x, "answers", ans);
				}
				json_array_append_new(rounds, x);
			}
		}
		states[nd] = latest ? review_state(latest) : ACC_NONE;
		if (states[nd] != ACC_PASS)
			all_passed = 0;
		if (states[nd] == ACC_PASS && jdate(latest, "decided_on", &dt) &&
		    (last_pass.y == 0 || date_cmp(dt, last_pass) > 0))
			last_pass = dt;
		if (states[nd] == ACC_PENDING && jdate(latest, "due_on", &dt) &&
		    (!has_due || date_cmp(dt, due) > 0)) {
			due = dt;
			has_due = 1;
		}
		if (view_has_dept(v, did)) {
			json_t *x = json_pack("{s:I, s:O, s:O, s:s, s:i, s:o}",
			    "department_id", (json_int_t)did, "name",
			    json_object_get(d, "name"), "review_days",
			    json_object_get(d, "review_days"), "state",
			    latest == NULL ? "waiting" :
			    states[nd] == ACC_PENDING ? "reviewing" :
			    json_string_value(json_object_get(latest,
			    "decision")), "days_used", used, "rounds", rounds);

			json_object_set(x, "due_on", latest && states[nd] ==
			    ACC_PENDING ? json_object_get(latest, "due_on") :
			    json_null());
			json_array_append_new(outd, x);
		} else
			json_decref(rounds);
		if (nd < MAX_DEPTS - 1)
			nd++;
	}
	json_array_foreach(insps, i, r) {
		struct date s, end;
		enum acc_state st2;

		jdate(r, "started_on", &s);
		if (!jdate(r, "held_on", &end))
			end = as_of;
		ispans[ni].start = s;
		ispans[ni++].end = end;
		istate = acc_decision_parse(json_string_value(json_object_get(r,
		    "result")), &st2) == 0 ? st2 : ACC_PENDING;
		json_object_set_new(r, "days_used", json_integer(
		    workcal_count(&env->cal, s, end)));
		jdate(r, "due_on", &dt);
		json_object_set_new(r, "overdue", json_boolean(istate ==
		    ACC_PENDING && date_cmp(as_of, dt) > 0));
	}
	status = acc_status_derive(!json_is_null(json_object_get(c,
	    "submitted_on")), states, nd, istate);
	if (status == ACS_INSPECTION && all_passed && nd > 0) {
		/* The inspection's clock: the one scheduled, or the limit
		 * counted from the last pass while it waits to be scheduled. */
		if (istate == ACC_PENDING)
			jdate(json_array_get(insps, ni - 1), "due_on", &due);
		else
			due = workcal_add(&env->cal, last_pass,
			    env->inspection_days);
		has_due = 1;
	} else if (status != ACS_REVIEWING)
		has_due = 0;
	acc_measure(&env->cal, spans, ns, ispans, ni,
	    (int)jint(c, "submissions"), &m);
	json_object_set_new(c, "status", json_string(acc_status_code(status)));
	json_object_set_new(c, "status_label", json_string(acc_status_label(
	    status, a->english)));
	json_object_set_new(c, "due_on", has_due ? jdate_new(due) : json_null());
	json_object_set_new(c, "overdue", json_boolean(has_due &&
	    date_cmp(as_of, due) > 0));
	json_object_set_new(c, "as_of", jdate_new(as_of));
	json_object_set_new(c, "departments", outd);
	json_object_set(c, "inspections", insps);
	json_object_set_new(c, "measures", json_pack("{s:i, s:i, s:i, s:i}",
	    "parallel_days", m.parallel_days, "serial_days", m.serial_days,
	    "days_saved", m.days_saved, "submissions", m.submissions));
	if (detail) {
		json_t *req = json_array(), *it, *fl = json_array();
		long long prev = 0;

		json_array_foreach(items, i, it) {
			long long iid = jint(it, "item_id");
			int n = 0;

			if (iid == prev || !items_visible(items, v, iid))
				continue;
			prev = iid;
			json_array_foreach(files, k, r)
				n += jint(r, "item_id") == iid;
			json_array_append_new(req, json_pack("{s:I, s:O, s:i}",
			    "item_id", (json_int_t)iid, "name",
			    json_object_get(it, "item_name"), "files", n));
		}
		json_array_foreach(files, i, r)
			if (items_visible(items, v, jint(r, "item_id")))
				json_array_append(fl, r);
		json_object_set_new(c, "items", req);
		json_object_set_new(c, "files", fl);
	}
out:
	free(spans);
	free(ispans);
	json_decref(depts);
	json_decref(revs);
	json_decref(insps);
	json_decref(answers);
	json_decref(items);
	json_decref(files);
	return e;
}

enum app_err
acc_case_get(struct store *st, const struct actor *a, long long id,
    struct date as_of, json_t **out)
{
	struct env env;
	struct view v;
	json_t *c = NULL;
	enum app_err e;

	*out = NULL;
	if ((e = case_open_checked(st, a, id, &c, &v)) != APP_OK)
		return e;
	if ((e = env_load(st, a, &env)) != APP_OK) {
		json_decref(c);
		return e;
	}
	e = derive(st, a, &env, c, &v, as_of, 1);
	workcal_free(&env.cal);
	if (e != APP_OK) {
		json_decref(c);
		return e;
	}
	*out = c;
	return APP_OK;
}

/* The stored case for the audit trail: the row without derived fields. */
static json_t *
case_snapshot(struct store *st, const struct actor *a, long long id)
{
	json_t *c = NULL;

	case_row(st, a, id, &c);
	return c;
}

/* ---- opening a case ---- */

enum app_err
acc_case_open(struct store *st, const struct actor *a, json_t *body,
    json_t *errs, json_t **out)
{
	static const struct field_spec f[] = {
		{.name = "project_id", .type = FT_INT, .required = 1, .min = 1,
		    .max = 1LL << 53},
		{.name = "title", .type = FT_TEXT, .required = 1, .maxlen = 200},
		{.name = "building", .type = FT_TEXT, .maxlen = 200},
		{.name = "applicant_org_id", .type = FT_INT, .min = 1,
		    .max = 1LL << 53},
	};
	struct store_val v[4];
	json_t *dl = json_object_get(body, "department_ids"), *x, *after = NULL;
	long long owner = 0, applicant = 0, id = 0, dids[MAX_DEPTS];
	size_t i, nd = 0;
	char now[20];
	enum app_err e;

	validate_body(body, f, 4, v, errs, a->english);
	if (!json_is_array(dl) || json_array_size(dl) == 0 ||
	    json_array_size(dl) > MAX_DEPTS)
		ferr_add(errs, "department_ids", a->english,
		    "应为至少一个部门的列表", "must list at least one department");
	else
		json_array_foreach(dl, i, x) {
			json_t *d = NULL;
			int dup = 0;

			for (size_t k = 0; k < nd; k++)
				dup |= dids[k] == json_integer_value(x);
			if (!json_is_integer(x) || dup || store_row1(st,
			    STMT_ACC_DEPT_GET, (struct store_val[]){
			    SV_I(a->zone_id), SV_I(json_integer_value(x))}, 2,
			    &d) != APP_OK || !json_is_true(json_object_get(d,
			    "active"))) {
				char name[40];

				snprintf(name, sizeof name, "department_ids[%zu]",
				    i);
				ferr_add(errs, name, a->english,
				    "不是本区在用的部门（或重复）",
				    "not an active department of this zone (or given twice)");
			} else
				dids[nd++] = json_integer_value(x);
			json_decref(d);
		}
	if (v[0].type == SV_INT && (e = store_int(st, STMT_ACC_PROJECT_OWNER,
	    (struct store_val[]){SV_I(a->zone_id), v[0]}, 2, &owner)) !=
	    APP_OK)
		return e;
	if (a->role == ROLE_ENTERPRISE_USER) {
		/* Applicants apply for themselves, for projects they own. */
		applicant = a->org_id;
		if (v[0].type == SV_INT && (owner == 0 || owner != a->org_id))
			ferr_add(errs, "project_id", a->english,
			    "只能为本企业的项目申请",
			    "only for a project your enterprise owns");
		if (v[3].type == SV_INT && v[3].i != a->org_id)
			ferr_add(errs, "applicant_org_id", a->english,
			    "企业用户只能以本企业申请",
			    "an enterprise user applies for its own enterprise");
	} else {
		json_t *o = NULL;

		applicant = v[3].type == SV_INT ? v[3].i : 0;
		if (v[3].type != SV_INT)
			ferr_add(errs, "applicant_org_id", a->english,
			    "代企业申请须指明申请单位",
			    "name the applicant organisation");
		else if (store_row1(st, STMT_ORG_GET, (struct store_val[]){
		    SV_I(a->zone_id), v[3]}, 2, &o) != APP_OK)
			ferr_add(errs, "applicant_org_id", a->english,
			    "本区没有该单位", "no such organisation in this zone");
		json_decref(o);
	}
	if (v[0].type == SV_INT) {
		json_t *p = NULL;

		if (store_row1(st, STMT_PROJECT_OWNER, (struct store_val[]){
		    SV_I(a->zone_id), v[0]}, 2, &p) != APP_OK)
			ferr_add(errs, "project_id", a->english,
			    "本区没有该项目", "no such project in this zone");
		json_decref(p);
	}
	if (json_array_size(errs) > 0)
		return APP_ERR_VALIDATION;
	store_now(now, 0);
	if ((e = store_begin(st)) != APP_OK)
		return e;
	if ((e = store_int(st, STMT_ACC_CASE_INSERT, (struct store_val[]){
	    SV_I(a->zone_id), SV_T(now), v[0], SV_I(applicant), v[1], v[2],
	    a->user_id ? SV_I(a->user_id) : SV_NULLV}, 7, &id)) != APP_OK)
		goto fail;
	for (i = 0; i < nd; i++)
		if ((e = store_query(st, STMT_ACC_CASE_DEPT_ADD,
		    (struct store_val[]){SV_I(a->zone_id), SV_I(id),
		    SV_I(dids[i])}, 3, NULL, NULL, NULL)) != APP_OK)
			goto fail;
	if ((after = case_snapshot(st, a, id)) == NULL) {
		e = APP_ERR_INTERNAL;
		goto fail;
	}
	json_object_set_new(after, "department_ids", json_deep_copy(dl));
	if ((e = store_audit(st, a->zone_id, a->user_id, "acc_case", id,
	    "create", NULL, after)) != APP_OK ||
	    (e = store_commit(st)) != APP_OK)
		goto fail;
	json_decref(after);
	return acc_case_get(st, a, id, date_today_cn(), out);
fail:
	store_rollback(st);
	json_decref(after);
	return e;
}

/* ---- files ---- */

enum app_err
acc_file_add(struct store *st, const struct actor *a, long long case_id,
    long long item_id, const char *filename, const char *data, size_t len,
    json_t *errs, json_t **out)
{
	struct view v;
	json_t *c = NULL, *items = NULL, *it, *after = NULL;
	char name[FILE_NAME_MAX + 1], hex[65], now[20];
	const char *mime = NULL;
	long long id = 0;
	int needed = 0;
	size_t i;
	enum app_err e;

	if ((e = case_open_checked(st, a, case_id, &c, &v)) != APP_OK)
		return e;
	if (!v.all && !v.applicant) {
		json_decref(c);
		return APP_ERR_FORBIDDEN;
	}
	if ((e = store_rows(st, STMT_ACC_CASE_ITEMS, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(case_id)}, 2, &items)) != APP_OK) {
		json_decref(c);
		return e;
	}
	json_array_foreach(items, i, it)
		needed |= jint(it, "item_id") == item_id;
	json_decref(items);
	if (!needed)
		ferr_add(errs, "item_id", a->english, "该案件的部门不需要此材料",
		    "no department of this case needs this item");
	file_accept(filename, data, len, name, sizeof name, &mime, errs,
	    a->english);
	if (json_array_size(errs) == 0) {
		int open = json_is_null(json_object_get(c, "submitted_on"));

		/* After submission: only while back for rectification. */
		if (!open) {
			struct env env;

			if ((e = env_load(st, a, &env)) == APP_OK) {
				json_t *x = json_deep_copy(c);

				if ((e = derive(st, a, &env, x, &v,
				    date_today_cn(), 0)) == APP_OK)
					open = strcmp(json_string_value(
					    json_object_get(x, "status")),
					    "rectifying") == 0;
				json_decref(x);
				workcal_free(&env.cal);
			}
			if (e != APP_OK) {
				json_decref(c);
				return e;
			}
		}
		if (!open)
			ferr_add(errs, "case", a->english,
			    "案件只在草稿或整改时可上传材料",
			    "files can be added only to a draft or a case under rectification");
	}
	if (json_array_size(errs) > 0) {
		json_decref(c);
		return APP_ERR_VALIDATION;
	}
	if ((e = file_put(st, data, len, hex)) != APP_OK) {
		json_decref(c);
		return e;
	}
	store_now(now, 0);
	if ((e = store_begin(st)) != APP_OK) {
		json_decref(c);
		return e;
	}
	if ((e = store_int(st, STMT_ACC_FILE_INSERT, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(case_id), SV_I(item_id),
	    SV_I(jint(c, "submissions") + 1), SV_T(name), SV_T(hex),
	    SV_I((long long)len), SV_T(mime), a->user_id ? SV_I(a->user_id) :
	    SV_NULLV, SV_T(now)}, 10, &id)) != APP_OK ||
	    (e = store_row1(st, STMT_ACC_FILE_GET, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(id)}, 2, &after)) != APP_OK ||
	    (e = store_audit_part(st, a->zone_id, a->user_id, "acc_file", id,
	    "create", NULL, after, "acc_case", case_id)) != APP_OK ||
	    (e = store_commit(st)) != APP_OK) {
		store_rollback(st);
		json_decref(after);
		json_decref(c);
		return e;
	}
	json_decref(c);
	*out = after;
	return APP_OK;
}

/* ---- submission, decisions, answers, inspection ---- */

/* Starts a review round of one department on day `on`. */
static enum app_err
round_start(struct store *st, const struct actor *a, const struct env *env,
    long long case_id, json_t *dept, int round, int submission,
    struct date on)
{
	char s[11], due[11], now[20];
	long long id = 0;
	json_t *after = NULL;
	enum app_err e;

	date_format(on, s);
	date_format(workcal_add(&env->cal, on, (int)jint(dept, "review_days")),
	    due);
	store_now(now, 0);
	if ((e = store_int(st, STMT_ACC_REVIEW_INSERT, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(case_id), SV_I(jint(dept,
	    "department_id")), SV_I(round), SV_I(submission), SV_T(s),
	    SV_T(due), SV_T(now)}, 8, &id)) != APP_OK ||
	    (e = store_row1(st, STMT_ACC_REVIEW_GET, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(id)}, 2, &after)) != APP_OK)
		return e;
	e = store_audit_part(st, a->zone_id, a->user_id, "acc_review", id,
	    "create", NULL, after, "acc_case", case_id);
	json_decref(after);
	return e;
}

/* Audits the case row change and answers the derived case. */
static enum app_err
case_done(struct store *st, const struct actor *a, long long id,
    json_t *before, json_t **out)
{
	json_t *after = case_snapshot(st, a, id);
	enum app_err e = store_audit(st, a->zone_id, a->user_id, "acc_case",
	    id, "update", before, after);

	json_decref(after);
	if (e != APP_OK || (e = store_commit(st)) != APP_OK) {
		store_rollback(st);
		return e;
	}
	return acc_case_get(st, a, id, date_today_cn(), out);
}

enum app_err
acc_submit(struct store *st, const struct actor *a, long long case_id,
    json_t *body, json_t *errs, json_t **out)
{
	struct view v;
	struct env env;
	struct date on;
	json_t *c = NULL, *items = NULL, *files = NULL, *depts = NULL, *it;
	size_t i, k;
	char ds[11], now[20];
	enum app_err e;

	if ((e = case_open_checked(st, a, case_id, &c, &v)) != APP_OK)
		return e;
	if (!v.all && !v.applicant) {
		json_decref(c);
		return APP_ERR_FORBIDDEN;
	}
	body_step_date(body, "date", &on, errs, a->english);
	if (!json_is_null(json_object_get(c, "submitted_on")))
		ferr_add(errs, "case", a->english, "案件已提交",
		    "the case was already submitted");
	if (json_array_size(errs) > 0) {
		json_decref(c);
		return APP_ERR_VALIDATION;
	}
	if ((e = env_load(st, a, &env)) != APP_OK) {
		json_decref(c);
		return e;
	}
	{
		struct store_val w[2] = {SV_I(a->zone_id), SV_I(case_id)};

		if ((e = store_rows(st, STMT_ACC_CASE_ITEMS, w, 2, &items)) !=
		    APP_OK || (e = store_rows(st, STMT_ACC_FILES_OF_CASE, w, 2,
		    &files)) != APP_OK || (e = store_rows(st,
		    STMT_ACC_CASE_DEPTS, w, 2, &depts)) != APP_OK)
			goto out;
	}
	/* Every item a chosen department needs has a file (rows come
	 * by item, once per department that needs it). */
	{
		long long prev = 0;

		json_array_foreach(items, i, it) {
			json_t *f;
			int n = 0;
			char name[48], msg[300];

			if (jint(it, "item_id") == prev)
				continue;
			prev = jint(it, "item_id");
			json_array_foreach(files, k, f)
				n += jint(f, "item_id") == prev;
			if (n > 0)
				continue;
			snprintf(name, sizeof name, "items[%lld]", prev);
			snprintf(msg, sizeof msg, a->english ?
			    "%s: no file yet" : "%s：尚未上传",
			    json_string_value(json_object_get(it, "item_name")));
			ferr_addf(errs, name, msg);
		}
	}
	if (json_array_size(errs) > 0) {
		e = APP_ERR_VALIDATION;
		goto out;
	}
	date_format(on, ds);
	store_now(now, 0);
	if ((e = store_begin(st)) != APP_OK)
		goto out;
	if ((e = store_query(st, STMT_ACC_CASE_SUBMIT, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(case_id), SV_T(ds), SV_T(now)}, 4, NULL,
	    NULL, NULL)) != APP_OK)
		goto fail;
	/* Every department at once: the parallel mode. */
	json_array_foreach(depts, i, it)
		if ((e = round_start(st, a, &env, case_id, it, 1, 1, on)) !=
		    APP_OK)
			goto fail;
	e = case_done(st, a, case_id, c, out);
	goto out;
fail:
	store_rollback(st);
out:
	workcal_free(&env.cal);
	json_decref(c);
	json_decref(items);
	json_decref(files);
	json_decref(depts);
	return e;
}

/* Numbered points of a rectification: ["…", …] → [{no, text}]. */
static json_t *
points_parse(json_t *list, json_t *errs, int english)
{
	json_t *out = json_array(), *p;
	size_t i;

	if (list == NULL || json_is_null(list))
		return out;
	if (!json_is_array(list) || json_array_size(list) > 50) {
		ferr_add(errs, "points", english, "应为最多50条的列表",
		    "must be a list of at most 50 points");
		return out;
	}
	json_array_foreach(list, i, p) {
		const char *s = json_string_value(p);
		long n = s ? utf8_len(s, strlen(s)) : -1;

		if (s == NULL || n < 1 || n > 1000) {
			char name[32];

			snprintf(name, sizeof name, "points[%zu]", i);
			ferr_add(errs, name, english, "应为1–1000字的文字",
			    "must be a text of 1–1000 characters");
			continue;
		}
		json_array_append_new(out, json_pack("{s:I, s:s}", "no",
		    (json_int_t)i + 1, "text", s));
	}
	return out;
}

enum app_err
acc_decide(struct store *st, const struct actor *a, long long review_id,
    json_t *body, json_t *errs, json_t **out)
{
	static const char *const decisions[] = {"pass", "rectify", "fail",
	    NULL};
	static const struct field_spec f[] = {
		{.name = "decision", .type = FT_ENUM, .required = 1,
		    .choices = decisions},
		{.name = "opinion", .type = FT_TEXT, .maxlen = 2000},
	};
	struct store_val v[2];
	struct date on, started;
	json_t *r = NULL, *points, *after = NULL;
	long long ok = 0, changes = 0, case_id;
	char ds[11], *ptext = NULL;
	enum app_err e;

	if ((e = store_row1(st, STMT_ACC_REVIEW_GET, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(review_id)}, 2, &r)) != APP_OK)
		return e;
	case_id = jint(r, "case_id");
	/* Only a reviewer of the department decides. */
	if (a->role != ROLE_DEPT_REVIEWER || store_int(st, STMT_ACC_IS_REVIEWER,
	    (struct store_val[]){SV_I(a->zone_id), SV_I(jint(r,
	    "department_id")), SV_I(a->user_id)}, 3, &ok) != APP_OK ||
	    ok == 0) {
		json_decref(r);
		return APP_ERR_FORBIDDEN;
	}
	validate_body(body, f, 2, v, errs, a->english);
	points = points_parse(json_object_get(body, "points"), errs,
	    a->english);
	body_step_date(body, "date", &on, errs, a->english);
	if (!json_is_null(json_object_get(r, "decided_on")))
		ferr_add(errs, "review", a->english, "该轮审查已有结论",
		    "this round was already decided");
	if (v[0].type == SV_TEXT && strcmp(v[0].s, "rectify") == 0 &&
	    json_array_size(points) == 0)
		ferr_add(errs, "points", a->english, "整改须列出至少一条整改要点",
		    "a rectification needs at least one numbered point");
	if (jdate(r, "started_on", &started) && date_cmp(on, started) < 0)
		ferr_add(errs, "date", a->english, "不能早于本轮开始日期",
		    "cannot be before the round started");
	if (json_array_size(errs) > 0) {
		json_decref(points);
		json_decref(r);
		return APP_ERR_VALIDATION;
	}
	date_format(on, ds);
	if (json_array_size(points) > 0)
		ptext = json_dumps(points, JSON_COMPACT);
	json_decref(points);
	if ((e = store_begin(st)) != APP_OK) {
		free(ptext);
		json_decref(r);
		return e;
	}
	e = store_query(st, STMT_ACC_REVIEW_DECIDE, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(review_id), SV_T(ds), v[0], v[1],
	    SV_T(ptext), SV_I(a->user_id)}, 7, NULL, NULL, &changes);
	free(ptext);
	if (e == APP_OK && changes != 1)
		e = APP_ERR_CONFLICT;
	if (e != APP_OK || (e = store_row1(st, STMT_ACC_REVIEW_GET,
	    (struct store_val[]){SV_I(a->zone_id), SV_I(review_id)}, 2,
	    &after)) != APP_OK || (e = store_audit_part(st, a->zone_id,
	    a->user_id, "acc_review", review_id, "update", r, after, "acc_case",
	    case_id)) != APP_OK || (e = store_commit(st)) != APP_OK) {
		store_rollback(st);
		json_decref(after);
		json_decref(r);
		return e;
	}
	json_decref(r);
	*out = after;
	return APP_OK;
}

/* The latest review of each department of a case (rows of revs). */
static size_t
latest_reviews(json_t *revs, json_t **latest, size_t max)
{
	json_t *r;
	size_t i, n = 0;

	/* Rows come by department, then round: the last one wins. */
	json_array_foreach(revs, i, r) {
		size_t k;

		for (k = 0; k < n; k++)
			if (jint(latest[k], "department_id") ==
			    jint(r, "department_id"))
				break;
		if (k < n)
			latest[k] = r;
		else if (n < max)
			latest[n++] = r;
	}
	return n;
}

enum app_err
acc_resubmit(struct store *st, const struct actor *a, long long case_id,
    json_t *body, json_t *errs, json_t **out)
{
	struct view v;
	struct env env;
	struct date on, dt;
	json_t *c = NULL, *revs = NULL, *depts = NULL, *latest[MAX_DEPTS] = {0};
	json_t *answers = json_object_get(body, "answers"), *x;
	size_t i, k, n;
	int nrect = 0, sub;
	char now[20];
	enum app_err e;

	if ((e = case_open_checked(st, a, case_id, &c, &v)) != APP_OK)
		return e;
	if (!v.all && !v.applicant) {
		json_decref(c);
		return APP_ERR_FORBIDDEN;
	}
	if ((e = env_load(st, a, &env)) != APP_OK) {
		json_decref(c);
		return e;
	}
	if ((e = store_rows(st, STMT_ACC_REVIEWS_OF_CASE, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(case_id)}, 2, &revs)) != APP_OK ||
	    (e = store_rows(st, STMT_ACC_CASE_DEPTS, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(case_id)}, 2, &depts)) != APP_OK)
		goto out;
	body_step_date(body, "date", &on, errs, a->english);
	n = latest_reviews(revs, latest, MAX_DEPTS);
	if (!json_is_array(answers))
		ferr_add(errs, "answers", a->english, "应为答复列表",
		    "must be a list of answers");
	/* Every point of every department asking for rectification. */
	for (i = 0; i < n; i++) {
		json_t *pts, *p;
		size_t j;

		if (review_state(latest[i]) != ACC_RECTIFY)
			continue;
		nrect++;
		if (jdate(latest[i], "decided_on", &dt) && date_cmp(on, dt) < 0)
			ferr_add(errs, "date", a->english,
			    "不能早于整改意见的日期",
			    "cannot be before the rectification was asked");
		pts = json_object_get(latest[i], "points");
		json_array_foreach(pts, j, p) {
			int found = 0;

			json_array_foreach(answers, k, x) {
				const char *s = json_string_value(
				    json_object_get(x, "answer"));

				if (jint(x, "review_id") == jint(latest[i],
				    "id") && jint(x, "point_no") == jint(p,
				    "no") && s != NULL && utf8_len(s,
				    strlen(s)) >= 1 && utf8_len(s, strlen(s)) <=
				    2000)
					found = 1;
			}
			if (!found) {
				char name[64];

				snprintf(name, sizeof name, "answers[%lld.%lld]",
				    jint(latest[i], "id"), jint(p, "no"));
				ferr_add(errs, name, a->english,
				    "整改要点须逐条答复（1–2000字）",
				    "every point needs an answer (1–2000 characters)");
			}
		}
	}
	if (nrect == 0)
		ferr_add(errs, "case", a->english, "没有部门要求整改",
		    "no department asked for rectification");
	if (json_array_size(errs) > 0) {
		e = APP_ERR_VALIDATION;
		goto out;
	}
	store_now(now, 0);
	sub = (int)jint(c, "submissions") + 1;
	if ((e = store_begin(st)) != APP_OK)
		goto out;
	if ((e = store_query(st, STMT_ACC_CASE_SUBMIT, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(case_id), SV_NULLV, SV_T(now)}, 4, NULL,
	    NULL, NULL)) != APP_OK)
		goto fail;
	for (i = 0; i < n; i++) {
		json_t *pts, *p, *d = NULL;
		size_t j;

		if (review_state(latest[i]) != ACC_RECTIFY)
			continue;
		pts = json_object_get(latest[i], "points");
		json_array_foreach(pts, j, p)
			json_array_foreach(answers, k, x) {
				long long aid = 0;
				json_t *arow;

				if (jint(x, "review_id") != jint(latest[i],
				    "id") || jint(x, "point_no") != jint(p,
				    "no"))
					continue;
				if ((e = store_int(st, STMT_ACC_ANSWER_INSERT,
				    (struct store_val[]){SV_I(a->zone_id),
				    SV_I(jint(latest[i], "id")),
				    SV_I(jint(p, "no")), SV_T(json_string_value(
				    json_object_get(x, "answer"))),
				    a->user_id ? SV_I(a->user_id) : SV_NULLV,
				    SV_T(now)}, 6, &aid)) != APP_OK) {
					if (e == APP_ERR_CONFLICT)
						ferr_add(errs, "answers",
						    a->english, "同一要点答复了两次",
						    "a point was answered twice");
					goto fail;
				}
				arow = json_pack("{s:I, s:I, s:I, s:O}", "id",
				    (json_int_t)aid, "review_id",
				    (json_int_t)jint(latest[i], "id"),
				    "point_no", (json_int_t)jint(p, "no"),
				    "answer", json_object_get(x, "answer"));
				e = store_audit_part(st, a->zone_id, a->user_id,
				    "acc_answer", aid, "create", NULL, arow,
				    "acc_case", case_id);
				json_decref(arow);
				if (e != APP_OK)
					goto fail;
				break;
			}
		/* Only the departments that asked review again. */
		json_array_foreach(depts, j, x)
			if (jint(x, "department_id") == jint(latest[i],
			    "department_id"))
				d = x;
		if (d == NULL || (e = round_start(st, a, &env, case_id, d,
		    (int)jint(latest[i], "round") + 1, sub, on)) != APP_OK)
			goto fail;
	}
	e = case_done(st, a, case_id, c, out);
	goto out;
fail:
	if (e == APP_OK)
		e = APP_ERR_INTERNAL;
	if (e == APP_ERR_CONFLICT)
		e = APP_ERR_VALIDATION;
	store_rollback(st);
out:
	workcal_free(&env.cal);
	json_decref(c);
	json_decref(revs);
	json_decref(depts);
	return e;
}

/* Loads a case for the inspection steps, derived, with its inspections. */
static enum app_err
insp_case(struct store *st, const struct actor *a, const struct env *env,
    long long case_id, json_t **c)
{
	struct view v;
	enum app_err e = case_open_checked(st, a, case_id, c, &v);

	if (e != APP_OK)
		return e;
	if (!v.all || a->role == ROLE_LEADER) {
		json_decref(*c);
		*c = NULL;
		return APP_ERR_FORBIDDEN;
	}
	if ((e = derive(st, a, env, *c, &v, date_today_cn(), 0)) != APP_OK) {
		json_decref(*c);
		*c = NULL;
	}
	return e;
}

enum app_err
acc_inspection(struct store *st, const struct actor *a, long long case_id,
    json_t *body, json_t *errs, json_t **out)
{
	static const struct field_spec f[] = {
		{.name = "scheduled_on", .type = FT_DATE},
	};
	struct store_val v[1];
	struct env env;
	struct date on, last = {0}, dt;
	json_t *c = NULL, *insps, *li, *d, *r, *after = NULL;
	size_t i, k;
	long long id = 0;
	char s[11], due[11], now[20];
	enum app_err e;

	if ((e = env_load(st, a, &env)) != APP_OK)
		return e;
	if ((e = insp_case(st, a, &env, case_id, &c)) != APP_OK)
		goto out;
	validate_body(body, f, 1, v, errs, a->english);
	body_step_date(body, "date", &on, errs, a->english);
	insps = json_object_get(c, "inspections");
	li = json_array_get(insps, json_array_size(insps) - 1);
	if (strcmp(json_string_value(json_object_get(c, "status")),
	    "inspection") != 0 && !(li != NULL && strcmp(json_string_value(
	    json_object_get(c, "status")), "rectifying") == 0 &&
	    json_is_string(json_object_get(li, "result"))))
		ferr_add(errs, "case", a->english,
		    "各部门审查全部通过后才能安排现场验收",
		    "the site inspection comes after every department passed");
	else if (li != NULL && json_is_null(json_object_get(li, "held_on")))
		ferr_add(errs, "case", a->english, "现场验收已安排",
		    "the site inspection is already scheduled");
	if (json_array_size(errs) > 0) {
		e = APP_ERR_VALIDATION;
		goto out;
	}
	/* The clock starts on the last pass; after an inspection asked for
	 * rectification, on the day the new one is scheduled. */
	json_array_foreach(json_object_get(c, "departments"), i, d)
		json_array_foreach(json_object_get(d, "rounds"), k, r)
			if (jdate(r, "decided_on", &dt) && (last.y == 0 ||
			    date_cmp(dt, last) > 0))
				last = dt;
	if (li != NULL || last.y == 0)
		last = on;
	date_format(last, s);
	date_format(workcal_add(&env.cal, last, env.inspection_days), due);
	store_now(now, 0);
	if ((e = store_begin(st)) != APP_OK)
		goto out;
	if ((e = store_int(st, STMT_ACC_INSP_INSERT, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(case_id), SV_I((long long)
	    json_array_size(insps) + 1), SV_T(s), SV_T(due), v[0],
	    SV_T(now)}, 7, &id)) != APP_OK ||
	    (e = store_row1(st, STMT_ACC_INSP_GET, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(id)}, 2, &after)) != APP_OK ||
	    (e = store_audit_part(st, a->zone_id, a->user_id, "acc_inspection",
	    id, "create", NULL, after, "acc_case", case_id)) != APP_OK ||
	    (e = store_commit(st)) != APP_OK) {
		store_rollback(st);
		goto out;
	}
	e = acc_case_get(st, a, case_id, date_today_cn(), out);
out:
	json_decref(after);
	json_decref(c);
	workcal_free(&env.cal);
	return e;
}

enum app_err
acc_inspection_result(struct store *st, const struct actor *a,
    long long case_id, json_t *body, json_t *errs, json_t **out)
{
	static const char *const results[] = {"pass", "rectify", "fail", NULL};
	static const struct field_spec f[] = {
		{.name = "result", .type = FT_ENUM, .required = 1,
		    .choices = results},
		{.name = "opinion", .type = FT_TEXT, .maxlen = 2000},
	};
	struct store_val v[2];
	struct env env;
	struct date on, started;
	json_t *c = NULL, *insps, *li, *after = NULL;
	long long changes = 0, id;
	char ds[11];
	enum app_err e;

	if ((e = env_load(st, a, &env)) != APP_OK)
		return e;
	if ((e = insp_case(st, a, &env, case_id, &c)) != APP_OK)
		goto out;
	validate_body(body, f, 2, v, errs, a->english);
	body_step_date(body, "date", &on, errs, a->english);
	insps = json_object_get(c, "inspections");
	li = json_array_get(insps, json_array_size(insps) - 1);
	if (li == NULL || !json_is_null(json_object_get(li, "held_on")))
		ferr_add(errs, "case", a->english, "没有待进行的现场验收",
		    "no site inspection is waiting for its result");
	else if (jdate(li, "started_on", &started) && date_cmp(on, started) < 0)
		ferr_add(errs, "date", a->english, "不能早于现场验收开始日期",
		    "cannot be before the inspection started");
	if (json_array_size(errs) > 0) {
		e = APP_ERR_VALIDATION;
		goto out;
	}
	id = jint(li, "id");
	date_format(on, ds);
	if ((e = store_begin(st)) != APP_OK)
		goto out;
	e = store_query(st, STMT_ACC_INSP_RESULT, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(id), SV_T(ds), v[0], v[1]}, 5, NULL, NULL,
	    &changes);
	if (e == APP_OK && changes != 1)
		e = APP_ERR_CONFLICT;
	if (e != APP_OK || (e = store_row1(st, STMT_ACC_INSP_GET,
	    (struct store_val[]){SV_I(a->zone_id), SV_I(id)}, 2, &after)) !=
	    APP_OK || (e = store_audit_part(st, a->zone_id, a->user_id,
	    "acc_inspection", id, "update", NULL, after, "acc_case",
	    case_id)) != APP_OK || (e = store_commit(st)) != APP_OK) {
		store_rollback(st);
		goto out;
	}
	e = acc_case_get(st, a, case_id, date_today_cn(), out);
out:
	json_decref(after);
	json_decref(c);
	workcal_free(&env.cal);
	return e;
}

/* ---- department lists ---- */

enum app_err
acc_dept_set(struct store *st, const struct actor *a, long long dept_id,
    int reviewers, json_t *body, json_t *errs, json_t **out)
{
	const char *key = reviewers ? "user_ids" : "item_ids";
	json_t *list = json_object_get(body, key), *x, *d = NULL, *before = NULL;
	json_t *after = NULL;
	size_t i;
	enum stmt get = reviewers ? STMT_ACC_REVIEWERS : STMT_ACC_DEPT_ITEMS;
	enum app_err e;

	if ((e = store_row1(st, STMT_ACC_DEPT_GET, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(dept_id)}, 2, &d)) != APP_OK)
		return e;
	json_decref(d);
	if (!json_is_array(list) || json_array_size(list) > 200) {
		ferr_add(errs, key, a->english, "应为编号列表",
		    "must be a list of ids");
		return APP_ERR_VALIDATION;
	}
	json_array_foreach(list, i, x) {
		json_t *row = NULL;
		int bad;

		if (reviewers) {
			bad = !json_is_integer(x) || store_row1(st,
			    STMT_ACC_USER_ROLE, (struct store_val[]){
			    SV_I(a->zone_id), SV_I(json_integer_value(x))}, 2,
			    &row) != APP_OK || strcmp(json_string_value(
			    json_object_get(row, "role")), "dept_reviewer") != 0;
		} else
			bad = !json_is_integer(x) || store_row1(st,
			    STMT_ACC_ITEM_GET, (struct store_val[]){
			    SV_I(a->zone_id), SV_I(json_integer_value(x))}, 2,
			    &row) != APP_OK;
		json_decref(row);
		for (size_t k = 0; k < i && !bad; k++)
			bad = json_integer_value(json_array_get(list, k)) ==
			    json_integer_value(x);
		if (bad) {
			char name[40];

			snprintf(name, sizeof name, "%s[%zu]", key, i);
			if (reviewers)
				ferr_add(errs, name, a->english,
				    "应为本区的部门审查人员（不重复）",
				    "must be a department reviewer of this zone, once");
			else
				ferr_add(errs, name, a->english,
				    "应为本区的材料项（不重复）",
				    "must be a material item of this zone, once");
		}
	}
	if (json_array_size(errs) > 0)
		return APP_ERR_VALIDATION;
	if ((e = store_begin(st)) != APP_OK)
		return e;
	if ((e = store_rows(st, get, (struct store_val[]){SV_I(a->zone_id),
	    SV_I(dept_id)}, 2, &before)) != APP_OK ||
	    (e = store_query(st, reviewers ? STMT_ACC_REVIEWERS_CLEAR :
	    STMT_ACC_DEPT_ITEMS_CLEAR, (struct store_val[]){SV_I(a->zone_id),
	    SV_I(dept_id)}, 2, NULL, NULL, NULL)) != APP_OK)
		goto fail;
	json_array_foreach(list, i, x)
		if ((e = store_query(st, reviewers ? STMT_ACC_REVIEWER_ADD :
		    STMT_ACC_DEPT_ITEM_ADD, (struct store_val[]){
		    SV_I(a->zone_id), SV_I(dept_id),
		    SV_I(json_integer_value(x))}, 3, NULL, NULL, NULL)) !=
		    APP_OK)
			goto fail;
	if ((e = store_rows(st, get, (struct store_val[]){SV_I(a->zone_id),
	    SV_I(dept_id)}, 2, &after)) != APP_OK)
		goto fail;
	{
		json_t *b = json_pack("{s:O}", key, before);
		json_t *aa = json_pack("{s:O}", key, after);

		e = store_audit_part(st, a->zone_id, a->user_id, reviewers ?
		    "acc_reviewers" : "acc_dept_items", dept_id, "update", b,
		    aa, "acc_department", dept_id);
		json_decref(b);
		json_decref(aa);
	}
	if (e != APP_OK || (e = store_commit(st)) != APP_OK)
		goto fail;
	json_decref(before);
	*out = json_pack("{s:o}", "items", after);
	return APP_OK;
fail:
	store_rollback(st);
	json_decref(before);
	json_decref(after);
	return e;
}

/* ---- lists and the report ---- */

/* Every case the actor may see, derived, as of a day. */
static enum app_err
case_rows(struct store *st, const struct actor *a, const struct env *env,
    enum stmt s, const struct store_val *w, size_t nw, struct date as_of,
    json_t **out)
{
	json_t *ids = NULL, *x, *rows = json_array();
	size_t i;
	enum app_err e;

	if ((e = store_rows(st, s, w, nw, &ids)) != APP_OK) {
		json_decref(rows);
		return e;
	}
	json_array_foreach(ids, i, x) {
		struct view v;
		json_t *c = NULL;

		if (case_open_checked(st, a, jint(x, "id"), &c, &v) != APP_OK)
			continue;
		if ((e = derive(st, a, env, c, &v, as_of, 0)) != APP_OK) {
			json_decref(c);
			break;
		}
		json_array_append_new(rows, c);
	}
	json_decref(ids);
	if (e != APP_OK) {
		json_decref(rows);
		return e;
	}
	*out = rows;
	return APP_OK;
}

enum app_err
acc_report(struct store *st, const struct actor *a, struct date from,
    struct date to, json_t **out)
{
	struct env env;
	struct date today = date_today_cn();
	char f[11], t[11];
	json_t *rows = NULL, *c, *list = json_array();
	long long n = 0, open = 0, overdue = 0, passed = 0, failed = 0;
	long long days = 0, saved = 0, subs = 0;
	size_t i;
	enum app_err e;

	date_format(from, f);
	date_format(to, t);
	if ((e = env_load(st, a, &env)) != APP_OK) {
		json_decref(list);
		return e;
	}
	e = case_rows(st, a, &env, STMT_ACC_CASE_IDS_PERIOD,
	    (struct store_val[]){SV_I(a->zone_id), SV_T(f), SV_T(t)}, 3,
	    today, &rows);
	workcal_free(&env.cal);
	if (e != APP_OK) {
		json_decref(list);
		return e;
	}
	json_array_foreach(rows, i, c) {
		const char *s = json_string_value(json_object_get(c, "status"));
		json_t *m = json_object_get(c, "measures");

		n++;
		passed += strcmp(s, "passed") == 0;
		failed += strcmp(s, "failed") == 0;
		open += strcmp(s, "passed") != 0 && strcmp(s, "failed") != 0;
		overdue += json_is_true(json_object_get(c, "overdue"));
		days += jint(m, "parallel_days");
		saved += jint(m, "days_saved");
		subs += jint(m, "submissions");
		json_array_append_new(list, json_pack(
		    "{s:O, s:O, s:O, s:O, s:O, s:O, s:O, s:O, s:O, s:O, s:O}",
		    "id", json_object_get(c, "id"), "title", json_object_get(c,
		    "title"), "applicant_name", json_object_get(c,
		    "applicant_name"), "status", json_object_get(c, "status"),
		    "status_label", json_object_get(c, "status_label"),
		    "submitted_on", json_object_get(c, "submitted_on"), "due_on",
		    json_object_get(c, "due_on"), "overdue", json_object_get(c,
		    "overdue"), "parallel_days", json_object_get(m,
		    "parallel_days"), "serial_days", json_object_get(m,
		    "serial_days"), "days_saved", json_object_get(m,
		    "days_saved")));
		json_object_set(json_array_get(list, json_array_size(list) - 1),
		    "submissions", json_object_get(m, "submissions"));
	}
	json_decref(rows);
	*out = json_pack("{s:s, s:s, s:I, s:I, s:I, s:I, s:I, s:f, s:I, s:I, "
	    "s:o}", "from", f, "to", t, "count", (json_int_t)n, "open",
	    (json_int_t)open, "overdue", (json_int_t)overdue, "passed",
	    (json_int_t)passed, "failed", (json_int_t)failed, "average_days",
	    n ? (double)((days * 10 + n / 2) / n) / 10.0 : 0.0, "days_saved",
	    (json_int_t)saved, "submissions", (json_int_t)subs, "cases", list);
	return APP_OK;
}

/* ---- HTTP ---- */
static enum app_err
created(struct req *r, enum app_err e, json_t *out, int status)
{
	return e != APP_OK ? e : reply_json(r, status, out);
}

static enum app_err
dept_list(struct req *r, enum stmt s)
{
	json_t *d = NULL, *rows = NULL;
	enum app_err e = store_row1(r->st, STMT_ACC_DEPT_GET,
	    (struct store_val[]){SV_I(r->actor.zone_id), SV_I(r->id)}, 2, &d);

	json_decref(d);
	if (e != APP_OK || (e = store_rows(r->st, s, (struct store_val[]){
	    SV_I(r->actor.zone_id), SV_I(r->id)}, 2, &rows)) != APP_OK)
		return e;
	return reply_json(r, 200, json_pack("{s:o}", "items", rows));
}

enum app_err
h_acc_dept_items_get(struct req *r)
{
	return dept_list(r, STMT_ACC_DEPT_ITEMS);
}

enum app_err
h_acc_reviewers_get(struct req *r)
{
	return dept_list(r, STMT_ACC_REVIEWERS);
}

enum app_err
h_acc_dept_items_put(struct req *r)
{
	json_t *out = NULL;
	enum app_err e = acc_dept_set(r->st, &r->actor, r->id, 0, r->json,
	    r->errs, &out);

	return created(r, e, out, 200);
}

enum app_err
h_acc_reviewers_put(struct req *r)
{
	json_t *out = NULL;
	enum app_err e = acc_dept_set(r->st, &r->actor, r->id, 1, r->json,
	    r->errs, &out);

	return created(r, e, out, 200);
}

enum app_err
h_acc_case_list(struct req *r)
{
	static const char *const statuses[] = {"draft", "reviewing",
	    "rectifying", "inspection", "passed", "failed", NULL};
	static const struct field_spec filters[] = {
		{.name = "status", .type = FT_ENUM, .choices = statuses},
	};
	static const char *const sorts[] = {"id", "title", "submitted_on",
	    "due_on", "status", "applicant_name", NULL};
	struct list_query lq;
	struct date as_of = date_today_cn();
	struct env env;
	json_t *rows = NULL, *c, **kept;
	size_t i, n = 0;
	enum app_err e;

	list_query_parse(&lq, req_arg, r, sorts, filters, 1, r->errs,
	    r->english);
	arg_date(r, "as_of", &as_of, 0);
	if (json_array_size(r->errs) > 0)
		return APP_ERR_VALIDATION;
	if ((e = env_load(r->st, &r->actor, &env)) != APP_OK)
		return e;
	/* The scope first; case_access then rules on each case. */
	e = case_rows(r->st, &r->actor, &env, STMT_ACC_CASE_IDS,
	    (struct store_val[]){SV_I(r->actor.zone_id),
	    r->actor.role == ROLE_ENTERPRISE_USER ? SV_I(r->actor.org_id) :
	    SV_NULLV, r->actor.role == ROLE_DEPT_REVIEWER ?
	    SV_I(r->actor.user_id) : SV_NULLV}, 3, as_of, &rows);
	workcal_free(&env.cal);
	if (e != APP_OK)
		return e;
	kept = xcalloc(json_array_size(rows) + 1, sizeof *kept);
	json_array_foreach(rows, i, c)
		if (lq.filters[0] == NULL || strcmp(lq.filters[0],
		    json_string_value(json_object_get(c, "status"))) == 0)
			kept[n++] = c;
	{
		json_t *page = rows_page(kept, n, &lq);

		free(kept);
		json_decref(rows);
		return reply_json(r, 200, page);
	}
}

enum app_err
h_acc_case_create(struct req *r)
{
	json_t *out = NULL;
	enum app_err e = acc_case_open(r->st, &r->actor, r->json, r->errs,
	    &out);

	return created(r, e, out, 201);
}

enum app_err
h_acc_case_get(struct req *r)
{
	struct date as_of = date_today_cn();
	json_t *out = NULL;
	enum app_err e;

	if (arg_date(r, "as_of", &as_of, 0) != 0)
		return APP_ERR_VALIDATION;
	e = acc_case_get(r->st, &r->actor, r->id, as_of, &out);
	return created(r, e, out, 200);
}

/* The case and its parts; not for reviewers, who see only their part. */
enum app_err
h_acc_case_history(struct req *r)
{
	struct list_query lq;
	struct view v;
	json_t *c = NULL, *out = NULL;
	enum app_err e;

	if ((e = case_open_checked(r->st, &r->actor, r->id, &c, &v)) != APP_OK)
		return e;
	json_decref(c);
	if (!v.all && !v.applicant)
		return APP_ERR_FORBIDDEN;
	list_query_parse(&lq, req_arg, r, NULL, NULL, 0, r->errs, r->english);
	if (json_array_size(r->errs) > 0)
		return APP_ERR_VALIDATION;
	e = res_history(r->st, &r->actor, "acc_case", r->id, &lq, &out);
	return created(r, e, out, 200);
}

/* POST /api/acceptance/cases/{id}/files?item_id=N&filename=… with the
 * file as the body. */
enum app_err
h_acc_file_upload(struct req *r)
{
	const char *iv = req_arg(r, "item_id");
	long long item = 0;
	json_t *out = NULL;
	enum app_err e;

	if (iv == NULL || parse_ll(iv, &item) != 0 || item < 1) {
		ferr_add(r->errs, "item_id", r->english, "应为正整数",
		    "must be a positive whole number");
		return APP_ERR_VALIDATION;
	}
	e = acc_file_add(r->st, &r->actor, r->id, item, req_arg(r, "filename"),
	    r->body.p, r->body.len, r->errs, &out);
	return created(r, e, out, 201);
}

enum app_err
h_acc_file_get(struct req *r)
{
	struct view v;
	json_t *f = NULL, *c = NULL, *items = NULL;
	enum app_err e;

	if ((e = store_row1(r->st, STMT_ACC_FILE_GET, (struct store_val[]){
	    SV_I(r->actor.zone_id), SV_I(r->id)}, 2, &f)) != APP_OK)
		return e;
	if ((e = case_open_checked(r->st, &r->actor, jint(f, "case_id"), &c,
	    &v)) != APP_OK || (e = store_rows(r->st, STMT_ACC_CASE_ITEMS,
	    (struct store_val[]){SV_I(r->actor.zone_id), SV_I(jint(f,
	    "case_id"))}, 2, &items)) != APP_OK)
		goto out;
	/* A reviewer gets only the items its departments need. */
	if (!items_visible(items, &v, jint(f, "item_id")))
		e = APP_ERR_FORBIDDEN;
	else
		e = file_reply(r, f);
out:
	json_decref(f);
	json_decref(c);
	json_decref(items);
	return e;
}

enum app_err
h_acc_submit(struct req *r)
{
	json_t *out = NULL;
	enum app_err e = acc_submit(r->st, &r->actor, r->id, r->json, r->errs,
	    &out);

	return created(r, e, out, 200);
}

enum app_err
h_acc_decide(struct req *r)
{
	json_t *out = NULL;
	enum app_err e = acc_decide(r->st, &r->actor, r->id, r->json, r->errs,
	    &out);

	return created(r, e, out, 200);
}

enum app_err
h_acc_resubmit(struct req *r)
{
	json_t *out = NULL;
	enum app_err e = acc_resubmit(r->st, &r->actor, r->id, r->json,
	    r->errs, &out);

	return created(r, e, out, 200);
}

enum app_err
h_acc_inspection(struct req *r)
{
	json_t *out = NULL;
	enum app_err e = acc_inspection(r->st, &r->actor, r->id, r->json,
	    r->errs, &out);

	return created(r, e, out, 200);
}

enum app_err
h_acc_inspection_result(struct req *r)
{
	json_t *out = NULL;
	enum app_err e = acc_inspection_result(r->st, &r->actor, r->id,
	    r->json, r->errs, &out);

	return created(r, e, out, 200);
}

/* Pending reviews (a reviewer: its departments'; officers, admin and
 * leaders: all, with the inspections), due date first. */
enum app_err
h_acc_queue(struct req *r)
{
	struct date as_of = date_today_cn(), tomorrow, due;
	struct env env;
	json_t *revs = NULL, *insps = NULL, *x;
	size_t i;
	int reviewer = r->actor.role == ROLE_DEPT_REVIEWER;
	enum app_err e;

	if (arg_date(r, "as_of", &as_of, 0) != 0)
		return APP_ERR_VALIDATION;
	if ((e = env_load(r->st, &r->actor, &env)) != APP_OK)
		return e;
	tomorrow = workcal_add(&env.cal, as_of, 1);
	workcal_free(&env.cal);
	if ((e = store_rows(r->st, STMT_ACC_QUEUE_REVIEWS, (struct store_val[]){
	    SV_I(r->actor.zone_id), reviewer ? SV_I(r->actor.user_id) :
	    SV_NULLV}, 2, &revs)) != APP_OK)
		return e;
	if (!reviewer && (e = store_rows(r->st, STMT_ACC_QUEUE_INSPS,
	    (struct store_val[]){SV_I(r->actor.zone_id)}, 1, &insps)) !=
	    APP_OK) {
		json_decref(revs);
		return e;
	}
	if (insps != NULL)
		json_array_extend(revs, insps);
	json_decref(insps);
	json_array_foreach(revs, i, x) {
		jdate(x, "due_on", &due);
		json_object_set_new(x, "overdue", json_boolean(date_cmp(as_of,
		    due) > 0));
		json_object_set_new(x, "due_tomorrow", json_boolean(date_cmp(
		    due, tomorrow) == 0));
	}
	return reply_json(r, 200, json_pack("{s:o, s:o, s:I}", "as_of",
	    jdate_new(as_of), "items", revs, "total",
	    (json_int_t)json_array_size(revs)));
}

enum app_err
h_acc_report(struct req *r)
{
	struct date from, to;
	json_t *out = NULL;
	enum app_err e;

	arg_date(r, "from", &from, 1);
	arg_date(r, "to", &to, 1);
	if (json_array_size(r->errs) == 0 && date_cmp(to, from) < 0)
		ferr_add(r->errs, "to", r->english, "不能早于开始日期",
		    "cannot be before from");
	if (json_array_size(r->errs) > 0)
		return APP_ERR_VALIDATION;
	e = acc_report(r->st, &r->actor, from, to, &out);
	return created(r, e, out, 200);
}
