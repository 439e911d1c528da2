/* Joint acceptance: status derivation and parallel/serial measures. */
#include <stdlib.h>
#include <string.h>

#include "domain/acceptance.h"

int
acc_decision_parse(const char *s, enum acc_state *out)
{
	if (s == NULL)
		return -1;
	if (strcmp(s, "pass") == 0)
		*out = ACC_PASS;
	else if (strcmp(s, "rectify") == 0)
		*out = ACC_RECTIFY;
	else if (strcmp(s, "fail") == 0)
		*out = ACC_FAIL;
	else
		return -1;
	return 0;
}

static const char *const codes[] = {"draft", "reviewing", "rectifying",
    "inspection", "passed", "failed"};
static const char *const zh[] = {"草稿", "审查中", "整改中", "现场验收",
    "已通过", "未通过"};
static const char *const en[] = {"Draft", "Reviewing", "Rectifying",
    "Site inspection", "Passed", "Failed"};

const char *
acc_status_code(enum acc_status s)
{
	return (unsigned)s <= ACS_FAILED ? codes[s] : "?";
}

const char *
acc_status_label(enum acc_status s, int english)
{
	if ((unsigned)s > ACS_FAILED)
		return "?";
	return english ? en[s] : zh[s];
}

enum acc_status
acc_status_derive(int submitted, const enum acc_state *depts, size_t n,
    enum acc_state inspection)
{
	int pending = 0, rectify = 0, passed = 0;

	if (!submitted)
		return ACS_DRAFT;
	for (size_t i = 0; i < n; i++) {
		if (depts[i] == ACC_FAIL)
			return ACS_FAILED;
		pending += depts[i] == ACC_PENDING || depts[i] == ACC_NONE;
		rectify += depts[i] == ACC_RECTIFY;
		passed += depts[i] == ACC_PASS;
	}
	if (inspection == ACC_FAIL)
		return ACS_FAILED;
	if (pending > 0)
		return ACS_REVIEWING;
	if (rectify > 0 || inspection == ACC_RECTIFY)
		return ACS_RECTIFYING;
	if (inspection == ACC_PASS)
		return ACS_PASSED;
	return ACS_INSPECTION;
}

void
acc_measure(const struct workcal *c, const struct acc_span *reviews,
    size_t nr, const struct acc_span *inspections, size_t ni,
    int submissions, struct acc_measures *out)
{
	int maxsub = 0, insp = 0;

	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < nr; i++)
		if (reviews[i].submission > maxsub)
			maxsub = reviews[i].submission;
	/* Rounds of one submission run side by side: the longest counts. */
	for (int s = 1; s <= maxsub; s++) {
		int longest = 0;

		for (size_t i = 0; i < nr; i++) {
			int d;

			if (reviews[i].submission != s)
				continue;
			d = workcal_count(c, reviews[i].start, reviews[i].end);
			out->serial_days += d;
			if (d > longest)
				longest = d;
		}
		out->parallel_days += longest;
	}
	for (size_t i = 0; i < ni; i++)
		insp += workcal_count(c, inspections[i].start,
		    inspections[i].end);
	out->parallel_days += insp;
	out->serial_days += insp;
	out->days_saved = out->serial_days - out->parallel_days;
	out->submissions = submissions;
}
