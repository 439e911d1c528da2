/*
 * Leads. As with projects, the current stage is derived from the dated
 * moves, and the score and the stalled flag are computed on reading with
 * the zone's settings; lists are filtered and sorted in C.
 */
#include <stdlib.h>
#include <string.h>

#include "api/handlers.h"
#include "api/args.h"
#include "api/leads.h"
#include "api/resource.h"
#include "api/rows.h"
#include "api/settings.h"
#include "domain/lead.h"
#include "http/reply.h"
#include "util/xalloc.h"

static const char *const srdi_levels[] = {"none", "provincial", "national",
    NULL};
static const char *const channels[] = {"phone", "wechat", "video", "visit",
    "fair", NULL};

/* Bind order of LEAD_INSERT / LEAD_UPDATE after ?1 zone, ?2 now. */
static const struct field_spec fields[] = {
	{.name = "code", .type = FT_TEXT, .required = 1, .maxlen = 32},
	{.name = "project_name", .type = FT_TEXT, .required = 1, .maxlen = 200},
	{.name = "investor_name", .type = FT_TEXT, .maxlen = 200},
	{.name = "investor_org_id", .type = FT_INT, .min = 1, .max = 1LL << 53},
	{.name = "chain_id", .type = FT_INT, .min = 1, .max = 1LL << 53},
	{.name = "region_id", .type = FT_INT, .min = 1, .max = 1LL << 53},
	{.name = "office_id", .type = FT_INT, .min = 1, .max = 1LL << 53},
	{.name = "officer_id", .type = FT_INT, .min = 1, .max = 1LL << 53},
	{.name = "planned_investment", .type = FT_NUM, .min = 0,
	    .max = 100000000},
	{.name = "expected_tax", .type = FT_NUM, .min = 0, .max = 10000000},
	{.name = "land_mu", .type = FT_NUM, .min = 0, .max = 1000000},
	{.name = "expected_output", .type = FT_NUM, .min = 0, .max = 100000000},
	{.name = "energy_tce", .type = FT_NUM, .min = 0, .max = 100000000},
	{.name = "high_tech", .type = FT_BOOL},
	{.name = "patents", .type = FT_INT, .min = 0, .max = 100000},
	{.name = "srdi_level", .type = FT_ENUM, .choices = srdi_levels},
	{.name = "notes", .type = FT_TEXT, .maxlen = 4000},
	{.name = "enterprise_org_id", .type = FT_INT, .min = 1,
	    .max = 1LL << 53},
	{.name = "project_id", .type = FT_INT, .min = 1, .max = 1LL << 53},
	{.name = "land_supplied_on", .type = FT_DATE},
};
#define NFIELDS (sizeof fields / sizeof fields[0])

static const struct field_spec move_fields[] = {
	{.name = "stage", .type = FT_ENUM, .required = 1,
	    .choices = stage_codes},
	{.name = "date", .type = FT_DATE, .required = 1},
	{.name = "reason", .type = FT_TEXT, .maxlen = 500},
	{.name = "event_id", .type = FT_INT, .min = 1, .max = 1LL << 53},
};

static const struct field_spec contact_fields[] = {
	{.name = "channel", .type = FT_ENUM, .required = 1, .choices = channels},
	{.name = "date", .type = FT_DATE, .required = 1},
	{.name = "participants", .type = FT_TEXT, .maxlen = 500},
	{.name = "summary", .type = FT_TEXT, .required = 1, .maxlen = 4000},
	{.name = "next_step", .type = FT_TEXT, .maxlen = 500},
	{.name = "next_date", .type = FT_DATE},
};

static const char *const sorts[] = {"code", "project_name", "investor_name",
    "chain_name", "region_name", "office_name", "officer_name",
    "planned_investment", "expected_tax", "land_mu", "score", "stage_rank",
    "stage_date", "signed_on", "last_contact", "updated_at", "created_at",
    "id", NULL};

static const char *const stored[] = {"id", "code", "project_name",
    "investor_name", "investor_org_id", "chain_id", "region_id", "office_id",
    "officer_id", "planned_investment", "expected_tax", "land_mu",
    "expected_output", "energy_tce", "high_tech", "patents", "srdi_level",
    "notes", "enterprise_org_id", "project_id", "land_supplied_on", NULL};

