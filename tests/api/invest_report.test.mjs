// The investment report (招商引资报表) and event summaries on fixtures whose
// figures are computed by hand: event totals in 亿元 by chain, the funnel,
// negotiations per month against invest.monthly_target, signed investment by
// chain, region and office (each lead once), the cadence (ISO weeks across a
// year end and week 53, months without events, quarters without a signing),
// the stalled count, permissions and zone isolation.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loginAs, Client } from '../lib/server.mjs';

const cnToday = () => new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 10);

let srv;
let admin; let leader; let adminB; let adminC; let adminD;
const chain = {}; const region = {}; const office = {};
const L = {}; const E = {};

function assertValidation(r, ...fieldNames) {
  assert.equal(r.status, 400, `expected 400, got ${r.status}: ${r.text}`);
  assert.equal(r.json?.error?.code, 'validation', r.text);
  const got = (r.json.error.fields || []).map((f) => f.field);
  for (const f of fieldNames) assert.ok(got.includes(f), `fields should name ${f}: ${r.text}`);
}
function assertStatus(r, status, code, what = '') {
  assert.equal(r.status, status, `${what} expected ${status}, got ${r.status}: ${r.text}`);
  if (code) assert.equal(r.json?.error?.code, code, r.text);
}
async function ok(r, status = 201) {
  r = await r;
  assert.equal(r.status, status, r.text);
  return r.json;
}
const byName = (list, key = 'name') => [...list].sort((a, b) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0));
const report = (c, from, to) => c.get(`/api/reports/investment?from=${from}&to=${to}`);

before(async () => {
  srv = await startServer();
  for (const [code, name] of [['zc', '丙区'], ['zd', '丁区']]) {
    const r = await srv.cli(['zone', 'add', '--code', code, '--name', name]);
    assert.equal(r.code, 0, r.stderr);
  }
  await srv.addUser('za', 'ir_admin', 'admin');
  await srv.addUser('za', 'ir_leader', 'leader');
  await srv.addUser('zb', 'ir_admin_b', 'admin');
  await srv.addUser('zc', 'ir_admin_c', 'admin');
  await srv.addUser('zd', 'ir_admin_d', 'admin');
  for (const [u, role] of [['ir_proj', 'project_officer'], ['ir_appr', 'approval_officer'], ['ir_svc', 'service_officer'],
    ['ir_dept', 'dept_reviewer']]) await srv.addUser('za', u, role);
  admin = await loginAs(srv.url, 'ir_admin');
  leader = await loginAs(srv.url, 'ir_leader');
  adminB = await loginAs(srv.url, 'ir_admin_b');
  adminC = await loginAs(srv.url, 'ir_admin_c');
  adminD = await loginAs(srv.url, 'ir_admin_d');
  for (const c of (await admin.get('/api/chains?limit=200')).json.items) chain[c.name] = c.id;
  for (const r of (await admin.get('/api/source-regions?limit=200')).json.items) region[r.name] = r.id;
  for (const name of ['上海联络处', '深圳联络处']) office[name] = (await ok(admin.post('/api/liaison-offices', { name }))).id;

  // ---- zone za, the year 2021 ------------------------------------------
  const IT = chain['新一代信息技术']; const EQ = chain['高端装备']; const MAT = chain['新材料'];
  const lead = async (k, body) => { L[k] = await ok(admin.post('/api/leads', { code: k, project_name: `项目${k}`, ...body })); };
  const move = (k, stage, date, extra = {}) => ok(admin.post(`/api/leads/${L[k].id}/stages`, { stage, date, ...extra }));
  const event = async (k, body) => { E[k] = await ok(admin.post('/api/signing-events', body)); };
  const sign = (e, ks) => ok(admin.post(`/api/signing-events/${E[e].id}/leads`, { lead_ids: ks.map((k) => L[k].id) }), 200);

  await lead('L1', { planned_investment: 12000, chain_id: IT, region_id: region['长三角'], office_id: office['上海联络处'], stage_date: '2021-01-05' });
  await lead('L2', { planned_investment: 8500, chain_id: EQ, region_id: region['粤港澳大湾区'], office_id: office['深圳联络处'], stage_date: '2021-01-08' });
  await lead('L3', { planned_investment: 40500, chain_id: IT, region_id: region['长三角'], office_id: office['上海联络处'], stage_date: '2021-02-10' });
  await lead('L4', { planned_investment: 30000, chain_id: MAT, region_id: region['境外'], office_id: office['深圳联络处'], stage_date: '2021-03-01' });
  await lead('L5', { planned_investment: 6000, chain_id: EQ, stage_date: '2021-01-15' });
  await lead('L6', { planned_investment: 9000, chain_id: MAT, stage_date: '2021-02-01' });
  await lead('L7', { planned_investment: 1000, stage_date: '2021-04-01' });
  await lead('L8', { planned_investment: 2000, stage_date: '2020-11-01' });
  await lead('L9', { planned_investment: 3000, stage_date: '2022-01-10' });

  await event('E1', { date: '2021-03-18', title: '2021年一季度重点项目云签约', kind: 'signing', mode: 'online' });
  await event('E2', { date: '2021-05-20', title: '二季度现场签约会', kind: 'signing', mode: 'onsite', location: '管委会' });
  await event('E3', { date: '2021-06-10', title: '深圳招商推介会', kind: 'promotion', mode: 'onsite', location: '深圳' });
  await event('E4', { date: '2021-11-05', title: '四季度集中签约', kind: 'signing', mode: 'onsite' });

  await move('L1', 'negotiating', '2021-01-20');
  await move('L2', 'negotiating', '2021-02-03');
  await move('L3', 'negotiating', '2021-02-15');
  await move('L6', 'negotiating', '2021-02-20');
  await sign('E1', ['L1', 'L2', 'L3']);
  await move('L4', 'negotiating', '2021-04-12');
  await move('L2', 'registered', '2021-04-15');
  await move('L1', 'negotiating', '2021-06-01', { reason: '投资方调整投资规模，重新洽谈' });
  await move('L5', 'negotiating', '2021-06-20');
  await move('L2', 'started', '2021-07-01');
  await move('L5', 'signed', '2021-08-15');                       // signed, but not at an event
  await move('L3', 'started', '2021-09-01');                      // skips 注册
  await move('L6', 'terminated', '2021-10-10', { reason: '项目落户外省' });
  await sign('E4', ['L1', 'L4']);                                  // L1 signed a second time
  await move('L1', 'registered', '2021-12-10');
  await move('L3', 'producing', '2022-03-01');                    // after the period
  await move('L8', 'negotiating', '2020-12-15');                  // before the period
  await ok(admin.post(`/api/leads/${L.L5.id}/contacts`, { channel: 'visit', date: '2021-12-01', summary: '走访企业' }));
});
after(async () => { await srv?.stop(); });

