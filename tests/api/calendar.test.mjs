// The working-day calendar (工作日历): national holidays merged with the zone's
// own days, add/count of working days, CRUD with its permissions and audit,
// the CSV import (dry run, row-numbered errors, all or nothing) and the CLI.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startServer, Client, loginAs, DATETIME_RE } from '../lib/server.mjs';

let srv;
let admin;      // admin of za
let adminEn;    // same, English messages
let adminB;     // admin of zb
const c = {};   // other roles of za

before(async () => {
  srv = await startServer();
  await srv.addUser('za', 'cal_admin', 'admin');
  await srv.addUser('zb', 'cal_admin_b', 'admin');
  admin = await loginAs(srv.url, 'cal_admin');
  adminEn = await loginAs(srv.url, 'cal_admin', 'secret-pass-1', { lang: 'en' });
  adminB = await loginAs(srv.url, 'cal_admin_b');
  const org = await admin.post('/api/orgs', { name: '日历企业有限公司', kind: 'enterprise' });
  assert.equal(org.status, 201, org.text);
  for (const role of ['leader', 'project_officer', 'dept_reviewer', 'enterprise_user']) {
    const extra = role === 'enterprise_user' ? ['--org', String(org.json.id)] : [];
    await srv.addUser('za', `cal_${role}`, role, 'secret-pass-1', extra);
    c[role] = await loginAs(srv.url, `cal_${role}`);
  }
});
after(async () => { await srv?.stop(); });

const csv = (text) => ({ headers: { 'Content-Type': 'text/csv; charset=utf-8' }, body: text });

function postCsv(client, text, query = '') {
  const { headers, body } = csv(text);
  return client.req('POST', `/api/calendar/import${query}`, body, { headers });
}

function expectValidation(r, ...fields) {
  assert.equal(r.status, 400, `expected 400, got ${r.status}: ${r.text}`);
  assert.equal(r.json?.error?.code, 'validation', r.text);
  const got = r.json.error.fields.map((f) => f.field);
  for (const f of fields) assert.ok(got.includes(f), `fields should name ${f}: ${r.text}`);
  return r.json.error.fields;
}

async function days(client, from, to) {
  const r = await client.get(`/api/calendar/days?from=${from}&to=${to}`);
  assert.equal(r.status, 200, r.text);
  return Object.fromEntries(r.json.map((d) => [d.date, d]));
}

async function total(client, q = '') {
  const r = await client.get(`/api/calendar?limit=200${q}`);
  assert.equal(r.status, 200, r.text);
  return r.json.total;
}

test('days: national holidays, 调休 days and the weekend rule, in date order', async () => {
  const r = await admin.get('/api/calendar/days?from=2025-01-24&to=2025-02-09');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.length, 17);
  assert.deepEqual(r.json.map((d) => d.date).slice(0, 3), ['2025-01-24', '2025-01-25', '2025-01-26']);
  for (const d of r.json) assert.deepEqual(Object.keys(d).sort(), ['date', 'note', 'source', 'workday']);
  const m = Object.fromEntries(r.json.map((d) => [d.date, d]));
  assert.deepEqual(m['2025-01-24'], { date: '2025-01-24', workday: true, source: 'weekday', note: null });
  assert.deepEqual(m['2025-01-25'], { date: '2025-01-25', workday: false, source: 'weekend', note: null });
  assert.deepEqual(m['2025-01-26'], { date: '2025-01-26', workday: true, source: 'national', note: '春节调休上班' });
  assert.deepEqual(m['2025-01-28'], { date: '2025-01-28', workday: false, source: 'national', note: '春节' });
  assert.equal(m['2025-02-04'].workday, false);
  assert.equal(m['2025-02-05'].source, 'weekday');
  assert.deepEqual(m['2025-02-08'], { date: '2025-02-08', workday: true, source: 'national', note: '春节调休上班' });
  // 2024: 除夕 (2/9) is a working day; 2026 国庆 with 9/20 and 10/10 worked
  const d24 = await days(admin, '2024-02-03', '2024-02-19');
  assert.equal(d24['2024-02-04'].workday, true);
  assert.equal(d24['2024-02-09'].workday, true);
  assert.equal(d24['2024-02-10'].workday, false);
  assert.equal(d24['2024-02-18'].workday, true);
  const d26 = await days(admin, '2026-09-19', '2026-10-11');
  assert.equal(d26['2026-09-20'].workday, true);
  assert.equal(d26['2026-09-25'].note, '中秋节');
  assert.equal(d26['2026-10-07'].workday, false);
  assert.equal(d26['2026-10-10'].workday, true);
  assert.equal(d26['2026-10-11'].workday, false);
  // every role reads
  for (const role of Object.keys(c)) {
    const x = await c[role].get('/api/calendar/days?from=2025-10-01&to=2025-10-01');
    assert.equal(x.status, 200, `${role}: ${x.text}`);
    assert.equal(x.json[0].workday, false);
  }
});

