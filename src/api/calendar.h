/*
 * The zone's working-day calendar (工作日历): its own overrides (table
 * zone_calendar, a generic resource at /api/calendar) over the national
 * table and the weekend rule of domain/workdays.h, the loader the other
 * modules use to count working days, and the CSV import shared by the API
 * and the CLI.
 */
#ifndef ZD_API_CALENDAR_H
#define ZD_API_CALENDAR_H

#include <jansson.h>
#include <stddef.h>

#include "api/actor.h"
#include "domain/workdays.h"
#include "http/req.h"
#include "store/store.h"

/* GET /api/calendar/days answers at most this many days. */
#define CALENDAR_DAYS_MAX 400
/* An import holds at most this many data rows. */
#define CALENDAR_IMPORT_MAX_ROWS 5000

struct resource;
extern const struct resource calendar_resource;

/*
 * The zone's calendar for working-day arithmetic: the national table plus
 * the zone's overrides dated from..to (inclusive; a date with y == 0 leaves
 * that end open, so {0} and {0} load all of them). Outside from..to only
 * the national table and the weekend rule apply, so pass the whole span the
 * calendar will be asked about — for workcal_add, leave `to` open. Release
 * with workcal_free. On error *out is still a valid national calendar.
 */
enum app_err workcal_load(struct store *st, long long zone_id,
    struct date from, struct date to, struct workcal *out);

/* [{date, workday, source: weekday|weekend|national|zone, note}] for
 * from..to inclusive (the caller bounds the span). */
enum app_err calendar_days(struct store *st, long long zone_id,
    struct date from, struct date to, json_t **out);

/*
 * Imports CSV text (UTF-8, UTF-8 with BOM, GBK/GB18030 or UTF-16 — see
 * io/csv.h): a header row naming 日期/date, 是否工作日/workday and
 * optionally 备注/note (other columns are ignored), then one day a row.
 * workday is 1/0, 是/否, 上班/休息 or true/false; a date may also be written
 * 2025/1/26 or 2025年1月26日. A date the zone already has is updated (or
 * left alone when equal), others are created; each write is audited.
 *
 * All or nothing: any bad row → APP_ERR_VALIDATION, nothing written, and
 * errs gets {field, row, column, message} per problem (row is the 1-based
 * line of the sheet, the header being row 1; column is the header's text).
 * dry_run checks and plans without writing. *out (on APP_OK):
 * {dry_run, rows, created, updated, unchanged,
 *  items: [{row, date, is_workday, note, action: create|update|unchanged}]}.
 */
enum app_err calendar_import(struct store *st, const struct actor *a,
    const char *data, size_t len, int dry_run, json_t *errs, json_t **out);

/* HTTP handlers (routes.c). */
enum app_err h_calendar_list(struct req *);
enum app_err h_calendar_days(struct req *);
enum app_err h_calendar_add(struct req *);
enum app_err h_calendar_count(struct req *);
enum app_err h_calendar_import(struct req *);

#endif
