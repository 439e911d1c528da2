/*
 * Key-project import and export. The import maps the headers offices use
 * (项目编号, 项目名称, 总投资(亿元) …) to API fields, resolves names of
 * parks, chains and organisations in the zone (creating a missing owner or
 * contractor organisation, as the office lists name them), and saves each
 * row through project_save, so the rules are the API's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/handlers.h"
#include "api/importer.h"
#include "api/kaifugong.h"
#include "api/project_io.h"
#include "api/projects.h"
#include "api/resource.h"
#include "domain/phase.h"
#include "http/reply.h"
#include "io/columns.h"
#include "io/xlsx_write.h"

#define A(...) (const char *const[]){__VA_ARGS__, NULL}

static const struct colmap cols[] = {
	{"code", A("项目编号", "项目代码", "编号"), CM_TEXT},
	{"name", A("项目名称", "名称"), CM_TEXT},
	{"level", A("项目级别", "级别"), CM_TEXT},
	{"year", A("年度", "计划年度"), CM_INT},
	{"year_kind", A("年度类别", "项目类别", "建设性质"), CM_TEXT},
	{"park", A("所在园区", "园区"), CM_TEXT},
	{"chain", A("产业链", "所属产业链"), CM_TEXT},
	{"owner", A("建设单位", "业主单位"), CM_TEXT},
	{"contractor", A("施工单位", "总包单位"), CM_TEXT},
	{"manager", A("项目负责人", "负责人"), CM_TEXT},
	{"leader", A("包挂领导", "责任领导"), CM_TEXT},
	{"total_investment", A("总投资", "计划总投资"), CM_MONEY_WAN},
	{"planned_investment", A("年度计划投资", "年度投资计划"), CM_MONEY_WAN},
	{"planned_start", A("计划开工日期", "计划开工时间"), CM_DATE},
	{"planned_finish", A("计划竣工日期", "计划竣工时间"), CM_DATE},
	{"actual_start", A("实际开工日期", "开工日期"), CM_DATE},
	{"phase", A("形象进度", "当前进度"), CM_TEXT},
	{"location", A("建设地点", "项目地址"), CM_TEXT},
};
#define NCOLS (sizeof cols / sizeof cols[0])

static const char *const level_names[][2] = {
	{"省级", "provincial"}, {"市级", "municipal"}, {"区级", "district"},
	{"provincial", "provincial"}, {"municipal", "municipal"},
	{"district", "district"},
};
static const char *const kind_names[][2] = {
	{"新开工", "new"}, {"续建", "continuing"}, {"竣工", "completing"},
	{"new", "new"}, {"continuing", "continuing"}, {"completing", "completing"},
};

static const char *
mapped(const char *v, const char *const (*names)[2], size_t n)
{
	for (size_t i = 0; v != NULL && i < n; i++)
		if (strcmp(v, names[i][0]) == 0)
			return names[i][1];
	return NULL;
}

/* Field errors of project_save, renamed to the file's columns. */
static void
save_errs(struct import_row *c, json_t *fe)
{
	static const char *const rename[][2] = {
		{"park_id", "park"}, {"chain_id", "chain"},
		{"owner_org_id", "owner"}, {"contractor_org_id", "contractor"},
		{"years[0].year", "year"}, {"years[0].kind", "year_kind"},
		{"years[0].planned_investment", "planned_investment"},
	};
	json_t *f, *renamed = json_array();
	size_t i;

	/* The row's own year entry is the last of "years"; any index maps
	 * to the row's year columns. */
	json_array_foreach(fe, i, f) {
		const char *name = json_string_value(json_object_get(f, "field"));
		const char *dot = strncmp(name, "years[", 6) == 0 ?
		    strchr(name, '.') : NULL;
		char n[48];

		snprintf(n, sizeof n, "years[0]%s", dot ? dot : "");
		json_array_append_new(renamed, json_pack("{s:s, s:O}", "field",
		    dot ? n : name, "message", json_object_get(f, "message")));
	}
	import_field_errs(c, renamed, rename, 7);
	json_decref(renamed);
}

/* The id of a named record, or 0; orgs are created when missing. */
static long long
resolve(struct import_row *c, enum stmt by_name, const char *name, const char *key,
    const char *org_kind)
{
	long long id = 0;
	json_t *body, *errs, *out = NULL;

	if (name == NULL)
		return 0;
	store_int(c->st, by_name, (struct store_val[]){SV_I(c->a->zone_id),
	    SV_T(name)}, 2, &id);
	if (id != 0 || org_kind == NULL) {
		if (id == 0)
			import_err(c, key, "本区没有这个名称", "no such name in this zone");
		return id;
	}
	body = json_pack("{s:s, s:s}", "name", name, "kind", org_kind);
	errs = json_array();
	if (res_create(c->st, c->a, &org_resource, body, errs, &out) == APP_OK)
		id = json_integer_value(json_object_get(out, "id"));
	else
		save_errs(c, errs);
	json_decref(out);
	json_decref(errs);
	json_decref(body);
	return id;
}