test('days: parameters are checked; at most 400 days', async () => {
  expectValidation(await admin.get('/api/calendar/days?to=2025-01-01'), 'from');
  expectValidation(await admin.get('/api/calendar/days?from=2025-01-01'), 'to');
  expectValidation(await admin.get('/api/calendar/days?from=2025-02-30&to=2025-03-01'), 'from');
  expectValidation(await admin.get('/api/calendar/days?from=2025-03-02&to=2025-03-01'), 'to');
  const ok = await admin.get('/api/calendar/days?from=2025-01-01&to=2026-02-04'); // 400 days
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.json.length, 400);
  expectValidation(await admin.get('/api/calendar/days?from=2025-01-01&to=2026-02-05'), 'to');
  const one = await admin.get('/api/calendar/days?from=2030-06-01&to=2030-06-01');
  assert.deepEqual(one.json, [{ date: '2030-06-01', workday: false, source: 'weekend', note: null }]);
});

test('add and count endpoints', async () => {
  const add = async (from, n) => {
    const r = await admin.get(`/api/calendar/add?from=${from}&days=${n}`);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.from, from);
    assert.equal(r.json.days, n);
    return r.json.date;
  };
  const count = async (from, to) => {
    const r = await admin.get(`/api/calendar/count?from=${from}&to=${to}`);
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(Object.keys(r.json).sort(), ['from', 'to', 'workdays']);
    return r.json.workdays;
  };
  // 2025-01-24 (Fri) + 5: 1/26 (Sun, 调休) 1/27, then after 春节 2/5 2/6 2/7
  assert.equal(await add('2025-01-24', 5), '2025-02-07');
  assert.equal(await add('2025-01-24', 6), '2025-02-08');
  assert.equal(await add('2025-01-24', 1), '2025-01-26');
  assert.equal(await add('2025-01-28', 0), '2025-02-05');
  assert.equal(await add('2025-02-05', 0), '2025-02-05');
  assert.equal(await add('2024-09-27', 3), '2024-10-08');
  assert.equal(await add('2025-12-31', 1), '2026-01-04');
  assert.equal(await add('2026-02-13', 2), '2026-02-24');
  assert.equal(await count('2025-01-24', '2025-02-07'), 5);
  assert.equal(await count('2025-01-24', '2025-02-08'), 6);
  assert.equal(await count('2024-12-31', '2025-12-31'), 248);
  assert.equal(await count('2025-03-10', '2025-03-03'), 0, 'to before from counts 0');
  assert.equal(await count('2025-03-03', '2025-03-03'), 0);
  for (const bad of ['-1', '10001', 'abc', '', '1.5']) {
    expectValidation(await admin.get(`/api/calendar/add?from=2025-01-24&days=${bad}`), 'days');
  }
  expectValidation(await admin.get('/api/calendar/add?from=2025-01-24'), 'days');
  expectValidation(await admin.get('/api/calendar/add?days=3'), 'from');
  expectValidation(await admin.get('/api/calendar/count?from=2025-01-24&to=2025-13-01'), 'to');
  expectValidation(await admin.get('/api/calendar/count?to=2025-01-24'), 'from');
  const en = await adminEn.get('/api/calendar/add?from=2025-01-24&days=-1');
  assert.match(en.json.error.fields[0].message, /working days/);
  // readable by every role
  const r = await c.enterprise_user.get('/api/calendar/add?from=2025-01-24&days=5');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.date, '2025-02-07');
});

