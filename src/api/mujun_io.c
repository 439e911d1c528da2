/*
 * 亩均 figures from spreadsheets, and the year's workbook (the ranked
 * table, the distribution by park and by chain). The import resolves the
 * enterprise by 统一社会信用代码, else by its exact name, in the zone and
 * saves each row through the figures resource, so the rules are the API's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/handlers.h"
#include "api/importer.h"
#include "api/mujun.h"
#include "api/resource.h"
#include "http/reply.h"
#include "io/xlsx_write.h"

#define A(...) (const char *const[]){__VA_ARGS__, NULL}

/* Quantities that are not money read as CM_MONEY_WAN too: their units
 * (亩, 吨, 万千瓦时) are not money units, so the scale stays 1. */
static const struct colmap cols[] = {
	{"name", A("企业名称", "单位名称", "企业"), CM_TEXT},
	{"uscc", A("统一社会信用代码", "信用代码", "社会信用代码"), CM_TEXT},
	{"year", A("年度", "年份", "评价年度"), CM_INT},
	{"land_mu", A("用地面积", "占地面积", "用地"), CM_MONEY_WAN},
	{"tax", A("税收", "实缴税收", "税收收入"), CM_MONEY_WAN},
	{"added_value", A("增加值", "工业增加值"), CM_MONEY_WAN},
	{"revenue", A("营业收入", "销售收入", "主营业务收入"), CM_MONEY_WAN},
	{"energy", A("综合能耗", "能耗", "能源消费量"), CM_MONEY_WAN},
	{"emissions", A("排放量", "主要污染物排放当量", "排放"), CM_MONEY_WAN},
	{"rd_spend", A("研发经费", "R&D经费", "研发投入"), CM_MONEY_WAN},
	{"employees", A("从业人数", "职工人数", "年平均职工人数"), CM_INT},
	{"electricity", A("用电量", "年用电量"), CM_MONEY_WAN},
	{"scale", A("企业规模", "规模"), CM_TEXT},
};
#define NCOLS (sizeof cols / sizeof cols[0])

static const char *const copied[] = {"land_mu", "tax", "added_value",
    "revenue", "energy", "emissions", "rd_spend", "employees", "electricity",
    "year", NULL};

/* The enterprise of the row, or 0 after an error naming its column. */
static long long
match_org(struct import_row *c, json_t *row)
{
	const char *name = json_string_value(json_object_get(row, "name"));
	const char *uscc = json_string_value(json_object_get(row, "uscc"));
	const char *has;
	json_t *o = NULL;
	long long id;

	if (name == NULL && uscc == NULL) {
		import_err(c, "name", "企业名称和统一社会信用代码至少填一项",
		    "give the enterprise's name or its USCC");
		return 0;
	}
	if (store_row1(c->st, STMT_MUJUN_ORG_MATCH, (struct store_val[]){
	    SV_I(c->a->zone_id), SV_T(uscc), SV_T(name)}, 3, &o) != APP_OK) {
		if (uscc != NULL)
			import_err(c, "uscc", "本区没有此统一社会信用代码的企业",
			    "no enterprise of this zone has this USCC");
		else
			import_err(c, "name", "本区没有这家企业",
			    "no enterprise of this zone has this name");
		return 0;
	}
	id = json_integer_value(json_object_get(o, "id"));
	has = json_string_value(json_object_get(o, "uscc"));
	/* The code and the name must name the same firm. */
	if (uscc != NULL && (has == NULL || strcmp(has, uscc) != 0)) {
		import_err(c, "uscc", "与企业名称对应的统一社会信用代码不一致",
		    "does not match the USCC of the enterprise of that name");
		id = 0;
	} else if (name != NULL && strcmp(name, json_string_value(
	    json_object_get(o, "name"))) != 0) {
		import_err(c, "name", "与统一社会信用代码对应的企业名称不一致",
		    "does not match the name of the enterprise with that USCC");
		id = 0;
	} else if (strcmp(json_string_value(json_object_get(o, "kind")),
	    "enterprise") != 0) {
		import_err(c, uscc ? "uscc" : "name", "不是企业",
		    "not an enterprise");
		id = 0;
	}
	json_decref(o);
	return id;
}

