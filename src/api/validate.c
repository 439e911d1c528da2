/* Field descriptors applied to JSON bodies and query parameters. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/validate.h"
#include "domain/date.h"

void
ferr_addf(json_t *errs, const char *field, const char *msg)
{
	json_array_append_new(errs, json_pack("{s:s, s:s}", "field", field,
	    "message", msg));
}

void
ferr_add(json_t *errs, const char *field, int english, const char *zh,
    const char *en)
{
	ferr_addf(errs, field, english ? en : zh);
}

int
parse_ll(const char *s, long long *out)
{
	const char *p = s;
	long long v = 0;
	int neg = 0;

	if (s == NULL || *s == '\0')
		return -1;
	if (*p == '-') {
		neg = 1;
		p++;
	}
	if (*p == '\0' || strlen(p) > 18)
		return -1;
	for (; *p; p++) {
		if (*p < '0' || *p > '9')
			return -1;
		v = v * 10 + (*p - '0');
	}
	*out = neg ? -v : v;
	return 0;
}

static const char *
choices_text(const char *const *c, char *out, size_t n)
{
	size_t len = 0;

	out[0] = '\0';
	for (; c != NULL && *c != NULL && len < n; c++)
		len += (size_t)snprintf(out + len, n - len, "%s%s",
		    len ? ", " : "", *c);
	return out;
}

/* A decimal as people type it: -12, 3.5 — no spaces, hex or exponents,
 * which strtod would take but nobody means in a form. */
static int
plain_number(const char *s)
{
	int digits = 0, dot = 0;

	if (*s == '-')
		s++;
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9')
			digits++;
		else if (*s == '.' && !dot)
			dot = 1;
		else
			return 0;
	}
	return digits > 0;
}

static int
in_choices(const char *v, const char *const *c)
{
	for (; *c != NULL; c++)
		if (strcmp(v, *c) == 0)
			return 1;
	return 0;
}

/* Trims ASCII and ideographic (U+3000) spaces that users paste from Excel. */
static json_t *
trimmed(const char *s)
{
	size_t n = strlen(s);

	for (;;) {
		if (n > 0 && isspace((unsigned char)*s)) {
			s++;
			n--;
		} else if (n >= 3 && memcmp(s, "\xe3\x80\x80", 3) == 0) {
			s += 3;
			n -= 3;
		} else
			break;
	}
	for (;;) {
		if (n > 0 && isspace((unsigned char)s[n - 1]))
			n--;
		else if (n >= 3 && memcmp(s + n - 3, "\xe3\x80\x80", 3) == 0)
			n -= 3;
		else
			break;
	}
	return json_stringn(s, n);
}

static void
one_field(json_t *body, const struct field_spec *f, struct store_val *val,
    json_t *errs, int english)
{
	json_t *v = json_object_get(body, f->name);
	char msg[256];
	long len;

	*val = SV_NULLV;
	if (v != NULL && json_is_string(v) && f->type != FT_TEXT &&
	    f->type != FT_ENUM && f->type != FT_DATE &&
	    json_string_length(v) == 0)
		v = NULL;	/* an empty form input means "not given" */
	if (v != NULL && json_is_string(v) && (f->type == FT_TEXT ||
	    f->type == FT_ENUM || f->type == FT_DATE)) {
		json_t *t = trimmed(json_string_value(v));

		if (t == NULL) {	/* not UTF-8 */
			ferr_add(errs, f->name, english, "包含无效字符",
			    "contains invalid characters");
			return;
		}
		json_object_set_new(body, f->name, t);
		v = json_string_length(t) ? t : NULL;
	}
	if (v == NULL || json_is_null(v)) {
		if (f->required)
			ferr_add(errs, f->name, english, "必填", "is required");
		return;
	}
	switch (f->type) {
	case FT_TEXT:
	case FT_ENUM:
		if (!json_is_string(v)) {
			ferr_add(errs, f->name, english, "应为文本",
			    "must be text");
			return;
		}
		val->type = SV_TEXT;
		val->s = json_string_value(v);
		len = utf8_len(val->s, json_string_length(v));
		if (f->type == FT_ENUM && !in_choices(val->s, f->choices)) {
			char c[200];

			choices_text(f->choices, c, sizeof c);
			snprintf(msg, sizeof msg, english ?
			    "must be one of: %s" : "取值应为以下之一：%s", c);
			ferr_addf(errs, f->name, msg);
		} else if (f->maxlen > 0 && len > f->maxlen) {
			snprintf(msg, sizeof msg, english ?
			    "must be at most %d characters (has %ld)" :
			    "不能超过%d个字符（现有%ld个）", f->maxlen, len);
			ferr_addf(errs, f->name, msg);
		} else if (f->check != NULL &&
		    f->check(val->s, english, msg, sizeof msg) != 0)
			ferr_addf(errs, f->name, msg);
		return;
	case FT_INT: {
		long long i;

		if (json_is_integer(v))
			i = json_integer_value(v);
		else if (!json_is_string(v) ||
		    parse_ll(json_string_value(v), &i) != 0) {
			ferr_add(errs, f->name, english, "应为整数",
			    "must be a whole number");
			return;
		}
		if (f->min < f->max && (i < f->min || i > f->max)) {
			snprintf(msg, sizeof msg, english ?
			    "must be between %lld and %lld" :
			    "应在%lld到%lld之间", f->min, f->max);
			ferr_addf(errs, f->name, msg);
			return;
		}
		*val = SV_I(i);
		return;
	}
	case FT_NUM: {
		double d;
		char *end;

		if (json_is_number(v))
			d = json_number_value(v);
		else if (json_is_string(v) && plain_number(json_string_value(v))) {
			d = strtod(json_string_value(v), &end);
			if (*end != '\0') {
				ferr_add(errs, f->name, english, "应为数字",
				    "must be a number");
				return;
			}
		} else {
			ferr_add(errs, f->name, english, "应为数字",
			    "must be a number");
			return;
		}
		if (d != d || d > 1e300 || d < -1e300 || (f->min < f->max &&
		    (d < (double)f->min ||
		    d > (double)f->max))) {
			snprintf(msg, sizeof msg, english ?
			    "must be between %lld and %lld" :
			    "应在%lld到%lld之间", f->min, f->max);
			ferr_addf(errs, f->name, msg);
			return;
		}
		*val = SV_R(d);
		return;
	}
	case FT_DATE: {
		struct date dt;

		if (!json_is_string(v) || date_parse(json_string_value(v),
		    json_string_length(v), &dt) != 0) {
			ferr_add(errs, f->name, english,
			    "日期应为YYYY-MM-DD格式的有效日期",
			    "must be a real date written YYYY-MM-DD");
			return;
		}
		val->type = SV_TEXT;
		val->s = json_string_value(v);
		return;
	}
	case FT_BOOL:
		if (!json_is_boolean(v)) {
			ferr_add(errs, f->name, english, "应为是或否",
			    "must be true or false");
			return;
		}
		*val = SV_I(json_is_true(v));
		return;
	}
}

