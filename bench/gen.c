/*
 * bench-gen: a deterministic benchmark database at a scale factor.
 *
 *   build/bench-gen --db PATH --scale N [--xlsx PATH] [--env PATH]
 *
 * Scale 1 is one development zone (300 key projects, 500 leads, a year of
 * weekly progress reports); scale N is N times that, spread over
 * max(1, N/10) zones, so scale 1000 is a province: 100 zones of 3,000
 * projects each, ≈1.1·10^7 progress reports. Three extra empty zones
 * (io1..io3, parks/chains/orgs only) receive the W6 imports and serve the W7
 * export. Everything is dated in a fixed year (reports up to END_DATE), and
 * one PRNG (splitmix64, fixed seed, reseeded per zone) drives the choices,
 * so the same scale gives the same database on any day.
 *
 * Zones and their admins go through the API functions (zone_create seeds
 * the code tables; user_create hashes the password); the bulk records go
 * through the store with the named statements of src/store/sql.h — the
 * same INSERTs the API uses, without the per-row audit JSON, which would
 * double the build time and is not read by any workload. One transaction
 * per zone, and the BENCH_* pragmas for generation only.
 *
 * Each kind of record is one gen_* function called from gen_zone().
 * Requests (企业诉求) and 亩均 figures plug in there once migrations 008 and
 * 009 land (see gen_requests / gen_mujun below).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api/actor.h"
#include "api/users.h"
#include "api/zones.h"
#include "domain/date.h"
#include "domain/phase.h"
#include "domain/secret.h"
#include "io/xlsx_write.h"
#include "store/store.h"

#define SEED 0x7a6f6e656465736bULL	/* "zonedesk" */
#define PASSWORD "bench-pass-2026"
#define YEAR 2026
/* The last report day: a Friday; dates never depend on today. */
static const struct date END_DATE = {2026, 11, 20};
#define IO_ZONES 3
#define IMPORT_ROWS 10000

/* ---- deterministic randomness ---- */

static uint64_t rng;

static uint64_t
rnd(void)
{
	/* splitmix64 */
	uint64_t z = (rng += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Uniform in [0, n). */
static long
rn(long n)
{
	return n <= 0 ? 0 : (long)(rnd() % (uint64_t)n);
}

/* True with probability pct/100. */
static int
chance(int pct)
{
	return rn(100) < pct;
}

/* ---- shared state of one zone ---- */

struct ids {
	long long *v;
	size_t n, cap;
};

static void
ids_add(struct ids *s, long long id)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->v = realloc(s->v, s->cap * sizeof *s->v);
		if (s->v == NULL)
			abort();
	}
	s->v[s->n++] = id;
}

static long long
ids_pick(const struct ids *s)
{
	return s->n ? s->v[rn((long)s->n)] : 0;
}

struct zone {
	int no;				/* 1-based */
	char code[16];
	long long id, admin_id;
	long nprojects, nleads;
	struct ids parks, chains, regions, offices, enterprises, contractors,
	    investors, officers, depts, events, projects;
	/* Per project, for acceptance: phase at the end and the owner. */
	struct ids proj_phase, proj_owner;
	long long reports, problems, stages, contacts, cases;
};

static struct store *st;
static long long total_rows;
static const char *prog = "bench-gen";

static void
die(const char *what, enum app_err e)
{
	fprintf(stderr, "%s: %s: %s (%s)\n", prog, what, app_strerror(e, 1),
	    store_errmsg(st));
	exit(1);
}

/* Runs an INSERT … RETURNING id (or any statement) and counts the row. */
static long long
ins(enum stmt s, const struct store_val *v, size_t n)
{
	long long id = 0;
	enum app_err e = store_int(st, s, v, n, &id);

	if (e != APP_OK)
		die(stmt_name[s], e);
	total_rows++;
	return id;
}
#define INS(s, ...) ins(STMT_##s, (struct store_val[]){__VA_ARGS__}, \
	sizeof (struct store_val[]){__VA_ARGS__} / sizeof (struct store_val))

/* The enterprise-service profile of an organisation (park, building,
 * floor, chain, 专精特新, 高企, 规上, employees, sector), left empty. */
#define NO_PROFILE SV_NULLV, SV_NULLV, SV_NULLV, SV_NULLV, SV_NULLV, \
	SV_NULLV, SV_NULLV, SV_NULLV, SV_NULLV

static int
collect(void *ctx, const struct store_row *row)
{
	ids_add(ctx, store_col_int(row, 0));
	return 0;
}

static void
day(long days, char out[11])
{
	date_format(date_from_days(days), out);
}

static void
stamp(long days, int hour, char out[20])
{
	char d[11];

	day(days, d);
	snprintf(out, 20, "%s %02d:%02d:00", d, hour % 24, (int)rn(60));
}

/* ---- names ---- */

static const char *const park_names[] = {"海州工业园", "新浦工业园",
    "连云工业园", "赣榆工业园", "东海工业园", "灌云工业园", "灌南工业园",
    "徐圩工业园", "花果山科创园", "临港产业园", "综合保税区", "生物医药园"};
static const char *const proj_words[] = {"新能源汽车零部件", "高端装备智能制造",
    "高性能纤维新材料", "生物医药产业化", "高端医疗器械", "智慧冷链物流",
    "集成电路封装测试", "碳纤维复合材料", "光伏组件智能工厂", "创新药物研发",
    "工业互联网数据中心", "工业机器人", "高性能膜材料", "5G通信模组",
    "精密铸造", "氢能装备", "石化新材料中试", "智能网联汽车", "检验检测认证",
    "半导体材料", "海洋生物制品", "智能仓储分拨"};
