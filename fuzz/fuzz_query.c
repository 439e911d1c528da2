/*
 * libFuzzer target for list_query_parse: the input is a query string split
 * on '&' and the first '=' (no percent-decoding; the first occurrence of a
 * name wins, as a lookup does), served through a getter with sort keys, an
 * enum filter and a text filter. Asserts: errors are well-formed, one per
 * parameter at most; without a limit error 1 <= limit <= 200 (20 when
 * absent); without an offset error offset >= 0; a sort is one of the keys,
 * optionally with '-'; q is the parameter LIKE-escaped; filters hold only
 * accepted values, at their spec's index.
 */
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "api/validate.h"
#include "util/utf8.h"

#define CHECK(cond) do { if (!(cond)) abort(); } while (0)

#define MAX_PARAMS 64

struct params {
	size_t n;
	const char *k[MAX_PARAMS], *v[MAX_PARAMS];
};

static const char *
get(void *ctx, const char *name)
{
	const struct params *p = ctx;

	for (size_t i = 0; i < p->n; i++)
		if (strcmp(p->k[i], name) == 0)
			return p->v[i];
	return NULL;
}

static const char *const sorts[] = {"name", "code", "kind", "created_at",
    "id", NULL};
static const char *const kinds[] = {"park", "expansion", NULL};
static const struct field_spec filters[] = {
	{.name = "kind", .type = FT_ENUM, .choices = kinds},
	{.name = "tag", .type = FT_TEXT},
};

static int
in_list(const char *v, const char *const *c)
{
	for (; *c != NULL; c++)
		if (strcmp(v, *c) == 0)
			return 1;
	return 0;
}

/* Undoes the LIKE escaping; -1 when an escape is missing or dangling. */
static int
unescape(const char *q, char *out, size_t n)
{
	size_t j = 0;

	for (; *q; q++) {
		if (*q == '\\') {
			q++;
			if (*q != '%' && *q != '_' && *q != '\\')
				return -1;
		} else if (*q == '%' || *q == '_')
			return -1;
		if (j + 1 >= n)
			return -1;
		out[j++] = *q;
	}
	out[j] = '\0';
	return 0;
}

static int
count_field(json_t *errs, const char *field)
{
	int n = 0;

	for (size_t i = 0; i < json_array_size(errs); i++) {
		json_t *e = json_array_get(errs, i);

		CHECK(json_is_object(e) && json_object_size(e) == 2);
		CHECK(json_is_string(json_object_get(e, "field")));
		CHECK(json_is_string(json_object_get(e, "message")));
		CHECK(json_string_length(json_object_get(e, "message")) > 0);
		if (strcmp(json_string_value(json_object_get(e, "field")),
		    field) == 0)
			n++;
	}
	CHECK(n <= 1);
	return n;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size + 1), *p, *amp;
	struct params prm = {0};
	const char *v;

	if (buf == NULL)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	/* Split at '&'; a pair without '=' has the empty value. */
	for (p = buf; p != NULL && prm.n < MAX_PARAMS; p = amp) {
		char *eq;

		if ((amp = strchr(p, '&')) != NULL)
			*amp++ = '\0';
		if ((eq = strchr(p, '=')) != NULL)
			*eq++ = '\0';
		prm.k[prm.n] = p;
		prm.v[prm.n] = eq != NULL ? eq : p + strlen(p);
		prm.n++;
	}
	for (int english = 0; english <= 1; english++) {
		struct list_query lq;
		json_t *errs = json_array();
		size_t known = 0;

		memset(&lq, 0xa5, sizeof lq);
		list_query_parse(&lq, get, &prm, sorts, filters, 2, errs,
		    english);
		/* Only parameters that exist are reported, once each. */
		known += (size_t)count_field(errs, "q");
		known += (size_t)count_field(errs, "limit");
		known += (size_t)count_field(errs, "offset");
		known += (size_t)count_field(errs, "sort");
		known += (size_t)count_field(errs, "kind");
		CHECK(count_field(errs, "tag") == 0);
		CHECK(known == json_array_size(errs));

		if (!count_field(errs, "limit")) {
			CHECK(lq.limit >= 1 && lq.limit <= 200);
			if (get(&prm, "limit") == NULL)
				CHECK(lq.limit == 20);
		} else
			CHECK(get(&prm, "limit") != NULL);
		if (!count_field(errs, "offset")) {
			CHECK(lq.offset >= 0);
			if (get(&prm, "offset") == NULL)
				CHECK(lq.offset == 0);
		} else
			CHECK(get(&prm, "offset") != NULL);

		v = get(&prm, "sort");
		if (lq.sort != NULL) {
			CHECK(!count_field(errs, "sort"));
			CHECK(v == lq.sort);
			CHECK(in_list(lq.sort[0] == '-' ? lq.sort + 1 : lq.sort,
			    sorts));
		} else
			CHECK(v == NULL || *v == '\0' ||
			    count_field(errs, "sort"));

		v = get(&prm, "q");
		if (lq.q != NULL) {
			char raw[256];

			CHECK(lq.q == lq.qbuf);
			CHECK(strlen(lq.q) < sizeof lq.qbuf);
			CHECK(!count_field(errs, "q"));
			CHECK(unescape(lq.q, raw, sizeof raw) == 0);
			CHECK(v != NULL && strcmp(raw, v) == 0);
			CHECK(strlen(v) <= 100 && utf8_len(v, strlen(v)) >= 0);
		} else
			CHECK(v == NULL || *v == '\0' ||
			    count_field(errs, "q"));

		v = get(&prm, "kind");
		if (lq.filters[0] != NULL) {
			CHECK(lq.filters[0] == v);
			CHECK(in_list(v, kinds));
			CHECK(!count_field(errs, "kind"));
		} else
			CHECK(v == NULL || *v == '\0' ||
			    count_field(errs, "kind"));
		v = get(&prm, "tag");
		CHECK(lq.filters[1] == (v != NULL && *v != '\0' ? v : NULL));
		for (int i = 2; i < LIST_MAX_FILTERS; i++)
			CHECK(lq.filters[i] == NULL);
		json_decref(errs);
	}
	free(buf);
	return 0;
}
