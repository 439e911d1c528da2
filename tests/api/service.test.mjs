// Enterprise service: buildings and checks with schedules, 包保 assignments
// and reassignment history, 一企一策 plan versions, requests through their
// states with working-day due dates (国庆 2025), reopen then confirm,
// escalation on fixed dates to the officer's leader, limits, portfolios,
// isolation between enterprises, zones and officers, and the report.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loginAs } from '../lib/server.mjs';

let srv;
const c = {};
const ids = {};

function ok(r, status = 200) {
  assert.equal(r.status, status, r.text);
  return r.json;
}

function expectFields(r, ...fields) {
  assert.equal(r.status, 400, r.text);
  const got = r.json.error.fields.map((f) => f.field);
  for (const f of fields) assert.ok(got.includes(f), `fields should name ${f}: ${r.text}`);
}

before(async () => {
  srv = await startServer();
  await srv.addUser('za', 'sv_admin', 'admin');
  await srv.addUser('zb', 'sv_admin_b', 'admin');
  c.admin = await loginAs(srv.url, 'sv_admin');
  c.adminB = await loginAs(srv.url, 'sv_admin_b');
  c.en = await loginAs(srv.url, 'sv_admin', 'secret-pass-1', { lang: 'en' });
  ids.park = ok(await c.admin.post('/api/parks', { name: '服务园', kind: 'park' }), 201).id;
  ids.bld = ok(await c.admin.post('/api/buildings', {
    name: '创新大厦', park_id: ids.park, floors: 20, resident_staff: 800,
    disinfection_days: 7, screening_days: 14, safety_days: 30,
  }), 201).id;
  ids.orgA = ok(await c.admin.post('/api/orgs', {
    name: '甲科技有限公司', kind: 'enterprise', park_id: ids.park, building_id: ids.bld, floor: '12',
    zjtx: 'province', high_tech: true, above_scale: true, employees: 120, sector: 'productive',
  }), 201).id;
  ids.orgB = ok(await c.admin.post('/api/orgs', { name: '乙制造有限公司', kind: 'enterprise', park_id: ids.park }), 201).id;
  for (const u of ['sv_off1', 'sv_off2']) await srv.addUser('za', u, 'service_officer');
  await srv.addUser('za', 'sv_leader', 'leader');
  await srv.addUser('za', 'sv_boss', 'leader');
  await srv.addUser('za', 'sv_entA', 'enterprise_user', 'secret-pass-1', ['--org', String(ids.orgA)]);
  await srv.addUser('za', 'sv_entB', 'enterprise_user', 'secret-pass-1', ['--org', String(ids.orgB)]);
  for (const u of ['sv_off1', 'sv_off2', 'sv_leader', 'sv_entA', 'sv_entB']) c[u] = await loginAs(srv.url, u);
  const users = ok(await c.admin.get('/api/users?limit=100')).items;
  for (const u of users) ids[u.username] = u.id;
  // sv_off1 reports to sv_boss; sv_off2 has no leader (the zone's first leader then).
  const u1 = ok(await c.admin.get(`/api/users/${ids.sv_off1}`));
  ok(await c.admin.put(`/api/users/${ids.sv_off1}`, { name: u1.name, role: u1.role, leader_id: ids.sv_boss }));
});
after(async () => { await srv?.stop(); });

test('an enterprise carries its service profile; references are checked', async () => {
  const o = ok(await c.admin.get(`/api/orgs/${ids.orgA}`));
  assert.equal(o.building_id, ids.bld);
  assert.equal(o.zjtx, 'province');
  assert.equal(o.high_tech, 1);
  assert.equal(o.employees, 120);
  expectFields(await c.admin.post('/api/orgs', { name: '丙', kind: 'enterprise', zjtx: 'global' }), 'zjtx');
  expectFields(await c.admin.post('/api/orgs', { name: '丙', kind: 'enterprise', building_id: 999999 }), 'building_id');
  expectFields(await c.adminB.post('/api/orgs', { name: '丙', kind: 'enterprise', park_id: ids.park }), 'park_id');
  const firms = ok(await c.admin.get(`/api/buildings/${ids.bld}/firms`)).items;
  assert.deepEqual(firms.map((f) => f.name), ['甲科技有限公司']);
  const list = ok(await c.admin.get(`/api/orgs?building_id=${ids.bld}`));
  assert.equal(list.total, 1);
});

