/* HTTP handlers of the API, referenced by the route table (http/routes.c). */
#ifndef ZD_API_HANDLERS_H
#define ZD_API_HANDLERS_H

#include "http/req.h"
#include "util/err.h"

struct resource;
extern const struct resource park_resource, org_resource, chain_resource,
    user_resource, node_template_resource, office_resource,
    region_resource, sevent_resource, highlight_resource,
    mujun_figure_resource;

/* Ownership checks for routes an enterprise user may use on its own. */
int org_is_own(struct req *);
enum app_err h_org_thread(struct req *);
int project_is_own(struct req *);
int lead_is_mine(struct req *);

enum app_err h_health(struct req *);
enum app_err h_openapi(struct req *);
enum app_err h_login(struct req *);
enum app_err h_logout(struct req *);
enum app_err h_me(struct req *);

/* Generic handlers over r->route->res. */
enum app_err h_res_list(struct req *);
enum app_err h_res_get(struct req *);
enum app_err h_res_create(struct req *);
enum app_err h_res_update(struct req *);
enum app_err h_res_delete(struct req *);
enum app_err h_res_history(struct req *);

enum app_err h_zone_list(struct req *);
enum app_err h_zone_get(struct req *);
enum app_err h_zone_update(struct req *);
enum app_err h_user_create(struct req *);
enum app_err h_user_update(struct req *);
enum app_err h_user_password(struct req *);
enum app_err h_audit_list(struct req *);
enum app_err h_settings_get(struct req *);
enum app_err h_settings_put(struct req *);

enum app_err h_project_list(struct req *);
enum app_err h_project_get(struct req *);
enum app_err h_project_create(struct req *);
enum app_err h_project_update(struct req *);
enum app_err h_project_history(struct req *);
enum app_err h_event_list(struct req *);
enum app_err h_event_create(struct req *);
enum app_err h_event_delete(struct req *);
enum app_err h_report_list(struct req *);
enum app_err h_report_create(struct req *);
enum app_err h_report_delete(struct req *);
enum app_err h_problem_list(struct req *);
enum app_err h_problem_create(struct req *);
enum app_err h_problem_update(struct req *);
enum app_err h_nodes_get(struct req *);
enum app_err h_nodes_put(struct req *);
enum app_err h_kfg_report(struct req *);
enum app_err h_kfg_export(struct req *);
enum app_err h_project_export(struct req *);
enum app_err h_project_import(struct req *);

enum app_err h_lead_list(struct req *);
enum app_err h_lead_list_all(struct req *);
enum app_err h_lead_export(struct req *);
enum app_err h_lead_import(struct req *);
enum app_err h_contact_import(struct req *);
enum app_err h_lead_project(struct req *);
enum app_err h_lead_get(struct req *);
enum app_err h_lead_create(struct req *);
enum app_err h_lead_update(struct req *);
enum app_err h_lead_history(struct req *);
enum app_err h_stage_list(struct req *);
enum app_err h_stage_create(struct req *);
enum app_err h_contact_list(struct req *);
enum app_err h_contact_create(struct req *);
enum app_err h_contacts_due(struct req *);
enum app_err h_sevent_summary(struct req *);
enum app_err h_sevent_sign(struct req *);
enum app_err h_invest_report(struct req *);
enum app_err h_invest_report_xlsx(struct req *);
enum app_err h_briefing(struct req *);
enum app_err h_cohort_report(struct req *);
enum app_err h_briefing_xlsx(struct req *);

/* 亩均效益评价 (api/mujun.c, mujun_score.c, mujun_io.c). */
enum app_err h_mujun_settings_get(struct req *);
enum app_err h_mujun_settings_put(struct req *);
enum app_err h_mujun_settings_history(struct req *);
enum app_err h_mujun_scores(struct req *);
enum app_err h_mujun_mine(struct req *);
enum app_err h_mujun_report(struct req *);
enum app_err h_mujun_import(struct req *);
/* ?year=Y as an int; 0 when absent and not required, or after a field
 * error (when present but wrong, or absent and required). */
int mujun_year_arg(struct req *r, int required);

#endif
