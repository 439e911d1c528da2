/* zone, park, org and audit commands: the same code paths as the API. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/audit.h"
#include "api/handlers.h"
#include "api/resource.h"
#include "api/zones.h"
#include "cli/cli.h"

static int
sub_missing(const char *cmd, const char *usage)
{
	fprintf(stderr, "zonedesk %s: missing subcommand\n%s", cmd, usage);
	return EXIT_USAGE;
}

int
cmd_zone(int argc, char **argv)
{
	static const char usage[] =
	    "Usage: zonedesk zone add --code CODE --name NAME [--db PATH]\n"
	    "       zonedesk zone list [--db PATH]\n"
	    "A zone is a tenant: every record belongs to one. A new zone gets\n"
	    "the default industry chains (3+1+1).\n";
	const char *code = NULL, *name = NULL;
	struct cli_opt o[] = {{"code", &code, NULL}, {"name", &name, NULL}};
	const char *sub = NULL;
	struct store *st;
	int rc;

	if ((rc = cli_parse(argc, argv, "zone", usage, o, 2, &sub, 1)))
		return rc < 0 ? EXIT_OK : rc;
	if (sub == NULL)
		return sub_missing("zone", usage);
	if (strcmp(sub, "add") == 0) {
		json_t *errs;
		long long id;
		enum app_err e;

		if (code == NULL)
			return cli_usage_error("zone add", "--code",
			    "is required");
		if (name == NULL)
			return cli_usage_error("zone add", "--name",
			    "is required");
		if ((rc = cli_open(&st)) != 0)
			return rc;
		errs = json_array();
		e = zone_create(st, code, name, errs, 1, &id);
		rc = cli_report("zone add", e, errs, st);
		if (e == APP_OK)
			printf("zone %s created (id %lld)\n", code, id);
		json_decref(errs);
	} else if (strcmp(sub, "list") == 0) {
		static const char *const cols[] = {"id", "code", "name",
		    "created_at", NULL};
		json_t *rows;

		if ((rc = cli_open(&st)) != 0)
			return rc;
		if ((rc = cli_report("zone list", store_rows(st, STMT_ZONE_ALL,
		    NULL, 0, &rows), NULL, st)) == 0) {
			cli_table(rows, cols);
			json_decref(rows);
		}
	} else
		return cli_usage_error("zone", sub, "unknown subcommand");
	store_close(st);
	return rc;
}

/* list and add of a generic resource in a zone; options map to fields. */
static int
res_command(const char *cmd, const char *usage, const struct resource *res,
    int argc, char **argv, const char *const *fieldopts,
    const char *const *defaults, const char *const *cols)
{
	const char *vals[8] = {0}, *zone = NULL, *sub = NULL;
	struct cli_opt o[9];
	size_t n = 0;
	struct store *st;
	struct actor a;
	char name[32];
	int rc;

	for (; fieldopts[n] != NULL; n++)
		o[n] = (struct cli_opt){fieldopts[n], &vals[n], NULL};
	o[n++] = (struct cli_opt){"zone", &zone, NULL};
	if ((rc = cli_parse(argc, argv, cmd, usage, o, n, &sub, 1)))
		return rc < 0 ? EXIT_OK : rc;
	if (sub == NULL)
		return sub_missing(cmd, usage);
	snprintf(name, sizeof name, "%s %s", cmd, sub);
	if (strcmp(sub, "add") != 0 && strcmp(sub, "list") != 0)
		return cli_usage_error(cmd, sub, "unknown subcommand");
	if ((rc = cli_open(&st)) != 0)
		return rc;
	if (cli_zone_actor(st, name, zone, &a) != 0) {
		store_close(st);
		return EXIT_USAGE;
	}
	if (strcmp(sub, "add") == 0) {
		json_t *body = json_object(), *errs = json_array(), *out;
		enum app_err e;

		for (size_t i = 0; fieldopts[i] != NULL; i++)
			if (vals[i] != NULL || defaults[i] != NULL)
				json_object_set_new(body, fieldopts[i],
				    json_string(vals[i] ? vals[i] :
				    defaults[i]));
		e = res_create(st, &a, res, body, errs, &out);
		if ((rc = cli_report(name, e, errs, st)) == 0) {
			printf("%s %lld created\n", res->entity, (long long)
			    json_integer_value(json_object_get(out, "id")));
			json_decref(out);
		}
		json_decref(body);
		json_decref(errs);
	} else {
		struct list_query lq = {.limit = 1000000};
		json_t *page;

		if ((rc = cli_report(name, res_list(st, &a, res, &lq, &page),
		    NULL, st)) == 0) {
			cli_table(json_object_get(page, "items"), cols);
			json_decref(page);
		}
	}
	store_close(st);
	return rc;
}