struct derive_ctx {
	struct score_weights w;
	long stalled_days;
	struct date as_of;
	int english;
};

static void
derive_ctx_load(json_t *settings, struct date as_of, int english,
    struct derive_ctx *c)
{
	c->w.investment = settings_num(settings, "score.w_investment");
	c->w.technology = settings_num(settings, "score.w_technology");
	c->w.tax = settings_num(settings, "score.w_tax");
	c->w.energy = settings_num(settings, "score.w_energy");
	c->w.investment_full = settings_num(settings, "score.investment_full");
	c->w.tax_per_mu_full = settings_num(settings, "score.tax_per_mu_full");
	c->w.energy_per_output_zero = settings_num(settings,
	    "score.energy_zero_kg") / 1000.0;
	c->stalled_days = (long)settings_num(settings, "invest.stalled_days");
	c->as_of = as_of;
	c->english = english;
}

static int
num(json_t *o, const char *k, double *v)
{
	json_t *x = json_object_get(o, k);

	*v = json_number_value(x);
	return json_is_number(x);
}

/* Stalled: signed but not yet producing, and neither a move (on last)
 * nor a contact (on lc, may be NULL) for stalled_days. */
static int
is_stalled(int stage, const char *last, const char *lc,
    const struct derive_ctx *c)
{
	struct date d;

	if (stage < STAGE_SIGNED || stage >= STAGE_PRODUCING || last == NULL)
		return 0;
	if (lc != NULL && strcmp(lc, last) > 0)
		last = lc;
	return date_parse(last, strlen(last), &d) == 0 &&
	    date_to_days(c->as_of) - date_to_days(d) > c->stalled_days;
}

static void
derive(json_t *l, const struct derive_ctx *c)
{
	const char *st = json_string_value(json_object_get(l, "stage"));
	const char *srdi = json_string_value(json_object_get(l, "srdi_level"));
	int stage = stage_parse(st);
	struct lead_figures f = {0};
	struct lead_score sc;
	json_t *parts = json_array();
	const char *last = json_string_value(json_object_get(l, "stage_date"));
	const char *lc = json_string_value(json_object_get(l, "last_contact"));

	json_object_set_new(l, "stage_label", stage >= 0 ?
	    json_string(stage_label(stage, c->english)) : json_null());
	json_object_set_new(l, "stage_rank", json_integer(stage));
	f.has_investment = num(l, "planned_investment", &f.planned_investment);
	f.has_tax = num(l, "expected_tax", &f.expected_tax);
	f.has_land = num(l, "land_mu", &f.land_mu);
	f.has_output = num(l, "expected_output", &f.expected_output);
	f.has_energy = num(l, "energy_tce", &f.energy_tce);
	f.high_tech = json_is_true(json_object_get(l, "high_tech"));
	f.patents = (int)json_integer_value(json_object_get(l, "patents"));
	f.srdi = srdi == NULL ? 0 : strcmp(srdi, "national") == 0 ? 2 :
	    strcmp(srdi, "provincial") == 0 ? 1 : 0;
	lead_score(&c->w, &f, &sc);
	for (int i = 0; i < 4; i++)
		json_array_append_new(parts, json_pack("{s:s, s:f, s:f, s:o}",
		    "code", sc.parts[i].code, "points", sc.parts[i].points,
		    "max", sc.parts[i].max, "value", sc.parts[i].has_value ?
		    json_real(sc.parts[i].value) : json_null()));
	json_object_set_new(l, "score", json_real(sc.total));
	json_object_set_new(l, "score_parts", parts);
	json_object_set_new(l, "stalled", json_boolean(is_stalled(stage, last,
	    lc, c)));
}

