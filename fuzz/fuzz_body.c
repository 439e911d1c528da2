/*
 * libFuzzer target for api/validate: arbitrary bytes parsed as the server
 * parses a body (json_loadb, JSON_REJECT_DUPLICATES) and, when an object,
 * validated against a spec covering every field type, in both languages.
 * Asserts: errors are {"field","message"} string pairs naming a spec field
 * at most once, messages are valid UTF-8; a field without an error is bound
 * to a value of its type that obeys the spec (trimmed, within maxlen, in
 * the choices, in range, a real date, passing the check); values are owned
 * by the body; and validating the trimmed body again changes nothing.
 */
#include <ctype.h>
#include <jansson.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "api/validate.h"
#include "domain/date.h"
#include "domain/uscc.h"
#include "util/utf8.h"

/* Own abort rather than assert(): the target must check with NDEBUG too. */
#define CHECK(cond) do { if (!(cond)) abort(); } while (0)

static int
check_uscc(const char *v, int english, char *msg, size_t msgsz)
{
	size_t pos = 0, len = strlen(v);
	enum uscc_err e = uscc_check(v, len, &pos);

	if (e == USCC_OK)
		return 0;
	uscc_explain(e, v, len, pos, english, msg, msgsz);
	return -1;
}

static const char *const kinds[] = {"enterprise", "contractor", "investor",
    "department", NULL};
static const char *const levels[] = {"省级", "市级", "区级", NULL};

static const struct field_spec specs[] = {
	{.name = "name", .type = FT_TEXT, .required = 1, .maxlen = 10},
	{.name = "note", .type = FT_TEXT},
	{.name = "uscc", .type = FT_TEXT, .maxlen = 64, .check = check_uscc},
	{.name = "kind", .type = FT_ENUM, .required = 1, .choices = kinds},
	{.name = "level", .type = FT_ENUM, .choices = levels},
	{.name = "count", .type = FT_INT, .min = 1, .max = 1000},
	{.name = "any", .type = FT_INT},
	{.name = "flag", .type = FT_BOOL},
	{.name = "amount", .type = FT_NUM, .min = 0, .max = 1000000},
	{.name = "day", .type = FT_DATE, .required = 1},
};
#define NSPECS (sizeof specs / sizeof specs[0])

/* Strict UTF-8 validity: no overlongs, surrogates or truncated tails. */
static int
valid_utf8(const unsigned char *p, size_t n)
{
	size_t i = 0;

	while (i < n) {
		unsigned long c;
		size_t need;

		if (p[i] < 0x80) {
			i++;
			continue;
		}
		if (p[i] >= 0xC2 && p[i] <= 0xDF)
			need = 1, c = p[i] & 0x1F;
		else if (p[i] >= 0xE0 && p[i] <= 0xEF)
			need = 2, c = p[i] & 0x0F;
		else if (p[i] >= 0xF0 && p[i] <= 0xF4)
			need = 3, c = p[i] & 0x07;
		else
			return 0;
		if (n - i <= need)
			return 0;
		for (size_t k = 1; k <= need; k++) {
			if ((p[i + k] & 0xC0) != 0x80)
				return 0;
			c = c << 6 | (p[i + k] & 0x3F);
		}
		if ((need == 2 && (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))) ||
		    (need == 3 && (c < 0x10000 || c > 0x10FFFF)))
			return 0;
		i += need + 1;
	}
	return 1;
}

static int
is_trimmed(const char *s, size_t n)
{
	if (n == 0)
		return 0;
	if (isspace((unsigned char)s[0]) || isspace((unsigned char)s[n - 1]))
		return 0;
	if (n >= 3 && (memcmp(s, "\xe3\x80\x80", 3) == 0 ||
	    memcmp(s + n - 3, "\xe3\x80\x80", 3) == 0))
		return 0;
	return 1;
}

static int
spec_index(const char *name)
{
	for (size_t i = 0; i < NSPECS; i++)
		if (strcmp(specs[i].name, name) == 0)
			return (int)i;
	return -1;
}

static int
in_list(const char *v, const char *const *c)
{
	for (; *c != NULL; c++)
		if (strcmp(v, *c) == 0)
			return 1;
	return 0;
}

