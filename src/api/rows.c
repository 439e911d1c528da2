/* Sorting and paging of derived rows. */
#include <stdlib.h>
#include <string.h>

#include "api/rows.h"
#include "util/xalloc.h"

struct keyed {
	json_t *row;
	json_t *key;
};

/* qsort_r (glibc) carries the direction, so threads never share it. */
static int
cmp(const void *pa, const void *pb, void *ctx)
{
	json_t *a = ((const struct keyed *)pa)->key;
	json_t *b = ((const struct keyed *)pb)->key;
	int an = a == NULL || json_is_null(a), bn = b == NULL || json_is_null(b);
	int c;

	if (an || bn)
		return an - bn;	/* empty values last, either direction */
	if (json_is_number(a) && json_is_number(b)) {
		double x = json_number_value(a), y = json_number_value(b);

		c = x < y ? -1 : x > y;
	} else if (json_is_string(a) && json_is_string(b))
		c = strcmp(json_string_value(a), json_string_value(b));
	else if (json_is_boolean(a) && json_is_boolean(b))
		c = json_is_true(a) - json_is_true(b);
	else
		c = 0;
	if (c == 0)	/* stable: keep the statement's order */
		return pa < pb ? -1 : pa > pb;
	return *(const int *)ctx ? -c : c;
}

json_t *
rows_page(json_t **rows, size_t n, const struct list_query *lq)
{
	struct keyed *k = xcalloc(n + 1, sizeof *k);
	json_t *items = json_array();
	size_t i;
	int desc = lq->sort != NULL && lq->sort[0] == '-';

	for (i = 0; i < n; i++) {
		k[i].row = rows[i];
		k[i].key = lq->sort ? json_object_get(rows[i], lq->sort + desc) :
		    NULL;
	}
	if (lq->sort != NULL)
		qsort_r(k, n, sizeof *k, cmp, &desc);
	for (i = (size_t)lq->offset; i < n && i < (size_t)(lq->offset +
	    lq->limit); i++)
		json_array_append(items, k[i].row);
	free(k);
	return json_pack("{s:o, s:I, s:I, s:I}", "items", items, "total",
	    (json_int_t)n, "limit", (json_int_t)lq->limit, "offset",
	    (json_int_t)lq->offset);
}

json_t *
json_pick(json_t *o, const char *const *keys)
{
	json_t *s = json_object();

	for (size_t i = 0; keys[i] != NULL; i++) {
		json_t *v = json_object_get(o, keys[i]);

		json_object_set(s, keys[i], v ? v : json_null());
	}
	return s;
}

long long
json_int_of(json_t *o, const char *key)
{
	return json_integer_value(json_object_get(o, key));
}

const char *
json_str_of(json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}