test('a zone override wins over the national table, for that zone only', async () => {
  // a local holiday on a normal working day, and a national 调休 Sunday made off
  const h = await admin.post('/api/calendar', { date: '2025-02-07', is_workday: false, note: '区庆' });
  assert.equal(h.status, 201, h.text);
  const s = await admin.post('/api/calendar', { date: '2025-01-26', is_workday: false, note: '本区不调休' });
  assert.equal(s.status, 201, s.text);
  const m = await days(admin, '2025-01-24', '2025-02-09');
  assert.deepEqual(m['2025-02-07'], { date: '2025-02-07', workday: false, source: 'zone', note: '区庆' });
  assert.deepEqual(m['2025-01-26'], { date: '2025-01-26', workday: false, source: 'zone', note: '本区不调休' });
  assert.equal(m['2025-02-08'].source, 'national');
  // after 1/24: 1/27, 2/5, 2/6, 2/8 (Sat, 调休), 2/10
  assert.equal((await admin.get('/api/calendar/add?from=2025-01-24&days=5')).json.date, '2025-02-10');
  assert.equal((await admin.get('/api/calendar/count?from=2025-01-24&to=2025-02-08')).json.workdays, 4);
  // other zones keep the national calendar
  const b = await days(adminB, '2025-01-24', '2025-02-09');
  assert.equal(b['2025-02-07'].source, 'weekday');
  assert.equal(b['2025-01-26'].source, 'national');
  assert.equal((await adminB.get('/api/calendar/add?from=2025-01-24&days=5')).json.date, '2025-02-07');
  // every role sees the zone's days
  const r = await c.leader.get('/api/calendar/days?from=2025-02-07&to=2025-02-07');
  assert.equal(r.json[0].source, 'zone');
  // deleting restores the national answer
  assert.equal((await admin.del(`/api/calendar/${h.json.id}`)).status, 200);
  assert.equal((await admin.del(`/api/calendar/${s.json.id}`)).status, 200);
  const back = await days(admin, '2025-01-26', '2025-02-07');
  assert.equal(back['2025-02-07'].source, 'weekday');
  assert.equal(back['2025-01-26'].source, 'national');
  assert.equal((await admin.get('/api/calendar/add?from=2025-01-24&days=5')).json.date, '2025-02-07');
});

test('CRUD: create, get, update, history, delete; duplicates and validation', async () => {
  const cr = await admin.post('/api/calendar', { date: '2027-04-05', is_workday: false, note: '地方纪念日' });
  assert.equal(cr.status, 201, cr.text);
  const d = cr.json;
  assert.deepEqual(Object.keys(d).sort(),
    ['created_at', 'date', 'id', 'is_workday', 'note', 'updated_at', 'zone_id']);
  assert.equal(d.is_workday, false);
  assert.match(d.created_at, DATETIME_RE);
  assert.deepEqual((await c.dept_reviewer.get(`/api/calendar/${d.id}`)).json, d);
  const up = await admin.put(`/api/calendar/${d.id}`, { date: '2027-04-05', is_workday: true });
  assert.equal(up.status, 200, up.text);
  assert.equal(up.json.is_workday, true);
  assert.equal(up.json.note, null, 'PUT replaces the whole record');
  // one row per date
  const dup = await admin.post('/api/calendar', { date: '2027-04-05', is_workday: false });
  assert.equal(dup.status, 409, dup.text);
  assert.ok(dup.json.error.fields.some((f) => f.field === 'date'), dup.text);
  // validation
  expectValidation(await admin.post('/api/calendar', { is_workday: true }), 'date');
  expectValidation(await admin.post('/api/calendar', { date: '2027-02-30', is_workday: true }), 'date');
  expectValidation(await admin.post('/api/calendar', { date: '2027-03-01' }), 'is_workday');
  expectValidation(await admin.post('/api/calendar', { date: '2027-03-01', is_workday: 'yes' }), 'is_workday');
  expectValidation(await admin.post('/api/calendar', { date: '2027-03-01', is_workday: true, note: '长'.repeat(201) }), 'note');
  // history, newest first
  const hi = await c.leader.get(`/api/calendar/${d.id}/history`);
  assert.equal(hi.status, 200, hi.text);
  assert.deepEqual(hi.json.items.map((x) => x.action), ['update', 'create']);
  assert.equal(hi.json.items[0].before.is_workday, false);
  assert.equal(hi.json.items[0].after.is_workday, true);
  assert.equal(hi.json.items[0].username, 'cal_admin');
  // another zone's id answers 404
  assert.equal((await adminB.get(`/api/calendar/${d.id}`)).status, 404);
  assert.equal((await adminB.put(`/api/calendar/${d.id}`, { date: '2027-04-05', is_workday: false })).status, 404);
  assert.equal((await adminB.del(`/api/calendar/${d.id}`)).status, 404);
  // delete, audited
  assert.equal((await admin.del(`/api/calendar/${d.id}`)).status, 200);
  assert.equal((await admin.get(`/api/calendar/${d.id}`)).status, 404);
  const au = await admin.get(`/api/audit?entity=calendar&id=${d.id}&limit=200`);
  assert.deepEqual(au.json.items.map((x) => x.action), ['delete', 'update', 'create']);
});

