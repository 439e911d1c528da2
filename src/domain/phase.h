/*
 * Phases of construction (形象进度) in their order, and the start/stop/resume
 * events from which a project's state is derived (never stored twice).
 */
#ifndef ZD_DOMAIN_PHASE_H
#define ZD_DOMAIN_PHASE_H

#include "domain/date.h"

#define PHASE_COUNT 10

/* Index of a phase code ("main_structure") or label (主体施工); -1 if none. */
int phase_parse(const char *s);
const char *phase_code(int phase);
const char *phase_label(int phase, int english);
/* NULL-terminated list of the codes, in order. */
extern const char *const phase_codes[PHASE_COUNT + 1];

enum pevent { PEV_START, PEV_STOP, PEV_RESUME };
enum pstatus { PST_NOT_STARTED, PST_STARTED, PST_STOPPED };

int pevent_parse(const char *s, enum pevent *out);
const char *pevent_code(enum pevent e);
const char *pstatus_code(enum pstatus s);

/*
 * Checks that events, sorted by date, form start (stop resume)* with an
 * optional trailing stop; dates must not go backwards. Returns the index of
 * the first event that breaks the sequence, or -1 when it is valid.
 */
int pevents_check(const enum pevent *kinds, const struct date *dates,
    size_t n);
/* State after the last event on or before as_of (events sorted by date). */
enum pstatus pevents_status(const enum pevent *kinds, const struct date *dates,
    size_t n, struct date as_of);

#endif
