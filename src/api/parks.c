/* Parks (园区) and expansion areas (拓展区) of a zone: "一区五园". */
#include "api/handlers.h"
#include "api/resource.h"

static const char *const kinds[] = {"park", "expansion", NULL};

static const struct field_spec fields[] = {
	{.name = "name", .type = FT_TEXT, .required = 1, .maxlen = 100},
	{.name = "kind", .type = FT_ENUM, .required = 1, .choices = kinds},
	{.name = "code", .type = FT_TEXT, .maxlen = 32},
	{.name = "note", .type = FT_TEXT, .maxlen = 2000},
};

static const struct field_spec filters[] = {
	{.name = "kind", .type = FT_ENUM, .choices = kinds},
};

static const char *const sorts[] = {"name", "code", "kind", "created_at",
    "updated_at", "id", NULL};

const struct resource park_resource = {
	.entity = "park", .read = PERM_PARK_READ, .write = PERM_PARK_WRITE,
	.fields = fields, .nfields = sizeof fields / sizeof fields[0],
	.filters = filters, .nfilters = 1, .sorts = sorts,
	.list = STMT_PARK_LIST, .count = STMT_PARK_COUNT, .get = STMT_PARK_GET,
	.insert = STMT_PARK_INSERT, .update = STMT_PARK_UPDATE,
	.del = STMT_PARK_DELETE,
};
