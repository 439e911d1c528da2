/* zonedesk report service and zonedesk service escalate. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/service.h"
#include "cli/cli.h"

/* --as-of (default today) and optional --from as dates. */
static int
dates(const char *cmd, const char *asof, const char *froms, struct date *d,
    struct date *from)
{
	*d = date_today_cn();
	*from = (struct date){0};
	if (asof != NULL && date_parse(asof, strlen(asof), d) != 0)
		return cli_usage_error(cmd, "--as-of",
		    "expected a real date written YYYY-MM-DD");
	if (froms != NULL && date_parse(froms, strlen(froms), from) != 0)
		return cli_usage_error(cmd, "--from",
		    "expected a real date written YYYY-MM-DD");
	if (froms != NULL && date_cmp(*from, *d) > 0)
		return cli_usage_error(cmd, "--from", "must not be after --as-of");
	return 0;
}

int
report_service(int argc, char **argv)
{
	static const char usage[] =
	    "Usage: zonedesk report service [--as-of YYYY-MM-DD] [--from YYYY-MM-DD]\n"
	    "                               [--zone CODE] [--format table|csv|json|xlsx]\n"
	    "                               [--out FILE]\n"
	    "企业服务: the requests received from --from (default: all) to --as-of\n"
	    "(default today) as they stood on --as-of — open, overdue, resolved,\n"
	    "confirmed, escalated, average working days to resolve, satisfaction —\n"
	    "by officer and by category, and the building checks kept to schedule.\n"
	    "csv prints the rows by officer; xlsx (sheets 汇总, 按专员, 按类别,\n"
	    "楼宇检查, 逾期检查) is written to --out.\n";
	static const char *const formats[] = {"table", "csv", "json", "xlsx",
	    NULL};
	static const char *const keys[] = {"officer_name", "received", "open",
	    "overdue", "resolved", "confirmed", "escalated",
	    "avg_resolve_workdays", "satisfaction", NULL};
	static const char *const labels[] = {"服务专员", "受理", "未办结", "逾期",
	    "已办结", "企业确认", "已上报", "平均办结工作日", "平均满意度", NULL};
	const char *asof = NULL, *froms = NULL, *zone = NULL, *format = "table";
	const char *out = NULL;
	struct cli_opt o[] = {{"as-of", &asof, NULL}, {"from", &froms, NULL},
	    {"zone", &zone, NULL}, {"format", &format, NULL},
	    {"out", &out, NULL}};
	struct date d, from;
	struct store *st;
	struct actor a;
	json_t *rep, *q, *k;
	size_t i;
	int rc;

	if ((rc = cli_parse(argc, argv, "report service", usage, o, 5, NULL,
	    0)))
		return rc < 0 ? EXIT_OK : rc;
	if ((rc = dates("report service", asof, froms, &d, &from)) ||
	    (rc = cli_check_format("report service", format, formats, out)) ||
	    (rc = cli_open_zone("report service", zone, &st, &a)))
		return rc;
	if ((rc = cli_report("report service", svc_report(st, &a, from, d,
	    &rep), NULL, st)) != 0) {
		store_close(st);
		return rc;
	}
	q = json_object_get(rep, "requests");
	if (strcmp(format, "json") == 0) {
		char *s = json_dumps(rep, JSON_INDENT(2) |
		    JSON_REAL_PRECISION(15));

		puts(s);
		free(s);
	} else if (strcmp(format, "xlsx") == 0) {
		rc = cli_write_xlsx("report service", svc_report_xlsx, rep, out);
	} else if (strcmp(format, "csv") == 0) {
		cli_print_csv(json_object_get(rep, "by_officer"), keys, labels);
	} else {
		static const char *const cols[] = {"officer_name", "received",
		    "open", "overdue", "resolved", "avg_resolve_workdays",
		    "satisfaction", NULL};
		json_t *avg = json_object_get(q, "avg_resolve_workdays");
		json_t *sat = json_object_get(q, "satisfaction");
		char davg[24] = "—", dsat[24] = "—";

		if (json_is_number(avg))
			snprintf(davg, sizeof davg, "%.1f", json_number_value(avg));
		if (json_is_number(sat))
			snprintf(dsat, sizeof dsat, "%.1f", json_number_value(sat));
		printf("截至%s，受理企业诉求%lld件，已办结%lld件，未办结%lld件"
		    "（逾期%lld件，已上报%lld件）；平均办结用时%s个工作日，"
		    "企业满意度%s（%lld件评价）\n", json_string_value(
		    json_object_get(rep, "as_of")),
		    (long long)json_integer_value(json_object_get(q, "received")),
		    (long long)json_integer_value(json_object_get(q, "resolved")),
		    (long long)json_integer_value(json_object_get(q, "open")),
		    (long long)json_integer_value(json_object_get(q, "overdue")),
		    (long long)json_integer_value(json_object_get(q,
		    "escalated")), davg, dsat, (long long)json_integer_value(
		    json_object_get(q, "rated")));
		cli_table(json_object_get(rep, "by_officer"), cols);
		json_array_foreach(json_object_get(json_object_get(rep, "checks"),
		    "by_kind"), i, k)
			printf("%s：纳入计划楼宇%lld栋，按期检查%lld栋\n",
			    json_string_value(json_object_get(k, "label")),
			    (long long)json_integer_value(json_object_get(k,
			    "scheduled")), (long long)json_integer_value(
			    json_object_get(k, "up_to_date")));
	}
	json_decref(rep);
	store_close(st);
	return rc;
}

