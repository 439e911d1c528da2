/*
 * The working-day calendar (工作日历): which civil days are working days, the
 * n-th working day after a date and the working days between two dates, as
 * used for review limits counted in working days (joint acceptance,
 * enterprise requests).
 *
 * A day is decided by the first layer that names it:
 *   1. the zone's own overrides (a local holiday off, a corrected day);
 *   2. the national table: every 放假 day and every 调休上班 weekend day of
 *      the State Council's yearly notices (src/domain/holidays_cn.c, years
 *      WORKCAL_CN_FIRST_YEAR..WORKCAL_CN_LAST_YEAR);
 *   3. the rule: Monday to Friday work, Saturday and Sunday off.
 * Outside the national table's years only layers 1 and 3 apply: the result
 * is then the weekend rule, which is wrong for that year's holidays until
 * the table gets the new notice (or the zone enters the days itself).
 *
 * Pure functions: no I/O; only workcal_free releases memory, and only what a
 * loader (api/calendar.h: workcal_load) attached.
 */
#ifndef ZD_DOMAIN_WORKDAYS_H
#define ZD_DOMAIN_WORKDAYS_H

#include <stddef.h>

#include "domain/date.h"

/* Years the built-in national table covers (inclusive). */
#define WORKCAL_CN_FIRST_YEAR 2022
#define WORKCAL_CN_LAST_YEAR 2026

/* workcal_add clamps n to 0..WORKCAL_ADD_MAX (about 40 years of work). */
#define WORKCAL_ADD_MAX 10000

/* Where a day's status comes from. */
enum workcal_source {
	WORKCAL_WEEKDAY,	/* rule: Monday–Friday, a working day */
	WORKCAL_WEEKEND,	/* rule: Saturday, Sunday, a day off */
	WORKCAL_NATIONAL,	/* the State Council's notice */
	WORKCAL_ZONE,		/* the zone's own override */
};

/* One override: the day, and whether it is worked (1) or off (0). */
struct workcal_day {
	struct date date;
	int is_workday;
	const char *note;	/* "春节", "春节调休上班", a zone's note; may be NULL */
};

struct workcal {
	/* Both arrays strictly ascending by date (no date twice). */
	const struct workcal_day *national;
	size_t nnational;
	const struct workcal_day *zone;
	size_t nzone;
	void *owned;		/* released by workcal_free; NULL when borrowed */
};

/* The built-in national table, ascending by date. */
extern const struct workcal_day workcal_cn_days[];
extern const size_t workcal_cn_days_count;

/* *c = the national table, no zone overrides, nothing owned. */
void workcal_init(struct workcal *c);

/*
 * Sets the zone layer to days[0..n) (borrowed: it must outlive c, unless
 * the caller hands its memory over through c->owned). Returns 0, or -1 and
 * changes nothing when the days are not strictly ascending, a date is not
 * a real day, or an is_workday is other than 0 and 1.
 */
int workcal_set_zone(struct workcal *c, const struct workcal_day *days,
    size_t n);

/* Frees c->owned and empties the zone layer; c stays usable (national). */
void workcal_free(struct workcal *c);

/*
 * 1 when d is a working day, else 0. When src / note are non-NULL they get
 * the deciding layer and its note (NULL for the rule, or an override
 * without one).
 */
int workcal_lookup(const struct workcal *c, struct date d,
    enum workcal_source *src, const char **note);
int workcal_is_workday(const struct workcal *c, struct date d);

/* "weekday", "weekend", "national", "zone". */
const char *workcal_source_name(enum workcal_source s);

/*
 * The n-th working day after start, counting days strictly after it:
 *   n >= 1  the day on which n working days after start have elapsed. A
 *           review submitted on day D with a limit of 5 working days is due
 *           on workcal_add(c, D, 5) — whether D itself is a working day or
 *           not does not matter. workcal_count(c, D, result) == n.
 *   n == 0  start itself when it is a working day, else the next one (the
 *           first day work on it can happen).
 * n < 0 is treated as 0 and n > WORKCAL_ADD_MAX as WORKCAL_ADD_MAX (the API
 * rejects both before calling). start must be a real day.
 */
struct date workcal_add(const struct workcal *c, struct date start, int n);

/*
 * The number of working days d with from < d <= to (from excluded, to
 * included); 0 when to <= from. So a day submitted on `from` and answered
 * on `to` took workcal_count(c, from, to) working days. Any span works; it
 * costs O(log n) plus the overrides inside it.
 */
int workcal_count(const struct workcal *c, struct date from, struct date to);

#endif
