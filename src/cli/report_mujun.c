/* zonedesk report mujun: the 亩均 ranked table and class distribution. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/mujun.h"
#include "api/validate.h"
#include "cli/cli.h"

static const char *const formats[] = {"text", "table", "csv", "json", "xlsx",
    NULL};
static const char *const keys[] = {"rank", "org_name", "uscc", "park_name",
    "chain_name", "group_label", "total", "class", "prev_rank", "prev_class",
    "delta_total", "delta_rank", "flag_text", NULL};
static const char *const labels[] = {"排名", "企业名称", "统一社会信用代码",
    "所在园区", "产业链", "类别", "综合得分", "等级", "上年排名", "上年等级",
    "得分变化", "名次变化", "说明", NULL};

/* One line per group: "海州工业园  12家  A 3 (25.0%) …". */
static void
print_groups(const char *title, json_t *groups)
{
	json_t *g;
	size_t i;

	printf("%s\n", title);
	json_array_foreach(groups, i, g) {
		json_t *c = json_object_get(g, "classes");
		json_t *s = json_object_get(g, "shares");

		printf("  %-16s %3lld家", json_string_value(json_object_get(g,
		    "name")), (long long)json_integer_value(json_object_get(g,
		    "count")));
		for (int k = 0; k < 4; k++) {
			char key[2] = {(char)('A' + k), 0};

			printf("  %s %lld (%.1f%%)", key, (long long)
			    json_integer_value(json_object_get(c, key)),
			    json_number_value(json_object_get(s, key)));
		}
		putchar('\n');
	}
}

int
report_mujun(int argc, char **argv)
{
	static const char usage[] =
	    "Usage: zonedesk report mujun --year Y [--zone CODE]\n"
	    "                             [--format text|csv|json|xlsx] [--out FILE]\n"
	    "亩均效益评价 of a year: the class distribution (A/B/C/D counts and\n"
	    "shares) of the zone, by park and by industry chain, and the ranked\n"
	    "table with each enterprise's score, class, rank and the change since\n"
	    "the year before, under the year's settings (or the defaults). csv\n"
	    "prints the ranked table; xlsx (sheets 排名, 按园区, 按产业链) is\n"
	    "written to --out.\n";
	const char *years = NULL, *zone = NULL, *format = "text", *out = NULL;
	struct cli_opt o[] = {{"year", &years, NULL}, {"zone", &zone, NULL},
	    {"format", &format, NULL}, {"out", &out, NULL}};
	long long year = 0;
	struct store *st;
	struct actor a;
	json_t *sc = NULL, *dist = NULL;
	int rc;

	if ((rc = cli_parse(argc, argv, "report mujun", usage, o, 4, NULL, 0)))
		return rc < 0 ? EXIT_OK : rc;
	if (years == NULL)
		return cli_usage_error("report mujun", "--year",
		    "is required (e.g. --year 2025)");
	if (parse_ll(years, &year) != 0 || year < 2000 || year > 2100)
		return cli_usage_error("report mujun", "--year",
		    "expected a year from 2000 to 2100");
	if ((rc = cli_check_format("report mujun", format, formats, out)) ||
	    (rc = cli_open_zone("report mujun", zone, &st, &a)))
		return rc;
	if ((rc = cli_report("report mujun", mujun_scores(st, a.zone_id,
	    (int)year, 0, &sc), NULL, st)) != 0 ||
	    (rc = cli_report("report mujun", mujun_distribution(st, a.zone_id,
	    (int)year, 0, &dist), NULL, st)) != 0) {
		json_decref(sc);
		store_close(st);
		return rc;
	}
	mujun_flatten(sc);
	if (strcmp(format, "json") == 0) {
		json_t *both = json_pack("{s:O, s:O}", "distribution", dist,
		    "scores", sc);
		char *s = json_dumps(both, JSON_INDENT(2) |
		    JSON_REAL_PRECISION(15));

		puts(s);
		free(s);
		json_decref(both);
	} else if (strcmp(format, "xlsx") == 0) {
		char *data = NULL, err[256];
		size_t len = 0;

		if (mujun_xlsx(sc, dist, &data, &len, err, sizeof err) !=
		    APP_OK) {
			fprintf(stderr, "zonedesk report mujun: %s\n", err);
			rc = EXIT_RUNTIME;
		} else if (cli_write_file(out, data, len) != 0) {
			fprintf(stderr, "zonedesk report mujun: --out: "
			    "cannot write %s\n", out);
			rc = EXIT_RUNTIME;
		} else
			printf("written to %s\n", out);
		free(data);
	} else if (strcmp(format, "csv") == 0)
		cli_print_csv(json_object_get(sc, "rows"), keys, labels);
	else {
		static const char *const cols[] = {"rank", "org_name",
		    "park_name", "group_label", "total", "class", "prev_rank",
		    "delta_total", NULL};
		json_t *all = json_pack("[{s:s, s:O, s:O, s:O}]", "name", "全区",
		    "count", json_object_get(dist, "count"), "classes",
		    json_object_get(dist, "classes"), "shares",
		    json_object_get(dist, "shares"));

		printf("%lld年度亩均效益评价（%s法%s），参评企业%lld家\n", year,
		    strcmp(json_string_value(json_object_get(sc, "method")),
		    "minmax") == 0 ? "极差" : "标杆值",
		    json_is_true(json_object_get(sc, "default_settings")) ?
		    "，默认设置" : "", (long long)json_integer_value(
		    json_object_get(dist, "count")));
		print_groups("分类分布：", all);
		print_groups("按园区：", json_object_get(dist, "by_park"));
		print_groups("按产业链：", json_object_get(dist, "by_chain"));
		cli_table(json_object_get(sc, "rows"), cols);
		json_decref(all);
	}
	json_decref(sc);
	json_decref(dist);
	store_close(st);
	return rc;
}
