/* zonedesk user add|list|passwd|disable. Passwords never come from argv. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/users.h"
#include "cli/cli.h"

static const char usage[] =
    "Usage: zonedesk user add --zone CODE --username NAME --name FULLNAME\n"
    "                         --role ROLE [--org ORG_ID] [--department TEXT]\n"
    "                         [--office OFFICE_ID]\n"
    "                         [--password-stdin]\n"
    "       zonedesk user list [--zone CODE]\n"
    "       zonedesk user passwd USERNAME [--password-stdin]\n"
    "       zonedesk user disable USERNAME\n"
    "Roles: admin leader project_officer investment_officer approval_officer\n"
    "       dept_reviewer service_officer enterprise_user\n"
    "The password is read from a prompt, or one line on stdin with\n"
    "--password-stdin; never from the command line.\n";

/* The user's zone as the acting system, and the user's id. */
static int
find_user(struct store *st, const char *cmd, const char *username,
    struct actor *a, long long *id, json_t **row)
{
	if (username == NULL)
		return cli_usage_error(cmd, "USERNAME", "is required");
	if (user_by_name(st, username, row) != APP_OK) {
		fprintf(stderr, "zonedesk %s: USERNAME: no user '%s'\n", cmd,
		    username);
		return EXIT_RUNTIME;
	}
	memset(a, 0, sizeof *a);
	a->role = ROLE_ADMIN;
	a->english = 1;
	a->zone_id = json_integer_value(json_object_get(*row, "zone_id"));
	*id = json_integer_value(json_object_get(*row, "id"));
	return 0;
}

static int
user_add(struct store *st, const char *zone, const char **v, int pwstdin)
{
	static const char *const names[] = {"username", "name", "role",
	    "org_id", "department", "office_id"};
	json_t *body = json_object(), *errs = json_array(), *out;
	struct actor a;
	char *pw;
	int rc;

	if (cli_zone_actor(st, "user add", zone, &a) != 0)
		return EXIT_USAGE;
	for (int i = 0; i < 6; i++)
		if (v[i] != NULL)
			json_object_set_new(body, names[i], json_string(v[i]));
	if ((pw = cli_read_password(pwstdin, "user add")) == NULL) {
		json_decref(body);
		json_decref(errs);
		return EXIT_USAGE;
	}
	json_object_set_new(body, "password", json_string(pw));
	free(pw);
	rc = cli_report("user add", user_create(st, &a, body, errs, &out),
	    errs, st);
	if (rc == 0) {
		printf("user %s created (id %lld)\n", v[0], (long long)
		    json_integer_value(json_object_get(out, "id")));
		json_decref(out);
	}
	json_decref(body);
	json_decref(errs);
	return rc;
}

static int
user_passwd(struct store *st, const char *username, int pwstdin)
{
	json_t *row = NULL, *errs;
	struct actor a;
	long long id;
	char *pw;
	int rc;

	if ((rc = find_user(st, "user passwd", username, &a, &id, &row)))
		return rc;
	json_decref(row);
	if ((pw = cli_read_password(pwstdin, "user passwd")) == NULL)
		return EXIT_USAGE;
	errs = json_array();
	rc = cli_report("user passwd", user_set_password(st, &a, id, pw, errs),
	    errs, st);
	free(pw);
	json_decref(errs);
	if (rc == 0)
		printf("password of %s changed; their sessions ended\n",
		    username);
	return rc;
}

static int
user_disable(struct store *st, const char *username)
{
	json_t *row = NULL, *body, *errs, *out;
	struct actor a;
	long long id;
	int rc;

	if ((rc = find_user(st, "user disable", username, &a, &id, &row)))
		return rc;
	/* The same update as the API, with only "disabled" changed. */
	body = json_pack("{s:O, s:O, s:O, s:O, s:O, s:b}", "name",
	    json_object_get(row, "name"), "role", json_object_get(row, "role"),
	    "org_id", json_object_get(row, "org_id"), "department",
	    json_object_get(row, "department"), "office_id",
	    json_object_get(row, "office_id"), "disabled", 1);
	json_object_set(body, "leader_id", json_object_get(row, "leader_id"));
	errs = json_array();
	rc = cli_report("user disable", user_update(st, &a, id, body, errs,
	    &out), errs, st);
	if (rc == 0) {
		printf("user %s disabled; their sessions ended\n", username);
		json_decref(out);
	}
	json_decref(row);
	json_decref(body);
	json_decref(errs);
	return rc;
}

int
cmd_user(int argc, char **argv)
{
	const char *v[6] = {0}, *zone = NULL, *pos[2] = {0};
	int pwstdin = 0, rc;
	struct cli_opt o[] = {{"username", &v[0], NULL}, {"name", &v[1], NULL},
	    {"role", &v[2], NULL}, {"org", &v[3], NULL},
	    {"department", &v[4], NULL}, {"office", &v[5], NULL},
	    {"zone", &zone, NULL}, {"password-stdin", NULL, &pwstdin}};
	struct store *st;

	if ((rc = cli_parse(argc, argv, "user", usage, o, 8, pos, 2)))
		return rc < 0 ? EXIT_OK : rc;
	if (pos[0] == NULL) {
		fprintf(stderr, "zonedesk user: missing subcommand\n%s", usage);
		return EXIT_USAGE;
	}
	if (strcmp(pos[0], "add") == 0) {
		static const char *const req[] = {"--username", "--name",
		    "--role"};

		if (zone == NULL)
			return cli_usage_error("user add", "--zone",
			    "is required");
		for (int i = 0; i < 3; i++)
			if (v[i] == NULL)
				return cli_usage_error("user add", req[i],
				    "is required");
	} else if (strcmp(pos[0], "list") != 0 &&
	    strcmp(pos[0], "passwd") != 0 && strcmp(pos[0], "disable") != 0)
		return cli_usage_error("user", pos[0], "unknown subcommand");
	if ((rc = cli_open(&st)) != 0)
		return rc;
	if (strcmp(pos[0], "add") == 0)
		rc = user_add(st, zone, v, pwstdin);
	else if (strcmp(pos[0], "passwd") == 0)
		rc = user_passwd(st, pos[1], pwstdin);
	else if (strcmp(pos[0], "disable") == 0)
		rc = user_disable(st, pos[1]);
	else {
		static const char *const cols[] = {"id", "zone", "username",
		    "name", "role", "disabled", NULL};
		json_t *rows;

		if ((rc = cli_report("user list", store_rows(st, STMT_USER_ALL,
		    (struct store_val[]){SV_T(zone)}, 1, &rows), NULL,
		    st)) == 0) {
			cli_table(rows, cols);
			json_decref(rows);
		}
	}
	store_close(st);
	return rc;
}
