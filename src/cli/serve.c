/* zonedesk serve: migrate, then run the HTTP server. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api/service.h"
#include "api/validate.h"
#include "cli/cli.h"
#include "domain/secret.h"
#include "http/server.h"
#include "util/log.h"

/* web/ beside the binary's build directory, else ./web. */
static const char *
default_web(char *out, size_t n)
{
	char exe[PATH_MAX];
	ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
	char *slash;

	if (len > 0) {
		exe[len] = '\0';
		for (int up = 0; up < 3; up++) {
			if ((slash = strrchr(exe, '/')) == NULL)
				break;
			*slash = '\0';
			if ((size_t)snprintf(out, n, "%s/web/index.html", exe) <
			    n && access(out, R_OK) == 0) {
				out[strlen(out) - strlen("/index.html")] = '\0';
				return out;
			}
		}
	}
	return "web";
}

/* Late enterprise requests go to the officers' leaders without anyone
 * having to run `zonedesk service escalate`. */
static void
escalate_all(const char *db)
{
	struct store *st;
	json_t *zones = NULL, *z, *out;
	size_t i;

	if (store_open(db, &st) != APP_OK) {
		log_warn("serve: escalation: cannot open %s", db);
		return;
	}
	if (store_rows(st, STMT_ZONE_ALL, NULL, 0, &zones) == APP_OK)
		json_array_foreach(zones, i, z) {
			struct actor a = {.zone_id = json_integer_value(
			    json_object_get(z, "id")), .role = ROLE_ADMIN};

			if (svc_escalate(st, &a, date_today_cn(), &out) != APP_OK) {
				log_warn("serve: escalation in zone %lld: %s",
				    a.zone_id, store_errmsg(st));
				continue;
			}
			if (json_array_size(json_object_get(out, "escalated")))
				log_info("serve: escalated %zu late request(s) in "
				    "zone %lld", json_array_size(json_object_get(out,
				    "escalated")), a.zone_id);
			json_decref(out);
		}
	json_decref(zones);
	store_close(st);
}

int
cmd_serve(int argc, char **argv)
{
	static const char usage[] =
	    "Usage: zonedesk serve [--db PATH] [--listen HOST:PORT] [--web DIR]\n"
	    "                      [--threads N] [--quiet]\n"
	    "Serves the API under /api and the web app from DIR.\n"
	    "  --listen   address to listen on (default 127.0.0.1:8080; port 0: any)\n"
	    "  --web      static files (default: web/ of the source tree)\n"
	    "  --threads  worker threads (default: number of CPUs, at least 2)\n"
	    "  --quiet    no access log lines\n"
	    "Applies pending migrations at start; refuses a newer database.\n"
	    "SIGTERM or SIGINT stop it after the requests in flight finish.\n";
	const char *listen = "127.0.0.1:8080", *web = NULL, *threads = NULL;
	int quiet = 0, rc, from, to;
	struct cli_opt o[] = {{"listen", &listen, NULL}, {"web", &web, NULL},
	    {"threads", &threads, NULL}, {"quiet", NULL, &quiet}};
	struct server_opts so = {0};
	char host[64], webbuf[PATH_MAX];
	const char *colon;
	long long port, nthreads;
	struct store *st;

	if ((rc = cli_parse(argc, argv, "serve", usage, o, 4, NULL, 0)))
		return rc < 0 ? EXIT_OK : rc;
	colon = strrchr(listen, ':');
	if (colon == NULL || colon == listen ||
	    (size_t)(colon - listen) >= sizeof host ||
	    parse_ll(colon + 1, &port) != 0 || port < 0 || port > 65535)
		return cli_usage_error("serve", "--listen",
		    "expected HOST:PORT, e.g. 127.0.0.1:8080");
	snprintf(host, sizeof host, "%.*s", (int)(colon - listen), listen);
	nthreads = sysconf(_SC_NPROCESSORS_ONLN);
	if (nthreads < 2)
		nthreads = 2;
	if (threads != NULL && (parse_ll(threads, &nthreads) != 0 ||
	    nthreads < 1 || nthreads > 256))
		return cli_usage_error("serve", "--threads",
		    "expected a number from 1 to 256");
	if (web == NULL)
		web = default_web(webbuf, sizeof webbuf);
	if (cli_db == NULL)
		cli_db = getenv("ZONEDESK_DB");
	if (cli_db == NULL || *cli_db == '\0')
		cli_db = "zonedesk.db";
	if (access(cli_db, F_OK) != 0) {
		fprintf(stderr, "zonedesk serve: --db: %s does not exist; "
		    "create it with 'zonedesk init --db %s'\n", cli_db, cli_db);
		return EXIT_RUNTIME;
	}
	if (store_open(cli_db, &st) != APP_OK)
		return EXIT_RUNTIME;
	if (store_migrate(st, &from, &to) != APP_OK) {
		fprintf(stderr, "zonedesk serve: %s: %s\n", cli_db,
		    store_errmsg(st));
		store_close(st);
		return EXIT_RUNTIME;
	}
	store_close(st);
	if (from != to)
		log_info("serve: migrated %s from schema %d to %d", cli_db,
		    from, to);
	so.db = cli_db;
	so.host = host;
	so.port = (unsigned short)port;
	so.web = web;
	so.threads = (unsigned)nthreads;
	so.access_log = !quiet;
	so.hourly = escalate_all;
	return server_run(&so);
}
