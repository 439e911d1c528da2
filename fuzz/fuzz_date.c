/*
 * libFuzzer target for domain/date: arbitrary bytes through date_parse, and
 * the bytes read as day numbers through the arithmetic, asserting round
 * trips: a parsed date formats back to the same 10 bytes, days<->date are
 * inverse, weekdays, ISO weeks and quarters stay in range.
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "domain/date.h"

#define CHECK(cond) do { if (!(cond)) abort(); } while (0)

static long
read_long(const uint8_t *p)
{
	uint64_t v = 0;

	for (int i = 0; i < 8; i++)
		v = v << 8 | p[i];
	return (long)(int64_t)v;
}

/* Invariants of any real day (parsed, or produced by the arithmetic). */
static void
check_day(struct date d)
{
	long n = date_to_days(d);
	int wd = date_weekday(d), iy, w = date_iso_week(d, &iy);
	struct date thu = date_add_days(d, 4 - wd);

	CHECK(date_cmp(date_from_days(n), d) == 0);
	CHECK(wd >= 1 && wd <= 7);
	CHECK(date_weekday(date_add_days(d, 1)) == wd % 7 + 1);
	CHECK(w >= 1 && w <= 53);
	/* The ISO year is the Thursday's year, the week counts Thursdays. */
	CHECK(iy == thu.y);
	CHECK(w == (date_to_days(thu) - date_to_days((struct date){iy, 1, 1})) / 7 + 1);
	CHECK(date_quarter(d) >= 1 && date_quarter(d) <= 4);
	CHECK(date_cmp(date_add_days(d, -1), d) == -1);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct date d = {-1, -1, -1}, e;
	char buf[11];

	if (date_parse((const char *)data, size, &d) == 0) {
		CHECK(size == 10 && date_is_valid(d));
		CHECK(d.y >= DATE_YEAR_MIN && d.y <= DATE_YEAR_MAX);
		date_format(d, buf);
		CHECK(memcmp(buf, data, 10) == 0 && buf[10] == '\0');
		check_day(d);
		if (size >= 8) {
			/* Any shift within +-1e6 days comes back exactly. */
			long n = read_long(data) % 1000000;

			e = date_add_days(d, n);
			CHECK(date_to_days(e) == date_to_days(d) + n);
			CHECK(date_cmp(date_add_days(e, -n), d) == 0);
			CHECK(date_cmp(e, d) == (n > 0) - (n < 0));
		}
	} else {
		CHECK(d.y == -1 && d.m == -1 && d.d == -1);
	}

	/* The bytes as day numbers, including the clamped extremes. */
	for (size_t off = 0; off + 8 <= size && off < 64; off += 8) {
		long n = read_long(data + off), c;

		e = date_from_days(n);
		c = n > 700000000000L ? 700000000000L :
		    n < -700000000000L ? -700000000000L : n;
		CHECK(date_to_days(e) == c);
		CHECK(e.m >= 1 && e.m <= 12 && e.d >= 1 && e.d <= 31);
		date_format(e, buf);
		CHECK(strlen(buf) == 10);
		if (date_is_valid(e)) {
			CHECK(date_parse(buf, 10, &d) == 0 ||
			    e.y < DATE_YEAR_MIN || e.y > DATE_YEAR_MAX);
			check_day(e);
		}
		(void)date_add_days(e, n);
		(void)date_iso_week(e, NULL);
	}
	return 0;
}
