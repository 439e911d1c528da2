/*
 * The route table: method + path pattern → handler, with the permission the
 * dispatcher checks and the resource whose fields the body is validated
 * against. Patterns are literal segments and "{id}" (a positive integer).
 */
#ifndef ZD_HTTP_ROUTER_H
#define ZD_HTTP_ROUTER_H

#include <stddef.h>

#include "domain/perm.h"
#include "http/req.h"
#include "util/err.h"

struct resource;

enum {
	R_PUBLIC = 1,		/* no login needed */
	R_NO_CSRF = 2,		/* unsafe method without session token (login) */
	R_BODY = 4,		/* takes a JSON object body */
	R_UPLOAD = 8,		/* takes a raw file body up to UPLOAD_MAX */
};

#define BODY_MAX (1024 * 1024)
#define UPLOAD_MAX (20 * 1024 * 1024)

struct route {
	const char *method, *pattern;
	enum app_err (*fn)(struct req *);
	enum perm perm;
	/* Also allowed with this permission when owns() says the record of
	 * {id} is the caller organisation's own (NULL: a list, which the
	 * handler then scopes to r->own_only). */
	enum perm own;
	const struct resource *res;
	unsigned flags;
	int (*owns)(struct req *);
};

extern const struct route routes[];
extern const size_t routes_count;

enum route_match { ROUTE_FOUND, ROUTE_NO_PATH, ROUTE_NO_METHOD };

/*
 * Finds the route for method and path. On ROUTE_FOUND *out and *id are set;
 * on ROUTE_NO_METHOD allow gets the comma-separated methods of that path.
 */
enum route_match router_match(const char *method, const char *path,
    const struct route **out, long long *id, char *allow, size_t allowsz);

#endif