describe('event summary', () => {
  test('three leads 12000 + 8500 + 40500 万元 = 6.1 亿元, by chain', async () => {
    const r = await admin.get(`/api/signing-events/${E.E1.id}/summary`);
    assert.equal(r.status, 200, r.text);
    const s = r.json;
    assert.equal(s.event.id, E.E1.id);
    assert.equal(s.event.title, '2021年一季度重点项目云签约');
    assert.equal(s.count, 3);
    assert.deepEqual(s.leads.map((l) => l.code).sort(), ['L1', 'L2', 'L3']);
    assert.equal(s.total_investment, 61000);
    assert.equal(s.total_yi, 6.1);
    assert.deepEqual(byName(s.by_chain, 'chain'), [
      { chain: '新一代信息技术', count: 2, investment: 52500, investment_yi: 5.3 },   // 5.25 → 5.3 (half up)
      { chain: '高端装备', count: 1, investment: 8500, investment_yi: 0.9 },          // 0.85 → 0.9
    ].sort((a, b) => (a.chain < b.chain ? -1 : 1)));
    // L1 signed again at E4: both events list it
    const s4 = (await admin.get(`/api/signing-events/${E.E4.id}/summary`)).json;
    assert.deepEqual([s4.count, s4.total_investment, s4.total_yi], [2, 42000, 4.2]);
    const s2 = (await admin.get(`/api/signing-events/${E.E2.id}/summary`)).json;
    assert.deepEqual([s2.count, s2.total_investment, s2.total_yi, s2.by_chain], [0, 0, 0, []]);
    // leads by event
    const l = await admin.get(`/api/leads?event_id=${E.E1.id}&sort=code`);
    assert.deepEqual(l.json.items.map((x) => x.code), ['L1', 'L2', 'L3']);
    // leader reads it
    assert.equal((await leader.get(`/api/signing-events/${E.E1.id}/summary`)).json.total_yi, 6.1);
  });
});

