/* Shared pieces of the commands: arguments, database, errors, output. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "api/zones.h"
#include "cli/cli.h"
#include "util/utf8.h"
#include "util/xalloc.h"

const char *cli_db;

int
cli_usage_error(const char *cmd, const char *flag, const char *msg)
{
	fprintf(stderr, "zonedesk %s: %s%s%s\n", cmd, flag ? flag : "",
	    flag ? ": " : "", msg);
	fprintf(stderr, "Try 'zonedesk %s --help'.\n", cmd);
	return EXIT_USAGE;
}

int
cli_parse(int argc, char **argv, const char *cmd, const char *usage,
    const struct cli_opt *opts, size_t nopts, const char **pos, size_t maxpos)
{
	size_t npos = 0;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *eq, *val = NULL;
		size_t n;
		int found = 0;

		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			printf("%s", usage);
			return -1;
		}
		if (strncmp(a, "--", 2) != 0 || a[2] == '\0') {
			if (npos >= maxpos)
				return cli_usage_error(cmd, a,
				    "unexpected argument");
			pos[npos++] = a;
			continue;
		}
		eq = strchr(a, '=');
		n = eq ? (size_t)(eq - a - 2) : strlen(a + 2);
		if (n == 2 && strncmp(a + 2, "db", 2) == 0) {
			val = eq ? eq + 1 : (i + 1 < argc ? argv[++i] : NULL);
			if (val == NULL)
				return cli_usage_error(cmd, "--db",
				    "needs a value");
			cli_db = val;
			continue;
		}
		for (size_t k = 0; k < nopts && !found; k++) {
			const struct cli_opt *o = &opts[k];

			if (strlen(o->name) != n || strncmp(a + 2, o->name, n))
				continue;
			found = 1;
			if (o->flag != NULL) {
				if (eq)
					return cli_usage_error(cmd, a,
					    "takes no value");
				*o->flag = 1;
			} else {
				val = eq ? eq + 1 :
				    (i + 1 < argc ? argv[++i] : NULL);
				if (val == NULL)
					return cli_usage_error(cmd, a,
					    "needs a value");
				*o->val = val;
			}
		}
		if (!found)
			return cli_usage_error(cmd, a, "unknown option");
	}
	return 0;
}

int
cli_open(struct store **st)
{
	int v;
	enum app_err e;

	if (cli_db == NULL)
		cli_db = getenv("ZONEDESK_DB");
	if (cli_db == NULL || *cli_db == '\0')
		cli_db = "zonedesk.db";
	if (access(cli_db, F_OK) != 0) {
		fprintf(stderr, "zonedesk: --db: %s does not exist; create it "
		    "with 'zonedesk init --db %s'\n", cli_db, cli_db);
		return EXIT_RUNTIME;
	}
	if (store_open(cli_db, st) != APP_OK)
		return EXIT_RUNTIME;
	if ((e = store_schema_version(*st, &v)) != APP_OK ||
	    v != store_schema_latest()) {
		fprintf(stderr, "zonedesk: --db: %s has schema version %d, this "
		    "zonedesk uses %d; %s\n", cli_db, v, store_schema_latest(),
		    v > store_schema_latest() ? "upgrade zonedesk" :
		    "run 'zonedesk init' to migrate it");
		store_close(*st);
		return EXIT_RUNTIME;
	}
	return 0;
}

int
cli_report(const char *cmd, enum app_err e, json_t *errs, struct store *st)
{
	size_t i;
	json_t *f;

	if (e == APP_OK)
		return EXIT_OK;
	json_array_foreach(errs, i, f)
		fprintf(stderr, "zonedesk %s: --%s: %s\n", cmd,
		    json_string_value(json_object_get(f, "field")),
		    json_string_value(json_object_get(f, "message")));
	if (json_array_size(errs) == 0)
		fprintf(stderr, "zonedesk %s: %s%s%s\n", cmd, app_strerror(e, 1),
		    st ? ": " : "", st ? store_errmsg(st) : "");
	return e == APP_ERR_VALIDATION ? EXIT_USAGE : EXIT_RUNTIME;
}

int
cli_zone_actor(struct store *st, const char *cmd, const char *code,
    struct actor *a)
{
	json_t *z;

	memset(a, 0, sizeof *a);
	a->role = ROLE_ADMIN;
	a->english = 1;
	if (code == NULL) {
		/* One zone is the common case: then --zone may be left out. */
		json_t *all = NULL;
		int one = store_rows(st, STMT_ZONE_ALL, NULL, 0, &all) ==
		    APP_OK && json_array_size(all) == 1;

		if (one)
			a->zone_id = json_integer_value(json_object_get(
			    json_array_get(all, 0), "id"));
		json_decref(all);
		if (one)
			return 0;
		cli_usage_error(cmd, "--zone", "is required when the database "
		    "holds more than one zone (see 'zonedesk zone list')");
		return -1;
	}
	if (zone_by_code(st, code, &z) != APP_OK) {
		fprintf(stderr, "zonedesk %s: --zone: no zone with code '%s' "
		    "(see 'zonedesk zone list')\n", cmd, code);
		return -1;
	}
	a->zone_id = json_integer_value(json_object_get(z, "id"));
	json_decref(z);
	return 0;
}

