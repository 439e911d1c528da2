#ifndef ZD_API_INVEST_REPORT_H
#define ZD_API_INVEST_REPORT_H

#include <jansson.h>

#include "api/actor.h"
#include "domain/date.h"
#include "store/store.h"

/* {"from","to","monthly_target","funnel":[{stage,label,entered,current}],
 * "monthly":[{month,negotiations,target,met}], "signed":{count,investment,
 * investment_yi,by_chain,by_region,by_office}, "events":[…], "cadence":
 * {weeks_without_highlight,months_without_event,quarters_without_signing},
 * "stalled"} */
enum app_err invest_report(struct store *st, const struct actor *a,
    struct date from, struct date to, json_t **out);
/* An event's leads and totals (亿元 to one decimal). */
enum app_err sevent_summary(struct store *st, const struct actor *a,
    long long id, json_t **out);
enum app_err sevent_totals(struct store *st, const struct actor *a,
    long long id, json_t **out);

/* The report's tables as xlsx bytes (漏斗, 月度洽谈, 签约分布, 签约活动,
 * 节奏). */
enum app_err invest_report_xlsx(json_t *rep, char **data, size_t *len,
    char *err, size_t errsz);

#endif
