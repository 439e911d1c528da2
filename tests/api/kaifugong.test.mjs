// 开复工 report (GET /api/reports/kaifugong) against hand-computed fixtures.
// 应开复工 (due): projects on the year's list as new or continuing, not archived.
// 已开复工 (started): of those, the latest event on or before as_of is a start or
// a resume. rate_percent: one decimal, half up; null when due = 0.
// Investment: planned = the year's planned_investment of every list entry;
// completed = invest_period of their reports dated Jan 1 … as_of.
// All events and reports are dated in the past (2010–2026).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loginAs } from '../lib/server.mjs';

let srv;
let admin;
const ids = {};
const P = {};

/** YYYY-MM-DD in China (UTC+8). */
const cnToday = () => new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);

function ok(r, status, what) {
  assert.equal(r.status, status, `${what}: expected ${status}, got ${r.status}: ${r.text}`);
  return r.json;
}

async function project(body) {
  return ok(await admin.post('/api/projects', body), 201, `create ${body.code}`).id;
}
async function ev(pid, kind, date, reason) {
  ok(await admin.post(`/api/projects/${pid}/events`, { kind, date, reason }), 201, `${kind} ${date}`);
}
async function rep(pid, date, invest_period, phase = 'main_structure') {
  ok(await admin.post(`/api/projects/${pid}/reports`, { date, phase, invest_period }), 201, `report ${date}`);
}
async function kfg(qs) {
  return ok(await admin.get(`/api/reports/kaifugong?${qs}`), 200, `kaifugong?${qs}`);
}

function assertValidation(r, field) {
  assert.equal(r.status, 400, `expected 400, got ${r.status}: ${r.text}`);
  assert.equal(r.json?.error?.code, 'validation', r.text);
  assert.ok(r.json.error.fields?.some((f) => f.field === field), `fields should name ${field}: ${r.text}`);
}

/** Sums of the groups equal the totals. */
function assertGroupsSum(rep_) {
  const sum = (k) => rep_.groups.reduce((s, g) => s + g[k], 0);
  assert.equal(sum('due'), rep_.due, 'groups sum to due');
  assert.equal(sum('started'), rep_.started, 'groups sum to started');
  assert.ok(Math.abs(sum('planned') - rep_.investment.planned) < 1e-6, 'groups sum to planned');
  assert.ok(Math.abs(sum('completed') - rep_.investment.completed) < 1e-6, 'groups sum to completed');
  for (const g of rep_.groups) {
    if (g.due === 0) assert.equal(g.rate_percent, null, `group ${g.key}: due 0 → null`);
    else assert.equal(g.rate_percent, Math.round((g.started * 1000) / g.due) / 10, `group ${g.key} rate`);
  }
}

