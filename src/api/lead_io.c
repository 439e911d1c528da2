/*
 * Leads to and from spreadsheets, and a signed lead's key project. The
 * import maps the headers investment offices use (项目名称, 投资方, 产业链,
 * 来源地区, 联络处, 招商专员, 计划投资(万元) …), resolves names in the zone
 * and saves through lead_save and lead_move, so the rules are the API's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/handlers.h"
#include "api/importer.h"
#include "api/lead_io.h"
#include "api/leads.h"
#include "api/projects.h"
#include "domain/lead.h"
#include "http/reply.h"
#include "io/xlsx_write.h"

#define A(...) (const char *const[]){__VA_ARGS__, NULL}

static const struct colmap cols[] = {
	{"code", A("线索编号", "项目编号", "编号"), CM_TEXT},
	{"project_name", A("项目名称", "名称"), CM_TEXT},
	{"investor_name", A("投资方", "投资主体", "客商"), CM_TEXT},
	{"chain", A("产业链", "所属产业链"), CM_TEXT},
	{"region", A("来源地区", "来源地"), CM_TEXT},
	{"office", A("联络处", "招商联络处"), CM_TEXT},
	{"officer", A("招商专员", "负责人"), CM_TEXT},
	{"planned_investment", A("计划投资", "计划总投资"), CM_MONEY_WAN},
	{"expected_tax", A("预计年税收", "年税收"), CM_MONEY_WAN},
	{"land_mu", A("用地", "用地面积"), CM_MONEY_WAN},
	{"expected_output", A("预计年产值", "年产值"), CM_MONEY_WAN},
	{"energy_tce", A("能耗", "综合能耗"), CM_MONEY_WAN},
	{"high_tech", A("高新技术", "高新技术企业"), CM_TEXT},
	{"patents", A("发明专利", "发明专利数"), CM_INT},
	{"srdi_level", A("专精特新", "专精特新级别"), CM_TEXT},
	{"stage", A("阶段", "项目阶段"), CM_TEXT},
	{"stage_date", A("阶段日期", "签约日期"), CM_DATE},
	{"notes", A("备注", "说明"), CM_TEXT},
};
#define NCOLS (sizeof cols / sizeof cols[0])

static const char *const stored[] = {"code", "project_name",
    "investor_name", "investor_org_id", "chain_id", "region_id", "office_id",
    "officer_id", "planned_investment", "expected_tax", "land_mu",
    "expected_output", "energy_tce", "high_tech", "patents", "srdi_level",
    "notes", "enterprise_org_id", "project_id", "land_supplied_on", NULL};

static long long
by_name(struct import_row *ir, enum stmt s, json_t *row, const char *key)
{
	const char *name = json_string_value(json_object_get(row, key));
	long long id = 0;

	if (name == NULL)
		return 0;
	store_int(ir->st, s, (struct store_val[]){SV_I(ir->a->zone_id),
	    SV_T(name)}, 2, &id);
	if (id == 0)
		import_err(ir, key, "本区没有这个名称", "no such name in this zone");
	return id;
}

static void
put_id(json_t *body, const char *key, long long id)
{
	if (id != 0)
		json_object_set_new(body, key, json_integer(id));
}

static int
lead_row(struct import_row *ir, json_t *row, int *created)
{
	static const char *const rename[][2] = {{"chain_id", "chain"},
	    {"region_id", "region"}, {"office_id", "office"},
	    {"officer_id", "officer"}};
	struct date today = date_today_cn();
	const char *code = json_string_value(json_object_get(row, "code"));
	const char *ht = json_string_value(json_object_get(row, "high_tech"));
	const char *srdi = json_string_value(json_object_get(row,
	    "srdi_level"));
	const char *stage = json_string_value(json_object_get(row, "stage"));
	long long id = 0;
	json_t *body = json_object(), *old = NULL, *errs, *out = NULL, *v;
	size_t nerr = json_array_size(ir->errs);
	int st = stage ? stage_parse(stage) : -1;
	const char *key;

	if (code == NULL)
		import_err(ir, "code", "线索编号必填", "the lead code is required");
	else
		store_int(ir->st, STMT_LEAD_BY_CODE, (struct store_val[]){
		    SV_I(ir->a->zone_id), SV_T(code)}, 2, &id);
	if (stage != NULL && st < 0)
		import_err(ir, "stage", "不是已知的阶段",
		    "not a known stage");
	if (id != 0 && lead_get(ir->st, ir->a, id, today, &old) == APP_OK)
		for (size_t i = 0; stored[i] != NULL; i++)
			if ((v = json_object_get(old, stored[i])) != NULL)
				json_object_set(body, stored[i], v);
	json_decref(old);
	json_object_foreach(row, key, v)
		if (strcmp(key, "chain") && strcmp(key, "region") &&
		    strcmp(key, "office") && strcmp(key, "officer") &&
		    strcmp(key, "high_tech") && strcmp(key, "srdi_level") &&
		    strcmp(key, "stage") && strcmp(key, "stage_date"))
			json_object_set(body, key, v);
	put_id(body, "chain_id", by_name(ir, STMT_CHAIN_BY_NAME, row, "chain"));
	put_id(body, "region_id", by_name(ir, STMT_REGION_BY_NAME, row,
	    "region"));
	put_id(body, "office_id", by_name(ir, STMT_OFFICE_BY_NAME, row,
	    "office"));
	put_id(body, "officer_id", by_name(ir, STMT_USER_BY_FULLNAME, row,
	    "officer"));
	if (ht != NULL)
		json_object_set_new(body, "high_tech", json_boolean(
		    strcmp(ht, "是") == 0 || strcmp(ht, "1") == 0 ||
		    strcmp(ht, "true") == 0));
	if (srdi != NULL)
		json_object_set_new(body, "srdi_level", json_string(
		    strstr(srdi, "国家") ? "national" : strstr(srdi, "省") ?
		    "provincial" : "none"));
	if (id == 0 && st >= 0) {
		json_object_set_new(body, "stage", json_string(stage_codes[st]));
		if (json_object_get(row, "stage_date") != NULL)
			json_object_set(body, "stage_date",
			    json_object_get(row, "stage_date"));
	}
	if (json_array_size(ir->errs) > nerr) {
		json_decref(body);
		return -1;
	}
	errs = json_array();
	if (lead_save(ir->st, ir->a, id, body, errs, &out) != APP_OK) {
		import_field_errs(ir, errs, rename, 4);
		if (json_array_size(errs) == 0)
			import_err(ir, "code", "保存失败", "could not be saved");
		json_decref(errs);
		json_decref(body);
		return -1;
	}
	json_decref(errs);
	json_decref(body);
	*created = id == 0;
	/* An existing lead whose stage the file changes gets a dated move. */
	if (id != 0 && st >= 0 && stage_parse(json_string_value(
	    json_object_get(out, "stage"))) != st) {
		char d[11];
		json_t *mv, *mo = NULL;

		date_format(today, d);
		mv = json_pack("{s:s, s:O, s:s}", "stage", stage_codes[st],
		    "date", json_object_get(row, "stage_date") ?
		    json_object_get(row, "stage_date") : json_string(d),
		    "reason", "导入更新");
		errs = json_array();
		if (lead_move(ir->st, ir->a, id, mv, errs, &mo) != APP_OK)
			import_field_errs(ir, errs, NULL, 0);
		json_decref(mo);
		json_decref(mv);
		json_decref(errs);
	}
	json_decref(out);
	return json_array_size(ir->errs) > nerr ? -1 : 0;
}

