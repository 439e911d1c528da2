// The work briefing (GET /api/briefing, zonedesk briefing): exact sentences
// on a small fixture, agreement of every figure with the matching report,
// the inconsistency notes, the xlsx, permissions and the CLI.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client } from '../lib/server.mjs';

let srv;
let admin;

// Fixed past dates: as of 2025-06-30, the 2025 list.
const AS_OF = '2025-06-30';

async function post(path, body, status = 201) {
  const r = await admin.req('POST', path, body);
  assert.equal(r.status, status, `${path}: ${r.text}`);
  return r.json;
}

before(async () => {
  srv = await startServer();
  await srv.addUser('za', 'boss', 'admin');
  await srv.addUser('za', 'officer', 'project_officer');
  admin = new Client(srv.url);
  assert.equal((await admin.login('boss', 'secret-pass-1')).status, 200);
  const park = await post('/api/parks', { name: '海州工业园', kind: 'park' });
  const mk = (code, kind, extra = {}) => post('/api/projects', {
    code, name: `项目${code}`, level: 'district', park_id: park.id, total_investment: 10000,
    years: [{ year: 2025, kind, planned_investment: 5000 }], ...extra,
  });
  // Four due (new/continuing) and one completing; three started by the date.
  const a = await mk('A', 'new');
  const b = await mk('B', 'new');
  const c = await mk('C', 'continuing');
  await mk('D', 'new');
  await mk('E', 'completing');
  await post(`/api/projects/${a.id}/events`, { kind: 'start', date: '2025-03-01' });
  await post(`/api/projects/${b.id}/events`, { kind: 'start', date: '2025-04-01' });
  // C started in 2024 though listed as continuing: no note for continuing.
  await post(`/api/projects/${c.id}/events`, { kind: 'start', date: '2024-10-01' });
  // Reports: 2000 then 1500 万元 to date for A — investment going down.
  await post(`/api/projects/${a.id}/reports`, { date: '2025-04-30', phase: 'piling', invest_period: 2000 });
  await post(`/api/projects/${a.id}/reports`, { date: '2025-05-31', phase: 'main_structure',
    invest_period: 500, invest_to_date: 1500 });
  await post(`/api/projects/${b.id}/reports`, { date: '2025-05-31', phase: 'piling', invest_period: 1000 });
  // F is new on the 2025 list but started in 2024: a note.
  const f = await mk('F', 'new');
  await post(`/api/projects/${f.id}/events`, { kind: 'start', date: '2024-12-20' });
  // Enterprise requests: one of June resolved in 6 working days (06-02 is
  // 端午 off) and rated 5; one of May never started, so overdue.
  const ent = await post('/api/orgs', { name: '简报企业有限公司', kind: 'enterprise' });
  const q1 = await post('/api/requests', { org_id: ent.id, category: 'labour', title: '招工', description: '普工', received_on: '2025-06-02' });
  await post(`/api/requests/${q1.id}/actions`, { action: 'resolve', on: '2025-06-10', resolution: '已对接' }, 200);
  await post(`/api/requests/${q1.id}/actions`, { action: 'confirm', on: '2025-06-11', satisfaction: 5 }, 200);
  await post('/api/requests', { org_id: ent.id, category: 'finance', title: '贷款', description: '贴息', received_on: '2025-05-20' });
  // 亩均 figures of 2024 (the latest year up to the as-of year) and of 2026 (after it: not used).
  for (const year of [2024, 2026]) {
    await post('/api/mujun/figures', { org_id: ent.id, year, land_mu: 50, tax: 1500, added_value: 5000, revenue: 20000,
      energy: 2000, emissions: 50, rd_spend: 600, employees: 200 });
  }
});

after(async () => { await srv.stop(); });

test('the project sentences state the counts, the rate and the investment', async () => {
  const r = await admin.req('GET', `/api/briefing?as_of=${AS_OF}&period=month`);
  assert.equal(r.status, 200, r.text);
  const b = r.json;
  assert.equal(b.title, '工作简报（截至2025年6月30日）');
  assert.equal(b.from, '2025-06-01');
  const p = b.sections.find((s) => s.key === 'projects').paragraphs;
  // Due: A B C D F (5); started: A B C F (4) → 80.0%.
  assert.equal(p[0], '截至2025年6月30日，全区2025年应开复工重点项目5个，已开复工4个，开复工率80.0%（保留一位小数，四舍五入）。');
  // Plan 6 × 5000 = 30000 万元 = 3.0 亿元; completed 2000 + 500 + 1000 = 3500 = 0.35 → 0.4 亿元, 11.7%.
  assert.equal(p[1], '2025年重点项目年度计划投资3.0亿元，截至2025年6月30日已完成0.4亿元，完成年度计划的11.7%。');
  assert.ok(b.text.includes(p[0]), 'the text form holds the same sentence');
});

