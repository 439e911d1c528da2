/* The permission table. One row per role; a bit per permission. */
#include <string.h>

#include "domain/perm.h"

/* One bit per permission; the assert below keeps the table honest. */
#define B(p) (1ull << (p))
_Static_assert(PERM__MAX <= 64, "permissions no longer fit the bit set");
#define READ_BASE (B(PERM_ZONE_READ) | B(PERM_PARK_READ) | B(PERM_CHAIN_READ))
#define ORG_RW (B(PERM_ORG_READ) | B(PERM_ORG_WRITE))
/* Joint acceptance: officers steer every case (reviews need a reviewer). */
#define ACC_ALL (B(PERM_ACC_READ) | B(PERM_ACC_APPLY) | B(PERM_ACC_MANAGE))
#define SERVICE_ALL (B(PERM_SERVICE_READ) | B(PERM_SERVICE_WRITE) | \
	B(PERM_SERVICE_MANAGE) | B(PERM_SERVICE_REPORT) | B(PERM_MUJUN_READ) | \
	B(PERM_MUJUN_WRITE) | B(PERM_SERVICE_ALL))
#define PROJECT_RW (B(PERM_PROJECT_READ) | B(PERM_PROJECT_WRITE) | \
	B(PERM_PROGRESS_WRITE))

static const struct {
	const char *zh, *en;
	unsigned long long perms;
} roles[ROLE__MAX] = {
	[ROLE_ADMIN] = {"系统管理员", "Administrator",
	    READ_BASE | B(PERM_ZONE_WRITE) | B(PERM_PARK_WRITE) |
	    B(PERM_CHAIN_WRITE) | ORG_RW | B(PERM_USER_READ) |
	    B(PERM_USER_WRITE) | B(PERM_AUDIT_READ) | B(PERM_SETTINGS_WRITE) |
	    PROJECT_RW | B(PERM_LEAD_READ) | B(PERM_LEAD_WRITE_ALL) |
	    B(PERM_LEAD_WRITE_OWN) | B(PERM_INVEST_WRITE) |
	    B(PERM_CALENDAR_WRITE) | ACC_ALL | B(PERM_BRIEFING_READ) |
	    B(PERM_ACC_QUEUE) | B(PERM_ACC_REPORT) | SERVICE_ALL},
	[ROLE_LEADER] = {"领导", "Leader",
	    READ_BASE | B(PERM_ORG_READ) | B(PERM_PROJECT_READ) |
	    B(PERM_LEAD_READ) | B(PERM_ACC_READ) | B(PERM_BRIEFING_READ) |
	    B(PERM_ACC_QUEUE) | B(PERM_ACC_REPORT) | B(PERM_SERVICE_READ) |
	    B(PERM_SERVICE_REPORT) | B(PERM_MUJUN_READ) | B(PERM_SERVICE_ALL)},
	[ROLE_PROJECT_OFFICER] = {"项目专员", "Project officer",
	    READ_BASE | ORG_RW | PROJECT_RW},
	[ROLE_INVESTMENT_OFFICER] = {"招商专员",
	    "Investment officer", READ_BASE | ORG_RW | B(PERM_PROJECT_READ) |
	    B(PERM_LEAD_READ) | B(PERM_LEAD_WRITE_OWN) | B(PERM_INVEST_WRITE)},
	[ROLE_APPROVAL_OFFICER] = {"审批专员",
	    "Approval officer", READ_BASE | ORG_RW | B(PERM_PROJECT_READ) |
	    ACC_ALL | B(PERM_ACC_QUEUE) | B(PERM_ACC_REPORT)},
	[ROLE_DEPT_REVIEWER] = {"部门审查人员",
	    "Department reviewer", READ_BASE | B(PERM_ORG_READ) |
	    B(PERM_ACC_READ) | B(PERM_ACC_REVIEW) | B(PERM_ACC_QUEUE)},
	[ROLE_SERVICE_OFFICER] = {"服务专员",
	    "Service officer", READ_BASE | ORG_RW | B(PERM_PROJECT_READ) |
	    B(PERM_SERVICE_READ) | B(PERM_SERVICE_WRITE) |
	    B(PERM_SERVICE_REPORT) | B(PERM_MUJUN_READ)},
	[ROLE_ENTERPRISE_USER] = {"企业用户",
	    "Enterprise user", READ_BASE | B(PERM_ORG_READ_OWN) |
	    B(PERM_PROJECT_READ_OWN) | B(PERM_PROGRESS_WRITE_OWN) |
	    B(PERM_ACC_READ) | B(PERM_ACC_APPLY) | B(PERM_SERVICE_OWN)},
};