static const char *const proj_kinds[] = {"项目", "基地", "产业园", "一期",
    "二期", "扩建项目", "技改项目"};
static const char *const firm_words[] = {"恒瑞", "康缘", "智联", "天马", "华信",
    "中复", "神鹰", "豪森", "正大", "金桥", "海辰", "斯尔邦", "虹港", "卫蓝",
    "圣奥", "瑞泰", "东方", "鼎信", "嘉澳", "博腾"};
static const char *const firm_kinds[] = {"新材料科技", "医药", "智能装备",
    "信息技术", "新能源", "医疗器械", "化工", "物流", "半导体", "生物科技"};
static const char *const managers[] = {"王建国", "李伟", "张敏", "刘洋",
    "陈静", "杨帆", "赵磊", "周婷"};
static const char *const leaders[] = {"刘主任", "张副主任", "王副主任",
    "孙副主任"};
static const char *const cities[] = {"上海", "深圳", "北京", "苏州", "杭州",
    "广州"};
static const char *const channels[] = {"phone", "wechat", "video", "visit",
    "fair"};
static const char *const stop_reasons[] = {"环保督查停工整改", "资金未到位",
    "设计变更"};
static const char *const problems[][2] = {
	{"施工临时用电未接通", "供电公司"}, {"地块内杆线迁移", "自然资源和规划分局"},
	{"施工许可证办理", "住房和城乡建设局"}, {"周边道路未贯通", "城建局"},
	{"用工短缺", "人社局"},
};

#define PICK(a) ((a)[rn((long)(sizeof(a) / sizeof((a)[0])))])

/* ---- one function per kind of record ---- */

static void
gen_zone_row(struct zone *z)
{
	char name[64];
	json_t *errs = json_array();
	enum app_err e;

	snprintf(name, sizeof name, "基准测试%s区", z->code);
	if ((e = zone_create(st, z->code, name, errs, 1, &z->id)) != APP_OK)
		die("zone", e);
	json_decref(errs);
	/* The code tables zone_create seeded. */
	store_query(st, STMT_CHAIN_LIST, (struct store_val[]){SV_I(z->id),
	    SV_NULLV, SV_NULLV, SV_I(1000), SV_I(0)}, 5, collect, &z->chains,
	    NULL);
	store_query(st, STMT_REGION_LIST, (struct store_val[]){SV_I(z->id),
	    SV_NULLV, SV_NULLV, SV_I(1000), SV_I(0)}, 5, collect, &z->regions,
	    NULL);
	store_query(st, STMT_ACC_DEPT_LIST, (struct store_val[]){SV_I(z->id),
	    SV_NULLV, SV_NULLV, SV_I(1000), SV_I(0)}, 5, collect, &z->depts,
	    NULL);
}

/* The zone's admin through the API (a real argon2id hash), the other staff
 * with a copy of that hash: same password, no second of hashing each. */
static void
gen_users(struct zone *z, const char *hash)
{
	struct actor a = {.zone_id = z->id, .role = ROLE_ADMIN, .english = 1};
	char now[20], u[40], n[40];
	json_t *errs = json_array(), *out = NULL;
	enum app_err e;
	long nofficers = 4 + z->nleads / 100;

	snprintf(u, sizeof u, "%s-admin", z->code);
	if ((e = user_create(st, &a, json_pack("{s:s, s:s, s:s, s:s}",
	    "username", u, "name", "基准管理员", "role", "admin", "password",
	    PASSWORD), errs, &out)) != APP_OK)
		die("admin user", e);
	z->admin_id = json_integer_value(json_object_get(out, "id"));
	json_decref(out);
	json_decref(errs);
	stamp(date_to_days((struct date){YEAR - 1, 12, 1}), 9, now);
	for (long i = 0; i < nofficers; i++) {
		snprintf(u, sizeof u, "%s-invest%ld", z->code, i + 1);
		snprintf(n, sizeof n, "招商专员%ld", i + 1);
		ids_add(&z->officers, INS(USER_INSERT, SV_I(z->id), SV_T(now),
		    SV_T(u), SV_T(n), SV_T("investment_officer"), SV_NULLV,
		    SV_NULLV, i < (long)z->offices.n ? SV_I(z->offices.v[i]) :
		    SV_NULLV, SV_T(hash)));
	}
	for (int i = 0; i < 3; i++) {
		snprintf(u, sizeof u, "%s-project%d", z->code, i + 1);
		snprintf(n, sizeof n, "项目专员%d", i + 1);
		INS(USER_INSERT, SV_I(z->id), SV_T(now), SV_T(u), SV_T(n),
		    SV_T("project_officer"), SV_NULLV, SV_NULLV, SV_NULLV,
		    SV_T(hash));
	}
}

static void
gen_parks(struct zone *z)
{
	char now[20], code[8];
	long n = 6 + z->nprojects / 600;

	if (n > (long)(sizeof park_names / sizeof park_names[0]))
		n = sizeof park_names / sizeof park_names[0];
	stamp(date_to_days((struct date){YEAR - 1, 12, 1}), 9, now);
	for (long i = 0; i < n; i++) {
		snprintf(code, sizeof code, "P%02ld", i + 1);
		ids_add(&z->parks, INS(PARK_INSERT, SV_I(z->id), SV_T(now),
		    SV_T(park_names[i]), SV_T(i == n - 1 ? "expansion" :
		    "park"), SV_T(code), SV_NULLV));
	}
}

