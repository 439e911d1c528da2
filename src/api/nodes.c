/*
 * Node plans (节点计划): a project's milestones with planned and actual
 * dates, started from the zone's template and edited as a whole list.
 */
#include <string.h>

#include "api/chains.h"
#include "api/handlers.h"
#include "api/projects.h"
#include "api/resource.h"
#include "http/reply.h"

static const struct field_spec tpl_fields[] = {
	{.name = "name", .type = FT_TEXT, .required = 1, .maxlen = 50},
	{.name = "sort_order", .type = FT_INT, .min = -100000, .max = 100000},
};
static const char *const tpl_sorts[] = {"name", "sort_order", "id", NULL};

const struct resource node_template_resource = {
	.entity = "node_template", .read = PERM_PROJECT_READ,
	.write = PERM_SETTINGS_WRITE,
	.fields = tpl_fields, .nfields = 2, .sorts = tpl_sorts,
	.list = STMT_NODE_TPL_LIST, .count = STMT_NODE_TPL_COUNT,
	.get = STMT_NODE_TPL_GET, .insert = STMT_NODE_TPL_INSERT,
	.update = STMT_NODE_TPL_UPDATE, .del = STMT_NODE_TPL_DELETE,
};

enum app_err
node_templates_seed(struct store *st, const struct actor *a)
{
	static const char *const names[] = {"供地", "规划许可", "施工许可",
	    "开工", "主体封顶", "竣工", "竣工验收", "投产"};
	enum app_err e = APP_OK;

	for (size_t i = 0; i < sizeof names / sizeof names[0] && e == APP_OK;
	    i++) {
		json_t *body = json_pack("{s:s, s:I}", "name", names[i],
		    "sort_order", (json_int_t)(i + 1) * 10);
		json_t *errs = json_array(), *out = NULL;

		e = res_create(st, a, &node_template_resource, body, errs, &out);
		json_decref(out);
		json_decref(errs);
		json_decref(body);
	}
	return e;
}

static const struct field_spec node_fields[] = {
	{.name = "name", .type = FT_TEXT, .required = 1, .maxlen = 50},
	{.name = "planned_date", .type = FT_DATE},
	{.name = "actual_date", .type = FT_DATE},
};

/* Adds "late" (planned date passed without an actual date) to each node. */
static enum app_err
nodes_json(struct store *st, const struct actor *a, long long pid,
    json_t **out)
{
	char today[11];
	json_t *n;
	size_t i;
	enum app_err e = store_rows(st, STMT_NODE_LIST, (struct store_val[]){
	    SV_I(a->zone_id), SV_I(pid)}, 2, out);

	if (e != APP_OK)
		return e;
	date_format(date_today_cn(), today);
	json_array_foreach(*out, i, n) {
		const char *pd = json_string_value(json_object_get(n,
		    "planned_date"));
		int late = pd != NULL && json_is_null(json_object_get(n,
		    "actual_date")) && strcmp(pd, today) < 0;

		json_object_set_new(n, "late", json_boolean(late));
	}
	return APP_OK;
}


enum app_err
h_nodes_get(struct req *r)
{
	json_t *rows;
	enum app_err e;

	if ((e = project_exists(r->st, &r->actor, r->id)) != APP_OK ||
	    (e = nodes_json(r->st, &r->actor, r->id, &rows)) != APP_OK)
		return e;
	return reply_json(r, 200, json_pack("{s:o}", "items", rows));
}

/*
 * PUT {"items":[{name, planned_date, actual_date}…]} replaces the plan;
 * {"from_template": true} with no items starts it from the zone template.
 */
enum app_err
h_nodes_put(struct req *r)
{
	json_t *items = json_object_get(r->json, "items"), *it, *fe, *sub;
	json_t *before = NULL, *after = NULL, *tpl = NULL;
	struct store_val v[3];
	struct list_query lq = {.limit = 200};
	char name[48];
	size_t i, k;
	enum app_err e;

	if ((e = project_exists(r->st, &r->actor, r->id)) != APP_OK)
		return e;
	if (json_is_true(json_object_get(r->json, "from_template")) &&
	    items == NULL) {
		if ((e = res_page(r->st, STMT_NODE_TPL_LIST, STMT_NODE_TPL_COUNT,
		    (struct store_val[]){SV_I(r->actor.zone_id), SV_NULLV}, 2,
		    &lq, &tpl)) != APP_OK)
			return e;
		items = json_object_get(tpl, "items");
	}
	if (!json_is_array(items) || json_array_size(items) > 100) {
		ferr_add(r->errs, "items", r->english, "应为最多100项的列表",
		    "must be a list of at most 100 entries");
		json_decref(tpl);
		return APP_ERR_VALIDATION;
	}
	json_array_foreach(items, i, it) {
		sub = json_array();
		if (json_is_object(it))
			validate_body(it, node_fields, 3, v, sub, r->english);
		else
			ferr_add(sub, "", r->english, "应为对象",
			    "must be an object");
		json_array_foreach(sub, k, fe) {
			snprintf(name, sizeof name, "items[%zu].%s", i,
			    json_string_value(json_object_get(fe, "field")));
			ferr_addf(r->errs, name, json_string_value(
			    json_object_get(fe, "message")));
		}
		json_decref(sub);
	}
	if (json_array_size(r->errs) > 0) {
		json_decref(tpl);
		return APP_ERR_VALIDATION;
	}
	if ((e = store_begin(r->st)) != APP_OK)
		goto out;
	if ((e = nodes_json(r->st, &r->actor, r->id, &before)) != APP_OK ||
	    (e = store_query(r->st, STMT_NODES_CLEAR, (struct store_val[]){
	    SV_I(r->actor.zone_id), SV_I(r->id)}, 2, NULL, NULL, NULL)) !=
	    APP_OK)
		goto fail;
	json_array_foreach(items, i, it) {
		validate_body(it, node_fields, 3, v, r->errs, r->english);
		if ((e = store_query(r->st, STMT_NODE_ADD, (struct store_val[]){
		    SV_I(r->actor.zone_id), SV_I(r->id), v[0],
		    SV_I((long long)(i + 1) * 10), v[1], v[2]}, 6, NULL, NULL,
		    NULL)) != APP_OK)
			goto fail;
	}
	if ((e = nodes_json(r->st, &r->actor, r->id, &after)) != APP_OK)
		goto fail;
	{
		json_t *b = json_pack("{s:O}", "nodes", before);
		json_t *a = json_pack("{s:O}", "nodes", after);

		e = store_audit_part(r->st, r->actor.zone_id, r->actor.user_id,
		    "node_plan", r->id, "update", b, a, "project", r->id);
		json_decref(b);
		json_decref(a);
	}
	if (e != APP_OK || (e = store_commit(r->st)) != APP_OK)
		goto fail;
	json_decref(before);
	json_decref(tpl);
	return reply_json(r, 200, json_pack("{s:o}", "items", after));
fail:
	store_rollback(r->st);
out:
	json_decref(before);
	json_decref(after);
	json_decref(tpl);
	return e;
}
