/*
 * Header binding and cell conversion for imports. Header matching compares
 * normalised forms, because the same template comes back typed on Chinese
 * and English keyboards (（万元） vs (万元)), with Alt+Enter line breaks and
 * ideographic spaces that nobody sees.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/date.h"
#include "io/columns.h"
#include "util/buf.h"

#define FW_LPAREN "\xEF\xBC\x88"	/* （ U+FF08 */
#define FW_RPAREN "\xEF\xBC\x89"	/* ） U+FF09 */
#define FW_STAR "\xEF\xBC\x8A"		/* ＊ U+FF0A */
#define IDEO_SPACE "\xE3\x80\x80"	/* U+3000 */
#define NBSP "\xC2\xA0"

/* Bytes of white space at s: ASCII, U+3000 or NBSP; 0 if none. */
static size_t
space_at(const char *s)
{
	if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n' || *s == '\v' ||
	    *s == '\f')
		return 1;
	if (strncmp(s, IDEO_SPACE, 3) == 0)
		return 3;
	if (strncmp(s, NBSP, 2) == 0)
		return 2;
	return 0;
}

/*
 * The matching form of a header or alias into out: no white space, ASCII
 * lower case, half-width parentheses, no leading or trailing "*" / "＊".
 */
static void
normalise(const char *s, struct buf *out)
{
	size_t k;

	out->len = 0;
	buf_append(out, "", 0);
	while (*s != '\0') {
		if ((k = space_at(s)) > 0) {
			s += k;
		} else if (strncmp(s, FW_LPAREN, 3) == 0) {
			buf_append(out, "(", 1);
			s += 3;
		} else if (strncmp(s, FW_RPAREN, 3) == 0) {
			buf_append(out, ")", 1);
			s += 3;
		} else if (strncmp(s, FW_STAR, 3) == 0) {
			buf_append(out, "*", 1);
			s += 3;
		} else {
			char c = *s >= 'A' && *s <= 'Z' ? (char)(*s - 'A' + 'a') : *s;

			buf_append(out, &c, 1);
			s++;
		}
	}
	while (out->len > 0 && out->p[out->len - 1] == '*')
		out->p[--out->len] = '\0';
	k = strspn(out->p, "*");
	memmove(out->p, out->p + k, out->len - k + 1);
	out->len -= k;
}

/*
 * Length of s (normalised, n bytes) without a trailing "(...)" part, and
 * the factor from the unit that part names to 万元 (1 when it is no unit).
 */
static size_t
base_len(const char *s, size_t n, double *scale)
{
	static const struct {
		const char *unit;
		double scale;
	} units[] = {{"(万元)", 1}, {"(亿元)", 10000}, {"(元)", 0.0001}};
	size_t open = n;

	*scale = 1;
	if (n < 2 || s[n - 1] != ')')
		return n;
	for (size_t i = 0; i + 1 < n; i++)
		if (s[i] == '(')
			open = i;
	if (open == n)
		return n;
	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (strlen(units[i].unit) == n - open &&
		    memcmp(s + open, units[i].unit, n - open) == 0)
			*scale = units[i].scale;
	return open;
}

/*
 * Whether header (normalised, length hn) names map entry m: the whole form
 * equal to an alias's, or else both without their trailing "(...)".
 */
static int
matches(const struct colmap *m, const char *h, size_t hn, int by_base,
    struct buf *tmp)
{
	double unused;
	size_t hb = by_base ? base_len(h, hn, &unused) : hn;

	for (size_t i = 0; ; i++) {
		const char *a = i == 0 ? m->key : m->aliases != NULL ?
		    m->aliases[i - 1] : NULL;
		size_t an;

		if (a == NULL)
			return 0;
		normalise(a, tmp);
		an = by_base ? base_len(tmp->p, tmp->len, &unused) : tmp->len;
		if (hb > 0 && an == hb && memcmp(tmp->p, h, hb) == 0)
			return 1;
	}
}

