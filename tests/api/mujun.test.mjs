// 亩均效益评价 (/api/mujun/*) against hand-computed fixtures: entry with audit,
// import (all or nothing, errors by row and column), scores with both methods
// through the year's settings, the ranked table with the change since last
// year, the distribution, and who sees what.
//
// 2025 (default settings: benchmark, cap 1.5, A ≥ 90 B ≥ 70 C ≥ 50):
//   E1 large  tax/mu 30 (30) va/mu 100 (20) va/energy 1 (10) va/emission 100 (15, capped)
//             va/employee 20 (6.667) R&D 2 % (6.667)                 → 88.33 B
//   E2 large  everything ≥ 1.5 × the benchmark                        → 150   A
//   E3 large  6 (6) 20 (4) 1 (10) 50 (10) 10 (3.333) 1 % (3.333)      → 36.67 D
//   E4 large  20 (20) 70 (14) 2 (20) 50 (10), no employees, no revenue → 64    C
//   E5 small  tax/mu 10 of 20 (25) tax/kWh 2 of 0.5 (capped, 75)        → 100   A
// 2024: E1 with half the tax → 73.33; E2 150; E3 with half the tax → 33.67.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loginAs, makeUscc } from '../lib/server.mjs';

let srv;
let admin;
const ids = {};
const near = (a, b, what) => assert.ok(Math.abs(a - b) < 0.011, `${what}: ${a} ≠ ${b}`);

function ok(r, status, what) {
  assert.equal(r.status, status, `${what}: expected ${status}, got ${r.status}: ${r.text}`);
  return r.json;
}
function assertField(r, field, status = 400) {
  assert.equal(r.status, status, `expected ${status}, got ${r.status}: ${r.text}`);
  assert.ok(r.json?.error?.fields?.some((f) => f.field === field), `fields should name ${field}: ${r.text}`);
}

const FIG = {
  E1_2025: { land_mu: 100, tax: 3000, added_value: 10000, revenue: 50000, energy: 10000, emissions: 100, rd_spend: 1000, employees: 500 },
  E2: { land_mu: 50, tax: 3000, added_value: 10000, revenue: 20000, energy: 2000, emissions: 100, rd_spend: 1000, employees: 200 },
  E1_2024: { land_mu: 100, tax: 1500, added_value: 10000, revenue: 50000, energy: 10000, emissions: 100, rd_spend: 1000, employees: 500 },
  E3_2024: { land_mu: 200, tax: 600, added_value: 4000, revenue: 20000, energy: 4000, emissions: 80, rd_spend: 200, employees: 400 },
};

const HEAD = '企业名称,统一社会信用代码,年度,用地面积(亩),税收(万元),增加值(万元),营业收入(万元),综合能耗(吨标准煤),排放量(吨),研发经费(万元),从业人数,用电量(万千瓦时),企业规模';

async function upload(c, csv, qs = '') {
  return c.req('POST', `/api/mujun/figures/import?type=csv${qs}`, csv, { headers: { 'Content-Type': 'text/csv' } });
}

before(async () => {
  srv = await startServer();
  await srv.addUser('za', 'mj_admin', 'admin');
  await srv.addUser('zb', 'mj_admin_b', 'admin');
  await srv.addUser('za', 'mj_leader', 'leader');
  await srv.addUser('za', 'mj_project', 'project_officer');
  admin = await loginAs(srv.url, 'mj_admin');
  ids.p1 = ok(await admin.post('/api/parks', { name: '海州园', kind: 'park' }), 201, 'park').id;
  ids.p2 = ok(await admin.post('/api/parks', { name: '新浦园', kind: 'park' }), 201, 'park').id;
  const chains = (await admin.get('/api/chains?limit=200')).json.items;
  ids.cx = chains[0].id;
  ids.cy = chains[1].id;
  const org = async (n, name, park, chain, above) => ok(await admin.post('/api/orgs', {
    name, kind: 'enterprise', uscc: makeUscc(700 + n), park_id: park, chain_id: chain ?? null, above_scale: above,
  }), 201, name).id;
  ids.e1 = await org(1, '甲一科技有限公司', ids.p1, ids.cx, true);
  ids.e2 = await org(2, '甲二材料有限公司', ids.p1, ids.cy, true);
  ids.e3 = await org(3, '甲三机械有限公司', ids.p2, ids.cx, true);
  ids.e4 = await org(4, '甲四电子有限公司', ids.p2, null, true);
  ids.e5 = await org(5, '甲五商贸有限公司', ids.p1, ids.cy, false);
  ids.contractor = ok(await admin.post('/api/orgs', { name: '甲建工', kind: 'contractor' }), 201, 'contractor').id;
  await srv.addUser('za', 'mj_ent', 'enterprise_user', 'secret-pass-1', ['--org', String(ids.e1)]);
  const adminB = await loginAs(srv.url, 'mj_admin_b');
  ids.eb = ok(await adminB.post('/api/orgs', { name: '乙区企业', kind: 'enterprise', uscc: makeUscc(799) }), 201, 'zb org').id;
});
after(async () => { await srv?.stop(); });