static enum app_err
load(struct store *st, const struct actor *a, long long id, struct date as_of,
    const struct store_val *filters /* q chain region office officer event */,
    json_t **out)
{
	char asof[11];
	json_t *rows = NULL, *settings = NULL, *l;
	struct derive_ctx c;
	size_t i;
	enum app_err e;
	struct store_val args[9] = {SV_I(a->zone_id), SV_T(asof),
	    id ? SV_I(id) : SV_NULLV, SV_NULLV, SV_NULLV, SV_NULLV, SV_NULLV,
	    SV_NULLV, SV_NULLV};

	date_format(as_of, asof);
	if (filters != NULL)
		memcpy(args + 3, filters, 6 * sizeof *args);
	if ((e = store_rows(st, STMT_LEAD_ROWS, args, 9, &rows)) != APP_OK)
		return e;
	if ((e = settings_load(st, a->zone_id, &settings)) != APP_OK) {
		json_decref(rows);
		return e;
	}
	derive_ctx_load(settings, as_of, a->english, &c);
	json_decref(settings);
	json_array_foreach(rows, i, l)
		derive(l, &c);
	*out = rows;
	return APP_OK;
}

enum app_err
leads_all(struct store *st, const struct actor *a, struct date as_of,
    json_t **out)
{
	return load(st, a, 0, as_of, NULL, out);
}

struct funnel_ctx {
	const struct derive_ctx *c;
	long *current, *stalled;
};

static int
funnel_row(void *ctx, const struct store_row *row)
{
	struct funnel_ctx *f = ctx;
	int stage;

	if (store_col_type(row, 0) == SV_NULL ||
	    (stage = stage_parse(store_col_text(row, 0))) < 0)
		return 0;
	f->current[stage]++;
	*f->stalled += is_stalled(stage, store_col_text(row, 1),
	    store_col_type(row, 2) == SV_NULL ? NULL : store_col_text(row, 2),
	    f->c);
	return 0;
}

enum app_err
leads_funnel(struct store *st, const struct actor *a, struct date as_of,
    long current[STAGE__MAX], long *stalled)
{
	char asof[11];
	json_t *settings = NULL;
	struct derive_ctx c;
	struct funnel_ctx f = {&c, current, stalled};
	enum app_err e;

	date_format(as_of, asof);
	if ((e = settings_load(st, a->zone_id, &settings)) != APP_OK)
		return e;
	derive_ctx_load(settings, as_of, a->english, &c);
	json_decref(settings);
	return store_query(st, STMT_LEAD_FUNNEL, (struct store_val[]){
	    SV_I(a->zone_id), SV_T(asof)}, 2, funnel_row, &f, NULL);
}

enum app_err
lead_get(struct store *st, const struct actor *a, long long id,
    struct date as_of, json_t **out)
{
	json_t *rows;
	enum app_err e;

	*out = NULL;
	if ((e = load(st, a, id, as_of, NULL, &rows)) != APP_OK)
		return e;
	if (json_array_size(rows) == 0) {
		json_decref(rows);
		return APP_ERR_NOT_FOUND;
	}
	*out = json_incref(json_array_get(rows, 0));
	json_decref(rows);
	return APP_OK;
}

static long long
current_officer(struct store *st, const struct actor *a, long long id)
{
	long long officer = 0;

	store_int(st, STMT_LEAD_OFFICER, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(id)}, 2, &officer);
	return officer;
}

/* References must be records of the caller's zone. */
static void
check_ref(struct store *st, const struct actor *a, enum stmt s,
    const struct store_val *v, const char *field, json_t *errs)
{
	json_decref(res_ref(st, a, s, v, field, errs));
}

/* Rewrites the lead row's latest stage move and contact (LEAD_CURRENT), in
 * the caller's transaction, after each move or contact. */
static enum app_err
lead_current(struct store *st, const struct actor *a, long long lead)
{
	return store_query(st, STMT_LEAD_CURRENT, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(lead)}, 2, NULL, NULL, NULL);
}

static enum app_err
insert_move(struct store *st, const struct actor *a, long long lead,
    const struct store_val *v /* stage date reason event */, json_t **after)
{
	char now[20];
	long long id = 0;
	enum app_err e;

	store_now(now, 0);
	if ((e = store_int(st, STMT_STAGE_INSERT, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(lead), v[0], v[1], v[2], v[3],
	    a->user_id ? SV_I(a->user_id) : SV_NULLV, SV_T(now)}, 8, &id)) !=
	    APP_OK || (e = lead_current(st, a, lead)) != APP_OK)
		return e;
	if ((e = store_row1(st, STMT_STAGE_GET, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(id)}, 2, after)) != APP_OK)
		return e;
	return store_audit_part(st, a->zone_id, a->user_id, "lead_stage", id,
	    "create", NULL, *after, "lead", lead);
}

