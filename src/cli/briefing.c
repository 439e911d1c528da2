/* zonedesk briefing: the 工作简报 as text, HTML or xlsx. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/briefing.h"
#include "cli/cli.h"

int
cmd_briefing(int argc, char **argv)
{
	static const char usage[] =
	    "Usage: zonedesk briefing --as-of YYYY-MM-DD [--period week|month|quarter]\n"
	    "                         [--format text|html|xlsx] [--out FILE] [--zone CODE]\n"
	    "The work briefing (工作简报) in Chinese prose: key projects (开复工 as\n"
	    "of the date), investment attraction, joint acceptance and what needs\n"
	    "the leadership's attention, over the period ending on --as-of\n"
	    "(default month: from the 1st). Inconsistent inputs are named, not\n"
	    "hidden. xlsx holds the tables behind the sentences and needs --out;\n"
	    "text and html go to --out or stdout.\n";
	static const char *const formats[] = {"text", "html", "xlsx", NULL};
	const char *asof = NULL, *period = "month", *format = "text";
	const char *out = NULL, *zone = NULL;
	struct cli_opt o[] = {{"as-of", &asof, NULL}, {"period", &period, NULL},
	    {"format", &format, NULL}, {"out", &out, NULL},
	    {"zone", &zone, NULL}};
	struct date d;
	struct store *st;
	struct actor a;
	json_t *b = NULL;
	char *data = NULL, err[256];
	size_t len = 0;
	FILE *f = stdout;
	int rc;

	if ((rc = cli_parse(argc, argv, "briefing", usage, o, 5, NULL, 0)))
		return rc < 0 ? EXIT_OK : rc;
	if (asof == NULL || date_parse(asof, strlen(asof), &d) != 0)
		return cli_usage_error("briefing", "--as-of",
		    "expected a real date written YYYY-MM-DD");
	if (strcmp(period, "week") && strcmp(period, "month") &&
	    strcmp(period, "quarter"))
		return cli_usage_error("briefing", "--period",
		    "expected week, month or quarter");
	if ((rc = cli_check_format("briefing", format, formats, out)) ||
	    (rc = cli_open_zone("briefing", zone, &st, &a)))
		return rc;
	if ((rc = cli_report("briefing", briefing_build(st, &a, d, period, &b),
	    NULL, st)) != 0) {
		store_close(st);
		return rc;
	}
	if (strcmp(format, "xlsx") == 0) {
		if (briefing_xlsx(b, &data, &len, err, sizeof err) != APP_OK) {
			fprintf(stderr, "zonedesk briefing: %s\n", err);
			rc = EXIT_RUNTIME;
		}
	} else {
		data = strcmp(format, "html") == 0 ? briefing_html(b) :
		    briefing_text(b);
		len = strlen(data);
	}
	if (rc == 0 && out != NULL && (f = fopen(out, "wb")) == NULL) {
		fprintf(stderr, "zonedesk briefing: --out: cannot write %s\n", out);
		rc = EXIT_RUNTIME;
	}
	if (rc == 0 && (fwrite(data, 1, len, f) != len ||
	    (f != stdout && fclose(f) != 0))) {
		fprintf(stderr, "zonedesk briefing: --out: cannot write %s\n",
		    out ? out : "stdout");
		rc = EXIT_RUNTIME;
	}
	free(data);
	json_decref(b);
	store_close(st);
	return rc;
}