before(async () => {
  srv = await startServer();
  await srv.addUser('za', 'kf_admin', 'admin');
  admin = await loginAs(srv.url, 'kf_admin');
  ids.parkA = ok(await admin.post('/api/parks', { name: '海州园', kind: 'park' }), 201, 'park').id;
  ids.parkB = ok(await admin.post('/api/parks', { name: '新浦园', kind: 'park' }), 201, 'park').id;
  const chains = (await admin.get('/api/chains?limit=200')).json.items;
  ids.chainX = chains[0].id;
  ids.chainXName = chains[0].name;
  ids.chainY = chains[1].id;
  ids.chainYName = chains[1].name;

  // 2025's list: KF-01..04 due (new/continuing), KF-05 completing, KF-06 archived.
  P.p1 = await project({ code: 'KF-01', name: '开工项目一', level: 'provincial', park_id: ids.parkA, chain_id: ids.chainX,
    years: [{ year: 2025, kind: 'new', planned_investment: 1000 }] });
  await ev(P.p1, 'start', '2025-03-01');
  await rep(P.p1, '2025-04-15', 120);
  await rep(P.p1, '2025-06-15', 80);
  await rep(P.p1, '2025-07-15', 50);

  // on 2024's and 2025's lists; started 2024, stopped 2025-04-01
  P.p2 = await project({ code: 'KF-02', name: '停工项目二', level: 'municipal', park_id: ids.parkA, chain_id: ids.chainX,
    years: [{ year: 2024, kind: 'new', planned_investment: 700 }, { year: 2025, kind: 'continuing', planned_investment: 800 }] });
  await ev(P.p2, 'start', '2024-05-01');
  await rep(P.p2, '2024-12-20', 200);
  await rep(P.p2, '2025-03-20', 40);
  await ev(P.p2, 'stop', '2025-04-01', '资金未到位');

  // stopped 2024-12-01, resumed 2025-05-10
  P.p3 = await project({ code: 'KF-03', name: '复工项目三', level: 'municipal', park_id: ids.parkB, chain_id: ids.chainY,
    years: [{ year: 2024, kind: 'new', planned_investment: 300 }, { year: 2025, kind: 'continuing', planned_investment: 600 }] });
  await ev(P.p3, 'start', '2024-06-01');
  await ev(P.p3, 'stop', '2024-12-01', '冬季停工');
  await ev(P.p3, 'resume', '2025-05-10');
  await rep(P.p3, '2025-06-30', 30);

  // starts after 2025-06-30; no park
  P.p4 = await project({ code: 'KF-04', name: '晚开工项目四', level: 'district', chain_id: ids.chainY,
    years: [{ year: 2025, kind: 'new', planned_investment: 500 }] });
  await ev(P.p4, 'start', '2025-08-01');
  await rep(P.p4, '2025-08-15', 10);

  // completing: not due, its plan and reports count in the investment
  P.p5 = await project({ code: 'KF-05', name: '竣工项目五', level: 'provincial', park_id: ids.parkA,
    years: [{ year: 2025, kind: 'completing', planned_investment: 300 }] });
  await ev(P.p5, 'start', '2023-01-01');
  await rep(P.p5, '2025-02-10', 25);

  // archived: left out entirely
  P.p6 = await project({ code: 'KF-06', name: '归档项目六', level: 'provincial', park_id: ids.parkB, chain_id: ids.chainX,
    archived: true, years: [{ year: 2025, kind: 'new', planned_investment: 999 }] });
  await ev(P.p6, 'start', '2025-02-01');
  await rep(P.p6, '2025-03-01', 77);

  // not on 2025's list (on 2026's): its reports do not count for 2025
  P.p7 = await project({ code: 'KF-07', name: '次年项目七', level: 'district',
    years: [{ year: 2026, kind: 'new', planned_investment: 90 }] });
  await ev(P.p7, 'start', '2025-02-01');
  await rep(P.p7, '2025-03-01', 1000);
  await rep(P.p7, '2026-01-15', 5);
});
after(async () => { await srv?.stop(); });

