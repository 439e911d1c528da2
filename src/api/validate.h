/*
 * Input validation at the boundary: field descriptors, decoding a JSON body
 * into bound values, and list query parameters. The CLI and the HTTP API run
 * the same descriptors, so a record is checked the same way from both.
 *
 * Field errors collect in a JSON array of {"field","message"} in the actor's
 * language; a non-empty array means APP_ERR_VALIDATION.
 */
#ifndef ZD_API_VALIDATE_H
#define ZD_API_VALIDATE_H

#include <jansson.h>
#include <stddef.h>

#include "store/store.h"
#include "util/utf8.h"

enum ftype {
	FT_TEXT,
	FT_INT,
	FT_ENUM,
	FT_BOOL,
	FT_NUM,		/* a number (SV_REAL), e.g. 万元; range min..max when min < max */
	FT_DATE,	/* YYYY-MM-DD, a real calendar day */
};

struct field_spec {
	const char *name;
	enum ftype type;
	int required;
	int maxlen;			/* characters, FT_TEXT */
	const char *const *choices;	/* NULL-terminated, FT_ENUM */
	long long min, max;		/* FT_INT, when min < max */
	/* Extra check of a non-empty text; writes a message and returns -1. */
	int (*check)(const char *v, int english, char *msg, size_t msgsz);
};

/* Appends {"field": field, "message": zh or en} to errs. */
void ferr_add(json_t *errs, const char *field, int english, const char *zh,
    const char *en);
void ferr_addf(json_t *errs, const char *field, const char *msg);

/*
 * Decodes body (a JSON object) per specs into vals[0..n). Text is trimmed;
 * empty optional text becomes NULL. Strings in vals are owned by body, which
 * this may modify (trimmed values are stored back). Appends errors to errs.
 */
void validate_body(json_t *body, const struct field_spec *specs, size_t n,
    struct store_val *vals, json_t *errs, int english);

/* Strict decimal integer: digits only, optional leading '-', no overflow. */
int parse_ll(const char *s, long long *out);

/* List query: q, sort, limit, offset and named filters. */
#define LIST_MAX_FILTERS 8
struct list_query {
	const char *q;		/* LIKE-escaped, or NULL */
	const char *sort;	/* validated key, maybe "-key"; NULL: default */
	long long limit, offset;
	const char *filters[LIST_MAX_FILTERS];
	char qbuf[256];
};

/* Reads parameters through get(ctx, name) (NULL when absent). */
void list_query_parse(struct list_query *lq, const char *(*get)(void *,
    const char *), void *ctx, const char *const *sorts,
    const struct field_spec *filters, size_t nfilters, json_t *errs,
    int english);

#endif