describe('the report for 2021', () => {
  let rep;
  before(async () => {
    const r = await report(admin, '2021-01-01', '2021-12-31');
    assert.equal(r.status, 200, r.text);
    rep = r.json;
  });

  test('period and funnel: entered (moves in the period) and current (as of to)', () => {
    assert.equal(rep.from, '2021-01-01');
    assert.equal(rep.to, '2021-12-31');
    const f = Object.fromEntries(rep.funnel.map((x) => [x.stage, [x.entered, x.current]]));
    assert.deepEqual(rep.funnel.map((x) => x.stage),
      ['clue', 'negotiating', 'signed', 'registered', 'started', 'producing', 'terminated']);
    assert.deepEqual(rep.funnel.map((x) => x.label), ['线索', '洽谈', '签约', '注册', '开工', '投产', '终止']);
    // entered: clue L1–L7 (L8 2020, L9 2022 outside); negotiating L1 twice, L2 L3 L4 L5 L6;
    // signed L1 twice, L2 L3 L4 L5; registered L2 L1; started L2 L3; producing none (L3 2022); terminated L6
    // current at 2021-12-31: L7 clue, L8 negotiating, L4 L5 signed, L1 registered, L2 L3 started, L6 terminated
    assert.deepEqual(f, {
      clue: [7, 1], negotiating: [7, 1], signed: [6, 2], registered: [2, 1], started: [2, 2], producing: [0, 0],
      terminated: [1, 1],
    });
  });

  test('monthly negotiations against the default target 30', () => {
    assert.equal(rep.monthly_target, 30);
    assert.deepEqual(rep.monthly.map((m) => m.month),
      ['2021-01', '2021-02', '2021-03', '2021-04', '2021-05', '2021-06', '2021-07', '2021-08', '2021-09', '2021-10', '2021-11', '2021-12']);
    assert.deepEqual(rep.monthly.map((m) => m.negotiations), [1, 3, 0, 1, 0, 2, 0, 0, 0, 0, 0, 0]);
    assert.ok(rep.monthly.every((m) => m.target === 30 && m.met === false));
  });

  test('signed in the period: five distinct leads (L1 signed twice counts once), by chain, region and office', () => {
    const s = rep.signed;
    assert.equal(s.count, 5);
    assert.equal(s.investment, 97000);          // 12000 + 8500 + 40500 + 30000 + 6000
    assert.equal(s.investment_yi, 9.7);
    assert.deepEqual(byName(s.by_chain), byName([
      { name: '新一代信息技术', count: 2, investment: 52500, investment_yi: 5.3 },
      { name: '高端装备', count: 2, investment: 14500, investment_yi: 1.5 },    // 1.45 → 1.5
      { name: '新材料', count: 1, investment: 30000, investment_yi: 3 },
    ]));
    assert.deepEqual(byName(s.by_region), byName([
      { name: '长三角', count: 2, investment: 52500, investment_yi: 5.3 },
      { name: '粤港澳大湾区', count: 1, investment: 8500, investment_yi: 0.9 },
      { name: '境外', count: 1, investment: 30000, investment_yi: 3 },
      { name: '（未填）', count: 1, investment: 6000, investment_yi: 0.6 },
    ]));
    assert.deepEqual(byName(s.by_office), byName([
      { name: '上海联络处', count: 2, investment: 52500, investment_yi: 5.3 },
      { name: '深圳联络处', count: 2, investment: 38500, investment_yi: 3.9 },   // 3.85 → 3.9
      { name: '（未填）', count: 1, investment: 6000, investment_yi: 0.6 },
    ]));
    for (const k of ['by_chain', 'by_region', 'by_office']) {
      assert.equal(s[k].reduce((a, g) => a + g.count, 0), 5, k);
      assert.equal(s[k].reduce((a, g) => a + g.investment, 0), 97000, k);
    }
  });

  test('events of the period with their totals', () => {
    assert.deepEqual(rep.events.map((e) => [e.id, e.date, e.kind, e.mode, e.signed]), [
      [E.E1.id, '2021-03-18', 'signing', 'online', 3],
      [E.E2.id, '2021-05-20', 'signing', 'onsite', 0],
      [E.E3.id, '2021-06-10', 'promotion', 'onsite', 0],
      [E.E4.id, '2021-11-05', 'signing', 'onsite', 2],
    ]);
    const e1 = rep.events[0];
    assert.equal(e1.title, '2021年一季度重点项目云签约');
    assert.deepEqual([e1.total_investment, e1.total_yi], [61000, 6.1]);
    assert.deepEqual(e1.by_chain.map((g) => [g.chain, g.count, g.investment, g.investment_yi]).sort(),
      [['新一代信息技术', 2, 52500, 5.3], ['高端装备', 1, 8500, 0.9]].sort());
    assert.deepEqual([rep.events[3].total_investment, rep.events[3].total_yi], [42000, 4.2]);
    assert.deepEqual([rep.events[1].total_investment, rep.events[1].total_yi], [0, 0]);
  });

  test('cadence: months without an event, quarters without a signing (an event that signed nobody does not count)', () => {
    const c = rep.cadence;
    const M = (m, end) => ({ year: 2021, month: m, start: `2021-${String(m).padStart(2, '0')}-01`, end });
    assert.deepEqual(c.months_without_event, [
      M(1, '2021-01-31'), M(2, '2021-02-28'), M(4, '2021-04-30'), M(7, '2021-07-31'), M(8, '2021-08-31'),
      M(9, '2021-09-30'), M(10, '2021-10-31'), M(12, '2021-12-31'),
    ]);
    // Q2: E2 signed nobody, E3 is a promotion; Q3: L5 signed without an event
    assert.deepEqual(c.quarters_without_signing, [
      { year: 2021, quarter: 2, start: '2021-04-01', end: '2021-06-30' },
      { year: 2021, quarter: 3, start: '2021-07-01', end: '2021-09-30' },
    ]);
    // no highlights in za: every ISO week that ended in 2021 — 2020-W53 (ends 2021-01-03) to 2021-W51;
    // 2021-W52 ends 2022-01-02, after the period
    const w = c.weeks_without_highlight;
    assert.equal(w.length, 52);
    assert.deepEqual(w[0], { year: 2020, week: 53, start: '2020-12-28', end: '2021-01-03' });
    assert.deepEqual(w[1], { year: 2021, week: 1, start: '2021-01-04', end: '2021-01-10' });
    assert.deepEqual(w.at(-1), { year: 2021, week: 51, start: '2021-12-20', end: '2021-12-26' });
  });

  test('stalled as of the period\'s end: signed..started, no move or contact for 90 days', () => {
    // L2 started 2021-07-01, L3 started 2021-09-01: stalled; L1 registered 12-10, L4 signed 11-05: recent;
    // L5 signed 08-15 but visited 12-01: not stalled
    assert.equal(rep.stalled, 2);
  });

  test('invest.monthly_target decides met', async () => {
    assert.equal((await admin.put('/api/settings', { 'invest.monthly_target': 2 })).status, 200);
    try {
      const r = (await report(admin, '2021-01-01', '2021-06-30')).json;
      assert.equal(r.monthly_target, 2);
      assert.deepEqual(r.monthly.map((m) => [m.month, m.negotiations, m.target, m.met]), [
        ['2021-01', 1, 2, false], ['2021-02', 3, 2, true], ['2021-03', 0, 2, false],
        ['2021-04', 1, 2, false], ['2021-05', 0, 2, false], ['2021-06', 2, 2, true],
      ]);
      // the leader reads the same figures; zb's target is its own
      assert.deepEqual((await report(leader, '2021-01-01', '2021-06-30')).json.monthly, r.monthly);
      assert.equal((await report(adminB, '2021-01-01', '2021-06-30')).json.monthly_target, 30);
    } finally {
      assert.equal((await admin.put('/api/settings', { 'invest.monthly_target': 30 })).status, 200);
    }
  });

  test('a shorter period: funnel, signed and events of Q1 only', async () => {
    const r = (await report(admin, '2021-01-01', '2021-03-31')).json;
    const f = Object.fromEntries(r.funnel.map((x) => [x.stage, [x.entered, x.current]]));
    // as of 03-31: L1 L2 L3 signed; L4 L5 L6? L4 clue (03-01), L5 clue, L6 negotiating; L7 L9 not yet; L8 negotiating
    assert.deepEqual(f, {
      clue: [6, 2], negotiating: [4, 2], signed: [3, 3], registered: [0, 0], started: [0, 0], producing: [0, 0],
      terminated: [0, 0],
    });
    assert.deepEqual([r.signed.count, r.signed.investment, r.signed.investment_yi], [3, 61000, 6.1]);
    assert.deepEqual(r.events.map((e) => e.id), [E.E1.id]);
    assert.deepEqual(r.cadence.quarters_without_signing, []);
    assert.deepEqual(r.cadence.months_without_event.map((m) => m.month), [1, 2]);
    assert.equal(r.monthly.length, 3);
  });
});

