/*
 * Key projects (重点项目): the registry with year lists, start/stop/resume
 * events, node plans and the derived state (status, phase, warning light).
 * Shared by the API, the CLI and the importer.
 */
#ifndef ZD_API_PROJECTS_H
#define ZD_API_PROJECTS_H

#include <jansson.h>

#include "api/actor.h"
#include "api/validate.h"
#include "domain/date.h"
#include "store/store.h"

struct project_query {
	struct list_query lq;	/* q, sort, limit, offset */
	long long park_id, chain_id, owner_org_id;	/* 0: any */
	const char *level, *year_kind, *phase, *status, *light;
	long long year;		/* 0: any */
	int archived;		/* include archived projects */
	struct date as_of;	/* for status, figures and lights */
};

/* One project with years and derived fields, as of a date. */
enum app_err project_get(struct store *st, const struct actor *a,
    long long id, struct date as_of, json_t **out);
/* {"items","total","limit","offset","lights":{green,yellow,red}} */
enum app_err project_list(struct store *st, const struct actor *a,
    const struct project_query *pq, json_t **out);
/* Creates (id 0) or replaces a project from an API body; audited. */
enum app_err project_save(struct store *st, const struct actor *a,
    long long id, json_t *body, json_t *errs, json_t **out);
/* APP_OK when the project exists in the actor's zone, else NOT_FOUND. */
enum app_err project_exists(struct store *st, const struct actor *a,
    long long id);
/* The project's id by its code in the actor's zone, 0 when none. */
long long project_id_by_code(struct store *st, const struct actor *a,
    const char *code);
/* Adds a start/stop/resume event after checking the sequence; audited. */
/* Rewrites the project row's latest report and event and its year lists'
 * investment (migration 011) from the source rows, in the caller's
 * transaction: after every write of a report, event or year list. */
enum app_err project_current(struct store *st, const struct actor *a,
    long long pid);
enum app_err project_event_add(struct store *st, const struct actor *a,
    long long project_id, json_t *body, json_t *errs, json_t **out);
/* Files a progress report (with its problems) for a project; audited.
 * body as POST /api/projects/{id}/reports. */
enum app_err progress_report_add(struct store *st, const struct actor *a,
    long long project_id, json_t *body, json_t *errs, json_t **out);
/* Parses the list filters of a query string (through get). */
void project_query_parse(struct project_query *pq, const char *(*get)(void *,
    const char *), void *ctx, json_t *errs, int english);

#endif
