/*
 * The work briefing (工作简报): the zone's figures in Chinese prose, each
 * sentence built from the same report the pages and the CLI show, plus the
 * inconsistent inputs behind them.
 */
#ifndef ZD_API_BRIEFING_H
#define ZD_API_BRIEFING_H

#include <jansson.h>

#include "api/actor.h"
#include "domain/date.h"
#include "store/store.h"

/*
 * period: "week" (the 7 days to as_of), "month" (from the 1st) or
 * "quarter" (from the quarter's first day). *out: {"title","as_of",
 * "period","from","to","sections":[{"key","title","paragraphs":[…]}],
 * "flags":[{"section","message"}],"figures":{…},"reports":{"kaifugong",
 * "investment","acceptance"}}.
 */
enum app_err briefing_build(struct store *st, const struct actor *a,
    struct date as_of, const char *period, json_t **out);
/* The whole briefing as plain text, malloc'd. */
char *briefing_text(json_t *b);
/* A standalone HTML page with a print stylesheet, malloc'd. */
char *briefing_html(json_t *b);
/* The tables behind the sentences, as xlsx bytes. */
enum app_err briefing_xlsx(json_t *b, char **data, size_t *len, char *err,
    size_t errsz);

#endif
