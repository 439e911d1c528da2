/* Responses: status mapping, error bodies, security headers. */
#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/reply.h"

static const int statuses[APP_ERR__MAX] = {
	[APP_OK] = 200,
	[APP_ERR_VALIDATION] = 400,
	[APP_ERR_BAD_JSON] = 400,
	[APP_ERR_UNAUTHENTICATED] = 401,
	[APP_ERR_BAD_CREDENTIALS] = 401,
	[APP_ERR_FORBIDDEN] = 403,
	[APP_ERR_CSRF] = 403,
	[APP_ERR_NOT_FOUND] = 404,
	[APP_ERR_METHOD] = 405,
	[APP_ERR_CONFLICT] = 409,
	[APP_ERR_TOO_LARGE] = 413,
	[APP_ERR_THROTTLED] = 429,
	[APP_ERR_SCHEMA_NEWER] = 500,
	[APP_ERR_IO] = 500,
	[APP_ERR_INTERNAL] = 500,
};

int
reply_status(enum app_err e)
{
	return (unsigned)e < APP_ERR__MAX ? statuses[e] : 500;
}

enum app_err
reply_json(struct req *r, int status, json_t *body)
{
	json_decref(r->out);
	r->status = status;
	r->out = body;
	return APP_OK;
}

void
reply_security_headers(struct MHD_Response *resp)
{
	/* Scripts only from our origin: no inline script, no eval. Styles
	 * may be inline because charting libraries set element styles. */
	MHD_add_response_header(resp, "Content-Security-Policy",
	    "default-src 'self'; script-src 'self'; "
	    "style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
	    "connect-src 'self'; object-src 'none'; base-uri 'none'; "
	    "form-action 'self'; frame-ancestors 'none'");
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	MHD_add_response_header(resp, "Referrer-Policy", "same-origin");
}

static struct MHD_Response *
json_response(json_t *body)
{
	/* 15 digits: 84.3 stays 84.3 instead of 84.299999999999997. */
	char *s = json_dumps(body, JSON_COMPACT | JSON_REAL_PRECISION(15));
	struct MHD_Response *resp;

	if (s == NULL)
		s = strdup("{}");
	resp = MHD_create_response_from_buffer(strlen(s), s,
	    MHD_RESPMEM_MUST_FREE);
	MHD_add_response_header(resp, "Content-Type",
	    "application/json; charset=utf-8");
	MHD_add_response_header(resp, "Cache-Control", "no-store");
	return resp;
}

static json_t *
error_body(struct req *r, enum app_err e)
{
	json_t *err = json_pack("{s:s, s:s}", "code", app_errcode(e),
	    "message", app_strerror(e, r->english));

	if (r->errs != NULL && json_array_size(r->errs) > 0)
		json_object_set(err, "fields", r->errs);
	return json_pack("{s:o}", "error", err);
}

int
reply_send(struct req *r, enum app_err e, const char *allow)
{
	struct MHD_Response *resp = r->resp;
	int rc;

	if (e != APP_OK) {
		if (resp != NULL)
			MHD_destroy_response(resp);
		json_t *body = error_body(r, e);

		r->status = reply_status(e);
		resp = json_response(body);
		json_decref(body);
		if (allow != NULL && *allow)
			MHD_add_response_header(resp, "Allow", allow);
		if (e == APP_ERR_THROTTLED && r->retry_after > 0) {
			char ra[16];

			snprintf(ra, sizeof ra, "%d", r->retry_after);
			MHD_add_response_header(resp, "Retry-After", ra);
		}
	} else if (resp == NULL) {
		if (r->out == NULL)
			r->out = json_object();
		resp = json_response(r->out);
	}
	if (r->status == 0)
		r->status = 200;
	if (r->set_cookie != NULL)
		MHD_add_response_header(resp, "Set-Cookie", r->set_cookie);
	reply_security_headers(resp);
	rc = MHD_queue_response(r->conn, (unsigned)r->status, resp);
	MHD_destroy_response(resp);
	r->resp = NULL;
	r->queued = 1;
	return rc;
}

enum app_err
reply_file(struct req *r, char *data, size_t len, const char *type,
    const char *filename)
{
	char disp[256];

	r->resp = MHD_create_response_from_buffer(len, data,
	    MHD_RESPMEM_MUST_FREE);
	MHD_add_response_header(r->resp, "Content-Type", type);
	snprintf(disp, sizeof disp, "attachment; filename=\"%s\"", filename);
	MHD_add_response_header(r->resp, "Content-Disposition", disp);
	MHD_add_response_header(r->resp, "Cache-Control", "no-store");
	r->status = 200;
	return APP_OK;
}
