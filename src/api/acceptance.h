/*
 * Joint acceptance (联合验收, 并联模式): the zone's departments and material
 * items (generic resources), cases with content-addressed files, review
 * rounds per department, the applicant's answers, the joint site
 * inspection, clocks in working days and the measures. Shared by the API,
 * the CLI report and the demo. Every case operation checks acc access
 * (acceptance.c: case_access) on top of the route's coarse permission.
 *
 * Bodies (dates default to today in China and may not be later):
 *   open:       {project_id, title, building?, department_ids: [..],
 *                applicant_org_id (officers only)}
 *   submit:     {date?}
 *   decide:     {decision: pass|rectify|fail, opinion?, points: ["…"]
 *                (rectify: at least one), date?}
 *   resubmit:   {answers: [{review_id, point_no, answer}], date?}
 *   inspection: {scheduled_on?, date?}
 *   result:     {result: pass|rectify|fail, opinion?, date?}
 */
#ifndef ZD_API_ACCEPTANCE_H
#define ZD_API_ACCEPTANCE_H

#include <jansson.h>

#include "api/actor.h"
#include "domain/date.h"
#include "http/req.h"
#include "store/store.h"

/* Largest accepted file name in bytes (UTF-8). */

struct resource;
extern const struct resource acc_dept_resource, acc_item_resource;

/* The usual departments, material items and who needs what (new zones). */
enum app_err acc_seed(struct store *st, const struct actor *a);

enum app_err acc_case_open(struct store *st, const struct actor *a,
    json_t *body, json_t *errs, json_t **out);
/* Stores data under the files directory beside the database and records
 * it for the case's item; the name is cleaned (see file_clean_name). */
enum app_err acc_file_add(struct store *st, const struct actor *a,
    long long case_id, long long item_id, const char *filename,
    const char *data, size_t len, json_t *errs, json_t **out);
enum app_err acc_submit(struct store *st, const struct actor *a,
    long long case_id, json_t *body, json_t *errs, json_t **out);
enum app_err acc_decide(struct store *st, const struct actor *a,
    long long review_id, json_t *body, json_t *errs, json_t **out);
enum app_err acc_resubmit(struct store *st, const struct actor *a,
    long long case_id, json_t *body, json_t *errs, json_t **out);
enum app_err acc_inspection(struct store *st, const struct actor *a,
    long long case_id, json_t *body, json_t *errs, json_t **out);
enum app_err acc_inspection_result(struct store *st, const struct actor *a,
    long long case_id, json_t *body, json_t *errs, json_t **out);
/* The case as the actor may see it, with clocks as of a day. */
enum app_err acc_case_get(struct store *st, const struct actor *a,
    long long id, struct date as_of, json_t **out);
/* Department lists: {item_ids: [..]} / {user_ids: [..]} replace them. */
enum app_err acc_dept_set(struct store *st, const struct actor *a,
    long long dept_id, int reviewers, json_t *body, json_t *errs,
    json_t **out);

/*
 * Cases submitted from..to: {from, to, count, open, overdue, passed,
 * failed, average_days, days_saved, submissions, cases: [{id, title,
 * status, submitted_on, due_on, overdue, parallel_days, serial_days,
 * days_saved, submissions}]}.
 */
enum app_err acc_report(struct store *st, const struct actor *a,
    struct date from, struct date to, json_t **out);

enum app_err h_acc_dept_items_get(struct req *);
enum app_err h_acc_dept_items_put(struct req *);
enum app_err h_acc_reviewers_get(struct req *);
enum app_err h_acc_reviewers_put(struct req *);
enum app_err h_acc_case_list(struct req *);
enum app_err h_acc_case_create(struct req *);
enum app_err h_acc_case_get(struct req *);
enum app_err h_acc_case_history(struct req *);
enum app_err h_acc_file_upload(struct req *);
enum app_err h_acc_file_get(struct req *);
enum app_err h_acc_submit(struct req *);
enum app_err h_acc_decide(struct req *);
enum app_err h_acc_resubmit(struct req *);
enum app_err h_acc_inspection(struct req *);
enum app_err h_acc_inspection_result(struct req *);
enum app_err h_acc_queue(struct req *);
enum app_err h_acc_report(struct req *);

#endif
