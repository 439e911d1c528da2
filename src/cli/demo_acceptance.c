/*
 * Demo joint acceptance: reviewers for the six departments (the demo user
 * `fire` reviews for 消防), and cases dated relative to today in working
 * days — a draft, an open one, an overdue one, one back with the applicant
 * for rectification and one passed after a rectification loop and the site
 * inspection. All through the same functions as the API.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/acceptance.h"
#include "api/calendar.h"
#include "api/projects.h"
#include "api/resource.h"
#include "api/users.h"
#include "cli/demo.h"

static const char demo_pdf[] = "%PDF-1.4\n% zonedesk demo\n%%EOF\n";


/* The working day n working days before today. */
static struct date
back(const struct workcal *c, struct date today, int n)
{
	struct date d = today;

	while (workcal_count(c, d, today) < n)
		d = date_add_days(d, -1);
	while (!workcal_is_workday(c, d))
		d = date_add_days(d, -1);
	return d;
}

struct demo_acc {
	struct store *st;
	struct actor officer, enterprise, reviewers[6];
	long long depts[6], projects[8], owners[8];
	size_t nprojects;
	struct workcal cal;
	struct date today;
};

/* Runs one step, its body consumed; *out (optional) gets the result. */
static int
step(const char *what, enum app_err (*fn)(struct store *,
    const struct actor *, long long, json_t *, json_t *, json_t **),
    struct demo_acc *d, const struct actor *a, long long id, json_t *body,
    json_t **out)
{
	json_t *errs = json_array(), *res = NULL;
	int rc = demo_ok(what, fn(d->st, a, id, body, errs, &res), errs);

	json_decref(errs);
	json_decref(body);
	if (out != NULL && rc == 0)
		*out = res;
	else
		json_decref(res);
	return rc;
}

static json_t *
on(struct date day)
{
	char s[11];

	date_format(day, s);
	return json_pack("{s:s}", "date", s);
}

/* The pending review of department index k in a case. */
static long long
pending_review(json_t *c, long long dept)
{
	json_t *d, *r;
	size_t i, k;

	json_array_foreach(json_object_get(c, "departments"), i, d) {
		if (json_integer_value(json_object_get(d, "department_id")) !=
		    dept)
			continue;
		json_array_foreach(json_object_get(d, "rounds"), k, r)
			if (json_is_null(json_object_get(r, "decided_on")))
				return json_integer_value(json_object_get(r,
				    "id"));
	}
	return 0;
}

/* Opens a case on behalf of the project's owner, with files for every
 * item, submitted on `day` (day.y == 0: left a draft). */
static int
open_case(struct demo_acc *d, size_t p, const char *title,
    const int *dk, size_t nd, struct date day, json_t **out)
{
	json_t *body, *dl = json_array(), *errs = json_array(), *c = NULL, *it;
	size_t i;
	int rc;

	for (i = 0; i < nd; i++)
		json_array_append_new(dl, json_integer(d->depts[dk[i]]));
	body = json_pack("{s:I, s:s, s:s, s:o, s:I}", "project_id",
	    (json_int_t)d->projects[p], "title", title, "building", "1号厂房",
	    "department_ids", dl, "applicant_org_id",
	    (json_int_t)d->owners[p]);
	rc = demo_ok("open", acc_case_open(d->st, &d->officer, body, errs, &c),
	    errs);
	json_decref(body);
	json_decref(errs);
	if (rc != 0)
		return rc;
	json_array_foreach(json_object_get(c, "items"), i, it) {
		json_t *f = NULL;
		char name[300];

		errs = json_array();
		snprintf(name, sizeof name, "%s.pdf", json_string_value(
		    json_object_get(it, "name")));
		rc = demo_ok("file", acc_file_add(d->st, &d->officer,
		    json_integer_value(json_object_get(c, "id")),
		    json_integer_value(json_object_get(it, "item_id")), name,
		    demo_pdf, sizeof demo_pdf - 1, errs, &f), errs);
		json_decref(errs);
		json_decref(f);
		if (rc != 0 || day.y == 0)
			break;
	}
	if (rc == 0 && day.y != 0) {
		long long id = json_integer_value(json_object_get(c, "id"));

		json_decref(c);
		c = NULL;
		rc = step("submit", acc_submit, d, &d->officer, id, on(day), &c);
	}
	if (rc == 0)
		*out = c;
	else
		json_decref(c);
	return rc;
}

static int
decide(struct demo_acc *d, json_t **c, int k, const char *decision,
    struct date day, int npoints)
{
	json_t *body = on(day), *pts = json_array(), *res = NULL;
	long long rid = pending_review(*c, d->depts[k]);
	long long cid = json_integer_value(json_object_get(*c, "id"));
	static const char *const points[] = {"补充消防设施检测报告",
	    "疏散指示标志位置与图纸不符", "补充竣工图电子版"};
	int rc;