static void
gen_offices(struct zone *z)
{
	char now[20], n[40];

	stamp(date_to_days((struct date){YEAR - 1, 12, 1}), 9, now);
	for (size_t i = 0; i < 4; i++) {
		snprintf(n, sizeof n, "驻%s招商联络处", cities[i]);
		ids_add(&z->offices, INS(OFFICE_INSERT, SV_I(z->id), SV_T(now),
		    SV_T(n), SV_T(cities[i]), SV_NULLV));
	}
}

static void
gen_orgs(struct zone *z)
{
	char now[20], name[96];
	long ne = 10 + z->nprojects * 3 / 4, nc = 10 + z->nprojects / 20;
	long ni = 10 + z->nleads / 10;

	stamp(date_to_days((struct date){YEAR - 1, 12, 1}), 9, now);
	/* Names are unique per zone: a running number keeps them apart. */
	for (long i = 0; i < ne; i++) {
		snprintf(name, sizeof name, "连云港%s%s有限公司%ld号",
		    firm_words[i % 20], firm_kinds[(i / 20) % 10], i + 1);
		ids_add(&z->enterprises, INS(ORG_INSERT, SV_I(z->id), SV_T(now),
		    SV_T(name), SV_T("enterprise"), SV_NULLV, SV_T("联系人"),
		    SV_T("0518-85550000"), SV_NULLV, SV_NULLV, NO_PROFILE));
	}
	for (long i = 0; i < nc; i++) {
		snprintf(name, sizeof name, "中建第%ld工程局有限公司", i + 1);
		ids_add(&z->contractors, INS(ORG_INSERT, SV_I(z->id), SV_T(now),
		    SV_T(name), SV_T("contractor"), SV_NULLV, SV_NULLV,
		    SV_NULLV, SV_NULLV, SV_NULLV, NO_PROFILE));
	}
	for (long i = 0; i < ni; i++) {
		snprintf(name, sizeof name, "%s%s投资集团有限公司%ld号",
		    cities[i % 6], firm_words[(i / 6) % 20], i + 1);
		ids_add(&z->investors, INS(ORG_INSERT, SV_I(z->id), SV_T(now),
		    SV_T(name), SV_T("investor"), SV_NULLV, SV_NULLV, SV_NULLV,
		    SV_NULLV, SV_NULLV, NO_PROFILE));
	}
}

/* Start, maybe a stop and a resume; returns the start day or 0. */
static long
gen_events(struct zone *z, long long pid, long start, long end,
    long *stop_at, long *resume_at)
{
	char d[11], now[20];

	*stop_at = *resume_at = 0;
	if (start >= end)
		return 0;
	day(start, d);
	stamp(start, 10, now);
	INS(EVENT_INSERT, SV_I(z->id), SV_I(pid), SV_T("start"), SV_T(d),
	    SV_NULLV, SV_T(now));
	if (chance(8) && end - start > 90) {
		*stop_at = start + 30 + rn(end - start - 60);
		day(*stop_at, d);
		stamp(*stop_at, 10, now);
		INS(EVENT_INSERT, SV_I(z->id), SV_I(pid), SV_T("stop"), SV_T(d),
		    SV_T(PICK(stop_reasons)), SV_T(now));
		if (chance(50) && *stop_at + 35 < end) {
			*resume_at = *stop_at + 21 + rn(14);
			day(*resume_at, d);
			stamp(*resume_at, 10, now);
			INS(EVENT_INSERT, SV_I(z->id), SV_I(pid), SV_T("resume"),
			    SV_T(d), SV_NULLV, SV_T(now));
		}
	}
	return start;
}

/* Weekly reports (每周进度填报) on Fridays from the start (at most a year
 * back) to END_DATE, skipping weeks stopped; a problem now and then.
 * Returns the last phase. */
static int
gen_reports(struct zone *z, long long pid, long start, long stop_at,
    long resume_at, double total, int phase)
{
	long end = date_to_days(END_DATE), first = end - 51 * 7, d0;
	double to_date = phase > 0 ? total * 0.05 * phase : 0;
	char d[11], now[20], due[11], q[96];

	if (start < first)
		start = first;
	/* The first Friday on or after the start. */
	d0 = end - ((end - start) / 7) * 7;
	for (long t = d0; t <= end; t += 7) {
		double period;
		long long rid;
		int with_q;

		if (stop_at && t > stop_at && (!resume_at || t < resume_at))
			continue;
		if (phase < 8 && chance(12))
			phase++;
		period = total / 104.0 * (0.4 + (double)rn(120) / 100.0);
		to_date += period;
		day(t, d);
		stamp(t, 15, now);
		with_q = chance(40);
		if (with_q)
			snprintf(q, sizeof q, "[{\"name\":\"%s\",\"amount\":%ld,"
			    "\"unit\":\"%s\"}]", phase < 4 ? "桩基" : "混凝土浇筑",
			    200 + rn(2000), phase < 4 ? "根" : "立方米");
		rid = INS(REPORT_INSERT, SV_I(z->id), SV_I(pid), SV_T(d),
		    SV_I(phase), SV_NULLV, SV_I(40 + rn(300)), SV_R(period),
		    SV_R(to_date), with_q ? SV_T(q) : SV_NULLV, SV_NULLV,
		    SV_I(z->admin_id), SV_T(now));
		z->reports++;
		if (chance(4)) {
			long dd = t + 15 + rn(40);
			int solved = dd < end - 30;
			size_t k = (size_t)rn(5);

			day(dd, due);
			INS(PROBLEM_INSERT, SV_I(z->id), SV_I(pid), SV_I(rid),
			    SV_T(problems[k][0]), SV_T(problems[k][1]), SV_T(due),
			    SV_T(solved ? "solved" : "open"),
			    solved ? SV_T("已协调解决") : SV_NULLV, SV_T(now));
			z->problems++;
		}
	}
	return phase;
}