static void
set_id(json_t *body, const char *key, long long id)
{
	if (id != 0)
		json_object_set_new(body, key, json_integer(id));
}

/* Copies a row value to the body under another name. */
static void
copy(json_t *body, json_t *row, const char *from, const char *to)
{
	json_t *v = json_object_get(row, from);

	if (v != NULL)
		json_object_set(body, to, v);
}

static const char *const stored_keys[] = {"code", "name", "level", "park_id",
    "chain_id", "owner_org_id", "contractor_org_id", "manager", "leader",
    "total_investment", "planned_start", "planned_finish", "location",
    "note", "archived", "years", NULL};

/* One row: merge onto the existing project (by code) or create one. */
static int
import_row_cb(struct import_row *c, json_t *row, int *created)
{
	struct date today = date_today_cn();
	const char *code = json_string_value(json_object_get(row, "code"));
	const char *lv = json_string_value(json_object_get(row, "level"));
	const char *yk = json_string_value(json_object_get(row, "year_kind"));
	const char *ph = json_string_value(json_object_get(row, "phase"));
	long long id = code ? project_id_by_code(c->st, c->a, code) : 0;
	long long year = json_is_integer(json_object_get(row, "year")) ?
	    json_integer_value(json_object_get(row, "year")) : today.y;
	json_t *body = json_object(), *old = NULL, *years, *y, *errs, *out = NULL;
	size_t nerr = json_array_size(c->errs), i;
	int phase = -1;

	if (code == NULL)
		import_err(c, "code", "项目编号必填", "the project code is required");
	if (lv != NULL && (lv = mapped(lv, level_names, 6)) == NULL)
		import_err(c, "level", "应为省级、市级或区级",
		    "must be 省级, 市级 or 区级");
	if (yk != NULL && (yk = mapped(yk, kind_names, 6)) == NULL)
		import_err(c, "year_kind", "应为新开工、续建或竣工",
		    "must be 新开工, 续建 or 竣工");
	if (ph != NULL && (phase = phase_parse(ph)) < 0)
		import_err(c, "phase", "不是已知的形象进度", "not a known phase");
	if (id != 0 && project_get(c->st, c->a, id, today, &old) == APP_OK)
		for (i = 0; stored_keys[i] != NULL; i++)
			copy(body, old, stored_keys[i], stored_keys[i]);
	copy(body, row, "code", "code");
	copy(body, row, "name", "name");
	if (lv != NULL)
		json_object_set_new(body, "level", json_string(lv));
	copy(body, row, "manager", "manager");
	copy(body, row, "leader", "leader");
	copy(body, row, "total_investment", "total_investment");
	copy(body, row, "planned_start", "planned_start");
	copy(body, row, "planned_finish", "planned_finish");
	copy(body, row, "location", "location");
	set_id(body, "park_id", resolve(c, STMT_PARK_BY_NAME,
	    json_string_value(json_object_get(row, "park")), "park", NULL));
	set_id(body, "chain_id", resolve(c, STMT_CHAIN_BY_NAME,
	    json_string_value(json_object_get(row, "chain")), "chain", NULL));
	set_id(body, "owner_org_id", resolve(c, STMT_ORG_BY_NAME,
	    json_string_value(json_object_get(row, "owner")), "owner",
	    "enterprise"));
	set_id(body, "contractor_org_id", resolve(c, STMT_ORG_BY_NAME,
	    json_string_value(json_object_get(row, "contractor")), "contractor",
	    "contractor"));
	/* The row's year entry replaces the one of the same year. */
	years = json_array();
	json_array_foreach(json_object_get(body, "years"), i, y)
		if (json_integer_value(json_object_get(y, "year")) != year)
			json_array_append(years, y);
	if (yk != NULL || json_object_get(row, "planned_investment") != NULL) {
		y = json_pack("{s:I, s:s}", "year", (json_int_t)year, "kind",
		    yk ? yk : "new");
		copy(y, row, "planned_investment", "planned_investment");
		json_array_append_new(years, y);
	}
	json_object_set_new(body, "years", years);
	json_decref(old);
	if (json_array_size(c->errs) > nerr) {
		json_decref(body);
		return -1;
	}
	errs = json_array();
	if (project_save(c->st, c->a, id, body, errs, &out) != APP_OK) {
		save_errs(c, json_array_size(errs) ? errs : NULL);
		if (json_array_size(errs) == 0)
			import_err(c, "code", "保存失败", "could not be saved");
		json_decref(errs);
		json_decref(body);
		return -1;
	}
	json_decref(errs);
	json_decref(body);
	*created = id == 0;
	id = json_integer_value(json_object_get(out, "id"));
	/* 实际开工日期: a start event, unless the project has one. */
	if (json_object_get(row, "actual_start") != NULL &&
	    json_is_null(json_object_get(out, "last_event")) &&
	    json_is_null(json_object_get(out, "started_on"))) {
		json_t *ev = json_pack("{s:s, s:O}", "kind", "start", "date",
		    json_object_get(row, "actual_start")), *eo = NULL;

		errs = json_array();
		if (project_event_add(c->st, c->a, id, ev, errs, &eo) != APP_OK)
			save_errs(c, errs);
		json_decref(eo);
		json_decref(ev);
		json_decref(errs);
	}
	/* 形象进度: a progress report dated today when the phase changed. */
	if (phase >= 0 && json_integer_value(json_object_get(out,
	    "phase_index")) != phase) {
		char d[11];
		json_t *rb, *ro = NULL;

		date_format(today, d);
		rb = json_pack("{s:s, s:s, s:s, s:s}", "date", d, "phase",
		    phase_code(phase), "phase_reason", "导入更新形象进度", "note",
		    "由导入文件更新");
		errs = json_array();
		if (progress_report_add(c->st, c->a, id, rb, errs, &ro) !=
		    APP_OK)
			save_errs(c, errs);
		json_decref(ro);
		json_decref(rb);
		json_decref(errs);
	}
	json_decref(out);
	return json_array_size(c->errs) > nerr ? -1 : 0;
}