	for (int i = 0; i < npoints && i < 3; i++)
		json_array_append_new(pts, json_string(points[i]));
	json_object_set_new(body, "decision", json_string(decision));
	json_object_set_new(body, "opinion", json_string(
	    strcmp(decision, "pass") == 0 ? "材料齐全，同意通过" :
	    "材料需整改，详见整改要点"));
	json_object_set_new(body, "points", pts);
	if ((rc = step("decide", acc_decide, d, &d->reviewers[k], rid, body,
	    &res)) != 0)
		return rc;
	json_decref(res);
	json_decref(*c);
	*c = NULL;
	return demo_ok("reload", acc_case_get(d->st, &d->officer, cid, d->today, c),
	    NULL);
}

static int
resubmit(struct demo_acc *d, json_t **c, int k, struct date day)
{
	json_t *dep, *r, *p, *answers = json_array(), *body = on(day);
	long long cid = json_integer_value(json_object_get(*c, "id"));
	size_t i, j, n;

	json_array_foreach(json_object_get(*c, "departments"), i, dep) {
		if (json_integer_value(json_object_get(dep, "department_id")) !=
		    d->depts[k])
			continue;
		n = json_array_size(json_object_get(dep, "rounds"));
		r = json_array_get(json_object_get(dep, "rounds"), n - 1);
		json_array_foreach(json_object_get(r, "points"), j, p)
			json_array_append_new(answers, json_pack(
			    "{s:O, s:O, s:s}", "review_id", json_object_get(r,
			    "id"), "point_no", json_object_get(p, "no"),
			    "answer", "已按要求整改并补充材料"));
	}
	json_object_set_new(body, "answers", answers);
	json_decref(*c);
	*c = NULL;
	return step("resubmit", acc_resubmit, d, &d->officer, cid, body, c);
}