test('list filters year and month, sorting', async () => {
  for (const [date, w] of [['2028-01-31', false], ['2028-02-01', false], ['2028-02-26', true], ['2029-02-03', true]]) {
    const r = await admin.post('/api/calendar', { date, is_workday: w });
    assert.equal(r.status, 201, r.text);
  }
  const y = await admin.get('/api/calendar?year=2028&limit=200');
  assert.deepEqual(y.json.items.map((x) => x.date), ['2028-01-31', '2028-02-01', '2028-02-26']);
  const ym = await admin.get('/api/calendar?year=2028&month=2');
  assert.deepEqual(ym.json.items.map((x) => x.date), ['2028-02-01', '2028-02-26']);
  assert.equal(ym.json.total, 2);
  const m = await admin.get('/api/calendar?month=02&sort=-date&limit=200');
  const dates = m.json.items.map((x) => x.date).filter((x) => x >= '2028');
  assert.deepEqual(dates, ['2029-02-03', '2028-02-26', '2028-02-01']);
  expectValidation(await admin.get('/api/calendar?month=13'), 'month');
  expectValidation(await admin.get('/api/calendar?year=abc'), 'year');
  expectValidation(await admin.get('/api/calendar?sort=note'), 'sort');
  assert.equal((await adminB.get('/api/calendar?year=2028')).json.total, 0, 'zone scoped');
  assert.equal((await c.enterprise_user.get('/api/calendar?year=2028')).status, 200);
});

test('only admin writes: other roles get 403, anonymous 401', async () => {
  const d = await admin.post('/api/calendar', { date: '2030-05-06', is_workday: false });
  assert.equal(d.status, 201, d.text);
  const before = await total(admin);
  for (const role of Object.keys(c)) {
    const u = c[role];
    assert.equal((await u.get('/api/calendar')).status, 200, role);
    for (const [m, p, b] of [
      ['POST', '/api/calendar', { date: '2030-05-07', is_workday: false }],
      ['PUT', `/api/calendar/${d.json.id}`, { date: '2030-05-06', is_workday: true }],
      ['DELETE', `/api/calendar/${d.json.id}`],
    ]) {
      const r = await u.req(m, p, b);
      assert.equal(r.status, 403, `${role} ${m} ${p}: ${r.text}`);
      assert.equal(r.json.error.code, 'forbidden');
    }
    const im = await postCsv(u, '日期,是否工作日\n2030-05-08,0\n');
    assert.equal(im.status, 403, `${role} import: ${im.text}`);
  }
  assert.equal(await total(admin), before);
  assert.equal((await admin.get(`/api/calendar/${d.json.id}`)).json.is_workday, false);
  const me = await c.leader.get('/api/me');
  assert.ok(!me.json.permissions.includes('calendar.write'));
  assert.ok((await admin.get('/api/me')).json.permissions.includes('calendar.write'));
  const anon = new Client(srv.url);
  for (const p of ['/api/calendar', '/api/calendar/days?from=2025-01-01&to=2025-01-02',
    '/api/calendar/add?from=2025-01-01&days=1', '/api/calendar/count?from=2025-01-01&to=2025-01-02']) {
    assert.equal((await anon.get(p)).status, 401, p);
  }
});