enum app_err
project_import(struct store *st, const struct actor *a, const struct table *t,
    int dry_run, json_t **out, void (*progress)(size_t, size_t, void *),
    void *pctx)
{
	static const char *const required[] = {"code", "name", NULL};
	struct importer im = {cols, NCOLS, required, import_row_cb, NULL};

	return import_run(st, a, t, &im, dry_run, out, progress, pctx);
}

static const struct xcol project_cols[] = {
	{"code", "项目编号", X_TEXT, 14}, {"name", "项目名称", X_TEXT, 30},
	{"level_label", "项目级别", X_TEXT, 8},
	{"park_name", "所在园区", X_TEXT, 14},
	{"chain_name", "产业链", X_TEXT, 14},
	{"owner_name", "建设单位", X_TEXT, 28},
	{"contractor_name", "施工单位", X_TEXT, 24},
	{"manager", "项目负责人", X_TEXT, 10},
	{"leader", "包挂领导", X_TEXT, 10},
	{"total_investment", "总投资(万元)", X_MONEY, 14},
	{"planned_start", "计划开工日期", X_DATE, 12},
	{"planned_finish", "计划竣工日期", X_DATE, 12},
	{"started_on", "实际开工日期", X_DATE, 12},
	{"status_label", "状态", X_TEXT, 8},
	{"phase_label", "形象进度", X_TEXT, 12},
	{"invest_to_date", "累计完成投资(万元)", X_MONEY, 16},
	{"light_label", "预警", X_TEXT, 6},
	{"warning_text", "预警原因", X_TEXT, 40},
};

enum app_err
projects_xlsx(json_t *projects, char **data, size_t *len, char *err,
    size_t errsz)
{
	static const char *const levels[][2] = {{"provincial", "省级"},
	    {"municipal", "市级"}, {"district", "区级"}};
	static const char *const statuses[][2] = {{"not_started", "未开工"},
	    {"started", "在建"}, {"stopped", "停工"}};
	static const char *const lights[][2] = {{"green", "绿"},
	    {"yellow", "黄"}, {"red", "红"}};
	struct xsheet sh = {"重点项目", NULL, project_cols,
	    sizeof project_cols / sizeof project_cols[0], projects};
	json_t *p, *w;
	size_t i, k;

	json_array_foreach(projects, i, p) {
		char why[1024] = "";
		size_t n = 0;

		json_object_set_new(p, "level_label", json_string(mapped(
		    json_string_value(json_object_get(p, "level")), levels, 3)));
		json_object_set_new(p, "status_label", json_string(mapped(
		    json_string_value(json_object_get(p, "status")), statuses,
		    3)));
		json_object_set_new(p, "light_label", json_string(mapped(
		    json_string_value(json_object_get(p, "light")), lights, 3)));
		json_array_foreach(json_object_get(p, "warnings"), k, w)
			n += (size_t)snprintf(why + n, n < sizeof why ?
			    sizeof why - n : 0, "%s%s", k ? "；" : "",
			    json_string_value(json_object_get(w, "message")));
		json_object_set_new(p, "warning_text", json_string(why));
	}
	return xlsx_write_buffer(&sh, 1, data, len, err, errsz);
}

