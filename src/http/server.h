/* The HTTP server: libmicrohttpd with a thread pool, one store per thread. */
#ifndef ZD_HTTP_SERVER_H
#define ZD_HTTP_SERVER_H

struct server_opts {
	const char *db;		/* database path */
	const char *host;	/* "127.0.0.1" */
	unsigned short port;
	const char *web;	/* static files */
	unsigned threads;
	int access_log;
	/* Run at start and then hourly on the main thread, with the database
	 * path (its own connection); may be NULL. */
	void (*hourly)(const char *db);
};

/* Serves until SIGTERM or SIGINT, then drains in-flight requests.
 * Returns the process exit code. */
int server_run(const struct server_opts *o);

#endif
