/*
 * Enterprise service (一企一策, 包保): business buildings and their checks,
 * plans per enterprise or building, officers' assignments and portfolios,
 * enterprise requests with working-day limits and escalation, and the
 * service report. service.c holds buildings, checks, plans, assignments and
 * limits; requests.c the requests; service_report.c the report.
 */
#ifndef ZD_API_SERVICE_H
#define ZD_API_SERVICE_H

#include <jansson.h>

#include "api/actor.h"
#include "domain/date.h"
#include "domain/request.h"
#include "http/req.h"
#include "store/store.h"

struct resource;
extern const struct resource building_resource, check_resource;

/* The zone's working-day limits per category, defaults filled. */
enum app_err svc_limits(struct store *st, long long zone_id,
    struct rq_limits out[RQ__CATEGORIES]);
/* Whether the actor sees every request and portfolio (else its own). */
int svc_sees_all(const struct actor *a);
/*
 * Every building with, per kind of check, its schedule (every_days, 0 for
 * none), the last check up to as_of, the day the next is due and whether it
 * is overdue on as_of: [{id, name, park_id, officer_name, open_issues,
 * checks: {disinfection|screening|safety: {every_days, last_on, due_on,
 * overdue}}}].
 */
enum app_err svc_check_status(struct store *st, const struct actor *a,
    struct date as_of, json_t **out);
/*
 * Escalates the open requests past a limit on as_of that are not escalated
 * yet to their officer's leader (the zone's leader when the officer has
 * none): {as_of, escalated: [{id, title, late, escalated_to}]}.
 */
enum app_err svc_escalate(struct store *st, const struct actor *a,
    struct date as_of, json_t **out);
/*
 * The service report for requests received from..as_of (from.y == 0: all
 * up to as_of): totals, by officer, by category, building checks. The
 * dashboard and the briefing read the same figures.
 */
enum app_err svc_report(struct store *st, const struct actor *a,
    struct date from, struct date as_of, json_t **out);
/* The report as a workbook (malloc'd into *data). */
enum app_err svc_report_xlsx(json_t *rep, char **data, size_t *len,
    char *err, size_t errsz);

/*
 * The requests' operations as the HTTP handlers run them (the demo runs
 * them too). own_only: the actor acts for its own enterprise only.
 * svc_request_file: POST /api/requests; svc_request_act: …/{id}/actions.
 */
enum app_err svc_request_file(struct store *st, const struct actor *a,
    int own_only, json_t *body, json_t *errs, json_t **out);
enum app_err svc_request_act(struct store *st, const struct actor *a,
    int own_only, long long id, json_t *body, json_t *errs, json_t **out);
/* POST /api/assignments and PUT …/plan (subject "org" or "building"). */
enum app_err svc_assign(struct store *st, const struct actor *a, json_t *body,
    json_t *errs, json_t **out);
enum app_err svc_plan_save(struct store *st, const struct actor *a,
    const char *subject, long long id, json_t *body, json_t *errs,
    json_t **out);

/* Ownership for routes an enterprise user may use on its own. */
int request_is_own(struct req *);
int request_file_is_own(struct req *);

enum app_err h_building_firms(struct req *);
enum app_err h_checks_status(struct req *);
enum app_err h_plan_get(struct req *);
enum app_err h_plan_put(struct req *);
enum app_err h_assign_list(struct req *);
enum app_err h_assign_history(struct req *);
enum app_err h_assign_create(struct req *);
enum app_err h_assign_end(struct req *);
enum app_err h_portfolio(struct req *);
enum app_err h_limits_get(struct req *);
enum app_err h_limits_put(struct req *);
enum app_err h_req_list(struct req *);
enum app_err h_req_create(struct req *);
enum app_err h_req_get(struct req *);
enum app_err h_req_action(struct req *);
enum app_err h_req_history(struct req *);
enum app_err h_req_file_upload(struct req *);
enum app_err h_req_file_get(struct req *);
enum app_err h_req_escalate(struct req *);
enum app_err h_service_report(struct req *);
enum app_err h_service_report_xlsx(struct req *);

#endif
