/* Phase order and the event sequence of a project. */
#include <stddef.h>
#include <string.h>

#include "domain/phase.h"

const char *const phase_codes[PHASE_COUNT + 1] = {
	"preparation", "site_leveling", "test_piling", "piling",
	"main_structure", "topped_out", "secondary_structure", "finishing",
	"completion_acceptance", "operation", NULL,
};

static const char *const labels[PHASE_COUNT][2] = {
	{"前期工作", "Preparation (approvals, land, design)"},
	{"场地平整", "Site levelling"},
	{"试桩", "Test piling"},
	{"桩基施工", "Piling"},
	{"主体施工", "Main structure"},
	{"主体封顶", "Topped out"},
	{"二次结构", "Secondary structure"},
	{"装饰收尾", "Finishing"},
	{"竣工验收", "Completion acceptance"},
	{"投产/运营", "In production / operation"},
};

int
phase_parse(const char *s)
{
	if (s == NULL)
		return -1;
	for (int i = 0; i < PHASE_COUNT; i++)
		if (strcmp(s, phase_codes[i]) == 0 ||
		    strcmp(s, labels[i][0]) == 0)
			return i;
	/* Offices write 投产 or 运营 alone as often as both. */
	if (strcmp(s, "投产") == 0 || strcmp(s, "运营") == 0)
		return PHASE_COUNT - 1;
	return -1;
}

const char *
phase_code(int phase)
{
	return phase >= 0 && phase < PHASE_COUNT ? phase_codes[phase] : NULL;
}

const char *
phase_label(int phase, int english)
{
	return phase >= 0 && phase < PHASE_COUNT ? labels[phase][english != 0] :
	    NULL;
}

static const char *const ev_codes[] = {"start", "stop", "resume"};
static const char *const st_codes[] = {"not_started", "started", "stopped"};

int
pevent_parse(const char *s, enum pevent *out)
{
	for (int i = 0; i < 3; i++)
		if (s != NULL && strcmp(s, ev_codes[i]) == 0) {
			*out = (enum pevent)i;
			return 0;
		}
	return -1;
}

const char *pevent_code(enum pevent e) { return ev_codes[e]; }
const char *pstatus_code(enum pstatus s) { return st_codes[s]; }

int
pevents_check(const enum pevent *kinds, const struct date *dates, size_t n)
{
	enum pstatus st = PST_NOT_STARTED;

	for (size_t i = 0; i < n; i++) {
		if (i > 0 && date_cmp(dates[i], dates[i - 1]) < 0)
			return (int)i;
		switch (kinds[i]) {
		case PEV_START:
			if (st != PST_NOT_STARTED)
				return (int)i;
			st = PST_STARTED;
			break;
		case PEV_STOP:
			if (st != PST_STARTED)
				return (int)i;
			st = PST_STOPPED;
			break;
		case PEV_RESUME:
			if (st != PST_STOPPED)
				return (int)i;
			st = PST_STARTED;
			break;
		}
	}
	return -1;
}

enum pstatus
pevents_status(const enum pevent *kinds, const struct date *dates, size_t n,
    struct date as_of)
{
	enum pstatus st = PST_NOT_STARTED;

	for (size_t i = 0; i < n && date_cmp(dates[i], as_of) <= 0; i++)
		st = kinds[i] == PEV_STOP ? PST_STOPPED : PST_STARTED;
	return st;
}