describe('cadence across a year end and ISO week 53 (zone zc, 2020-12-01 .. 2021-01-31)', () => {
  test('weeks without a highlight, months without an event, the quarter that ended', async () => {
    for (const [date, title] of [['2020-12-02', '首个亮点'], ['2020-12-15', '项目集中开工'], ['2021-01-02', '元旦签约'],
      ['2021-01-20', '新春招商']]) await ok(adminC.post('/api/highlights', { date, title }));
    await ok(adminC.post('/api/signing-events', { date: '2021-01-15', title: '新春推介会', kind: 'promotion', mode: 'online' }));
    const r = await report(adminC, '2020-12-01', '2021-01-31');
    assert.equal(r.status, 200, r.text);
    const c = r.json.cadence;
    // weeks that ended in the period: 2020-W49 (11-30..12-06) … 2020-W53 (12-28..01-03), 2021-W1 … W4 (01-25..01-31);
    // highlights in W49, W51, W53 (on 2021-01-02) and 2021-W3
    assert.deepEqual(c.weeks_without_highlight, [
      { year: 2020, week: 50, start: '2020-12-07', end: '2020-12-13' },
      { year: 2020, week: 52, start: '2020-12-21', end: '2020-12-27' },
      { year: 2021, week: 1, start: '2021-01-04', end: '2021-01-10' },
      { year: 2021, week: 2, start: '2021-01-11', end: '2021-01-17' },
      { year: 2021, week: 4, start: '2021-01-25', end: '2021-01-31' },
    ]);
    assert.deepEqual(c.months_without_event, [{ year: 2020, month: 12, start: '2020-12-01', end: '2020-12-31' }]);
    // 2020-Q4 ended inside the period without a signing; 2021-Q1 has not ended by 01-31
    assert.deepEqual(c.quarters_without_signing, [{ year: 2020, quarter: 4, start: '2020-10-01', end: '2020-12-31' }]);
    assert.deepEqual(r.json.monthly.map((m) => m.month), ['2020-12', '2021-01']);
    assert.deepEqual(r.json.events.map((e) => e.title), ['新春推介会']);

    // W53 of 2020 holds the highlight dated 2021-01-02; the week after has none
    const r2 = (await report(adminC, '2020-12-28', '2021-01-10')).json.cadence;
    assert.deepEqual(r2.weeks_without_highlight, [{ year: 2021, week: 1, start: '2021-01-04', end: '2021-01-10' }]);
    assert.deepEqual(r2.months_without_event, [{ year: 2020, month: 12, start: '2020-12-01', end: '2020-12-31' }]);
    // a period ending mid-week and mid-month: only units that ended inside
    const r3 = (await report(adminC, '2021-01-05', '2021-01-30')).json.cadence;
    // W1 (01-04..01-10) began before the period but ended inside it; W4 ends 01-31, after it
    assert.deepEqual(r3.weeks_without_highlight.map((w) => [w.year, w.week]), [[2021, 1], [2021, 2]]);
    assert.deepEqual(r3.months_without_event, []);
    assert.deepEqual(r3.quarters_without_signing, []);
  });

  test('a unit that began before the period is judged on all its days (zone zd)', async () => {
    // 2020-Q4 had a signing on 2020-10-15; the week 2020-11-30..12-06 had a highlight on 11-30;
    // both units end inside 2020-12-01 .. 2020-12-31 and must not be reported as gaps.
    const l = await ok(adminD.post('/api/leads', { code: 'D-1', project_name: '十月签约项目', stage: 'negotiating', stage_date: '2020-10-01' }));
    const ev = await ok(adminD.post('/api/signing-events', { date: '2020-10-15', title: '十月签约', kind: 'signing', mode: 'onsite' }));
    await ok(adminD.post(`/api/signing-events/${ev.id}/leads`, { lead_ids: [l.id] }), 200);
    await ok(adminD.post('/api/highlights', { date: '2020-11-30', title: '周一亮点' }));
    for (const d of ['2020-12-09', '2020-12-16', '2020-12-23', '2020-12-30']) await ok(adminD.post('/api/highlights', { date: d, title: `亮点${d}` }));
    await ok(adminD.post('/api/signing-events', { date: '2020-12-10', title: '十二月推介', kind: 'promotion', mode: 'online' }));
    const c = (await report(adminD, '2020-12-01', '2020-12-31')).json.cadence;
    assert.deepEqual(
      { quarters_without_signing: c.quarters_without_signing, weeks_without_highlight: c.weeks_without_highlight },
      { quarters_without_signing: [], weeks_without_highlight: [] },
      '2020-Q4 had a signing on 2020-10-15 and 2020-W49 a highlight on 2020-11-30',
    );
  });
});

