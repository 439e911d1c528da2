/*
 * Investment code tables (liaison offices, source regions), signing and
 * promotion events with the leads signed there, and highlights (亮点).
 */
#include <string.h>

#include "api/chains.h"
#include "api/handlers.h"
#include "api/invest_report.h"
#include "api/leads.h"
#include "api/resource.h"
#include "domain/kfg.h"
#include "http/reply.h"

static const struct field_spec office_fields[] = {
	{.name = "name", .type = FT_TEXT, .required = 1, .maxlen = 100},
	{.name = "city", .type = FT_TEXT, .maxlen = 50},
	{.name = "note", .type = FT_TEXT, .maxlen = 1000},
};
static const char *const office_sorts[] = {"name", "city", "id", NULL};

const struct resource office_resource = {
	.entity = "liaison_office", .read = PERM_LEAD_READ,
	.write = PERM_INVEST_WRITE, .fields = office_fields, .nfields = 3,
	.sorts = office_sorts, .list = STMT_OFFICE_LIST,
	.count = STMT_OFFICE_COUNT, .get = STMT_OFFICE_GET,
	.insert = STMT_OFFICE_INSERT, .update = STMT_OFFICE_UPDATE,
	.del = STMT_OFFICE_DELETE,
};

static const struct field_spec region_fields[] = {
	{.name = "name", .type = FT_TEXT, .required = 1, .maxlen = 50},
	{.name = "sort_order", .type = FT_INT, .min = -100000, .max = 100000},
};
static const char *const region_sorts[] = {"name", "sort_order", "id",
    NULL};

const struct resource region_resource = {
	.entity = "source_region", .read = PERM_LEAD_READ,
	.write = PERM_INVEST_WRITE, .fields = region_fields, .nfields = 2,
	.sorts = region_sorts, .list = STMT_REGION_LIST,
	.count = STMT_REGION_COUNT, .get = STMT_REGION_GET,
	.insert = STMT_REGION_INSERT, .update = STMT_REGION_UPDATE,
	.del = STMT_REGION_DELETE,
};

enum app_err
regions_seed(struct store *st, const struct actor *a)
{
	static const char *const names[] = {"长三角", "粤港澳大湾区", "京津冀",
	    "省内", "其他", "境外"};
	enum app_err e = APP_OK;

	for (size_t i = 0; i < 6 && e == APP_OK; i++) {
		json_t *body = json_pack("{s:s, s:I}", "name", names[i],
		    "sort_order", (json_int_t)(i + 1) * 10);
		json_t *errs = json_array(), *out = NULL;

		e = res_create(st, a, &region_resource, body, errs, &out);
		json_decref(out);
		json_decref(errs);
		json_decref(body);
	}
	return e;
}

static const char *const event_kinds[] = {"signing", "promotion", NULL};
static const char *const event_modes[] = {"online", "onsite", NULL};

static const struct field_spec event_fields[] = {
	{.name = "date", .type = FT_DATE, .required = 1},
	{.name = "title", .type = FT_TEXT, .required = 1, .maxlen = 200},
	{.name = "kind", .type = FT_ENUM, .required = 1, .choices = event_kinds},
	{.name = "mode", .type = FT_ENUM, .required = 1, .choices = event_modes},
	{.name = "location", .type = FT_TEXT, .maxlen = 200},
	{.name = "note", .type = FT_TEXT, .maxlen = 2000},
};
static const struct field_spec event_filters[] = {
	{.name = "kind", .type = FT_ENUM, .choices = event_kinds},
};
static const char *const event_sorts[] = {"date", "title", "id", NULL};

/* Leads signed at an event keep its date and kind: the move's date is the
 * event's, so neither may change once someone signed there. */
static void
check_event(struct store *st, const struct actor *a, long long id,
    const struct store_val *v, json_t *errs)
{
	json_t *old = NULL;
	long long nsigned = 0;

	if (id == 0 || store_row1(st, STMT_SEVENT_GET, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(id)}, 2, &old) != APP_OK)
		return;
	store_int(st, STMT_SEVENT_SIGNED, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(id)}, 2, &nsigned);
	if (nsigned > 0 && strcmp(v[0].s, json_string_value(json_object_get(
	    old, "date"))) != 0)
		ferr_add(errs, "date", a->english,
		    "已有项目在此活动签约，不能修改日期",
		    "leads were signed at this event; its date cannot change");
	if (nsigned > 0 && strcmp(v[2].s, json_string_value(json_object_get(
	    old, "kind"))) != 0)
		ferr_add(errs, "kind", a->english,
		    "已有项目在此活动签约，不能修改类型",
		    "leads were signed at this event; its kind cannot change");
	json_decref(old);
}

