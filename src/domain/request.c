/* Enterprise requests: see request.h. */
#include <string.h>

#include "domain/request.h"

const struct rq_limits rq_default_limits = {1, 3, 15, 30};

const char *const rq_state_names[RQ__STATES + 1] = {"received", "assigned",
    "in_progress", "resolved", "confirmed", "reopened", NULL};
const char *const rq_action_names[RQ__ACTIONS + 1] = {"assign", "start",
    "answer", "resolve", "confirm", "reopen", "comment", NULL};
const char *const rq_category_names[RQ__CATEGORIES + 1] = {"labour",
    "logistics", "approval", "policy", "finance", "epidemic", "safety",
    "other", NULL};

static const char *const cat_labels[RQ__CATEGORIES][2] = {
	{"用工", "Labour"}, {"物流", "Logistics"}, {"审批", "Approvals"},
	{"政策", "Policy"}, {"融资", "Financing"}, {"防疫", "Epidemic control"},
	{"安全", "Safety"}, {"其他", "Other"},
};
static const char *const state_labels[RQ__STATES][2] = {
	{"已受理", "Received"}, {"已分派", "Assigned"}, {"办理中", "In progress"},
	{"已办结", "Resolved"}, {"已确认", "Confirmed"}, {"已退回重办", "Reopened"},
};

/* next[state][action]: the state after, -1 when not allowed. */
#define NO (-1)
static const signed char next[RQ__STATES][RQ__ACTIONS] = {
	/*                assign       start           answer          resolve      confirm       reopen       comment */
	[RQ_RECEIVED] = {RQ_ASSIGNED, RQ_IN_PROGRESS, RQ_IN_PROGRESS, RQ_RESOLVED, NO, NO, RQ_RECEIVED},
	[RQ_ASSIGNED] = {RQ_ASSIGNED, RQ_IN_PROGRESS, RQ_IN_PROGRESS, RQ_RESOLVED, NO, NO, RQ_ASSIGNED},
	[RQ_IN_PROGRESS] = {RQ_IN_PROGRESS, NO, RQ_IN_PROGRESS, RQ_RESOLVED, NO, NO, RQ_IN_PROGRESS},
	[RQ_RESOLVED] = {NO, NO, NO, NO, RQ_CONFIRMED, RQ_REOPENED, RQ_RESOLVED},
	[RQ_CONFIRMED] = {NO, NO, NO, NO, NO, NO, NO},
	[RQ_REOPENED] = {RQ_REOPENED, RQ_IN_PROGRESS, RQ_IN_PROGRESS, RQ_RESOLVED, NO, NO, RQ_REOPENED},
};

const char *
rq_category_label(enum rq_category c, int english)
{
	return (unsigned)c < RQ__CATEGORIES ? cat_labels[c][english != 0] : "?";
}

const char *
rq_state_label(enum rq_state s, int english)
{
	return (unsigned)s < RQ__STATES ? state_labels[s][english != 0] : "?";
}

int
rq_lookup(const char *const *names, const char *s)
{
	for (int i = 0; s != NULL && names[i] != NULL; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return -1;
}

int
rq_action_sides(enum rq_action a)
{
	switch (a) {
	case RQ_CONFIRM:
	case RQ_REOPEN:
		/* The enterprise's word; an officer may record it when the
		 * enterprise answers by phone or in a WeChat group. */
		return RQ_SIDE_ENTERPRISE | RQ_SIDE_OFFICER;
	case RQ_COMMENT:
		return RQ_SIDE_ENTERPRISE | RQ_SIDE_OFFICER;
	case RQ_ASSIGN:
	case RQ_START:
	case RQ_ANSWER:
	case RQ_RESOLVE:
		return RQ_SIDE_OFFICER;
	default:
		return 0;
	}
}

int
rq_next(enum rq_state s, enum rq_action a)
{
	if ((unsigned)s >= RQ__STATES || (unsigned)a >= RQ__ACTIONS)
		return -1;
	return next[s][a];
}

int
rq_is_open(enum rq_state s)
{
	return s == RQ_RECEIVED || s == RQ_ASSIGNED || s == RQ_IN_PROGRESS ||
	    s == RQ_REOPENED;
}

struct rq_due
rq_due_dates(const struct workcal *c, struct date d, const struct rq_limits *l,
    int complex)
{
	struct rq_due due;

	due.start = workcal_add(c, d, l->start);
	due.answer = workcal_add(c, d, l->answer);
	due.resolve = workcal_add(c, d, complex ? l->complex : l->resolve);
	return due;
}

enum rq_late
rq_lateness(enum rq_state s, const struct rq_due *due, int started,
    int answered, struct date as_of)
{
	if (!rq_is_open(s))
		return RQ_ON_TIME;
	if (date_cmp(as_of, due->resolve) > 0)
		return RQ_LATE_RESOLVE;
	if (!answered && date_cmp(as_of, due->answer) > 0)
		return RQ_LATE_ANSWER;
	if (!started && date_cmp(as_of, due->start) > 0)
		return RQ_LATE_START;
	return RQ_ON_TIME;
}

const char *
rq_late_name(enum rq_late l)
{
	static const char *const names[] = {NULL, "start", "answer", "resolve"};

	return (unsigned)l <= RQ_LATE_RESOLVE ? names[l] : NULL;
}
