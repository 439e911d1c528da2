/*
 * zonedesk demo: a demo zone that looks like a real one — 连云港高新区 with
 * its "一区五园" parks and the 南拓区 expansion area, enterprises, a
 * contractor, an investor, the departments of joint acceptance, and one
 * user per role. All through the same create paths as the API, so the demo
 * data is validated and audited like any other.
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/handlers.h"
#include "api/resource.h"
#include "api/users.h"
#include "api/zones.h"
#include "cli/cli.h"
#include "cli/demo.h"
#include "domain/uscc.h"

static const char *const parks[][3] = {
	{"HZ", "海州工业园", "park"}, {"XP", "新浦工业园", "park"},
	{"LY", "连云工业园", "park"}, {"GY", "赣榆工业园", "park"},
	{"DH", "东海工业园", "park"}, {"NT", "南拓区", "expansion"},
};

/* name, kind, 17-character USCC prefix (the check character is computed). */
static const char *const orgs[][3] = {
	{"连云港恒瑞新材料科技有限公司", "enterprise", "91320700MA1N2K3P9"},
	{"江苏康缘医疗器械有限公司", "enterprise", "91320706MA1X8Y9Q5"},
	{"连云港智联信息技术有限公司", "enterprise", "91320705MA20RT6H4"},
	{"中建八局第三建设有限公司", "contractor", "91320100134885211"},
	{"苏州工业园区招商投资集团有限公司", "investor", "91320594MA1MCC2D6"},
	{"高新区消防救援大队", "department", NULL},
	{"高新区自然资源和规划分局", "department", NULL},
	{"高新区住房和城乡建设局", "department", NULL},
	{"高新区人防办", "department", NULL},
	{"高新区城建档案馆", "department", NULL},
};

static const char *const users[][4] = {
	{"admin", "系统管理员", "admin", NULL},
	{"leader", "王主任", "leader", NULL},
	{"project", "李专员", "project_officer", NULL},
	{"invest", "张专员", "investment_officer", NULL},
	{"approval", "陈科长", "approval_officer", NULL},
	{"fire", "刘工（消防）", "dept_reviewer", "高新区消防救援大队"},
	{"service", "赵专员", "service_officer", NULL},
	{"enterprise", "孙经理", "enterprise_user", NULL},
};

int
demo_ok(const char *what, enum app_err e, json_t *errs)
{
	if (e == APP_OK)
		return 0;
	fprintf(stderr, "zonedesk demo: %s: %s", what, app_strerror(e, 1));
	if (json_array_size(errs) > 0) {
		char *s = json_dumps(errs, JSON_COMPACT);

		fprintf(stderr, " %s", s);
		free(s);
	}
	fputc('\n', stderr);
	return -1;
}

static int
create(struct store *st, const struct actor *a, const struct resource *res,
    json_t *body, long long *id)
{
	json_t *errs = json_array(), *out = NULL;
	int rc = cli_report("demo", res_create(st, a, res, body, errs, &out),
	    errs, st);

	if (rc == 0 && id != NULL)
		*id = json_integer_value(json_object_get(out, "id"));
	json_decref(out);
	json_decref(errs);
	json_decref(body);
	return rc;
}