describe('figures entered one by one', () => {
  test('create, validation naming the field, update, history, delete', async () => {
    const a = ok(await admin.post('/api/mujun/figures', { org_id: ids.e1, year: 2025, ...FIG.E1_2025 }), 201, 'E1 2025');
    ids.f1 = a.id;
    assert.equal(a.org_name, '甲一科技有限公司');
    assert.equal(a.small, false, 'a 规上 enterprise defaults to large');
    assertField(await admin.post('/api/mujun/figures', { org_id: ids.e1, year: 2025, land_mu: 5 }), 'year');
    assertField(await admin.post('/api/mujun/figures', { org_id: ids.eb, year: 2025, land_mu: 5 }), 'org_id');
    assertField(await admin.post('/api/mujun/figures', { org_id: ids.contractor, year: 2025, land_mu: 5 }), 'org_id');
    assertField(await admin.post('/api/mujun/figures', { org_id: ids.e2, year: 2025, land_mu: 5, tax: -1 }), 'tax');
    assertField(await admin.post('/api/mujun/figures', { org_id: ids.e2, year: 2025 }), 'land_mu');
    const en = await loginAs(srv.url, 'mj_admin', 'secret-pass-1', { lang: 'en' });
    const r = await en.post('/api/mujun/figures', { org_id: ids.e2, year: 1999, land_mu: 5 });
    assertField(r, 'year');
    assert.match(r.json.error.fields.find((f) => f.field === 'year').message, /between 2000 and 2100/);

    ok(await admin.post('/api/mujun/figures', { org_id: ids.e2, year: 2025, ...FIG.E2 }), 201, 'E2 2025');
    ok(await admin.post('/api/mujun/figures', { org_id: ids.e2, year: 2024, ...FIG.E2 }), 201, 'E2 2024');
    const tmp = ok(await admin.post('/api/mujun/figures', { org_id: ids.e1, year: 2024, ...FIG.E1_2024, tax: 9 }), 201, 'E1 2024');
    const up = ok(await admin.put(`/api/mujun/figures/${tmp.id}`, { org_id: ids.e1, year: 2024, ...FIG.E1_2024 }), 200, 'update');
    assert.equal(up.tax, 1500);
    const hist = ok(await admin.get(`/api/mujun/figures/${tmp.id}/history`), 200, 'history').items;
    assert.deepEqual(hist.map((h) => h.action), ['update', 'create']);
    assert.equal(hist[0].before.tax, 9);
    assert.equal(hist[0].after.tax, 1500);

    const gone = ok(await admin.post('/api/mujun/figures', { org_id: ids.e3, year: 2023, land_mu: 1 }), 201, 'to delete');
    ok(await admin.del(`/api/mujun/figures/${gone.id}`), 200, 'delete');
    ok(await admin.get(`/api/mujun/figures/${gone.id}`), 404, 'deleted');

    const list = ok(await admin.get('/api/mujun/figures?year=2025&sort=org_name'), 200, 'list');
    assert.deepEqual(list.items.map((x) => x.org_name), ['甲一科技有限公司', '甲二材料有限公司']);
  });
});

