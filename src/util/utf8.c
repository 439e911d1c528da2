/* UTF-8 validation (RFC 3629: no overlong forms, surrogates or > U+10FFFF) and counting. */
#include "util/utf8.h"

long
utf8_len(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	long count = 0;
	size_t i = 0;

	while (i < n) {
		unsigned char c = p[i];
		size_t k;
		unsigned long cp;

		if (c < 0x80) {
			i++;
			count++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			k = 2;
			cp = c & 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			k = 3;
			cp = c & 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			k = 4;
			cp = c & 0x07;
		} else
			return -1;	/* continuation, overlong lead or > U+10FFFF */
		if (i + k > n)
			return -1;
		for (size_t j = 1; j < k; j++) {
			if ((p[i + j] & 0xc0) != 0x80)
				return -1;
			cp = (cp << 6) | (p[i + j] & 0x3f);
		}
		/* Overlong forms, surrogates and values past U+10FFFF. */
		if ((k == 3 && cp < 0x800) || (k == 4 && cp < 0x10000) ||
		    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
			return -1;
		i += k;
		count++;
	}
	return count;
}
