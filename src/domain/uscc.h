/*
 * Unified social credit code (统一社会信用代码, GB 32100-2015): validation
 * down to the embedded organisation code (GB 11714) and the check character,
 * and messages that tell a person exactly which character is wrong and why.
 * Pure functions: no allocation, no I/O, no global state.
 */
#ifndef ZD_DOMAIN_USCC_H
#define ZD_DOMAIN_USCC_H

#include <stddef.h>

#define USCC_LEN 18
/* The 31 characters a code may use, in check-value order (no I O S V Z). */
#define USCC_ALPHABET "0123456789ABCDEFGHJKLMNPQRTUWXY"
/* Large enough for every message uscc_explain writes, NUL included. */
#define USCC_EXPLAIN_MAX 256

/* What uscc_check found first; checks run in the order listed. */
enum uscc_err {
	USCC_OK,
	USCC_LENGTH,		/* not 18 characters */
	USCC_CHARSET,		/* a byte outside USCC_ALPHABET, lowercase too */
	USCC_REG_DEPT,		/* char 1: no such registration department */
	USCC_ORG_CATEGORY,	/* char 2: category not listed for that department */
	USCC_REGION,		/* chars 3-8: not digits, or no such province */
	USCC_ORG_CODE_CHECK,	/* char 17: GB 11714 check digit of chars 9-16 */
	USCC_CHECK_CHAR		/* char 18: GB 32100 check character */
};

/*
 * Checks the len bytes at s (NUL not required; an embedded NUL is just an
 * invalid character). The character set is checked before the length, so a
 * USCC_LENGTH error implies pure ASCII and len is the character count a
 * person sees. When bad_pos is non-NULL it receives the 0-based index of the
 * first offending character: for USCC_LENGTH min(len, 18), for USCC_REGION
 * the first non-digit or 2 for a bad province, 0 for USCC_OK.
 * Accepts the national-level region 100000 (central registrations such as
 * 12100000400000624D) besides the GB/T 2260 provinces 11..82.
 */
enum uscc_err uscc_check(const char *s, size_t len, size_t *bad_pos);

/* Short fixed message, Chinese or English when english is non-zero. */
const char *uscc_strerror(enum uscc_err e, int english);

/*
 * Writes into out a message naming what is wrong: the length, the 1-based
 * position and the offending character, the expected check character. Pass
 * the same s, len and the e, bad_pos that uscc_check gave; when they do not
 * fit together the message falls back to uscc_strerror's. The offending
 * character is quoted verbatim when printable, so escape before putting the
 * message into HTML. Like snprintf: returns the full message length, out is
 * NUL-terminated when outsz > 0, and a truncated message never ends in a
 * partial UTF-8 sequence. out may be NULL when outsz is 0.
 */
int uscc_explain(enum uscc_err e, const char *s, size_t len, size_t bad_pos,
    int english, char *out, size_t outsz);

/*
 * Check character for the first 17 characters at s17, or '\0' when one of
 * them is outside USCC_ALPHABET. Reads exactly 17 bytes.
 */
char uscc_expected_check(const char *s17);

/*
 * GB 11714 check digit ('0'-'9' or 'X') for the 8-character organisation code
 * body at s8, or '\0' when a byte is not 0-9 or A-Z. Reads exactly 8 bytes.
 */
char orgcode_expected_check(const char *s8);

/*
 * Completes a code: when the 17 bytes at s17 pass every check up to the
 * organisation code check digit, writes them and the check character to
 * out18 (exactly 18 bytes, no NUL) and returns 0; otherwise returns -1 and
 * leaves out18 alone. A 0 return guarantees uscc_check(out18, 18) == USCC_OK.
 */
int uscc_compute(const char *s17, char *out18);

#endif