/* The year list (重点项目): 50% new this year, 38% continuing, 12%
 * completing, each with its events and reports. */
static void
gen_projects(struct zone *z)
{
	long end = date_to_days(END_DATE);
	long jan1 = date_to_days((struct date){YEAR, 1, 1});
	char code[48], name[128], ps[11], pf[11], now[20];

	for (long i = 0; i < z->nprojects; i++) {
		int kind = chance(50) ? 0 : chance(76) ? 1 : 2;
		long pstart = kind == 0 ? jan1 + rn(240) : jan1 - 120 - rn(500);
		long pfinish = pstart + 540 + rn(360);
		double total = (double)(3000 + rn(300000));
		long stop_at, resume_at, started;
		long long pid;
		int phase;

		snprintf(code, sizeof code, "%s-%d-%05ld", z->code, YEAR, i + 1);
		snprintf(name, sizeof name, "%s%s%s", PICK(firm_words),
		    PICK(proj_words), PICK(proj_kinds));
		day(pstart, ps);
		day(pfinish, pf);
		stamp(jan1 - 30 + rn(30), 9, now);
		pid = INS(PROJECT_INSERT, SV_I(z->id), SV_T(now), SV_T(code),
		    SV_T(name), SV_T(chance(10) ? "provincial" : chance(35) ?
		    "municipal" : "district"), SV_I(ids_pick(&z->parks)),
		    SV_I(ids_pick(&z->chains)), SV_I(ids_pick(&z->enterprises)),
		    SV_I(ids_pick(&z->contractors)), SV_T(PICK(managers)),
		    SV_T(PICK(leaders)), SV_R(total), SV_T(ps), SV_T(pf),
		    SV_T("高新区"), SV_NULLV, SV_I(0));
		ids_add(&z->projects, pid);
		INS(PROJECT_YEAR_ADD, SV_I(z->id), SV_I(pid), SV_I(YEAR),
		    SV_T(kind == 0 ? "new" : kind == 1 ? "continuing" :
		    "completing"), SV_R(total * (kind == 2 ? 0.2 : 0.35)));
		if (kind != 0)
			INS(PROJECT_YEAR_ADD, SV_I(z->id), SV_I(pid),
			    SV_I(YEAR - 1), SV_T("new"), SV_R(total * 0.3));
		/* Nine in ten start about when planned. */
		started = chance(90) ? gen_events(z, pid, pstart + rn(30), end,
		    &stop_at, &resume_at) : 0;
		phase = kind == 0 ? 1 : kind == 1 ? 4 : 6;
		if (started)
			phase = gen_reports(z, pid, started, stop_at, resume_at,
			    total, phase);
		else
			phase = 0;
		ids_add(&z->proj_phase, phase);
		ids_add(&z->proj_owner, 0);
	}
}

/* Monthly signing events (签约活动) and promotion fairs (推介会). */
static void
gen_signing_events(struct zone *z)
{
	long jan1 = date_to_days((struct date){YEAR - 1, 1, 1});
	long n = 12 + z->nleads / 50, span = date_to_days(END_DATE) - jan1;
	char d[11], now[20], title[96];

	for (long i = 0; i < n; i++) {
		long t = jan1 + span * i / n + rn(10);
		int signing = i % 3 != 2;

		day(t, d);
		stamp(t - 7, 9, now);
		snprintf(title, sizeof title, "%s%s第%ld期%s", z->code,
		    signing ? "重点项目集中签约" : "产业招商推介会", i + 1,
		    signing ? "" : PICK(cities));
		ids_add(&z->events, INS(SEVENT_INSERT, SV_I(z->id), SV_T(now),
		    SV_T(d), SV_T(title), SV_T(signing ? "signing" :
		    "promotion"), SV_T(chance(20) ? "online" : "onsite"),
		    SV_T("高新区会展中心"), SV_NULLV));
	}
}

static void
gen_stage(struct zone *z, long long lid, const char *stage, long t,
    long long event_id, const char *reason)
{
	char d[11], now[20];

	day(t, d);
	stamp(t, 11, now);
	INS(STAGE_INSERT, SV_I(z->id), SV_I(lid), SV_T(stage), SV_T(d),
	    SV_T(reason), event_id ? SV_I(event_id) : SV_NULLV,
	    SV_I(z->admin_id), SV_T(now));
	z->stages++;
}

/* Contacts (对接记录) between first and last, the latest with a next step. */
static void
gen_contacts(struct zone *z, long long lid, long long officer, long first,
    long last)
{
	long n = 2 + rn(8), end = date_to_days(END_DATE);
	char d[11], nd[11], now[20];

	for (long k = 0; k < n; k++) {
		long t = first + (last - first) * k / n + rn(5);
		int next = k == n - 1 && chance(60);

		if (t > end)
			t = end;
		day(t, d);
		day(t + 7 + rn(30), nd);
		stamp(t, 16, now);
		INS(CONTACT_INSERT, SV_I(z->id), SV_I(lid), SV_T(PICK(channels)),
		    SV_T(d), SV_T("投资方代表、招商专员"),
		    SV_T("介绍项目进展，沟通用地与政策需求"),
		    next ? SV_T("安排实地考察") : SV_NULLV, next ? SV_T(nd) :
		    SV_NULLV, SV_I(officer), SV_T(now));
		z->contacts++;
	}
}

/* Leads (招商线索) with their stage moves and contacts: of those first seen
 * in the last 18 months, most negotiate, about a third sign, fewer register,
 * start and produce; one in ten is dropped. */
