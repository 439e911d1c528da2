/*
 * Per-request arena: many small allocations, one free at the end of the
 * request. A hard cap bounds what one request can take; past it arena_alloc
 * returns NULL and the caller answers 413. Out of memory aborts.
 */
#ifndef ZD_UTIL_ARENA_H
#define ZD_UTIL_ARENA_H

#include <stddef.h>

struct arena;

struct arena *arena_new(size_t cap);
void arena_free(struct arena *a);
/* Zeroed, 16-byte aligned; NULL only when the cap is reached. */
void *arena_alloc(struct arena *a, size_t n);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s);
char *arena_printf(struct arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
size_t arena_used(const struct arena *a);

#endif