enum app_err
lead_import(struct store *st, const struct actor *a, const struct table *t,
    int dry_run, json_t **out, void (*progress)(size_t, size_t, void *),
    void *pctx)
{
	static const char *const required[] = {"code", "project_name", NULL};
	struct importer im = {cols, NCOLS, required, lead_row, NULL};

	return import_run(st, a, t, &im, dry_run, out, progress, pctx);
}

/* Contacts (洽谈记录): one row per contact, attached to a lead by its code. */
static const struct colmap contact_cols[] = {
	{"code", A("线索编号", "项目编号"), CM_TEXT},
	{"date", A("洽谈日期", "日期"), CM_DATE},
	{"channel", A("洽谈方式", "方式"), CM_TEXT},
	{"participants", A("参与人员", "参加人员"), CM_TEXT},
	{"summary", A("洽谈内容", "内容", "摘要"), CM_TEXT},
	{"next_step", A("下一步工作", "下一步"), CM_TEXT},
	{"next_date", A("下一步日期", "计划日期"), CM_DATE},
};

static const char *const channel_names[][2] = {
	{"电话", "phone"}, {"电话拜访", "phone"}, {"微信", "wechat"},
	{"微信沟通", "wechat"}, {"视频", "video"}, {"视频洽谈", "video"},
	{"云招商", "video"}, {"实地", "visit"}, {"实地考察", "visit"},
	{"展会", "fair"},
};