test('every figure agrees with the report it comes from', async () => {
  const b = (await admin.req('GET', `/api/briefing?as_of=${AS_OF}`)).json;
  const k = (await admin.req('GET', `/api/reports/kaifugong?as_of=${AS_OF}&by=park`)).json;
  assert.equal(b.figures.due, k.due);
  assert.equal(b.figures.started, k.started);
  assert.equal(b.figures.rate_text, k.rate_text);
  assert.ok(b.text.includes(`应开复工重点项目${k.due}个，已开复工${k.started}个，开复工率${k.rate_text}`));
  const inv = (await admin.req('GET', `/api/reports/investment?from=${b.from}&to=${b.to}`)).json;
  assert.equal(b.figures.signed, inv.signed.count);
  const neg = inv.funnel.find((s) => s.stage === 'negotiating').entered;
  assert.equal(b.figures.negotiations, neg);
  assert.ok(b.text.includes(`新增洽谈项目${neg}个`));
  const acc = (await admin.req('GET', `/api/reports/acceptance?from=${b.from}&to=${b.to}`)).json;
  assert.equal(b.figures.acceptance_cases, acc.count);
  assert.ok(b.text.includes(`受理联合验收案件${acc.count}个`));
  const list = (await admin.req('GET', `/api/projects?as_of=${AS_OF}&year=2025&limit=200`)).json;
  assert.equal(b.figures.red, list.lights.red);
});

test('inconsistent inputs are named, not hidden', async () => {
  const b = (await admin.req('GET', `/api/briefing?as_of=${AS_OF}`)).json;
  const msgs = b.flags.map((f) => f.message);
  assert.ok(msgs.some((m) => m.includes('项目F') && m.includes('开工日期早于2025年')), msgs.join('|'));
  assert.ok(msgs.some((m) => m.includes('项目A') && m.includes('累计完成投资出现下降')), msgs.join('|'));
  assert.ok(!msgs.some((m) => m.includes('项目C')), 'a continuing project started earlier is fine');
  const p = b.sections.find((s) => s.key === 'projects').paragraphs;
  assert.ok(p.some((x) => x.startsWith('【数据提示】')), 'the note stands in the section too');
});

test('the service section states the requests of the period and of the day, as the report does', async () => {
  const b = (await admin.req('GET', `/api/briefing?as_of=${AS_OF}`)).json;
  const s = b.sections.find((x) => x.key === 'service').paragraphs;
  assert.deepEqual(s.slice(0, 2), [
    '2025年6月1日至2025年6月30日，受理企业诉求1件，其中已办结1件（平均用时6.0个工作日）。',
    '截至2025年6月30日，全区未办结企业诉求1件，其中逾期1件、已上报领导0件；企业累计评价1件，平均满意度5.0分（满分5分）。',
  ]);
  const period = (await admin.req('GET', `/api/reports/service?as_of=${AS_OF}&from=${b.from}`)).json;
  const all = (await admin.req('GET', `/api/reports/service?as_of=${AS_OF}`)).json;
  assert.equal(b.figures.requests, period.requests.received);
  assert.equal(b.figures.requests_open, all.requests.open);
  assert.equal(b.figures.requests_overdue, all.requests.overdue);
  assert.equal(b.figures.satisfaction, all.requests.satisfaction);
  const att = b.sections.find((x) => x.key === 'attention').paragraphs;
  assert.ok(att.includes('企业诉求有1件超过办理时限，请督促包保专员加快办理。'), att.join('|'));
});

test('the 亩均 sentence is the distribution of the latest year up to the as-of year', async () => {
  const b = (await admin.req('GET', `/api/briefing?as_of=${AS_OF}`)).json;
  const m = (await admin.req('GET', '/api/mujun/report?year=2024')).json;
  const c = m.classes;
  assert.equal(m.count, 1);
  assert.equal(c.A + c.B + c.C + c.D, 1);
  const s = b.sections.find((x) => x.key === 'service').paragraphs;
  assert.equal(s.at(-1), `2024年度亩均效益评价参评企业1家，其中A类${c.A}家、B类${c.B}家、C类${c.C}家、D类${c.D}家。`);
  assert.equal(b.figures.mujun_year, 2024);
  assert.deepEqual(b.figures.mujun_classes, c);
});

