/* zonedesk report: the module reports on the command line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/kaifugong.h"
#include "api/validate.h"
#include "cli/cli.h"

static void
csv_cell(const char *s)
{
	if (strpbrk(s, ",\"\n\r") == NULL) {
		fputs(s, stdout);
		return;
	}
	putchar('"');
	for (; *s; s++) {
		if (*s == '"')
			putchar('"');
		putchar(*s);
	}
	putchar('"');
}

static const char *
val(json_t *row, const char *key, char *tmp, size_t n)
{
	json_t *v = json_object_get(row, key);

	if (json_is_string(v))
		return json_string_value(v);
	if (json_is_integer(v))
		snprintf(tmp, n, "%lld", (long long)json_integer_value(v));
	else if (json_is_real(v))
		snprintf(tmp, n, "%.2f", json_real_value(v));
	else if (json_is_boolean(v))
		snprintf(tmp, n, "%s", json_is_true(v) ? "是" : "否");
	else
		tmp[0] = '\0';
	return tmp;
}

/* CSV with a header row of labels; keys pick the columns. */
static void
print_csv(json_t *rows, const char *const *keys, const char *const *labels)
{
	char tmp[64];
	json_t *row;
	size_t i, k;

	fputs("\xef\xbb\xbf", stdout);	/* BOM: Excel then reads UTF-8 */
	for (k = 0; keys[k]; k++) {
		if (k)
			putchar(',');
		csv_cell(labels[k]);
	}
	fputs("\r\n", stdout);
	json_array_foreach(rows, i, row) {
		for (k = 0; keys[k]; k++) {
			if (k)
				putchar(',');
			csv_cell(val(row, keys[k], tmp, sizeof tmp));
		}
		fputs("\r\n", stdout);
	}
}

static int
kaifugong(int argc, char **argv)
{
	static const char usage[] =
	    "Usage: zonedesk report kaifugong --as-of YYYY-MM-DD [--zone CODE]\n"
	    "                                 [--year Y] [--by park|level|chain]\n"
	    "                                 [--format table|csv|json]\n"
	    "开复工 as of a date: projects due to start or resume on the year's\n"
	    "list (新开工, 续建), those started or resumed and not stopped at that\n"
	    "date, and the rate (one decimal, half up). --year defaults to the\n"
	    "as-of date's year; --zone may be left out when there is one zone.\n";
	static const char *const gkeys[] = {"name", "due", "started",
	    "rate_text", "planned", "completed", NULL};
	static const char *const glabels[] = {"分组", "应开复工", "已开复工",
	    "开复工率", "年度计划投资(万元)", "已完成投资(万元)", NULL};
	static const char *const pkeys[] = {"code", "name", "park_name",
	    "level_label", "kind_label", "due", "started", "planned_investment",
	    "invest_year", NULL};
	static const char *const plabels[] = {"项目编号", "项目名称", "所在园区",
	    "项目级别", "年度类别", "应开复工", "已开复工", "年度计划投资(万元)",
	    "本年完成投资(万元)", NULL};
	const char *asof = NULL, *zone = NULL, *years = NULL, *by = NULL;
	const char *format = "table", *out = NULL;
	struct cli_opt o[] = {{"as-of", &asof, NULL}, {"zone", &zone, NULL},
	    {"year", &years, NULL}, {"by", &by, NULL},
	    {"format", &format, NULL}, {"out", &out, NULL}};
	struct date d;
	long long year = 0;
	struct store *st;
	struct actor a;
	json_t *rep;
	int rc;

	if ((rc = cli_parse(argc, argv, "report kaifugong", usage, o, 6, NULL,
	    0)))
		return rc < 0 ? EXIT_OK : rc;
	if (asof == NULL)
		return cli_usage_error("report kaifugong", "--as-of",
		    "is required (YYYY-MM-DD)");
	if (date_parse(asof, strlen(asof), &d) != 0)
		return cli_usage_error("report kaifugong", "--as-of",
		    "expected a real date written YYYY-MM-DD");
	if (years != NULL && (parse_ll(years, &year) != 0 || year < 2000 ||
	    year > 2100))
		return cli_usage_error("report kaifugong", "--year",
		    "expected a year from 2000 to 2100");
	if (by != NULL && strcmp(by, "park") && strcmp(by, "level") &&
	    strcmp(by, "chain"))
		return cli_usage_error("report kaifugong", "--by",
		    "expected park, level or chain");
	if (strcmp(format, "table") && strcmp(format, "csv") &&
	    strcmp(format, "json"))
		return cli_usage_error("report kaifugong", "--format",
		    "expected table, csv or json");
	(void)out;
	if ((rc = cli_open(&st)) != 0)
		return rc;
	if (cli_zone_actor(st, "report kaifugong", zone, &a) != 0) {
		store_close(st);
		return EXIT_USAGE;
	}
	if ((rc = cli_report("report kaifugong", kfg_report(st, a.zone_id, d,
	    year ? (int)year : d.y, by, 0, &rep), NULL, st)) != 0) {
		store_close(st);
		return rc;
	}
	if (strcmp(format, "json") == 0) {
		char *s = json_dumps(rep, JSON_INDENT(2));

		puts(s);
		free(s);
	} else if (strcmp(format, "csv") == 0) {
		if (by != NULL)
			print_csv(json_object_get(rep, "groups"), gkeys, glabels);
		else
			print_csv(json_object_get(rep, "projects"), pkeys,
			    plabels);
	} else {
		static const char *const cols[] = {"name", "due", "started",
		    "rate_text", "planned", "completed", NULL};
		json_t *inv = json_object_get(rep, "investment");

		printf("截至%s，%d年应开复工重点项目%d个，已开复工%d个，开复工率%s"
		    "（%s）\n", asof, (int)json_integer_value(json_object_get(rep,
		    "year")), (int)json_integer_value(json_object_get(rep, "due")),
		    (int)json_integer_value(json_object_get(rep, "started")),
		    json_string_value(json_object_get(rep, "rate_text")),
		    json_string_value(json_object_get(rep, "rounding")));
		printf("年度计划投资%.2f万元，已完成%.2f万元\n",
		    json_number_value(json_object_get(inv, "planned")),
		    json_number_value(json_object_get(inv, "completed")));
		if (by != NULL)
			cli_table(json_object_get(rep, "groups"), cols);
	}
	json_decref(rep);
	store_close(st);
	return rc;
}

int
cmd_report(int argc, char **argv)
{
	static const char usage[] =
	    "Usage: zonedesk report <name> [options]\n"
	    "Reports: kaifugong (开复工 as of a date)\n"
	    "'zonedesk report <name> --help' describes one.\n";

	if (argc < 2 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0) {
		fputs(usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_USAGE : EXIT_OK;
	}
	if (strcmp(argv[1], "kaifugong") == 0)
		return kaifugong(argc - 1, argv + 1);
	fprintf(stderr, "zonedesk report: unknown report '%s'\n%s", argv[1],
	    usage);
	return EXIT_USAGE;
}
