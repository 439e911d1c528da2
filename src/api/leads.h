/*
 * Investment leads (招商项目): the record, its stage moves (线索 → 洽谈 → 签约
 * → 注册 → 开工 → 投产, or 终止), contacts, score and landing. Shared by the
 * API, the CLI, the importer and the demo.
 */
#ifndef ZD_API_LEADS_H
#define ZD_API_LEADS_H

#include <jansson.h>

#include "api/actor.h"
#include "domain/date.h"
#include "domain/lead.h"
#include "store/store.h"

/* One lead with derived stage, score parts and stalled flag. */
enum app_err lead_get(struct store *st, const struct actor *a, long long id,
    struct date as_of, json_t **out);
/* Creates (id 0) or replaces a lead. On create, body may carry "stage" and
 * "stage_date" for the first move (default 线索 today). Audited. */
enum app_err lead_save(struct store *st, const struct actor *a, long long id,
    json_t *body, json_t *errs, json_t **out);
/* Moves a lead: {stage, date, reason, event_id?}; audited. */
enum app_err lead_move(struct store *st, const struct actor *a, long long id,
    json_t *body, json_t *errs, json_t **out);
/* Logs a contact: {channel, date, participants, summary, next_step,
 * next_date}; audited. */
enum app_err lead_contact_add(struct store *st, const struct actor *a,
    long long id, json_t *body, json_t *errs, json_t **out);
/* Whether the actor is the lead's officer or in the lead's liaison office
 * (what an officer without lead.write may change). */
int lead_writable(struct store *st, const struct actor *a, long long id);
/* All the zone's leads with derived fields as of a date (for reports). */
enum app_err leads_all(struct store *st, const struct actor *a,
    struct date as_of, json_t **out);
/* Leads by their stage as of a date (current[stage]) and how many of them
 * are stalled — leads_all's stage_rank and stalled without loading and
 * deriving every lead (the investment report's funnel). */
enum app_err leads_funnel(struct store *st, const struct actor *a,
    struct date as_of, long current[STAGE__MAX], long *stalled);

#endif