char *
cli_read_password(int from_stdin, const char *cmd)
{
	char *line = NULL, *again = NULL;
	size_t cap = 0, cap2 = 0;
	ssize_t n;
	struct termios old, quiet;

	if (!from_stdin && !isatty(STDIN_FILENO)) {
		cli_usage_error(cmd, "--password-stdin", "stdin is not a "
		    "terminal; pass --password-stdin and pipe the password");
		return NULL;
	}
	if (!from_stdin) {
		fputs("Password (密码): ", stderr);
		tcgetattr(STDIN_FILENO, &old);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
	}
	n = getline(&line, &cap, stdin);
	if (!from_stdin) {
		fputs("\nAgain (再次输入): ", stderr);
		if (getline(&again, &cap2, stdin) < 0 || n < 0 ||
		    strcmp(line, again) != 0) {
			tcsetattr(STDIN_FILENO, TCSANOW, &old);
			fputs("\n", stderr);
			fprintf(stderr, "zonedesk %s: the passwords differ\n", cmd);
			free(line);
			free(again);
			return NULL;
		}
		tcsetattr(STDIN_FILENO, TCSANOW, &old);
		fputs("\n", stderr);
		free(again);
	}
	if (n < 0) {
		fprintf(stderr, "zonedesk %s: no password on stdin\n", cmd);
		free(line);
		return NULL;
	}
	line[strcspn(line, "\r\n")] = '\0';
	return line;
}

/* Display width: CJK characters take two columns in a terminal. */
static int
width(const char *s)
{
	int w = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p & 0xc0) != 0x80)
			w += *p >= 0xe0 ? 2 : 1;
	return w;
}

const char *
cli_cell(json_t *row, const char *col, char *tmp, size_t n)
{
	json_t *v = json_object_get(row, col);

	if (json_is_string(v))
		return json_string_value(v);
	if (json_is_integer(v))
		snprintf(tmp, n, "%lld", (long long)json_integer_value(v));
	else if (json_is_real(v))
		snprintf(tmp, n, "%.2f", json_real_value(v));
	else if (json_is_boolean(v))
		snprintf(tmp, n, "%s", json_is_true(v) ? "yes" : "no");
	else
		snprintf(tmp, n, "-");
	return tmp;
}

