/*
 * Roles of domain.md and the one permission table that decides what each may
 * do. The HTTP dispatcher consults it before any handler runs; pages only
 * mirror it (GET /api/me lists the permissions) and are never trusted.
 */
#ifndef ZD_DOMAIN_PERM_H
#define ZD_DOMAIN_PERM_H

enum role {
	ROLE_ADMIN,
	ROLE_LEADER,
	ROLE_PROJECT_OFFICER,
	ROLE_INVESTMENT_OFFICER,
	ROLE_APPROVAL_OFFICER,
	ROLE_DEPT_REVIEWER,
	ROLE_SERVICE_OFFICER,
	ROLE_ENTERPRISE_USER,
	ROLE__MAX
};

enum perm {
	PERM_NONE,		/* any logged-in user */
	PERM_ZONE_READ,
	PERM_ZONE_WRITE,
	PERM_PARK_READ,
	PERM_PARK_WRITE,
	PERM_CHAIN_READ,
	PERM_CHAIN_WRITE,
	PERM_ORG_READ,
	PERM_ORG_WRITE,
	PERM_USER_READ,
	PERM_USER_WRITE,
	PERM_AUDIT_READ,
	PERM_ORG_READ_OWN,	/* an enterprise user's own organisation */
	PERM_SETTINGS_WRITE,
	PERM_PROJECT_READ,
	PERM_PROJECT_WRITE,
	PERM_PROJECT_READ_OWN,	/* projects its enterprise owns */
	PERM_PROGRESS_WRITE,
	PERM_PROGRESS_WRITE_OWN,
	PERM_LEAD_READ,
	PERM_LEAD_WRITE_ALL,	/* any lead of the zone */
	PERM_LEAD_WRITE_OWN,	/* leads the user is the officer of */
	PERM_INVEST_WRITE,	/* events, highlights, investment code tables */
	PERM_CALENDAR_WRITE,	/* the zone's working-day calendar */
	PERM_ACC_READ,		/* joint acceptance cases (scoped per role) */
	PERM_ACC_APPLY,		/* open, upload, submit, answer (applicants) */
	PERM_ACC_REVIEW,	/* decide a department's review */
	PERM_ACC_MANAGE,	/* departments, items, reviewers, inspection */
	PERM_BRIEFING_READ,	/* the work briefing: the zone's figures */
	PERM_ACC_QUEUE,		/* the review and inspection work queue */
	PERM_ACC_REPORT,	/* acceptance measures of the whole zone */
	PERM_SERVICE_READ,	/* buildings, plans, 包保, requests (officers: their portfolio) */
	PERM_SERVICE_WRITE,	/* act on requests, plans, buildings, checks */
	PERM_SERVICE_MANAGE,	/* assignments, request limits, escalation */
	PERM_SERVICE_OWN,	/* an enterprise user: its requests, plan, scores */
	PERM_SERVICE_REPORT,	/* service figures of the whole zone */
	PERM_SERVICE_ALL,	/* every request and portfolio, not only one's own */
	PERM_MUJUN_READ,	/* 亩均 figures, scores and classes */
	PERM_MUJUN_WRITE,	/* 亩均 figures and the year's settings */
	PERM__MAX
};

/* 0 and *out set when s names a role ("admin", "leader", …); -1 otherwise. */
int role_parse(const char *s, enum role *out);
const char *role_name(enum role r);
/* All role names, NULL-terminated, in enum order. */
extern const char *const role_names[ROLE__MAX + 1];
/* 系统管理员 / Administrator … */
const char *role_label(enum role r, int english);
int perm_allows(enum role r, enum perm p);
/* "park.read" …; NULL for PERM_NONE. */
const char *perm_name(enum perm p);

#endif
