/* zonedesk import: spreadsheets in, through the API's own checks. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api/lead_io.h"
#include "api/mujun.h"
#include "api/validate.h"
#include "api/project_io.h"
#include "cli/cli.h"
#include "io/sheet.h"

/* Reads a whole file into memory; NULL with errno set on failure. */
static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *data = NULL;
	size_t cap = 0, n = 0, got;

	if (f == NULL)
		return NULL;
	for (;;) {
		if (n == cap) {
			cap = cap ? cap * 2 : 65536;
			if (cap > 64u * 1024 * 1024) {
				free(data);
				fclose(f);
				errno = EFBIG;
				return NULL;
			}
			data = realloc(data, cap);
			if (data == NULL)
				abort();
		}
		got = fread(data + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	fclose(f);
	*len = n;
	return data;
}

static void
progress(size_t done, size_t total, void *ctx)
{
	(void)ctx;
	if (isatty(STDERR_FILENO))
		fprintf(stderr, "\r导入中 (importing) %zu/%zu", done, total);
}

typedef enum app_err (*import_fn)(struct store *, const struct actor *,
    const struct table *, int, json_t **, void (*)(size_t, size_t, void *),
    void *);

/* --year of import mujun: the default year of its rows. One import runs
 * per process, so the importer function reads it from here. */
static int import_year;

/* The CLI face of an importer: read, check, report by line, exit code.
 * with_year: the importer takes --year (into import_year). */
static int
run_import(int argc, char **argv, const char *cmd, const char *usage,
    import_fn fn, int with_year)
{
	const char *file = NULL, *enc = NULL, *zone = NULL, *years = NULL;
	long long y = 0;
	int dry = 0, rc;
	struct cli_opt o[] = {{"dry-run", NULL, &dry},
	    {"encoding", &enc, NULL}, {"zone", &zone, NULL},
	    {"year", &years, NULL}};
	struct table t = {0};
	struct store *st;
	struct actor a;
	json_t *out = NULL, *x;
	char err[512], *data;
	size_t len = 0, i;
	enum app_err e;

	if ((rc = cli_parse(argc, argv, cmd, usage, o, with_year ? 4 : 3,
	    &file, 1)))
		return rc < 0 ? EXIT_OK : rc;
	if (file == NULL)
		return cli_usage_error(cmd, "FILE", "is required");
	if (years != NULL && (parse_ll(years, &y) != 0 || y < 2000 ||
	    y > 2100))
		return cli_usage_error(cmd, "--year",
		    "expected a year from 2000 to 2100");
	import_year = (int)y;
	if ((data = slurp(file, &len)) == NULL) {
		fprintf(stderr, "zonedesk %s: FILE: %s: %s\n", cmd, file,
		    strerror(errno));
		return EXIT_RUNTIME;
	}
	if ((e = sheet_read(data, len, file, enc, &t, err, sizeof err)) !=
	    APP_OK) {
		free(data);
		table_free(&t);
		fprintf(stderr, "zonedesk %s: %s: %s\n", cmd, file, err);
		return EXIT_RUNTIME;
	}
	free(data);
	if ((rc = cli_open_zone(cmd, zone, &st, &a)) != 0) {
		table_free(&t);
		return rc;
	}
	e = fn(st, &a, &t, dry, &out, progress, NULL);
	table_free(&t);
	if (isatty(STDERR_FILENO))
		fputc('\n', stderr);
	json_array_foreach(json_object_get(out, "unknown_columns"), i, x)
		fprintf(stderr, "%s: 未识别的列 (unknown column, ignored): %s\n",
		    file, json_string_value(x));
	json_array_foreach(json_object_get(out, "errors"), i, x)
		fprintf(stderr, "%s:%lld: %s: %s\n", file, (long long)
		    json_integer_value(json_object_get(x, "row")),
		    json_string_value(json_object_get(x, "column")),
		    json_string_value(json_object_get(x, "message")));
	if (e == APP_OK)
		printf("%s%lld rows: %lld created, %lld updated\n", dry ?
		    "dry run, nothing saved: " : "", (long long)
		    json_integer_value(json_object_get(out, "rows")), (long long)
		    json_integer_value(json_object_get(out, "created")),
		    (long long)json_integer_value(json_object_get(out,
		    "updated")));
	else if (e == APP_ERR_VALIDATION)
		fprintf(stderr, "zonedesk %s: %zu error(s); nothing imported\n",
		    cmd, json_array_size(json_object_get(out, "errors")));
	else
		cli_report(cmd, e, NULL, st);
	json_decref(out);
	store_close(st);
	return e == APP_OK ? EXIT_OK : EXIT_RUNTIME;
}

static int
import_projects(int argc, char **argv)
{
	static const char usage[] =
	    "Usage: zonedesk import projects FILE [--dry-run] [--encoding E]\n"
	    "                                [--zone CODE]\n"
	    "Imports key projects from .xlsx or .csv (UTF-8, UTF-8 with BOM or\n"
	    "GBK/GB18030, detected; --encoding utf-8|gbk|gb18030 overrides).\n"
	    "Headers as offices write them: 项目编号, 项目名称, 项目级别, 年度,\n"
	    "年度类别, 所在园区, 产业链, 建设单位, 施工单位, 项目负责人,\n"
	    "总投资(万元) or (亿元), 年度计划投资(万元), 计划开工日期,\n"
	    "计划竣工日期, 实际开工日期, 形象进度 …. A code already in the zone\n"
	    "updates that project. All or nothing: any error imports nothing.\n"
	    "--dry-run checks every row and lists every error without saving.\n";

	return run_import(argc, argv, "import projects", usage, project_import, 0);
}

static int
import_leads(int argc, char **argv)
{
	static const char usage[] =
	    "Usage: zonedesk import leads FILE [--dry-run] [--encoding E]\n"
	    "                             [--zone CODE]\n"
	    "Imports investment leads from .xlsx or .csv (encoding detected as\n"
	    "for projects). Headers: 线索编号, 项目名称, 投资方, 产业链, 来源地区,\n"
	    "联络处, 招商专员, 计划投资(万元), 预计年税收(万元), 用地(亩),\n"
	    "预计年产值(万元), 能耗(吨标准煤), 高新技术, 发明专利, 专精特新, 阶段,\n"
	    "签约日期, 备注. A code already in the zone updates that lead (a new\n"
	    "阶段 becomes a dated move). All or nothing; --dry-run lists errors.\n";

	return run_import(argc, argv, "import leads", usage, lead_import, 0);
}

static int
import_contacts(int argc, char **argv)
{
	static const char usage[] =
	    "Usage: zonedesk import contacts FILE [--dry-run] [--encoding E]\n"
	    "                                [--zone CODE]\n"
	    "Imports contacts (洽谈记录) from .xlsx or .csv, each row a new\n"
	    "contact of the lead named by 线索编号. Headers: 线索编号, 洽谈日期,\n"
	    "洽谈方式 (电话/微信/视频/实地/展会), 参与人员, 洽谈内容, 下一步工作,\n"
	    "下一步日期. All or nothing; --dry-run lists errors.\n";

	return run_import(argc, argv, "import contacts", usage, contact_import, 0);
}

static enum app_err
mujun_with_year(struct store *st, const struct actor *a, const struct table *t,
    int dry_run, json_t **out, void (*prog)(size_t, size_t, void *),
    void *ctx)
{
	return mujun_import(st, a, t, import_year, dry_run, out, prog, ctx);
}

static int
import_mujun(int argc, char **argv)
{
	static const char usage[] =
	    "Usage: zonedesk import mujun FILE [--year Y] [--dry-run] [--encoding E]\n"
	    "                             [--zone CODE]\n"
	    "Imports 亩均 figures from .xlsx or .csv (encoding detected as for\n"
	    "projects). Headers: 企业名称, 统一社会信用代码, 年度, 用地面积(亩),\n"
	    "税收(万元), 增加值(万元), 营业收入(万元), 综合能耗(吨标准煤), 排放量(吨),\n"
	    "研发经费(万元), 从业人数, 用电量(万千瓦时), 企业规模 (规上/规下). The\n"
	    "enterprise is matched by USCC, else by exact name, in the zone; a row\n"
	    "for an enterprise and year already present updates it. --year serves\n"
	    "rows without 年度. All or nothing; --dry-run lists errors.\n";

	return run_import(argc, argv, "import mujun", usage, mujun_with_year,
	    1);
}

int
cmd_import(int argc, char **argv)
{
	static const char usage[] =
	    "Usage: zonedesk import <what> FILE [options]\n"
	    "What: projects (key projects), leads (investment leads),\n"
	    "      contacts (洽谈记录 of leads), mujun (亩均 figures)\n"
	    "'zonedesk import <what> --help' describes one.\n";

	if (argc < 2 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0) {
		fputs(usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_USAGE : EXIT_OK;
	}
	if (strcmp(argv[1], "projects") == 0)
		return import_projects(argc - 1, argv + 1);
	if (strcmp(argv[1], "leads") == 0)
		return import_leads(argc - 1, argv + 1);
	if (strcmp(argv[1], "contacts") == 0)
		return import_contacts(argc - 1, argv + 1);
	if (strcmp(argv[1], "mujun") == 0)
		return import_mujun(argc - 1, argv + 1);
	fprintf(stderr, "zonedesk import: unknown kind '%s'\n%s", argv[1],
	    usage);
	return EXIT_USAGE;
}
