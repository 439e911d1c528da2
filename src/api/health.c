/* Liveness with the database's schema version, and the API description. */
#include <microhttpd.h>
#include <string.h>

#include "api/handlers.h"
#include "http/reply.h"
#include "version.h"

extern const char openapi_yaml[];

enum app_err
h_health(struct req *r)
{
	long long v = 0;
	/* A real query, so "ok" means the database answers too. */
	enum app_err e = store_int(r->st, STMT_SCHEMA_VERSION, NULL, 0, &v);

	if (e != APP_OK)
		return e;
	return reply_json(r, 200, json_pack("{s:s, s:s, s:I}", "status", "ok",
	    "version", ZONEDESK_VERSION, "schema", (json_int_t)v));
}

enum app_err
h_openapi(struct req *r)
{
	r->resp = MHD_create_response_from_buffer(strlen(openapi_yaml),
	    (void *)openapi_yaml, MHD_RESPMEM_PERSISTENT);
	MHD_add_response_header(r->resp, "Content-Type",
	    "application/yaml; charset=utf-8");
	r->status = 200;
	return APP_OK;
}
