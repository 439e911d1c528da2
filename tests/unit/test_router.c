/*
 * Unit tests of http/router over the real route table (http/routes.c):
 * matches with {id} extracted, ids the pattern must refuse, wrong methods
 * with their Allow list, and the shape of the table itself.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/router.h"

static enum route_match
m(const char *method, const char *path, const struct route **rt,
    long long *id, char *allow, size_t allowsz)
{
	*rt = NULL;
	*id = -12345;
	return router_match(method, path, rt, id, allow, allowsz);
}

/* Asserts method+path finds the route with that method and pattern. */
static void
found(const char *method, const char *path, const char *pattern,
    long long want_id)
{
	const struct route *rt;
	long long id;
	char allow[64];

	memset(allow, 'x', sizeof allow);
	assert_int_equal(m(method, path, &rt, &id, allow, sizeof allow),
	    ROUTE_FOUND);
	assert_non_null(rt);
	assert_string_equal(rt->method, method);
	assert_string_equal(rt->pattern, pattern);
	assert_int_equal(id, want_id);
}

static void
no_path(const char *method, const char *path)
{
	const struct route *rt;
	long long id;
	char allow[64];

	memset(allow, 'x', sizeof allow);
	assert_int_equal(m(method, path, &rt, &id, allow, sizeof allow),
	    ROUTE_NO_PATH);
	assert_null(rt);
	assert_string_equal(allow, "");
}

static void
no_method(const char *method, const char *path, const char *want_allow)
{
	const struct route *rt;
	long long id;
	char allow[64];

	memset(allow, 'x', sizeof allow);
	assert_int_equal(m(method, path, &rt, &id, allow, sizeof allow),
	    ROUTE_NO_METHOD);
	assert_null(rt);
	assert_string_equal(allow, want_allow);
}

static void
test_found_static_routes(void **state)
{
	(void)state;
	found("GET", "/api/health", "/api/health", 0);
	found("GET", "/api/openapi.yaml", "/api/openapi.yaml", 0);
	found("POST", "/api/login", "/api/login", 0);
	found("POST", "/api/logout", "/api/logout", 0);
	found("GET", "/api/me", "/api/me", 0);
	found("GET", "/api/zones", "/api/zones", 0);
	found("GET", "/api/parks", "/api/parks", 0);
	found("POST", "/api/parks", "/api/parks", 0);
	found("GET", "/api/chains", "/api/chains", 0);
	found("POST", "/api/orgs", "/api/orgs", 0);
	found("GET", "/api/users", "/api/users", 0);
	found("POST", "/api/users", "/api/users", 0);
	found("GET", "/api/audit", "/api/audit", 0);
}

static void
test_found_with_id(void **state)
{
	(void)state;
	found("GET", "/api/zones/1", "/api/zones/{id}", 1);
	found("PUT", "/api/zones/7", "/api/zones/{id}", 7);
	found("GET", "/api/parks/5", "/api/parks/{id}", 5);
	found("PUT", "/api/parks/42", "/api/parks/{id}", 42);
	found("DELETE", "/api/parks/1234567", "/api/parks/{id}", 1234567);
	found("GET", "/api/parks/5/history", "/api/parks/{id}/history", 5);
	found("GET", "/api/chains/10", "/api/chains/{id}", 10);
	found("DELETE", "/api/chains/10", "/api/chains/{id}", 10);
	found("GET", "/api/orgs/3", "/api/orgs/{id}", 3);
	found("GET", "/api/orgs/3/history", "/api/orgs/{id}/history", 3);
	found("GET", "/api/users/9", "/api/users/{id}", 9);
	found("PUT", "/api/users/9", "/api/users/{id}", 9);
	found("POST", "/api/users/90/password", "/api/users/{id}/password",
	    90);
	found("GET", "/api/users/9/history", "/api/users/{id}/history", 9);
	found("GET", "/api/projects/8", "/api/projects/{id}", 8);
	found("POST", "/api/projects/8/reports", "/api/projects/{id}/reports",
	    8);
	found("DELETE", "/api/reports/3", "/api/reports/{id}", 3);
	/* A literal segment where {id} could stand: digits only for {id} */
	found("GET", "/api/reports/kaifugong", "/api/reports/kaifugong", 0);
	/* The largest id: 18 digits. */
	found("GET", "/api/parks/999999999999999999", "/api/parks/{id}",
	    999999999999999999LL);
	found("GET", "/api/parks/100000000000000000/history",
	    "/api/parks/{id}/history", 100000000000000000LL);
}