/* Checks errs and vals; marks in has_err which fields have an error. */
static void
check_result(json_t *body, json_t *errs, const struct store_val *vals,
    int english)
{
	int has_err[NSPECS] = {0};

	CHECK(json_is_array(errs));
	for (size_t i = 0; i < json_array_size(errs); i++) {
		json_t *e = json_array_get(errs, i);
		json_t *field = json_object_get(e, "field");
		json_t *msg = json_object_get(e, "message");
		int k;

		CHECK(json_is_object(e) && json_object_size(e) == 2);
		CHECK(json_is_string(field) && json_is_string(msg));
		k = spec_index(json_string_value(field));
		CHECK(k >= 0 && !has_err[k]);
		has_err[k] = 1;
		CHECK(json_string_length(msg) > 0);
		CHECK(valid_utf8((const unsigned char *)json_string_value(msg),
		    json_string_length(msg)));
	}
	for (size_t i = 0; i < NSPECS; i++) {
		const struct field_spec *f = &specs[i];
		const struct store_val *v = &vals[i];
		json_t *cur = json_object_get(body, f->name);

		if (v->type == SV_NULL) {
			CHECK(has_err[i] || !f->required);
			continue;
		}
		switch (f->type) {
		case FT_TEXT:
		case FT_ENUM:
		case FT_DATE:
			CHECK(v->type == SV_TEXT && v->s != NULL);
			/* Owned by the body: the stored (trimmed) value. */
			CHECK(json_is_string(cur) &&
			    json_string_value(cur) == v->s);
			CHECK(valid_utf8((const unsigned char *)v->s,
			    strlen(v->s)));
			CHECK(is_trimmed(v->s, strlen(v->s)));
			if (has_err[i])
				break;
			if (f->maxlen > 0)
				CHECK(utf8_len(v->s, strlen(v->s)) <=
				    f->maxlen);
			if (f->type == FT_ENUM)
				CHECK(in_list(v->s, f->choices));
			if (f->type == FT_DATE) {
				struct date d;

				CHECK(strlen(v->s) == 10);
				CHECK(date_parse(v->s, 10, &d) == 0);
			}
			if (f->check != NULL) {
				char msg[256];

				CHECK(f->check(v->s, english, msg,
				    sizeof msg) == 0);
			}
			break;
		case FT_INT:
		case FT_BOOL:
			CHECK(v->type == SV_INT && !has_err[i]);
			if (f->type == FT_BOOL)
				CHECK(v->i == 0 || v->i == 1);
			if (f->min < f->max)
				CHECK(v->i >= f->min && v->i <= f->max);
			break;
		case FT_NUM:
			CHECK(v->type == SV_REAL && !has_err[i]);
			CHECK(!isnan(v->r));
			if (f->min < f->max)
				CHECK(v->r >= (double)f->min &&
				    v->r <= (double)f->max);
			break;
		}
	}
}

/* A copy of vals that outlives the body's strings (a second
 * validate_body replaces them, as the header allows). */
static void
keep_vals(const struct store_val *in, struct store_val *out)
{
	for (size_t i = 0; i < NSPECS; i++) {
		out[i] = in[i];
		if (in[i].type == SV_TEXT) {
			out[i].s = strdup(in[i].s);
			CHECK(out[i].s != NULL);
		}
	}
}

static void
free_vals(struct store_val *v)
{
	for (size_t i = 0; i < NSPECS; i++)
		if (v[i].type == SV_TEXT)
			free((char *)(uintptr_t)v[i].s);
}

static int
same_vals(const struct store_val *a, const struct store_val *b)
{
	for (size_t i = 0; i < NSPECS; i++) {
		if (a[i].type != b[i].type)
			return 0;
		if (a[i].type == SV_TEXT && strcmp(a[i].s, b[i].s) != 0)
			return 0;
		if (a[i].type == SV_INT && a[i].i != b[i].i)
			return 0;
		if (a[i].type == SV_REAL && a[i].r != b[i].r)
			return 0;
	}
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	json_error_t jerr;
	json_t *root = json_loadb((const char *)data, size,
	    JSON_REJECT_DUPLICATES, &jerr);

	if (root == NULL)
		return 0;
	if (!json_is_object(root)) {
		json_decref(root);
		return 0;
	}
	for (int english = 0; english <= 1; english++) {
		json_t *body = json_deep_copy(root);
		json_t *errs = json_array(), *errs2 = json_array();
		struct store_val vals[NSPECS], vals2[NSPECS], kept[NSPECS];

		validate_body(body, specs, NSPECS, vals, errs, english);
		check_result(body, errs, vals, english);
		keep_vals(vals, kept);
		/* Trimming stored back is final: a second pass agrees. */
		validate_body(body, specs, NSPECS, vals2, errs2, english);
		check_result(body, errs2, vals2, english);
		CHECK(json_equal(errs, errs2));
		CHECK(same_vals(kept, vals2));
		free_vals(kept);
		json_decref(errs);
		json_decref(errs2);
		json_decref(body);
	}
	json_decref(root);
	return 0;
}