void
cli_table(json_t *rows, const char *const *cols)
{
	int w[16] = {0};
	size_t i, c;
	json_t *row;
	char tmp[64];

	for (c = 0; cols[c] && c < 16; c++)
		w[c] = width(cols[c]);
	json_array_foreach(rows, i, row)
		for (c = 0; cols[c] && c < 16; c++) {
			int cw = width(cli_cell(row, cols[c], tmp, sizeof tmp));

			if (cw > w[c])
				w[c] = cw;
		}
	for (c = 0; cols[c]; c++)
		printf("%s%-*s", c ? "  " : "", w[c], cols[c]);
	printf("\n");
	json_array_foreach(rows, i, row) {
		for (c = 0; cols[c]; c++) {
			const char *s = cli_cell(row, cols[c], tmp, sizeof tmp);

			printf("%s%s%*s", c ? "  " : "", s,
			    cols[c + 1] ? w[c] - width(s) : 0, "");
		}
		printf("\n");
	}
}

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

void
cli_print_csv(json_t *rows, const char *const *keys, const char *const *labels)
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
			json_t *v = json_object_get(row, keys[k]);

			/* In a spreadsheet: 是/否, and empty for no value. */
			csv_cell(json_is_boolean(v) ? (json_is_true(v) ? "是" :
			    "否") : v == NULL || json_is_null(v) ? "" :
			    cli_cell(row, keys[k], tmp, sizeof tmp));
		}
		fputs("\r\n", stdout);
	}
}

int
cli_write_file(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	if (f == NULL)
		return -1;
	if (fwrite(data, 1, len, f) != len) {
		fclose(f);
		return -1;
	}
	return fclose(f) == 0 ? 0 : -1;
}

int
cli_write_xlsx(const char *cmd, enum app_err (*make)(json_t *, char **,
    size_t *, char *, size_t), json_t *rep, const char *out)
{
	char *data = NULL, err[256];
	size_t len = 0;
	int rc = EXIT_OK;

	if (make(rep, &data, &len, err, sizeof err) != APP_OK) {
		fprintf(stderr, "zonedesk %s: %s\n", cmd, err);
		rc = EXIT_RUNTIME;
	} else if (cli_write_file(out, data, len) != 0) {
		fprintf(stderr, "zonedesk %s: --out: cannot write %s\n", cmd, out);
		rc = EXIT_RUNTIME;
	} else
		printf("written to %s\n", out);
	free(data);
	return rc;
}

int
cli_check_format(const char *cmd, const char *format,
    const char *const *formats, const char *out)
{
	char list[128];
	size_t n = 0;
	int ok = 0;

	list[0] = '\0';
	for (const char *const *f = formats; *f != NULL; f++) {
		ok |= strcmp(format, *f) == 0;
		n += (size_t)snprintf(list + n, n < sizeof list ? sizeof list - n :
		    0, "%s%s", n ? ", " : "expected ", *f);
	}
	if (!ok)
		return cli_usage_error(cmd, "--format", list);
	if (strcmp(format, "xlsx") == 0 && out == NULL)
		return cli_usage_error(cmd, "--out",
		    "is required with --format xlsx");
	return 0;
}

int
cli_period(const char *cmd, const char *froms, const char *tos,
    long max_days, struct date *from, struct date *to)
{
	if (froms == NULL || date_parse(froms, strlen(froms), from) != 0)
		return cli_usage_error(cmd, "--from",
		    "expected a real date written YYYY-MM-DD");
	if (tos == NULL || date_parse(tos, strlen(tos), to) != 0)
		return cli_usage_error(cmd, "--to",
		    "expected a real date written YYYY-MM-DD");
	if (date_cmp(*to, *from) < 0)
		return cli_usage_error(cmd, "--to", "must not be before --from");
	if (max_days > 0 && date_to_days(*to) - date_to_days(*from) > max_days)
		return cli_usage_error(cmd, "--to",
		    "the period is too long (at most 3 years)");
	return 0;
}

int
cli_open_zone(const char *cmd, const char *zone, struct store **st,
    struct actor *a)
{
	int rc = cli_open(st);

	if (rc != 0)
		return rc;
	if (cli_zone_actor(*st, cmd, zone, a) != 0) {
		store_close(*st);
		return EXIT_USAGE;
	}
	a->english = 0;
	return 0;
}