static int
escalate(int argc, char **argv)
{
	static const char usage[] =
	    "Usage: zonedesk service escalate [--as-of YYYY-MM-DD] [--zone CODE]\n"
	    "Escalates the open enterprise requests past a working-day limit on\n"
	    "--as-of (default today) and not escalated yet to their officer's\n"
	    "leader (the zone's first leader when the officer has none). The\n"
	    "server runs this for today every hour; this runs it by hand.\n";
	const char *asof = NULL, *zone = NULL;
	struct cli_opt o[] = {{"as-of", &asof, NULL}, {"zone", &zone, NULL}};
	struct date d, none;
	struct store *st;
	struct actor a;
	json_t *out, *it;
	size_t i;
	int rc;

	if ((rc = cli_parse(argc, argv, "service escalate", usage, o, 2, NULL,
	    0)))
		return rc < 0 ? EXIT_OK : rc;
	if ((rc = dates("service escalate", asof, NULL, &d, &none)) ||
	    (rc = cli_open_zone("service escalate", zone, &st, &a)))
		return rc;
	if ((rc = cli_report("service escalate", svc_escalate(st, &a, d, &out),
	    NULL, st)) == 0) {
		json_array_foreach(json_object_get(out, "escalated"), i, it)
			printf("#%lld %s: past the %s limit\n",
			    (long long)json_integer_value(json_object_get(it, "id")),
			    json_string_value(json_object_get(it, "title")),
			    json_string_value(json_object_get(it, "late")));
		printf("%zu request(s) escalated as of %s\n", json_array_size(
		    json_object_get(out, "escalated")), json_string_value(
		    json_object_get(out, "as_of")));
		json_decref(out);
	}
	store_close(st);
	return rc;
}

int
cmd_service(int argc, char **argv)
{
	static const char usage[] =
	    "Usage: zonedesk service escalate [options]\n"
	    "'zonedesk service escalate --help' describes it.\n";

	if (argc < 2 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0) {
		fputs(usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_USAGE : EXIT_OK;
	}
	if (strcmp(argv[1], "escalate") == 0)
		return escalate(argc - 1, argv + 1);
	fprintf(stderr, "zonedesk service: unknown command '%s'\n%s", argv[1],
	    usage);
	return EXIT_USAGE;
}
