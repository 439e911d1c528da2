/*
 * Enterprise requests (企业诉求): the states a request goes through, who may
 * move it and where, and its due dates in working days. Pure functions.
 *
 *   received ─assign→ assigned ─start→ in_progress ─resolve→ resolved
 *        └────────────start/answer/resolve also from received/assigned┘
 *   resolved ─confirm (satisfaction 1–5)→ confirmed
 *   resolved ─reopen→ reopened ─start/answer/resolve→ …
 *
 * An answer (first reply to the enterprise) moves a request that was not in
 * progress yet into progress; a comment never changes the state.
 */
#ifndef ZD_DOMAIN_REQUEST_H
#define ZD_DOMAIN_REQUEST_H

#include "domain/date.h"
#include "domain/workdays.h"

enum rq_state {
	RQ_RECEIVED,
	RQ_ASSIGNED,
	RQ_IN_PROGRESS,
	RQ_RESOLVED,
	RQ_CONFIRMED,
	RQ_REOPENED,
	RQ__STATES
};

enum rq_action {
	RQ_ASSIGN,	/* route to an officer (again) */
	RQ_START,	/* the officer takes it up */
	RQ_ANSWER,	/* the first (or a further) answer to the enterprise */
	RQ_RESOLVE,	/* done, with what was done */
	RQ_CONFIRM,	/* the enterprise confirms, with satisfaction */
	RQ_REOPEN,	/* the enterprise is not satisfied */
	RQ_COMMENT,	/* a note on the thread */
	RQ__ACTIONS
};

/* Who takes an action: the service side or the enterprise. */
enum rq_side { RQ_SIDE_OFFICER = 1, RQ_SIDE_ENTERPRISE = 2 };

enum rq_category {
	RQ_LABOUR, RQ_LOGISTICS, RQ_APPROVAL, RQ_POLICY, RQ_FINANCE,
	RQ_EPIDEMIC, RQ_SAFETY, RQ_OTHER, RQ__CATEGORIES
};

/* Working-day limits of a category. */
struct rq_limits {
	int start, answer, resolve, complex;
};

/* The limits of domain.md: start 1, first answer 3, resolve 15, complex 30. */
extern const struct rq_limits rq_default_limits;
/* Codes ("received", "assign", "labour") and NULL-terminated lists. */
extern const char *const rq_state_names[RQ__STATES + 1];
extern const char *const rq_action_names[RQ__ACTIONS + 1];
extern const char *const rq_category_names[RQ__CATEGORIES + 1];
const char *rq_category_label(enum rq_category c, int english);
const char *rq_state_label(enum rq_state s, int english);
/* Index of s in names, or -1. */
int rq_lookup(const char *const *names, const char *s);

/* The sides that may take the action (a bit set of enum rq_side). */
int rq_action_sides(enum rq_action a);
/*
 * The state after taking action a in state s; -1 when a is not allowed in
 * s. RQ_COMMENT keeps the state (not allowed once confirmed).
 */
int rq_next(enum rq_state s, enum rq_action a);
/* Not yet resolved: received, assigned, in progress, reopened. */
int rq_is_open(enum rq_state s);

struct rq_due {
	struct date start, answer, resolve;
};
/* The due days of a request received (or reopened, for resolve) on day d. */
struct rq_due rq_due_dates(const struct workcal *c, struct date d,
    const struct rq_limits *l, int complex);

/* Which limit an open request has passed on day as_of. */
enum rq_late { RQ_ON_TIME, RQ_LATE_START, RQ_LATE_ANSWER, RQ_LATE_RESOLVE };
/*
 * started / answered: whether the step happened (their days do not matter
 * here: a step done late is no longer pending). A request is late from the
 * day after a due day. The resolve limit wins over the others.
 */
enum rq_late rq_lateness(enum rq_state s, const struct rq_due *due,
    int started, int answered, struct date as_of);
/* "start", "answer", "resolve"; NULL for on time. */
const char *rq_late_name(enum rq_late l);

#endif