static int
contact_row(struct import_row *ir, json_t *row, int *created)
{
	const char *code = json_string_value(json_object_get(row, "code"));
	const char *ch = json_string_value(json_object_get(row, "channel"));
	long long id = 0;
	json_t *body, *errs, *out = NULL;
	size_t nerr = json_array_size(ir->errs);

	if (code != NULL)
		store_int(ir->st, STMT_LEAD_BY_CODE, (struct store_val[]){
		    SV_I(ir->a->zone_id), SV_T(code)}, 2, &id);
	if (code == NULL)
		import_err(ir, "code", "线索编号必填", "the lead code is required");
	else if (id == 0)
		import_err(ir, "code", "本区没有这个线索编号",
		    "no lead with this code in this zone");
	body = json_deep_copy(row);
	json_object_del(body, "code");
	if (ch != NULL) {
		const char *c = ch;

		for (size_t i = 0; i < sizeof channel_names /
		    sizeof channel_names[0]; i++)
			if (strcmp(ch, channel_names[i][0]) == 0)
				c = channel_names[i][1];
		json_object_set_new(body, "channel", json_string(c));
	}
	if (json_array_size(ir->errs) > nerr) {
		json_decref(body);
		return -1;
	}
	errs = json_array();
	if (lead_contact_add(ir->st, ir->a, id, body, errs, &out) != APP_OK) {
		import_field_errs(ir, errs, NULL, 0);
		if (json_array_size(errs) == 0)
			import_err(ir, "code", "保存失败", "could not be saved");
		json_decref(errs);
		json_decref(body);
		return -1;
	}
	json_decref(errs);
	json_decref(body);
	json_decref(out);
	*created = 1;
	return 0;
}

enum app_err
contact_import(struct store *st, const struct actor *a,
    const struct table *t, int dry_run, json_t **out,
    void (*progress)(size_t, size_t, void *), void *pctx)
{
	static const char *const required[] = {"code", "date", "summary", NULL};
	struct importer im = {contact_cols, sizeof contact_cols /
	    sizeof contact_cols[0], required, contact_row, NULL};

	return import_run(st, a, t, &im, dry_run, out, progress, pctx);
}

enum app_err
h_contact_import(struct req *r)
{
	return import_http(r, contact_import);
}

enum app_err
leads_xlsx(json_t *leads, char **data, size_t *len, char *err, size_t errsz)
{
	static const struct xcol xc[] = {
		{"code", "线索编号", X_TEXT, 14},
		{"project_name", "项目名称", X_TEXT, 28},
		{"investor_name", "投资方", X_TEXT, 20},
		{"chain_name", "产业链", X_TEXT, 14},
		{"region_name", "来源地区", X_TEXT, 12},
		{"office_name", "联络处", X_TEXT, 16},
		{"officer_name", "招商专员", X_TEXT, 10},
		{"planned_investment", "计划投资(万元)", X_MONEY, 14},
		{"expected_tax", "预计年税收(万元)", X_MONEY, 14},
		{"land_mu", "用地(亩)", X_NUMBER, 10},
		{"expected_output", "预计年产值(万元)", X_MONEY, 14},
		{"energy_tce", "能耗(吨标准煤)", X_NUMBER, 12},
		{"stage_label", "阶段", X_TEXT, 8},
		{"stage_date", "阶段日期", X_DATE, 12},
		{"signed_on", "签约日期", X_DATE, 12},
		{"score", "评分", X_NUMBER, 8},
		{"last_contact", "最近洽谈", X_DATE, 12},
	};
	struct xsheet sh = {"招商项目", NULL, xc, sizeof xc / sizeof xc[0],
	    leads};

	return xlsx_write_buffer(&sh, 1, data, len, err, errsz);
}

