/*
 * Demo data of the enterprise service: three business buildings with their
 * firms and a season of checks (one building behind schedule), two more
 * service officers reporting to the leader, 包保 assignments with one
 * reassignment, plans in versions, and requests in every state — dated
 * back from today so their limits, overdue ones and escalations are live.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/handlers.h"
#include "api/resource.h"
#include "api/service.h"
#include "api/users.h"
#include "cli/demo.h"
#include "util/err.h"


/* Runs one operation on body (taken); *id gets the result's id. */
#define RUN(what, call, body, id) do { \
	json_t *errs_ = json_array(), *out_ = NULL, *body_ = (body); \
	int rc_ = demo_ok(what, call, errs_); \
	if (rc_ == 0 && (id) != NULL) \
		*(long long *)(id) = json_integer_value(json_object_get(out_, \
		    "id")); \
	json_decref(out_); \
	json_decref(errs_); \
	json_decref(body_); \
	if (rc_ != 0) \
		return -1; \
} while (0)

/* A day n days before today, as text. */
static const char *
ago(int n, char buf[11])
{
	date_format(date_add_days(date_today_cn(), -n), buf);
	return buf;
}

static const struct {
	const char *name, *address;
	int park, floors, staff;
} buildings[] = {
	{"创新大厦", "海州区创新路88号", 0, 22, 1200},
	{"科创中心", "新浦区科技大道1号", 1, 18, 800},
	{"金融商务广场", "南拓区金融街6号", 5, 30, 2000},
};

/* Firms in the buildings: name, building, floor, sector, employees. */
static const struct {
	const char *name;
	int building;
	const char *floor, *sector;
	int employees;
} firms[] = {
	{"连云港云帆软件有限公司", 0, "12", "productive", 85},
	{"江苏海慧检验检测有限公司", 0, "15", "productive", 60},
	{"连云港启航人力资源有限公司", 1, "6", "productive", 30},
	{"连云港港城餐饮管理有限公司", 1, "1", "consumer", 45},
	{"江苏瀚海供应链管理有限公司", 2, "21", "productive", 120},
	{"连云港金诚会计师事务所有限公司", 2, "9", "productive", 25},
};

/* Requests: enterprise (index into ent[]), category, title, description,
 * days ago received, complex, and how far it went: 0 received/assigned,
 * 1 started, 2 answered, 3 resolved, 4 confirmed, 5 reopened. */
static const struct {
	int ent;
	const char *cat, *title, *desc;
	int days, complex, step, stars;
} reqs[] = {
	{0, "safety", "协助完善安全生产应急预案", "新厂房投产前需编制应急预案并组织演练", 40, 0, 4, 5},
	{0, "logistics", "危化品运输车辆GPS安装", "8辆运输车需加装北斗GPS并接入监管平台", 25, 0, 3, 0},
	{0, "labour", "招聘一线操作工50名", "扩产需新招一线操作工，希望对接职业院校", 6, 0, 2, 0},
	{1, "approval", "医疗器械注册证加快办理", "二类医疗器械注册证办理进度咨询", 33, 1, 4, 4},
	{1, "finance", "申请科技贷款贴息", "研发设备购置贷款800万元，申请贴息", 28, 0, 1, 0},
	{2, "policy", "高新技术企业认定政策咨询", "咨询高企认定研发费用归集口径", 12, 0, 5, 0},
	{3, "logistics", "货车通行证办理", "市区配送货车需办理通行证", 20, 0, 4, 3},
	{4, "epidemic", "员工体检与疫苗接种安排", "新入职员工集中体检安排", 4, 0, 0, 0},
	{5, "labour", "会计人员招聘", "急需注册会计师2名", 9, 0, 1, 0},
	{6, "other", "楼宇停车位紧张", "希望协调周边公共停车位", 2, 0, 0, 0},
	{7, "finance", "供应链金融对接", "希望对接银行开展应收账款融资", 18, 1, 2, 0},
	{8, "policy", "小微企业税收优惠咨询", "咨询小型微利企业所得税优惠", 45, 0, 4, 4},
	{9, "approval", "食品经营许可证变更", "变更经营场所后需办理许可证变更", 3, 0, 0, 0},
};