enum app_err
lead_save(struct store *st, const struct actor *a, long long id,
    json_t *body, json_t *errs, json_t **out)
{
	struct store_val v[NFIELDS], args[NFIELDS + 3], mv[4];
	struct date today = date_today_cn(), d;
	json_t *before = NULL, *after = NULL, *move = NULL;
	char now[20], todays[11];
	long long newid = id;
	enum app_err e;

	validate_body(body, fields, NFIELDS, v, errs, a->english);
	check_ref(st, a, STMT_ORG_GET, &v[3], "investor_org_id", errs);
	check_ref(st, a, STMT_CHAIN_GET, &v[4], "chain_id", errs);
	check_ref(st, a, STMT_REGION_GET, &v[5], "region_id", errs);
	check_ref(st, a, STMT_OFFICE_GET, &v[6], "office_id", errs);
	check_ref(st, a, STMT_USER_IN_ZONE, &v[7], "officer_id", errs);
	check_ref(st, a, STMT_ORG_GET, &v[17], "enterprise_org_id", errs);
	check_ref(st, a, STMT_PROJECT_OWNER, &v[18], "project_id", errs);
	/* An officer's new lead is theirs unless someone else is named. */
	if (v[7].type == SV_NULL && a->role == ROLE_INVESTMENT_OFFICER)
		v[7] = SV_I(a->user_id);
	/* An officer who may write only their own (and their office's) leads
	 * cannot hand one to someone else; keeping a colleague's is fine. */
	if (a->role == ROLE_INVESTMENT_OFFICER && v[7].type == SV_INT &&
	    v[7].i != a->user_id && !(id != 0 && v[7].i == current_officer(st,
	    a, id)))
		ferr_add(errs, "officer_id", a->english,
		    "只能登记由本人负责的项目",
		    "you can only keep leads you are the officer of");
	if (id == 0) {
		static const struct field_spec first[] = {
			{.name = "stage", .type = FT_ENUM,
			    .choices = stage_codes},
			{.name = "stage_date", .type = FT_DATE},
		};
		validate_body(body, first, 2, mv, errs, a->english);
		date_format(today, todays);
		if (mv[0].type == SV_NULL)
			mv[0] = SV_T("clue");
		if (mv[1].type == SV_NULL)
			mv[1] = SV_T(todays);
		else if (date_parse(mv[1].s, strlen(mv[1].s), &d) == 0 &&
		    date_cmp(d, today) > 0)
			ferr_add(errs, "stage_date", a->english, "不能晚于今天",
			    "cannot be later than today");
		if (mv[0].type == SV_TEXT && strcmp(mv[0].s, "terminated") == 0)
			ferr_add(errs, "stage", a->english,
			    "新项目不能直接登记为终止",
			    "a new lead cannot start as terminated");
		mv[2] = SV_NULLV;
		mv[3] = SV_NULLV;
	}
	if (json_array_size(errs) > 0)
		return APP_ERR_VALIDATION;
	store_now(now, 0);
	args[res_bind(a, now, v, NFIELDS, args)] = SV_I(id);
	if ((e = store_begin(st)) != APP_OK)
		return e;
	if (id != 0) {
		if ((e = lead_get(st, a, id, today, &before)) != APP_OK)
			goto fail;
		e = store_query(st, STMT_LEAD_UPDATE, args, NFIELDS + 3, NULL,
		    NULL, NULL);
	} else if ((e = store_int(st, STMT_LEAD_INSERT, args, NFIELDS + 2,
	    &newid)) == APP_OK)
		e = insert_move(st, a, newid, mv, &move);
	if (e != APP_OK || (e = lead_get(st, a, newid, today, &after)) !=
	    APP_OK)
		goto fail;
	if ((e = audit_stored(st, a, "lead", newid, before, after,
	    stored)) != APP_OK || (e = store_commit(st)) != APP_OK)
		goto fail;
	json_decref(before);
	json_decref(move);
	*out = after;
	return APP_OK;
fail:
	if (e == APP_ERR_CONFLICT)
		conflict_fields(st, errs, a->english);
	store_rollback(st);
	json_decref(before);
	json_decref(after);
	json_decref(move);
	return e;
}

