/*
 * Organisations: enterprises, contractors, investors and government
 * departments, with the unified social credit code checked on the way in.
 */
#include <string.h>

#include "api/handlers.h"
#include "api/resource.h"
#include "domain/uscc.h"

static const char *const kinds[] = {"enterprise", "contractor", "investor",
    "department", NULL};

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
};

static const struct field_spec filters[] = {
	{.name = "kind", .type = FT_ENUM, .choices = kinds},
};

static const char *const sorts[] = {"name", "kind", "uscc", "created_at",
    "updated_at", "id", NULL};

const struct resource org_resource = {
	.entity = "org", .read = PERM_ORG_READ, .write = PERM_ORG_WRITE,
	.fields = fields, .nfields = sizeof fields / sizeof fields[0],
	.filters = filters, .nfilters = 1, .sorts = sorts,
	.list = STMT_ORG_LIST, .count = STMT_ORG_COUNT, .get = STMT_ORG_GET,
	.insert = STMT_ORG_INSERT, .update = STMT_ORG_UPDATE,
	.del = STMT_ORG_DELETE,
};

int
org_is_own(struct req *r)
{
	return r->id == r->actor.org_id;
}
