/*
 * Demo investment data: a year of leads moving through the stages, their
 * contacts, signing and promotion events, and weekly highlights with a
 * few weeks (and one month and quarter) left empty, so the cadence check
 * has breaks to show. Dated relative to today; deterministic.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/handlers.h"
#include "api/leads.h"
#include "api/projects.h"
#include "api/resource.h"
#include "api/rows.h"
#include "cli/cli.h"
#include "cli/demo.h"
#include "domain/date.h"
#include "domain/lead.h"

static const char *const projects[] = {
	"动力电池正极材料", "半导体封测", "工业机器人减速器", "创新药中试",
	"高端医疗影像设备", "跨境冷链仓储", "碳化硅衬底", "光伏逆变器",
	"智能网联汽车零部件", "生物发酵原料药", "高分子医用材料",
	"数据中心", "氢燃料电池电堆", "精密数控机床", "5G射频器件",
	"新型显示模组", "海洋生物制品", "锂电隔膜", "体外诊断试剂",
	"智慧物流装备", "工业软件研发中心", "特种纤维", "航空零部件",
	"康复器械",
};
static const char *const investors[] = {"苏州某科技集团", "深圳某新能源",
    "上海某医药", "北京某投资", "杭州某智能", "香港某实业", "南京某装备",
    "新加坡某资本"};
static const char *const channels[] = {"phone", "wechat", "video", "visit",
    "fair"};

static unsigned long
next(unsigned long *s)
{
	*s = *s * 6364136223846793005UL + 1442695040888963407UL;
	return *s >> 33;
}

static int
check(const char *what, enum app_err e, json_t *errs)
{
	char *s;

	if (e == APP_OK)
		return 0;
	s = json_dumps(errs, JSON_COMPACT);
	fprintf(stderr, "zonedesk demo: %s: %s %s\n", what, app_strerror(e, 1),
	    s ? s : "");
	free(s);
	return -1;
}

static long long
make(struct store *st, const struct actor *a, const struct resource *res,
    json_t *body)
{
	json_t *errs = json_array(), *out = NULL;
	long long id = 0;

	if (check(res->entity, res_create(st, a, res, body, errs, &out),
	    errs) == 0)
		id = json_integer_value(json_object_get(out, "id"));
	json_decref(out);
	json_decref(errs);
	json_decref(body);
	return id;
}

static int
move(struct store *st, const struct actor *a, long long lead,
    const char *stage, long day, long long event)
{
	char d[11];
	json_t *body, *errs = json_array(), *out = NULL;
	int rc;

	date_format(date_from_days(day), d);
	body = json_pack("{s:s, s:s}", "stage", stage, "date", d);
	if (event)
		json_object_set_new(body, "event_id", json_integer(event));
	rc = check(stage, lead_move(st, a, lead, body, errs, &out), errs);
	json_decref(out);
	json_decref(errs);
	json_decref(body);
	return rc;
}

int
demo_leads(struct store *st, const struct actor *a, long long officer,
    const struct demo_refs *refs)
{
	struct date today = date_today_cn();
	long t = date_to_days(today), start = t - 360;
	unsigned long seed = 7777UL + (unsigned long)today.y;
	long long office[2], events[8];
	long event_day[8];
	size_t nev = 0;
	char d[11];

	/* A small zone: a monthly target of 3 new negotiations, not 30. */
	{
		char now[20];
		json_t *after = json_pack("{s:i}", "invest.monthly_target", 3);

		store_now(now, 0);
		if (store_query(st, STMT_SETTING_PUT, (struct store_val[]){
		    SV_I(a->zone_id), SV_T("invest.monthly_target"), SV_T("3"),
		    SV_T(now)}, 4, NULL, NULL, NULL) != APP_OK ||
		    store_audit(st, a->zone_id, a->user_id, "settings",
		    a->zone_id, "update", NULL, after) != APP_OK) {
			json_decref(after);
			return -1;
		}
		json_decref(after);
	}
	office[0] = make(st, a, &office_resource, json_pack("{s:s, s:s}",
	    "name", "驻上海招商联络处", "city", "上海"));
	office[1] = make(st, a, &office_resource, json_pack("{s:s, s:s}",
	    "name", "驻深圳招商联络处", "city", "深圳"));
	if (office[0] == 0 || office[1] == 0)
		return -1;
	/* Events: a signing event every quarter but the last full one (a
	 * broken 季季有签约), promotions most months. */
	for (long day = start + 20; day < t - 5; day += 45) {
		int k = (int)(nev % 2);
		long q = (day - start) / 91;

		date_format(date_from_days(day), d);
		if (q == 2 && k == 0)
			continue;	/* this quarter goes without a signing */
		events[nev] = make(st, a, &sevent_resource, json_pack(
		    "{s:s, s:s, s:s, s:s}", "date", d, "title", k == 0 ?
		    "重点项目集中签约活动" : "长三角产业招商推介会", "kind",
		    k == 0 ? "signing" : "promotion", "mode",
		    nev % 3 == 0 ? "online" : "onsite"));
		if (events[nev] == 0)
			return -1;
		event_day[nev++] = day;
		if (nev == 8)
			break;
	}
	for (size_t i = 0; i < sizeof projects / sizeof projects[0]; i++) {
		long day = start + (long)(next(&seed) % 300);
		json_t *body, *errs = json_array(), *out = NULL;
		long long id;
		char code[24];
		int target = (int)(next(&seed) % 6);	/* how far it gets */

		snprintf(code, sizeof code, "ZS%d-%03zu", today.y, i + 1);
		date_format(date_from_days(day), d);
		body = json_pack("{s:s, s:s, s:s, s:I, s:I, s:I, s:I, s:f, s:f,"
		    " s:f, s:f, s:f, s:b, s:i, s:s, s:s, s:s}",
		    "code", code, "project_name", projects[i], "investor_name",
		    investors[i % 8], "chain_id",
		    (json_int_t)refs->chains[i % refs->nchains], "region_id",
		    (json_int_t)refs->regions[i % refs->nregions], "office_id",
		    (json_int_t)office[i % 2], "officer_id", (json_int_t)officer,
		    "planned_investment", (double)(3000 + next(&seed) % 150000),
		    "expected_tax", (double)(100 + next(&seed) % 8000),
		    "land_mu", (double)(20 + next(&seed) % 300),
		    "expected_output", (double)(5000 + next(&seed) % 400000),
		    "energy_tce", (double)(100 + next(&seed) % 30000),
		    "high_tech", i % 3 == 0, "patents", (int)(next(&seed) % 15),
		    "srdi_level", i % 5 == 0 ? "national" : i % 5 == 1 ?
		    "provincial" : "none", "stage", "clue", "stage_date", d);
		if (check(code, lead_save(st, a, 0, body, errs, &out), errs))
			return -1;
		id = json_integer_value(json_object_get(out, "id"));
		json_decref(out);
		json_decref(body);
		json_decref(errs);
		/* A few contacts, the last with a next step. */
		for (int c = 0; c < 3; c++) {
			long cd = day + 5 + c * 12;
			char nd[11];

			if (cd >= t)
				break;
			date_format(date_from_days(cd), d);
			date_format(date_from_days(cd + 14), nd);
			body = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s}",
			    "channel", channels[(i + (size_t)c) % 5], "date", d,
			    "participants", "张专员、投资方代表", "summary",
			    c == 0 ? "初步接洽，介绍园区政策" :
			    "商谈用地与配套条件", "next_step", "报送项目方案",
			    "next_date", nd);
			errs = json_array();
			if (check("contact", lead_contact_add(st, a, id, body,
			    errs, &out), errs))
				return -1;
			json_decref(out);
			json_decref(body);
			json_decref(errs);
		}
		if (target >= 1 && day + 20 < t &&
		    move(st, a, id, "negotiating", day + 20, 0))
			return -1;
		if (target >= 2) {
			/* Sign at the first signing event after negotiating. */
			for (size_t e = 0; e < nev; e++) {
				json_t *ev = NULL;

				if (event_day[e] <= day + 20 ||
				    store_row1(st, STMT_SEVENT_GET,
				    (struct store_val[]){SV_I(a->zone_id),
				    SV_I(events[e])}, 2, &ev) != APP_OK)
					continue;
				if (strcmp(json_string_value(json_object_get(ev,
				    "kind")), "signing") == 0) {
					json_decref(ev);
					if (move(st, a, id, "signed",
					    event_day[e], events[e]))
						return -1;
					day = event_day[e];
					break;
				}
				json_decref(ev);
			}
		}
		if (target >= 3 && day + 40 < t && i % 4 != 1 &&
		    move(st, a, id, "registered", day + 40, 0))
			return -1;
		if (target >= 4 && day + 90 < t && i % 4 != 1 &&
		    move(st, a, id, "started", day + 90, 0))
			return -1;
		if (target >= 5 && day + 200 < t && i % 4 != 1 &&
		    move(st, a, id, "producing", day + 200, 0))
			return -1;
	}
	/* Highlights most weeks; weeks 10–12 of the year before today are
	 * left empty to show a broken 周周有亮点. */
	for (long day = start; day < t; day += 7) {
		long w = (day - start) / 7;

		if (w >= 10 && w <= 12)
			continue;
		date_format(date_from_days(day), d);
		if (make(st, a, &highlight_resource, json_pack("{s:s, s:s, s:s}",
		    "date", d, "title", w % 2 ? "客商来访考察" :
		    "项目洽谈取得进展", "text", "招商专员陪同客商考察园区载体。")) ==
		    0)
			return -1;
	}
	return 0;
}