enum app_err
lead_move(struct store *st, const struct actor *a, long long id, json_t *body,
    json_t *errs, json_t **out)
{
	struct store_val v[4];
	struct date d, today = date_today_cn(), last;
	json_t *lead = NULL, *ev = NULL, *after = NULL;
	const char *cur, *curd;
	int to;
	enum app_err e;

	validate_body(body, move_fields, 4, v, errs, a->english);
	if (json_array_size(errs) > 0)
		return APP_ERR_VALIDATION;
	date_parse(v[1].s, strlen(v[1].s), &d);
	if (date_cmp(d, today) > 0)
		ferr_add(errs, "date", a->english, "不能晚于今天",
		    "cannot be later than today");
	if ((e = lead_get(st, a, id, today, &lead)) != APP_OK)
		return e;
	cur = json_string_value(json_object_get(lead, "stage"));
	curd = json_string_value(json_object_get(lead, "stage_date"));
	to = stage_parse(v[0].s);
	switch (stage_move_check(stage_parse(cur), to, v[2].type == SV_TEXT)) {
	case MOVE_SAME:
		ferr_add(errs, "stage", a->english, "项目已处于该阶段",
		    "the lead is already at this stage");
		break;
	case MOVE_NEEDS_REASON:
		ferr_add(errs, "reason", a->english,
		    "退回、终止或重新启动须说明原因",
		    "moving back, terminating or reopening needs a reason");
		break;
	case MOVE_OK:
		break;
	}
	if (curd != NULL && date_parse(curd, strlen(curd), &last) == 0 &&
	    date_cmp(d, last) < 0)
		ferr_add(errs, "date", a->english, "不能早于上一次阶段变更的日期",
		    "cannot be before the previous move");
	if (v[3].type == SV_INT) {
		if (store_row1(st, STMT_SEVENT_GET, (struct store_val[]){
		    SV_I(a->zone_id), v[3]}, 2, &ev) != APP_OK)
			ferr_add(errs, "event_id", a->english, "本区没有该活动",
			    "no such event in this zone");
		else if (to != STAGE_SIGNED || strcmp(json_string_value(
		    json_object_get(ev, "date")), v[1].s) != 0)
			ferr_add(errs, "event_id", a->english,
			    "在活动上签约时，阶段应为签约、日期应为活动日期",
			    "signing at an event moves to 签约 on the event's date");
	}
	json_decref(ev);
	json_decref(lead);
	if (json_array_size(errs) > 0)
		return APP_ERR_VALIDATION;
	if ((e = store_begin(st)) != APP_OK)
		return e;
	if ((e = insert_move(st, a, id, v, &after)) != APP_OK ||
	    (e = store_commit(st)) != APP_OK) {
		store_rollback(st);
		json_decref(after);
		return e;
	}
	*out = after;
	return APP_OK;
}

enum app_err
lead_contact_add(struct store *st, const struct actor *a, long long id,
    json_t *body, json_t *errs, json_t **out)
{
	struct store_val v[6];
	struct date d;
	json_t *after = NULL;
	char now[20];
	long long cid = 0;
	enum app_err e;

	validate_body(body, contact_fields, 6, v, errs, a->english);
	if (v[1].type == SV_TEXT && date_parse(v[1].s, strlen(v[1].s), &d) ==
	    0 && date_cmp(d, date_today_cn()) > 0)
		ferr_add(errs, "date", a->english, "不能晚于今天",
		    "cannot be later than today");
	if (v[5].type == SV_TEXT && v[1].type == SV_TEXT &&
	    strcmp(v[5].s, v[1].s) < 0)
		ferr_add(errs, "next_date", a->english, "不能早于洽谈日期",
		    "cannot be before the contact's date");
	if (json_array_size(errs) > 0)
		return APP_ERR_VALIDATION;
	store_now(now, 0);
	if ((e = store_begin(st)) != APP_OK)
		return e;
	if ((e = store_int(st, STMT_CONTACT_INSERT, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(id), v[0], v[1], v[2], v[3], v[4], v[5],
	    a->user_id ? SV_I(a->user_id) : SV_NULLV, SV_T(now)}, 10, &cid)) !=
	    APP_OK || (e = lead_current(st, a, id)) != APP_OK ||
	    (e = store_row1(st, STMT_CONTACT_GET, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(cid)}, 2, &after)) != APP_OK ||
	    (e = store_audit_part(st, a->zone_id, a->user_id, "lead_contact",
	    cid, "create", NULL, after, "lead", id)) != APP_OK ||
	    (e = store_commit(st)) != APP_OK) {
		store_rollback(st);
		json_decref(after);
		return e;
	}
	*out = after;
	return APP_OK;
}