const struct resource sevent_resource = {
	.entity = "signing_event", .read = PERM_LEAD_READ,
	.write = PERM_INVEST_WRITE, .fields = event_fields, .nfields = 6,
	.filters = event_filters, .nfilters = 1, .sorts = event_sorts,
	.list = STMT_SEVENT_LIST, .count = STMT_SEVENT_COUNT,
	.get = STMT_SEVENT_GET, .insert = STMT_SEVENT_INSERT,
	.update = STMT_SEVENT_UPDATE, .del = STMT_SEVENT_DELETE,
	.check = check_event,
};

static const struct field_spec highlight_fields[] = {
	{.name = "date", .type = FT_DATE, .required = 1},
	{.name = "title", .type = FT_TEXT, .required = 1, .maxlen = 200},
	{.name = "text", .type = FT_TEXT, .maxlen = 4000},
	{.name = "lead_id", .type = FT_INT, .min = 1, .max = 1LL << 53},
	{.name = "event_id", .type = FT_INT, .min = 1, .max = 1LL << 53},
};
static const char *const highlight_sorts[] = {"date", "id", NULL};

/* A highlight links to a lead or an event of the same zone. */
static void
check_highlight(struct store *st, const struct actor *a, long long id,
    const struct store_val *v, json_t *errs)
{
	json_t *o = NULL;

	(void)id;
	if (v[3].type == SV_INT && store_row1(st, STMT_LEAD_OFFICER,
	    (struct store_val[]){SV_I(a->zone_id), v[3]}, 2, &o) != APP_OK)
		ferr_add(errs, "lead_id", a->english, "本区没有该项目",
		    "no such lead in this zone");
	json_decref(o);
	o = NULL;
	if (v[4].type == SV_INT && store_row1(st, STMT_SEVENT_GET,
	    (struct store_val[]){SV_I(a->zone_id), v[4]}, 2, &o) != APP_OK)
		ferr_add(errs, "event_id", a->english, "本区没有该活动",
		    "no such event in this zone");
	json_decref(o);
}

const struct resource highlight_resource = {
	.entity = "highlight", .read = PERM_LEAD_READ,
	.write = PERM_INVEST_WRITE, .fields = highlight_fields, .nfields = 5,
	.sorts = highlight_sorts, .list = STMT_HIGHLIGHT_LIST,
	.count = STMT_HIGHLIGHT_COUNT, .get = STMT_HIGHLIGHT_GET,
	.insert = STMT_HIGHLIGHT_INSERT, .update = STMT_HIGHLIGHT_UPDATE,
	.del = STMT_HIGHLIGHT_DELETE, .check = check_highlight,
};

/* Count, total and by-chain of an event's leads (rows with
 * planned_investment and chain_name, in lead code order). */
static void
sevent_sums(json_t *rows, int english, size_t *n, double *total,
    json_t **by_chain)
{
	json_t *l, *chains = json_object(), *list;
	const char *k;
	size_t i;

	*n = 0;
	*total = 0;
	json_array_foreach(rows, i, l) {
		double inv = json_number_value(json_object_get(l,
		    "planned_investment"));
		const char *cn = json_string_value(json_object_get(l,
		    "chain_name"));
		json_t *g;

		(*n)++;
		*total += inv;
		k = cn ? cn : (english ? "(no chain)" : "（未填产业链）");
		if ((g = json_object_get(chains, k)) == NULL) {
			g = json_pack("{s:s, s:i, s:f}", "chain", k, "count", 0,
			    "investment", 0.0);
			json_object_set_new(chains, k, g);
		}
		json_object_set_new(g, "count", json_integer(json_integer_value(
		    json_object_get(g, "count")) + 1));
		json_object_set_new(g, "investment", json_real(json_real_value(
		    json_object_get(g, "investment")) + inv));
	}
	list = json_array();
	json_object_foreach(chains, k, l) {
		json_object_set_new(l, "investment_yi", json_real(round_half_up(
		    json_real_value(json_object_get(l, "investment")) / 10000.0,
		    1)));
		json_array_append(list, l);
	}
	json_decref(chains);
	*by_chain = list;
}

/*
 * An event's leads and totals: {"event", "leads":[…], "count",
 * "total_investment" (万元), "total_yi" (亿元, one decimal), "by_chain":[…]}.
 */
