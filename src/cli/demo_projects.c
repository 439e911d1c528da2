/*
 * Demo key projects: this year's list across the parks, with starts, stops
 * and resumptions, monthly progress reports, problems to coordinate and node
 * plans, dated relative to today so every page and light is alive whenever
 * the demo is made. Deterministic: the same day gives the same data.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/projects.h"
#include "cli/cli.h"
#include "cli/demo.h"
#include "domain/date.h"
#include "domain/phase.h"

static const char *const names[] = {
	"新能源汽车零部件产业园", "高端装备智能制造基地", "高性能纤维新材料项目",
	"生物医药产业化基地", "高端医疗器械产业园二期", "智慧冷链物流园",
	"科技服务综合体", "集成电路封装测试项目", "碳纤维复合材料项目",
	"光伏组件智能工厂", "创新药物研发中心", "跨境电商物流中心",
	"工业互联网数据中心一期", "工业机器人生产基地", "高性能膜材料项目",
	"5G通信模组生产线", "高值医用耗材项目", "精密铸造项目",
	"氢能装备产业园", "石化新材料中试基地", "智能网联汽车产业园",
	"中药现代化提取项目", "检验检测认证中心", "标准厂房一期",
	"标准厂房二期", "人才公寓", "科创孵化器三期", "半导体材料项目",
	"海洋生物制品项目", "智能仓储分拨中心",
};

static const char *const stop_reasons[] = {"环保督查停工整改",
    "资金未到位", "设计变更"};
static const char *const problem_texts[][2] = {
	{"施工临时用电未接通", "供电公司"},
	{"地块内杆线迁移", "自然资源和规划分局"},
	{"施工许可证办理", "住房和城乡建设局"},
	{"周边道路未贯通", "城建局"},
	{"用工短缺", "人社局"},
};

/* A small LCG: reproducible without depending on the C library's rand. */
static unsigned long
next(unsigned long *s)
{
	*s = *s * 6364136223846793005UL + 1442695040888963407UL;
	return (*s >> 33);
}

static void
fmt(struct date d, char out[11])
{
	date_format(d, out);
}