test('xlsx, bad parameters and permissions', async () => {
  const x = await fetch(`${srv.url}/api/briefing.xlsx?as_of=${AS_OF}`, { headers: { Cookie: `zd_session=${admin.cookie}` } });
  assert.equal(x.status, 200);
  const bytes = new Uint8Array(await x.arrayBuffer());
  assert.equal(String.fromCharCode(bytes[0], bytes[1]), 'PK');
  const bad = await admin.req('GET', '/api/briefing?as_of=2025-02-30&period=year');
  assert.equal(bad.status, 400);
  assert.deepEqual(bad.json.error.fields.map((f) => f.field).sort(), ['as_of', 'period']);
  const officer = new Client(srv.url);
  await officer.login('officer', 'secret-pass-1');
  assert.equal((await officer.req('GET', '/api/briefing')).status, 403);
  assert.equal((await new Client(srv.url).req('GET', '/api/briefing')).status, 401);
});

test('the CLI prints the same briefing', async () => {
  const r = await srv.cli(['briefing', '--zone', 'za', '--as-of', AS_OF]);
  assert.equal(r.code, 0, r.stderr);
  const b = (await admin.req('GET', `/api/briefing?as_of=${AS_OF}`)).json;
  assert.equal(r.stdout, b.text);
  const bad = await srv.cli(['briefing', '--zone', 'za', '--as-of', 'yesterday']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--as-of/);
});

test('the cohort report follows signed leads through the stages with medians', async () => {
  const l = (code, date) => post('/api/leads', { code, project_name: `线索${code}`, stage: 'negotiating',
    stage_date: date });
  const a = await l('C1', '2025-01-05');
  const b = await l('C2', '2025-01-06');
  const c = await l('C3', '2025-01-07');
  const mv = (id, stage, date) => post(`/api/leads/${id}/stages`, { stage, date });
  await mv(a.id, 'signed', '2025-02-01');
  await mv(b.id, 'signed', '2025-02-11');
  await mv(c.id, 'signed', '2025-07-01'); // outside the period
  await mv(a.id, 'registered', '2025-02-11'); // 10 days
  await mv(b.id, 'registered', '2025-03-13'); // 30 days
  await mv(a.id, 'started', '2025-04-12'); // 60 days after registering
  const r = await admin.req('GET', '/api/reports/cohort?from=2025-01-01&to=2025-06-30');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.signed, 2);
  const st = Object.fromEntries(r.json.stages.map((s) => [s.stage, s]));
  assert.equal(st.registered_on.reached, 2);
  assert.equal(st.registered_on.median_days_from_previous, 20); // (10 + 30) / 2
  assert.equal(st.started_on.reached, 1);
  assert.equal(st.started_on.median_days_from_signing, 70);
  assert.equal(st.producing_on.reached, 0);
  assert.equal(st.producing_on.median_days_from_previous, null);
  assert.deepEqual(r.json.leads.map((x) => x.code), ['C1', 'C2']);
  const cli = await srv.cli(['report', 'cohort', '--zone', 'za', '--from', '2025-01-01', '--to', '2025-06-30',
    '--format', 'json']);
  assert.equal(cli.code, 0, cli.stderr);
  assert.equal(JSON.parse(cli.stdout).signed, 2);
});

test('a key project shows the lead it came from (one thread)', async () => {
  const lead = await post('/api/leads', { code: 'TH-1', project_name: '线索到项目', stage: 'negotiating',
    stage_date: '2025-01-05' });
  await post(`/api/leads/${lead.id}/stages`, { stage: 'signed', date: '2025-02-01' });
  const proj = await post(`/api/leads/${lead.id}/project`, { code: 'TH-P1', level: 'district' });
  const p = (await admin.req('GET', `/api/projects/${proj.id}`)).json;
  assert.deepEqual(p.leads.map((l) => l.code), ['TH-1']);
  assert.deepEqual(p.acceptance_cases, []);
  const l = (await admin.req('GET', `/api/leads/${lead.id}`)).json;
  assert.equal(l.project_code, 'TH-P1');
});
