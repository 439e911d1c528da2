/* zonedesk calendar: the working-day calendar (工作日历) on the command line. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/calendar.h"
#include "cli/cli.h"

/* CSV files larger than this are refused before reading them whole. */
#define CAL_FILE_MAX (8u * 1024 * 1024)

static const char usage[] =
    "Usage: zonedesk calendar import FILE [--zone CODE] [--dry-run]\n"
    "       zonedesk calendar show --from YYYY-MM-DD --to YYYY-MM-DD [--zone CODE]\n"
    "The zone's working-day calendar (工作日历): the State Council's holiday\n"
    "notices for 2022-2026 are built in; a zone adds its own days on top.\n"
    "import reads CSV (UTF-8 or GBK) with a header row 日期,是否工作日,备注\n"
    "(or date,workday,note); workday is 1/0, 是/否 or 上班/休息. Days the zone\n"
    "already has are updated. All or nothing: any bad row and nothing is\n"
    "written; --dry-run only checks and tells what would change.\n"
    "show prints each day from --from to --to (at most 400 days): working or\n"
    "not, and why (weekday, weekend, national, zone).\n";

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *data;
	size_t n = 0, got;

	if (f == NULL)
		return NULL;
	data = malloc(CAL_FILE_MAX + 1);
	if (data == NULL)
		abort();
	while ((got = fread(data + n, 1, CAL_FILE_MAX + 1 - n, f)) > 0)
		n += got;
	fclose(f);
	if (n > CAL_FILE_MAX) {
		free(data);
		errno = EFBIG;
		return NULL;
	}
	*len = n;
	return data;
}

static int
import(struct store *st, const struct actor *a, const char *file, int dry)
{
	size_t len, i;
	char *data = slurp(file, &len);
	json_t *errs, *out = NULL, *f;
	enum app_err e;

	if (data == NULL) {
		fprintf(stderr, "zonedesk calendar import: %s: %s\n", file,
		    strerror(errno));
		return EXIT_RUNTIME;
	}
	errs = json_array();
	e = calendar_import(st, a, data, len, dry, errs, &out);
	free(data);
	json_array_foreach(errs, i, f) {
		json_t *row = json_object_get(f, "row");

		if (json_is_integer(row))
			fprintf(stderr, "zonedesk calendar import: %s: row %lld, "
			    "column %s: %s\n", file, (long long)
			    json_integer_value(row), json_string_value(
			    json_object_get(f, "column")), json_string_value(
			    json_object_get(f, "message")));
		else
			fprintf(stderr, "zonedesk calendar import: %s: %s\n",
			    file, json_string_value(json_object_get(f,
			    "message")));
	}
	if (e != APP_OK) {
		int rc = json_array_size(errs) > 0 ? EXIT_USAGE :
		    cli_report("calendar import", e, NULL, st);

		if (json_array_size(errs) > 0)
			fprintf(stderr, "zonedesk calendar import: nothing "
			    "imported\n");
		json_decref(errs);
		return rc;
	}
	printf("%s%lld rows: %lld created, %lld updated, %lld unchanged%s\n",
	    dry ? "dry run: " : "",
	    (long long)json_integer_value(json_object_get(out, "rows")),
	    (long long)json_integer_value(json_object_get(out, "created")),
	    (long long)json_integer_value(json_object_get(out, "updated")),
	    (long long)json_integer_value(json_object_get(out, "unchanged")),
	    dry ? " (nothing written)" : "");
	json_decref(out);
	json_decref(errs);
	return EXIT_OK;
}

static int
show(struct store *st, const struct actor *a, struct date from,
    struct date to)
{
	static const char *const wd[] = {"", "一", "二", "三", "四", "五", "六",
	    "日"};
	json_t *days, *d;
	size_t i, work = 0;
	int rc;

	if ((rc = cli_report("calendar show", calendar_days(st, a->zone_id,
	    from, to, &days), NULL, st)) != 0)
		return rc;
	json_array_foreach(days, i, d) {
		const char *ds = json_string_value(json_object_get(d, "date"));
		json_t *note = json_object_get(d, "note");
		struct date x;
		int w = json_is_true(json_object_get(d, "workday"));

		date_parse(ds, strlen(ds), &x);
		work += (size_t)w;
		printf("%s  周%s  %s  %-8s  %s\n", ds, wd[date_weekday(x)],
		    w ? "上班" : "休息", json_string_value(json_object_get(d,
		    "source")), json_is_string(note) ? json_string_value(note) :
		    "");
	}
	printf("%zu working days of %zu\n", work, json_array_size(days));
	json_decref(days);
	return EXIT_OK;
}

int
cmd_calendar(int argc, char **argv)
{
	const char *pos[2] = {0}, *zone = NULL, *froms = NULL, *tos = NULL;
	int dry = 0, rc;
	struct cli_opt o[] = {{"zone", &zone, NULL}, {"dry-run", NULL, &dry},
	    {"from", &froms, NULL}, {"to", &tos, NULL}};
	struct date from = {0}, to = {0};
	struct store *st;
	struct actor a;

	if ((rc = cli_parse(argc, argv, "calendar", usage, o, 4, pos, 2)))
		return rc < 0 ? EXIT_OK : rc;
	if (pos[0] == NULL) {
		fprintf(stderr, "zonedesk calendar: missing subcommand\n%s",
		    usage);
		return EXIT_USAGE;
	}
	if (strcmp(pos[0], "import") == 0) {
		if (pos[1] == NULL)
			return cli_usage_error("calendar import", "FILE",
			    "is required");
		if (froms != NULL || tos != NULL)
			return cli_usage_error("calendar import", froms ?
			    "--from" : "--to", "is for 'calendar show'");
	} else if (strcmp(pos[0], "show") == 0) {
		if (pos[1] != NULL)
			return cli_usage_error("calendar show", pos[1],
			    "unexpected argument");
		if (dry)
			return cli_usage_error("calendar show", "--dry-run",
			    "is for 'calendar import'");
		if (froms == NULL || date_parse(froms, strlen(froms),
		    &from) != 0)
			return cli_usage_error("calendar show", "--from",
			    "expected a real date written YYYY-MM-DD");
		if (tos == NULL || date_parse(tos, strlen(tos), &to) != 0)
			return cli_usage_error("calendar show", "--to",
			    "expected a real date written YYYY-MM-DD");
		if (date_cmp(to, from) < 0)
			return cli_usage_error("calendar show", "--to",
			    "must not be before --from");
		if (date_to_days(to) - date_to_days(from) >= CALENDAR_DAYS_MAX)
			return cli_usage_error("calendar show", "--to",
			    "at most 400 days at once");
	} else
		return cli_usage_error("calendar", pos[0],
		    "unknown subcommand");
	if ((rc = cli_open(&st)) != 0)
		return rc;
	if (cli_zone_actor(st, pos[0][0] == 'i' ? "calendar import" :
	    "calendar show", zone, &a) != 0) {
		store_close(st);
		return EXIT_USAGE;
	}
	rc = pos[0][0] == 'i' ? import(st, &a, pos[1], dry) :
	    show(st, &a, from, to);
	store_close(st);
	return rc;
}