static void
gen_leads(struct zone *z)
{
	long end = date_to_days(END_DATE), from = end - 540;
	char code[48], pname[128], inv[128], now[20];

	for (long i = 0; i < z->nleads; i++) {
		long t = from + rn(500), first = t, last;
		long long officer = ids_pick(&z->officers), lid, ev = 0;
		long long investor = ids_pick(&z->investors);
		double planned = (double)(5000 + rn(500000));

		snprintf(code, sizeof code, "%s-L%05ld", z->code, i + 1);
		snprintf(pname, sizeof pname, "%s%s", PICK(proj_words),
		    PICK(proj_kinds));
		snprintf(inv, sizeof inv, "%s%s集团", PICK(cities),
		    PICK(firm_words));
		stamp(t, 9, now);
		lid = INS(LEAD_INSERT, SV_I(z->id), SV_T(now), SV_T(code),
		    SV_T(pname), SV_T(inv), chance(50) ? SV_I(investor) :
		    SV_NULLV, SV_I(ids_pick(&z->chains)),
		    SV_I(ids_pick(&z->regions)), chance(40) ?
		    SV_I(ids_pick(&z->offices)) : SV_NULLV, SV_I(officer),
		    SV_R(planned), SV_R(planned * 0.04), SV_R((double)(20 +
		    rn(300))), SV_R(planned * 1.5), SV_R((double)rn(20000)),
		    SV_I(chance(40)), SV_I(rn(50)), SV_T(chance(70) ? "none" :
		    chance(70) ? "provincial" : "national"), SV_NULLV, SV_NULLV,
		    SV_NULLV, SV_NULLV);
		gen_stage(z, lid, "clue", t, 0, NULL);
		last = t;
		if (chance(75) && (t += 10 + rn(60)) < end) {
			gen_stage(z, lid, "negotiating", t, 0, NULL);
			last = t;
			if (chance(45) && (t += 20 + rn(90)) < end) {
				/* Most signings happen at an event. */
				ev = chance(70) ? ids_pick(&z->events) : 0;
				gen_stage(z, lid, "signed", t, ev, NULL);
				last = t;
				if (chance(70) && (t += 15 + rn(60)) < end) {
					gen_stage(z, lid, "registered", t, 0,
					    NULL);
					last = t;
					if (chance(60) && (t += 30 + rn(120)) <
					    end) {
						gen_stage(z, lid, "started", t, 0,
						    NULL);
						last = t;
						if (chance(40) && (t += 90 +
						    rn(120)) < end)
							gen_stage(z, lid,
							    "producing", t, 0,
							    NULL);
					}
				}
			} else if (chance(20) && (t += 30 + rn(60)) < end) {
				gen_stage(z, lid, "terminated", t, 0,
				    "投资方调整战略布局");
				last = t;
			}
		}
		gen_contacts(z, lid, officer, first, last);
	}
}

/* Joint acceptance (联合验收) for projects far enough along: a case, its
 * departments, round-1 reviews (most pass, some rectify and pass in round
 * 2), and the site inspection for those all passed. */
static void
gen_acceptance(struct zone *z)
{
	long end = date_to_days(END_DATE);
	char now[20], d[11], due[11], title[64];

	for (size_t i = 0; i < z->projects.n; i++) {
		long t, decided;
		long long cid, pid = z->projects.v[i];
		int all_pass = 1;
		size_t nd;

		if (z->proj_phase.v[i] < 6 || !chance(60))
			continue;
		t = end - 20 - rn(200);
		stamp(t, 10, now);
		snprintf(title, sizeof title, "%s 竣工联合验收", z->code);
		cid = INS(ACC_CASE_INSERT, SV_I(z->id), SV_T(now), SV_I(pid),
		    SV_I(ids_pick(&z->enterprises)), SV_T(title),
		    SV_T("1#厂房"), SV_I(z->admin_id));
		day(t, d);
		store_query(st, STMT_ACC_CASE_SUBMIT, (struct store_val[]){
		    SV_I(z->id), SV_I(cid), SV_T(d), SV_T(now)}, 4, NULL, NULL,
		    NULL);
		z->cases++;
		nd = 3 + (size_t)rn(4);
		if (nd > z->depts.n)
			nd = z->depts.n;
		for (size_t k = 0; k < nd; k++) {
			long long rid;
			int pass = chance(80);

			INS(ACC_CASE_DEPT_ADD, SV_I(z->id), SV_I(cid),
			    SV_I(z->depts.v[k]));
			day(t + 7, due);
			rid = INS(ACC_REVIEW_INSERT, SV_I(z->id), SV_I(cid),
			    SV_I(z->depts.v[k]), SV_I(1), SV_I(1), SV_T(d),
			    SV_T(due), SV_T(now));
			decided = t + 1 + rn(6);
			if (decided >= end)
				continue;
			day(decided, due);
			store_query(st, STMT_ACC_REVIEW_DECIDE, (struct store_val[]){
			    SV_I(z->id), SV_I(rid), SV_T(due), SV_T(pass ?
			    "pass" : "rectify"), SV_T(pass ? "同意" :
			    "请补充材料"), pass ? SV_NULLV :
			    SV_T("[\"补充消防检测报告\"]"), SV_NULLV}, 7, NULL,
			    NULL, NULL);
			all_pass &= pass;
		}
		if (all_pass && t + 20 < end) {
			long long iid;

			day(t + 8, d);
			day(t + 18, due);
			iid = INS(ACC_INSP_INSERT, SV_I(z->id), SV_I(cid), SV_I(1),
			    SV_T(d), SV_T(due), SV_T(due), SV_T(now));
			day(t + 15, d);
			store_query(st, STMT_ACC_INSP_RESULT, (struct store_val[]){
			    SV_I(z->id), SV_I(iid), SV_T(d), SV_T("pass"),
			    SV_T("现场核验通过")}, 5, NULL, NULL, NULL);
		}
	}
}