enum app_err
kfg_xlsx(json_t *rep, char **data, size_t *len, char *err, size_t errsz)
{
	static const struct xcol sum_cols[] = {
		{"as_of", "截至日期", X_DATE, 12},
		{"year", "年度", X_INT, 8},
		{"due", "应开复工(个)", X_INT, 12},
		{"started", "已开复工(个)", X_INT, 12},
		{"rate_percent", "开复工率", X_PERCENT, 10},
		{"planned", "年度计划投资(万元)", X_MONEY, 18},
		{"completed", "已完成投资(万元)", X_MONEY, 18},
		{"rounding", "说明", X_TEXT, 24},
	};
	static const struct xcol group_cols[] = {
		{"name", "分组", X_TEXT, 16}, {"due", "应开复工(个)", X_INT, 12},
		{"started", "已开复工(个)", X_INT, 12},
		{"rate_percent", "开复工率", X_PERCENT, 10},
		{"planned", "年度计划投资(万元)", X_MONEY, 18},
		{"completed", "已完成投资(万元)", X_MONEY, 18},
	};
	static const struct xcol proj_cols[] = {
		{"code", "项目编号", X_TEXT, 14}, {"name", "项目名称", X_TEXT, 30},
		{"level_label", "项目级别", X_TEXT, 8},
		{"park_name", "所在园区", X_TEXT, 14},
		{"chain_name", "产业链", X_TEXT, 14},
		{"kind_label", "年度类别", X_TEXT, 8},
		{"due", "应开复工", X_TEXT, 8}, {"started", "已开复工", X_TEXT, 8},
		{"planned_investment", "年度计划投资(万元)", X_MONEY, 18},
		{"invest_year", "本年完成投资(万元)", X_MONEY, 18},
	};
	json_t *inv = json_object_get(rep, "investment"), *p;
	json_t *sum = json_pack("[{s:O, s:O, s:O, s:O, s:O, s:O, s:O, s:O}]",
	    "as_of", json_object_get(rep, "as_of"), "year",
	    json_object_get(rep, "year"), "due", json_object_get(rep, "due"),
	    "started", json_object_get(rep, "started"), "rate_percent",
	    json_object_get(rep, "rate_percent"), "planned",
	    json_object_get(inv, "planned"), "completed",
	    json_object_get(inv, "completed"), "rounding",
	    json_object_get(rep, "rounding"));
	char title[128];
	size_t i;
	struct xsheet sh[3] = {
		{"汇总", title, sum_cols, 8, sum},
		{"分组", NULL, group_cols, 6, json_object_get(rep, "groups")},
		{"项目", NULL, proj_cols, 10, json_object_get(rep, "projects")},
	};
	enum app_err e;

	snprintf(title, sizeof title, "重点项目开复工情况（截至%s）",
	    json_string_value(json_object_get(rep, "as_of")));
	/* Yes/no cells read better than true/false in a report. */
	json_array_foreach(json_object_get(rep, "projects"), i, p) {
		json_object_set_new(p, "due", json_string(json_is_true(
		    json_object_get(p, "due")) ? "是" : "否"));
		json_object_set_new(p, "started", json_string(json_is_true(
		    json_object_get(p, "started")) ? "是" : "否"));
	}
	e = xlsx_write_buffer(sh, 3, data, len, err, errsz);
	json_decref(sum);
	return e;
}

/* ---- HTTP ---- */

#define XLSX_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

enum app_err
h_project_export(struct req *r)
{
	struct project_query pq;
	json_t *page;
	char *data, err[256];
	size_t len;
	enum app_err e;

	project_query_parse(&pq, req_arg, r, r->errs, r->english);
	if (json_array_size(r->errs) > 0)
		return APP_ERR_VALIDATION;
	if (r->own_only)
		pq.owner_org_id = r->actor.org_id;
	pq.lq.offset = 0;
	pq.lq.limit = 1000000;	/* the whole filtered list */
	if ((e = project_list(r->st, &r->actor, &pq, &page)) != APP_OK)
		return e;
	e = projects_xlsx(json_object_get(page, "items"), &data, &len, err,
	    sizeof err);
	json_decref(page);
	return e != APP_OK ? e : reply_file(r, data, len, XLSX_TYPE,
	    "projects.xlsx");
}

enum app_err
h_kfg_export(struct req *r)
{
	char *data, err[256];
	size_t len;
	enum app_err e = h_kfg_report(r);

	if (e != APP_OK)
		return e;
	e = kfg_xlsx(r->out, &data, &len, err, sizeof err);
	if (e != APP_OK)
		return e;
	json_decref(r->out);
	r->out = NULL;
	return reply_file(r, data, len, XLSX_TYPE, "kaifugong.xlsx");
}

/* POST /api/projects/import?dry_run=1&type=xlsx|csv&encoding=gbk with the
 * file as the body. */
enum app_err
h_project_import(struct req *r)
{
	return import_http(r, project_import);
}