int
cmd_demo(int argc, char **argv)
{
	static const char usage[] =
	    "Usage: zonedesk demo [--db PATH]\n"
	    "Creates the demo zone 'demo' (连云港高新区) with parks, organisations\n"
	    "and one user per role, all with one fresh random password that is\n"
	    "printed. The database must exist (zonedesk init) and have no 'demo'\n"
	    "zone yet.\n";
	struct store *st;
	struct actor a = {.role = ROLE_ADMIN, .english = 1};
	long long zone_id, enterprise_id = 0, id;
	struct demo_refs refs = {0};
	char pw[17], code[19];
	unsigned char rnd[8];
	json_t *errs;
	int rc;

	if ((rc = cli_parse(argc, argv, "demo", usage, NULL, 0, NULL, 0)))
		return rc < 0 ? EXIT_OK : rc;
	if ((rc = cli_open(&st)) != 0)
		return rc;
	errs = json_array();
	rc = cli_report("demo", zone_create(st, "demo", "连云港高新区", errs, 1,
	    &zone_id), errs, st);
	json_decref(errs);
	if (rc != 0)
		goto out;
	a.zone_id = zone_id;
	for (size_t i = 0; i < sizeof parks / sizeof parks[0] && rc == 0; i++)
		rc = create(st, &a, &park_resource, json_pack("{s:s, s:s, s:s}",
		    "code", parks[i][0], "name", parks[i][1], "kind",
		    parks[i][2]), &refs.parks[refs.nparks++]);
	for (size_t i = 0; i < sizeof orgs / sizeof orgs[0] && rc == 0; i++) {
		json_t *b = json_pack("{s:s, s:s}", "name", orgs[i][0], "kind",
		    orgs[i][1]);

		if (orgs[i][2] != NULL) {
			if (uscc_compute(orgs[i][2], code) != 0) {
				fprintf(stderr, "zonedesk demo: bad USCC prefix "
				    "%s\n", orgs[i][2]);
				rc = EXIT_RUNTIME;
				json_decref(b);
				break;
			}
			code[18] = '\0';
			json_object_set_new(b, "uscc", json_string(code));
		}
		rc = create(st, &a, &org_resource, b, &id);
		if (enterprise_id == 0 && strcmp(orgs[i][1], "enterprise") == 0)
			enterprise_id = id;
		if (strcmp(orgs[i][1], "enterprise") == 0)
			refs.owners[refs.nowners++] = id;
		if (strcmp(orgs[i][1], "contractor") == 0)
			refs.contractor = id;
	}
	if (rc == 0) {
		struct list_query lq = {.limit = 8};
		json_t *page = NULL, *c;
		size_t i;

		if (res_list(st, &a, &chain_resource, &lq, &page) == APP_OK)
			json_array_foreach(json_object_get(page, "items"), i, c)
				refs.chains[refs.nchains++] = json_integer_value(
				    json_object_get(c, "id"));
		json_decref(page);
		page = NULL;
		if (res_list(st, &a, &region_resource, &lq, &page) == APP_OK)
			json_array_foreach(json_object_get(page, "items"), i, c)
				refs.regions[refs.nregions++] =
				    json_integer_value(json_object_get(c, "id"));
		json_decref(page);
		if (store_begin(st) != APP_OK || demo_projects(st, &a,
		    &refs) != 0 || store_commit(st) != APP_OK) {
			store_rollback(st);
			rc = EXIT_RUNTIME;
		}
	}
	randombytes_buf(rnd, sizeof rnd);
	sodium_bin2hex(pw, sizeof pw, rnd, sizeof rnd);
	for (size_t i = 0; i < sizeof users / sizeof users[0] && rc == 0; i++) {
		json_t *b = json_pack("{s:s, s:s, s:s, s:s}", "username",
		    users[i][0], "name", users[i][1], "role", users[i][2],
		    "password", pw), *out = NULL;

		if (strcmp(users[i][2], "enterprise_user") == 0)
			json_object_set_new(b, "org_id",
			    json_integer(enterprise_id));
		if (users[i][3] != NULL)
			json_object_set_new(b, "department",
			    json_string(users[i][3]));
		errs = json_array();
		rc = cli_report("demo", user_create(st, &a, b, errs, &out),
		    errs, st);
		json_decref(out);
		json_decref(errs);
		json_decref(b);
	}
	if (rc == 0) {
		json_t *inv = NULL;

		if (user_by_name(st, "invest", &inv) != APP_OK ||
		    store_begin(st) != APP_OK ||
		    demo_leads(st, &a, json_integer_value(json_object_get(inv,
		    "id")), &refs) != 0 || store_commit(st) != APP_OK) {
			store_rollback(st);
			rc = EXIT_RUNTIME;
		}
		json_decref(inv);
	}
	if (rc == 0 && (store_begin(st) != APP_OK || demo_acceptance(st, &a,
	    pw, &refs) != 0 || demo_thread(st, &a) != 0 ||
	    demo_service(st, &a, pw, &refs) != 0 ||
	    demo_mujun(st, &a, &refs) != 0 || store_commit(st) != APP_OK)) {
		store_rollback(st);
		rc = EXIT_RUNTIME;
	}
	if (rc == 0) {
		printf("demo zone 'demo' (连云港高新区) created\n");
		printf("users: admin leader project invest approval fire "
		    "service service2 service3 enterprise\n");
		printf("acceptance reviewers: planning quality fire airdef "
		    "archives survey\n");
		printf("password for every demo user: %s\n", pw);
	}
out:
	store_close(st);
	return rc;
}