void
validate_body(json_t *body, const struct field_spec *specs, size_t n,
    struct store_val *vals, json_t *errs, int english)
{
	for (size_t i = 0; i < n; i++)
		one_field(body, &specs[i], &vals[i], errs, english);
}

static void
escape_like(const char *in, char *out, size_t n)
{
	size_t j = 0;

	for (; *in && j + 2 < n; in++) {
		if (*in == '%' || *in == '_' || *in == '\\')
			out[j++] = '\\';
		out[j++] = *in;
	}
	out[j] = '\0';
}

static int
sort_ok(const char *s, const char *const *sorts)
{
	if (*s == '-')
		s++;
	return in_choices(s, sorts);
}

void
list_query_parse(struct list_query *lq, const char *(*get)(void *,
    const char *), void *ctx, const char *const *sorts,
    const struct field_spec *filters, size_t nfilters, json_t *errs,
    int english)
{
	const char *v;
	char msg[1024];

	memset(lq, 0, sizeof *lq);
	lq->limit = 20;
	if ((v = get(ctx, "q")) != NULL && *v != '\0') {
		if (utf8_len(v, strlen(v)) < 0 || strlen(v) > 100)
			ferr_add(errs, "q", english,
			    "搜索词无效或超过100字节",
			    "search text is invalid or longer than 100 bytes");
		else {
			escape_like(v, lq->qbuf, sizeof lq->qbuf);
			lq->q = lq->qbuf;
		}
	}
	if ((v = get(ctx, "limit")) != NULL && (parse_ll(v, &lq->limit) ||
	    lq->limit < 1 || lq->limit > 200))
		ferr_add(errs, "limit", english, "应为1到200之间的整数",
		    "must be a whole number from 1 to 200");
	if ((v = get(ctx, "offset")) != NULL && (parse_ll(v, &lq->offset) ||
	    lq->offset < 0))
		ferr_add(errs, "offset", english, "应为不小于0的整数",
		    "must be a whole number, 0 or more");
	if ((v = get(ctx, "sort")) != NULL && *v != '\0') {
		if (sorts == NULL || !sort_ok(v, sorts)) {
			char c[768];

			choices_text(sorts, c, sizeof c);
			snprintf(msg, sizeof msg, english ?
			    "cannot sort by this; use one of: %s (prefix - for descending)" :
			    "不能按此排序，可用：%s（前加 - 为降序）", c);
			ferr_addf(errs, "sort", msg);
		} else
			lq->sort = v;
	}
	for (size_t i = 0; i < nfilters && i < LIST_MAX_FILTERS; i++) {
		const struct field_spec *f = &filters[i];

		v = get(ctx, f->name);
		if (v == NULL || *v == '\0')
			continue;
		if (f->type == FT_ENUM && !in_choices(v, f->choices)) {
			char c[200];

			choices_text(f->choices, c, sizeof c);
			snprintf(msg, sizeof msg, english ?
			    "must be one of: %s" : "取值应为以下之一：%s", c);
			ferr_addf(errs, f->name, msg);
			continue;
		}
		lq->filters[i] = v;
	}
}
