/* Users of a zone: accounts, roles, passwords. Shared by the API and CLI. */
#ifndef ZD_API_USERS_H
#define ZD_API_USERS_H

#include <jansson.h>

#include "api/actor.h"
#include "store/store.h"

/* body: {username, name, role, password, org_id?, department?} */
enum app_err user_create(struct store *st, const struct actor *a,
    json_t *body, json_t *errs, json_t **out);
/* body: {name, role, org_id?, department?, disabled?} */
enum app_err user_update(struct store *st, const struct actor *a,
    long long id, json_t *body, json_t *errs, json_t **out);
/* Sets a new password and ends the user's sessions. */
enum app_err user_set_password(struct store *st, const struct actor *a,
    long long id, const char *password, json_t *errs);
/* The user row (no hash) by username, any zone; for the CLI. */
enum app_err user_by_name(struct store *st, const char *username,
    json_t **out);

#endif