int
demo_projects(struct store *st, const struct actor *a,
    const struct demo_refs *refs)
{
	struct date today = date_today_cn(), jan1 = {today.y, 1, 1};
	unsigned long seed = 20260101UL + (unsigned long)today.y;
	size_t n = sizeof names / sizeof names[0];
	long tdays = date_to_days(today);

	for (size_t i = 0; i < n; i++) {
		json_t *body, *errs = json_array(), *out = NULL, *years;
		char code[32], ps[11], pf[11], d[11];
		/* 60% new this year, 30% continuing, 10% completing. */
		int kind = i % 10 < 6 ? 0 : i % 10 < 9 ? 1 : 2;
		long start_off = kind == 0 ? (long)(next(&seed) % 300) :
		    -(long)(120 + next(&seed) % 240);
		struct date pstart = date_add_days(jan1, start_off);
		struct date pfinish = date_add_days(pstart,
		    540 + (long)(next(&seed) % 360));
		double total = (double)(5000 + next(&seed) % 195000);
		double yplan = total * (kind == 2 ? 0.2 : 0.35);
		long long pid;
		int started_ok;

		snprintf(code, sizeof code, "ZD%d-%03zu", today.y, i + 1);
		fmt(pstart, ps);
		fmt(pfinish, pf);
		years = json_pack("[{s:i, s:s, s:f}]", "year", today.y, "kind",
		    kind == 0 ? "new" : kind == 1 ? "continuing" : "completing",
		    "planned_investment", yplan);
		if (kind != 0)
			json_array_insert_new(years, 0, json_pack(
			    "{s:i, s:s, s:f}", "year", today.y - 1, "kind",
			    "new", "planned_investment", total * 0.3));
		body = json_pack("{s:s, s:s, s:s, s:I, s:I, s:I, s:I, s:s, s:s,"
		    " s:f, s:s, s:s, s:o}",
		    "code", code, "name", names[i], "level",
		    i % 7 == 0 ? "provincial" : i % 3 == 0 ? "municipal" :
		    "district",
		    "park_id", (json_int_t)refs->parks[i % refs->nparks],
		    "chain_id", (json_int_t)refs->chains[i % refs->nchains],
		    "owner_org_id", (json_int_t)refs->owners[i % refs->nowners],
		    "contractor_org_id", (json_int_t)refs->contractor,
		    "manager", i % 2 ? "王建国" : "李伟", "leader",
		    i % 3 ? "张副主任" : "刘主任", "total_investment", total,
		    "planned_start", ps, "planned_finish", pf, "years", years);
		if (demo_ok(code, project_save(st, a, 0, body, errs, &out), errs)) {
			json_decref(body);
			json_decref(errs);
			return -1;
		}
		pid = json_integer_value(json_object_get(out, "id"));
		json_decref(out);
		json_decref(body);

		/* Most projects whose start month has passed did start; a few
		 * lag so that the lights have something to say. */
		started_ok = date_cmp(pstart, today) < 0 && i % 8 != 5;
		if (started_ok) {
			long sd = date_to_days(pstart) + (long)(next(&seed) % 30);
			long stop_at = 0, resume_at = 0, day;
			int phase = 0;
			double to_date = 0;

			if (sd >= tdays)
				sd = tdays - 1;
			fmt(date_from_days(sd), d);
			body = json_pack("{s:s, s:s}", "kind", "start", "date", d);
			if (demo_ok("start", project_event_add(st, a, pid, body, errs,
			    &out), errs))
				return -1;
			json_decref(out);
			json_decref(body);
			if (i % 9 == 4 && tdays - sd > 90) {
				stop_at = sd + (tdays - sd) / 2;
				if (i % 2 == 0)
					resume_at = stop_at + 30;
			}
			/* Monthly reports, each on the 25th (or a day before
			 * today), from the start until today. */
			for (day = sd + 20; day < tdays; day += 30) {
				struct date rd = date_from_days(day);
				double period = total / 22.0 *
				    (0.5 + (double)(next(&seed) % 80) / 100.0);
				json_t *rb;

				if (stop_at && day > stop_at &&
				    (!resume_at || day < resume_at))
					continue;
				if (phase < 8 && next(&seed) % 3 != 0)
					phase++;
				to_date += period;
				fmt(rd, d);
				rb = json_pack("{s:s, s:i, s:i, s:f, s:f,"
				    " s:[{s:s, s:f, s:s}]}", "date", d,
				    "phase", phase, "workforce",
				    (int)(60 + next(&seed) % 300),
				    "invest_period", period, "invest_to_date",
				    to_date, "quantities", "name",
				    phase < 4 ? "桩基" : "混凝土浇筑", "amount",
				    (double)(200 + next(&seed) % 2000), "unit",
				    phase < 4 ? "根" : "立方米");
				json_object_set_new(rb, "phase", json_string(
				    phase_codes[phase]));
				if (next(&seed) % 9 == 0) {
					size_t k = next(&seed) % 5;
					long due = day + 15 + (long)(next(&seed) %
					    40);
					/* Old problems were solved; the recent
					 * ones are still open, some overdue. */
					int solved = due < tdays - 30;

					fmt(date_from_days(due), d);
					json_object_set_new(rb, "problems",
					    json_pack("[{s:s, s:s, s:s, s:s, s:s?}]",
					    "description", problem_texts[k][0],
					    "department", problem_texts[k][1],
					    "due_date", d, "status", solved ?
					    "solved" : "open", "closing_note",
					    solved ? "已协调解决" : NULL));
				}
				if (demo_ok("report", progress_report_add(st, a, pid,
				    rb, errs, &out), errs))
					return -1;
				json_decref(out);
				json_decref(rb);
			}
			if (stop_at) {
				fmt(date_from_days(stop_at), d);
				body = json_pack("{s:s, s:s, s:s}", "kind",
				    "stop", "date", d, "reason",
				    stop_reasons[i % 3]);
				if (demo_ok("stop", project_event_add(st, a, pid,
				    body, errs, &out), errs))
					return -1;
				json_decref(out);
				json_decref(body);
			}
			if (resume_at && resume_at < tdays) {
				fmt(date_from_days(resume_at), d);
				body = json_pack("{s:s, s:s}", "kind", "resume",
				    "date", d);
				if (demo_ok("resume", project_event_add(st, a, pid,
				    body, errs, &out), errs))
					return -1;
				json_decref(out);
				json_decref(body);
			}
		}
		json_decref(errs);
	}
	return 0;
}
