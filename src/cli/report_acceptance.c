/* zonedesk report acceptance: joint acceptance measures for a period. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/acceptance.h"
#include "cli/cli.h"
#include "io/xlsx_write.h"

static const char *const keys[] = {"id", "title", "applicant_name",
    "status_label", "submitted_on", "due_on", "overdue", "parallel_days",
    "serial_days", "days_saved", "submissions", NULL};
static const char *const labels[] = {"案件编号", "案件名称", "申请单位", "状态",
    "提交日期", "期限", "是否超期", "并联用时(工作日)", "串联用时(工作日)",
    "节省(工作日)", "提交次数", NULL};

/* Sheets 汇总 (the figures) and 案件 (one row per case) to path. */
static int
write_xlsx(json_t *rep, const char *path)
{
	static const struct xcol sum_cols[] = {
		{"from", "开始日期", X_DATE, 12}, {"to", "结束日期", X_DATE, 12},
		{"count", "提交(件)", X_INT, 10}, {"open", "办理中(件)", X_INT, 10},
		{"overdue", "超期(件)", X_INT, 10},
		{"passed", "已通过(件)", X_INT, 10},
		{"failed", "未通过(件)", X_INT, 10},
		{"average_days", "平均用时(工作日)", X_NUMBER, 16},
		{"days_saved", "节省(工作日)", X_INT, 14},
		{"submissions", "提交次数", X_INT, 10},
	};
	static const struct xcol case_cols[] = {
		{"id", "案件编号", X_INT, 10}, {"title", "案件名称", X_TEXT, 30},
		{"applicant_name", "申请单位", X_TEXT, 30},
		{"status_label", "状态", X_TEXT, 10},
		{"submitted_on", "提交日期", X_DATE, 12},
		{"due_on", "期限", X_DATE, 12}, {"overdue", "是否超期", X_TEXT, 8},
		{"parallel_days", "并联用时(工作日)", X_INT, 16},
		{"serial_days", "串联用时(工作日)", X_INT, 16},
		{"days_saved", "节省(工作日)", X_INT, 12},
		{"submissions", "提交次数", X_INT, 10},
	};
	json_t *sum = json_array();
	struct xsheet sh[2] = {
		{"汇总", "联合验收（并联模式）", sum_cols, 10, sum},
		{"案件", NULL, case_cols, 11, json_object_get(rep, "cases")},
	};
	char err[256];
	enum app_err e;

	json_array_append(sum, rep);
	e = xlsx_write_sheets(path, sh, 2, err, sizeof err);
	json_decref(sum);
	if (e != APP_OK) {
		fprintf(stderr, "zonedesk report acceptance: --out: %s\n", err);
		return EXIT_RUNTIME;
	}
	printf("written to %s\n", path);
	return EXIT_OK;
}

int
report_acceptance(int argc, char **argv)
{
	static const char usage[] =
	    "Usage: zonedesk report acceptance --from YYYY-MM-DD --to YYYY-MM-DD\n"
	    "                                  [--zone CODE] [--format table|csv|json|xlsx]\n"
	    "                                  [--out FILE]\n"
	    "联合验收 for the cases submitted in a period: how many, open, overdue\n"
	    "and passed, the average working days per case (parallel), and the\n"
	    "working days saved against serial review (the sum of every\n"
	    "department's own time). csv prints one row per case; xlsx (sheets\n"
	    "汇总, 案件) is written to --out.\n";
	const char *froms = NULL, *tos = NULL, *zone = NULL, *format = "table";
	const char *out = NULL;
	struct cli_opt o[] = {{"from", &froms, NULL}, {"to", &tos, NULL},
	    {"zone", &zone, NULL}, {"format", &format, NULL},
	    {"out", &out, NULL}};
	struct date from, to;
	struct store *st;
	struct actor a;
	json_t *rep;
	int rc;

	if ((rc = cli_parse(argc, argv, "report acceptance", usage, o, 5, NULL,
	    0)))
		return rc < 0 ? EXIT_OK : rc;
	static const char *const formats[] = {"table", "csv", "json", "xlsx",
	    NULL};

	if ((rc = cli_period("report acceptance", froms, tos, 0, &from, &to)) ||
	    (rc = cli_check_format("report acceptance", format, formats,
	    out)) || (rc = cli_open_zone("report acceptance", zone, &st, &a)))
		return rc;
	if ((rc = cli_report("report acceptance", acc_report(st, &a, from, to,
	    &rep), NULL, st)) != 0) {
		store_close(st);
		return rc;
	}
	if (strcmp(format, "xlsx") == 0)
		rc = write_xlsx(rep, out);
	else if (strcmp(format, "json") == 0) {
		char *s = json_dumps(rep, JSON_INDENT(2) |
		    JSON_REAL_PRECISION(15));

		puts(s);
		free(s);
	} else if (strcmp(format, "csv") == 0) {
		cli_print_csv(json_object_get(rep, "cases"), keys, labels);
	} else {
		static const char *const cols[] = {"id", "title", "status_label",
		    "submitted_on", "due_on", "parallel_days", "serial_days",
		    "days_saved", "submissions", NULL};

		printf("%s至%s，提交联合验收%lld件：办理中%lld件（超期%lld件），"
		    "已通过%lld件，未通过%lld件；平均用时%.1f个工作日，"
		    "并联比串联共节省%lld个工作日\n", froms, tos,
		    (long long)json_integer_value(json_object_get(rep, "count")),
		    (long long)json_integer_value(json_object_get(rep, "open")),
		    (long long)json_integer_value(json_object_get(rep,
		    "overdue")), (long long)json_integer_value(
		    json_object_get(rep, "passed")), (long long)
		    json_integer_value(json_object_get(rep, "failed")),
		    json_number_value(json_object_get(rep, "average_days")),
		    (long long)json_integer_value(json_object_get(rep,
		    "days_saved")));
		cli_table(json_object_get(rep, "cases"), cols);
	}
	json_decref(rep);
	store_close(st);
	return rc;
}
