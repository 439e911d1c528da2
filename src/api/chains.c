/*
 * The zone's industry-chain code table (产业链). A new zone starts with the
 * "3+1+1" system of domain.md; each zone edits its own.
 */
#include "api/chains.h"
#include "api/handlers.h"
#include "api/resource.h"

static const struct field_spec fields[] = {
	{.name = "code", .type = FT_TEXT, .required = 1, .maxlen = 32},
	{.name = "name", .type = FT_TEXT, .required = 1, .maxlen = 50},
	{.name = "category", .type = FT_TEXT, .maxlen = 50},
	{.name = "sort_order", .type = FT_INT, .min = -100000, .max = 100000},
};

static const char *const sorts[] = {"sort_order", "code", "name", "category",
    "created_at", "id", NULL};

const struct resource chain_resource = {
	.entity = "chain", .read = PERM_CHAIN_READ, .write = PERM_CHAIN_WRITE,
	.fields = fields, .nfields = sizeof fields / sizeof fields[0],
	.sorts = sorts,
	.list = STMT_CHAIN_LIST, .count = STMT_CHAIN_COUNT,
	.get = STMT_CHAIN_GET, .insert = STMT_CHAIN_INSERT,
	.update = STMT_CHAIN_UPDATE, .del = STMT_CHAIN_DELETE,
};

/* 3 emerging industries, 1 life-health industry, 1 modern-service industry. */
static const struct {
	const char *code, *name, *category;
} seed[] = {
	{"ngit", "新一代信息技术", "战略性新兴产业（主导）"},
	{"equip", "高端装备", "战略性新兴产业（支柱）"},
	{"material", "新材料", "战略性新兴产业（特色）"},
	{"biomed", "生物医药", "生命健康产业（先导）"},
	{"meddev", "医疗器械", "生命健康产业（先导）"},
	{"logistics", "现代物流", "现代服务业"},
	{"techsvc", "科技服务", "现代服务业"},
};

enum app_err
chains_seed(struct store *st, const struct actor *a)
{
	enum app_err e = APP_OK;

	for (size_t i = 0; i < sizeof seed / sizeof seed[0] && e == APP_OK;
	    i++) {
		json_t *body = json_pack("{s:s, s:s, s:s, s:I}", "code",
		    seed[i].code, "name", seed[i].name, "category",
		    seed[i].category, "sort_order", (json_int_t)(i + 1) * 10);
		json_t *errs = json_array(), *out = NULL;

		e = res_create(st, a, &chain_resource, body, errs, &out);
		json_decref(out);
		json_decref(errs);
		json_decref(body);
	}
	return e;
}