test('assignments: reassignment ends the old one the day before and keeps history', async () => {
  const a1 = await c.admin.post('/api/assignments', { officer_id: ids.sv_off2, subject: 'org', subject_id: ids.orgA, date_from: '2025-01-01' });
  ok(a1, 201);
  expectFields(await c.admin.post('/api/assignments', { officer_id: ids.sv_off2, subject: 'org', subject_id: ids.orgA, date_from: '2025-03-01' }), 'officer_id');
  expectFields(await c.admin.post('/api/assignments', { officer_id: ids.sv_leader, subject: 'org', subject_id: ids.orgA, date_from: '2025-03-01' }), 'officer_id');
  expectFields(await c.admin.post('/api/assignments', { officer_id: ids.sv_off1, subject: 'org', subject_id: ids.orgA, date_from: '2024-12-01' }), 'date_from');
  ok(await c.admin.post('/api/assignments', { officer_id: ids.sv_off1, subject: 'org', subject_id: ids.orgA, date_from: '2025-06-01' }), 201);
  ok(await c.admin.post('/api/assignments', { officer_id: ids.sv_off1, subject: 'building', subject_id: ids.bld, date_from: '2025-01-01' }), 201);
  const hist = ok(await c.admin.get(`/api/assignments/history?subject=org&subject_id=${ids.orgA}`)).items;
  assert.equal(hist.length, 2);
  assert.equal(hist[0].officer_name, 'sv_off1');
  assert.equal(hist[0].date_to, null);
  assert.equal(hist[1].officer_name, 'sv_off2');
  assert.equal(hist[1].date_to, '2025-05-31');
  // Officers do not assign; the org's history shows the assignments.
  assert.equal((await c.sv_off1.post('/api/assignments', { officer_id: ids.sv_off1, subject: 'org', subject_id: ids.orgB, date_from: '2025-01-01' })).status, 403);
  const oh = ok(await c.admin.get(`/api/orgs/${ids.orgA}/history`)).items;
  assert.ok(oh.some((h) => h.entity === 'assignment'), JSON.stringify(oh));
  // Portfolio: an officer sees their own, not another's; admin sees any.
  const p = ok(await c.sv_off1.get('/api/portfolio'));
  assert.deepEqual(p.items.filter((i) => !i.date_to).map((i) => i.subject_name).sort(), ['创新大厦', '甲科技有限公司']);
  assert.equal((await c.sv_off1.get(`/api/portfolio?officer_id=${ids.sv_off2}`)).status, 403);
  const p2 = ok(await c.admin.get(`/api/portfolio?officer_id=${ids.sv_off2}`));
  assert.ok(p2.items.every((i) => i.date_to !== null));
});

test('plans are versioned; the enterprise reads its own only', async () => {
  expectFields(await c.sv_off1.put(`/api/orgs/${ids.orgA}/plan`, { dated: '2025-02-01', needs: '', measures: [{ text: '', status: 'x' }] }),
    'needs', 'measures[0].text', 'measures[0].status');
  ok(await c.sv_off1.put(`/api/orgs/${ids.orgA}/plan`, { dated: '2025-02-01', needs: '扩产用地', measures: [{ text: '协调用地指标', owner: '规划局', due: '2025-06-30', status: 'planned' }] }), 201);
  const v2 = ok(await c.sv_off1.put(`/api/orgs/${ids.orgA}/plan`, { dated: '2025-07-01', needs: '扩产用地；招工', measures: [{ text: '协调用地指标', status: 'done' }, { text: '专场招聘会', status: 'doing' }] }), 201);
  assert.equal(v2.version, 2);
  const got = ok(await c.sv_entA.get(`/api/orgs/${ids.orgA}/plan`));
  assert.equal(got.plan.version, 2);
  assert.equal(got.plan.measures[1].text, '专场招聘会');
  assert.deepEqual(got.versions.map((v) => v.version), [2, 1]);
  assert.equal(ok(await c.admin.get(`/api/orgs/${ids.orgA}/plan?version=1`)).plan.needs, '扩产用地');
  assert.equal((await c.sv_entB.get(`/api/orgs/${ids.orgA}/plan`)).status, 403);
  assert.equal((await c.sv_entA.put(`/api/orgs/${ids.orgA}/plan`, { dated: '2025-07-01', needs: 'x' })).status, 403);
  assert.equal((await c.adminB.get(`/api/orgs/${ids.orgA}/plan`)).status, 404);
  ok(await c.sv_off1.put(`/api/buildings/${ids.bld}/plan`, { dated: '2025-03-01', needs: '停车难', measures: [] }), 201);
});

