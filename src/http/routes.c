/*
 * The route table: every API path, its handler, the permission the
 * dispatcher checks before the handler runs, and the resource it serves.
 * docs/api.yaml describes the same set; a test keeps the two equal.
 */
#include "api/acceptance.h"
#include "api/calendar.h"
#include "api/handlers.h"
#include "api/resource.h"
#include "http/router.h"

/* Rows are positional; the trailing owns() is given only where it applies. */
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

#define PUB R_PUBLIC
#define BODY R_BODY

/* The six routes of a generic resource at /api/<plural>. */
#define CRUD(path, res, rd, wr) \
	{"GET", path, h_res_list, rd, 0, &(res), 0}, \
	{"POST", path, h_res_create, wr, 0, &(res), BODY}, \
	{"GET", path "/{id}", h_res_get, rd, 0, &(res), 0}, \
	{"PUT", path "/{id}", h_res_update, wr, 0, &(res), BODY}, \
	{"DELETE", path "/{id}", h_res_delete, wr, 0, &(res), 0}, \
	{"GET", path "/{id}/history", h_res_history, rd, 0, &(res), 0}

const struct route routes[] = {
	{"GET", "/api/health", h_health, PERM_NONE, 0, NULL, PUB},
	{"GET", "/api/openapi.yaml", h_openapi, PERM_NONE, 0, NULL, PUB},
	{"POST", "/api/login", h_login, PERM_NONE, 0, NULL,
	    PUB | R_NO_CSRF | BODY},
	{"POST", "/api/logout", h_logout, PERM_NONE, 0, NULL, 0},
	{"GET", "/api/me", h_me, PERM_NONE, 0, NULL, 0},

	{"GET", "/api/zones", h_zone_list, PERM_ZONE_READ, 0, NULL, 0},
	{"GET", "/api/zones/{id}", h_zone_get, PERM_ZONE_READ, 0, NULL, 0},
	{"PUT", "/api/zones/{id}", h_zone_update, PERM_ZONE_WRITE, 0, NULL,
	    BODY},

	CRUD("/api/parks", park_resource, PERM_PARK_READ, PERM_PARK_WRITE),
	CRUD("/api/chains", chain_resource, PERM_CHAIN_READ, PERM_CHAIN_WRITE),

	{"GET", "/api/orgs", h_res_list, PERM_ORG_READ, 0, &org_resource, 0},
	{"POST", "/api/orgs", h_res_create, PERM_ORG_WRITE, 0, &org_resource,
	    BODY},
	{"GET", "/api/orgs/{id}", h_res_get, PERM_ORG_READ, PERM_ORG_READ_OWN,
	    &org_resource, 0, org_is_own},
	{"PUT", "/api/orgs/{id}", h_res_update, PERM_ORG_WRITE, 0,
	    &org_resource, BODY},
	{"DELETE", "/api/orgs/{id}", h_res_delete, PERM_ORG_WRITE, 0,
	    &org_resource, 0},
	{"GET", "/api/orgs/{id}/history", h_res_history, PERM_ORG_READ,
	    PERM_ORG_READ_OWN, &org_resource, 0, org_is_own},

	{"GET", "/api/users", h_res_list, PERM_USER_READ, 0, &user_resource,
	    0},
	{"POST", "/api/users", h_user_create, PERM_USER_WRITE, 0, NULL, BODY},
	{"GET", "/api/users/{id}", h_res_get, PERM_USER_READ, 0,
	    &user_resource, 0},
	{"PUT", "/api/users/{id}", h_user_update, PERM_USER_WRITE, 0, NULL,
	    BODY},
	{"POST", "/api/users/{id}/password", h_user_password,
	    PERM_USER_WRITE, 0, NULL, BODY},
	{"GET", "/api/users/{id}/history", h_res_history, PERM_USER_READ, 0,
	    &user_resource, 0},

	{"GET", "/api/audit", h_audit_list, PERM_AUDIT_READ, 0, NULL, 0},
	{"GET", "/api/settings", h_settings_get, PERM_NONE, 0, NULL, 0},
	{"PUT", "/api/settings", h_settings_put, PERM_SETTINGS_WRITE, 0, NULL,
	    BODY},

	/* Key projects: enterprise users reach their own through owns(). */
	{"GET", "/api/projects", h_project_list, PERM_PROJECT_READ,
	    PERM_PROJECT_READ_OWN, NULL, 0},
	{"POST", "/api/projects", h_project_create, PERM_PROJECT_WRITE, 0,
	    NULL, BODY},
	{"GET", "/api/projects/{id}", h_project_get, PERM_PROJECT_READ,
	    PERM_PROJECT_READ_OWN, NULL, 0, project_is_own},
	{"PUT", "/api/projects/{id}", h_project_update, PERM_PROJECT_WRITE, 0,
	    NULL, BODY},
	{"GET", "/api/projects/{id}/history", h_project_history,
	    PERM_PROJECT_READ, PERM_PROJECT_READ_OWN, NULL, 0, project_is_own},
	{"GET", "/api/projects/{id}/events", h_event_list, PERM_PROJECT_READ,
	    PERM_PROJECT_READ_OWN, NULL, 0, project_is_own},
	{"POST", "/api/projects/{id}/events", h_event_create,
	    PERM_PROJECT_WRITE, 0, NULL, BODY},
	{"DELETE", "/api/events/{id}", h_event_delete, PERM_PROJECT_WRITE, 0,
	    NULL, 0},
	{"GET", "/api/projects/{id}/reports", h_report_list,
	    PERM_PROJECT_READ, PERM_PROJECT_READ_OWN, NULL, 0, project_is_own},
	{"POST", "/api/projects/{id}/reports", h_report_create,
	    PERM_PROGRESS_WRITE, PERM_PROGRESS_WRITE_OWN, NULL, BODY,
	    project_is_own},
	{"DELETE", "/api/reports/{id}", h_report_delete, PERM_PROJECT_WRITE, 0,
	    NULL, 0},
	{"GET", "/api/projects/{id}/nodes", h_nodes_get, PERM_PROJECT_READ,
	    PERM_PROJECT_READ_OWN, NULL, 0, project_is_own},
	{"PUT", "/api/projects/{id}/nodes", h_nodes_put, PERM_PROJECT_WRITE, 0,
	    NULL, BODY},
	{"POST", "/api/projects/{id}/problems", h_problem_create,
	    PERM_PROJECT_WRITE, 0, NULL, BODY},
	{"GET", "/api/problems", h_problem_list, PERM_PROJECT_READ,
	    PERM_PROJECT_READ_OWN, NULL, 0},
	{"PUT", "/api/problems/{id}", h_problem_update, PERM_PROJECT_WRITE, 0,
	    NULL, BODY},
	CRUD("/api/node-templates", node_template_resource, PERM_PROJECT_READ,
	    PERM_SETTINGS_WRITE),
	{"GET", "/api/reports/kaifugong", h_kfg_report, PERM_PROJECT_READ, 0,
	    NULL, 0},
	{"GET", "/api/reports/kaifugong.xlsx", h_kfg_export, PERM_PROJECT_READ,
	    0, NULL, 0},
	{"GET", "/api/projects/export.xlsx", h_project_export,
	    PERM_PROJECT_READ, PERM_PROJECT_READ_OWN, NULL, 0},
	{"POST", "/api/projects/import", h_project_import, PERM_PROJECT_WRITE,
	    0, NULL, R_UPLOAD},

	/* Investment attraction: officers write the leads they are the
	 * officer of (lead_is_mine), administrators any. */
	{"GET", "/api/leads", h_lead_list, PERM_LEAD_READ, 0, NULL, 0},
	{"GET", "/api/leads/export.xlsx", h_lead_export, PERM_LEAD_READ, 0,
	    NULL, 0},
	{"POST", "/api/leads/import", h_lead_import, PERM_LEAD_WRITE_ALL, 0,
	    NULL, R_UPLOAD},
	{"POST", "/api/contacts/import", h_contact_import, PERM_LEAD_WRITE_ALL,
	    0, NULL, R_UPLOAD},
	{"POST", "/api/leads/{id}/project", h_lead_project, PERM_PROJECT_WRITE,
	    0, NULL, BODY},
	{"POST", "/api/leads", h_lead_create, PERM_LEAD_WRITE_OWN, 0, NULL,
	    BODY},
	{"GET", "/api/leads/{id}", h_lead_get, PERM_LEAD_READ, 0, NULL, 0},
	{"PUT", "/api/leads/{id}", h_lead_update, PERM_LEAD_WRITE_ALL,
	    PERM_LEAD_WRITE_OWN, NULL, BODY, lead_is_mine},
	{"GET", "/api/leads/{id}/history", h_lead_history, PERM_LEAD_READ, 0,
	    NULL, 0},
	{"GET", "/api/leads/{id}/stages", h_stage_list, PERM_LEAD_READ, 0,
	    NULL, 0},
	{"POST", "/api/leads/{id}/stages", h_stage_create, PERM_LEAD_WRITE_ALL,
	    PERM_LEAD_WRITE_OWN, NULL, BODY, lead_is_mine},
	{"GET", "/api/leads/{id}/contacts", h_contact_list, PERM_LEAD_READ, 0,
	    NULL, 0},
	{"POST", "/api/leads/{id}/contacts", h_contact_create,
	    PERM_LEAD_WRITE_ALL, PERM_LEAD_WRITE_OWN, NULL, BODY, lead_is_mine},
	{"GET", "/api/contacts/due", h_contacts_due, PERM_LEAD_READ, 0, NULL,
	    0},
	CRUD("/api/liaison-offices", office_resource, PERM_LEAD_READ,
	    PERM_INVEST_WRITE),
	CRUD("/api/source-regions", region_resource, PERM_LEAD_READ,
	    PERM_INVEST_WRITE),
	CRUD("/api/signing-events", sevent_resource, PERM_LEAD_READ,
	    PERM_INVEST_WRITE),
	{"GET", "/api/signing-events/{id}/summary", h_sevent_summary,
	    PERM_LEAD_READ, 0, NULL, 0},
	{"POST", "/api/signing-events/{id}/leads", h_sevent_sign,
	    PERM_INVEST_WRITE, 0, NULL, BODY},
	CRUD("/api/highlights", highlight_resource, PERM_LEAD_READ,
	    PERM_INVEST_WRITE),
	{"GET", "/api/reports/investment", h_invest_report, PERM_LEAD_READ, 0,
	    NULL, 0},
	{"GET", "/api/reports/investment.xlsx", h_invest_report_xlsx,
	    PERM_LEAD_READ, 0, NULL, 0},
	{"GET", "/api/briefing", h_briefing, PERM_BRIEFING_READ, 0, NULL, 0},
	{"GET", "/api/reports/cohort", h_cohort_report, PERM_LEAD_READ, 0,
	    NULL, 0},
	{"GET", "/api/briefing.xlsx", h_briefing_xlsx, PERM_BRIEFING_READ, 0,
	    NULL, 0},

	/* Working-day calendar: every role reads, admin writes. The import
	 * takes the raw CSV body (no BODY flag: the server keeps it as is). */
	{"GET", "/api/calendar", h_calendar_list, PERM_NONE, 0,
	    &calendar_resource, 0},
	{"POST", "/api/calendar", h_res_create, PERM_CALENDAR_WRITE, 0,
	    &calendar_resource, BODY},
	{"GET", "/api/calendar/days", h_calendar_days, PERM_NONE, 0, NULL, 0},
	{"GET", "/api/calendar/add", h_calendar_add, PERM_NONE, 0, NULL, 0},
	{"GET", "/api/calendar/count", h_calendar_count, PERM_NONE, 0, NULL, 0},
	{"POST", "/api/calendar/import", h_calendar_import,
	    PERM_CALENDAR_WRITE, 0, NULL, 0},
	{"GET", "/api/calendar/{id}", h_res_get, PERM_NONE, 0,
	    &calendar_resource, 0},
	{"PUT", "/api/calendar/{id}", h_res_update, PERM_CALENDAR_WRITE, 0,
	    &calendar_resource, BODY},
	{"DELETE", "/api/calendar/{id}", h_res_delete, PERM_CALENDAR_WRITE, 0,
	    &calendar_resource, 0},
	{"GET", "/api/calendar/{id}/history", h_res_history, PERM_NONE, 0,
	    &calendar_resource, 0},

	/* Joint acceptance: coarse permissions here; every case and file
	 * handler also applies the case access rule (api/acceptance.c). */
	CRUD("/api/acceptance/departments", acc_dept_resource, PERM_ACC_READ,
	    PERM_ACC_MANAGE),
	{"GET", "/api/acceptance/departments/{id}/items", h_acc_dept_items_get,
	    PERM_ACC_READ, 0, NULL, 0},
	{"PUT", "/api/acceptance/departments/{id}/items", h_acc_dept_items_put,
	    PERM_ACC_MANAGE, 0, NULL, BODY},
	{"GET", "/api/acceptance/departments/{id}/reviewers",
	    h_acc_reviewers_get, PERM_ACC_READ, 0, NULL, 0},
	{"PUT", "/api/acceptance/departments/{id}/reviewers",
	    h_acc_reviewers_put, PERM_ACC_MANAGE, 0, NULL, BODY},
	CRUD("/api/acceptance/items", acc_item_resource, PERM_ACC_READ,
	    PERM_ACC_MANAGE),
	{"GET", "/api/acceptance/cases", h_acc_case_list, PERM_ACC_READ, 0,
	    NULL, 0},
	{"POST", "/api/acceptance/cases", h_acc_case_create, PERM_ACC_APPLY, 0,
	    NULL, BODY},
	{"GET", "/api/acceptance/cases/{id}", h_acc_case_get, PERM_ACC_READ, 0,
	    NULL, 0},
	{"GET", "/api/acceptance/cases/{id}/history", h_acc_case_history,
	    PERM_ACC_READ, 0, NULL, 0},
	{"POST", "/api/acceptance/cases/{id}/files", h_acc_file_upload,
	    PERM_ACC_APPLY, 0, NULL, R_UPLOAD},
	{"POST", "/api/acceptance/cases/{id}/submit", h_acc_submit,
	    PERM_ACC_APPLY, 0, NULL, BODY},
	{"POST", "/api/acceptance/cases/{id}/resubmit", h_acc_resubmit,
	    PERM_ACC_APPLY, 0, NULL, BODY},
	{"POST", "/api/acceptance/cases/{id}/inspection", h_acc_inspection,
	    PERM_ACC_MANAGE, 0, NULL, BODY},
	{"POST", "/api/acceptance/cases/{id}/inspection/result",
	    h_acc_inspection_result, PERM_ACC_MANAGE, 0, NULL, BODY},
	{"POST", "/api/acceptance/reviews/{id}/decision", h_acc_decide,
	    PERM_ACC_REVIEW, 0, NULL, BODY},
	{"GET", "/api/acceptance/files/{id}", h_acc_file_get, PERM_ACC_READ, 0,
	    NULL, 0},
	{"GET", "/api/acceptance/queue", h_acc_queue, PERM_ACC_QUEUE, 0, NULL,
	    0},
	{"GET", "/api/reports/acceptance", h_acc_report, PERM_ACC_REPORT, 0,
	    NULL, 0},

	/* 亩均效益评价: readers see the zone's figures and scores; an
	 * enterprise user reaches only its own rows, through /mine (which
	 * scopes to the session's organisation, so it needs no owns()). */
	CRUD("/api/mujun/figures", mujun_figure_resource, PERM_MUJUN_READ,
	    PERM_MUJUN_WRITE),
	{"POST", "/api/mujun/figures/import", h_mujun_import, PERM_MUJUN_WRITE,
	    0, NULL, R_UPLOAD},
	{"GET", "/api/mujun/settings/{id}", h_mujun_settings_get,
	    PERM_MUJUN_READ, 0, NULL, 0},
	{"PUT", "/api/mujun/settings/{id}", h_mujun_settings_put,
	    PERM_MUJUN_WRITE, 0, NULL, BODY},
	{"GET", "/api/mujun/settings/{id}/history", h_mujun_settings_history,
	    PERM_MUJUN_READ, 0, NULL, 0},
	{"GET", "/api/mujun/scores", h_mujun_scores, PERM_MUJUN_READ, 0, NULL,
	    0},
	{"GET", "/api/mujun/report", h_mujun_report, PERM_MUJUN_READ, 0, NULL,
	    0},
	{"GET", "/api/mujun/mine", h_mujun_mine, PERM_SERVICE_OWN, 0, NULL, 0},
};

const size_t routes_count = sizeof routes / sizeof routes[0];