describe('2025 list, as of 2025-06-30', () => {
  test('due, started, rate; investment planned and completed', async () => {
    const r = await kfg('as_of=2025-06-30');
    assert.equal(r.as_of, '2025-06-30');
    assert.equal(r.year, 2025, 'year defaults to the as-of year');
    assert.equal(r.due, 4, 'KF-01..04: new or continuing, not archived');
    assert.equal(r.started, 2, 'KF-01 (start) and KF-03 (resume); KF-02 stopped, KF-04 starts later');
    assert.equal(r.rate_percent, 50);
    assert.equal(r.rate_text, '50.0%');
    assert.equal(typeof r.rounding, 'string');
    assert.ok(r.rounding.length > 0);
    // 1000 + 800 + 600 + 500 + 300 (completing included, archived 999 not)
    assert.equal(r.investment.planned, 3200);
    // KF-01 120+80 (07-15 later), KF-02 40 (2024-12-20 is last year), KF-03 30 (on the date), KF-05 25
    assert.equal(r.investment.completed, 295);
    assert.equal(r.investment.percent, 9.2); // 9.21875
    assert.deepEqual(r.groups, []);
  });

  test('projects: the list entries with their figures', async () => {
    const r = await kfg('as_of=2025-06-30');
    assert.deepEqual(r.projects.map((p) => p.code), ['KF-01', 'KF-02', 'KF-03', 'KF-04', 'KF-05']);
    const by = Object.fromEntries(r.projects.map((p) => [p.code, p]));
    const pick = (p) => ({ kind: p.kind, due: p.due, started: p.started, last_event: p.last_event,
      invest_year: p.invest_year, planned_investment: p.planned_investment });
    assert.deepEqual(pick(by['KF-01']), { kind: 'new', due: true, started: true, last_event: 'start', invest_year: 200, planned_investment: 1000 });
    assert.deepEqual(pick(by['KF-02']), { kind: 'continuing', due: true, started: false, last_event: 'stop', invest_year: 40, planned_investment: 800 });
    assert.deepEqual(pick(by['KF-03']), { kind: 'continuing', due: true, started: true, last_event: 'resume', invest_year: 30, planned_investment: 600 });
    assert.deepEqual(pick(by['KF-04']), { kind: 'new', due: true, started: false, last_event: null, invest_year: 0, planned_investment: 500 });
    assert.deepEqual(pick(by['KF-05']), { kind: 'completing', due: false, started: false, last_event: 'start', invest_year: 25, planned_investment: 300 });
    const p1 = by['KF-01'];
    assert.equal(p1.id, P.p1);
    assert.equal(p1.name, '开工项目一');
    assert.equal(p1.level, 'provincial');
    assert.equal(p1.park_name, '海州园');
    assert.equal(p1.chain_name, ids.chainXName);
    assert.equal(by['KF-04'].park_name, null);
    assert.equal(by['KF-05'].chain_name, null);
  });

  test('by=park: groups sum to the totals', async () => {
    const r = await kfg('as_of=2025-06-30&by=park');
    assert.equal(r.by, 'park');
    assert.equal(r.due, 4);
    assert.equal(r.started, 2);
    assertGroupsSum(r);
    const g = Object.fromEntries(r.groups.map((x) => [x.key, x]));
    assert.deepEqual(Object.keys(g).sort(), [String(ids.parkA), String(ids.parkB), 'none'].sort());
    const pick = (x) => [x.name, x.due, x.started, x.rate_percent, x.rate_text, x.planned, x.completed];
    assert.deepEqual(pick(g[ids.parkA]), ['海州园', 2, 1, 50, '50.0%', 2100, 265]);
    assert.deepEqual(pick(g[ids.parkB]), ['新浦园', 1, 1, 100, '100.0%', 600, 30]);
    assert.deepEqual(pick(g.none).slice(1), [1, 0, 0, '0.0%', 500, 0]);
    assert.equal(typeof g.none.name, 'string');
  });

  test('by=level', async () => {
    const r = await kfg('as_of=2025-06-30&by=level');
    assertGroupsSum(r);
    const g = Object.fromEntries(r.groups.map((x) => [x.key, x]));
    assert.deepEqual(Object.keys(g).sort(), ['district', 'municipal', 'provincial']);
    const pick = (x) => [x.name, x.due, x.started, x.rate_percent, x.planned, x.completed];
    assert.deepEqual(pick(g.provincial), ['省级', 1, 1, 100, 1300, 225]);
    assert.deepEqual(pick(g.municipal), ['市级', 2, 1, 50, 1400, 70]);
    assert.deepEqual(pick(g.district), ['区级', 1, 0, 0, 500, 0]);
  });

  test('by=chain: a group with nothing due has rate null', async () => {
    const r = await kfg('as_of=2025-06-30&by=chain');
    assertGroupsSum(r);
    const g = Object.fromEntries(r.groups.map((x) => [x.key, x]));
    assert.deepEqual(Object.keys(g).sort(), [String(ids.chainX), String(ids.chainY), 'none'].sort());
    const pick = (x) => [x.name, x.due, x.started, x.rate_percent, x.planned, x.completed];
    assert.deepEqual(pick(g[ids.chainX]), [ids.chainXName, 2, 1, 50, 1800, 240]);
    assert.deepEqual(pick(g[ids.chainY]), [ids.chainYName, 2, 1, 50, 1100, 30]);
    assert.deepEqual(pick(g.none).slice(1), [0, 0, null, 300, 25]);
  });
});

