/* UTF-8 validation and counting (overlong forms are not rejected: only lengths matter here). */
#include "util/utf8.h"

long
utf8_len(const char *s, size_t n)
{
	long count = 0;

	for (size_t i = 0; i < n; count++) {
		unsigned char c = (unsigned char)s[i];
		size_t k = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 :
		    (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;

		if (k == 0 || i + k > n)
			return -1;
		for (size_t j = 1; j < k; j++)
			if (((unsigned char)s[i + j] >> 6) != 2)
				return -1;
		i += k;
	}
	return count;
}