describe('report parameters', () => {
  test('defaults to January 1 .. today; to ≥ from; at most three years; dates checked', async () => {
    const today = cnToday();
    const d = await admin.get('/api/reports/investment');
    assert.equal(d.status, 200, d.text);
    assert.deepEqual([d.json.from, d.json.to], [`${today.slice(0, 4)}-01-01`, today]);
    assertValidation(await admin.get('/api/reports/investment?from=2021-13-01&to=2021-12-31'), 'from');
    assertValidation(await admin.get('/api/reports/investment?from=2021-01-01&to=20211231'), 'to');
    assertValidation(await report(admin, '2021-12-31', '2021-01-01'), 'to');
    assertValidation(await report(admin, '2018-01-01', '2021-12-31'), 'to');
    assert.equal((await report(admin, '2019-01-01', '2021-12-31')).status, 200);
    const one = await report(admin, '2021-03-18', '2021-03-18');
    assert.equal(one.status, 200, one.text);
    assert.deepEqual(one.json.monthly.map((m) => m.month), ['2021-03']);
    assert.equal(one.json.signed.count, 3);
  });
});

describe('permissions and zones', () => {
  test('leader reads; roles without lead.read get 403; the leader writes nothing', async () => {
    for (const p of ['/api/leads', `/api/leads/${L.L1.id}`, `/api/leads/${L.L1.id}/stages`, '/api/signing-events',
      `/api/signing-events/${E.E1.id}/summary`, '/api/highlights', '/api/liaison-offices', '/api/source-regions',
      '/api/reports/investment?from=2021-01-01&to=2021-12-31', '/api/contacts/due?all=1']) {
      const r = await leader.get(p);
      assert.equal(r.status, 200, `leader GET ${p}: ${r.text}`);
    }
    const write = [
      ['POST', '/api/leads', { code: 'X', project_name: 'x' }],
      ['PUT', `/api/leads/${L.L7.id}`, { code: 'L7', project_name: 'x' }],
      ['POST', `/api/leads/${L.L7.id}/stages`, { stage: 'negotiating', date: '2021-05-01' }],
      ['POST', `/api/leads/${L.L7.id}/contacts`, { channel: 'phone', date: '2021-05-01', summary: 'x' }],
      ['POST', '/api/signing-events', { date: '2021-05-01', title: 'x', kind: 'signing', mode: 'online' }],
      ['PUT', `/api/signing-events/${E.E2.id}`, { date: '2021-05-20', title: 'x', kind: 'signing', mode: 'online' }],
      ['DELETE', `/api/signing-events/${E.E3.id}`],
      ['POST', `/api/signing-events/${E.E2.id}/leads`, { lead_ids: [L.L7.id] }],
      ['POST', '/api/highlights', { date: '2021-05-01', title: 'x' }],
      ['POST', '/api/liaison-offices', { name: '领导联络处' }],
      ['POST', '/api/source-regions', { name: '领导区域' }],
    ];
    for (const [m, p, b] of write) assertStatus(await leader.req(m, p, b), 403, 'forbidden', `leader ${m} ${p}`);
    assert.equal((await admin.get(`/api/leads/${L.L7.id}`)).json.stage, 'clue');

    const org = await ok(admin.post('/api/orgs', { name: '报表测试企业', kind: 'enterprise' }));
    await srv.addUser('za', 'ir_ent', 'enterprise_user', 'secret-pass-1', ['--org', String(org.id)]);
    for (const u of ['ir_proj', 'ir_ent', 'ir_appr', 'ir_svc', 'ir_dept']) {
      const c = await loginAs(srv.url, u);
      for (const p of ['/api/leads', `/api/leads/${L.L1.id}`, '/api/reports/investment', '/api/signing-events',
        `/api/signing-events/${E.E1.id}/summary`, '/api/contacts/due', '/api/highlights']) {
        assertStatus(await c.get(p), 403, 'forbidden', `${u} GET ${p}`);
      }
      assertStatus(await c.post('/api/leads', { code: 'X', project_name: 'x' }), 403, 'forbidden', `${u} POST /api/leads`);
    }
    const anon = await fetch(`${srv.url}/api/leads`);
    assert.equal(anon.status, 401);
    const anonRep = await fetch(`${srv.url}/api/reports/investment`);
    assert.equal(anonRep.status, 401);
  });

  test('another zone\'s lead or event id answers 404; its report sees nothing of za', async () => {
    const b = adminB;
    const lid = L.L7.id; const eid = E.E2.id;
    assertStatus(await b.get(`/api/leads/${lid}`), 404, 'not_found');
    assertStatus(await b.put(`/api/leads/${lid}`, { code: 'L7', project_name: '乙区改' }), 404, 'not_found');
    assertStatus(await b.post(`/api/leads/${lid}/stages`, { stage: 'negotiating', date: '2021-05-01' }), 404, 'not_found');
    for (const p of [`/api/signing-events/${eid}`, `/api/signing-events/${eid}/summary`, `/api/signing-events/${eid}/history`]) {
      assertStatus(await b.get(p), 404, 'not_found', p);
    }
    assertStatus(await b.put(`/api/signing-events/${eid}`, { date: '2021-05-20', title: 'x', kind: 'signing', mode: 'online' }), 404, 'not_found');
    assertStatus(await b.del(`/api/signing-events/${eid}`), 404, 'not_found');
    assertStatus(await b.post(`/api/signing-events/${eid}/leads`, { lead_ids: [lid] }), 404, 'not_found');
    // za's leads cannot be signed at zb's event
    const evB = await ok(b.post('/api/signing-events', { date: '2021-05-21', title: '乙区签约', kind: 'signing', mode: 'online' }));
    assertValidation(await b.post(`/api/signing-events/${evB.id}/leads`, { lead_ids: [lid] }), 'lead_ids[0]');
    assert.equal((await admin.get(`/api/leads/${lid}`)).json.stage, 'clue');
    // zb's lists and report hold nothing of za
    assert.equal((await b.get('/api/leads')).json.total, 0);
    assert.deepEqual((await b.get(`/api/leads?event_id=${E.E1.id}`)).json.items, []);
    assert.ok(!(await b.get('/api/signing-events?limit=200')).json.items.some((e) => Object.values(E).some((x) => x.id === e.id)));
    const rb = (await report(b, '2021-01-01', '2021-12-31')).json;
    assert.ok(rb.funnel.every((x) => x.entered === 0 && x.current === 0), JSON.stringify(rb.funnel));
    assert.deepEqual([rb.signed.count, rb.signed.investment, rb.stalled], [0, 0, 0]);
    assert.deepEqual(rb.events.map((e) => e.id), [evB.id]);
    assert.ok(rb.monthly.every((m) => m.negotiations === 0));
    // and za's report is unchanged by zb's event
    assert.equal((await report(admin, '2021-05-01', '2021-05-31')).json.events.length, 1);
  });
});

