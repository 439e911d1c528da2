/* The demo data, module by module. */
#ifndef ZD_CLI_DEMO_H
#define ZD_CLI_DEMO_H

#include <jansson.h>

#include "api/actor.h"
#include "store/store.h"

/* Records of the demo zone that module data refers to. */
struct demo_refs {
	long long parks[8], chains[8], owners[8], regions[8], contractor;
	size_t nparks, nchains, nowners, nregions;
};

/* 0 when e is APP_OK; else prints "zonedesk demo: what: error [fields]"
 * and returns -1. */
int demo_ok(const char *what, enum app_err e, json_t *errs);

/* Key projects with events, reports and problems; 0 ok, -1 failed. */
int demo_projects(struct store *st, const struct actor *a,
    const struct demo_refs *refs);

/* Leads, contacts, events and highlights; officer is the user id of the
 * demo investment officer. 0 ok, -1 failed. */
int demo_leads(struct store *st, const struct actor *a, long long officer,
    const struct demo_refs *refs);

/* Joint acceptance: a reviewer per department (new users get password pw)
 * and draft, open, overdue, rectifying and passed cases. Needs the demo
 * users and projects. 0 ok, -1 failed. */
int demo_acceptance(struct store *st, const struct actor *a, const char *pw,
    const struct demo_refs *refs);

/* 亩均 figures for 2024 and 2025: the demo's enterprises get a park, a
 * chain and a size, a dozen more are created. 0 ok, -1 failed. */
int demo_mujun(struct store *st, const struct actor *a,
    const struct demo_refs *refs);

/* Links a few signed leads to key projects that went through acceptance,
 * so the demo shows the thread from lead to project. 0 ok, -1 failed. */
int demo_thread(struct store *st, const struct actor *a);

/* Enterprise service: buildings, firms, checks, officers (password pw),
 * assignments, plans and requests in every state. Needs the demo users.
 * 0 ok, -1 failed. */
int demo_service(struct store *st, const struct actor *a, const char *pw,
    const struct demo_refs *refs);

#endif