/* ---- HTTP ---- */

int
lead_writable(struct store *st, const struct actor *a, long long id)
{
	long long n = 0;

	store_int(st, STMT_LEAD_WRITABLE, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(id), SV_I(a->user_id)}, 3, &n);
	return n > 0;
}

int
lead_is_mine(struct req *r)
{
	return lead_writable(r->st, &r->actor, r->id);
}
/* The filtered list; all rows (for exports) or the requested page. */
static enum app_err
lead_list(struct req *r, int all)
{
	static const struct field_spec filters[] = {
		{.name = "stage", .type = FT_ENUM, .choices = stage_codes},
	};
	struct list_query lq;
	struct date as_of = date_today_cn();
	const char *mine = req_arg(r, "mine"), *pool = req_arg(r, "pool");
	const char *stalled = req_arg(r, "stalled");
	long long chain = arg_id(r, "chain_id"), region = arg_id(r, "region_id");
	long long office = arg_id(r, "office_id");
	long long officer = arg_id(r, "officer_id");
	long long event = arg_id(r, "event_id");
	json_t *rows, *l, **kept, *page;
	size_t i, n = 0;
	enum app_err e;

	list_query_parse(&lq, req_arg, r, sorts, filters, 1, r->errs,
	    r->english);
	if (json_array_size(r->errs) > 0)
		return APP_ERR_VALIDATION;
	if (all) {
		lq.offset = 0;
		lq.limit = 1000000;
	}
	if (mine != NULL && strcmp(mine, "1") == 0)
		officer = r->actor.user_id;
	if ((e = load(r->st, &r->actor, 0, as_of, (struct store_val[]){
	    SV_T(lq.q), chain ? SV_I(chain) : SV_NULLV,
	    region ? SV_I(region) : SV_NULLV, office ? SV_I(office) : SV_NULLV,
	    officer ? SV_I(officer) : SV_NULLV,
	    event ? SV_I(event) : SV_NULLV}, &rows)) != APP_OK)
		return e;
	kept = xcalloc(json_array_size(rows) + 1, sizeof *kept);
	json_array_foreach(rows, i, l) {
		const char *st = json_string_value(json_object_get(l, "stage"));
		int rank = stage_parse(st);

		if (lq.filters[0] != NULL && (st == NULL ||
		    strcmp(st, lq.filters[0]) != 0))
			continue;
		/* The reserve pool (后备库): leads before signing. */
		if (pool != NULL && strcmp(pool, "1") == 0 &&
		    rank != STAGE_CLUE && rank != STAGE_NEGOTIATING)
			continue;
		if (stalled != NULL && strcmp(stalled, "1") == 0 &&
		    !json_is_true(json_object_get(l, "stalled")))
			continue;
		kept[n++] = l;
	}
	page = rows_page(kept, n, &lq);
	free(kept);
	json_decref(rows);
	return reply_json(r, 200, page);
}

enum app_err
h_lead_list(struct req *r)
{
	return lead_list(r, 0);
}

enum app_err
h_lead_list_all(struct req *r)
{
	return lead_list(r, 1);
}

enum app_err
h_lead_get(struct req *r)
{
	json_t *out;
	enum app_err e = lead_get(r->st, &r->actor, r->id, date_today_cn(),
	    &out);

	return e != APP_OK ? e : reply_json(r, 200, out);
}

enum app_err
h_lead_create(struct req *r)
{
	json_t *out;
	enum app_err e = lead_save(r->st, &r->actor, 0, r->json, r->errs, &out);

	return e != APP_OK ? e : reply_json(r, 201, out);
}

