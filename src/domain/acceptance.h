/*
 * Joint acceptance (联合验收, 并联模式): the pure rules. A case's status is
 * derived from the latest decision of each department it went to and the
 * latest joint site inspection; the measures compare the working days the
 * parallel case took with what the same reviews would take one after the
 * other. No I/O; the calendar comes from the caller.
 */
#ifndef ZD_DOMAIN_ACCEPTANCE_H
#define ZD_DOMAIN_ACCEPTANCE_H

#include <stddef.h>

#include "domain/date.h"
#include "domain/workdays.h"

/* The state of one department's latest review, or of the inspection. */
enum acc_state {
	ACC_NONE,	/* not started (inspection not scheduled) */
	ACC_PENDING,	/* started, not decided */
	ACC_PASS,	/* 通过 */
	ACC_RECTIFY,	/* 整改 */
	ACC_FAIL,	/* 不通过 */
};

enum acc_status {
	ACS_DRAFT,	/* not submitted */
	ACS_REVIEWING,	/* a department is reviewing */
	ACS_RECTIFYING,	/* back with the applicant */
	ACS_INSPECTION,	/* documents passed; site inspection to hold */
	ACS_PASSED,
	ACS_FAILED,
};

/* "pass", "rectify", "fail" → state; -1 for anything else. */
int acc_decision_parse(const char *s, enum acc_state *out);
/* "draft", "reviewing", "rectifying", "inspection", "passed", "failed". */
const char *acc_status_code(enum acc_status s);
/* 草稿, 审查中, 整改中, 现场验收, 已通过, 未通过 / English labels. */
const char *acc_status_label(enum acc_status s, int english);

/*
 * The status from: whether the case was submitted, the latest state of
 * each of its n departments, and the latest inspection's state. In order:
 * not submitted → draft; a failure anywhere → failed; a department still
 * reviewing → reviewing; a department asking for rectification (or the
 * inspection doing so) → rectifying; all passed: inspection passed →
 * passed, else inspection.
 */
enum acc_status acc_status_derive(int submitted, const enum acc_state *depts,
    size_t n, enum acc_state inspection);

/* One review round or inspection round: the case's submission that
 * started it (reviews only), the day it started and the day it ended (or
 * the as-of day while it runs). */
struct acc_span {
	int submission;
	struct date start, end;
};

struct acc_measures {
	int parallel_days;	/* Σ per submission of its longest round + inspections */
	int serial_days;	/* Σ of every round + inspections */
	int days_saved;		/* serial − parallel */
	int submissions;
};

/*
 * Working days (workcal_count(start, end)) of reviews[0..nr) and
 * inspections[0..ni). A department's clock runs from the day a round
 * starts to its decision; the days the applicant spends on a
 * rectification fall between two rounds and count for nobody.
 */
void acc_measure(const struct workcal *c, const struct acc_span *reviews,
    size_t nr, const struct acc_span *inspections, size_t ni,
    int submissions, struct acc_measures *out);

#endif
