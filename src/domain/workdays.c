/* The working-day calendar: zone overrides, national table, weekend rule. */
#include <stdlib.h>

#include "domain/workdays.h"

void
workcal_init(struct workcal *c)
{
	c->national = workcal_cn_days;
	c->nnational = workcal_cn_days_count;
	c->zone = NULL;
	c->nzone = 0;
	c->owned = NULL;
}

int
workcal_set_zone(struct workcal *c, const struct workcal_day *days, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (!date_is_valid(days[i].date) ||
		    (days[i].is_workday != 0 && days[i].is_workday != 1))
			return -1;
		if (i > 0 && date_cmp(days[i - 1].date, days[i].date) >= 0)
			return -1;
	}
	c->zone = days;
	c->nzone = n;
	return 0;
}

void
workcal_free(struct workcal *c)
{
	free(c->owned);
	c->owned = NULL;
	c->zone = NULL;
	c->nzone = 0;
}

/* Index of the first entry on or after d (n when none). */
static size_t
lower_bound(const struct workcal_day *v, size_t n, struct date d)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (date_cmp(v[mid].date, d) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static const struct workcal_day *
find(const struct workcal_day *v, size_t n, struct date d)
{
	size_t i = lower_bound(v, n, d);

	return i < n && date_cmp(v[i].date, d) == 0 ? &v[i] : NULL;
}

static int
weekday_rule(struct date d)
{
	return date_weekday(d) <= 5;
}

int
workcal_lookup(const struct workcal *c, struct date d,
    enum workcal_source *src, const char **note)
{
	const struct workcal_day *o;
	enum workcal_source s;
	const char *nt = NULL;
	int work;

	if ((o = find(c->zone, c->nzone, d)) != NULL) {
		s = WORKCAL_ZONE;
		work = o->is_workday;
		nt = o->note;
	} else if ((o = find(c->national, c->nnational, d)) != NULL) {
		s = WORKCAL_NATIONAL;
		work = o->is_workday;
		nt = o->note;
	} else {
		work = weekday_rule(d);
		s = work ? WORKCAL_WEEKDAY : WORKCAL_WEEKEND;
	}
	if (src != NULL)
		*src = s;
	if (note != NULL)
		*note = nt;
	return work;
}

int
workcal_is_workday(const struct workcal *c, struct date d)
{
	return workcal_lookup(c, d, NULL, NULL);
}

const char *
workcal_source_name(enum workcal_source s)
{
	switch (s) {
	case WORKCAL_WEEKDAY:
		return "weekday";
	case WORKCAL_WEEKEND:
		return "weekend";
	case WORKCAL_NATIONAL:
		return "national";
	case WORKCAL_ZONE:
		return "zone";
	}
	return "?";
}

struct date
workcal_add(const struct workcal *c, struct date start, int n)
{
	struct date d = start;

	if (n < 0)
		n = 0;
	if (n > WORKCAL_ADD_MAX)
		n = WORKCAL_ADD_MAX;
	if (n == 0) {
		/* Ends: overrides are finite, past them the rule gives a
		 * working day within three days. */
		while (!workcal_is_workday(c, d))
			d = date_add_days(d, 1);
		return d;
	}
	while (n > 0) {
		d = date_add_days(d, 1);
		if (workcal_is_workday(c, d))
			n--;
	}
	return d;
}

/*
 * Monday–Friday days with day number below dn, counted from the Monday
 * 1970-01-05 (day 4); negative before it. Floor division keeps it right for
 * days before that Monday too.
 */
static long
weekdays_below(long dn)
{
	long k = dn - 4, w = k / 7, r;

	if (k % 7 < 0)
		w--;
	r = k - 7 * w;		/* 0..6: Monday..Sunday */
	return 5 * w + (r < 5 ? r : 5);
}

/* Adds (override - rule) for each entry of v with from < date <= to,
 * skipping dates that `shadow` (the zone layer) decides instead. */
static long
adjust(const struct workcal_day *v, size_t n, const struct workcal_day *shadow,
    size_t nshadow, struct date from, struct date to)
{
	long delta = 0;

	for (size_t i = lower_bound(v, n, date_add_days(from, 1));
	    i < n && date_cmp(v[i].date, to) <= 0; i++) {
		if (shadow != NULL && find(shadow, nshadow, v[i].date) != NULL)
			continue;
		delta += v[i].is_workday - weekday_rule(v[i].date);
	}
	return delta;
}

int
workcal_count(const struct workcal *c, struct date from, struct date to)
{
	long n;

	if (date_cmp(to, from) <= 0)
		return 0;
	n = weekdays_below(date_to_days(to) + 1) -
	    weekdays_below(date_to_days(from) + 1);
	n += adjust(c->zone, c->nzone, NULL, 0, from, to);
	n += adjust(c->national, c->nnational, c->zone, c->nzone, from, to);
	return (int)n;
}
