/*
 * Request life cycle on libmicrohttpd:
 *   1st callback  allocate struct req (answering here would cost keep-alive,
 *                 see design.md), refuse bodies whose Content-Length is over
 *                 the limit;
 *   data          append to the body up to the limit;
 *   last          dispatch: route, session, CSRF, permission, body, handler;
 *   completed     access log line, free everything.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "http/auth.h"
#include "http/reply.h"
#include "http/router.h"
#include "http/server.h"
#include "http/static.h"
#include "util/log.h"
#include "util/xalloc.h"

/* Bodies over the route's limit are read and dropped up to this size so
 * the client sees the 413; past it the connection is cut. */
#define BODY_DRAIN_MAX (32 * 1024 * 1024)
#define ARENA_MAX (4 * 1024 * 1024)
#define HEADER_MEMORY (64 * 1024)

static const struct server_opts *opts;
static atomic_int in_flight;	/* requests between first callback and end */
static atomic_int connections;	/* open client connections */

/* One store connection per worker thread, closed after the daemon stops. */
static __thread struct store *thread_store;
static pthread_mutex_t stores_lock = PTHREAD_MUTEX_INITIALIZER;
static struct store **stores;
static size_t nstores;

static struct store *
worker_store(void)
{
	if (thread_store != NULL)
		return thread_store;
	if (store_open(opts->db, &thread_store) != APP_OK)
		return NULL;
	pthread_mutex_lock(&stores_lock);
	stores = xrealloc(stores, (nstores + 1) * sizeof *stores);
	stores[nstores++] = thread_store;
	pthread_mutex_unlock(&stores_lock);
	return thread_store;
}

const char *
req_arg(void *req, const char *name)
{
	struct req *r = req;

	return MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND,
	    name);
}

const char *
req_header(struct req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, name);
}

static int
wants_english(struct req *r)
{
	const char *al = req_header(r, "Accept-Language");

	/* The first language named wins; Chinese unless it is English. */
	return al != NULL && (al[0] == 'e' || al[0] == 'E') &&
	    (al[1] == 'n' || al[1] == 'N');
}

static void
client_ip(struct req *r)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(r->conn,
	    MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	const struct sockaddr *sa = ci ? ci->client_addr : NULL;

	snprintf(r->ip, sizeof r->ip, "?");
	if (sa == NULL)
		return;
	if (sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)
		    sa)->sin_addr, r->ip, sizeof r->ip);
	else if (sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)
		    sa)->sin6_addr, r->ip, sizeof r->ip);
}

static int
unsafe(const char *m)
{
	return strcmp(m, "GET") != 0 && strcmp(m, "HEAD") != 0 &&
	    strcmp(m, "OPTIONS") != 0;
}

static enum app_err
parse_body(struct req *r)
{
	json_error_t jerr;

	/* No body is an empty object: required fields are then named. */
	r->json = r->body.len ? json_loadb(r->body.p, r->body.len,
	    JSON_REJECT_DUPLICATES, &jerr) : json_object();
	if (r->json == NULL || !json_is_object(r->json))
		return APP_ERR_BAD_JSON;
	return APP_OK;
}

/* Route, then session, CSRF, permission and body, in that order, so that
 * 401 (who are you?) comes before 403 (you may not). */