enum app_err
colmap_bind(const struct table *t, const struct colmap *map, size_t n,
    int *col_of_key, double *scale, json_t *unknown)
{
	struct buf h = {0}, tmp = {0};
	enum app_err rc = APP_OK;

	for (size_t i = 0; i < n; i++) {
		col_of_key[i] = -1;
		scale[i] = 1;
	}
	if (t->nrows == 0) {
		rc = APP_ERR_VALIDATION;
		goto cleanup;
	}
	for (size_t c = 0; c < t->ncols; c++) {
		const char *raw = table_cell(t, 0, c);
		size_t i = n;

		normalise(raw, &h);
		if (h.len == 0)
			continue;
		for (int by_base = 0; by_base <= 1 && i == n; by_base++)
			for (i = 0; i < n; i++)
				if (matches(&map[i], h.p, h.len, by_base, &tmp))
					break;
		if (i < n && col_of_key[i] < 0) {
			double unit;

			col_of_key[i] = (int)c;
			base_len(h.p, h.len, &unit);
			if (map[i].type == CM_MONEY_WAN)
				scale[i] = unit;
		} else if (unknown != NULL) {
			json_array_append_new(unknown, json_string(raw));
		}
	}
cleanup:
	buf_free(&h);
	buf_free(&tmp);
	return rc;
}

/* s without leading and trailing white space, as a new string in out. */
static void
trim(const char *s, struct buf *out)
{
	size_t k, n;

	while ((k = space_at(s)) > 0)
		s += k;
	n = strlen(s);
	/* Scan back over ASCII space and the multi-byte spaces' last bytes. */
	for (;;) {
		if (n > 0 && space_at(s + n - 1) == 1)
			n--;
		else if (n >= 3 && strncmp(s + n - 3, IDEO_SPACE, 3) == 0)
			n -= 3;
		else if (n >= 2 && strncmp(s + n - 2, NBSP, 2) == 0)
			n -= 2;
		else
			break;
	}
	out->len = 0;
	buf_append(out, s, n);
}

/*
 * Digits with "," only between digits (1,234 / 1234), optional leading
 * "-", and when frac, one "." with digits on at least one side. Copies the
 * number without commas to out (size outsz). Returns 0, or -1.
 */
static int
clean_number(const char *s, int frac, char *out, size_t outsz)
{
	size_t o = 0;
	int digits = 0, dot = 0;

	if (*s == '-')
		out[o++] = *s++;
	for (; *s != '\0'; s++) {
		if (o + 2 >= outsz)
			return -1;
		if (*s >= '0' && *s <= '9') {
			out[o++] = *s;
			digits++;
		} else if (*s == ',' && !dot && digits > 0 && s[1] >= '0' &&
		    s[1] <= '9') {
			continue;
		} else if (*s == '.' && frac && !dot) {
			out[o++] = *s;
			dot = 1;
		} else {
			return -1;
		}
	}
	out[o] = '\0';
	return digits > 0 ? 0 : -1;
}

/* Reads min..max digits at *s into *v, advancing *s; -1 when there are
 * fewer, or more follow. */
static int
read_digits(const char **s, int min, int max, int *v)
{
	int n = 0;

	*v = 0;
	while (n < max && **s >= '0' && **s <= '9') {
		*v = *v * 10 + (**s - '0');
		(*s)++;
		n++;
	}
	return n >= min && !(**s >= '0' && **s <= '9') ? 0 : -1;
}

/* After the day: nothing, or a time of day that we drop. */
static int
time_tail(const char *s)
{
	if (*s == '\0')
		return 0;
	if (*s != ' ' && *s != 'T')
		return -1;
	s += strspn(s, " T");
	return *s != '\0' && strspn(s, "0123456789:.") == strlen(s) ? 0 : -1;
}

/*
 * The day s names in one of the accepted spellings, as "YYYY-MM-DD" in out.
 * Returns 0, -1 when s is no date spelling, -2 when it names no real day.
 */
