/*
 * Unit tests of domain/perm: the whole role × permission table against the
 * domain rules, role names and labels, and out-of-range inputs.
 *
 * The table is written out by permission name, so a change to
 * src/domain/perm.c (a new permission, a role gaining or losing one) fails
 * test_full_table and must be made here too, deliberately. The other tests
 * are rules that hold whatever permissions are added.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "domain/perm.h"

/* Every permission each role has, besides PERM_NONE. */
static const char *const expected[ROLE__MAX] = {
	[ROLE_ADMIN] = "zone.read zone.write park.read park.write chain.read"
	    " chain.write org.read org.write user.read user.write audit.read"
	    " settings.write project.read project.write progress.write"
	    " lead.read lead.write lead.write_own invest.write calendar.write"
	    " acceptance.read acceptance.apply acceptance.manage briefing.read"
	    " acceptance_queue.read acceptance_report.read service.read"
	    " service.write service.manage service_report.read mujun.read"
	    " mujun.write service_all.read",
	[ROLE_LEADER] = "zone.read park.read chain.read org.read project.read"
	    " lead.read acceptance.read briefing.read acceptance_queue.read"
	    " acceptance_report.read service.read service_report.read"
	    " mujun.read service_all.read",
	[ROLE_PROJECT_OFFICER] = "zone.read park.read chain.read org.read"
	    " org.write project.read project.write progress.write",
	[ROLE_INVESTMENT_OFFICER] = "zone.read park.read chain.read org.read"
	    " org.write project.read lead.read lead.write_own invest.write",
	[ROLE_APPROVAL_OFFICER] = "zone.read park.read chain.read org.read"
	    " org.write project.read acceptance.read acceptance.apply"
	    " acceptance.manage acceptance_queue.read acceptance_report.read",
	[ROLE_DEPT_REVIEWER] = "zone.read park.read chain.read org.read"
	    " acceptance.read acceptance.review acceptance_queue.read",
	[ROLE_SERVICE_OFFICER] = "zone.read park.read chain.read org.read"
	    " org.write project.read service.read service.write"
	    " service_report.read mujun.read",
	[ROLE_ENTERPRISE_USER] = "zone.read park.read chain.read org.read_own"
	    " project.read_own progress.write_own acceptance.read"
	    " acceptance.apply request.write_own",
};

/* Whether the space-separated list has the word w. */
static int
listed(const char *list, const char *w)
{
	size_t n = strlen(w);

	for (const char *p = list; (p = strstr(p, w)) != NULL; p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return 1;
	return 0;
}

static int
has(enum role r, const char *name)
{
	for (int p = 1; p < PERM__MAX; p++)
		if (strcmp(perm_name((enum perm)p), name) == 0)
			return perm_allows(r, (enum perm)p);
	fail_msg("no permission named %s", name);
	return 0;
}

static int
ends_with(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);

	return n >= m && strcmp(s + n - m, suf) == 0;
}

/* Reads end in ".read" or ".read_own"; everything else changes data. */
static int
is_read(enum perm p)
{
	return ends_with(perm_name(p), ".read") ||
	    ends_with(perm_name(p), ".read_own");
}

/* Permissions limited to the caller organisation's own records (an
 * enterprise user's); lead.write_own is an officer's, not one of these. */
static int
is_ent_own(enum perm p)
{
	return p == PERM_ORG_READ_OWN || p == PERM_PROJECT_READ_OWN ||
	    p == PERM_PROGRESS_WRITE_OWN || p == PERM_SERVICE_OWN;
}

static void
test_names_well_formed(void **state)
{
	(void)state;
	/* perm.c keeps a role's permissions as bits of a 64-bit set. */
	assert_true(PERM__MAX <= 64);
	assert_null(perm_name(PERM_NONE));
	for (int p = 1; p < PERM__MAX; p++) {
		const char *n = perm_name((enum perm)p), *dot;

		assert_non_null(n);
		dot = strchr(n, '.');
		assert_non_null(dot);
		assert_true(dot > n && dot[1] != '\0');
		assert_null(strchr(dot + 1, '.'));
		for (const char *c = n; *c; c++)
			assert_true((*c >= 'a' && *c <= 'z') || *c == '.' ||
			    *c == '_');
		for (int q = 1; q < p; q++)
			assert_string_not_equal(n, perm_name((enum perm)q));
	}
	assert_string_equal(perm_name(PERM_ZONE_READ), "zone.read");
	assert_string_equal(perm_name(PERM_ORG_READ_OWN), "org.read_own");
	assert_string_equal(perm_name(PERM_USER_WRITE), "user.write");
	assert_string_equal(perm_name(PERM_AUDIT_READ), "audit.read");
}