static enum app_err
dispatch(struct req *r, char *allow, size_t allowsz)
{
	const struct route *rt;
	enum app_err e;

	switch (router_match(r->method, r->url, &rt, &r->id, allow, allowsz)) {
	case ROUTE_NO_PATH:
		return APP_ERR_NOT_FOUND;
	case ROUTE_NO_METHOD:
		return APP_ERR_METHOD;
	case ROUTE_FOUND:
		break;
	}
	r->route = rt;
	if (r->body_too_large)
		return APP_ERR_TOO_LARGE;
	if ((r->st = worker_store()) == NULL)
		return APP_ERR_IO;
	if ((e = auth_resolve(r)) != APP_OK)
		return e;
	r->actor.english = r->english;
	if (!(rt->flags & R_PUBLIC)) {
		if (!r->authed)
			return APP_ERR_UNAUTHENTICATED;
		if (unsafe(r->method) && !(rt->flags & R_NO_CSRF) &&
		    auth_csrf_ok(r) != 0)
			return APP_ERR_CSRF;
		if (!perm_allows(r->actor.role, rt->perm)) {
			if (rt->own == PERM_NONE ||
			    !perm_allows(r->actor.role, rt->own) ||
			    (rt->owns != NULL && !rt->owns(r)))
				return APP_ERR_FORBIDDEN;
			r->own_only = 1;
		}
	}
	if ((rt->flags & R_BODY) && (e = parse_body(r)) != APP_OK)
		return e;
	return rt->fn(r);
}

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *conn, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **req_cls)
{
	struct req *r = *req_cls;
	char allow[64];
	enum app_err e;

	(void)cls;
	(void)version;
	if (r == NULL) {
		const char *cl;

		r = xcalloc(1, sizeof *r);
		clock_gettime(CLOCK_MONOTONIC, &r->t0);
		r->conn = conn;
		r->arena = arena_new(ARENA_MAX);
		r->method = method;
		r->url = url;
		r->errs = json_array();
		*req_cls = r;
		atomic_fetch_add(&in_flight, 1);
		cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
		    MHD_HTTP_HEADER_CONTENT_LENGTH);
		r->body_max = BODY_MAX;
		{
			const struct route *rt;
			long long id;
			char methods[64];

			if (router_match(method, url, &rt, &id, methods,
			    sizeof methods) == ROUTE_FOUND &&
			    (rt->flags & R_UPLOAD))
				r->body_max = UPLOAD_MAX;
		}
		if (cl != NULL && strtoull(cl, NULL, 10) > r->body_max)
			r->body_too_large = 1;
		if (cl != NULL && strtoull(cl, NULL, 10) > BODY_DRAIN_MAX) {
			r->english = wants_english(r);
			return reply_send(r, APP_ERR_TOO_LARGE, NULL) ==
			    MHD_YES ? MHD_YES : MHD_NO;
		}
		return MHD_YES;
	}
	if (r->queued) {
		*upload_size = 0;	/* drain what follows an early reply */
		return MHD_YES;
	}
	if (*upload_size > 0) {
		r->drained += *upload_size;
		if (r->body.len + *upload_size > r->body_max)
			r->body_too_large = 1;
		else if (!r->body_too_large)
			buf_append(&r->body, upload, *upload_size);
		*upload_size = 0;
		if (r->drained > BODY_DRAIN_MAX) {
			r->english = wants_english(r);
			return reply_send(r, APP_ERR_TOO_LARGE, NULL) ==
			    MHD_YES ? MHD_YES : MHD_NO;
		}
		return MHD_YES;
	}
	r->english = wants_english(r);
	client_ip(r);
	allow[0] = '\0';
	if (strncmp(url, "/api/", 5) != 0 && strcmp(url, "/api") != 0) {
		e = static_serve(r, opts->web);
	} else
		e = dispatch(r, allow, sizeof allow);
	if (e != APP_OK && r->st != NULL)
		store_rollback(r->st);	/* a handler must never leave one open */
	return reply_send(r, e, e == APP_ERR_METHOD ? allow : NULL) == MHD_YES ?
	    MHD_YES : MHD_NO;
}

static void
on_completed(void *cls, struct MHD_Connection *conn, void **req_cls,
    enum MHD_RequestTerminationCode toe)
{
	struct req *r = *req_cls;
	struct timespec t1;

	(void)cls;
	(void)conn;
	if (r == NULL)
		return;
	if (opts->access_log) {
		clock_gettime(CLOCK_MONOTONIC, &t1);
		log_info("%s %s %s %d %.2fms%s", r->ip, r->method, r->url,
		    r->status, (double)(t1.tv_sec - r->t0.tv_sec) * 1e3 +
		    (double)(t1.tv_nsec - r->t0.tv_nsec) / 1e6,
		    toe == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" :
		    " (aborted)");
	}
	if (r->resp != NULL)
		MHD_destroy_response(r->resp);
	json_decref(r->json);
	json_decref(r->out);
	json_decref(r->errs);
	buf_free(&r->body);
	arena_free(r->arena);
	free(r);
	*req_cls = NULL;
	atomic_fetch_sub(&in_flight, 1);
}