/*
 * The thread of domain.md in the demo: a few signed leads became the
 * enterprises and key projects that went through joint acceptance.
 */
int
demo_thread(struct store *st, const struct actor *a)
{
	static const char *const keys[] = {"code", "project_name",
	    "investor_name", "investor_org_id", "chain_id", "region_id",
	    "office_id", "officer_id", "planned_investment", "expected_tax",
	    "land_mu", "expected_output", "energy_tce", "high_tech", "patents",
	    "srdi_level", "notes", "land_supplied_on", NULL};
	struct project_query pq = {.as_of = date_today_cn(),
	    .lq = {.limit = 1000, .sort = "code"}};
	json_t *plist = NULL, *leads = NULL, *p, *l;
	size_t i, k = 0, linked = 0;
	int rc = 0;

	if (project_list(st, a, &pq, &plist) != APP_OK ||
	    leads_all(st, a, date_today_cn(), &leads) != APP_OK) {
		json_decref(plist);
		return -1;
	}
	json_array_foreach(json_object_get(plist, "items"), i, p) {
		json_t *full = NULL, *body, *errs, *out = NULL;

		if (linked == 3 || project_get(st, a, json_integer_value(
		    json_object_get(p, "id")), date_today_cn(), &full) != APP_OK)
			break;
		if (json_array_size(json_object_get(full, "acceptance_cases")) ==
		    0 || json_array_size(json_object_get(full, "leads")) > 0) {
			json_decref(full);
			continue;
		}
		/* The next signed lead not yet linked. */
		for (l = NULL; k < json_array_size(leads); k++) {
			json_t *c = json_array_get(leads, k);
			long long rank = json_integer_value(json_object_get(c,
			    "stage_rank"));

			if (rank >= STAGE_SIGNED && rank <= STAGE_PRODUCING &&
			    json_is_null(json_object_get(c, "project_id"))) {
				l = c;
				k++;
				break;
			}
		}
		if (l == NULL) {
			json_decref(full);
			break;
		}
		body = json_pick(l, keys);
		json_object_set(body, "project_id", json_object_get(full, "id"));
		json_object_set(body, "enterprise_org_id", json_object_get(full,
		    "owner_org_id"));
		errs = json_array();
		if (check("thread", lead_save(st, a, json_integer_value(
		    json_object_get(l, "id")), body, errs, &out), errs) != 0)
			rc = -1;
		linked++;
		json_decref(out);
		json_decref(errs);
		json_decref(body);
		json_decref(full);
		if (rc != 0)
			break;
	}
	json_decref(plist);
	json_decref(leads);
	return rc;
}
