/* Static files of the web app, with revalidation by ETag. */
#ifndef ZD_HTTP_STATIC_H
#define ZD_HTTP_STATIC_H

#include "http/req.h"

/* Serves r->url from dir; "/" is index.html. Only GET and HEAD. */
enum app_err static_serve(struct req *r, const char *dir);
/* 0 when url is a safe relative file path under the web root. */
int static_path_ok(const char *url);

#endif
