/* Allocation that aborts on out-of-memory, so callers need no OOM paths. */
#ifndef ZD_UTIL_XALLOC_H
#define ZD_UTIL_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

#endif
