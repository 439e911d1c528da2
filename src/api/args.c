/* Arguments of a request: see args.h. */
#include <string.h>

#include "api/args.h"
#include "api/validate.h"

long long
arg_id(struct req *r, const char *name)
{
	const char *v = req_arg(r, name);
	long long id = 0;

	if (v != NULL && *v != '\0' && (parse_ll(v, &id) != 0 || id < 1)) {
		ferr_add(r->errs, name, r->english, "应为正整数",
		    "must be a positive whole number");
		return 0;
	}
	return id;
}

int
arg_date(struct req *r, const char *name, struct date *d, int required)
{
	const char *v = req_arg(r, name);

	if ((v == NULL || *v == '\0') && !required)
		return 0;
	if (v == NULL || *v == '\0') {
		ferr_add(r->errs, name, r->english, "必填，格式YYYY-MM-DD",
		    "is required, written YYYY-MM-DD");
		return -1;
	}
	if (date_parse(v, strlen(v), d) != 0) {
		ferr_add(r->errs, name, r->english,
		    "日期应为YYYY-MM-DD格式的有效日期",
		    "must be a real date written YYYY-MM-DD");
		return -1;
	}
	return 0;
}

int
body_step_date(json_t *body, const char *key, struct date *out, json_t *errs,
    int english)
{
	json_t *v = json_object_get(body, key);
	struct date today = date_today_cn();

	*out = today;
	if (v == NULL || json_is_null(v))
		return 0;
	if (!json_is_string(v) || date_parse(json_string_value(v),
	    strlen(json_string_value(v)), out) != 0) {
		ferr_add(errs, key, english, "日期应为YYYY-MM-DD格式",
		    "must be a date written YYYY-MM-DD");
		return -1;
	}
	if (date_cmp(*out, today) > 0) {
		ferr_add(errs, key, english, "不能晚于今天",
		    "cannot be later than today");
		return -1;
	}
	return 0;
}
