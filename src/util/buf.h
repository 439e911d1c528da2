/* Growable byte buffer, always NUL-terminated; owned by its user. */
#ifndef ZD_UTIL_BUF_H
#define ZD_UTIL_BUF_H

#include <stddef.h>

struct buf {
	char *p;
	size_t len, cap;
};

void buf_append(struct buf *b, const void *p, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_printf(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void buf_free(struct buf *b);

#endif
