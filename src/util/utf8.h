/* UTF-8 helpers for length limits counted in characters, not bytes. */
#ifndef ZD_UTIL_UTF8_H
#define ZD_UTIL_UTF8_H

#include <stddef.h>

/* Number of code points in s[0..n); -1 when s is not valid UTF-8. */
long utf8_len(const char *s, size_t n);

#endif