static void
test_full_table(void **state)
{
	char copy[512], *save;

	(void)state;
	for (int r = 0; r < ROLE__MAX; r++) {
		for (int p = 1; p < PERM__MAX; p++) {
			const char *n = perm_name((enum perm)p);
			int want = listed(expected[r], n);

			if (perm_allows((enum role)r, (enum perm)p) != want)
				fail_msg("%s %s %s", role_name((enum role)r),
				    want ? "lacks" : "has unexpected", n);
		}
		/* Every expected name exists. */
		save = NULL;
		snprintf(copy, sizeof copy, "%s", expected[r]);
		for (char *w = strtok_r(copy, " ", &save); w != NULL;
		    w = strtok_r(NULL, " ", &save))
			assert_true(has((enum role)r, w));
	}
}

static void
test_everyone_has_none(void **state)
{
	(void)state;
	for (int r = 0; r < ROLE__MAX; r++)
		assert_int_equal(perm_allows((enum role)r, PERM_NONE), 1);
}

static void
test_admin(void **state)
{
	(void)state;
	/*
	 * Everything but the enterprise "own" permissions and a department's
	 * review decision, which only the department's reviewers make.
	 */
	assert_true(perm_allows(ROLE_ADMIN, PERM_NONE));
	for (int p = 1; p < PERM__MAX; p++)
		assert_int_equal(perm_allows(ROLE_ADMIN, (enum perm)p),
		    !is_ent_own((enum perm)p) &&
		    strcmp(perm_name((enum perm)p), "acceptance.review") != 0);
	assert_false(perm_allows(ROLE_ADMIN, PERM_ORG_READ_OWN));
}

static void
test_leader_reads_only(void **state)
{
	(void)state;
	for (int p = 1; p < PERM__MAX; p++)
		if (!is_read((enum perm)p) &&
		    perm_allows(ROLE_LEADER, (enum perm)p))
			fail_msg("leader may %s", perm_name((enum perm)p));
	/* … and reads the zone's records, but not users or the audit. */
	assert_true(perm_allows(ROLE_LEADER, PERM_ZONE_READ));
	assert_true(perm_allows(ROLE_LEADER, PERM_PARK_READ));
	assert_true(perm_allows(ROLE_LEADER, PERM_CHAIN_READ));
	assert_true(perm_allows(ROLE_LEADER, PERM_ORG_READ));
	assert_true(perm_allows(ROLE_LEADER, PERM_PROJECT_READ));
	assert_true(perm_allows(ROLE_LEADER, PERM_LEAD_READ));
	assert_false(perm_allows(ROLE_LEADER, PERM_USER_READ));
	assert_false(perm_allows(ROLE_LEADER, PERM_AUDIT_READ));
}

static void
test_enterprise_user(void **state)
{
	(void)state;
	/* Beyond zone, park and chain reads and its own records, only the
	 * acceptance cases it applies for (scoped to it by the handlers). */
	for (int p = 1; p < PERM__MAX; p++) {
		const char *n = perm_name((enum perm)p);
		int want = p == PERM_ZONE_READ || p == PERM_PARK_READ ||
		    p == PERM_CHAIN_READ || is_ent_own((enum perm)p) ||
		    strcmp(n, "acceptance.read") == 0 ||
		    strcmp(n, "acceptance.apply") == 0;

		if (perm_allows(ROLE_ENTERPRISE_USER, (enum perm)p) != want)
			fail_msg("enterprise_user %s %s", want ? "lacks" :
			    "has", n);
	}
	assert_false(perm_allows(ROLE_ENTERPRISE_USER, PERM_ORG_READ));
	assert_false(perm_allows(ROLE_ENTERPRISE_USER, PERM_PROJECT_READ));
}

static void
test_admin_only(void **state)
{
	static const enum perm admin_only[] = {PERM_USER_READ, PERM_USER_WRITE,
	    PERM_AUDIT_READ, PERM_ZONE_WRITE, PERM_PARK_WRITE,
	    PERM_CHAIN_WRITE, PERM_SETTINGS_WRITE, PERM_LEAD_WRITE_ALL,
	    PERM_CALENDAR_WRITE};

	(void)state;
	for (size_t i = 0; i < sizeof admin_only / sizeof admin_only[0]; i++)
		for (int r = 0; r < ROLE__MAX; r++)
			assert_int_equal(perm_allows((enum role)r,
			    admin_only[i]), r == ROLE_ADMIN);
	/* Only the enterprise user has the enterprise "own" permissions. */
	for (int p = 0; p < PERM__MAX; p++)
		if (is_ent_own((enum perm)p))
			for (int r = 0; r < ROLE__MAX; r++)
				assert_int_equal(perm_allows((enum role)r,
				    (enum perm)p), r == ROLE_ENTERPRISE_USER);
}