test('building checks: schedules, overdue list, validation', async () => {
  expectFields(await c.sv_off1.post('/api/building-checks', { building_id: ids.bld, kind: 'safety', checked_on: '2099-01-01', result: 'issues' }),
    'checked_on', 'findings');
  ok(await c.sv_off1.post('/api/building-checks', { building_id: ids.bld, kind: 'disinfection', checked_on: '2025-11-03', result: 'ok', inspector: '王' }), 201);
  ok(await c.sv_off1.post('/api/building-checks', { building_id: ids.bld, kind: 'safety', checked_on: '2025-11-01', result: 'issues', findings: '消防通道堆物', follow_up: '限期清理' }), 201);
  const st = ok(await c.sv_off1.get('/api/building-checks/status?as_of=2025-11-10')).items[0];
  assert.equal(st.checks.disinfection.due_on, '2025-11-10');
  assert.equal(st.checks.disinfection.overdue, false);
  assert.equal(st.checks.screening.overdue, true);     // never screened
  assert.equal(st.checks.safety.overdue, false);
  assert.equal(st.open_issues, 1);
  const late = ok(await c.sv_off1.get('/api/building-checks/status?as_of=2025-11-11&overdue=1')).items;
  assert.equal(late.length, 1);
  assert.equal(late[0].checks.disinfection.overdue, true);
  assert.equal((await c.sv_entA.get('/api/building-checks')).status, 403);
});

test('a request: routed, due dates over 国庆 2025, reopened then confirmed with a rating', async () => {
  // Filed by the enterprise on its own behalf: org_id is its own whatever it sends.
  const filed = await c.sv_entA.post('/api/requests', { org_id: ids.orgB, category: 'labour', title: '招工难', description: '需要100名普工' });
  const r0 = ok(filed, 201);
  assert.equal(r0.org_id, ids.orgA);
  assert.equal(r0.state, 'assigned');
  assert.equal(r0.officer_id, ids.sv_off1);
  // An officer back-dates one received by phone on 2025-09-30.
  const r = ok(await c.sv_off1.post('/api/requests', { org_id: ids.orgA, category: 'logistics', title: '物流通行证', description: '办理货车通行证', received_on: '2025-09-30' }), 201);
  assert.deepEqual([r.due_start, r.due_answer, r.due_resolve], ['2025-10-09', '2025-10-11', '2025-10-28']);
  const cx = ok(await c.sv_off1.post('/api/requests', { org_id: ids.orgA, category: 'finance', title: '贷款', description: '贴息', complex: true, received_on: '2025-09-30' }), 201);
  assert.equal(cx.due_resolve, '2025-11-18');
  ids.req = r.id;
  const act = (who, body) => c[who].post(`/api/requests/${r.id}/actions`, body);
  // The enterprise cannot resolve; nobody confirms before resolution.
  assert.equal((await act('sv_entA', { action: 'resolve', resolution: 'x' })).status, 403);
  expectFields(await act('sv_entA', { action: 'confirm', satisfaction: 5 }), 'action');
  expectFields(await act('sv_off1', { action: 'start', on: '2025-09-01' }), 'on');
  ok(await act('sv_off1', { action: 'start', on: '2025-10-09' }));
  ok(await act('sv_off1', { action: 'answer', on: '2025-10-10', note: '已对接交警' }));
  expectFields(await act('sv_off1', { action: 'resolve' }), 'resolution');
  ok(await act('sv_off1', { action: 'resolve', on: '2025-10-20', resolution: '通行证已办结' }));
  expectFields(await act('sv_entA', { action: 'reopen' }), 'note');
  const re = ok(await act('sv_entA', { action: 'reopen', on: '2025-10-22', note: '只办了一辆车' }));
  assert.equal(re.state, 'reopened');
  assert.equal(re.reopen_count, 1);
  assert.equal(re.resolved_on, null);
  assert.equal(re.due_resolve, '2025-11-12');   // 15 working days from 10-22
  ok(await act('sv_off1', { action: 'resolve', on: '2025-10-30', resolution: '三辆车全部办结' }));
  expectFields(await act('sv_entA', { action: 'confirm', satisfaction: 6 }), 'satisfaction');
  const done = ok(await act('sv_entA', { action: 'confirm', on: '2025-10-31', satisfaction: 4 }));
  assert.equal(done.state, 'confirmed');
  assert.equal(done.satisfaction, 4);
  assert.deepEqual(done.events.map((e) => e.action),
    ['file', 'assign', 'start', 'answer', 'resolve', 'reopen', 'resolve', 'confirm']);
  assert.deepEqual(done.events.map((e) => e.to_state),
    ['received', 'assigned', 'in_progress', 'in_progress', 'resolved', 'reopened', 'resolved', 'confirmed']);
  expectFields(await act('sv_off1', { action: 'comment', note: '晚了' }), 'action');
  const h = ok(await c.admin.get(`/api/requests/${r.id}/history`)).items;
  assert.ok(h.length >= 8);
});