describe('import', () => {
  test('errors by row and column, and nothing changes', async () => {
    const before_ = ok(await admin.get('/api/mujun/figures?limit=200'), 200, 'list').total;
    const csv = [HEAD,
      `不存在的公司,,2025,10,1,,,,,,,,`,
      `甲三机械有限公司,,2025,200,abc,,,,,,,,`,
      `,${makeUscc(704)},1990,100,2000,,,,,,,,`,
      `甲四电子有限公司,${makeUscc(705)},2025,100,2000,,,,,,,,`,
      `甲三机械有限公司,,,200,1200,,,,,,,,`,
      `甲五商贸有限公司,,2025,20,200,,,,,,,100,中型`,
    ].join('\n');
    const r = await upload(admin, csv);
    assert.equal(r.status, 400, r.text);
    const f = r.json.error.fields.map((x) => `${x.row}:${x.column}`);
    for (const want of ['2:企业名称', '3:税收(万元)', '4:年度', '5:企业名称', '6:年度', '7:企业规模']) {
      assert.ok(f.includes(want), `expected an error at ${want}: ${JSON.stringify(f)}`);
    }
    assert.equal(ok(await admin.get('/api/mujun/figures?limit=200'), 200, 'list').total, before_, 'nothing saved');
  });

  test('matched by USCC or name; ?year for rows without 年度; again → updated', async () => {
    const csv = [HEAD,
      `,${makeUscc(703)},2025,200,1200,4000,20000,4000,80,200,400,,规上`,
      `甲四电子有限公司,,2025,100,2000,7000,,3500,140,,0,,`,
      `甲五商贸有限公司,,,20,200,,,,,,,100,规下`,
      `甲三机械有限公司,${makeUscc(703)},2024,200,600,4000,20000,4000,80,200,400,,`,
    ].join('\n');
    const dry = ok(await upload(admin, csv, '&year=2025&dry_run=1'), 200, 'dry run');
    assert.equal(dry.created, 4);
    assert.equal(ok(await admin.get('/api/mujun/figures?year=2025'), 200, 'list').total, 2, 'dry run saved nothing');
    const r = ok(await upload(admin, csv, '&year=2025'), 200, 'import');
    assert.deepEqual([r.created, r.updated], [4, 0]);
    const again = ok(await upload(admin, csv, '&year=2025'), 200, 'import again');
    assert.deepEqual([again.created, again.updated], [0, 4]);
    const e5 = ok(await admin.get(`/api/mujun/figures?org_id=${ids.e5}`), 200, 'E5').items[0];
    assert.equal(e5.year, 2025);
    assert.equal(e5.small, true);
    assertField(await upload(admin, csv, '&year=19'), 'year');
  });
});

