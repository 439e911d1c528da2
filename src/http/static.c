/*
 * The web app's files. Paths are checked before any file system call: no
 * "..", no hidden files, nothing under node_modules but the vendored
 * libraries mapped below. Files revalidate on every load (no-cache + ETag),
 * so a new release is picked up without stale scripts.
 */
#include <fcntl.h>
#include <microhttpd.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "http/static.h"

/* Browser libraries from npm, served from web/node_modules. */
static const struct {
	const char *url, *file;
} vendor[] = {
	{"/vendor/echarts.min.js", "node_modules/echarts/dist/echarts.min.js"},
};

static const struct {
	const char *ext, *type;
} types[] = {
	{".html", "text/html; charset=utf-8"},
	{".js", "text/javascript; charset=utf-8"},
	{".mjs", "text/javascript; charset=utf-8"},
	{".css", "text/css; charset=utf-8"},
	{".json", "application/json; charset=utf-8"},
	{".svg", "image/svg+xml"},
	{".png", "image/png"},
	{".ico", "image/x-icon"},
	{".woff2", "font/woff2"},
	{".txt", "text/plain; charset=utf-8"},
};

int
static_path_ok(const char *url)
{
	const char *seg = url;

	if (url[0] != '/' || strlen(url) > 200)
		return -1;
	for (const char *p = url; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '/' || *p == '.' ||
		    *p == '-' || *p == '_'))
			return -1;
	while ((seg = strchr(seg, '/')) != NULL) {
		seg++;
		if (*seg == '.' || *seg == '/')
			return -1;	/* "..", hidden files, "//" */
		if (strncmp(seg, "node_modules", 12) == 0)
			return -1;
	}
	return 0;
}

static const char *
content_type(const char *path)
{
	const char *dot = strrchr(path, '.');

	for (size_t i = 0; dot && i < sizeof types / sizeof types[0]; i++)
		if (strcmp(dot, types[i].ext) == 0)
			return types[i].type;
	return "application/octet-stream";
}

enum app_err
static_serve(struct req *r, const char *dir)
{
	const char *rel = NULL, *inm;
	char path[512], etag[64];
	struct stat sb;
	int fd;

	if (strcmp(r->method, "GET") != 0 && strcmp(r->method, "HEAD") != 0)
		return APP_ERR_NOT_FOUND;
	for (size_t i = 0; i < sizeof vendor / sizeof vendor[0]; i++)
		if (strcmp(r->url, vendor[i].url) == 0)
			rel = vendor[i].file;
	if (rel == NULL) {
		if (static_path_ok(r->url) != 0)
			return APP_ERR_NOT_FOUND;
		rel = strcmp(r->url, "/") == 0 ? "index.html" : r->url + 1;
	}
	if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, rel) >=
	    sizeof path)
		return APP_ERR_NOT_FOUND;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return APP_ERR_NOT_FOUND;
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		return APP_ERR_NOT_FOUND;
	}
	snprintf(etag, sizeof etag, "\"%llx-%llx\"",
	    (unsigned long long)sb.st_mtime, (unsigned long long)sb.st_size);
	inm = req_header(r, "If-None-Match");
	if (inm != NULL && strcmp(inm, etag) == 0) {
		close(fd);
		r->resp = MHD_create_response_from_buffer(0, NULL,
		    MHD_RESPMEM_PERSISTENT);
		r->status = 304;
	} else {
		r->resp = MHD_create_response_from_fd((uint64_t)sb.st_size, fd);
		r->status = 200;
		MHD_add_response_header(r->resp, "Content-Type",
		    content_type(path));
	}
	MHD_add_response_header(r->resp, "ETag", etag);
	MHD_add_response_header(r->resp, "Cache-Control", "no-cache");
	return APP_OK;
}
