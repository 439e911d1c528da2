/* libsodium wrappers for passwords and tokens. */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "domain/secret.h"
#include "util/utf8.h"

/*
 * argon2id with t=2 and 19 MiB, the OWASP minimum for argon2id: strong enough
 * for interactive logins while a burst of logins stays within the server's
 * memory budget (the 64 MiB "interactive" preset would not).
 */
#define OPS 2
#define MEM (19u * 1024u * 1024u)

static char burn_hash[SECRET_HASH_MAX];

int
secret_init(void)
{
	if (sodium_init() < 0)
		return -1;
	return password_hash("zonedesk-burn-only", burn_hash);
}

int
password_hash(const char *pw, char out[SECRET_HASH_MAX])
{
	_Static_assert(SECRET_HASH_MAX >= crypto_pwhash_STRBYTES, "size");
	return crypto_pwhash_str_alg(out, pw, strlen(pw), OPS, MEM,
	    crypto_pwhash_ALG_ARGON2ID13);
}

int
password_verify(const char *hash, const char *pw)
{
	return crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0 ? 0 : -1;
}

void
password_burn(const char *pw)
{
	/* The outcome is irrelevant: only the time spent matters. */
	if (crypto_pwhash_str_verify(burn_hash, pw, strlen(pw)) == 0)
		return;
}

int
password_policy(const char *pw, int english, char *msg, size_t msgsz)
{
	long n = utf8_len(pw, strlen(pw));

	if (n < PASSWORD_MIN || n > PASSWORD_MAX) {
		snprintf(msg, msgsz, english ?
		    "must be %d to %d characters" : "长度应为%d到%d个字符",
		    PASSWORD_MIN, PASSWORD_MAX);
		return -1;
	}
	return 0;
}

void
token_new(char out[65])
{
	unsigned char b[32];

	randombytes_buf(b, sizeof b);
	sodium_bin2hex(out, 65, b, sizeof b);
}

void
token_hash(const char *token, char out[65])
{
	unsigned char h[32];

	crypto_generichash(h, sizeof h, (const unsigned char *)token,
	    strlen(token), NULL, 0);
	sodium_bin2hex(out, 65, h, sizeof h);
}

int
token_equal(const char *a, const char *b)
{
	size_t n = strlen(a);

	return n == strlen(b) && sodium_memcmp(a, b, n) == 0;
}