test('requests are isolated between enterprises, officers and zones', async () => {
  const b = ok(await c.sv_entB.post('/api/requests', { category: 'policy', title: '政策咨询', description: '研发费用加计扣除' }), 201);
  assert.equal(b.state, 'received');          // nobody answers for 乙 yet
  assert.equal((await c.sv_entA.get(`/api/requests/${b.id}`)).status, 403);
  assert.equal((await c.sv_entA.post(`/api/requests/${b.id}/actions`, { action: 'comment', note: 'x' })).status, 403);
  const mine = ok(await c.sv_entA.get('/api/requests'));
  assert.ok(mine.items.every((q) => q.org_id === ids.orgA), JSON.stringify(mine));
  // sv_off2 answers for nothing now: sees none of them, cannot act.
  assert.equal(ok(await c.sv_off2.get('/api/requests')).total, 0);
  assert.equal((await c.sv_off2.get(`/api/requests/${ids.req}`)).status, 403);
  // The leader sees all; another zone sees nothing.
  assert.ok(ok(await c.sv_leader.get('/api/requests')).total >= 4);
  assert.equal((await c.sv_leader.post('/api/requests', { org_id: ids.orgB, category: 'other', title: 't', description: 'd' })).status, 403);
  assert.equal((await c.adminB.get(`/api/requests/${b.id}`)).status, 404);
  assert.equal(ok(await c.adminB.get('/api/requests')).total, 0);
  // An officer takes it over by assignment; then it is in their list.
  ok(await c.admin.post(`/api/requests/${b.id}/actions`, { action: 'assign', officer_id: ids.sv_off2 }));
  assert.equal(ok(await c.sv_off2.get('/api/requests')).total, 1);
  const en = await c.en.post('/api/requests', { org_id: 999999, category: 'nope', title: '', description: 'd' });
  assert.equal(en.status, 400);
  assert.match(en.json.error.fields.find((f) => f.field === 'category').message, /[a-z]/);
});

test('escalation on fixed dates goes to the officer\'s leader once', async () => {
  const q = ok(await c.sv_off1.post('/api/requests', { org_id: ids.orgA, category: 'safety', title: '应急预案', description: '协助完善应急预案', received_on: '2025-09-30' }), 201);
  const q2 = ok(await c.admin.post('/api/requests', { org_id: ids.orgB, category: 'approval', title: '审批', description: '施工许可', received_on: '2025-09-30' }), 201);
  ok(await c.admin.post(`/api/requests/${q2.id}/actions`, { action: 'assign', officer_id: ids.sv_off2, on: '2025-09-30' }));
  const none = ok(await c.admin.post('/api/requests/escalate', { as_of: '2025-10-09' }));
  assert.ok(!none.escalated.some((e) => e.id === q.id || e.id === q2.id), JSON.stringify(none));
  const run = ok(await c.admin.post('/api/requests/escalate', { as_of: '2025-10-10' }));
  const e1 = run.escalated.find((e) => e.id === q.id);
  const e2 = run.escalated.find((e) => e.id === q2.id);
  assert.equal(e1.late, 'start');
  assert.equal(e1.escalated_to, ids.sv_boss);
  assert.equal(e2.escalated_to, ids.sv_leader);   // no leader of their own: the zone's first
  const again = ok(await c.admin.post('/api/requests/escalate', { as_of: '2025-10-10' }));
  assert.ok(!again.escalated.some((e) => e.id === q.id));
  const got = ok(await c.sv_off1.get(`/api/requests/${q.id}`));
  assert.equal(got.escalated_on, '2025-10-10');
  assert.equal(got.escalated_to_name, 'sv_boss');
  assert.equal(got.events.at(-1).action, 'escalate');
  const late = ok(await c.admin.get('/api/requests?overdue=1&as_of=2025-10-10'));
  assert.ok(late.items.some((i) => i.id === q.id && i.late === 'start'));
  expectFields(await c.admin.post('/api/requests/escalate', { as_of: '2999-01-01' }), 'as_of');
  assert.equal((await c.sv_off1.post('/api/requests/escalate', {})).status, 403);
});