static int
import_row_cb(struct import_row *c, json_t *row, int *created)
{
	static const char *const rename[][2] = {{"org_id", "name"},
	    {"small", "scale"}};
	const int *year = c->ctx;
	const char *scale = json_string_value(json_object_get(row, "scale"));
	size_t nerr = json_array_size(c->errs);
	long long org = match_org(c, row), id = 0;
	json_t *body = json_object(), *errs, *out = NULL;
	enum app_err e;

	for (size_t i = 0; copied[i] != NULL; i++)
		if (json_object_get(row, copied[i]) != NULL)
			json_object_set(body, copied[i], json_object_get(row,
			    copied[i]));
	if (json_object_get(body, "year") == NULL && *year != 0)
		json_object_set_new(body, "year", json_integer(*year));
	if (json_object_get(body, "year") == NULL)
		import_err(c, "year", "年度必填（或在导入时指定年度）",
		    "the year is required (or give one for the whole file)");
	if (scale != NULL) {
		if (strcmp(scale, "规上") == 0 || strcmp(scale, "large") == 0)
			json_object_set_new(body, "small", json_false());
		else if (strcmp(scale, "规下") == 0 || strcmp(scale, "小微") ==
		    0 || strcmp(scale, "small") == 0)
			json_object_set_new(body, "small", json_true());
		else
			import_err(c, "scale", "应为规上或规下",
			    "must be 规上 or 规下");
	}
	if (json_array_size(c->errs) > nerr) {
		json_decref(body);
		return -1;
	}
	json_object_set_new(body, "org_id", json_integer(org));
	store_int(c->st, STMT_MUJUN_FIG_FIND, (struct store_val[]){
	    SV_I(c->a->zone_id), SV_I(org), SV_I(json_integer_value(
	    json_object_get(body, "year")))}, 3, &id);
	errs = json_array();
	e = id != 0 ? res_update(c->st, c->a, &mujun_figure_resource, id, body,
	    errs, &out) : res_create(c->st, c->a, &mujun_figure_resource, body,
	    errs, &out);
	if (e != APP_OK) {
		import_field_errs(c, errs, rename, 2);
		if (json_array_size(errs) == 0)
			import_err(c, "name", "保存失败", "could not be saved");
	}
	json_decref(errs);
	json_decref(out);
	json_decref(body);
	*created = id == 0;
	return e == APP_OK ? 0 : -1;
}

enum app_err
mujun_import(struct store *st, const struct actor *a, const struct table *t,
    int year, int dry_run, json_t **out,
    void (*progress)(size_t, size_t, void *), void *pctx)
{
	static const char *const required[] = {"land_mu", NULL};
	struct importer im = {cols, NCOLS, required, import_row_cb, &year};

	return import_run(st, a, t, &im, dry_run, out, progress, pctx);
}

/* ---- the workbook ---- */

/* Flat members for tables: group_label, prev_*, delta_*, flag_text, and
 * v_<indicator> / p_<indicator> (value, part). */
void
mujun_flatten(json_t *scores)
{
	json_t *inds = json_object_get(scores, "indicators"), *ind, *r;
	size_t i, k;

	json_array_foreach(json_object_get(scores, "rows"), i, r) {
		json_t *prev = json_object_get(r, "previous");
		json_t *chg = json_object_get(r, "change"), *x;
		char flags[512] = "";
		size_t fl = 0;

		json_object_set_new(r, "group_label", json_string(strcmp(
		    json_string_value(json_object_get(r, "group")), "small") ==
		    0 ? "规下" : "规上"));
		json_object_set(r, "prev_total", json_object_get(prev, "total"));
		json_object_set(r, "prev_class", json_object_get(prev, "class"));
		json_object_set(r, "prev_rank", json_object_get(prev, "rank"));
		json_object_set(r, "delta_total", json_object_get(chg, "total"));
		json_object_set(r, "delta_rank", json_object_get(chg, "rank"));
		json_array_foreach(json_object_get(r, "flags"), k, x)
			if (fl < sizeof flags)
				fl += (size_t)snprintf(flags + fl, sizeof flags -
				    fl, "%s%s", k ? "；" : "", json_string_value(
				    json_object_get(x, "message")));
		json_object_set_new(r, "flag_text", json_string(flags));
		json_array_foreach(inds, k, ind) {
			const char *key = json_string_value(json_object_get(ind,
			    "key"));
			json_t *v = json_object_get(json_object_get(r,
			    "indicators"), key);
			char vk[40], pk[40];

			snprintf(vk, sizeof vk, "v_%s", key);
			snprintf(pk, sizeof pk, "p_%s", key);
			json_object_set(r, vk, json_object_get(v, "value"));
			json_object_set(r, pk, json_object_get(v, "part"));
		}
	}
}