static void
test_consistency(void **state)
{
	char other[64];

	(void)state;
	for (int r = 0; r < ROLE__MAX; r++) {
		/* Every role sees zones, parks and chains. */
		assert_true(perm_allows((enum role)r, PERM_ZONE_READ));
		assert_true(perm_allows((enum role)r, PERM_PARK_READ));
		assert_true(perm_allows((enum role)r, PERM_CHAIN_READ));
		for (int p = 1; p < PERM__MAX; p++) {
			const char *n = perm_name((enum perm)p);
			size_t area = (size_t)(strchr(n, '.') - n);

			if (!perm_allows((enum role)r, (enum perm)p))
				continue;
			/* Whoever may write a thing may read it: x.write,
			 * x.write_own → x.read (when there is one). */
			if (strncmp(n + area, ".write", 6) == 0) {
				snprintf(other, sizeof other, "%.*s.read",
				    (int)area, n);
				for (int q = 1; q < PERM__MAX; q++)
					if (strcmp(perm_name((enum perm)q),
					    other) == 0 &&
					    !perm_allows((enum role)r,
					    (enum perm)q))
						fail_msg("%s has %s, not %s",
						    role_name((enum role)r), n,
						    other);
			}
			/* An x.read_own only where x.read is missing */
			if (ends_with(n, ".read_own")) {
				snprintf(other, sizeof other, "%.*s.read",
				    (int)area, n);
				if (has((enum role)r, other))
					fail_msg("%s has both %s and %s",
					    role_name((enum role)r), n, other);
			}
		}
		if (perm_allows((enum role)r, PERM_PROJECT_WRITE))
			assert_true(perm_allows((enum role)r,
			    PERM_PROGRESS_WRITE));
	}
}

static void
test_role_names(void **state)
{
	static const char *const names[ROLE__MAX] = {"admin", "leader",
	    "project_officer", "investment_officer", "approval_officer",
	    "dept_reviewer", "service_officer", "enterprise_user"};

	(void)state;
	for (int r = 0; r < ROLE__MAX; r++) {
		enum role got = ROLE__MAX;

		assert_string_equal(role_name((enum role)r), names[r]);
		assert_string_equal(role_names[r], names[r]);
		assert_int_equal(role_parse(names[r], &got), 0);
		assert_int_equal(got, r);
		assert_int_equal(role_parse(role_name((enum role)r), &got), 0);
		assert_int_equal(got, r);
	}
	assert_null(role_names[ROLE__MAX]);
}

static void
test_role_parse_rejects(void **state)
{
	static const char *const bad[] = {"", "Admin", "ADMIN", "admin ",
	    " admin", "adm", "administrator", "unknown", "管理员",
	    "enterprise-user", "enterprise_user\n", NULL};
	enum role got = ROLE_LEADER;

	(void)state;
	for (int i = 0; bad[i] != NULL; i++)
		assert_int_equal(role_parse(bad[i], &got), -1);
	assert_int_equal(role_parse(NULL, &got), -1);
	assert_int_equal(got, ROLE_LEADER);	/* untouched */
}

static void
test_role_labels(void **state)
{
	static const char *const zh[ROLE__MAX] = {"系统管理员", "领导",
	    "项目专员", "招商专员", "审批专员", "部门审查人员", "服务专员",
	    "企业用户"};
	static const char *const en[ROLE__MAX] = {"Administrator", "Leader",
	    "Project officer", "Investment officer", "Approval officer",
	    "Department reviewer", "Service officer", "Enterprise user"};

	(void)state;
	for (int r = 0; r < ROLE__MAX; r++) {
		assert_string_equal(role_label((enum role)r, 0), zh[r]);
		assert_string_equal(role_label((enum role)r, 1), en[r]);
		/* any non-zero is English */
		assert_string_equal(role_label((enum role)r, 7), en[r]);
	}
}

static void
test_out_of_range(void **state)
{
	(void)state;
	assert_string_equal(role_name(ROLE__MAX), "unknown");
	assert_string_equal(role_name((enum role)-1), "unknown");
	assert_string_equal(role_name((enum role)1000), "unknown");
	assert_string_equal(role_label(ROLE__MAX, 0), "?");
	assert_string_equal(role_label((enum role)-1, 1), "?");
	assert_null(perm_name(PERM__MAX));
	assert_null(perm_name((enum perm)-1));
	for (int p = 0; p <= PERM__MAX; p++) {
		assert_false(perm_allows(ROLE__MAX, (enum perm)p));
		assert_false(perm_allows((enum role)-1, (enum perm)p));
		assert_false(perm_allows((enum role)99, (enum perm)p));
	}
	for (int r = 0; r < ROLE__MAX; r++) {
		assert_false(perm_allows((enum role)r, PERM__MAX));
		assert_false(perm_allows((enum role)r, (enum perm)-1));
		assert_false(perm_allows((enum role)r, PERM__MAX + 1));
		assert_false(perm_allows((enum role)r, (enum perm)64));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names_well_formed),
		cmocka_unit_test(test_full_table),
		cmocka_unit_test(test_everyone_has_none),
		cmocka_unit_test(test_admin),
		cmocka_unit_test(test_leader_reads_only),
		cmocka_unit_test(test_enterprise_user),
		cmocka_unit_test(test_admin_only),
		cmocka_unit_test(test_consistency),
		cmocka_unit_test(test_role_names),
		cmocka_unit_test(test_role_parse_rejects),
		cmocka_unit_test(test_role_labels),
		cmocka_unit_test(test_out_of_range),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