test('CSV import: a dry run lists every error with its row and column; nothing is written', async () => {
  const before = await total(admin);
  const text = [
    '日期,是否工作日,备注',
    '2031-01-06,休息,地方节日',    // row 2 ok
    '2031-13-01,休息,',            // row 3 bad date
    '2031-01-08,也许,',            // row 4 bad workday
    '',                            // row 5 blank: skipped
    '2031-01-06,上班,重复',        // row 6 duplicate of row 2
    `2031-01-09,0,${'长'.repeat(201)}`, // row 7 note too long
  ].join('\n');
  const r = await postCsv(admin, text, '?dry_run=1');
  const f = expectValidation(r, 'date', 'workday', 'note');
  const by = (row) => f.filter((x) => x.row === row);
  assert.deepEqual(by(3).map((x) => [x.field, x.column]), [['date', '日期']]);
  assert.deepEqual(by(4).map((x) => [x.field, x.column]), [['workday', '是否工作日']]);
  assert.deepEqual(by(6).map((x) => [x.field, x.column]), [['date', '日期']]);
  assert.match(by(6)[0].message, /第2行/);
  assert.deepEqual(by(7).map((x) => [x.field, x.column]), [['note', '备注']]);
  assert.equal(by(2).length, 0);
  assert.equal(by(5).length, 0);
  for (const x of f) assert.ok(x.message.length > 0);
  // the same without dry_run: still nothing written
  const real = await postCsv(admin, text);
  assert.equal(real.status, 400, real.text);
  assert.equal(await total(admin), before);
  // one bad row among good ones → nothing imported
  const one = await postCsv(admin, '日期,是否工作日,备注\n2031-02-02,1,甲\n2031-02-03,0,乙\n2031-02-31,0,丙\n');
  const f1 = expectValidation(one, 'date');
  assert.deepEqual(f1.map((x) => x.row), [4]);
  assert.equal(await total(admin), before);
  assert.equal((await admin.get('/api/calendar?year=2031')).json.total, 0);
  // English messages
  const en = await postCsv(adminEn, 'date,workday\n2031-02-31,1\n');
  assert.match(expectValidation(en, 'date')[0].message, /date/i);
  // header problems are row 1
  const h = await postCsv(admin, '日子,是否工作日\n2031-02-02,1\n');
  const fh = expectValidation(h, 'date');
  assert.equal(fh[0].row, 1);
  expectValidation(await postCsv(admin, ''), 'file');
  expectValidation(await postCsv(admin, '日期,是否工作日\n'), 'file');
  expectValidation(await postCsv(admin, '日期,是否工作日\n2031-02-02,1\n', '?dry_run=yes'), 'dry_run');
});