enum app_err
mujun_xlsx(json_t *scores, json_t *dist, char **data, size_t *len, char *err,
    size_t errsz)
{
	static const struct xcol base[] = {
		{"rank", "排名", X_INT, 6}, {"org_name", "企业名称", X_TEXT, 30},
		{"uscc", "统一社会信用代码", X_TEXT, 20},
		{"park_name", "所在园区", X_TEXT, 14},
		{"chain_name", "产业链", X_TEXT, 14},
		{"group_label", "类别", X_TEXT, 8},
		{"total", "综合得分", X_NUMBER, 10}, {"class", "等级", X_TEXT, 6},
		{"prev_total", "上年得分", X_NUMBER, 10},
		{"prev_class", "上年等级", X_TEXT, 8},
		{"prev_rank", "上年排名", X_INT, 8},
		{"delta_total", "得分变化", X_NUMBER, 10},
		{"delta_rank", "名次变化", X_INT, 8},
		{"flag_text", "说明", X_TEXT, 40},
	};
	static const struct xcol dist_cols[] = {
		{"name", "分组", X_TEXT, 18}, {"count", "企业数", X_INT, 8},
		{"A", "A类", X_INT, 6}, {"A_share", "A类占比", X_PERCENT, 9},
		{"B", "B类", X_INT, 6}, {"B_share", "B类占比", X_PERCENT, 9},
		{"C", "C类", X_INT, 6}, {"C_share", "C类占比", X_PERCENT, 9},
		{"D", "D类", X_INT, 6}, {"D_share", "D类占比", X_PERCENT, 9},
	};
	enum { NBASE = sizeof base / sizeof base[0] };
	struct xcol rcols[NBASE + 2 * MJ_NIND];
	char names[2 * MJ_NIND][64], keys[2 * MJ_NIND][40], title[96];
	json_t *inds = json_object_get(scores, "indicators"), *ind, *g;
	json_t *parks = json_array(), *chains = json_array();
	size_t n = NBASE, i;
	enum app_err e;

	memcpy(rcols, base, sizeof base);
	/* Two columns per indicator: its value and its part of the score;
	 * the row's members are flattened to match. */
	json_array_foreach(inds, i, ind) {
		const char *key = json_string_value(json_object_get(ind, "key"));

		snprintf(names[2 * i], sizeof names[0], "%s(%s)",
		    json_string_value(json_object_get(ind, "label")),
		    json_string_value(json_object_get(ind, "unit")));
		snprintf(names[2 * i + 1], sizeof names[0], "%s得分",
		    json_string_value(json_object_get(ind, "label")));
		snprintf(keys[2 * i], sizeof keys[0], "v_%s", key);
		snprintf(keys[2 * i + 1], sizeof keys[0], "p_%s", key);
		rcols[n++] = (struct xcol){keys[2 * i], names[2 * i], X_NUMBER,
		    14};
		rcols[n++] = (struct xcol){keys[2 * i + 1], names[2 * i + 1],
		    X_NUMBER, 10};
	}
	mujun_flatten(scores);
	snprintf(title, sizeof title, "%lld年度亩均效益评价",
	    (long long)json_integer_value(json_object_get(scores, "year")));
	json_array_foreach(json_object_get(dist, "by_park"), i, g)
		json_array_append(parks, g);
	json_array_foreach(json_object_get(dist, "by_chain"), i, g)
		json_array_append(chains, g);
	for (int pass = 0; pass < 2; pass++)
		json_array_foreach(pass ? chains : parks, i, g)
			for (int c = 0; c < 4; c++) {
				char key[4] = {(char)('A' + c), 0}, sk[10];

				snprintf(sk, sizeof sk, "%s_share", key);
				json_object_set(g, key, json_object_get(
				    json_object_get(g, "classes"), key));
				json_object_set(g, sk, json_object_get(
				    json_object_get(g, "shares"), key));
			}
	{
		struct xsheet sh[3] = {
			{"排名", title, rcols, n, json_object_get(scores,
			    "rows")},
			{"按园区", NULL, dist_cols, 10, parks},
			{"按产业链", NULL, dist_cols, 10, chains},
		};

		e = xlsx_write_buffer(sh, 3, data, len, err, errsz);
	}
	json_decref(parks);
	json_decref(chains);
	return e;
}

/* POST /api/mujun/figures/import?year=Y&dry_run=1&type=xlsx|csv */
static enum app_err
import_with_year(struct store *st, const struct actor *a,
    const struct table *t, int dry_run, json_t **out, void *ctx)
{
	return mujun_import(st, a, t, *(int *)ctx, dry_run, out, NULL, NULL);
}

enum app_err
h_mujun_import(struct req *r)
{
	int year = mujun_year_arg(r, 0);

	if (json_array_size(r->errs) > 0)
		return APP_ERR_VALIDATION;
	return import_http_ctx(r, import_with_year, &year);
}