describe('past as-of dates answer as things were then', () => {
  const cases = [
    // as_of, due, started, rate, completed
    ['2025-01-15', 4, 1, 25, 0],      // KF-02 started; KF-03 stopped since 2024-12-01
    ['2025-02-28', 4, 1, 25, 25],     // KF-05's 02-10 report
    ['2025-03-01', 4, 2, 50, 25],     // KF-01 starts on the day
    ['2025-03-31', 4, 2, 50, 65],     // KF-01 started 03-01, KF-02 still started; 40 + 25
    ['2025-04-01', 4, 1, 25, 65],     // KF-02 stopped on the day
    ['2025-05-09', 4, 1, 25, 185],    // KF-03 resumes tomorrow; +120
    ['2025-05-10', 4, 2, 50, 185],    // resumed on the day
    ['2025-09-30', 4, 3, 75, 355],    // KF-04 started 08-01; +50 (KF-01 07-15) +10 (KF-04 08-15)
    ['2025-12-31', 4, 3, 75, 355],
  ];
  for (const [asOf, due, started, rate, completed] of cases) {
    test(`as of ${asOf}`, async () => {
      const r = await kfg(`as_of=${asOf}&by=park`);
      assert.equal(r.year, 2025);
      assert.deepEqual([r.due, r.started, r.rate_percent, r.investment.completed], [due, started, rate, completed]);
      assert.equal(r.investment.planned, 3200);
      assertGroupsSum(r);
    });
  }
  test('investment percent at 2025-09-30: 355 / 3200 = 11.09375 → 11.1', async () => {
    assert.equal((await kfg('as_of=2025-09-30')).investment.percent, 11.1);
    assert.equal((await kfg('as_of=2025-03-31')).investment.percent, 2); // 2.03125
  });
  test('2024\'s list (KF-02 and KF-03)', async () => {
    const end = await kfg('as_of=2024-12-31');
    assert.equal(end.year, 2024);
    assert.deepEqual(end.projects.map((p) => p.code), ['KF-02', 'KF-03']);
    assert.deepEqual([end.due, end.started, end.rate_percent, end.rate_text], [2, 1, 50, '50.0%']);
    assert.deepEqual(end.investment, { planned: 1000, completed: 200, percent: 20 });
    const nov = await kfg('as_of=2024-11-30&year=2024');
    assert.deepEqual([nov.due, nov.started, nov.rate_percent], [2, 2, 100]);
    assert.deepEqual(nov.investment, { planned: 1000, completed: 0, percent: 0 });
    assert.equal(nov.projects.find((p) => p.code === 'KF-02').kind, 'new', 'the kind of that year\'s entry');
    const before = await kfg('as_of=2024-04-30&year=2024');
    assert.deepEqual([before.due, before.started, before.rate_percent, before.rate_text], [2, 0, 0, '0.0%']);
  });
  test('a year\'s list seen from a later date: only that year\'s reports count as completed', async () => {
    const later = await kfg('as_of=2025-06-30&year=2024');
    assert.equal(later.year, 2024);
    assert.deepEqual([later.due, later.started], [2, 1], 'KF-02 stopped 2025-04-01, KF-03 resumed 2025-05-10');
    assert.deepEqual(later.investment, { planned: 1000, completed: 200, percent: 20 },
      'completed = reports dated 2024-01-01 … 2024-12-31 (KF-02\'s 200), not 2025\'s 40 and 30');
  });
  test('2026\'s list and the default as-of date (today)', async () => {
    const jun = await kfg('as_of=2026-06-30');
    assert.equal(jun.year, 2026);
    assert.deepEqual(jun.projects.map((p) => p.code), ['KF-07']);
    assert.deepEqual([jun.due, jun.started, jun.rate_percent], [1, 1, 100]);
    assert.deepEqual(jun.investment, { planned: 90, completed: 5, percent: 5.6 }); // 5.555…
    const today = cnToday();
    const d = await kfg('');
    assert.equal(d.as_of, today);
    assert.equal(d.year, Number(today.slice(0, 4)));
    assert.deepEqual(d, await kfg(`as_of=${today}&year=${today.slice(0, 4)}`));
  });
});

