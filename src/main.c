/* zonedesk: command dispatch. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/secret.h"

static const struct cli_cmd cmds[] = {
	{"init", cmd_init, "create the database or migrate it"},
	{"serve", cmd_serve, "serve the web app and the API"},
	{"user", cmd_user, "add, list, disable users; set passwords"},
	{"zone", cmd_zone, "add and list zones"},
	{"park", cmd_park, "add and list parks of a zone"},
	{"org", cmd_org, "add and list organisations of a zone"},
	{"audit", cmd_audit, "print the audit trail"},
	{"briefing", cmd_briefing, "the work briefing (工作简报)"},
	{"import", cmd_import, "import spreadsheets: projects, leads, mujun"},
	{"calendar", cmd_calendar, "working-day calendar: import, show"},
	{"report", cmd_report, "reports: kaifugong (开复工), investment, acceptance, service, mujun"},
	{"service", cmd_service, "enterprise service: escalate late requests"},
	{"backup", cmd_backup, "copy the database while it is in use"},
	{"demo", cmd_demo, "create the demo zone with sample data"},
	{"routes", cmd_routes, "print the HTTP route table"},
	{"version", cmd_version, "print the version"},
};

static void
help(FILE *f)
{
	fputs("Usage: zonedesk [--db PATH] <command> [options]\n\n"
	    "zonedesk — the operations desk of a development zone "
	    "(高新区管委会).\n\nCommands:\n", f);
	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
		fprintf(f, "  %-9s %s\n", cmds[i].name, cmds[i].summary);
	fputs("\n'zonedesk <command> --help' describes a command.\n"
	    "The database is --db PATH, else $ZONEDESK_DB, else ./zonedesk.db.\n",
	    f);
}

int
main(int argc, char **argv)
{
	int i = 1;

	/* --db may come before the command too. */
	while (i < argc && strncmp(argv[i], "--db", 4) == 0) {
		if (argv[i][4] == '=')
			cli_db = argv[i] + 5;
		else if (argv[i][4] == '\0' && i + 1 < argc)
			cli_db = argv[++i];
		else
			break;
		i++;
	}
	if (i >= argc) {
		help(stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0 ||
	    strcmp(argv[i], "help") == 0) {
		help(stdout);
		return EXIT_OK;
	}
	if (strcmp(argv[i], "--version") == 0)
		return cmd_version(1, argv + i);
	for (size_t k = 0; k < sizeof cmds / sizeof cmds[0]; k++)
		if (strcmp(argv[i], cmds[k].name) == 0) {
			if (secret_init() != 0) {
				fputs("zonedesk: libsodium failed to start\n",
				    stderr);
				return EXIT_RUNTIME;
			}
			return cmds[k].run(argc - i, argv + i);
		}
	fprintf(stderr, "zonedesk: unknown command '%s'\n", argv[i]);
	help(stderr);
	return EXIT_USAGE;
}
