/* Zone settings with typed defaults; GET and PUT /api/settings. */
#include <stdlib.h>
#include <string.h>

#include "api/handlers.h"
#include "api/settings.h"
#include "api/validate.h"
#include "http/reply.h"

/* Field order is the order shown; the type checks a PUT. */
static const struct {
	struct field_spec f;
	double def;
} settings[] = {
	{{.name = "warn.start_yellow_months", .type = FT_INT, .min = 0,
	    .max = 24}, 1},
	{{.name = "warn.start_red_months", .type = FT_INT, .min = 0,
	    .max = 36}, 3},
	{{.name = "warn.progress_yellow_points", .type = FT_INT, .min = 0,
	    .max = 100}, 10},
	{{.name = "warn.progress_red_points", .type = FT_INT, .min = 0,
	    .max = 100}, 30},
	{{.name = "warn.problem_overdue_yellow", .type = FT_BOOL}, 1},
	{{.name = "invest.monthly_target", .type = FT_INT, .min = 0,
	    .max = 10000}, 30},
	{{.name = "invest.stalled_days", .type = FT_INT, .min = 1,
	    .max = 3650}, 90},
	{{.name = "score.w_investment", .type = FT_INT, .min = 0, .max = 100},
	    30},
	{{.name = "score.w_technology", .type = FT_INT, .min = 0, .max = 100},
	    25},
	{{.name = "score.w_tax", .type = FT_INT, .min = 0, .max = 100}, 30},
	{{.name = "score.w_energy", .type = FT_INT, .min = 0, .max = 100}, 15},
	/* 万元 of planned investment that earn full points (10 亿元). */
	{{.name = "score.investment_full", .type = FT_INT, .min = 1,
	    .max = 100000000}, 100000},
	/* 万元 of tax per 亩 that earn full points. */
	{{.name = "score.tax_per_mu_full", .type = FT_INT, .min = 1,
	    .max = 100000}, 50},
	/* kg of standard coal per 万元 of output that earn no points. */
	{{.name = "score.energy_zero_kg", .type = FT_INT, .min = 1,
	    .max = 100000}, 500},
	/* Working days for the joint site inspection after the reviews pass. */
	{{.name = "acc.inspection_days", .type = FT_INT, .min = 1,
	    .max = 60}, 5},
};
#define NSETTINGS (sizeof settings / sizeof settings[0])

static json_t *
typed(size_t i, double v)
{
	return settings[i].f.type == FT_BOOL ? json_boolean(v != 0) :
	    json_integer((json_int_t)v);
}

struct load {
	json_t *obj;
};

static int
setting_row(void *ctx, const struct store_row *row)
{
	struct load *l = ctx;
	const char *key = store_col_text(row, 0);

	for (size_t i = 0; i < NSETTINGS; i++)
		if (strcmp(key, settings[i].f.name) == 0)
			json_object_set_new(l->obj, key, typed(i,
			    strtod(store_col_text(row, 1), NULL)));
	return 0;
}

enum app_err
settings_load(struct store *st, long long zone_id, json_t **out)
{
	struct load l = {json_object()};
	enum app_err e;

	for (size_t i = 0; i < NSETTINGS; i++)
		json_object_set_new(l.obj, settings[i].f.name,
		    typed(i, settings[i].def));
	e = store_query(st, STMT_SETTING_LIST, (struct store_val[]){
	    SV_I(zone_id)}, 1, setting_row, &l, NULL);
	if (e != APP_OK) {
		json_decref(l.obj);
		return e;
	}
	*out = l.obj;
	return APP_OK;
}

double
settings_num(json_t *s, const char *key)
{
	json_t *v = json_object_get(s, key);

	if (json_is_boolean(v))
		return json_is_true(v);
	if (json_is_number(v))
		return json_number_value(v);
	for (size_t i = 0; i < NSETTINGS; i++)
		if (strcmp(key, settings[i].f.name) == 0)
			return settings[i].def;
	return 0;
}

void
settings_warn_rules(json_t *s, struct warn_rules *r)
{
	r->start_yellow_months = (int)settings_num(s, "warn.start_yellow_months");
	r->start_red_months = (int)settings_num(s, "warn.start_red_months");
	r->progress_yellow_points = settings_num(s, "warn.progress_yellow_points");
	r->progress_red_points = settings_num(s, "warn.progress_red_points");
	r->problem_overdue_yellow = (int)settings_num(s,
	    "warn.problem_overdue_yellow");
}

enum app_err
h_settings_get(struct req *r)
{
	json_t *s;
	enum app_err e = settings_load(r->st, r->actor.zone_id, &s);

	return e != APP_OK ? e : reply_json(r, 200, s);
}

/* PUT takes any subset of the keys; the others keep their values. */
enum app_err
h_settings_put(struct req *r)
{
	struct store_val v;
	json_t *before = NULL, *after = NULL, *val, *clean = json_object();
	const char *key;
	char now[20], num[32];
	enum app_err e = APP_OK;

	json_object_foreach(r->json, key, val) {
		size_t i;

		for (i = 0; i < NSETTINGS; i++)
			if (strcmp(key, settings[i].f.name) == 0)
				break;
		if (i == NSETTINGS) {
			ferr_add(r->errs, key, r->english, "没有这个设置项",
			    "no such setting");
			continue;
		}
		validate_body(r->json, &settings[i].f, 1, &v, r->errs,
		    r->english);
		if (v.type == SV_INT)
			json_object_set_new(clean, key, json_integer(v.i));
		else if (json_array_size(r->errs) == 0)
			ferr_add(r->errs, key, r->english, "必填",
			    "is required");
	}
	if (json_array_size(r->errs) > 0) {
		json_decref(clean);
		return APP_ERR_VALIDATION;
	}
	store_now(now, 0);
	if ((e = store_begin(r->st)) != APP_OK) {
		json_decref(clean);
		return e;
	}
	if ((e = settings_load(r->st, r->actor.zone_id, &before)) != APP_OK)
		goto fail;
	json_object_foreach(clean, key, val) {
		snprintf(num, sizeof num, "%lld", (long long)
		    json_integer_value(val));
		if ((e = store_query(r->st, STMT_SETTING_PUT, (struct store_val[]){
		    SV_I(r->actor.zone_id), SV_T(key), SV_T(num), SV_T(now)}, 4,
		    NULL, NULL, NULL)) != APP_OK)
			goto fail;
	}
	if ((e = settings_load(r->st, r->actor.zone_id, &after)) != APP_OK ||
	    (e = store_audit(r->st, r->actor.zone_id, r->actor.user_id,
	    "settings", r->actor.zone_id, "update", before, after)) != APP_OK)
		goto fail;
	json_decref(before);
	json_decref(clean);
	if ((e = store_commit(r->st)) != APP_OK) {
		json_decref(after);
		return e;
	}
	return reply_json(r, 200, after);
fail:
	json_decref(before);
	json_decref(after);
	json_decref(clean);
	store_rollback(r->st);
	return e;
}
