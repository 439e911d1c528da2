/* Building replies: JSON bodies, errors in the one error shape, headers. */
#ifndef ZD_HTTP_REPLY_H
#define ZD_HTTP_REPLY_H

#include <jansson.h>

#include "http/req.h"
#include "util/err.h"

/* Sets the reply; takes the reference to body. Returns APP_OK. */
enum app_err reply_json(struct req *r, int status, json_t *body);
/* HTTP status of an error: the single mapping table. */
int reply_status(enum app_err e);
/* Queues r's reply (JSON, prepared response or error) on the connection. */
int reply_send(struct req *r, enum app_err e, const char *allow);
/* A file answer: takes data (malloc'd); filename is ASCII for the header's
 * plain form. */
enum app_err reply_file(struct req *r, char *data, size_t len,
    const char *type, const char *filename);
/* Adds the security headers every response carries. */
void reply_security_headers(struct MHD_Response *resp);

#endif