/* Working days after d (weekends skipped; the generator ignores holidays). */
static long
add_workdays(long d, int n)
{
	while (n > 0) {
		d++;
		if (date_weekday(date_from_days(d)) < 6)
			n--;
	}
	return d;
}

/* 企业诉求: about one request per enterprise a year, received over the year
 * up to END_DATE, each in its final state (received, assigned, in_progress,
 * resolved, confirmed or reopened — the later the day, the earlier the
 * state) with the days of its steps and due days in working days (start 1,
 * answer 3, resolve 10 or 20 when complex), and its thread: one
 * request_events row per step. */
static void
gen_requests(struct zone *z)
{
	static const char *const cats[] = {"labour", "logistics", "approval",
	    "policy", "finance", "epidemic", "safety", "other"};
	static const char *const titles[] = {"招工用工缺口", "物流通道协调",
	    "施工许可办理", "政策兑现咨询", "融资对接", "防疫物资", "安全生产指导",
	    "水电气接入"};
	/* step: 0 received … 4 confirmed; 5 reopened after resolving */
	static const char *const states[] = {"received", "assigned",
	    "in_progress", "resolved", "confirmed", "reopened"};
	long end = date_to_days(END_DATE);
	long jan1 = date_to_days((struct date){YEAR, 1, 1});

	for (size_t i = 0; i < z->enterprises.n; i++) {
		long nreq = rn(3);	/* 0–2, one on average */

		for (long k = 0; k < nreq; k++) {
			long recv = jan1 + rn(end - jan1 + 1), age = end - recv;
			int cat = (int)rn(8), complex = chance(20), step, sat = 0;
			long long officer = ids_pick(&z->officers), rid;
			long t_assign = recv, t_start = recv + rn(2);
			long t_answer = t_start + 1 + rn(3);
			long t_resolve = t_answer + 2 + rn(complex ? 25 : 12);
			long t_confirm = t_resolve + 1 + rn(5);
			char now[20], rd[11], ds[11], da[11], dr[11], s1[11],
			    s2[11], s3[11], s4[11];

			/* The state: as far as the days since receipt allow. */
			step = t_confirm <= end ? 4 : t_resolve <= end ? 3 :
			    t_start <= end ? 2 : 1;
			if (step == 0 || (age < 1 && chance(50)))
				step = 0;
			if (step == 4 && chance(5))
				step = 5;
			if (step >= 4)
				sat = 3 + (int)rn(3);
			day(recv, rd);
			day(add_workdays(recv, 1), ds);
			day(add_workdays(recv, 3), da);
			day(add_workdays(recv, complex ? 20 : 10), dr);
			day(t_start, s1);
			day(t_answer, s2);
			day(t_resolve, s3);
			day(t_confirm, s4);
			stamp(recv, 9, now);
			rid = INS(BENCH_REQUEST_INSERT, SV_I(z->id),
			    SV_I(z->enterprises.v[i]), SV_T(cats[cat]),
			    SV_T(titles[cat]), SV_T("企业反映的问题，请协调解决。"),
			    SV_I(complex), SV_T(states[step]),
			    step >= 1 ? SV_I(officer) : SV_NULLV,
			    SV_I(z->admin_id), SV_T(rd), SV_T(ds), SV_T(da),
			    SV_T(dr), step >= 2 ? SV_T(s1) : SV_NULLV,
			    step >= 2 && t_answer <= end ? SV_T(s2) : SV_NULLV,
			    step >= 3 ? SV_T(s3) : SV_NULLV,
			    step == 4 ? SV_T(s4) : SV_NULLV,
			    sat ? SV_I(sat) : SV_NULLV,
			    step >= 3 ? SV_T("已协调办结") : SV_NULLV,
			    SV_I(step == 5), SV_T(now));
			{
				/* The thread: file, assign, start, answer,
				 * resolve, confirm or reopen — up to the state. */
				static const char *const acts[] = {"file",
				    "assign", "start", "answer", "resolve"};
				static const char *const to[] = {"received",
				    "assigned", "in_progress", "in_progress",
				    "resolved"};
				long when[] = {recv, t_assign, t_start, t_answer,
				    t_resolve};
				int last = step >= 3 ? 4 : step == 2 ?
				    (t_answer <= end ? 3 : 2) : step;

				for (int j = 0; j <= last; j++) {
					day(when[j], rd);
					stamp(when[j], 10 + j, now);
					INS(REQ_EVENT_INSERT, SV_I(z->id), SV_I(rid),
					    SV_T(rd), SV_T(now), SV_I(j == 0 ?
					    z->admin_id : officer), SV_T(acts[j]),
					    j == 0 ? SV_NULLV : SV_T(to[j - 1]),
					    SV_T(to[j]), SV_NULLV);
				}
				if (step >= 4) {
					day(t_confirm, rd);
					stamp(t_confirm, 16, now);
					INS(REQ_EVENT_INSERT, SV_I(z->id), SV_I(rid),
					    SV_T(rd), SV_T(now),
					    SV_I(z->admin_id), SV_T(step == 4 ?
					    "confirm" : "reopen"), SV_T("resolved"),
					    SV_T(states[step]), SV_NULLV);
				}
			}
		}
	}
}

/* 亩均 figures: one row per enterprise for 2024 and 2025 (land, tax, added
 * value, revenue, energy, emissions, R&D, employees, electricity; one in
 * five scored as small). */
