/*
 * Civil dates without time zones or times of day: due dates, contract
 * periods, reporting quarters. Proleptic Gregorian calendar throughout.
 * Pure functions: no allocation, no I/O, no locale.
 */
#ifndef ZD_DOMAIN_DATE_H
#define ZD_DOMAIN_DATE_H

#include <stddef.h>

/* Years date_parse accepts; arithmetic works well beyond them. */
#define DATE_YEAR_MIN 1900
#define DATE_YEAR_MAX 2100

struct date {
	int y, m, d;	/* year, month 1-12, day of month 1-31 */
};

/*
 * Parses exactly the len bytes "YYYY-MM-DD" (ASCII digits, no sign, no
 * spaces, no other separator) naming a real day of a year in
 * DATE_YEAR_MIN..DATE_YEAR_MAX. Returns 0 and fills *out, or -1 and leaves
 * *out alone.
 */
int date_parse(const char *s, size_t len, struct date *out);

/* Non-zero when d is a real calendar day of a year in 0..9999. */
int date_is_valid(struct date d);

/*
 * Writes "YYYY-MM-DD" and a NUL. For d that fails date_is_valid it writes
 * "0000-00-00", so the output is always those 11 bytes.
 */
void date_format(struct date d, char out[11]);

/*
 * Days since 1970-01-01 (negative before). d must be a real day; other
 * values give an unspecified number but never undefined behaviour.
 */
long date_to_days(struct date d);

/*
 * Inverse of date_to_days. Days beyond +-700000000000 (years past about
 * +-1.9 billion, where int years would overflow) are clamped to that range.
 */
struct date date_from_days(long days);

/* ISO 8601 day of the week: 1 = Monday .. 7 = Sunday. */
int date_weekday(struct date d);

/*
 * d moved by n days (n may be negative). A result past date_from_days's
 * range is clamped like it, so no n overflows.
 */
struct date date_add_days(struct date d, long n);

/* -1, 0 or 1 as a is before, equal to or after b. */
int date_cmp(struct date a, struct date b);

/*
 * ISO 8601 week number 1..53. The week belongs to the year of its Thursday,
 * which is stored in *iso_year when non-NULL: 2024-12-30 is week 1 of 2025.
 */
int date_iso_week(struct date d, int *iso_year);

/* Calendar quarter 1..4; 0 when d.m is not 1..12. */
int date_quarter(struct date d);

/*
 * Today in China (UTC+8, no daylight saving): the zone's business day, which
 * differs from the UTC date between 16:00 and 24:00 UTC.
 */
struct date date_today_cn(void);

#endif
