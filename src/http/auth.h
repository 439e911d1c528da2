/*
 * Sessions: the cookie names a random token; the database holds only its
 * hash, the user, the zone, the CSRF token and the expiry. Resolution fills
 * r->actor and r->csrf; the dispatcher then checks CSRF and permissions.
 */
#ifndef ZD_HTTP_AUTH_H
#define ZD_HTTP_AUTH_H

#include "http/req.h"

#define SESSION_COOKIE "zd_session"
#define SESSION_TTL (12 * 3600)

/* Reads the session cookie; sets r->authed when it names a live session. */
enum app_err auth_resolve(struct req *r);
/* 0 when the X-CSRF-Token header matches the session's token. */
int auth_csrf_ok(struct req *r);
/* Starts a session for a user; sets r->csrf and the cookie header. */
enum app_err auth_start(struct req *r, long long user_id, long long zone_id);
/* Ends the current session and clears the cookie. */
enum app_err auth_end(struct req *r);

#endif