static void
on_connection(void *cls, struct MHD_Connection *conn, void **socket_ctx,
    enum MHD_ConnectionNotificationCode code)
{
	(void)cls;
	(void)conn;
	(void)socket_ctx;
	atomic_fetch_add(&connections,
	    code == MHD_CONNECTION_NOTIFY_STARTED ? 1 : -1);
}

/*
 * After the listener closes, connections already accepted may hold requests
 * the workers have not read yet: they are not "in flight" until their
 * headers arrive. So wait until no request runs and either no connection is
 * left or none has started a request for half a second (what remains is
 * idle keep-alive), at most ten seconds.
 */
static void
drain(void)
{
	int quiet_ms = 0;

	for (int waited = 0; waited < 10000; waited += 20) {
		if (atomic_load(&in_flight) > 0)
			quiet_ms = 0;
		else if (atomic_load(&connections) == 0 || quiet_ms >= 500)
			return;
		else
			quiet_ms += 20;
		usleep(20000);
	}
}

static void
mhd_log(void *cls, const char *fmt, va_list ap)
{
	char msg[512];

	(void)cls;
	vsnprintf(msg, sizeof msg, fmt, ap);
	msg[strcspn(msg, "\n")] = '\0';
	log_warn("http: %s", msg);
}

int
server_run(const struct server_opts *o)
{
	struct sockaddr_in sa = {.sin_family = AF_INET};
	struct MHD_Daemon *d;
	sigset_t set;
	int sig;

	opts = o;
	if (inet_pton(AF_INET, o->host, &sa.sin_addr) != 1) {
		log_error("serve: --listen: %s is not an IPv4 address", o->host);
		return 2;
	}
	sa.sin_port = htons(o->port);
	/* Signals are taken by sigwait below, never by a worker thread. */
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);

	d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL |
	    MHD_USE_ITC | MHD_USE_ERROR_LOG, o->port, NULL, NULL, on_request,
	    NULL,
	    MHD_OPTION_EXTERNAL_LOGGER, mhd_log, NULL,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
	    MHD_OPTION_THREAD_POOL_SIZE, o->threads,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)HEADER_MEMORY,
	    MHD_OPTION_CONNECTION_TIMEOUT, 60u,
	    MHD_OPTION_LISTENING_ADDRESS_REUSE, 1u,
	    MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
	    MHD_OPTION_NOTIFY_CONNECTION, on_connection, NULL,
	    MHD_OPTION_END);
	if (d == NULL) {
		log_error("serve: cannot listen on %s:%u: %s", o->host,
		    o->port, strerror(errno));
		return 1;
	}
	{
		const union MHD_DaemonInfo *di = MHD_get_daemon_info(d,
		    MHD_DAEMON_INFO_BIND_PORT);

		fprintf(stderr, "zonedesk: listening on http://%s:%u\n",
		    o->host, di ? di->port : o->port);
	}
	/* Wait for a signal, running the hourly work in between. */
	for (;;) {
		struct timespec hour = {3600, 0};

		if (o->hourly != NULL)
			o->hourly(o->db);
		if ((sig = sigtimedwait(&set, NULL, &hour)) > 0)
			break;
	}
	log_info("serve: %s received, finishing requests in flight",
	    sig == SIGTERM ? "SIGTERM" : "SIGINT");
	/* Stop accepting, let running requests answer, then stop. */
	MHD_quiesce_daemon(d);
	drain();
	MHD_stop_daemon(d);
	for (size_t i = 0; i < nstores; i++)
		store_close(stores[i]);
	free(stores);
	stores = NULL;
	nstores = 0;
	log_info("serve: stopped");
	return 0;
}