int
cmd_park(int argc, char **argv)
{
	static const char usage[] =
	    "Usage: zonedesk park add --zone CODE --name NAME [--kind park|expansion]\n"
	    "                         [--code CODE] [--note TEXT]\n"
	    "       zonedesk park list --zone CODE\n"
	    "Parks (园区) of a zone; kind 'expansion' is an expansion area (拓展区).\n";
	static const char *const opts[] = {"name", "kind", "code", "note",
	    NULL};
	static const char *const cols[] = {"id", "code", "name", "kind", NULL};
	static const char *const defaults[] = {NULL, "park", NULL, NULL};

	return res_command("park", usage, &park_resource, argc, argv, opts,
	    defaults, cols);
}

int
cmd_org(int argc, char **argv)
{
	static const char usage[] =
	    "Usage: zonedesk org add --zone CODE --name NAME\n"
	    "                        --kind enterprise|contractor|investor|department\n"
	    "                        [--uscc CODE] [--contact NAME] [--phone PHONE]\n"
	    "                        [--address TEXT]\n"
	    "       zonedesk org list --zone CODE\n"
	    "Organisations; --uscc is the 18-character unified social credit code\n"
	    "(统一社会信用代码), checked per GB 32100-2015.\n";
	static const char *const opts[] = {"name", "kind", "uscc", "contact",
	    "phone", "address", NULL};
	static const char *const cols[] = {"id", "kind", "uscc", "name", NULL};

	static const char *const defaults[6] = {0};

	return res_command("org", usage, &org_resource, argc, argv, opts,
	    defaults, cols);
}

int
cmd_audit(int argc, char **argv)
{
	static const char usage[] =
	    "Usage: zonedesk audit [--zone CODE] [--entity NAME] [--id N] [--limit N]\n"
	    "Prints the audit trail, newest first: who changed what, when, and\n"
	    "the record before and after. Without --zone, every zone's trail.\n"
	    "--limit defaults to 50.\n";
	const char *zone = NULL, *entity = NULL, *ids = NULL, *limits = NULL;
	struct cli_opt o[] = {{"zone", &zone, NULL}, {"entity", &entity, NULL},
	    {"id", &ids, NULL}, {"limit", &limits, NULL}};
	struct list_query lq = {.limit = 50};
	long long id = 0;
	struct store *st;
	struct actor a;
	json_t *page = NULL, *items, *row;
	enum app_err e;
	size_t i;
	int rc;

	if ((rc = cli_parse(argc, argv, "audit", usage, o, 4, NULL, 0)))
		return rc < 0 ? EXIT_OK : rc;
	if (ids != NULL && (parse_ll(ids, &id) != 0 || id < 1))
		return cli_usage_error("audit", "--id", "expected a positive "
		    "number");
	if (limits != NULL && (parse_ll(limits, &lq.limit) != 0 ||
	    lq.limit < 1))
		return cli_usage_error("audit", "--limit", "expected a positive "
		    "number");
	if ((rc = cli_open(&st)) != 0)
		return rc;
	if (zone != NULL && cli_zone_actor(st, "audit", zone, &a) != 0) {
		store_close(st);
		return EXIT_USAGE;
	}
	if (zone != NULL)
		e = audit_list(st, a.zone_id, entity, id, &lq, &page);
	else if ((e = store_rows(st, STMT_AUDIT_ALL, (struct store_val[]){
	    SV_T(entity), id ? SV_I(id) : SV_NULLV, SV_I(lq.limit)}, 3,
	    &items)) == APP_OK)
		page = json_pack("{s:o}", "items", items);
	if ((rc = cli_report("audit", e, NULL, st)) == 0) {
		json_array_foreach(json_object_get(page, "items"), i, row) {
			char *b = json_dumps(json_object_get(row, "before"),
			    JSON_COMPACT | JSON_ENCODE_ANY);
			char *af = json_dumps(json_object_get(row, "after"),
			    JSON_COMPACT | JSON_ENCODE_ANY);
			json_t *u = json_object_get(row, "username");

			printf("%s  %-8s %s#%lld by %s\n  before: %s\n  after:  %s\n",
			    json_string_value(json_object_get(row, "at")),
			    json_string_value(json_object_get(row, "action")),
			    json_string_value(json_object_get(row, "entity")),
			    (long long)json_integer_value(json_object_get(row,
			    "entity_id")), json_is_string(u) ?
			    json_string_value(u) : "(system)", b ? b : "null",
			    af ? af : "null");
			free(b);
			free(af);
		}
		json_decref(page);
	}
	store_close(st);
	return rc;
}