describe('rounding: one decimal, half up', () => {
  // year → [due, started, expected rate_percent, rate_text]
  const CASES = {
    2010: [3, 2, 66.7, '66.7%'],    // 66.666…
    2011: [7, 5, 71.4, '71.4%'],    // 71.428…
    2012: [8, 1, 12.5, '12.5%'],    // exactly
    2013: [48, 41, 85.4, '85.4%'],  // 85.4166…
    2014: [16, 7, 43.8, '43.8%'],   // 43.75 → up
    2015: [16, 5, 31.3, '31.3%'],   // 31.25 → up (half-even would give 31.2)
    2016: [3, 0, 0, '0.0%'],
    2017: [3, 3, 100, '100.0%'],
    2018: [6, 1, 16.7, '16.7%'],    // 16.666…
  };
  before(async () => {
    for (const [year, [due, started]] of Object.entries(CASES)) {
      for (let i = 0; i < due; i++) {
        // 2017: planned 100 + 100 + 200 = 400, completed 20 + 29 = 49 → 12.25% → 12.3
        // 2018: planned 0.1 × 6 → 0.6 after rounding to cents
        const planned = year === '2017' ? [100, 100, 200][i] : year === '2018' ? 0.1 : 10;
        const pid = await project({
          code: `R${year}-${String(i).padStart(2, '0')}`, name: `取整${year}-${i}`, level: 'district',
          years: [{ year: Number(year), kind: i % 2 ? 'continuing' : 'new', planned_investment: planned }],
        });
        if (i < started) await ev(pid, 'start', `${year}-03-01`);
        if (year === '2017' && i < 2) await rep(pid, `${year}-06-30`, [20, 29][i]);
      }
    }
    // a completing entry that started does not count in 2013
    const c = await project({ code: 'R2013-C', name: '取整竣工', level: 'district', years: [{ year: 2013, kind: 'completing' }] });
    await ev(c, 'start', '2012-03-01');
  });

  for (const [year, [due, started, rate, text]] of Object.entries(CASES)) {
    test(`${started} of ${due} → ${text}`, async () => {
      const r = await kfg(`as_of=${year}-12-31`);
      assert.equal(r.year, Number(year));
      assert.equal(r.due, due);
      assert.equal(r.started, started);
      assert.equal(r.rate_percent, rate);
      assert.equal(r.rate_text, text);
      if (year === '2013') {
        assert.equal(r.investment.planned, 480, '48 × 10; the completing entry has no plan');
        assert.equal(r.projects.length, 49);
      }
      const g = await kfg(`as_of=${year}-12-31&by=level`);
      assert.deepEqual(g.groups.map((x) => [x.key, x.due, x.started, x.rate_percent, x.rate_text]),
        [['district', due, started, rate, text]]);
    });
  }

  test('investment: percent half up (49 / 400 = 12.25% → 12.3), money rounded to cents', async () => {
    const r = await kfg('as_of=2017-12-31');
    assert.deepEqual(r.investment, { planned: 400, completed: 49, percent: 12.3 });
    const s = await kfg('as_of=2018-12-31');
    assert.equal(s.investment.planned, 0.6);
    assert.equal(s.investment.completed, 0);
    assert.equal(s.investment.percent, 0);
  });

  test('nothing due → rate_percent null; no plan → percent null', async () => {
    const r = await kfg('as_of=2025-06-30&year=2030&by=park');
    assert.equal(r.year, 2030);
    assert.equal(r.due, 0);
    assert.equal(r.started, 0);
    assert.equal(r.rate_percent, null);
    assert.equal(typeof r.rate_text, 'string');
    assert.deepEqual(r.investment, { planned: 0, completed: 0, percent: null });
    assert.deepEqual(r.groups, []);
    assert.deepEqual(r.projects, []);
    const only = await kfg('as_of=2009-12-31');
    assert.equal(only.due, 0);
    assert.equal(only.rate_percent, null);
  });
});

describe('parameters', () => {
  test('bad as_of, year or by → 400 naming it', async () => {
    assertValidation(await admin.get('/api/reports/kaifugong?as_of=2025-02-29'), 'as_of');
    assertValidation(await admin.get('/api/reports/kaifugong?as_of=yesterday'), 'as_of');
    assertValidation(await admin.get('/api/reports/kaifugong?year=1999'), 'year');
    assertValidation(await admin.get('/api/reports/kaifugong?year=2101'), 'year');
    assertValidation(await admin.get('/api/reports/kaifugong?year=abc'), 'year');
    assertValidation(await admin.get('/api/reports/kaifugong?by=region'), 'by');
  });

  test('another zone sees none of these projects', async () => {
    await srv.addUser('zb', 'kf_admin_b', 'admin');
    const b = await loginAs(srv.url, 'kf_admin_b');
    const r = ok(await b.get('/api/reports/kaifugong?as_of=2025-06-30'), 200, 'zb');
    assert.equal(r.due, 0);
    assert.deepEqual(r.projects, []);
    assert.equal(r.investment.planned, 0);
  });

  test('English labels with Accept-Language: en', async () => {
    const en = await loginAs(srv.url, 'kf_admin', 'secret-pass-1', { lang: 'en' });
    const r = ok(await en.get('/api/reports/kaifugong?as_of=2025-06-30&by=level'), 200, 'en');
    const g = Object.fromEntries(r.groups.map((x) => [x.key, x.name]));
    assert.equal(g.provincial, 'Provincial');
    assert.equal(g.municipal, 'Municipal');
    assert.equal(g.district, 'District');
    assert.ok(!/[\u4e00-\u9fff]/.test(r.rounding), r.rounding);
  });
});
