/*
 * Organisations: enterprises, contractors, investors and government
 * departments, with the unified social credit code checked on the way in.
 */
#include <string.h>

#include "api/handlers.h"
#include "api/mujun.h"
#include "api/resource.h"
#include "http/reply.h"
#include "domain/uscc.h"

static const char *const kinds[] = {"enterprise", "contractor", "investor",
    "department", NULL};
/* 专精特新 levels: 市级, 省级, 国家级 (小巨人). */
static const char *const zjtx_levels[] = {"city", "province", "national",
    NULL};
/* Firms in business buildings: 生产性 / 生活性服务业; the rest industry. */
static const char *const sectors[] = {"industry", "productive", "consumer",
    NULL};

static int
check_uscc(const char *v, int english, char *msg, size_t msgsz)
{
	size_t pos = 0, len = strlen(v);
	enum uscc_err e = uscc_check(v, len, &pos);

	if (e == USCC_OK)
		return 0;
	uscc_explain(e, v, len, pos, english, msg, msgsz);
	return -1;
}

static const struct field_spec fields[] = {
	{.name = "name", .type = FT_TEXT, .required = 1, .maxlen = 100},
	{.name = "kind", .type = FT_ENUM, .required = 1, .choices = kinds},
	{.name = "uscc", .type = FT_TEXT, .maxlen = 64, .check = check_uscc},
	{.name = "contact", .type = FT_TEXT, .maxlen = 50},
	{.name = "phone", .type = FT_TEXT, .maxlen = 50},
	{.name = "address", .type = FT_TEXT, .maxlen = 200},
	{.name = "note", .type = FT_TEXT, .maxlen = 2000},
	/* What an enterprise is to the service officers. */
	{.name = "park_id", .type = FT_INT, .min = 1, .max = 1LL << 53},
	{.name = "building_id", .type = FT_INT, .min = 1, .max = 1LL << 53},
	{.name = "floor", .type = FT_TEXT, .maxlen = 20},
	{.name = "chain_id", .type = FT_INT, .min = 1, .max = 1LL << 53},
	{.name = "zjtx", .type = FT_ENUM, .choices = zjtx_levels},
	{.name = "high_tech", .type = FT_BOOL},
	{.name = "above_scale", .type = FT_BOOL},
	{.name = "employees", .type = FT_INT, .min = 0, .max = 10000000},
	{.name = "sector", .type = FT_ENUM, .choices = sectors},
};

static const struct field_spec filters[] = {
	{.name = "kind", .type = FT_ENUM, .choices = kinds},
	{.name = "park_id", .type = FT_INT, .min = 1, .max = 1LL << 53},
	{.name = "building_id", .type = FT_INT, .min = 1, .max = 1LL << 53},
	{.name = "chain_id", .type = FT_INT, .min = 1, .max = 1LL << 53},
};

static const char *const sorts[] = {"name", "kind", "uscc", "employees",
    "created_at", "updated_at", "id", NULL};

/* Park, building and chain must be the zone's. Field order as above. */
static void
check_refs(struct store *st, const struct actor *a, long long id,
    const struct store_val *v, json_t *errs)
{
	(void)id;
	json_decref(res_ref(st, a, STMT_PARK_GET, &v[7], "park_id", errs));
	json_decref(res_ref(st, a, STMT_BUILDING_GET, &v[8], "building_id",
	    errs));
	json_decref(res_ref(st, a, STMT_CHAIN_GET, &v[10], "chain_id", errs));
}

const struct resource org_resource = {
	.entity = "org", .read = PERM_ORG_READ, .write = PERM_ORG_WRITE,
	.fields = fields, .nfields = sizeof fields / sizeof fields[0],
	.filters = filters, .nfilters = sizeof filters / sizeof filters[0],
	.sorts = sorts, .check = check_refs,
	.list = STMT_ORG_LIST, .count = STMT_ORG_COUNT, .get = STMT_ORG_GET,
	.insert = STMT_ORG_INSERT, .update = STMT_ORG_UPDATE,
	.del = STMT_ORG_DELETE,
};

int
org_is_own(struct req *r)
{
	return r->id == r->actor.org_id;
}

/*
 * GET /api/orgs/{id}/thread: the enterprise's life in one place — the leads
 * that became it, its key projects, their acceptance cases — each part only
 * when the caller may read that kind of record.
 */
enum app_err
h_org_thread(struct req *r)
{
	static const struct {
		const char *key;
		enum stmt stmt;
		enum perm read, own;
	} parts[] = {
		{"leads", STMT_ORG_THREAD_LEADS, PERM_LEAD_READ, PERM_NONE},
		{"projects", STMT_ORG_THREAD_PROJECTS, PERM_PROJECT_READ,
		    PERM_PROJECT_READ_OWN},
		{"acceptance_cases", STMT_ORG_THREAD_CASES, PERM_ACC_READ,
		    PERM_NONE},
	};
	json_t *o = NULL, *out;
	enum app_err e;

	if ((e = res_get(r->st, &r->actor, &org_resource, r->id, &o)) != APP_OK)
		return e;
	json_decref(o);
	out = json_object();
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		json_t *rows = NULL;

		if (!perm_allows(r->actor.role, parts[i].read) &&
		    (parts[i].own == PERM_NONE ||
		    !perm_allows(r->actor.role, parts[i].own)))
			continue;
		if ((e = store_rows(r->st, parts[i].stmt, (struct store_val[]){
		    SV_I(r->actor.zone_id), SV_I(r->id)}, 2, &rows)) != APP_OK) {
			json_decref(out);
			return e;
		}
		json_object_set_new(out, parts[i].key, rows);
	}
	/* Its 亩均 scores: for readers of them, and the enterprise itself. */
	if (perm_allows(r->actor.role, PERM_MUJUN_READ) || (r->own_only &&
	    perm_allows(r->actor.role, PERM_SERVICE_OWN))) {
		json_t *years = NULL;

		if ((e = mujun_org_years(r->st, r->actor.zone_id, r->id,
		    r->english, &years)) != APP_OK) {
			json_decref(out);
			return e;
		}
		json_object_set_new(out, "mujun", years);
	}
	return reply_json(r, 200, out);
}
