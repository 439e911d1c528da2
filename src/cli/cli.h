/*
 * The command-line face. Each command is a function taking its own argv
 * (argv[0] is the command's name) and returning the exit code:
 * 0 ok, 1 runtime error, 2 usage error. Errors go to stderr and name the
 * offending argument.
 */
#ifndef ZD_CLI_CLI_H
#define ZD_CLI_CLI_H

#include <jansson.h>

#include "api/actor.h"
#include "domain/date.h"
#include "store/store.h"

enum { EXIT_OK = 0, EXIT_RUNTIME = 1, EXIT_USAGE = 2 };

struct cli_cmd {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
};

/* The database path: --db, else $ZONEDESK_DB, else ./zonedesk.db. */
extern const char *cli_db;

/* Opens and migrates-checks the database (not creating tables). */
int cli_open(struct store **st);
/* Prints "zonedesk CMD: --flag: message" and returns EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *flag, const char *msg);
/* Prints field errors as "--field: message" lines; returns the exit code
 * for e (validation → usage, the rest → runtime). */
int cli_report(const char *cmd, enum app_err e, json_t *errs,
    struct store *st);
/* The system actor of a zone given by code; -1 with a message if none. */
int cli_zone_actor(struct store *st, const char *cmd, const char *code,
    struct actor *a);
/* Reads a password from stdin (one line) or, on a terminal, a prompt
 * without echo, asked twice. Returns a malloc'd string or NULL. */
char *cli_read_password(int from_stdin, const char *cmd);
/* A JSON value as text for tables and CSV (tmp holds numbers). */
const char *cli_cell(json_t *row, const char *key, char *tmp, size_t n);
/* Checks --format against formats (NULL-terminated) and that xlsx comes
 * with --out; EXIT_USAGE after naming the flag, else 0. */
int cli_check_format(const char *cmd, const char *format,
    const char *const *formats, const char *out);
/* --from/--to as a period: real dates, to not before from, and at most
 * max_days long when max_days > 0. EXIT_USAGE after naming the flag. */
int cli_period(const char *cmd, const char *froms, const char *tos,
    long max_days, struct date *from, struct date *to);
/* Opens the database and the zone's actor (labels in Chinese, as reports
 * are read); on failure nothing stays open and the exit code is returned. */
int cli_open_zone(const char *cmd, const char *zone, struct store **st,
    struct actor *a);
/* Writes data to path; 0 ok, -1 with errno set. */
int cli_write_file(const char *path, const char *data, size_t len);
/* A report's workbook (make builds it from rep) written to out, with the
 * message of either failure; the exit code. */
int cli_write_xlsx(const char *cmd, enum app_err (*make)(json_t *, char **,
    size_t *, char *, size_t), json_t *rep, const char *out);
/* CSV on stdout with a BOM (Excel then reads UTF-8), a header row of
 * labels, and the keys' values per row. */
void cli_print_csv(json_t *rows, const char *const *keys,
    const char *const *labels);
/* Prints rows of a JSON array as aligned columns. */
void cli_table(json_t *rows, const char *const *cols);
/* One option of a command: "--name VALUE" / "--name=VALUE", or a flag. */
struct cli_opt {
	const char *name;	/* without the leading "--" */
	const char **val;	/* set for options taking a value */
	int *flag;		/* set to 1 for flags */
};

/*
 * Parses argv[1..] against opts; --db and --help are always understood.
 * Positional arguments go to pos[0..maxpos). Returns -1 after printing the
 * usage text for --help (exit 0), EXIT_USAGE after naming an unknown or
 * incomplete argument, else 0.
 */
int cli_parse(int argc, char **argv, const char *cmd, const char *usage,
    const struct cli_opt *opts, size_t nopts, const char **pos, size_t maxpos);

int cmd_init(int, char **);
int cmd_serve(int, char **);
int cmd_user(int, char **);
int cmd_zone(int, char **);
int cmd_park(int, char **);
int cmd_org(int, char **);
int cmd_audit(int, char **);
int cmd_backup(int, char **);
int cmd_version(int, char **);
int cmd_routes(int, char **);
int cmd_demo(int, char **);
int cmd_report(int, char **);
int cmd_import(int, char **);
int cmd_briefing(int, char **);
int cmd_calendar(int, char **);
/* zonedesk report acceptance (cli/report_acceptance.c). */
int report_acceptance(int, char **);
/* zonedesk report service and zonedesk service (cli/service.c). */
int report_service(int, char **);
int cmd_service(int, char **);
/* zonedesk report mujun (cli/report_mujun.c). */
int report_mujun(int, char **);

#endif