test('the report as xlsx, from the API and the CLI', async () => {
  const srv2 = await startServer();
  try {
    await srv2.addUser('za', 'xadmin', 'admin');
    const c = new Client(srv2.url);
    await c.login('xadmin', 'secret-pass-1');
    const r = await fetch(`${srv2.url}/api/reports/investment.xlsx?from=2025-01-01&to=2025-12-31`,
      { headers: { Cookie: `zd_session=${c.cookie}` } });
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type'), /spreadsheetml/);
    const b = new Uint8Array(await r.arrayBuffer());
    assert.equal(String.fromCharCode(b[0], b[1]), 'PK');
    const bad = await c.req('GET', '/api/reports/investment.xlsx?from=2025-02-30');
    assert.equal(bad.status, 400);
    const out = `${srv2.dir}/inv.xlsx`;
    const cli = await srv2.cli(['report', 'investment', '--zone', 'za', '--from', '2025-01-01', '--to', '2025-12-31',
      '--format', 'xlsx', '--out', out]);
    assert.equal(cli.code, 0, cli.stderr);
    const noOut = await srv2.cli(['report', 'investment', '--zone', 'za', '--from', '2025-01-01', '--to', '2025-12-31',
      '--format', 'xlsx']);
    assert.equal(noOut.code, 2);
    assert.match(noOut.stderr, /--out/);
  } finally {
    await srv2.stop();
  }
});