enum app_err
h_lead_update(struct req *r)
{
	json_t *out;
	enum app_err e = lead_save(r->st, &r->actor, r->id, r->json, r->errs,
	    &out);

	return e != APP_OK ? e : reply_json(r, 200, out);
}

static enum app_err
lead_exists(struct req *r)
{
	json_t *l = NULL;
	enum app_err e = lead_get(r->st, &r->actor, r->id, date_today_cn(), &l);

	json_decref(l);
	return e;
}

enum app_err
h_lead_history(struct req *r)
{
	struct list_query lq;
	json_t *out;
	enum app_err e;

	if ((e = lead_exists(r)) != APP_OK)
		return e;
	list_query_parse(&lq, req_arg, r, NULL, NULL, 0, r->errs, r->english);
	if (json_array_size(r->errs) > 0)
		return APP_ERR_VALIDATION;
	if ((e = res_history(r->st, &r->actor, "lead", r->id, &lq, &out)) !=
	    APP_OK)
		return e;
	return reply_json(r, 200, out);
}

enum app_err
h_stage_list(struct req *r)
{
	json_t *rows, *s;
	size_t i;
	enum app_err e;

	if ((e = lead_exists(r)) != APP_OK ||
	    (e = store_rows(r->st, STMT_STAGE_LIST, (struct store_val[]){
	    SV_I(r->actor.zone_id), SV_I(r->id)}, 2, &rows)) != APP_OK)
		return e;
	json_array_foreach(rows, i, s)
		json_object_set_new(s, "stage_label", json_string(stage_label(
		    stage_parse(json_string_value(json_object_get(s, "stage"))),
		    r->english)));
	return reply_json(r, 200, json_pack("{s:o}", "items", rows));
}

enum app_err
h_stage_create(struct req *r)
{
	json_t *out;
	enum app_err e = lead_move(r->st, &r->actor, r->id, r->json, r->errs,
	    &out);

	return e != APP_OK ? e : reply_json(r, 201, out);
}

enum app_err
h_contact_list(struct req *r)
{
	json_t *rows;
	enum app_err e;

	if ((e = lead_exists(r)) != APP_OK ||
	    (e = store_rows(r->st, STMT_CONTACT_LIST, (struct store_val[]){
	    SV_I(r->actor.zone_id), SV_I(r->id)}, 2, &rows)) != APP_OK)
		return e;
	return reply_json(r, 200, json_pack("{s:o}", "items", rows));
}

enum app_err
h_contact_create(struct req *r)
{
	json_t *out;
	enum app_err e;

	if ((e = lead_exists(r)) != APP_OK)
		return e;
	e = lead_contact_add(r->st, &r->actor, r->id, r->json, r->errs, &out);
	return e != APP_OK ? e : reply_json(r, 201, out);
}

/* GET /api/contacts/due?days=7[&officer_id=N|&all=1]: an officer's next
 * steps due within the days and those overdue; the caller's own by default. */
enum app_err
h_contacts_due(struct req *r)
{
	const char *ds = req_arg(r, "days"), *all = req_arg(r, "all");
	long long days = 7, officer = arg_id(r, "officer_id");
	char today[11], horizon[11];
	json_t *rows;
	enum app_err e;

	if (ds != NULL && (parse_ll(ds, &days) != 0 || days < 0 || days > 365))
		ferr_add(r->errs, "days", r->english, "应为0到365之间的整数",
		    "must be a whole number from 0 to 365");
	if (json_array_size(r->errs) > 0)
		return APP_ERR_VALIDATION;
	if (officer == 0 && !(all != NULL && strcmp(all, "1") == 0))
		officer = r->actor.user_id;
	date_format(date_today_cn(), today);
	date_format(date_add_days(date_today_cn(), (long)days), horizon);
	if ((e = store_rows(r->st, STMT_CONTACT_DUE, (struct store_val[]){
	    SV_I(r->actor.zone_id), SV_T(horizon), SV_T(today),
	    officer ? SV_I(officer) : SV_NULLV}, 4, &rows)) != APP_OK)
		return e;
	return reply_json(r, 200, json_pack("{s:o, s:s, s:s}", "items", rows,
	    "today", today, "until", horizon));
}
