/*
 * libFuzzer target for the URL checks: static_path_ok and router_match on
 * arbitrary bytes (a NUL-terminated copy in a buffer of exactly that size,
 * so ASan sees any read past it). Asserts: an accepted static path is
 * '/'-rooted, at most 200 bytes of [A-Za-z0-9/._-], with no "//", no
 * segment starting with '.' (so no ".." and no hidden files) and no segment
 * starting with "node_modules" -- and every path obeying those rules is
 * accepted. A found route reproduces the path from its pattern and id;
 * the Allow list names only methods that find a route for the same path,
 * never overflows its buffer, and methods agree on whether the path exists.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/router.h"
#include "http/static.h"

#define CHECK(cond) do { if (!(cond)) abort(); } while (0)

static const char *const methods[] = {"GET", "POST", "PUT", "DELETE",
    "PATCH", "HEAD", ""};
#define NMETHODS (sizeof methods / sizeof methods[0])

static int
allowed_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '/' || c == '.' || c == '-' ||
	    c == '_';
}

/* The rules static.c documents, written independently. */
static int
spec_ok(const char *url)
{
	size_t n = strlen(url);

	if (n == 0 || url[0] != '/' || n > 200)
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (!allowed_char(url[i]))
			return 0;
		if (url[i] != '/')
			continue;
		if (url[i + 1] == '/' || url[i + 1] == '.')
			return 0;
		if (strncmp(url + i + 1, "node_modules", 12) == 0)
			return 0;
	}
	return 1;
}

static void
check_static(const char *url)
{
	int ok = static_path_ok(url) == 0;

	CHECK(ok == spec_ok(url));
	if (!ok)
		return;
	CHECK(strstr(url, "//") == NULL);
	CHECK(strstr(url, "/..") == NULL);
	CHECK(strstr(url, "/.") == NULL);
	CHECK(strstr(url, "/node_modules") == NULL);
}

/* The path a route's pattern gives with id in place of {id}. */
static void
expand(const struct route *r, long long id, char *out, size_t n)
{
	const char *brace = strstr(r->pattern, "{id}");

	if (brace == NULL)
		snprintf(out, n, "%s", r->pattern);
	else
		snprintf(out, n, "%.*s%lld%s", (int)(brace - r->pattern),
		    r->pattern, id, brace + 4);
}

static enum route_match
match_once(const char *method, const char *path, size_t allowsz,
    const struct route **rt, long long *id, char *allow_copy)
{
	char *allow = malloc(allowsz);
	enum route_match m;

	CHECK(allow != NULL);
	m = router_match(method, path, rt, id, allow, allowsz);
	CHECK(memchr(allow, '\0', allowsz) != NULL);
	snprintf(allow_copy, 64, "%s", allow);
	free(allow);
	return m;
}

static void
check_router(const char *path, size_t small)
{
	int any_path = 0, no_path = 0;

	for (size_t k = 0; k < NMETHODS; k++) {
		const struct route *rt = NULL;
		long long id = -1;
		char allow[64], again[512], small_allow[64];
		enum route_match m = match_once(methods[k], path, 64, &rt, &id,
		    allow);

		switch (m) {
		case ROUTE_FOUND:
			any_path = 1;
			CHECK(rt >= routes && rt < routes + routes_count);
			CHECK(strcmp(rt->method, methods[k]) == 0);
			if (strstr(rt->pattern, "{id}") != NULL)
				CHECK(id >= 1 && id <= 999999999999999999LL);
			else
				CHECK(id == 0);
			expand(rt, id, again, sizeof again);
			CHECK(strcmp(again, path) == 0);
			break;
		case ROUTE_NO_METHOD: {
			char *save = NULL, *tok;

			any_path = 1;
			CHECK(allow[0] != '\0');
			for (tok = strtok_r(allow, ", ", &save); tok != NULL;
			    tok = strtok_r(NULL, ", ", &save)) {
				const struct route *rt2 = NULL;
				long long id2;
				char a2[64];

				CHECK(strcmp(tok, methods[k]) != 0);
				CHECK(match_once(tok, path, 64, &rt2, &id2,
				    a2) == ROUTE_FOUND);
			}
			/* A small buffer keeps a prefix of the list. */
			CHECK(match_once(methods[k], path, small, &rt, &id,
			    small_allow) == ROUTE_NO_METHOD);
			CHECK(strlen(small_allow) < small);
			break;
		}
		case ROUTE_NO_PATH:
			no_path = 1;
			CHECK(allow[0] == '\0');
			break;
		default:
			CHECK(0);
		}
	}
	CHECK(!(any_path && no_path));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *url = malloc(size + 1);

	if (url == NULL)
		return 0;
	memcpy(url, data, size);
	url[size] = '\0';
	check_static(url);
	check_router(url, size > 0 ? (size_t)data[0] % 24 + 1 : 1);
	free(url);
	return 0;
}