/*
 * POST /api/leads/{id}/project {code?, level?, park_id?}: a signed lead's
 * construction followed as a key project. The project takes the lead's
 * name, chain, investment and registered enterprise as owner; the lead is
 * linked to it. A lead already linked answers 409.
 */
enum app_err
h_lead_project(struct req *r)
{
	struct date today = date_today_cn();
	json_t *lead = NULL, *body = NULL, *proj = NULL, *lb = NULL, *out = NULL;
	const char *code = json_string_value(json_object_get(r->json, "code"));
	char pcode[64];
	enum app_err e;

	if ((e = lead_get(r->st, &r->actor, r->id, today, &lead)) != APP_OK)
		return e;
	if (!json_is_null(json_object_get(lead, "project_id"))) {
		json_decref(lead);
		ferr_add(r->errs, "project_id", r->english, "已关联重点项目",
		    "already linked to a key project");
		return APP_ERR_CONFLICT;
	}
	if (json_integer_value(json_object_get(lead, "stage_rank")) <
	    STAGE_SIGNED || json_integer_value(json_object_get(lead,
	    "stage_rank")) == STAGE_TERMINATED) {
		json_decref(lead);
		ferr_add(r->errs, "stage", r->english, "签约后的项目才能转为重点项目",
		    "only a signed lead becomes a key project");
		return APP_ERR_VALIDATION;
	}
	snprintf(pcode, sizeof pcode, "%s", code ? code :
	    json_string_value(json_object_get(lead, "code")));
	body = json_pack("{s:s, s:O, s:s, s:O, s:O, s:O}", "code", pcode,
	    "name", json_object_get(lead, "project_name"), "level",
	    json_string_value(json_object_get(r->json, "level")) ?
	    json_string_value(json_object_get(r->json, "level")) : "district",
	    "chain_id", json_object_get(lead, "chain_id"), "owner_org_id",
	    json_object_get(lead, "enterprise_org_id"), "total_investment",
	    json_object_get(lead, "planned_investment"));
	if (json_object_get(r->json, "park_id") != NULL)
		json_object_set(body, "park_id", json_object_get(r->json,
		    "park_id"));
	if ((e = store_begin(r->st)) != APP_OK)
		goto out;
	if ((e = project_save(r->st, &r->actor, 0, body, r->errs, &proj)) !=
	    APP_OK)
		goto fail;
	lb = json_object();
	for (size_t i = 0; stored[i] != NULL; i++)
		json_object_set(lb, stored[i], json_object_get(lead, stored[i]));
	json_object_set(lb, "project_id", json_object_get(proj, "id"));
	if ((e = lead_save(r->st, &r->actor, r->id, lb, r->errs, &out)) !=
	    APP_OK || (e = store_commit(r->st)) != APP_OK)
		goto fail;
	json_decref(out);
	json_decref(lead);
	json_decref(body);
	json_decref(lb);
	return reply_json(r, 201, proj);
fail:
	store_rollback(r->st);
out:
	json_decref(lead);
	json_decref(body);
	json_decref(proj);
	json_decref(lb);
	json_decref(out);
	return e;
}

enum app_err
h_lead_export(struct req *r)
{
	char *data, err[256];
	size_t len;
	enum app_err e;

	/* The list handler filters exactly as the page does; take its rows. */
	if ((e = h_lead_list_all(r)) != APP_OK)
		return e;
	e = leads_xlsx(json_object_get(r->out, "items"), &data, &len, err,
	    sizeof err);
	if (e != APP_OK)
		return e;
	json_decref(r->out);
	r->out = NULL;
	return reply_file(r, data, len,
	    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	    "leads.xlsx");
}

enum app_err
h_lead_import(struct req *r)
{
	return import_http(r, lead_import);
}