test('CSV import: dry run plans, the import writes and audits, re-import is idempotent', async () => {
  const auditTotal = async () => (await admin.get('/api/audit?entity=calendar&limit=1')).json.total;
  const a0 = await auditTotal();
  const text = '\ufeff日期,是否工作日,备注,星期\r\n2032-01-03,休息,区庆,六\r\n2032/1/10,上班,补班,六\r\n2032年1月12日,否,,一\r\n';
  const dry = await postCsv(admin, text, '?dry_run=1');
  assert.equal(dry.status, 200, dry.text);
  assert.deepEqual({ ...dry.json, items: undefined },
    { dry_run: true, rows: 3, created: 3, updated: 0, unchanged: 0, items: undefined });
  assert.deepEqual(dry.json.items.map((x) => [x.row, x.date, x.is_workday, x.note, x.action]), [
    [2, '2032-01-03', false, '区庆', 'create'],
    [3, '2032-01-10', true, '补班', 'create'],
    [4, '2032-01-12', false, null, 'create'],
  ]);
  assert.equal((await admin.get('/api/calendar?year=2032')).json.total, 0, 'dry run writes nothing');
  assert.equal(await auditTotal(), a0);

  const r = await postCsv(admin, text);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.dry_run, false);
  assert.equal(r.json.created, 3);
  const list = await admin.get('/api/calendar?year=2032');
  assert.deepEqual(list.json.items.map((x) => [x.date, x.is_workday, x.note]),
    [['2032-01-03', false, '区庆'], ['2032-01-10', true, '补班'], ['2032-01-12', false, null]]);
  assert.equal(await auditTotal(), a0 + 3);
  const m = await days(admin, '2032-01-10', '2032-01-12');
  assert.deepEqual(m['2032-01-10'], { date: '2032-01-10', workday: true, source: 'zone', note: '补班' });
  assert.equal(m['2032-01-11'].source, 'weekend');
  assert.equal(m['2032-01-12'].workday, false);

  // again: unchanged, no audit rows; a changed day is updated and audited
  const again = await postCsv(admin, text);
  assert.deepEqual([again.json.created, again.json.updated, again.json.unchanged], [0, 0, 3]);
  assert.equal(await auditTotal(), a0 + 3);
  const changed = await admin.post('/api/calendar/import', { csv: 'date,workday,note\n2032-01-12,1,改为上班\n' });
  assert.equal(changed.status, 200, changed.text);
  assert.deepEqual([changed.json.created, changed.json.updated], [0, 1]);
  assert.equal(await auditTotal(), a0 + 4);
  const id = list.json.items[2].id;
  const hist = await admin.get(`/api/calendar/${id}/history`);
  assert.deepEqual(hist.json.items.map((x) => x.action), ['update', 'create']);
  assert.equal(hist.json.items[0].after.note, '改为上班');
  // the JSON form needs the csv text
  expectValidation(await admin.post('/api/calendar/import', { text: 'x' }), 'csv');
  // zb is untouched
  assert.equal((await adminB.get('/api/calendar?year=2032')).json.total, 0);
});

test('CLI: calendar import (dry run, all or nothing) and show', async () => {
  const good = path.join(srv.dir, 'cal-good.csv');
  const bad = path.join(srv.dir, 'cal-bad.csv');
  await writeFile(good, '日期,是否工作日,备注\n2033-03-07,休息,CLI导入\n');
  await writeFile(bad, '日期,是否工作日\n2033-03-08,1\n2033-03-09,x\n');
  let r = await srv.cli(['calendar', 'import', good, '--zone', 'zb', '--dry-run']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /dry run/);
  assert.equal((await adminB.get('/api/calendar?year=2033')).json.total, 0);
  r = await srv.cli(['calendar', 'import', bad, '--zone', 'zb']);
  assert.equal(r.code, 2, r.stdout + r.stderr);
  assert.match(r.stderr, /row 3, column 是否工作日/);
  assert.equal((await adminB.get('/api/calendar?year=2033')).json.total, 0);
  r = await srv.cli(['calendar', 'import', good, '--zone', 'zb']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /1 created/);
  const m = await days(adminB, '2033-03-07', '2033-03-07');
  assert.equal(m['2033-03-07'].source, 'zone');
  assert.equal((await admin.get('/api/calendar?year=2033')).json.total, 0, 'za untouched');
  r = await srv.cli(['calendar', 'show', '--from', '2025-01-24', '--to', '2025-01-28', '--zone', 'zb']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /2025-01-26 {2}周日 {2}上班 {2}national +春节调休上班/);
  assert.match(r.stdout, /3 working days of 5/);
  r = await srv.cli(['calendar', 'show', '--from', '2025-01-24', '--zone', 'zb']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--to/);
  r = await srv.cli(['calendar', 'import', '--zone', 'zb']);
  assert.equal(r.code, 2);
});
