/* Database commands: init (create or migrate), backup, and facts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "http/router.h"
#include "version.h"

int
cmd_init(int argc, char **argv)
{
	static const char usage[] =
	    "Usage: zonedesk init [--db PATH]\n"
	    "Creates the database, or applies pending migrations to it.\n"
	    "PATH defaults to $ZONEDESK_DB, else ./zonedesk.db.\n";
	struct store *st;
	int rc, from, to;
	enum app_err e;

	if ((rc = cli_parse(argc, argv, "init", usage, NULL, 0, NULL, 0)))
		return rc < 0 ? EXIT_OK : rc;
	if (cli_db == NULL)
		cli_db = getenv("ZONEDESK_DB");
	if (cli_db == NULL || *cli_db == '\0')
		cli_db = "zonedesk.db";
	if (store_open(cli_db, &st) != APP_OK) {
		fprintf(stderr, "zonedesk init: --db: cannot open %s\n", cli_db);
		return EXIT_RUNTIME;
	}
	e = store_migrate(st, &from, &to);
	if (e != APP_OK) {
		fprintf(stderr, "zonedesk init: %s: %s\n", cli_db,
		    store_errmsg(st));
		store_close(st);
		return EXIT_RUNTIME;
	}
	if (from == to)
		printf("%s: schema version %d, up to date\n", cli_db, to);
	else
		printf("%s: schema version %d -> %d\n", cli_db, from, to);
	store_close(st);
	return EXIT_OK;
}

int
cmd_backup(int argc, char **argv)
{
	static const char usage[] =
	    "Usage: zonedesk backup --to FILE [--db PATH]\n"
	    "Copies the database to FILE with SQLite's online backup: the copy\n"
	    "is consistent even while the server writes. FILE must not exist.\n";
	const char *to = NULL;
	struct cli_opt o[] = {{"to", &to, NULL}};
	struct store *st;
	int rc;

	if ((rc = cli_parse(argc, argv, "backup", usage, o, 1, NULL, 0)))
		return rc < 0 ? EXIT_OK : rc;
	if (to == NULL)
		return cli_usage_error("backup", "--to", "is required");
	if (access(to, F_OK) == 0)
		return cli_usage_error("backup", "--to", "file exists; "
		    "choose a new name");
	if ((rc = cli_open(&st)) != 0)
		return rc;
	if (store_backup(st, to) != APP_OK) {
		fprintf(stderr, "zonedesk backup: --to: %s\n", store_errmsg(st));
		store_close(st);
		unlink(to);
		return EXIT_RUNTIME;
	}
	store_close(st);
	printf("backup written to %s\n", to);
	return EXIT_OK;
}

int
cmd_version(int argc, char **argv)
{
	static const char usage[] = "Usage: zonedesk version\n"
	    "Prints the program version and the schema version it uses.\n";
	int rc = cli_parse(argc, argv, "version", usage, NULL, 0, NULL, 0);

	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	printf("zonedesk %s (schema %d)\n", ZONEDESK_VERSION,
	    store_schema_latest());
	return EXIT_OK;
}

int
cmd_routes(int argc, char **argv)
{
	static const char usage[] = "Usage: zonedesk routes\n"
	    "Prints the HTTP route table, one 'METHOD PATH' per line.\n";
	int rc = cli_parse(argc, argv, "routes", usage, NULL, 0, NULL, 0);

	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	for (size_t i = 0; i < routes_count; i++)
		printf("%s %s\n", routes[i].method, routes[i].pattern);
	return EXIT_OK;
}
