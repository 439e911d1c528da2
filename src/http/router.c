/* Path matching against the route table. */
#include <string.h>

#include "http/router.h"

/* Matches one pattern; {id} takes 1–18 digits, not starting with 0. */
static int
match(const char *pat, const char *path, long long *id)
{
	*id = 0;
	while (*pat && *path) {
		if (strncmp(pat, "{id}", 4) == 0) {
			long long v = 0;
			int n = 0;

			if (*path == '0')
				return 0;
			for (; *path >= '0' && *path <= '9'; path++, n++) {
				if (n == 18)
					return 0;	/* before it can overflow */
				v = v * 10 + (*path - '0');
			}
			if (n == 0)
				return 0;
			*id = v;
			pat += 4;
			continue;
		}
		if (*pat != *path)
			return 0;
		pat++;
		path++;
	}
	return *pat == '\0' && *path == '\0';
}

enum route_match
router_match(const char *method, const char *path, const struct route **out,
    long long *id, char *allow, size_t allowsz)
{
	int found_path = 0;
	size_t used = 0;
	long long pid;

	allow[0] = '\0';
	for (size_t i = 0; i < routes_count; i++) {
		const struct route *r = &routes[i];

		if (!match(r->pattern, path, &pid))
			continue;
		if (strcmp(r->method, method) == 0) {
			*out = r;
			*id = pid;
			return ROUTE_FOUND;
		}
		found_path = 1;
		if (used + strlen(r->method) + 3 < allowsz) {
			if (used) {
				memcpy(allow + used, ", ", 2);
				used += 2;
			}
			memcpy(allow + used, r->method, strlen(r->method) + 1);
			used += strlen(r->method);
		}
	}
	return found_path ? ROUTE_NO_METHOD : ROUTE_NO_PATH;
}