static void
test_bad_ids(void **state)
{
	(void)state;
	no_path("GET", "/api/parks/0");
	no_path("GET", "/api/parks/00");
	no_path("GET", "/api/parks/05");
	no_path("GET", "/api/parks/0/history");
	/* 19 digits, no overflow of the running value */
	no_path("GET", "/api/parks/1000000000000000000");
	no_path("GET", "/api/parks/1000000000000000000/history");
	no_path("GET", "/api/parks/-5");
	no_path("GET", "/api/parks/+5");
	no_path("GET", "/api/parks/ 5");
	no_path("GET", "/api/parks/5a");
	no_path("GET", "/api/parks/a5");
	no_path("GET", "/api/parks/abc");
	no_path("GET", "/api/parks/1e3");
	no_path("GET", "/api/parks/0x10");
	no_path("GET", "/api/parks/5.0");
	no_path("GET", "/api/parks/%35");
	no_path("GET", "/api/parks/{id}");
	no_path("GET", "/api/parks/");
	no_path("GET", "/api/parks//history");
	no_path("PUT", "/api/zones/");
}

static void
test_bad_paths(void **state)
{
	(void)state;
	/* trailing slash */
	no_path("GET", "/api/health/");
	no_path("GET", "/api/parks/");
	no_path("GET", "/api/parks/5/");
	no_path("GET", "/api/parks/5/history/");
	/* extra or missing segments */
	no_path("GET", "/api/parks/5/6");
	no_path("GET", "/api/parks/5/history/1");
	no_path("GET", "/api/parks/5/extra");
	no_path("POST", "/api/users/5/password/x");
	no_path("GET", "/api/parks/history");
	no_path("GET", "/api/audit/1");
	no_path("GET", "/api");
	no_path("GET", "/api/");
	no_path("GET", "/");
	no_path("GET", "");
	/* case, prefixes, query strings, doubled slashes */
	no_path("GET", "/API/health");
	no_path("GET", "/api/Parks");
	no_path("GET", "/api/healthz");
	no_path("GET", "/api/healt");
	no_path("GET", "//api/health");
	no_path("GET", "/api//health");
	no_path("GET", "/api/health?x=1");
	no_path("GET", "/api/parks/5?x=1");
	no_path("GET", "api/health");
	no_path("GET", "/api/zone");
	no_path("GET", "/api/parks/5history");
	no_path("DELETE", "/api/nothing/5");
}

static void
test_wrong_method(void **state)
{
	(void)state;
	no_method("POST", "/api/parks/5", "GET, PUT, DELETE");
	no_method("PATCH", "/api/parks/5", "GET, PUT, DELETE");
	no_method("DELETE", "/api/parks", "GET, POST");
	no_method("PUT", "/api/chains", "GET, POST");
	no_method("POST", "/api/orgs/8", "GET, PUT, DELETE");
	no_method("DELETE", "/api/users/8", "GET, PUT");
	no_method("GET", "/api/users/8/password", "POST");
	no_method("POST", "/api/parks/5/history", "GET");
	no_method("DELETE", "/api/zones/3", "GET, PUT");
	no_method("POST", "/api/zones", "GET");
	no_method("GET", "/api/login", "POST");
	no_method("GET", "/api/logout", "POST");
	no_method("POST", "/api/health", "GET");
	no_method("DELETE", "/api/audit", "GET");
	no_method("DELETE", "/api/settings", "GET, PUT");
	no_method("DELETE", "/api/projects/4", "GET, PUT");
	no_method("PUT", "/api/projects/4/reports", "GET, POST");
	no_method("GET", "/api/reports/4", "DELETE");
	no_method("DELETE", "/api/reports/kaifugong", "GET");
	/* Methods are case-sensitive; HEAD is not an alias of GET here. */
	no_method("get", "/api/health", "GET");
	no_method("HEAD", "/api/me", "GET");
	no_method("", "/api/parks", "GET, POST");
}

static void
test_allow_truncated(void **state)
{
	const char *full = "GET, PUT, DELETE";
	const struct route *rt;
	long long id;
	char allow[64];

	(void)state;
	/* Any buffer size: a NUL-terminated prefix of whole methods, and
	 * nothing written past the size given. */
	for (size_t sz = 1; sz < 24; sz++) {
		size_t got;

		memset(allow, 'x', sizeof allow);
		assert_int_equal(m("POST", "/api/parks/5", &rt, &id, allow, sz),
		    ROUTE_NO_METHOD);
		got = strlen(allow);
		assert_true(got < sz);
		assert_memory_equal(allow, full, got);
		assert_true(got == 0 || full[got] == '\0' || full[got] == ',');
		for (size_t k = sz; k < sizeof allow; k++)
			assert_int_equal(allow[k], 'x');
		if (sz >= 18)
			assert_string_equal(allow, full);
		if (sz >= 10)
			assert_true(got >= 8);	/* "GET, PUT" fits */
	}
}

static int
is_method(const char *s)
{
	return strcmp(s, "GET") == 0 || strcmp(s, "POST") == 0 ||
	    strcmp(s, "PUT") == 0 || strcmp(s, "DELETE") == 0;
}