static int
parse_date(const char *s, char out[11])
{
	struct date d;
	int y, m, dd;
	const char *p = s;

	if (read_digits(&p, 8, 8, &y) == 0) {
		/* 20240301 */
		dd = y % 100;
		m = y / 100 % 100;
		y /= 10000;
	} else {
		p = s;
		if (read_digits(&p, 4, 4, &y) != 0)
			return -1;
		if (strncmp(p, "年", strlen("年")) == 0) {
			p += strlen("年");
			if (read_digits(&p, 1, 2, &m) != 0 ||
			    strncmp(p, "月", strlen("月")) != 0)
				return -1;
			p += strlen("月");
			if (read_digits(&p, 1, 2, &dd) != 0)
				return -1;
			if (strncmp(p, "日", strlen("日")) == 0)
				p += strlen("日");
		} else {
			char sep = *p;

			if (sep != '-' && sep != '/' && sep != '.')
				return -1;
			p++;
			if (read_digits(&p, 1, 2, &m) != 0 || *p != sep)
				return -1;
			p++;
			if (read_digits(&p, 1, 2, &dd) != 0)
				return -1;
		}
	}
	if (time_tail(p) != 0)
		return -1;
	/* date_format gives 0000-00-00 for no real day, which date_parse
	 * refuses like years outside its range. */
	d = (struct date){y, m, dd};
	date_format(d, out);
	return date_parse(out, 10, &d) == 0 ? 0 : -2;
}

/* Strict decimal integer that fits in long long. */
static int
parse_int(const char *s, long long *v)
{
	char clean[32], *end;

	if (clean_number(s, 0, clean, sizeof(clean)) != 0)
		return -1;
	if (strlen(clean) > (clean[0] == '-' ? 19 : 18))
		return -1;
	*v = strtoll(clean, &end, 10);
	return *end == '\0' ? 0 : -1;
}

static void
row_error(json_t *errs, const struct table *t, size_t row, int col,
    const char *key, const char *message)
{
	if (errs == NULL)
		return;
	json_array_append_new(errs, json_pack("{s:I, s:s, s:s, s:s}", "row",
	    (json_int_t)(row + 1), "column", table_cell(t, 0, (size_t)col),
	    "key", key, "message", message));
}

json_t *
colmap_row(const struct table *t, size_t row, const struct colmap *map,
    size_t n, const int *col_of_key, const double *scale, json_t *errs)
{
	json_t *obj = json_object();
	struct buf v = {0};
	char num[64], day[11];
	double d;
	long long ll;
	int r;

	for (size_t i = 0; i < n; i++) {
		if (col_of_key[i] < 0)
			continue;
		trim(table_cell(t, row, (size_t)col_of_key[i]), &v);
		if (v.len == 0)
			continue;
		switch (map[i].type) {
		case CM_TEXT:
			json_object_set_new(obj, map[i].key, json_string(v.p));
			break;
		case CM_MONEY_WAN:
			if (clean_number(v.p, 1, num, sizeof(num)) != 0) {
				row_error(errs, t, row, col_of_key[i], map[i].key,
				    "不是数字 (not a number)");
				break;
			}
			d = strtod(num, NULL);
			/* Divide for 元: 0.0001 is inexact, 10000 is not. */
			if (scale[i] > 0 && scale[i] < 1)
				d /= (double)(long long)(1 / scale[i] + 0.5);
			else
				d *= scale[i];
			json_object_set_new(obj, map[i].key, json_real(d + 0.0));
			break;
		case CM_DATE:
			r = parse_date(v.p, day);
			if (r == 0)
				json_object_set_new(obj, map[i].key,
				    json_string(day));
			else
				row_error(errs, t, row, col_of_key[i], map[i].key,
				    r == -1 ? "日期格式应为YYYY-MM-DD (date must be "
				    "YYYY-MM-DD)" : "日期不存在或不在1900-2100年间 (no "
				    "such date, or not in 1900-2100)");
			break;
		case CM_INT:
			if (parse_int(v.p, &ll) != 0)
				row_error(errs, t, row, col_of_key[i], map[i].key,
				    "不是整数 (not an integer)");
			else
				json_object_set_new(obj, map[i].key,
				    json_integer(ll));
			break;
		}
	}
	buf_free(&v);
	return obj;
}
