/*
 * Zone settings: thresholds and targets each zone may tune. Defaults live
 * here; the database holds only what a zone changed.
 */
#ifndef ZD_API_SETTINGS_H
#define ZD_API_SETTINGS_H

#include <jansson.h>

#include "api/actor.h"
#include "domain/kfg.h"
#include "store/store.h"

/* Every setting of the zone as a JSON object {key: value}, defaults filled. */
enum app_err settings_load(struct store *st, long long zone_id, json_t **out);
/* The warning rules from a settings object. */
void settings_warn_rules(json_t *settings, struct warn_rules *r);
/* Number of a setting, or its default when absent. */
double settings_num(json_t *settings, const char *key);

#endif
