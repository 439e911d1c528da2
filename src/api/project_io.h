/* Key projects to and from spreadsheets. */
#ifndef ZD_API_PROJECT_IO_H
#define ZD_API_PROJECT_IO_H

#include <jansson.h>

#include "api/actor.h"
#include "io/table.h"
#include "store/store.h"

/*
 * Imports the rows of t (header in row 0, Chinese headers as offices write
 * them) as key projects: each row is checked as the API checks a project;
 * a code already in the zone updates that project (its year entry for the
 * row's year is replaced). All or nothing: any error, or dry_run, rolls
 * everything back. *out gets {"dry_run","rows","created","updated",
 * "errors":[{row, column, message}], "unknown_columns":[…]}; the return is
 * APP_ERR_VALIDATION when there are errors. progress (may be NULL) is
 * called every few hundred rows.
 */
enum app_err project_import(struct store *st, const struct actor *a,
    const struct table *t, int dry_run, json_t **out,
    void (*progress)(size_t done, size_t total, void *ctx), void *ctx);

/* The sheets of an export: the filtered project list, or the 开复工 report
 * (summary, groups, projects). Returns malloc'd xlsx bytes. */
enum app_err projects_xlsx(json_t *projects, char **data, size_t *len,
    char *err, size_t errsz);
enum app_err kfg_xlsx(json_t *report, char **data, size_t *len, char *err,
    size_t errsz);

#endif
