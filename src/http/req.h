/*
 * One HTTP request as handlers see it. Everything hanging off it lives until
 * the request completes: arena memory, the parsed body, the reply.
 */
#ifndef ZD_HTTP_REQ_H
#define ZD_HTTP_REQ_H

#include <jansson.h>
#include <time.h>

#include "api/actor.h"
#include "store/store.h"
#include "util/arena.h"
#include "util/buf.h"

struct MHD_Connection;
struct MHD_Response;
struct route;

struct req {
	struct MHD_Connection *conn;
	struct arena *arena;
	const char *method, *url;
	struct buf body;
	int body_too_large;
	size_t drained;		/* body bytes received, kept or not */
	size_t body_max;	/* the route's limit */
	json_t *json;		/* decoded body of routes that take one */
	struct store *st;
	struct actor actor;	/* valid when authed */
	int authed;
	int own_only;		/* allowed only for its organisation's records */
	char csrf[65];
	long long id;		/* the {id} of the path, 0 when none */
	const struct route *route;
	int english;
	char ip[64];
	struct timespec t0;

	/* The reply: a JSON body or a prepared response. */
	int status;
	json_t *out;
	struct MHD_Response *resp;
	json_t *errs;		/* field errors for APP_ERR_VALIDATION/CONFLICT */
	const char *set_cookie;
	int retry_after;	/* seconds, for 429 */
	int queued;
};

/* Query-string parameter, or NULL. Adapter for list_query_parse. */
const char *req_arg(void *req, const char *name);
const char *req_header(struct req *r, const char *name);

#endif