test('limits per category change the due dates; only managers change them', async () => {
  const l = ok(await c.sv_off1.get('/api/request-limits')).items;
  assert.equal(l.length, 8);
  assert.deepEqual(l.find((x) => x.category === 'labour'), { category: 'labour', label: '用工', start: 1, answer: 3, resolve: 15, complex: 30 });
  assert.equal((await c.sv_off1.put('/api/request-limits', { items: [] })).status, 403);
  expectFields(await c.admin.put('/api/request-limits', { items: [{ category: 'epidemic', start: 2, answer: 1, resolve: 5, complex: 9 }] }), 'items[0].resolve');
  ok(await c.admin.put('/api/request-limits', { items: [{ category: 'epidemic', start: 0, answer: 1, resolve: 2, complex: 5 }] }));
  const q = ok(await c.sv_off1.post('/api/requests', { org_id: ids.orgA, category: 'epidemic', title: '防疫物资', description: '口罩', received_on: '2025-11-14' }), 201);
  assert.deepEqual([q.due_start, q.due_answer, q.due_resolve], ['2025-11-14', '2025-11-17', '2025-11-18']);
});

test('attachments: type checked, visible to the enterprise and its officer only', async () => {
  const pdf = Buffer.from('%PDF-1.4\n% test\n');
  const up = await c.sv_entA.req('POST', `/api/requests/${ids.req}/files?filename=${encodeURIComponent('通行证.pdf')}`, pdf,
    { headers: { 'Content-Type': 'application/octet-stream' } });
  const f = ok(up, 201);
  const bad = await c.sv_entA.req('POST', `/api/requests/${ids.req}/files?filename=x.pdf`, Buffer.from('not a pdf'),
    { headers: { 'Content-Type': 'application/octet-stream' } });
  expectFields(bad, 'file');
  const dl = await c.sv_off1.get(`/api/request-files/${f.id}`);
  assert.equal(dl.status, 200);
  assert.equal(dl.headers.get('content-type'), 'application/pdf');
  assert.equal((await c.sv_entB.get(`/api/request-files/${f.id}`)).status, 403);
  assert.equal((await c.sv_off2.get(`/api/request-files/${f.id}`)).status, 403);
});

test('the service report as of a day, and its workbook', async () => {
  const rep = ok(await c.sv_leader.get('/api/reports/service?as_of=2025-10-31&from=2025-09-01'));
  // Received up to 10-31: the three of 09-30 and the approval case; one resolved
  // (10-30, 20 working days … counted from 09-30), confirmed with 4.
  assert.equal(rep.requests.received, 4, JSON.stringify(rep.requests));
  assert.equal(rep.requests.resolved, 1);
  assert.equal(rep.requests.confirmed, 1);
  assert.equal(rep.requests.satisfaction, 4);
  assert.equal(rep.requests.open, 3);
  assert.equal(rep.requests.overdue, 3);
  assert.equal(rep.requests.escalated, 3, JSON.stringify(rep.requests));   // the loan case was never started either
  assert.equal(rep.requests.avg_resolve_workdays, 17);
  const off1 = rep.by_officer.find((o) => o.officer_name === 'sv_off1');
  assert.equal(off1.received, 3);
  assert.equal(rep.by_category.find((x) => x.category === 'logistics').resolved, 1);
  assert.equal(rep.checks.buildings, 1);
  assert.equal(rep.checks.by_kind.length, 3);
  const x = await c.sv_leader.get('/api/reports/service.xlsx?as_of=2025-10-31');
  assert.equal(x.status, 200);
  assert.match(x.headers.get('content-type'), /spreadsheetml/);
  assert.equal((await c.sv_entA.get('/api/reports/service')).status, 403);
  expectFields(await c.sv_leader.get('/api/reports/service?as_of=2025-13-01'), 'as_of');
});

