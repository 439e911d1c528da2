/*
 * Civil date arithmetic by day numbers: every calculation converts to days
 * since 1970-01-01 and back, using Howard Hinnant's era-based algorithms,
 * which need no tables and hold for the whole proleptic Gregorian calendar.
 * Intermediate values are long long so no int input can overflow.
 */
#include <limits.h>

#include <time.h>

#include "domain/date.h"

/* Clamp for date_from_days: keeps the resulting year inside int. */
#define DAYS_LIMIT 700000000000LL

static int
is_leap(long long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in_month(long long y, int m)
{
	static const unsigned char dim[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	return m == 2 && is_leap(y) ? 29 : dim[m - 1];
}

static long long
floor_div(long long a, long long b)
{
	return a >= 0 ? a / b : -((-a + b - 1) / b);
}

static long long
to_days(struct date d)
{
	long long y = (long long)d.y - (d.m <= 2);
	long long era = floor_div(y, 400);
	long long yoe = y - era * 400;
	long long mp = d.m > 2 ? (long long)d.m - 3 : (long long)d.m + 9;
	long long doy = (153 * mp + 2) / 5 + (long long)d.d - 1;
	long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

static struct date
from_days(long long z)
{
	long long era, doe, yoe, doy, mp, y;
	struct date r;

	if (z > DAYS_LIMIT)
		z = DAYS_LIMIT;
	if (z < -DAYS_LIMIT)
		z = -DAYS_LIMIT;
	z += 719468;
	era = floor_div(z, 146097);
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	r.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	r.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	r.y = (int)(y + (r.m <= 2));
	return r;
}

static int
digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int
date_parse(const char *s, size_t len, struct date *out)
{
	struct date d;

	if (!s || len != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	d.y = digits(s, 4);
	d.m = digits(s + 5, 2);
	d.d = digits(s + 8, 2);
	if (d.y < DATE_YEAR_MIN || d.y > DATE_YEAR_MAX || !date_is_valid(d))
		return -1;
	*out = d;
	return 0;
}

int
date_is_valid(struct date d)
{
	return d.y >= 0 && d.y <= 9999 && d.m >= 1 && d.m <= 12 &&
	    d.d >= 1 && d.d <= days_in_month(d.y, d.m);
}

static void
put_digits(char *p, int v, int n)
{
	while (n-- > 0) {
		p[n] = (char)('0' + v % 10);
		v /= 10;
	}
}

void
date_format(struct date d, char out[11])
{
	/* Hand-rolled: snprintf would need a range proof for out[11]. */
	if (!date_is_valid(d))
		d.y = d.m = d.d = 0;
	put_digits(out, d.y, 4);
	out[4] = '-';
	put_digits(out + 5, d.m, 2);
	out[7] = '-';
	put_digits(out + 8, d.d, 2);
	out[10] = '\0';
}

long
date_to_days(struct date d)
{
	return (long)to_days(d);
}

struct date
date_from_days(long days)
{
	return from_days(days);
}

static int
weekday_of(long long days)
{
	long long r = (days + 3) % 7;	/* 1970-01-01 was a Thursday */

	return (int)(r < 0 ? r + 7 : r) + 1;
}

int
date_weekday(struct date d)
{
	return weekday_of(to_days(d));
}

struct date
date_add_days(struct date d, long n)
{
	long long base = to_days(d);

	/* Both operands stay far inside long long, so the sum cannot wrap. */
	if (base > DAYS_LIMIT)
		base = DAYS_LIMIT;
	if (base < -DAYS_LIMIT)
		base = -DAYS_LIMIT;
	if (n > DAYS_LIMIT * 2)
		n = (long)(DAYS_LIMIT * 2);
	if (n < -DAYS_LIMIT * 2)
		n = (long)(-DAYS_LIMIT * 2);
	return from_days(base + n);
}

int
date_cmp(struct date a, struct date b)
{
	if (a.y != b.y)
		return a.y < b.y ? -1 : 1;
	if (a.m != b.m)
		return a.m < b.m ? -1 : 1;
	if (a.d != b.d)
		return a.d < b.d ? -1 : 1;
	return 0;
}

int
date_iso_week(struct date d, int *iso_year)
{
	long long days = to_days(d);
	long long thu = days + 4 - weekday_of(days);
	struct date t = from_days(thu);
	struct date jan1 = {t.y, 1, 1};

	if (iso_year)
		*iso_year = t.y;
	return (int)((thu - to_days(jan1)) / 7 + 1);
}

int
date_quarter(struct date d)
{
	if (d.m < 1 || d.m > 12)
		return 0;
	return (d.m - 1) / 3 + 1;
}

struct date
date_today_cn(void)
{
	return date_from_days((long)((time(NULL) + 8 * 3600) / 86400));
}