describe('scores', () => {
  test('benchmark method (defaults): parts, totals, classes, flags, ranks', async () => {
    const s = ok(await admin.get('/api/mujun/scores?year=2025'), 200, 'scores');
    assert.equal(s.method, 'benchmark');
    assert.equal(s.default_settings, true);
    assert.equal(s.count, 5);
    const by = Object.fromEntries(s.rows.map((x) => [x.org_id, x]));
    near(by[ids.e1].total, 88.33, 'E1');
    assert.equal(by[ids.e1].class, 'B');
    near(by[ids.e1].indicators.va_per_emission.part, 15, 'E1 capped emission part');
    near(by[ids.e1].indicators.tax_per_mu.value, 30, 'E1 tax per mu');
    near(by[ids.e2].total, 150, 'E2');
    near(by[ids.e3].total, 36.67, 'E3');
    assert.equal(by[ids.e3].class, 'D');
    near(by[ids.e4].total, 64, 'E4');
    assert.equal(by[ids.e4].class, 'C');
    assert.equal(by[ids.e4].indicators.va_per_employee.flag, 'no_denominator');
    assert.equal(by[ids.e4].indicators.rd_share.flag, 'no_denominator');
    assert.equal(by[ids.e4].indicators.va_per_employee.value, null);
    assert.equal(by[ids.e4].flags.length, 2);
    near(by[ids.e5].total, 100, 'E5');
    assert.equal(by[ids.e5].group, 'small');
    assert.deepEqual(Object.keys(by[ids.e5].indicators).sort(), ['tax_per_kwh', 'tax_per_mu']);
    assert.deepEqual(s.rows.map((x) => x.org_id), [ids.e2, ids.e5, ids.e1, ids.e4, ids.e3]);
    assert.deepEqual(s.rows.map((x) => x.rank), [1, 2, 3, 4, 5]);
    assert.equal(by[ids.e5].group_rank, 1);
    assert.equal(by[ids.e1].group_rank, 2);
    assert.deepEqual(s.years.map((y) => y.year), [2025, 2024]);
  });

  test('change since last year for enterprises scored both years', async () => {
    const s = ok(await admin.get('/api/mujun/scores?year=2025'), 200, 'scores');
    const by = Object.fromEntries(s.rows.map((x) => [x.org_id, x]));
    assert.equal(s.previous_count, 3);
    near(by[ids.e1].previous.total, 73.33, 'E1 2024');
    assert.equal(by[ids.e1].previous.class, 'B');
    assert.equal(by[ids.e1].previous.rank, 2);
    near(by[ids.e1].change.total, 15, 'E1 change');
    assert.equal(by[ids.e1].change.rank, -1);
    assert.equal(by[ids.e3].change.rank, -2);
    near(by[ids.e3].change.total, 3, 'E3 change');
    assert.equal(by[ids.e2].change.rank, 0);
    assert.equal(by[ids.e4].previous, null);
    assert.equal(by[ids.e4].change, null);
  });

  test('distribution by park and by chain, and the workbook', async () => {
    const d = ok(await admin.get('/api/mujun/report?year=2025'), 200, 'report');
    assert.equal(d.count, 5);
    assert.deepEqual(d.classes, { A: 2, B: 1, C: 1, D: 1 });
    assert.deepEqual(d.shares, { A: 40, B: 20, C: 20, D: 20 });
    const park = Object.fromEntries(d.by_park.map((g) => [g.key, g]));
    assert.deepEqual(park[String(ids.p1)].classes, { A: 2, B: 1, C: 0, D: 0 });
    assert.equal(park[String(ids.p1)].name, '海州园');
    near(park[String(ids.p1)].shares.A, 66.7, 'P1 A share');
    assert.deepEqual(park[String(ids.p2)].classes, { A: 0, B: 0, C: 1, D: 1 });
    const chain = Object.fromEntries(d.by_chain.map((g) => [g.key, g]));
    assert.deepEqual(chain.none.classes, { A: 0, B: 0, C: 1, D: 0 });
    assert.deepEqual(chain[String(ids.cy)].classes, { A: 2, B: 0, C: 0, D: 0 });
    assert.equal(d.by_chain.reduce((n, g) => n + g.count, 0), 5);
    const x = await admin.get('/api/mujun/report?year=2025&format=xlsx');
    assert.equal(x.status, 200);
    assert.match(x.headers.get('content-type'), /spreadsheetml/);
    assertField(await admin.get('/api/mujun/report?year=2025&format=pdf'), 'format');
    assertField(await admin.get('/api/mujun/report'), 'year');
    const empty = ok(await admin.get('/api/mujun/report?year=2030'), 200, 'empty year');
    assert.equal(empty.count, 0);
    assert.equal(empty.shares.A, null);
  });

  test('who sees what: the enterprise its own rows only, other zones nothing', async () => {
    const ent = await loginAs(srv.url, 'mj_ent');
    const mine = ok(await ent.get('/api/mujun/mine'), 200, 'mine');
    assert.equal(mine.org_id, ids.e1);
    assert.deepEqual(mine.years.map((y) => y.year), [2025, 2024]);
    assert.equal(mine.years[0].row.org_id, ids.e1);
    assert.equal(mine.years[0].row.rank, 3);
    assert.equal(mine.years[0].count, 5);
    assert.ok(!JSON.stringify(mine).includes('甲二材料'), 'nothing of other firms');
    ok(await ent.get('/api/mujun/scores?year=2025'), 403, 'ranked table');
    ok(await ent.get('/api/mujun/report?year=2025'), 403, 'report');
    ok(await ent.get('/api/mujun/figures'), 403, 'figures');
    ok(await ent.get(`/api/mujun/figures/${ids.f1}`), 403, 'own figures row by id');
    ok(await ent.get('/api/mujun/settings/2025'), 403, 'settings');
    const project = await loginAs(srv.url, 'mj_project');
    ok(await project.get('/api/mujun/scores?year=2025'), 403, 'no mujun.read');
    ok(await project.get('/api/mujun/mine'), 403, 'no mujun.read, no request.write_own');
    const leader = await loginAs(srv.url, 'mj_leader');
    ok(await leader.get('/api/mujun/scores?year=2025'), 200, 'leader reads');
    ok(await leader.post('/api/mujun/figures', { org_id: ids.e3, year: 2022, land_mu: 1 }), 403, 'leader may not write');
    ok(await leader.get('/api/mujun/mine'), 403, 'mine is for enterprise users');
    const b = await loginAs(srv.url, 'mj_admin_b');
    ok(await b.get(`/api/mujun/figures/${ids.f1}`), 404, 'another zone');
    ok(await b.put(`/api/mujun/figures/${ids.f1}`, { org_id: ids.eb, year: 2025, land_mu: 1 }), 404, 'another zone update');
    ok(await b.del(`/api/mujun/figures/${ids.f1}`), 404, 'another zone delete');
    ok(await b.get(`/api/mujun/figures/${ids.f1}/history`), 404, 'another zone history');
    assert.equal(ok(await b.get('/api/mujun/scores?year=2025'), 200, 'zb scores').count, 0);
    assertField(await b.post('/api/mujun/figures', { org_id: ids.e1, year: 2025, land_mu: 1 }), 'org_id');
  });

  test('settings: validation naming the member, then the min–max method', async () => {
    const good = { method: 'minmax', thresholds: { A: 90, B: 70, C: 50 } };
    assertField(await admin.put('/api/mujun/settings/2025', { ...good, method: 'median' }), 'method');
    assertField(await admin.put('/api/mujun/settings/2025', { ...good, thresholds: { A: 70, B: 90, C: 50 } }), 'thresholds');
    assertField(await admin.put('/api/mujun/settings/2025', { ...good, cap: 0.5 }), 'cap');
    assertField(await admin.put('/api/mujun/settings/2025', { ...good, groups: { large: { tax_per_mu: { weight: 90 } } } }), 'groups.large');
    assertField(await admin.put('/api/mujun/settings/2025', { ...good, groups: { small: { tax_per_mu: { weight: 50 }, tax_per_kwh: { weight: 50, benchmark: 0 } } } }), 'groups.small.tax_per_kwh.benchmark');
    assertField(await admin.put('/api/mujun/settings/2025', { ...good, groups: { small: { tax_per_mu: { weight: -10 }, tax_per_kwh: { weight: 110 } } } }), 'groups.small.tax_per_mu.weight');
    assertField(await admin.put('/api/mujun/settings/2025', { ...good, groups: { small: { nope: { weight: 100 } } } }), 'groups.small.nope');
    assertField(await admin.put('/api/mujun/settings/1999', good), 'year');
    const leader = await loginAs(srv.url, 'mj_leader');
    ok(await leader.put('/api/mujun/settings/2025', good), 403, 'leader may not write');
    assert.equal(ok(await leader.get('/api/mujun/settings/2025'), 200, 'leader reads').default, true);

    const set = ok(await admin.put('/api/mujun/settings/2025', good), 200, 'minmax');
    assert.equal(set.default, false);
    assert.equal(set.groups.large.tax_per_mu.weight, 30);
    const s = ok(await admin.get('/api/mujun/scores?year=2025'), 200, 'scores');
    assert.equal(s.method, 'minmax');
    const by = Object.fromEntries(s.rows.map((x) => [x.org_id, x]));
    // tax/mu over E1..E4: 30, 60, 6, 20 → E1 30 × (20 + 80 × 24/54) / 100 = 16.667
    near(by[ids.e1].indicators.tax_per_mu.part, 16.67, 'E1 tax part');
    near(by[ids.e1].total, 49.78, 'E1 minmax');
    assert.equal(by[ids.e1].class, 'D');
    near(by[ids.e2].total, 100, 'E2 minmax');
    near(by[ids.e3].total, 20, 'E3 minmax');
    near(by[ids.e4].total, 30.67, 'E4 minmax');
    near(by[ids.e5].total, 100, 'E5 alone in its group: max = min → full weight');
    // 2024 keeps the defaults
    assert.equal(ok(await admin.get('/api/mujun/scores?year=2024'), 200, '2024').method, 'benchmark');
    const hist = ok(await admin.get('/api/mujun/settings/2025/history'), 200, 'history').items;
    assert.equal(hist[0].action, 'create');
    assert.equal(hist[0].after.method, 'minmax');
    // back to the benchmark method with a cap of 2 and new thresholds
    ok(await admin.put('/api/mujun/settings/2025', { method: 'benchmark', cap: 2, thresholds: { A: 120, B: 80, C: 40 } }), 200, 'cap 2');
    const s2 = ok(await admin.get('/api/mujun/scores?year=2025'), 200, 'scores');
    const b2 = Object.fromEntries(s2.rows.map((x) => [x.org_id, x]));
    near(b2[ids.e2].total, 193.33, 'E2 with cap 2: energy 2.5 × the benchmark capped at 2');
    assert.equal(b2[ids.e1].class, 'B');
    assert.equal(b2[ids.e5].class, 'A', 'E5: 25 + 50 × 2 = 125 ≥ 120');
  });
});