int
demo_service(struct store *st, const struct actor *a, const char *pw,
    const struct demo_refs *refs)
{
	long long bld[3], ent[10], off[3], leader = 0, ent_user = 0, id = 0;
	struct actor offa[3], enta;
	json_t *u = NULL;
	char d1[11], d2[11];
	size_t n = 0;

	/* The leader and the officers: the demo's 赵专员 and two more. */
	if (user_by_name(st, "leader", &u) != APP_OK)
		return demo_ok("leader", APP_ERR_NOT_FOUND, NULL);
	leader = json_integer_value(json_object_get(u, "id"));
	json_decref(u);
	if (user_by_name(st, "service", &u) != APP_OK)
		return demo_ok("service officer", APP_ERR_NOT_FOUND, NULL);
	off[0] = json_integer_value(json_object_get(u, "id"));
	RUN("leader of 赵专员", user_update(st, a, off[0], json_pack("{s:O, s:O,"
	    " s:I}", "name", json_object_get(u, "name"), "role",
	    json_object_get(u, "role"), "leader_id", (json_int_t)leader),
	    errs_, &out_), NULL, (long long *)NULL);
	json_decref(u);
	RUN("officer", user_create(st, a, json_pack("{s:s, s:s, s:s, s:s, s:I}",
	    "username", "service2", "name", "钱专员", "role", "service_officer",
	    "password", pw, "leader_id", (json_int_t)leader), errs_, &out_),
	    NULL, &off[1]);
	RUN("officer", user_create(st, a, json_pack("{s:s, s:s, s:s, s:s, s:I}",
	    "username", "service3", "name", "周专员", "role", "service_officer",
	    "password", pw, "leader_id", (json_int_t)leader), errs_, &out_),
	    NULL, &off[2]);
	if (user_by_name(st, "enterprise", &u) != APP_OK)
		return demo_ok("enterprise user", APP_ERR_NOT_FOUND, NULL);
	ent_user = json_integer_value(json_object_get(u, "id"));
	json_decref(u);

	for (size_t i = 0; i < 3; i++)
		RUN("building", res_create(st, a, &building_resource, body_,
		    errs_, &out_), json_pack("{s:s, s:s, s:I, s:i, s:i}", "name",
		    buildings[i].name, "address", buildings[i].address,
		    "park_id", (json_int_t)refs->parks[buildings[i].park],
		    "floors", buildings[i].floors, "resident_staff",
		    buildings[i].staff), &bld[i]);

	/* The demo's enterprises become service enterprises with labels. */
	for (size_t i = 0; i < refs->nowners && n < 3; i++, n++) {
		json_t *o = NULL;

		if (res_get(st, a, &org_resource, refs->owners[i], &o) != APP_OK)
			return demo_ok("enterprise", APP_ERR_NOT_FOUND, NULL);
		json_object_set_new(o, "park_id", json_integer(refs->parks[i]));
		json_object_set_new(o, "chain_id", refs->nchains ?
		    json_integer(refs->chains[i % refs->nchains]) : json_null());
		json_object_set_new(o, "zjtx", json_string(i == 0 ? "province" :
		    i == 1 ? "national" : "city"));
		json_object_set_new(o, "high_tech", json_true());
		json_object_set_new(o, "above_scale", json_boolean(i != 2));
		json_object_set_new(o, "employees", json_integer(i == 0 ? 680 :
		    i == 1 ? 420 : 95));
		json_object_set_new(o, "sector", json_string("industry"));
		RUN("enterprise profile", res_update(st, a, &org_resource,
		    refs->owners[i], body_, errs_, &out_), o, (long long *)NULL);
		ent[n] = refs->owners[i];
	}
	for (size_t i = 0; i < sizeof firms / sizeof firms[0]; i++, n++)
		RUN("firm", res_create(st, a, &org_resource, body_, errs_, &out_),
		    json_pack("{s:s, s:s, s:I, s:I, s:s, s:s, s:i, s:b}", "name",
		    firms[i].name, "kind", "enterprise", "park_id",
		    (json_int_t)refs->parks[buildings[firms[i].building].park],
		    "building_id", (json_int_t)bld[firms[i].building], "floor",
		    firms[i].floor, "sector", firms[i].sector, "employees",
		    firms[i].employees, "above_scale", firms[i].employees >= 100),
		    &ent[n]);
	/* One enterprise nobody answers for yet: its requests wait unassigned. */
	RUN("enterprise", res_create(st, a, &org_resource, body_, errs_, &out_),
	    json_pack("{s:s, s:s, s:I}", "name", "连云港新海食品有限公司", "kind",
	    "enterprise", "park_id", (json_int_t)refs->parks[2]), &ent[n]);
	n++;

	/* 包保: 赵 answers for the first two firms and 创新大厦; 钱 for the
	 * third and 科创中心, after 周 had it until the spring; 周 for 金融
	 * 商务广场. Firms in a building are the building officer's. */
	{
		static const struct {
			int officer;
			const char *subject;
			int idx, from;
		} as[] = {
			{0, "org", 0, 300}, {0, "org", 1, 300}, {0, "building", 0, 300},
			{2, "org", 2, 330}, {1, "org", 2, 150}, {1, "building", 1, 300},
			{2, "building", 2, 300},
		};

		for (size_t i = 0; i < sizeof as / sizeof as[0]; i++)
			RUN("assignment", svc_assign(st, a, body_, errs_, &out_),
			    json_pack("{s:I, s:s, s:I, s:s}", "officer_id",
			    (json_int_t)off[as[i].officer], "subject",
			    as[i].subject, "subject_id", (json_int_t)(strcmp(
			    as[i].subject, "org") == 0 ? ent[as[i].idx] :
			    bld[as[i].idx]), "date_from", ago(as[i].from, d1)),
			    (long long *)NULL);
	}
	for (int k = 0; k < 3; k++) {
		offa[k] = *a;
		offa[k].user_id = off[k];
		offa[k].role = ROLE_SERVICE_OFFICER;
	}
	enta = *a;
	enta.user_id = ent_user;
	enta.org_id = ent[0];
	enta.role = ROLE_ENTERPRISE_USER;

	/* 一企一策 in two versions, 一楼一策 for 创新大厦. */
	RUN("plan", svc_plan_save(st, &offa[0], "org", ent[0], body_, errs_,
	    &out_), json_pack("{s:s, s:s, s:[{s:s, s:s, s:s}, {s:s, s:s, s:s}]}",
	    "dated", ago(200, d1), "needs", "二期扩产需新增用地60亩；一线用工缺口约80人",
	    "measures", "text", "协调二期用地指标", "owner", "自然资源和规划分局",
	    "status", "doing", "text", "对接职业院校定向招工", "owner", "人社局",
	    "status", "planned"), (long long *)NULL);
	RUN("plan", svc_plan_save(st, &offa[0], "org", ent[0], body_, errs_,
	    &out_), json_pack("{s:s, s:s, s:[{s:s, s:s, s:s}, {s:s, s:s, s:s},"
	    " {s:s, s:s, s:s}]}", "dated", ago(30, d1), "needs",
	    "二期用地已落实；一线用工缺口约50人；危化品运输车辆需接入监管平台",
	    "measures", "text", "协调二期用地指标", "owner", "自然资源和规划分局",
	    "status", "done", "text", "对接职业院校定向招工", "owner", "人社局",
	    "status", "doing", "text", "协助运输车辆加装北斗GPS", "owner",
	    "交通运输局", "status", "doing"), (long long *)NULL);
	RUN("plan", svc_plan_save(st, &offa[0], "building", bld[0], body_,
	    errs_, &out_), json_pack("{s:s, s:s, s:[{s:s, s:s, s:s}]}", "dated",
	    ago(90, d1), "needs", "地下车库车位不足，早高峰电梯拥挤", "measures",
	    "text", "协调周边公共停车场错时共享", "owner", "物业", "status",
	    "doing"), (long long *)NULL);

	/* Checks: weekly 消杀 and fortnightly 排查 in the last two months; 科创
	 * 中心 missed its last fortnight, 金融商务广场 its safety check. */
	for (int b = 0; b < 3; b++)
		for (int w = 56; w >= 0; w -= 7) {
			int late = b == 1 && w < 14;

			if (!late)
				RUN("check", res_create(st, &offa[b == 2 ? 2 :
				    b], &check_resource, body_, errs_, &out_),
				    json_pack("{s:I, s:s, s:s, s:s, s:s}",
				    "building_id", (json_int_t)bld[b], "kind",
				    "disinfection", "checked_on", ago(w + b, d1),
				    "result", "ok", "inspector", "物业消杀组"),
				    (long long *)NULL);
			if (w % 14 == 0 && !late)
				RUN("check", res_create(st, &offa[b == 2 ? 2 :
				    b], &check_resource, body_, errs_, &out_),
				    json_pack("{s:I, s:s, s:s, s:s}", "building_id",
				    (json_int_t)bld[b], "kind", "screening",
				    "checked_on", ago(w + b + 1, d1), "result",
				    "ok"), (long long *)NULL);
		}
	RUN("check", res_create(st, &offa[0], &check_resource, body_, errs_,
	    &out_), json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s}",
	    "building_id", (json_int_t)bld[0], "kind", "safety", "checked_on",
	    ago(10, d1), "result", "issues", "findings", "B2层消防通道堆放杂物",
	    "follow_up", "已通知物业限期三日内清理", "inspector", "赵专员"),
	    (long long *)NULL);
	RUN("check", res_create(st, &offa[1], &check_resource, body_, errs_,
	    &out_), json_pack("{s:I, s:s, s:s, s:s}", "building_id",
	    (json_int_t)bld[1], "kind", "safety", "checked_on", ago(20, d1),
	    "result", "ok"), (long long *)NULL);
	RUN("check", res_create(st, &offa[2], &check_resource, body_, errs_,
	    &out_), json_pack("{s:I, s:s, s:s, s:s}", "building_id",
	    (json_int_t)bld[2], "kind", "safety", "checked_on", ago(45, d1),
	    "result", "ok"), (long long *)NULL);

	/* Requests, each through its steps on the days after it came in. */
	for (size_t i = 0; i < sizeof reqs / sizeof reqs[0]; i++) {
		int own = reqs[i].ent == 0;
		long long org = ent[reqs[i].ent], officer = 0;
		const struct actor *by = own ? &enta : &offa[0], *oa = NULL;
		int d = reqs[i].days;

		if (store_int(st, STMT_ASSIGN_OFFICER_FOR_ORG, (struct store_val[]){
		    SV_I(a->zone_id), SV_I(org)}, 2, &officer) != APP_OK)
			return -1;
		for (int k = 0; k < 3; k++)
			if (off[k] == officer)
				oa = &offa[k];
		if (oa == NULL)
			oa = a;
		if (!own)
			by = oa;
		RUN("request", svc_request_file(st, by, own, body_, errs_, &out_),
		    json_pack("{s:I, s:s, s:s, s:s, s:b, s:s}", "org_id",
		    (json_int_t)org, "category", reqs[i].cat, "title",
		    reqs[i].title, "description", reqs[i].desc, "complex",
		    reqs[i].complex, "received_on", ago(d, d1)), &id);
		if (reqs[i].step >= 1)
			RUN("start", svc_request_act(st, oa, 0, id, body_, errs_,
			    &out_), json_pack("{s:s, s:s}", "action", "start",
			    "on", ago(d - 1 > 0 ? d - 1 : 0, d2)), (long long *)NULL);
		if (reqs[i].step >= 2)
			RUN("answer", svc_request_act(st, oa, 0, id, body_, errs_,
			    &out_), json_pack("{s:s, s:s, s:s}", "action", "answer",
			    "on", ago(d - 2 > 0 ? d - 2 : 0, d2), "note",
			    "已联系企业了解情况，正在协调相关部门"), (long long *)NULL);
		if (reqs[i].step >= 3)
			RUN("resolve", svc_request_act(st, oa, 0, id, body_, errs_,
			    &out_), json_pack("{s:s, s:s, s:s}", "action",
			    "resolve", "on", ago(d / 2, d2), "resolution",
			    "已协调相关部门办结，并向企业反馈"), (long long *)NULL);
		if (reqs[i].step == 4)
			RUN("confirm", svc_request_act(st, own ? &enta : oa, own,
			    id, body_, errs_, &out_), json_pack("{s:s, s:s, s:i}",
			    "action", "confirm", "on", ago(d / 2 - 1 > 0 ?
			    d / 2 - 1 : 0, d2), "satisfaction", reqs[i].stars),
			    (long long *)NULL);
		if (reqs[i].step == 5)
			RUN("reopen", svc_request_act(st, oa, 0, id, body_, errs_,
			    &out_), json_pack("{s:s, s:s, s:s}", "action", "reopen",
			    "on", ago(d / 2 - 1, d2), "note",
			    "企业表示还需书面辅导材料"), (long long *)NULL);
	}
	/* Late ones go to the leader, as the server would do this morning. */
	{
		json_t *out = NULL;

		if (demo_ok("escalation", svc_escalate(st, a, date_today_cn(), &out),
		    NULL) != 0)
			return -1;
		json_decref(out);
	}
	return 0;
}
