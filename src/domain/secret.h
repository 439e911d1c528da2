/*
 * Passwords and tokens, all through libsodium: argon2id hashes, random tokens,
 * and the hash under which a session token is stored (a stolen database does
 * not yield live sessions). Call secret_init() once before anything else.
 */
#ifndef ZD_DOMAIN_SECRET_H
#define ZD_DOMAIN_SECRET_H

#include <stddef.h>

#define SECRET_HASH_MAX 128	/* >= crypto_pwhash_STRBYTES */
#define PASSWORD_MIN 8
#define PASSWORD_MAX 128

int secret_init(void);
/* argon2id string with its parameters; 0 ok, -1 out of memory. */
int password_hash(const char *pw, char out[SECRET_HASH_MAX]);
/* 0 when pw matches hash. */
int password_verify(const char *hash, const char *pw);
/* Verifies against a throwaway hash, so an unknown user costs as much time
 * as a known one and usernames cannot be probed by timing. */
void password_burn(const char *pw);
/* 0 when pw is acceptable; else a message in the chosen language. */
int password_policy(const char *pw, int english, char *msg, size_t msgsz);
/* 32 random bytes as 64 hex digits. */
void token_new(char out[65]);
/* BLAKE2b-256 of the token, hex. */
void token_hash(const char *token, char out[65]);
/* Constant-time equality of two NUL-terminated strings. */
int token_equal(const char *a, const char *b);

#endif