static void
gen_mujun(struct zone *z)
{
	char now[20];

	stamp(date_to_days((struct date){YEAR, 3, 31}), 9, now);
	for (size_t i = 0; i < z->enterprises.n; i++) {
		double land = 10 + (double)rn(2000) / 10.0;
		int small = chance(20);

		for (int y = 2024; y <= 2025; y++) {
			double rev = land * (20 + (double)rn(800)) / 10.0;

			INS(BENCH_MUJUN_INSERT, SV_I(z->id),
			    SV_I(z->enterprises.v[i]), SV_I(y), SV_R(land),
			    SV_R(rev * (2 + (double)rn(8)) / 100.0),
			    SV_R(rev * (15 + (double)rn(20)) / 100.0), SV_R(rev),
			    SV_R(land * (double)rn(300) / 10.0),
			    SV_R(land * (double)rn(50) / 100.0),
			    SV_R(rev * (double)rn(60) / 1000.0),
			    SV_I(10 + rn(small ? 60 : 900)),
			    SV_R(land * (double)rn(400) / 10.0), SV_I(small),
			    SV_T(now));
		}
	}
}

/* The project and lead rows' summaries (migration 011), which the API
 * rewrites with each write: here once per zone, from the rows just made. */
static void
gen_current(struct zone *z)
{
	static const enum stmt cur[] = {STMT_PROJECT_CURRENT_ZONE,
	    STMT_PROJECT_YEARS_CURRENT_ZONE, STMT_LEAD_CURRENT_ZONE};
	enum app_err e;

	for (size_t i = 0; i < sizeof cur / sizeof cur[0]; i++)
		if ((e = store_query(st, cur[i], (struct store_val[]){
		    SV_I(z->id)}, 1, NULL, NULL, NULL)) != APP_OK)
			die(stmt_name[cur[i]], e);
}

static void
gen_zone(struct zone *z, const char *hash, int names_only)
{
	enum app_err e;

	if ((e = store_begin(st)) != APP_OK)
		die("begin", e);
	gen_zone_row(z);
	gen_offices(z);
	gen_users(z, hash);
	gen_parks(z);
	gen_orgs(z);
	if (!names_only) {
		gen_projects(z);
		gen_signing_events(z);
		gen_leads(z);
		gen_acceptance(z);
		gen_requests(z);
		gen_mujun(z);
	}
	gen_current(z);
	if ((e = store_commit(st)) != APP_OK)
		die("commit", e);
}

/* ---- the W6 import file ---- */

static void
write_import(const char *path, const struct zone *io)
{
	static const struct xcol cols[] = {
		{"code", "项目编号", X_TEXT, 0}, {"name", "项目名称", X_TEXT, 0},
		{"level", "项目级别", X_TEXT, 0}, {"year", "年度", X_INT, 0},
		{"kind", "年度类别", X_TEXT, 0}, {"park", "所在园区", X_TEXT, 0},
		{"chain", "产业链", X_TEXT, 0}, {"owner", "建设单位", X_TEXT, 0},
		{"contractor", "施工单位", X_TEXT, 0},
		{"manager", "项目负责人", X_TEXT, 0},
		{"leader", "包挂领导", X_TEXT, 0},
		{"total", "总投资", X_MONEY, 0},
		{"planned", "年度计划投资", X_MONEY, 0},
		{"start", "计划开工日期", X_DATE, 0},
		{"finish", "计划竣工日期", X_DATE, 0},
		{"location", "建设地点", X_TEXT, 0},
	};
	static const char *const chain_names[] = {"新一代信息技术", "高端装备",
	    "新材料", "生物医药", "医疗器械", "现代物流", "科技服务"};
	static const char *const lv[] = {"省级", "市级", "区级"};
	static const char *const kinds[] = {"新开工", "续建", "竣工"};
	long jan1 = date_to_days((struct date){YEAR, 1, 1});
	long nparks = 6 + io->nprojects / 600;
	json_t *rows = json_array();
	struct xsheet sh = {"重点项目", NULL, cols, sizeof cols / sizeof cols[0],
	    rows};
	char code[48], name[128], owner[96], contractor[64], s[11], f[11],
	    err[256];
	enum app_err e;

	rng = SEED ^ 0x10;
	for (long i = 0; i < IMPORT_ROWS; i++) {
		long ps = jan1 + rn(300);
		double total = (double)(3000 + rn(300000));
		long oi = rn(10 + 300 * 3 / 4), ci = rn(25);

		snprintf(code, sizeof code, "IMP-%d-%05ld", YEAR, i + 1);
		snprintf(name, sizeof name, "%s%s%s", PICK(firm_words),
		    PICK(proj_words), PICK(proj_kinds));
		snprintf(owner, sizeof owner, "连云港%s%s有限公司%ld号",
		    firm_words[oi % 20], firm_kinds[(oi / 20) % 10], oi + 1);
		snprintf(contractor, sizeof contractor, "中建第%ld工程局有限公司",
		    ci + 1);
		day(ps, s);
		day(ps + 540 + rn(360), f);
		json_array_append_new(rows, json_pack("{s:s, s:s, s:s, s:i, s:s,"
		    " s:s, s:s, s:s, s:s, s:s, s:s, s:f, s:f, s:s, s:s, s:s}",
		    "code", code, "name", name, "level", PICK(lv), "year", YEAR,
		    "kind", PICK(kinds), "park", park_names[rn(nparks)], "chain",
		    PICK(chain_names), "owner", owner, "contractor", contractor,
		    "manager", PICK(managers), "leader", PICK(leaders), "total",
		    total, "planned", total * 0.35, "start", s, "finish", f,
		    "location", "高新区"));
	}
	if ((e = xlsx_write_sheets(path, &sh, 1, err, sizeof err)) != APP_OK) {
		fprintf(stderr, "%s: %s: %s\n", prog, path, err);
		exit(1);
	}
	json_decref(rows);
}

