/* zonedesk report: the module reports on the command line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/cohort.h"
#include "api/invest_report.h"
#include "api/kaifugong.h"
#include "api/project_io.h"
#include "api/validate.h"
#include "cli/cli.h"

static const char *const formats[] = {"table", "csv", "json", "xlsx", NULL};
static const char *const text_formats[] = {"table", "csv", "json", NULL};

static int
kaifugong(int argc, char **argv)
{
	static const char usage[] =
	    "Usage: zonedesk report kaifugong --as-of YYYY-MM-DD [--zone CODE]\n"
	    "                                 [--year Y] [--by park|level|chain]\n"
	    "                                 [--format table|csv|json|xlsx] [--out FILE]\n"
	    "开复工 as of a date: projects due to start or resume on the year's\n"
	    "list (新开工, 续建), those started or resumed and not stopped at that\n"
	    "date, and the rate (one decimal, half up). --year defaults to the\n"
	    "as-of date's year; --zone may be left out when there is one zone.\n"
	    "xlsx (sheets 汇总, 分组, 项目) is written to --out.\n";
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
	if ((rc = cli_check_format("report kaifugong", format, formats, out)) ||
	    (rc = cli_open_zone("report kaifugong", zone, &st, &a)))
		return rc;
	if ((rc = cli_report("report kaifugong", kfg_report(st, a.zone_id, d,
	    year ? (int)year : d.y, by, 0, 1, &rep), NULL, st)) != 0) {
		store_close(st);
		return rc;
	}
	if (strcmp(format, "json") == 0) {
		char *s = json_dumps(rep, JSON_INDENT(2));

		puts(s);
		free(s);
	} else if (strcmp(format, "xlsx") == 0) {
		rc = cli_write_xlsx("report kaifugong", kfg_xlsx, rep, out);
	} else if (strcmp(format, "csv") == 0) {
		if (by != NULL)
			cli_print_csv(json_object_get(rep, "groups"), gkeys, glabels);
		else
			cli_print_csv(json_object_get(rep, "projects"), pkeys,
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

static int
investment(int argc, char **argv)
{
	static const char usage[] =
	    "Usage: zonedesk report investment --from YYYY-MM-DD --to YYYY-MM-DD\n"
	    "                                  [--zone CODE] [--format table|csv|json|xlsx]\n"
	    "                                  [--out FILE]\n"
	    "招商引资 for a period: the funnel, new negotiations per month against\n"
	    "the target, signed investment by chain, events with their totals in\n"
	    "亿元, and where 周周有亮点 / 月月有活动 / 季季有签约 broke. csv prints\n"
	    "the monthly negotiations; xlsx (all the tables) needs --out.\n";
	static const char *const mkeys[] = {"month", "negotiations", "target",
	    "met", NULL};
	static const char *const mlabels[] = {"月份", "新增洽谈", "目标",
	    "是否达标", NULL};
	const char *froms = NULL, *tos = NULL, *zone = NULL, *format = "table";
	const char *out = NULL;
	struct cli_opt o[] = {{"from", &froms, NULL}, {"to", &tos, NULL},
	    {"zone", &zone, NULL}, {"format", &format, NULL},
	    {"out", &out, NULL}};
	struct date from, to;
	struct store *st;
	struct actor a;
	json_t *rep, *x;
	size_t i;
	int rc;

	if ((rc = cli_parse(argc, argv, "report investment", usage, o, 5, NULL,
	    0)))
		return rc < 0 ? EXIT_OK : rc;
	if ((rc = cli_period("report investment", froms, tos, 3 * 366, &from,
	    &to)) || (rc = cli_check_format("report investment", format,
	    formats, out)) ||
	    (rc = cli_open_zone("report investment", zone, &st, &a)))
		return rc;
	if ((rc = cli_report("report investment", invest_report(st, &a, from,
	    to, &rep), NULL, st)) != 0) {
		store_close(st);
		return rc;
	}
	if (strcmp(format, "json") == 0) {
		char *s = json_dumps(rep, JSON_INDENT(2) |
		    JSON_REAL_PRECISION(15));

		puts(s);
		free(s);
	} else if (strcmp(format, "xlsx") == 0) {
		rc = cli_write_xlsx("report investment", invest_report_xlsx, rep,
		    out);
	} else if (strcmp(format, "csv") == 0)
		cli_print_csv(json_object_get(rep, "monthly"), mkeys, mlabels);
	else {
		static const char *const fcols[] = {"label", "entered",
		    "current", NULL};
		static const char *const mcols[] = {"month", "negotiations",
		    "target", "met", NULL};
		json_t *sg = json_object_get(rep, "signed");
		json_t *cad = json_object_get(rep, "cadence");

		printf("%s至%s，签约项目%d个，总投资%.1f亿元；停滞的已签约项目%d个\n",
		    froms, tos, (int)json_integer_value(json_object_get(sg,
		    "count")), json_number_value(json_object_get(sg,
		    "investment_yi")), (int)json_integer_value(json_object_get(
		    rep, "stalled")));
		cli_table(json_object_get(rep, "funnel"), fcols);
		cli_table(json_object_get(rep, "monthly"), mcols);
		json_array_foreach(json_object_get(rep, "events"), i, x)
			printf("%s  %s  %d个项目  %.1f亿元\n",
			    json_string_value(json_object_get(x, "date")),
			    json_string_value(json_object_get(x, "title")),
			    (int)json_integer_value(json_object_get(x,
			    "signed")), json_number_value(json_object_get(x,
			    "total_yi")));
		printf("无亮点的周：%zu；无活动的月：%zu；无签约的季度：%zu\n",
		    json_array_size(json_object_get(cad,
		    "weeks_without_highlight")), json_array_size(
		    json_object_get(cad, "months_without_event")),
		    json_array_size(json_object_get(cad,
		    "quarters_without_signing")));
	}
	json_decref(rep);
	store_close(st);
	return rc;
}

static int
cohort(int argc, char **argv)
{
	static const char usage[] =
	    "Usage: zonedesk report cohort --from YYYY-MM-DD --to YYYY-MM-DD\n"
	    "                              [--zone CODE] [--format table|csv|json]\n"
	    "The leads first signed in the period, followed through registration,\n"
	    "construction start, joint acceptance of their key project and\n"
	    "production: counts and median days between the stages. csv prints\n"
	    "one row per lead.\n";
	static const char *const keys[] = {"code", "project_name",
	    "enterprise_name", "project_code", "signed_on", "registered_on",
	    "started_on", "accepted_on", "producing_on", NULL};
	static const char *const labels[] = {"线索编号", "项目名称", "注册企业",
	    "重点项目编号", "签约日期", "注册日期", "开工日期", "验收通过日期",
	    "投产日期", NULL};
	static const char *const cols[] = {"label", "reached",
	    "median_days_from_previous", "median_days_from_signing", NULL};
	const char *froms = NULL, *tos = NULL, *zone = NULL, *format = "table";
	struct cli_opt o[] = {{"from", &froms, NULL}, {"to", &tos, NULL},
	    {"zone", &zone, NULL}, {"format", &format, NULL}};
	struct date from, to;
	struct store *st;
	struct actor a;
	json_t *rep;
	int rc;

	if ((rc = cli_parse(argc, argv, "report cohort", usage, o, 4, NULL, 0)))
		return rc < 0 ? EXIT_OK : rc;
	if ((rc = cli_period("report cohort", froms, tos, 0, &from, &to)) ||
	    (rc = cli_check_format("report cohort", format, text_formats,
	    NULL)) || (rc = cli_open_zone("report cohort", zone, &st, &a)))
		return rc;
	if ((rc = cli_report("report cohort", cohort_report(st, &a, from, to,
	    &rep), NULL, st)) != 0) {
		store_close(st);
		return rc;
	}
	if (strcmp(format, "json") == 0) {
		char *s = json_dumps(rep, JSON_INDENT(2) |
		    JSON_REAL_PRECISION(15));

		puts(s);
		free(s);
	} else if (strcmp(format, "csv") == 0)
		cli_print_csv(json_object_get(rep, "leads"), keys, labels);
	else {
		printf("%s至%s首次签约的项目%lld个，各阶段到达数与中位用时（天）：\n",
		    froms, tos, (long long)json_integer_value(json_object_get(rep,
		    "signed")));
		cli_table(json_object_get(rep, "stages"), cols);
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
	    "Reports: kaifugong (开复工 as of a date), investment (招商引资 for a period),\n"
	    "         acceptance (联合验收 for a period), cohort (signed leads to production),\n"
	    "         service (企业服务 as of a date), mujun (亩均效益评价 of a year)\n"
	    "'zonedesk report <name> --help' describes one.\n";

	if (argc < 2 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0) {
		fputs(usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_USAGE : EXIT_OK;
	}
	if (strcmp(argv[1], "kaifugong") == 0)
		return kaifugong(argc - 1, argv + 1);
	if (strcmp(argv[1], "investment") == 0)
		return investment(argc - 1, argv + 1);
	if (strcmp(argv[1], "cohort") == 0)
		return cohort(argc - 1, argv + 1);
	if (strcmp(argv[1], "acceptance") == 0)
		return report_acceptance(argc - 1, argv + 1);
	if (strcmp(argv[1], "service") == 0)
		return report_service(argc - 1, argv + 1);
	if (strcmp(argv[1], "mujun") == 0)
		return report_mujun(argc - 1, argv + 1);
	fprintf(stderr, "zonedesk report: unknown report '%s'\n%s", argv[1],
	    usage);
	return EXIT_USAGE;
}