static void
test_table_shape(void **state)
{
	(void)state;
	assert_true(routes_count >= 30);
	for (size_t i = 0; i < routes_count; i++) {
		const struct route *r = &routes[i];

		assert_non_null(r->method);
		assert_non_null(r->pattern);
		assert_non_null(r->fn);
		assert_true(is_method(r->method));
		assert_int_equal(strncmp(r->pattern, "/api/", 5), 0);
		assert_true(strlen(r->pattern) > 5);
		assert_null(strstr(r->pattern, "//"));
		assert_true(r->pattern[strlen(r->pattern) - 1] != '/');
		/* Only the three public routes skip login. */
		if (r->flags & R_PUBLIC)
			assert_true(strcmp(r->pattern, "/api/health") == 0 ||
			    strcmp(r->pattern, "/api/openapi.yaml") == 0 ||
			    strcmp(r->pattern, "/api/login") == 0);
		/* CSRF is skipped only where there is no session yet. */
		if (r->flags & R_NO_CSRF)
			assert_string_equal(r->pattern, "/api/login");
		/* Bodies only with POST or PUT; PUT always has one. */
		if (r->flags & R_BODY)
			assert_true(strcmp(r->method, "POST") == 0 ||
			    strcmp(r->method, "PUT") == 0);
		if (strcmp(r->method, "PUT") == 0)
			assert_true(r->flags & R_BODY);
		/* Writes need a write permission (or are session routes). */
		if (strcmp(r->method, "GET") != 0 && r->perm == PERM_NONE)
			assert_true(strcmp(r->pattern, "/api/login") == 0 ||
			    strcmp(r->pattern, "/api/logout") == 0);
		/*
		 * An "own" permission is a fallback for enterprise users: it
		 * must be an *_own (or *.own) one, and a route about one record ({id})
		 * must say how to tell the record is the caller's own, or any
		 * id would do. Lists (no owns()) scope rows in the handler.
		 */
		if (r->own != PERM_NONE) {
			const char *n = perm_name(r->own);

			assert_non_null(n);
			/* org.read_own, …; service.own (its own requests and plan) */
			assert_true(strstr(n, "_own") != NULL ||
			    strstr(n, ".own") != NULL);
			if (strstr(r->pattern, "{id}") != NULL &&
			    r->owns == NULL)
				fail_msg("%s %s: own permission %s without "
				    "owns()", r->method, r->pattern, n);
		} else
			assert_null(r->owns);
		/* A write never falls back to a read-own permission. */
		if (strcmp(r->method, "GET") != 0 && r->own != PERM_NONE)
			assert_null(strstr(perm_name(r->own), "read"));
	}
}

static void
test_no_duplicates(void **state)
{
	(void)state;
	for (size_t i = 0; i < routes_count; i++)
		for (size_t j = i + 1; j < routes_count; j++)
			if (strcmp(routes[i].method, routes[j].method) == 0 &&
			    strcmp(routes[i].pattern, routes[j].pattern) == 0)
				fail_msg("routes %zu and %zu: %s %s", i, j,
				    routes[i].method, routes[i].pattern);
}

/* Every route is reachable: its own path finds it, not an earlier one. */
static void
test_every_route_reachable(void **state)
{
	(void)state;
	for (size_t i = 0; i < routes_count; i++) {
		const struct route *r = &routes[i], *rt;
		char path[256], allow[64];
		const char *brace = strstr(r->pattern, "{id}");
		long long id;

		if (brace != NULL)
			snprintf(path, sizeof path, "%.*s%d%s",
			    (int)(brace - r->pattern), r->pattern, 31337,
			    brace + 4);
		else
			snprintf(path, sizeof path, "%s", r->pattern);
		assert_int_equal(m(r->method, path, &rt, &id, allow,
		    sizeof allow), ROUTE_FOUND);
		assert_ptr_equal(rt, r);
		assert_int_equal(id, brace != NULL ? 31337 : 0);
	}
}

/*
 * KNOWN BUG (src/http/router.c, match()): the digits of {id} are
 * accumulated into a long long before the 18-digit limit is checked, so an
 * id of 19+ nines overflows (signed overflow, undefined behaviour; UBSan
 * aborts the sanitizer build). Expected: ROUTE_NO_PATH.
 */
static void
test_bug_id_overflow(void **state)
{
	(void)state;
	no_path("GET", "/api/parks/9999999999999999999");
	no_path("GET", "/api/parks/99999999999999999999999999");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_found_static_routes),
		cmocka_unit_test(test_found_with_id),
		cmocka_unit_test(test_bad_ids),
		cmocka_unit_test(test_bad_paths),
		cmocka_unit_test(test_wrong_method),
		cmocka_unit_test(test_allow_truncated),
		cmocka_unit_test(test_table_shape),
		cmocka_unit_test(test_no_duplicates),
		cmocka_unit_test(test_every_route_reachable),
		cmocka_unit_test(test_bug_id_overflow),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
