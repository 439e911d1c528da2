/*
 * The one error type of zonedesk. Every layer returns it; only src/http maps it
 * to a status code (http/reply.c), and only this file names it for people.
 */
#ifndef ZD_UTIL_ERR_H
#define ZD_UTIL_ERR_H

enum app_err {
	APP_OK = 0,
	APP_ERR_VALIDATION,	/* input broke a field rule; fields say which */
	APP_ERR_BAD_JSON,	/* body is not a JSON object */
	APP_ERR_UNAUTHENTICATED,
	APP_ERR_BAD_CREDENTIALS,
	APP_ERR_FORBIDDEN,
	APP_ERR_CSRF,
	APP_ERR_NOT_FOUND,
	APP_ERR_METHOD,
	APP_ERR_CONFLICT,	/* unique key or foreign key would break */
	APP_ERR_TOO_LARGE,
	APP_ERR_THROTTLED,
	APP_ERR_SCHEMA_NEWER,	/* database written by a newer zonedesk */
	APP_ERR_IO,
	APP_ERR_INTERNAL,
	APP_ERR__MAX
};

/* Stable machine code, e.g. "validation"; used in JSON error bodies. */
const char *app_errcode(enum app_err e);
/* Human message in Chinese, or English when english is non-zero. */
const char *app_strerror(enum app_err e, int english);

#endif