const char *const role_names[ROLE__MAX + 1] = {
	"admin", "leader", "project_officer", "investment_officer",
	"approval_officer", "dept_reviewer", "service_officer",
	"enterprise_user", NULL,
};

static const char *const perm_names[PERM__MAX] = {
	[PERM_ZONE_READ] = "zone.read", [PERM_ZONE_WRITE] = "zone.write",
	[PERM_PARK_READ] = "park.read", [PERM_PARK_WRITE] = "park.write",
	[PERM_CHAIN_READ] = "chain.read", [PERM_CHAIN_WRITE] = "chain.write",
	[PERM_ORG_READ] = "org.read", [PERM_ORG_WRITE] = "org.write",
	[PERM_USER_READ] = "user.read", [PERM_USER_WRITE] = "user.write",
	[PERM_AUDIT_READ] = "audit.read", [PERM_ORG_READ_OWN] = "org.read_own",
	[PERM_SETTINGS_WRITE] = "settings.write",
	[PERM_PROJECT_READ] = "project.read", [PERM_PROJECT_WRITE] = "project.write",
	[PERM_PROJECT_READ_OWN] = "project.read_own",
	[PERM_PROGRESS_WRITE] = "progress.write",
	[PERM_PROGRESS_WRITE_OWN] = "progress.write_own",
	[PERM_LEAD_READ] = "lead.read", [PERM_LEAD_WRITE_ALL] = "lead.write",
	[PERM_LEAD_WRITE_OWN] = "lead.write_own",
	[PERM_INVEST_WRITE] = "invest.write",
	[PERM_CALENDAR_WRITE] = "calendar.write",
	[PERM_ACC_READ] = "acceptance.read",
	[PERM_ACC_APPLY] = "acceptance.apply",
	[PERM_ACC_REVIEW] = "acceptance.review",
	[PERM_ACC_MANAGE] = "acceptance.manage",
	[PERM_BRIEFING_READ] = "briefing.read",
	[PERM_ACC_QUEUE] = "acceptance_queue.read",
	[PERM_ACC_REPORT] = "acceptance_report.read",
	[PERM_SERVICE_READ] = "service.read",
	[PERM_SERVICE_WRITE] = "service.write",
	[PERM_SERVICE_MANAGE] = "service.manage",
	[PERM_SERVICE_OWN] = "request.write_own",
	[PERM_SERVICE_REPORT] = "service_report.read",
	[PERM_MUJUN_READ] = "mujun.read",
	[PERM_MUJUN_WRITE] = "mujun.write",
	[PERM_SERVICE_ALL] = "service_all.read",
};

int
role_parse(const char *s, enum role *out)
{
	for (int r = 0; r < ROLE__MAX; r++)
		if (s != NULL && strcmp(s, role_names[r]) == 0) {
			*out = (enum role)r;
			return 0;
		}
	return -1;
}

const char *
role_name(enum role r)
{
	return (unsigned)r < ROLE__MAX ? role_names[r] : "unknown";
}

const char *
role_label(enum role r, int english)
{
	if ((unsigned)r >= ROLE__MAX)
		return "?";
	return english ? roles[r].en : roles[r].zh;
}

int
perm_allows(enum role r, enum perm p)
{
	if ((unsigned)r >= ROLE__MAX || (unsigned)p >= PERM__MAX)
		return 0;
	return p == PERM_NONE || (roles[r].perms & B(p)) != 0;
}

const char *
perm_name(enum perm p)
{
	return (unsigned)p < PERM__MAX ? perm_names[p] : NULL;
}