enum app_err
sevent_summary(struct store *st, const struct actor *a, long long id,
    json_t **out)
{
	json_t *ev = NULL, *rows = NULL, *list;
	struct date today = date_today_cn();
	char asof[11];
	double total;
	size_t n;
	enum app_err e;

	date_format(today, asof);
	if ((e = store_row1(st, STMT_SEVENT_GET, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(id)}, 2, &ev)) != APP_OK ||
	    (e = store_rows(st, STMT_LEAD_ROWS, (struct store_val[]){
	    SV_I(a->zone_id), SV_T(asof), SV_NULLV, SV_NULLV, SV_NULLV,
	    SV_NULLV, SV_NULLV, SV_NULLV, SV_I(id)}, 9, &rows)) != APP_OK) {
		json_decref(ev);
		return e;
	}
	sevent_sums(rows, a->english, &n, &total, &list);
	*out = json_pack("{s:o, s:o, s:I, s:f, s:f, s:o}", "event", ev,
	    "leads", rows, "count", (json_int_t)n, "total_investment",
	    round_half_up(total, 2), "total_yi", round_half_up(total / 10000.0,
	    1), "by_chain", list);
	return APP_OK;
}

/* The totals of sevent_summary without the event and its leads (the
 * investment report): {"total_investment", "total_yi", "by_chain"}. */
enum app_err
sevent_totals(struct store *st, const struct actor *a, long long id,
    json_t **out)
{
	json_t *rows = NULL, *list;
	double total;
	size_t n;
	enum app_err e;

	if ((e = store_rows(st, STMT_SEVENT_TOTALS, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(id)}, 2, &rows)) != APP_OK)
		return e;
	sevent_sums(rows, a->english, &n, &total, &list);
	json_decref(rows);
	*out = json_pack("{s:f, s:f, s:o}", "total_investment",
	    round_half_up(total, 2), "total_yi", round_half_up(total / 10000.0,
	    1), "by_chain", list);
	return APP_OK;
}

enum app_err
h_sevent_summary(struct req *r)
{
	json_t *out;
	enum app_err e = sevent_summary(r->st, &r->actor, r->id, &out);

	return e != APP_OK ? e : reply_json(r, 200, out);
}

/*
 * POST /api/signing-events/{id}/leads {"lead_ids":[…]}: each lead moves to
 * 签约 on the event's date, all or none.
 */
enum app_err
h_sevent_sign(struct req *r)
{
	json_t *ids = json_object_get(r->json, "lead_ids"), *ev = NULL, *id;
	json_t *out = NULL;
	size_t i;
	enum app_err e;

	if ((e = store_row1(r->st, STMT_SEVENT_GET, (struct store_val[]){
	    SV_I(r->actor.zone_id), SV_I(r->id)}, 2, &ev)) != APP_OK)
		return e;
	if (strcmp(json_string_value(json_object_get(ev, "kind")), "signing")) {
		json_decref(ev);
		ferr_add(r->errs, "id", r->english, "只有签约活动可以签约项目",
		    "only a signing event can sign leads");
		return APP_ERR_VALIDATION;
	}
	if (!json_is_array(ids) || json_array_size(ids) == 0 ||
	    json_array_size(ids) > 500) {
		json_decref(ev);
		ferr_add(r->errs, "lead_ids", r->english,
		    "应为1到500个项目编号的列表",
		    "must be a list of 1 to 500 lead ids");
		return APP_ERR_VALIDATION;
	}
	if ((e = store_begin(r->st)) != APP_OK) {
		json_decref(ev);
		return e;
	}
	json_array_foreach(ids, i, id) {
		json_t *body = json_pack("{s:s, s:O, s:I}", "stage", "signed",
		    "date", json_object_get(ev, "date"), "event_id",
		    (json_int_t)r->id), *sub = json_array(), *mv = NULL, *fe;
		size_t k;
		char name[32];

		if (!json_is_integer(id))
			e = APP_ERR_VALIDATION;
		/* An officer signs only leads of theirs or their office's. */
		else if (!perm_allows(r->actor.role, PERM_LEAD_WRITE_ALL) &&
		    !lead_writable(r->st, &r->actor, json_integer_value(id)))
			e = APP_ERR_FORBIDDEN;
		else
			e = lead_move(r->st, &r->actor, json_integer_value(id),
			    body, sub, &mv);
		json_array_foreach(sub, k, fe) {
			snprintf(name, sizeof name, "lead_ids[%zu]", i);
			ferr_addf(r->errs, name, json_string_value(
			    json_object_get(fe, "message")));
		}
		if (e == APP_ERR_NOT_FOUND || (e == APP_ERR_VALIDATION &&
		    json_array_size(sub) == 0)) {
			snprintf(name, sizeof name, "lead_ids[%zu]", i);
			ferr_add(r->errs, name, r->english, "本区没有该项目",
			    "no such lead in this zone");
			e = APP_ERR_VALIDATION;
		}
		json_decref(body);
		json_decref(sub);
		json_decref(mv);
		if (e != APP_OK)
			break;
	}
	json_decref(ev);
	if (e != APP_OK || (e = store_commit(r->st)) != APP_OK) {
		store_rollback(r->st);
		return e;
	}
	if ((e = sevent_summary(r->st, &r->actor, r->id, &out)) != APP_OK)
		return e;
	return reply_json(r, 200, out);
}
