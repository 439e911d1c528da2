/*
 * Unit tests of domain/secret: argon2id password hashes, the password
 * policy counted in characters, random tokens and their stored hash.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "domain/secret.h"

static int
setup(void **state)
{
	(void)state;
	return secret_init();
}

static void
test_init_twice(void **state)
{
	(void)state;
	assert_int_equal(secret_init(), 0);
}

static void
test_hash_verify(void **state)
{
	char h1[SECRET_HASH_MAX], h2[SECRET_HASH_MAX];

	(void)state;
	memset(h1, 0, sizeof h1);
	assert_int_equal(password_hash("correct horse", h1), 0);
	assert_int_equal(strncmp(h1, "$argon2id$", 10), 0);
	/* The parameters chosen in secret.c are in the string. */
	assert_non_null(strstr(h1, "m=19456,t=2,p=1"));
	assert_true(strlen(h1) < SECRET_HASH_MAX);
	assert_int_equal(password_verify(h1, "correct horse"), 0);
	assert_int_equal(password_verify(h1, "correct horsf"), -1);
	assert_int_equal(password_verify(h1, "correct horse "), -1);
	assert_int_equal(password_verify(h1, "Correct horse"), -1);
	assert_int_equal(password_verify(h1, ""), -1);
	/* Salted: the same password hashes differently, both verify. */
	assert_int_equal(password_hash("correct horse", h2), 0);
	assert_string_not_equal(h1, h2);
	assert_int_equal(password_verify(h2, "correct horse"), 0);
	/* Garbage or truncated hashes never verify. */
	assert_int_equal(password_verify("", "correct horse"), -1);
	assert_int_equal(password_verify("$argon2id$", "correct horse"), -1);
	h1[strlen(h1) - 4] = '\0';
	assert_int_equal(password_verify(h1, "correct horse"), -1);
}

static void
test_hash_chinese(void **state)
{
	char h[SECRET_HASH_MAX];

	(void)state;
	assert_int_equal(password_hash("开发区管理委员会2024", h), 0);
	assert_int_equal(password_verify(h, "开发区管理委员会2024"), 0);
	assert_int_equal(password_verify(h, "开发区管理委员会2025"), -1);
	password_burn("anything");	/* costs time, changes nothing */
	assert_int_equal(password_verify(h, "开发区管理委员会2024"), 0);
}

static void
repeat(char *out, const char *unit, int n)
{
	out[0] = '\0';
	for (int i = 0; i < n; i++)
		strcat(out, unit);
}

static void
policy_ok(const char *pw)
{
	char msg[128] = "untouched";

	assert_int_equal(password_policy(pw, 0, msg, sizeof msg), 0);
}

static void
policy_bad(const char *pw)
{
	char msg[128];

	assert_int_equal(password_policy(pw, 0, msg, sizeof msg), -1);
	assert_string_equal(msg, "长度应为8到128个字符");
	assert_int_equal(password_policy(pw, 1, msg, sizeof msg), -1);
	assert_string_equal(msg, "must be 8 to 128 characters");
}

static void
test_policy_bounds(void **state)
{
	char pw[4 * 130 + 1];

	(void)state;
	policy_bad("");
	repeat(pw, "a", 7);
	policy_bad(pw);
	repeat(pw, "a", 8);
	policy_ok(pw);
	repeat(pw, "a", 128);
	policy_ok(pw);
	repeat(pw, "a", 129);
	policy_bad(pw);
	/* Characters, not bytes: 7 Chinese characters are 21 bytes. */
	repeat(pw, "密", 7);
	policy_bad(pw);
	repeat(pw, "密", 8);
	policy_ok(pw);
	repeat(pw, "密", 128);	/* 384 bytes */
	policy_ok(pw);
	repeat(pw, "密", 129);
	policy_bad(pw);
	repeat(pw, "😀", 8);	/* 4 bytes each */
	policy_ok(pw);
	repeat(pw, "😀", 7);
	policy_bad(pw);
	/* Mixed: 4 + 4 */
	policy_ok("abcd密码密码");
	policy_bad("abc密码密码");
	/* Not UTF-8: refused however many bytes. */
	policy_bad("abcdefgh\xff");
	policy_bad("\xe5\xaf\xe5\xaf\xe5\xaf\xe5\xaf\xe5\xaf");
}

static void
test_policy_small_msg(void **state)
{
	char msg[8];

	(void)state;
	memset(msg, 'x', sizeof msg);
	assert_int_equal(password_policy("short", 1, msg, sizeof msg), -1);
	assert_string_equal(msg, "must be");
}

static int
all_hex(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') ||
		    (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return 1;
}

static void
test_token_new(void **state)
{
	char t[8][65];

	(void)state;
	for (int i = 0; i < 8; i++) {
		memset(t[i], 'Z', sizeof t[i]);
		token_new(t[i]);
		assert_int_equal(strlen(t[i]), 64);
		assert_true(all_hex(t[i], 64));
		for (int j = 0; j < i; j++)
			assert_string_not_equal(t[i], t[j]);
	}
}

static void
test_token_hash(void **state)
{
	char t[65], h1[65], h2[65], h3[65];

	(void)state;
	token_new(t);
	token_hash(t, h1);
	token_hash(t, h2);
	assert_int_equal(strlen(h1), 64);
	assert_true(all_hex(h1, 64));
	assert_string_equal(h1, h2);
	assert_string_not_equal(h1, t);
	t[0] = t[0] == '0' ? '1' : '0';
	token_hash(t, h3);
	assert_string_not_equal(h1, h3);
	/* BLAKE2b-256 test vectors */
	token_hash("", h1);
	assert_string_equal(h1,
	    "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
	token_hash("abc", h1);
	assert_string_equal(h1,
	    "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
}

static void
test_token_equal(void **state)
{
	char a[65], b[65];

	(void)state;
	token_new(a);
	memcpy(b, a, sizeof a);
	assert_true(token_equal(a, b));
	assert_true(token_equal("", ""));
	b[63] = b[63] == 'a' ? 'b' : 'a';
	assert_false(token_equal(a, b));
	b[63] = a[63];
	b[0] = b[0] == 'a' ? 'b' : 'a';
	assert_false(token_equal(a, b));
	/* Prefixes and different lengths */
	assert_false(token_equal("abc", "abcd"));
	assert_false(token_equal("abcd", "abc"));
	assert_false(token_equal("", "a"));
	assert_false(token_equal("ABC", "abc"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_twice),
		cmocka_unit_test(test_hash_verify),
		cmocka_unit_test(test_hash_chinese),
		cmocka_unit_test(test_policy_bounds),
		cmocka_unit_test(test_policy_small_msg),
		cmocka_unit_test(test_token_new),
		cmocka_unit_test(test_token_hash),
		cmocka_unit_test(test_token_equal),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