int
demo_acceptance(struct store *st, const struct actor *a, const char *pw,
    const struct demo_refs *refs)
{
	static const char *const names[6][3] = {
		{"planning", "周工（规划）", "高新区自然资源和规划分局"},
		{"quality", "吴工（质监）", "高新区住房和城乡建设局"},
		{"fire", NULL, NULL},
		{"airdef", "郑工（人防）", "高新区人防办"},
		{"archives", "冯工（城建档案）", "高新区城建档案馆"},
		{"survey", "陈工（测绘）", "高新区自然资源和规划分局"},
	};
	static const char *const dnames[6] = {"规划", "住建（质监）", "消防",
	    "人防", "城建档案", "测绘"};
	struct demo_acc d = {.st = st, .today = date_today_cn()};
	struct list_query lq = {.limit = 50};
	json_t *page = NULL, *x, *c = NULL, *u = NULL;
	size_t i;
	int rc = 0;

	d.officer = *a;
	if (user_by_name(st, "approval", &u) != APP_OK)
		return demo_ok("approval user", APP_ERR_NOT_FOUND, NULL);
	d.officer.user_id = json_integer_value(json_object_get(u, "id"));
	d.officer.role = ROLE_APPROVAL_OFFICER;
	json_decref(u);
	if (res_list(st, a, &acc_dept_resource, &lq, &page) != APP_OK)
		return -1;
	json_array_foreach(json_object_get(page, "items"), i, x)
		for (int k = 0; k < 6; k++)
			if (strcmp(json_string_value(json_object_get(x, "name")),
			    dnames[k]) == 0)
				d.depts[k] = json_integer_value(
				    json_object_get(x, "id"));
	json_decref(page);
	/* One reviewer per department; `fire` exists already. */
	for (int k = 0; k < 6 && rc == 0; k++) {
		json_t *errs = json_array(), *out = NULL, *body;

		u = NULL;
		if (names[k][1] != NULL) {
			body = json_pack("{s:s, s:s, s:s, s:s, s:s}", "username",
			    names[k][0], "name", names[k][1], "role",
			    "dept_reviewer", "password", pw, "department",
			    names[k][2]);
			rc = demo_ok("reviewer", user_create(st, a, body, errs, &out),
			    errs);
			json_decref(body);
			json_decref(out);
		}
		if (rc == 0 && user_by_name(st, names[k][0], &u) != APP_OK)
			rc = demo_ok("reviewer", APP_ERR_NOT_FOUND, NULL);
		if (rc == 0) {
			d.reviewers[k] = *a;
			d.reviewers[k].role = ROLE_DEPT_REVIEWER;
			d.reviewers[k].user_id = json_integer_value(
			    json_object_get(u, "id"));
			body = json_pack("{s:[I]}", "user_ids",
			    (json_int_t)d.reviewers[k].user_id);
			out = NULL;
			rc = demo_ok("reviewers", acc_dept_set(st, a, d.depts[k], 1,
			    body, errs, &out), errs);
			json_decref(body);
			json_decref(out);
		}
		json_decref(u);
		json_decref(errs);
	}
	if (rc != 0)
		return rc;
	/* Projects of the demo enterprises, by owner. */
	for (i = 0; i < refs->nowners && d.nprojects < 5; i++) {
		struct project_query pq = {.as_of = d.today,
		    .owner_org_id = refs->owners[i]};
		size_t j;

		pq.lq.limit = 2;
		if (project_list(st, a, &pq, &page) != APP_OK)
			return -1;
		json_array_foreach(json_object_get(page, "items"), j, x) {
			if (d.nprojects >= 5)
				break;
			d.owners[d.nprojects] = json_integer_value(
			    json_object_get(x, "owner_org_id"));
			d.projects[d.nprojects++] = json_integer_value(
			    json_object_get(x, "id"));
		}
		json_decref(page);
	}
	if (d.nprojects < 5)
		return demo_ok("projects", APP_ERR_NOT_FOUND, NULL);
	if (workcal_load(st, a->zone_id, (struct date){0}, (struct date){0},
	    &d.cal) != APP_OK) {
		workcal_free(&d.cal);
		return -1;
	}
	{
		static const int all4[] = {0, 1, 2, 4}, three[] = {0, 1, 2},
		    two[] = {2, 3}, fire_plan[] = {0, 2};

		/* Passed: round 1 on day −30, 消防 asks to rectify, the
		 * applicant answers, inspection held. */
		if ((rc = open_case(&d, 0, "1号厂房竣工联合验收", all4, 4,
		    back(&d.cal, d.today, 30), &c)) == 0 &&
		    (rc = decide(&d, &c, 0, "pass", back(&d.cal, d.today, 27),
		    0)) == 0 && (rc = decide(&d, &c, 1, "pass", back(&d.cal,
		    d.today, 26), 0)) == 0 && (rc = decide(&d, &c, 4, "pass",
		    back(&d.cal, d.today, 28), 0)) == 0 && (rc = decide(&d, &c,
		    2, "rectify", back(&d.cal, d.today, 27), 2)) == 0 &&
		    (rc = resubmit(&d, &c, 2, back(&d.cal, d.today, 22))) == 0 &&
		    (rc = decide(&d, &c, 2, "pass", back(&d.cal, d.today, 20),
		    0)) == 0) {
			json_t *b = on(back(&d.cal, d.today, 20));
			long long id = json_integer_value(json_object_get(c,
			    "id"));

			json_decref(c);
			c = NULL;
			if ((rc = step("inspection", acc_inspection, &d,
			    &d.officer, id, b, NULL)) == 0) {
				b = on(back(&d.cal, d.today, 17));
				json_object_set_new(b, "result",
				    json_string("pass"));
				json_object_set_new(b, "opinion",
				    json_string("现场验收合格"));
				rc = step("result", acc_inspection_result, &d,
				    &d.officer, id, b, NULL);
			}
		}
		json_decref(c);
		c = NULL;
		/* Rectifying: 消防 asked, 规划 passed. */
		if (rc == 0 && (rc = open_case(&d, 1, "研发楼竣工联合验收",
		    fire_plan, 2, back(&d.cal, d.today, 8), &c)) == 0 &&
		    (rc = decide(&d, &c, 0, "pass", back(&d.cal, d.today, 6),
		    0)) == 0)
			rc = decide(&d, &c, 2, "rectify", back(&d.cal, d.today,
			    5), 3);
		json_decref(c);
		c = NULL;
		/* Overdue: 人防 has not decided within its 5 days. */
		if (rc == 0 && (rc = open_case(&d, 2, "仓储中心竣工联合验收",
		    two, 2, back(&d.cal, d.today, 9), &c)) == 0)
			rc = decide(&d, &c, 2, "pass", back(&d.cal, d.today, 7),
			    0);
		json_decref(c);
		c = NULL;
		/* Open: submitted two working days ago. */
		if (rc == 0)
			rc = open_case(&d, 3, "2号厂房竣工联合验收", three, 3,
			    back(&d.cal, d.today, 2), &c);
		json_decref(c);
		c = NULL;
		/* A draft with some files. */
		if (rc == 0)
			rc = open_case(&d, 4, "综合楼竣工联合验收", three, 3,
			    (struct date){0}, &c);
		json_decref(c);
	}
	workcal_free(&d.cal);
	return rc;
}