test('CLI: report service in every format, service escalate, bad input', async () => {
  const t = await srv.cli(['report', 'service', '--zone', 'za', '--as-of', '2025-10-31', '--from', '2025-09-01']);
  assert.equal(t.code, 0, t.stderr);
  assert.match(t.stdout, /^截至2025-10-31，受理企业诉求4件，已办结1件，未办结3件（逾期3件，已上报3件）；平均办结用时17.0个工作日，企业满意度4.0（1件评价）$/m);
  assert.match(t.stdout, /sv_off1/);
  const j = await srv.cli(['report', 'service', '--zone', 'za', '--as-of', '2025-10-31', '--from', '2025-09-01', '--format', 'json']);
  const api = ok(await c.sv_leader.get('/api/reports/service?as_of=2025-10-31&from=2025-09-01'));
  assert.deepEqual(JSON.parse(j.stdout).requests, api.requests);
  const csv = await srv.cli(['report', 'service', '--zone', 'za', '--format', 'csv']);
  assert.equal(csv.code, 0, csv.stderr);
  assert.match(csv.stdout, /^\uFEFF服务专员,受理,未办结/);
  const bad = await srv.cli(['report', 'service', '--zone', 'za', '--as-of', '2025-02-30']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--as-of/);
  const x = await srv.cli(['report', 'service', '--zone', 'za', '--format', 'xlsx']);
  assert.equal(x.code, 2);
  assert.match(x.stderr, /--out/);
  const e = await srv.cli(['service', 'escalate', '--zone', 'za', '--as-of', '2025-11-20']);
  assert.equal(e.code, 0, e.stderr);
  assert.match(e.stdout, /request\(s\) escalated as of 2025-11-20/);
  assert.equal((await srv.cli(['service', 'nope'])).code, 2);
});

test('one thread: an enterprise shows the lead it came from, its project and its cases', async () => {
  const p = ok(await c.admin.post('/api/projects', {
    code: 'SV-1', name: '甲科技二期', level: 'district', park_id: ids.park, total_investment: 20000, owner_org_id: ids.orgA,
  }), 201);
  const l = ok(await c.admin.post('/api/leads', { code: 'L-SV-1', project_name: '甲科技二期', enterprise_org_id: ids.orgA, project_id: p.id }), 201);
  const th = ok(await c.admin.get(`/api/orgs/${ids.orgA}/thread`));
  assert.deepEqual(th.leads.map((x) => x.id), [l.id]);
  assert.deepEqual(th.projects.map((x) => x.code), ['SV-1']);
  assert.deepEqual(th.acceptance_cases, []);
  ok(await c.admin.post('/api/mujun/figures', { org_id: ids.orgA, year: 2025, land_mu: 30, tax: 900, added_value: 3000,
    revenue: 9000, energy: 900, emissions: 30, rd_spend: 300, employees: 120 }), 201);
  const th2 = ok(await c.admin.get(`/api/orgs/${ids.orgA}/thread`));
  assert.deepEqual(th2.mujun.map((y) => y.year), [2025]);
  assert.ok(['A', 'B', 'C', 'D'].includes(th2.mujun[0].row.class), JSON.stringify(th2.mujun[0].row));
  // The enterprise reads its own thread without the leads (no lead.read); not another's.
  const own = ok(await c.sv_entA.get(`/api/orgs/${ids.orgA}/thread`));
  assert.equal(own.leads, undefined);
  assert.deepEqual(own.mujun.map((y) => y.year), [2025]);
  assert.equal(ok(await c.sv_off1.get(`/api/orgs/${ids.orgA}/thread`)).mujun.length, 1);
  assert.deepEqual(own.projects.map((x) => x.code), ['SV-1']);
  assert.equal((await c.sv_entB.get(`/api/orgs/${ids.orgA}/thread`)).status, 403);
  assert.equal((await c.adminB.get(`/api/orgs/${ids.orgA}/thread`)).status, 404);
});