/* ---- main ---- */

static double
secs(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void
pragma(enum stmt s)
{
	enum app_err e = store_query(st, s, NULL, 0, NULL, NULL, NULL);

	if (e != APP_OK)
		die(stmt_name[s], e);
}

int
main(int argc, char **argv)
{
	const char *db = NULL, *xlsx = NULL, *env = NULL;
	long scale = 1, nzones;
	char hash[SECRET_HASH_MAX];
	double t0 = secs();
	long long reports = 0, stages = 0, contacts = 0, cases = 0,
	    projects = 0, leads = 0;
	int from, to;
	enum app_err e;
	FILE *f;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc)
			db = argv[++i];
		else if (strcmp(argv[i], "--scale") == 0 && i + 1 < argc)
			scale = strtol(argv[++i], NULL, 10);
		else if (strcmp(argv[i], "--xlsx") == 0 && i + 1 < argc)
			xlsx = argv[++i];
		else if (strcmp(argv[i], "--env") == 0 && i + 1 < argc)
			env = argv[++i];
		else {
			fprintf(stderr, "usage: %s --db PATH --scale N "
			    "[--xlsx PATH] [--env PATH]\n", prog);
			return 2;
		}
	}
	if (db == NULL || scale < 1 || scale > 100000) {
		fprintf(stderr, "%s: --db and --scale 1..100000 are needed\n",
		    prog);
		return 2;
	}
	remove(db);
	if (store_open(db, &st) != APP_OK)
		return 1;
	if ((e = store_migrate(st, &from, &to)) != APP_OK)
		die("migrate", e);
	pragma(STMT_BENCH_SYNC_OFF);
	pragma(STMT_BENCH_CACHE);
	pragma(STMT_BENCH_FK_OFF);
	pragma(STMT_BENCH_JOURNAL_OFF);
	if (password_hash(PASSWORD, hash) != 0)
		die("password hash", APP_ERR_INTERNAL);
	nzones = scale < 10 ? 1 : scale / 10;
	for (long i = 0; i < nzones + IO_ZONES; i++) {
		struct zone z = {.no = (int)i + 1};
		int io = i >= nzones;

		/* Per-zone seed: zone k is the same whatever the scale. */
		rng = SEED + (uint64_t)i * 0x1000193ULL;
		if (io)
			snprintf(z.code, sizeof z.code, "io%ld", i - nzones + 1);
		else
			snprintf(z.code, sizeof z.code, "z%04ld", i + 1);
		/* io zones: the names an import file uses, no records. */
		z.nprojects = io ? 0 : (300 * scale + nzones / 2) / nzones;
		z.nleads = io ? 0 : (500 * scale + nzones / 2) / nzones;
		if (io)
			z.nprojects = 300;	/* sizes the org lists only */
		gen_zone(&z, hash, io);
		if (io)
			z.nprojects = 0;
		projects += z.nprojects;
		leads += z.nleads;
		reports += z.reports;
		stages += z.stages;
		contacts += z.contacts;
		cases += z.cases;
		if (i < 3 || (i + 1) % 10 == 0 || i + 1 == nzones + IO_ZONES)
			fprintf(stderr, "%s: zone %ld/%ld %s: %lld rows so far, "
			    "%lld reports, %.1f s\n", prog, i + 1,
			    nzones + IO_ZONES, z.code, total_rows, reports,
			    secs() - t0);
		free(z.parks.v); free(z.chains.v); free(z.regions.v);
		free(z.offices.v); free(z.enterprises.v); free(z.contractors.v);
		free(z.investors.v); free(z.officers.v); free(z.depts.v);
		free(z.events.v); free(z.projects.v); free(z.proj_phase.v);
		free(z.proj_owner.v);
	}
	pragma(STMT_BENCH_JOURNAL_WAL);
	store_close(st);
	if (xlsx != NULL) {
		struct zone io = {.nprojects = 300};

		write_import(xlsx, &io);
	}
	if (env != NULL) {
		if ((f = fopen(env, "w")) == NULL) {
			perror(env);
			return 1;
		}
		/* For bench/run: who to log in as, what to ask for. */
		fprintf(f, "BENCH_SCALE=%ld\nBENCH_ZONES=%ld\nBENCH_USER=z0001-admin\n"
		    "BENCH_PASSWORD=%s\nBENCH_IO_ZONES=%d\nBENCH_PROJECTS=%lld\n"
		    "BENCH_ZONE_PROJECTS=%lld\nBENCH_LEADS=%lld\nBENCH_REPORTS=%lld\n"
		    "BENCH_STAGES=%lld\nBENCH_CONTACTS=%lld\nBENCH_CASES=%lld\n"
		    "BENCH_ROWS=%lld\nBENCH_AS_OF=2026-11-20\nBENCH_YEAR=%d\n"
		    "BENCH_GEN_SECONDS=%.1f\n", scale, nzones, PASSWORD, IO_ZONES,
		    projects, (long long)((300 * scale + nzones / 2) / nzones),
		    leads, reports, stages, contacts, cases, total_rows, YEAR,
		    secs() - t0);
		fclose(f);
	}
	fprintf(stderr, "%s: scale %ld: %ld zones, %lld projects, %lld "
	    "reports, %lld leads, %lld stage moves, %lld contacts, %lld "
	    "acceptance cases, %lld rows in %.1f s\n", prog, scale, nzones,
	    projects, reports, leads, stages, contacts, cases, total_rows,
	    secs() - t0);
	return 0;
}
