/*
 * libFuzzer target for domain/uscc: arbitrary bytes through uscc_check and
 * uscc_explain, asserting what the header promises: a passing code is 18
 * alphabet characters that uscc_compute reproduces, every error's position
 * points at what is wrong, and every message fits USCC_EXPLAIN_MAX, is
 * valid UTF-8 and survives truncation at any size.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "domain/uscc.h"

/* Own abort rather than assert(): the target must check with NDEBUG too. */
#define CHECK(cond) do { if (!(cond)) abort(); } while (0)

static int
in_alphabet(uint8_t c)
{
	return c != '\0' && memchr(USCC_ALPHABET, c, 31) != NULL;
}

/* Strict UTF-8 validity: no overlongs, surrogates or truncated tails. */
static int
valid_utf8(const unsigned char *p, size_t n)
{
	size_t i = 0;

	while (i < n) {
		unsigned long c;
		size_t need;

		if (p[i] < 0x80) {
			i++;
			continue;
		}
		if (p[i] >= 0xC2 && p[i] <= 0xDF)
			need = 1, c = p[i] & 0x1F;
		else if (p[i] >= 0xE0 && p[i] <= 0xEF)
			need = 2, c = p[i] & 0x0F;
		else if (p[i] >= 0xF0 && p[i] <= 0xF4)
			need = 3, c = p[i] & 0x07;
		else
			return 0;
		if (n - i <= need)
			return 0;
		for (size_t k = 1; k <= need; k++) {
			if ((p[i + k] & 0xC0) != 0x80)
				return 0;
			c = c << 6 | (p[i + k] & 0x3F);
		}
		if ((need == 2 && (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))) ||
		    (need == 3 && (c < 0x10000 || c > 0x10FFFF)))
			return 0;
		i += need + 1;
	}
	return 1;
}

static void
check_messages(enum uscc_err e, const char *s, size_t len, size_t pos)
{
	char full[USCC_EXPLAIN_MAX], cut[USCC_EXPLAIN_MAX];

	for (int en = 0; en <= 1; en++) {
		int n = uscc_explain(e, s, len, pos, en, full, sizeof(full));

		CHECK(n > 0 && (size_t)n < sizeof(full));
		CHECK(strlen(full) == (size_t)n);
		CHECK(valid_utf8((const unsigned char *)full, (size_t)n));
		CHECK(uscc_explain(e, s, len, pos, en, NULL, 0) == n);
		/* Truncation keeps a valid prefix, losing at most 3 bytes. */
		for (size_t sz = 1; sz <= (size_t)n; sz += 1 + sz / 8) {
			size_t got;

			CHECK(uscc_explain(e, s, len, pos, en, cut, sz) == n);
			got = strlen(cut);
			CHECK(got < sz && got + 3 >= sz - 1);
			CHECK(memcmp(cut, full, got) == 0);
			CHECK(valid_utf8((const unsigned char *)cut, got));
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	size_t pos = 0, i;
	enum uscc_err e = uscc_check(s, size, &pos);
	char out[18], fixed[18];

	switch (e) {
	case USCC_OK:
		CHECK(size == USCC_LEN && pos == 0);
		for (i = 0; i < size; i++)
			CHECK(in_alphabet(data[i]));
		CHECK(uscc_compute(s, out) == 0);
		CHECK(memcmp(out, s, USCC_LEN) == 0);
		CHECK(uscc_expected_check(s) == s[17]);
		CHECK(orgcode_expected_check(s + 8) == s[16]);
		break;
	case USCC_CHARSET:
		CHECK(pos < size && !in_alphabet(data[pos]));
		for (i = 0; i < pos; i++)
			CHECK(in_alphabet(data[i]));
		break;
	case USCC_LENGTH:
		CHECK(size != USCC_LEN);
		CHECK(pos == (size < USCC_LEN ? size : USCC_LEN));
		for (i = 0; i < size; i++)
			CHECK(in_alphabet(data[i]));
		break;
	case USCC_REG_DEPT:
		CHECK(size == USCC_LEN && pos == 0);
		break;
	case USCC_ORG_CATEGORY:
		CHECK(size == USCC_LEN && pos == 1);
		break;
	case USCC_REGION:
		CHECK(size == USCC_LEN && pos >= 2 && pos < 8);
		break;
	case USCC_ORG_CODE_CHECK:
		CHECK(size == USCC_LEN && pos == 16);
		CHECK(orgcode_expected_check(s + 8) != s[16]);
		/* Fixing char 17 leaves at most the check character wrong. */
		memcpy(fixed, s, USCC_LEN);
		fixed[16] = orgcode_expected_check(s + 8);
		if (in_alphabet((uint8_t)fixed[16])) {
			enum uscc_err e2 = uscc_check(fixed, USCC_LEN, NULL);

			CHECK(e2 == USCC_OK || e2 == USCC_CHECK_CHAR);
		}
		break;
	case USCC_CHECK_CHAR:
		CHECK(size == USCC_LEN && pos == 17);
		CHECK(uscc_expected_check(s) != s[17]);
		memcpy(fixed, s, USCC_LEN);
		fixed[17] = uscc_expected_check(s);
		CHECK(uscc_check(fixed, USCC_LEN, NULL) == USCC_OK);
		break;
	default:
		CHECK(0);
	}
	check_messages(e, s, size, pos);

	/* uscc_compute and uscc_check agree on any 17-byte prefix. */
	if (size >= 17 && uscc_compute(s, out) == 0) {
		CHECK(uscc_check(out, USCC_LEN, NULL) == USCC_OK);
		CHECK(memcmp(out, s, 17) == 0);
		if (size == USCC_LEN && in_alphabet(data[17]))
			CHECK(e == (out[17] == s[17] ? USCC_OK : USCC_CHECK_CHAR));
	}
	return 0;
}
