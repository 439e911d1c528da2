// Key projects: CRUD and validation, list filters/sorts/paging/lights,
// start/stop/resume events, progress reports, problems to coordinate, node
// plans and templates, settings and the warning light, history and audit.
// Events and reports are dated in the past (2024/2025); "today" is the date
// in China (UTC+8), computed here the same way.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loginAs, DATETIME_RE } from '../lib/server.mjs';

let srv;
let admin;      // admin of za
let adminB;     // admin of zb
let officer;    // project_officer of za
let adminId;
const ids = {};

/** YYYY-MM-DD in China (UTC+8), shifted by `days`. */
const cnDate = (days = 0) => new Date(Date.now() + 8 * 3600e3 + days * 86400e3).toISOString().slice(0, 10);

before(async () => {
  srv = await startServer();
  await srv.addUser('za', 'pj_admin', 'admin');
  await srv.addUser('zb', 'pj_admin_b', 'admin');
  await srv.addUser('za', 'pj_officer', 'project_officer');
  admin = await loginAs(srv.url, 'pj_admin');
  adminB = await loginAs(srv.url, 'pj_admin_b');
  officer = await loginAs(srv.url, 'pj_officer');
  adminId = (await admin.get('/api/me')).json.user.id;
  const mk = async (c, p, body) => {
    const r = await c.post(p, body);
    assert.equal(r.status, 201, `${p} ${JSON.stringify(body)}: ${r.text}`);
    return r.json.id;
  };
  ids.parkA = await mk(admin, '/api/parks', { name: '海州园', kind: 'park' });
  ids.parkB = await mk(admin, '/api/parks', { name: '新浦园', kind: 'expansion' });
  ids.parkZb = await mk(adminB, '/api/parks', { name: '乙区园', kind: 'park' });
  const chains = (await admin.get('/api/chains?limit=200')).json.items;
  ids.chainX = chains[0].id;
  ids.chainY = chains[1].id;
  ids.chainZb = (await adminB.get('/api/chains')).json.items[0].id;
  ids.owner1 = await mk(admin, '/api/orgs', { name: '连云港海州精密机械有限公司', kind: 'enterprise' });
  ids.owner2 = await mk(admin, '/api/orgs', { name: '江苏新浦化工有限公司', kind: 'enterprise' });
  ids.crudOwner = await mk(admin, '/api/orgs', { name: '增删改业主有限公司', kind: 'enterprise' });
  ids.contractor = await mk(admin, '/api/orgs', { name: '中建八局第三建设有限公司', kind: 'contractor' });
  ids.dept = await mk(admin, '/api/orgs', { name: '发展和改革局', kind: 'department' });
  ids.orgZb = await mk(adminB, '/api/orgs', { name: '乙区企业有限公司', kind: 'enterprise' });
});
after(async () => { await srv?.stop(); });

// ---- helpers ----------------------------------------------------------------

function assertValidation(r, ...fieldNames) {
  assert.equal(r.status, 400, `expected 400, got ${r.status}: ${r.text}`);
  assert.equal(r.json?.error?.code, 'validation', r.text);
  assert.ok(Array.isArray(r.json.error.fields), `fields[] missing: ${r.text}`);
  const got = r.json.error.fields.map((f) => f.field);
  for (const f of fieldNames) assert.ok(got.includes(f), `fields should name ${f}: ${r.text}`);
  for (const f of r.json.error.fields) assert.ok(typeof f.message === 'string' && f.message.length > 0, r.text);
  return got;
}

function assertConflict(r, field) {
  assert.equal(r.status, 409, `expected 409, got ${r.status}: ${r.text}`);
  assert.equal(r.json?.error?.code, 'conflict', r.text);
  assert.ok(r.json.error.fields?.some((f) => f.field === field), `409 should name ${field}: ${r.text}`);
}

function assertNotFound(r, what) {
  assert.equal(r.status, 404, `${what}: expected 404, got ${r.status}: ${r.text}`);
  assert.equal(r.json?.error?.code, 'not_found', r.text);
}

function expect(r, status, what) {
  assert.equal(r.status, status, `${what}: expected ${status}, got ${r.status}: ${r.text}`);
  return r.json;
}

async function createProject(body, c = admin) {
  return expect(await c.post('/api/projects', body), 201, `create ${body.code}`);
}

async function addEvent(pid, kind, date, reason) {
  return expect(await admin.post(`/api/projects/${pid}/events`, { kind, date, reason }), 201, `${kind} ${date}`);
}

async function addReport(pid, body) {
  return expect(await admin.post(`/api/projects/${pid}/reports`, body), 201, `report ${JSON.stringify(body)}`);
}

async function getProject(pid, asOf) {
  return expect(await admin.get(`/api/projects/${pid}${asOf ? `?as_of=${asOf}` : ''}`), 200, `GET project ${pid}`);
}

/** The newest audit row of the zone. */
async function lastAudit() {
  const r = await admin.get('/api/audit?limit=1');
  assert.equal(r.status, 200, r.text);
  return r.json.items[0];
}

async function auditCount() {
  return (await admin.get('/api/audit?limit=1')).json.total;
}

/** Asserts the newest audit row is `action` on `entity` `id` (optionally part of project pid). */
async function expectAudit(entity, id, action, pid) {
  const a = await lastAudit();
  assert.equal(a.entity, entity, `audit entity: ${JSON.stringify(a)}`);
  assert.equal(a.entity_id, id, `audit entity_id: ${JSON.stringify(a)}`);
  assert.equal(a.action, action, `audit action: ${JSON.stringify(a)}`);
  assert.equal(a.user_id, adminId);
  assert.match(a.at, DATETIME_RE);
  if (pid !== undefined) {
    assert.equal(a.parent_entity, 'project', `audit parent: ${JSON.stringify(a)}`);
    assert.equal(a.parent_id, pid, `audit parent id: ${JSON.stringify(a)}`);
  }
  return a;
}

const codes = (items) => items.map((p) => p.code);

/** Byte-wise (UTF-8) comparison, as the server sorts text. */
function cmpValues(a, b) {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  return Buffer.compare(Buffer.from(String(a)), Buffer.from(String(b)));
}

/** Items are sorted by key (desc when asked), empty values last either way. */
function assertSorted(items, key, desc) {
  const vals = items.map((p) => p[key]);
  const firstNull = vals.findIndex((v) => v === null || v === undefined);
  if (firstNull >= 0) {
    assert.ok(vals.slice(firstNull).every((v) => v === null || v === undefined),
      `sort ${desc ? '-' : ''}${key}: empty values must come last: ${JSON.stringify(vals)}`);
  }
  const nn = firstNull >= 0 ? vals.slice(0, firstNull) : vals;
  for (let i = 1; i < nn.length; i++) {
    const c = cmpValues(nn[i - 1], nn[i]);
    assert.ok(desc ? c >= 0 : c <= 0, `sort ${desc ? '-' : ''}${key} out of order: ${JSON.stringify(vals)}`);
  }
}

// ---- CRUD and validation ------------------------------------------------------

describe('projects: create, get, update', () => {
  test('create 201 with every field, GET answers the same, derived fields present', async () => {
    const body = {
      code: 'CRUD-001', name: '增删改示范项目', level: 'municipal', park_id: ids.parkA, chain_id: ids.chainX,
      owner_org_id: ids.crudOwner, contractor_org_id: ids.contractor, manager: '王经理', leader: '李主任',
      total_investment: 52000.5, planned_start: '2027-03-01', planned_finish: '2029-06-30',
      location: '海州区某路以东', note: '省级重大项目储备',
      years: [{ year: 2028, kind: 'continuing', planned_investment: 20000 },
        { year: 2027, kind: 'new', planned_investment: 12000.25 }],
    };
    const before = await auditCount();
    const p = await createProject(body);
    assert.ok(Number.isInteger(p.id));
    for (const k of ['code', 'name', 'level', 'park_id', 'chain_id', 'owner_org_id', 'contractor_org_id', 'manager',
      'leader', 'total_investment', 'planned_start', 'planned_finish', 'location', 'note']) {
      assert.deepEqual(p[k], body[k], k);
    }
    assert.equal(p.park_name, '海州园');
    assert.equal(typeof p.chain_name, 'string');
    assert.equal(p.owner_name, '增删改业主有限公司');
    assert.equal(p.contractor_name, '中建八局第三建设有限公司');
    assert.equal(p.archived, false);
    assert.deepEqual(p.years, [{ year: 2027, kind: 'new', planned_investment: 12000.25 },
      { year: 2028, kind: 'continuing', planned_investment: 20000 }], 'years in year order');
    assert.match(p.created_at, DATETIME_RE);
    assert.match(p.updated_at, DATETIME_RE);
    // nothing happened yet
    assert.equal(p.status, 'not_started');
    for (const k of ['phase', 'phase_label', 'phase_index', 'invest_to_date', 'last_report_date', 'last_event', 'started_on']) {
      assert.equal(p[k], null, k);
    }
    assert.equal(p.open_problems, 0);
    assert.equal(p.overdue_problems, 0);
    assert.equal(p.light, 'green', 'planned start in the future');
    assert.equal(p.light_rank, 0);
    assert.deepEqual(p.warnings, []);
    const g = await getProject(p.id);
    assert.deepEqual(g, p);
    assert.equal(await auditCount(), before + 1);
    const a = await expectAudit('project', p.id, 'create');
    assert.equal(a.before, null);
    assert.equal(a.after.code, 'CRUD-001');
    assert.equal(a.after.years.length, 2);
    ids.crud = p.id;
  });

  test('PUT is a full replacement (years included); archive is PUT archived:true; no DELETE', async () => {
    const id = ids.crud;
    const u = await admin.put(`/api/projects/${id}`, { code: 'CRUD-001', name: '增删改示范项目（调整）', level: 'district' });
    expect(u, 200, 'PUT');
    assert.equal(u.json.id, id);
    assert.equal(u.json.name, '增删改示范项目（调整）');
    assert.equal(u.json.level, 'district');
    for (const k of ['park_id', 'park_name', 'chain_id', 'chain_name', 'owner_org_id', 'owner_name', 'contractor_org_id',
      'contractor_name', 'manager', 'leader', 'total_investment', 'planned_start', 'planned_finish', 'location', 'note']) {
      assert.equal(u.json[k], null, `PUT clears ${k}`);
    }
    assert.deepEqual(u.json.years, [], 'PUT without years clears the year list');
    assert.equal(u.json.archived, false);
    assert.deepEqual(await getProject(id), u.json);
    const a = await expectAudit('project', id, 'update');
    assert.equal(a.before.name, '增删改示范项目');
    assert.equal(a.after.name, '增删改示范项目（调整）');

    const arch = await admin.put(`/api/projects/${id}`, { code: 'CRUD-001', name: '增删改示范项目（调整）', level: 'district', archived: true });
    expect(arch, 200, 'archive');
    assert.equal(arch.json.archived, true);
    assert.equal((await getProject(id)).archived, true, 'an archived project is still readable by id');
    const l = (await admin.get('/api/projects?q=CRUD-&limit=200')).json;
    assert.ok(!codes(l.items).includes('CRUD-001'), 'archived projects are left out of lists');
    const la = (await admin.get('/api/projects?q=CRUD-&archived=1&limit=200')).json;
    assert.ok(codes(la.items).includes('CRUD-001'), 'archived=1 includes them');
    await expectAudit('project', id, 'update');

    const d = await admin.del(`/api/projects/${id}`);
    assert.equal(d.status, 405, d.text);
    assert.equal(d.json?.error?.code, 'method_not_allowed');
    assert.match(d.headers.get('allow') || '', /GET/);
    assert.match(d.headers.get('allow') || '', /PUT/);
    assertNotFound(await admin.get('/api/projects/987654321'), 'GET missing project');
    assertNotFound(await admin.put('/api/projects/987654321', { code: 'X-1', name: 'x', level: 'district' }), 'PUT missing project');
  });

  test('required fields, bad level, bad numbers and dates → 400 naming each field', async () => {
    const before = await auditCount();
    assertValidation(await admin.post('/api/projects', {}), 'code', 'name', 'level');
    assertValidation(await admin.post('/api/projects', { code: '', name: '', level: '' }), 'code', 'name', 'level');
    assertValidation(await admin.post('/api/projects', { code: 'V-1', name: '校验项目', level: 'county' }), 'level');
    assertValidation(await admin.post('/api/projects', { code: 'V-1', name: '校验项目', level: 'district', total_investment: -1 }), 'total_investment');
    assertValidation(await admin.post('/api/projects', { code: 'V-1', name: '校验项目', level: 'district', total_investment: 'abc' }), 'total_investment');
    assertValidation(await admin.post('/api/projects', { code: 'V-1', name: '校验项目', level: 'district', planned_start: '2025-02-30' }), 'planned_start');
    assertValidation(await admin.post('/api/projects', { code: 'V-1', name: '校验项目', level: 'district', planned_finish: '2025/12/31' }), 'planned_finish');
    assertValidation(await admin.post('/api/projects', { code: 'V-1', name: '校验项目', level: 'district', archived: 'yes' }), 'archived');
    assertValidation(await admin.post('/api/projects', { code: 'V-1', name: '校验项目', level: 'district', park_id: 'abc' }), 'park_id');
    assertValidation(await admin.post('/api/projects', { code: 'V'.repeat(33), name: '校验项目', level: 'district' }), 'code');
    // planned finish before planned start
    assertValidation(await admin.post('/api/projects', {
      code: 'V-1', name: '校验项目', level: 'district', planned_start: '2025-06-01', planned_finish: '2025-05-31',
    }), 'planned_finish');
    // the same day is fine
    const same = await createProject({ code: 'V-SAME', name: '同日开竣工', level: 'district', planned_start: '2025-06-01', planned_finish: '2025-06-01' });
    assert.equal(same.planned_finish, '2025-06-01');
    assert.equal(await auditCount(), before + 1, 'only the valid create is audited');
    // update validates too and changes nothing
    assertValidation(await admin.put(`/api/projects/${same.id}`, { code: 'V-SAME', name: '同日开竣工', level: 'nope' }), 'level');
    assert.equal((await getProject(same.id)).level, 'district');
  });

  test('park, chain and organisations must be of the caller\'s zone (and not a department) → field error', async () => {
    const base = { code: 'REF-1', name: '引用校验项目', level: 'district' };
    assertValidation(await admin.post('/api/projects', { ...base, park_id: ids.parkZb }), 'park_id');
    assertValidation(await admin.post('/api/projects', { ...base, park_id: 987654 }), 'park_id');
    assertValidation(await admin.post('/api/projects', { ...base, chain_id: ids.chainZb }), 'chain_id');
    assertValidation(await admin.post('/api/projects', { ...base, owner_org_id: ids.orgZb }), 'owner_org_id');
    assertValidation(await admin.post('/api/projects', { ...base, contractor_org_id: ids.orgZb }), 'contractor_org_id');
    assertValidation(await admin.post('/api/projects', { ...base, owner_org_id: ids.dept }), 'owner_org_id');
    assertValidation(await admin.post('/api/projects', { ...base, contractor_org_id: ids.dept }), 'contractor_org_id');
    const all = assertValidation(await admin.post('/api/projects', {
      ...base, park_id: ids.parkZb, chain_id: ids.chainZb, owner_org_id: ids.orgZb, contractor_org_id: ids.orgZb,
    }), 'park_id', 'chain_id', 'owner_org_id', 'contractor_org_id');
    assert.equal(new Set(all).size, all.length, 'one entry per field');
    // zb's admin cannot point at za's records either
    assertValidation(await adminB.post('/api/projects', { ...base, park_id: ids.parkA, owner_org_id: ids.owner1 }), 'park_id', 'owner_org_id');
    const ok = await createProject({ ...base, park_id: ids.parkB, chain_id: ids.chainY, owner_org_id: ids.crudOwner, contractor_org_id: ids.contractor });
    assert.equal(ok.park_name, '新浦园');
    // update checks too
    assertValidation(await admin.put(`/api/projects/${ok.id}`, { ...base, park_id: ids.parkZb }), 'park_id');
    assert.equal((await getProject(ok.id)).park_id, ids.parkB);
  });

  test('years: range, kind, a year only once, list shape; errors named years[i].field', async () => {
    const base = { code: 'YR-1', name: '年度校验项目', level: 'district' };
    assertValidation(await admin.post('/api/projects', { ...base, years: [{ year: 1999, kind: 'new' }] }), 'years[0].year');
    assertValidation(await admin.post('/api/projects', { ...base, years: [{ year: 2101, kind: 'new' }] }), 'years[0].year');
    assertValidation(await admin.post('/api/projects', { ...base, years: [{ kind: 'new' }] }), 'years[0].year');
    assertValidation(await admin.post('/api/projects', { ...base, years: [{ year: 2025, kind: 'old' }] }), 'years[0].kind');
    assertValidation(await admin.post('/api/projects', { ...base, years: [{ year: 2025 }] }), 'years[0].kind');
    assertValidation(await admin.post('/api/projects', {
      ...base, years: [{ year: 2025, kind: 'new' }, { year: 2026, kind: 'continuing', planned_investment: -5 }],
    }), 'years[1].planned_investment');
    const dup = assertValidation(await admin.post('/api/projects', {
      ...base, years: [{ year: 2025, kind: 'new' }, { year: 2026, kind: 'continuing' }, { year: 2025, kind: 'completing' }],
    }), 'years[2].year');
    assert.ok(!dup.includes('years[0].year') && !dup.includes('years[1].year'), `only the repeated entry is named: ${dup}`);
    assertValidation(await admin.post('/api/projects', { ...base, years: 'x' }), 'years');
    assertValidation(await admin.post('/api/projects', { ...base, years: [5] }), 'years[0]');
    assert.equal((await admin.get('/api/projects?q=YR-1')).json.total, 0, 'nothing stored');
    const ok = await createProject({ ...base, years: [{ year: 2025, kind: 'new', planned_investment: 100 }, { year: 2026, kind: 'continuing' }] });
    assert.deepEqual(ok.years, [{ year: 2025, kind: 'new', planned_investment: 100 }, { year: 2026, kind: 'continuing', planned_investment: null }]);
    // update with a duplicate year is refused and keeps the list
    assertValidation(await admin.put(`/api/projects/${ok.id}`, { ...base, years: [{ year: 2026, kind: 'new' }, { year: 2026, kind: 'new' }] }), 'years[1].year');
    assert.equal((await getProject(ok.id)).years.length, 2);
  });

  test('duplicate code in the zone → 409 naming code (create and update); another zone may reuse it', async () => {
    await createProject({ code: 'DUP-1', name: '重复编号甲', level: 'district' });
    const before = await auditCount();
    assertConflict(await admin.post('/api/projects', { code: 'DUP-1', name: '重复编号乙', level: 'municipal' }), 'code');
    assertConflict(await admin.post('/api/projects', { code: ' DUP-1 ', name: '重复编号乙', level: 'municipal' }), 'code');
    const b = await createProject({ code: 'DUP-2', name: '重复编号丙', level: 'district' });
    assertConflict(await admin.put(`/api/projects/${b.id}`, { code: 'DUP-1', name: '重复编号丙', level: 'district' }), 'code');
    assert.equal((await getProject(b.id)).code, 'DUP-2');
    assert.equal(await auditCount(), before + 1, 'refused writes leave no audit row');
    const other = await createProject({ code: 'DUP-1', name: '乙区同编号', level: 'district' }, adminB);
    assert.equal(other.code, 'DUP-1');
  });
});

// ---- list: search, filters, sorts, paging, lights -------------------------------

describe('projects: list', () => {
  const AS_OF = '2025-07-02'; // 182 of the 364 days of 2025 → planned progress 50.0%
  const L = {};
  before(async () => {
    L.p1 = await createProject({
      code: 'LS-01', name: '海州智能装备产业园', level: 'provincial', park_id: ids.parkA, chain_id: ids.chainX,
      owner_org_id: ids.owner1, contractor_org_id: ids.contractor, manager: '张三', leader: '赵局长',
      total_investment: 1000, planned_start: '2025-01-01', planned_finish: '2025-12-31',
      years: [{ year: 2025, kind: 'new', planned_investment: 600 }],
    });
    L.p2 = await createProject({
      code: 'LS-02', name: '新浦新材料项目', level: 'municipal', park_id: ids.parkB, chain_id: ids.chainY,
      owner_org_id: ids.owner2, manager: '李四', leader: '钱主任', total_investment: 500, planned_start: '2025-03-10',
      years: [{ year: 2024, kind: 'new' }, { year: 2025, kind: 'continuing', planned_investment: 200 }],
    });
    L.p3 = await createProject({
      code: 'LS-03', name: '医疗器械产业园二期', level: 'district', park_id: ids.parkA, chain_id: ids.chainY,
      owner_org_id: ids.owner1, manager: '王五', total_investment: 2000, planned_start: '2025-01-01',
      planned_finish: '2025-12-31', years: [{ year: 2025, kind: 'completing' }],
    });
    L.p4 = await createProject({ code: 'LS-04', name: '物流园', level: 'provincial' });
    L.p5 = await createProject({ code: 'LS-05', name: '已归档项目', level: 'municipal', park_id: ids.parkA, archived: true });
    await addEvent(L.p1.id, 'start', '2025-01-01');
    await addReport(L.p1.id, { date: '2025-06-30', phase: 'main_structure', invest_to_date: 400 });
    await addEvent(L.p3.id, 'start', '2024-10-01');
    await addReport(L.p3.id, { date: '2025-04-30', phase: 'piling', invest_to_date: 1800 });
    await addEvent(L.p3.id, 'stop', '2025-05-01', '资金未到位');
  });

  const list = async (qs) => expect(await admin.get(`/api/projects?${qs}`), 200, `GET /api/projects?${qs}`);
  const lsCodes = async (qs) => codes((await list(`q=LS-&limit=200&as_of=${AS_OF}&${qs}`)).items);

  test('derived status, phase and light as of a date', async () => {
    const p1 = await getProject(L.p1.id, AS_OF);
    assert.equal(p1.status, 'started');
    assert.equal(p1.phase, 'main_structure');
    assert.equal(p1.phase_label, '主体施工');
    assert.equal(p1.phase_index, 4);
    assert.equal(p1.invest_to_date, 400);
    assert.equal(p1.last_report_date, '2025-06-30');
    assert.equal(p1.started_on, '2025-01-01');
    assert.equal(p1.last_event, 'start');
    assert.equal(p1.light, 'yellow', 'plan 50.0% − actual 40.0% = 10.0 points behind → yellow');
    assert.deepEqual(p1.warnings.map((w) => [w.code, w.light]), [['progress_behind', 'yellow']]);
    assert.ok(p1.warnings[0].message.length > 0);
    const p2 = await getProject(L.p2.id, AS_OF);
    assert.equal(p2.status, 'not_started');
    assert.equal(p2.phase, null);
    assert.equal(p2.light, 'red', '4 months after the planned start month');
    assert.equal(p2.light_rank, 2);
    assert.deepEqual(p2.warnings.map((w) => [w.code, w.light]), [['start_missed', 'red']]);
    const p3 = await getProject(L.p3.id, AS_OF);
    assert.equal(p3.status, 'stopped');
    assert.equal(p3.last_event, 'stop');
    assert.equal(p3.phase, 'piling');
    assert.equal(p3.light, 'green');
    // earlier: before the stop, before the report
    const p3early = await getProject(L.p3.id, '2025-04-29');
    assert.equal(p3early.status, 'started');
    assert.equal(p3early.phase, null);
    assert.equal(p3early.invest_to_date, null);
    assertValidation(await admin.get(`/api/projects/${L.p1.id}?as_of=2025-13-01`), 'as_of');
  });

  test('pagination with total, default code order, lights counted over the filtered set', async () => {
    const a = await list(`q=LS-&limit=2&as_of=${AS_OF}`);
    assert.deepEqual(codes(a.items), ['LS-01', 'LS-02']);
    assert.equal(a.total, 4, 'archived LS-05 left out');
    assert.equal(a.limit, 2);
    assert.equal(a.offset, 0);
    assert.deepEqual(a.lights, { green: 2, yellow: 1, red: 1 });
    const b = await list(`q=LS-&limit=2&offset=2&as_of=${AS_OF}`);
    assert.deepEqual(codes(b.items), ['LS-03', 'LS-04']);
    assert.equal(b.total, 4);
    assert.deepEqual(b.lights, { green: 2, yellow: 1, red: 1 }, 'lights do not depend on the page');
    const c = await list(`q=LS-&limit=2&offset=4&as_of=${AS_OF}`);
    assert.deepEqual(c.items, []);
    assert.equal(c.total, 4);
    const d = await list('q=LS-&limit=200');
    assert.equal(d.limit, 200);
    // default as_of is today: 2025 is over, LS-01 is 60 points behind (red), LS-03 10 (yellow)
    assert.deepEqual(d.lights, { green: 1, yellow: 1, red: 2 });
    assert.equal(d.items.find((p) => p.code === 'LS-03').light, 'yellow');
    const dflt = await list('q=LS-');
    assert.equal(dflt.limit, 20);
    assert.equal(dflt.offset, 0);
  });

  test('q searches name, code and owner name (Chinese ok)', async () => {
    assert.deepEqual(codes((await list('q=智能装备&limit=200')).items), ['LS-01'], 'name');
    assert.deepEqual(codes((await list(`q=${encodeURIComponent('海州精密')}&limit=200`)).items), ['LS-01', 'LS-03'], 'owner name');
    assert.deepEqual(codes((await list(`q=${encodeURIComponent('新浦化工')}&limit=200`)).items), ['LS-02'], 'owner name');
    assert.deepEqual(codes((await list(`q=${encodeURIComponent('医疗器械产业园')}&limit=200`)).items), ['LS-03'], 'name');
    assert.deepEqual(codes((await list('q=LS-04')).items), ['LS-04'], 'code');
    assert.equal((await list(`q=${encodeURIComponent('不存在的名称')}`)).total, 0);
    assert.equal((await list('q=%25')).total, 0, '% is literal');
    assert.equal((await list('q=LS_0')).total, 0, '_ is literal');
  });

  test('filters: park, chain, level, year (+kind), phase, status, light, archived', async () => {
    assert.deepEqual(await lsCodes(`park_id=${ids.parkA}`), ['LS-01', 'LS-03']);
    assert.deepEqual(await lsCodes(`park_id=${ids.parkA}&archived=1`), ['LS-01', 'LS-03', 'LS-05']);
    assert.deepEqual(await lsCodes(`chain_id=${ids.chainY}`), ['LS-02', 'LS-03']);
    assert.deepEqual(await lsCodes(`chain_id=${ids.chainX}`), ['LS-01']);
    assert.deepEqual(await lsCodes('level=provincial'), ['LS-01', 'LS-04']);
    assert.deepEqual(await lsCodes('level=district'), ['LS-03']);
    assert.deepEqual(await lsCodes('year=2025'), ['LS-01', 'LS-02', 'LS-03']);
    assert.deepEqual(await lsCodes('year=2024'), ['LS-02']);
    assert.deepEqual(await lsCodes('year=2025&year_kind=continuing'), ['LS-02']);
    assert.deepEqual(await lsCodes('year=2025&year_kind=completing'), ['LS-03']);
    assert.deepEqual(await lsCodes('year=2025&year_kind=new'), ['LS-01']);
    assert.deepEqual(await lsCodes('year=2024&year_kind=continuing'), []);
    assert.deepEqual(await lsCodes('phase=main_structure'), ['LS-01']);
    assert.deepEqual(await lsCodes('phase=piling'), ['LS-03']);
    assert.deepEqual(await lsCodes('phase=operation'), []);
    assert.deepEqual(await lsCodes('status=started'), ['LS-01']);
    assert.deepEqual(await lsCodes('status=not_started'), ['LS-02', 'LS-04']);
    assert.deepEqual(await lsCodes('status=stopped'), ['LS-03']);
    assert.deepEqual(await lsCodes('light=red'), ['LS-02']);
    assert.deepEqual(await lsCodes('light=yellow'), ['LS-01']);
    assert.deepEqual(await lsCodes('light=green'), ['LS-03', 'LS-04']);
    const g = await list(`q=LS-&light=green&as_of=${AS_OF}`);
    assert.equal(g.total, 2);
    assert.deepEqual(g.lights, { green: 2, yellow: 0, red: 0 }, 'lights count the filtered set');
    // status as of another date
    assert.deepEqual(codes((await list('q=LS-&status=started&as_of=2025-04-30')).items), ['LS-01', 'LS-03']);
    assert.deepEqual(codes((await list('q=LS-&status=not_started&as_of=2024-09-30')).items), ['LS-01', 'LS-02', 'LS-03', 'LS-04']);
    // combined
    assert.deepEqual(await lsCodes(`park_id=${ids.parkA}&level=district&status=stopped`), ['LS-03']);
  });

  test('bad filters, paging and sort → 400 naming the parameter', async () => {
    const bad = [['level=county', 'level'], ['status=running', 'status'], ['light=blue', 'light'], ['phase=digging', 'phase'],
      ['year_kind=old', 'year_kind'], ['park_id=abc', 'park_id'], ['chain_id=0', 'chain_id'], ['year=abc', 'year'],
      ['as_of=2025-02-30', 'as_of'], ['limit=0', 'limit'], ['limit=201', 'limit'], ['offset=-1', 'offset'],
      ['sort=bogus', 'sort'], ['sort=-zone_secret', 'sort']];
    for (const [qs, field] of bad) assertValidation(await admin.get(`/api/projects?${qs}`), field);
  });

  test('every sort key, both directions, empty values last', async () => {
    const keys = ['code', 'name', 'level', 'park_name', 'chain_name', 'owner_name', 'contractor_name', 'manager', 'leader',
      'total_investment', 'planned_start', 'planned_finish', 'phase_index', 'status', 'light_rank', 'invest_to_date',
      'started_on', 'last_report_date', 'updated_at', 'created_at', 'id'];
    for (const k of keys) {
      for (const desc of [false, true]) {
        const r = await list(`q=LS-&archived=1&limit=200&as_of=${AS_OF}&sort=${desc ? '-' : ''}${k}`);
        assert.equal(r.total, 5, `sort=${k}`);
        assertSorted(r.items, k, desc);
      }
    }
    assert.deepEqual(await lsCodes('sort=total_investment'), ['LS-02', 'LS-01', 'LS-03', 'LS-04']);
    assert.deepEqual(await lsCodes('sort=-total_investment'), ['LS-03', 'LS-01', 'LS-02', 'LS-04'], 'empty last when descending too');
    assert.deepEqual((await lsCodes('sort=-light_rank')).slice(0, 2), ['LS-02', 'LS-01']);
    assert.deepEqual(await lsCodes('sort=-code'), ['LS-04', 'LS-03', 'LS-02', 'LS-01']);
    assert.deepEqual((await lsCodes('sort=phase_index')).slice(0, 2), ['LS-03', 'LS-01']);
    const byStatus = (await list(`q=LS-&limit=200&as_of=${AS_OF}&sort=status`)).items.map((p) => p.status);
    assert.deepEqual(byStatus, ['not_started', 'not_started', 'started', 'stopped']);
    // sort and paging together
    const page = await list(`q=LS-&limit=1&offset=1&as_of=${AS_OF}&sort=-total_investment`);
    assert.deepEqual(codes(page.items), ['LS-01']);
    assert.equal(page.total, 4);
  });
});

// ---- events -------------------------------------------------------------------------

describe('events: start → stop → resume → stop …', () => {
  let pid;
  before(async () => {
    pid = (await createProject({ code: 'EV-1', name: '开停复工事件项目', level: 'district' })).id;
  });
  const post = (body) => admin.post(`/api/projects/${pid}/events`, body);

  test('validation: kind, date, stop needs a reason, future date refused', async () => {
    assertValidation(await post({}), 'kind', 'date');
    assertValidation(await post({ kind: 'pause', date: '2025-03-01' }), 'kind');
    assertValidation(await post({ kind: 'start', date: '2025-02-30' }), 'date');
    assertValidation(await post({ kind: 'start', date: cnDate(1) }), 'date');
    assertValidation(await post({ kind: 'start', date: '2099-01-01' }), 'date');
    assertNotFound(await admin.post('/api/projects/987654321/events', { kind: 'start', date: '2025-03-01' }), 'event on a missing project');
    assert.deepEqual((await admin.get(`/api/projects/${pid}/events`)).json, { items: [] });
  });

  test('order rules; status follows the events as of a date', async () => {
    const bad = async (body, what) => {
      const r = await post(body);
      const f = assertValidation(r, 'kind');
      assert.ok(f.includes('kind'), what);
    };
    await bad({ kind: 'resume', date: '2025-03-01' }, 'resume before any start');
    await bad({ kind: 'stop', date: '2025-03-01', reason: '停电' }, 'stop before any start');
    const start = await addEvent(pid, 'start', '2025-03-01');
    assert.deepEqual(Object.keys(start).sort(), ['created_at', 'date', 'id', 'kind', 'project_id', 'reason']);
    assert.equal(start.project_id, pid);
    assert.equal(start.kind, 'start');
    assert.equal(start.date, '2025-03-01');
    assert.equal(start.reason, null);
    assert.match(start.created_at, DATETIME_RE);
    await expectAudit('project_event', start.id, 'create', pid);
    await bad({ kind: 'start', date: '2025-04-01' }, 'second start');
    await bad({ kind: 'resume', date: '2025-04-01' }, 'resume while started');
    assertValidation(await post({ kind: 'stop', date: '2025-05-01' }), 'reason');
    assertValidation(await post({ kind: 'stop', date: '2025-05-01', reason: '   ' }), 'reason');
    await bad({ kind: 'stop', date: '2025-02-01', reason: '停电' }, 'a stop dated before the start');
    const stop = await addEvent(pid, 'stop', '2025-05-01', '环保督查停工');
    assert.equal(stop.reason, '环保督查停工');
    await bad({ kind: 'stop', date: '2025-05-20', reason: '又停' }, 'stop while stopped');
    const resume = await addEvent(pid, 'resume', '2025-06-01');
    await bad({ kind: 'stop', date: '2025-05-15', reason: '中间插入' }, 'a stop between a stop and a resume');
    await bad({ kind: 'resume', date: '2025-04-15' }, 'a resume before the stop');
    const stop2 = await addEvent(pid, 'stop', '2025-09-01', '资金链断裂');
    const l = expect(await admin.get(`/api/projects/${pid}/events`), 200, 'events');
    assert.deepEqual(l.items.map((e) => [e.kind, e.date]),
      [['start', '2025-03-01'], ['stop', '2025-05-01'], ['resume', '2025-06-01'], ['stop', '2025-09-01']]);
    assert.deepEqual(l.items.map((e) => e.id), [start.id, stop.id, resume.id, stop2.id]);
    const at = async (d) => (await getProject(pid, d));
    assert.equal((await at('2025-02-28')).status, 'not_started');
    assert.equal((await at('2025-03-01')).status, 'started');
    const s = await at('2025-05-15');
    assert.equal(s.status, 'stopped');
    assert.equal(s.last_event, 'stop');
    assert.equal(s.started_on, '2025-03-01');
    assert.equal((await at('2025-06-01')).last_event, 'resume');
    assert.equal((await at('2025-06-01')).status, 'started');
    assert.equal((await getProject(pid)).status, 'stopped');
    ids.ev = { start, stop, resume, stop2 };
  });

  test('DELETE only the latest event of its project', async () => {
    const { start, stop, resume, stop2 } = ids.ev;
    for (const e of [start, stop, resume]) {
      assertValidation(await admin.del(`/api/events/${e.id}`), 'id');
    }
    assert.equal((await admin.get(`/api/projects/${pid}/events`)).json.items.length, 4);
    expect(await admin.del(`/api/events/${stop2.id}`), 200, 'delete latest');
    const a = await expectAudit('project_event', stop2.id, 'delete', pid);
    assert.equal(a.before.kind, 'stop');
    assert.equal(a.after, null);
    assertNotFound(await admin.del(`/api/events/${stop2.id}`), 'delete twice');
    assertValidation(await admin.del(`/api/events/${stop.id}`), 'id');
    expect(await admin.del(`/api/events/${resume.id}`), 200, 'now the resume is the latest');
    assert.equal((await getProject(pid)).status, 'stopped');
    assertNotFound(await admin.del('/api/events/987654321'), 'delete missing event');
    assert.deepEqual((await admin.get(`/api/projects/${pid}/events`)).json.items.map((e) => e.kind), ['start', 'stop']);
  });

  test('the order rule holds however many events a project has (206 here)', async () => {
    const p = await createProject({ code: 'EV-MANY', name: '多次停复工项目', level: 'district' });
    const day = (i) => new Date(Date.UTC(2020, 0, 1) + i * 86400e3).toISOString().slice(0, 10);
    // start, then stop and resume alternately; the last, event 205, is a stop
    for (let i = 0; i < 206; i++) {
      const kind = i === 0 ? 'start' : i % 2 ? 'stop' : 'resume';
      expect(await admin.post(`/api/projects/${p.id}/events`, { kind, date: day(i), reason: '季节性停工' }), 201, `event ${i}`);
    }
    assert.equal((await getProject(p.id)).status, 'stopped');
    const bad = await admin.post(`/api/projects/${p.id}/events`, { kind: 'stop', date: day(210), reason: '再停' });
    assertValidation(bad, 'kind');
    const l = (await admin.get(`/api/projects/${p.id}/events`)).json.items;
    assert.equal(l.length, 206, 'a stop after a stop is refused');
    // the latest one can still be deleted, and only it
    assertValidation(await admin.del(`/api/events/${l[204].id}`), 'id');
    expect(await admin.del(`/api/events/${l[205].id}`), 200, 'delete the latest of 206');
  });

  test('today is accepted; same-day start and stop keep their order', async () => {
    const p = await createProject({ code: 'EV-2', name: '今日开工项目', level: 'district' });
    const today = cnDate(0);
    await addEvent(p.id, 'start', today);
    await addEvent(p.id, 'stop', today, '当日停工');
    const l = (await admin.get(`/api/projects/${p.id}/events`)).json.items;
    assert.deepEqual(l.map((e) => e.kind), ['start', 'stop']);
    assert.equal((await getProject(p.id)).status, 'stopped');
  });
});

// ---- progress reports -------------------------------------------------------------

describe('progress reports', () => {
  let pid;
  const R = {};
  before(async () => {
    pid = (await createProject({ code: 'RP-1', name: '进度填报项目', level: 'municipal', total_investment: 1000 })).id;
  });
  const post = (body) => admin.post(`/api/projects/${pid}/reports`, body);
  const reportCount = async () => (await admin.get(`/api/projects/${pid}/reports`)).json.total;

  test('validation: date and phase required, unknown phase, future date', async () => {
    assertValidation(await post({}), 'date', 'phase');
    assertValidation(await post({ date: '2025-03-31', phase: '打地基' }), 'phase');
    assertValidation(await post({ date: '2025-03-31', phase: 'digging' }), 'phase');
    assertValidation(await post({ date: cnDate(1), phase: 'piling' }), 'date');
    assertValidation(await post({ date: '2025-04-31', phase: 'piling' }), 'date');
    assertValidation(await post({ date: '2025-03-31', phase: 'piling', invest_period: -1 }), 'invest_period');
    assertValidation(await post({ date: '2025-03-31', phase: 'piling', workforce: 'many' }), 'workforce');
    assert.equal(await reportCount(), 0);
  });

  test('first report: invest_to_date defaults to the period figure; phase by code or Chinese label', async () => {
    const r = await addReport(pid, { date: '2025-03-31', phase: 'piling', invest_period: 100, workforce: 120, note: '桩基进场' });
    assert.equal(r.project_id, pid);
    assert.equal(r.date, '2025-03-31');
    assert.equal(r.phase, 'piling');
    assert.equal(r.phase_label, '桩基施工');
    assert.equal(r.phase_index, 3);
    assert.equal(r.invest_period, 100);
    assert.equal(r.invest_to_date, 100);
    assert.equal(r.workforce, 120);
    assert.equal(r.note, '桩基进场');
    assert.equal(r.phase_reason, null);
    assert.equal(r.quantities, null);
    assert.equal(r.created_by, adminId);
    assert.match(r.created_at, DATETIME_RE);
    assert.deepEqual(r.notices, []);
    await expectAudit('progress_report', r.id, 'create', pid);
    R.mar = r;
    const apr = await addReport(pid, { date: '2025-04-30', phase: '主体施工', invest_period: 50 });
    assert.equal(apr.phase, 'main_structure');
    assert.equal(apr.phase_label, '主体施工');
    assert.equal(apr.invest_to_date, 150, 'previous 100 + period 50');
    R.apr = apr;
  });

  test('a phase behind the latest report on or before the date needs phase_reason', async () => {
    assertValidation(await post({ date: '2025-05-31', phase: 'piling' }), 'phase_reason');
    assertValidation(await post({ date: '2025-05-31', phase: '试桩', invest_period: 5 }), 'phase_reason');
    // compared with the report just before the date (03-31 piling), not the newest one
    assertValidation(await post({ date: '2025-04-15', phase: 'test_piling' }), 'phase_reason');
    assert.equal(await reportCount(), 2, 'refused reports are not stored');
    const may = await addReport(pid, { date: '2025-05-31', phase: 'piling', phase_reason: '设计变更，补桩', invest_period: 20 });
    assert.equal(may.phase, 'piling');
    assert.equal(may.phase_reason, '设计变更，补桩');
    assert.equal(may.invest_to_date, 170);
    R.may = may;
    // an earlier date than every report: nothing before it, no reason needed
    const feb = await addReport(pid, { date: '2025-02-28', phase: '前期工作', invest_period: 30 });
    assert.equal(feb.phase, 'preparation');
    assert.equal(feb.invest_to_date, 30, 'no previous report: just the period figure');
    R.feb = feb;
    // the same phase is not behind
    const same = await addReport(pid, { date: '2025-06-15', phase: 'piling' });
    assert.equal(same.invest_to_date, 170, 'no period figure: the previous total carries over');
    R.jun15 = same;
  });

  test('invest_to_date lower than before is stored with a notice', async () => {
    const r = await addReport(pid, { date: '2025-06-30', phase: 'main_structure', invest_to_date: 120 });
    assert.equal(r.invest_to_date, 120);
    assert.ok(Array.isArray(r.notices) && r.notices.length === 1, JSON.stringify(r.notices));
    assert.equal(r.notices[0].field, 'invest_to_date');
    assert.ok(r.notices[0].message.length > 0);
    R.jun30 = r;
    const higher = await addReport(pid, { date: '2025-07-01', phase: 'main_structure', invest_to_date: 121 });
    assert.deepEqual(higher.notices, []);
    R.jul1 = higher;
  });

  test('quantities and problems are stored with the report', async () => {
    const r = await addReport(pid, {
      date: '2025-07-31', phase: 'topped_out', workforce: 300,
      quantities: [{ name: '混凝土浇筑', amount: 1200.5, unit: 'm³' }, { name: '钢筋', amount: 80 }],
      problems: [{ description: '施工用电增容未落实', department: '供电公司', due_date: '2025-08-31' },
        { description: '临时道路占用审批', department: '交通局', due_date: '2099-12-31' }],
    });
    assert.equal(r.invest_to_date, 121, 'default: previous 121 + no period');
    assert.deepEqual(r.quantities, [{ name: '混凝土浇筑', amount: 1200.5, unit: 'm³' }, { name: '钢筋', amount: 80 }]);
    R.jul31 = r;
    const probs = expect(await admin.get(`/api/problems?project_id=${pid}&limit=200`), 200, 'problems').items;
    assert.equal(probs.length, 2);
    const elec = probs.find((q) => q.department === '供电公司');
    assert.equal(elec.report_id, r.id);
    assert.equal(elec.status, 'open');
    assert.equal(elec.overdue, true);
    assert.equal(elec.project_code, 'RP-1');
    assert.equal(elec.project_name, '进度填报项目');
    assert.equal(probs.find((q) => q.department === '交通局').overdue, false);
    // one audit row for the report and one per problem
    const h = (await admin.get(`/api/projects/${pid}/history?limit=3`)).json.items;
    assert.deepEqual(h.map((a) => a.entity).sort(), ['problem', 'problem', 'progress_report']);
    const p = await getProject(pid);
    assert.equal(p.phase, 'topped_out');
    assert.equal(p.invest_to_date, 121);
    assert.equal(p.last_report_date, '2025-07-31');
    assert.equal(p.open_problems, 2);
    assert.equal(p.overdue_problems, 1);
  });

  test('bad quantities and problems → 400 naming list[i].field, nothing stored', async () => {
    const n = await reportCount();
    const np = (await admin.get(`/api/problems?project_id=${pid}`)).json.total;
    assertValidation(await post({ date: '2025-08-31', phase: 'topped_out', quantities: [{ amount: 1 }] }), 'quantities[0].name');
    assertValidation(await post({ date: '2025-08-31', phase: 'topped_out', quantities: [{ name: '土方', amount: 'lots' }] }), 'quantities[0].amount');
    assertValidation(await post({ date: '2025-08-31', phase: 'topped_out', quantities: 'x' }), 'quantities');
    assertValidation(await post({
      date: '2025-08-31', phase: 'topped_out',
      problems: [{ description: '好', department: '住建局', due_date: '2025-09-30' }, { description: '缺部门' }],
    }), 'problems[1].department', 'problems[1].due_date');
    assertValidation(await post({
      date: '2025-08-31', phase: 'topped_out', problems: [{ description: '日期错', department: '住建局', due_date: '2025-09-31' }],
    }), 'problems[0].due_date');
    assert.equal(await reportCount(), n);
    assert.equal((await admin.get(`/api/problems?project_id=${pid}`)).json.total, np);
  });

  test('a bad status of a problem in a report is named problems[i].status and nothing is stored', async () => {
    const n = await reportCount();
    const r = await post({
      date: '2025-08-31', phase: 'topped_out',
      problems: [{ description: '状态错', department: '住建局', due_date: '2025-09-30', status: 'closed' }],
    });
    assertValidation(r, 'problems[0].status');
    assert.equal(await reportCount(), n);
  });

  test('list: newest first, paging, sort=date, created_by_name; as-of view of the project', async () => {
    const l = expect(await admin.get(`/api/projects/${pid}/reports`), 200, 'reports');
    assert.deepEqual(l.items.map((r) => r.date),
      ['2025-07-31', '2025-07-01', '2025-06-30', '2025-06-15', '2025-05-31', '2025-04-30', '2025-03-31', '2025-02-28']);
    assert.equal(l.total, 8);
    assert.equal(l.items[0].created_by_name, 'pj_admin');
    assert.equal(l.items[0].phase_label, '主体封顶');
    assert.deepEqual(l.items[0].quantities, R.jul31.quantities);
    const { notices, ...created } = R.jul31;
    assert.deepEqual(notices, []);
    assert.deepEqual(l.items[0], { ...created, created_by_name: 'pj_admin' },
      'the list item is the created report (plus created_by_name)');
    const page = expect(await admin.get(`/api/projects/${pid}/reports?limit=2&offset=2`), 200, 'page');
    assert.deepEqual(page.items.map((r) => r.date), ['2025-06-30', '2025-06-15']);
    assert.equal(page.total, 8);
    const asc = expect(await admin.get(`/api/projects/${pid}/reports?sort=date&limit=3`), 200, 'sort=date');
    assert.deepEqual(asc.items.map((r) => r.date), ['2025-02-28', '2025-03-31', '2025-04-30']);
    assertValidation(await admin.get(`/api/projects/${pid}/reports?sort=phase`), 'sort');
    assertValidation(await admin.get(`/api/projects/${pid}/reports?limit=0`), 'limit');
    const may1 = await getProject(pid, '2025-05-01');
    assert.equal(may1.phase, 'main_structure');
    assert.equal(may1.invest_to_date, 150);
    assert.equal(may1.last_report_date, '2025-04-30');
  });

  test('the POST answer names the author (created_by_name) like the list does', async () => {
    assert.equal(R.jul31.created_by_name, 'pj_admin');
    assert.equal(R.mar.created_by_name, 'pj_admin');
  });

  test('DELETE /api/reports/{id}', async () => {
    expect(await admin.del(`/api/reports/${R.jul31.id}`), 200, 'delete report');
    const a = await expectAudit('progress_report', R.jul31.id, 'delete', pid);
    assert.equal(a.before.date, '2025-07-31');
    assert.equal(a.after, null);
    assertNotFound(await admin.del(`/api/reports/${R.jul31.id}`), 'delete twice');
    assertNotFound(await admin.del('/api/reports/987654321'), 'delete missing');
    const p = await getProject(pid);
    assert.equal(p.last_report_date, '2025-07-01');
    assert.equal(p.phase, 'main_structure');
    assert.equal((await admin.get(`/api/projects/${pid}/reports`)).json.total, 7);
  });

  test('a report dated today is accepted; 投产 and 运营 alone mean operation', async () => {
    const p = await createProject({ code: 'RP-3', name: '投产项目', level: 'district' });
    const t = await addReport(p.id, { date: cnDate(0), phase: '投产/运营' });
    assert.equal(t.phase, 'operation');
    const y = await addReport(p.id, { date: '2025-05-05', phase: '投产' });
    assert.equal(y.phase, 'operation');
    const z = await addReport(p.id, { date: '2025-05-06', phase: '运营' });
    assert.equal(z.phase_index, 9);
  });

  test('English labels and messages with Accept-Language: en', async () => {
    const en = await loginAs(srv.url, 'pj_admin', 'secret-pass-1', { lang: 'en' });
    const l = (await en.get(`/api/projects/${pid}/reports?limit=1`)).json.items[0];
    assert.equal(l.phase_label, 'Main structure');
    const p = await createProject({ code: 'EN-1', name: '英文预警项目', level: 'district', planned_start: '2025-01-15' });
    const g = (await en.get(`/api/projects/${p.id}?as_of=2025-04-01`)).json;
    assert.equal(g.warnings[0].code, 'start_missed');
    assert.ok(!/[\u4e00-\u9fff]/.test(g.warnings[0].message), g.warnings[0].message);
    const v = await en.post(`/api/projects/${pid}/reports`, { date: '2025-09-30', phase: 'preparation' });
    assertValidation(v, 'phase_reason');
    assert.ok(!/[\u4e00-\u9fff]/.test(v.json.error.fields[0].message), v.text);
  });

  test('no investment figures at all → invest_to_date stays null', async () => {
    const p = await createProject({ code: 'RP-2', name: '无投资填报项目', level: 'district' });
    const r = await addReport(p.id, { date: '2025-05-05', phase: 'preparation' });
    assert.equal(r.invest_to_date, null);
    assert.equal(r.invest_period, null);
    assert.deepEqual(r.notices, []);
  });
});

// ---- problems -------------------------------------------------------------------------

describe('problems to coordinate', () => {
  const P = {};
  const Q = {};
  before(async () => {
    P.a = (await createProject({ code: 'PB-1', name: '问题协调项目一', level: 'district' })).id;
    P.b = (await createProject({ code: 'PB-2', name: '问题协调项目二', level: 'district' })).id;
  });
  const post = (pid, body) => admin.post(`/api/projects/${pid}/problems`, body);

  test('create: validation and defaults', async () => {
    assertValidation(await post(P.a, {}), 'description', 'department', 'due_date');
    assertValidation(await post(P.a, { description: '缺日期', department: '住建局', due_date: '2025-13-01' }), 'due_date');
    assertValidation(await post(P.a, { description: '坏状态', department: '住建局', due_date: '2025-01-01', status: 'closed' }), 'status');
    const mk = async (pid, body) => {
      const r = expect(await post(pid, body), 201, `problem ${body.description}`);
      await expectAudit('problem', r.id, 'create', pid);
      return r;
    };
    Q.A = await mk(P.a, { description: 'A 土地指标未落实', department: '自然资源局', due_date: '2025-01-10' });
    assert.equal(Q.A.status, 'open');
    assert.equal(Q.A.report_id, null);
    assert.equal(Q.A.closing_note, null);
    assert.equal(Q.A.project_id, P.a);
    assert.equal(Q.A.department, '自然资源局');
    assert.equal(Q.A.due_date, '2025-01-10');
    assert.match(Q.A.created_at, DATETIME_RE);
    Q.B = await mk(P.b, { description: 'B 环评批复', department: '生态环境局', due_date: '2025-02-01', status: 'in_progress' });
    assert.equal(Q.B.status, 'in_progress');
    Q.C = await mk(P.a, { description: 'C 规划调整', department: '自然资源局', due_date: '2099-01-01' });
    Q.D = await mk(P.b, { description: 'D 供水接入', department: '水务局', due_date: '2098-06-01' });
    Q.E = await mk(P.a, { description: 'E 施工许可', department: '住建局', due_date: '2024-01-01', status: 'solved', closing_note: '已办结' });
  });

  test('a problem created as solved needs a closing note too', async () => {
    const pid = (await createProject({ code: 'PB-3', name: '问题协调项目三', level: 'district' })).id;
    assertValidation(await post(pid, { description: '直接办结', department: '住建局', due_date: '2025-03-01', status: 'solved' }),
      'closing_note');
  });

  test('list: overdue first, then open by due date, solved last; filters', async () => {
    const all = expect(await admin.get('/api/problems?limit=200'), 200, 'problems').items;
    const mine = all.filter((q) => q.project_id === P.a || q.project_id === P.b);
    assert.deepEqual(mine.map((q) => q.description[0]), ['A', 'B', 'D', 'C', 'E']);
    assert.deepEqual(mine.map((q) => q.overdue), [true, true, false, false, false]);
    // the rule holds over the whole list
    const group = (q) => (q.overdue ? 0 : q.status !== 'solved' ? 1 : 2);
    for (let i = 1; i < all.length; i++) {
      const g0 = group(all[i - 1]);
      const g1 = group(all[i]);
      assert.ok(g0 <= g1, `order of groups at ${i}: ${JSON.stringify(all.map((q) => [q.id, q.status, q.overdue]))}`);
      if (g0 === g1 && g0 < 2) assert.ok(all[i - 1].due_date <= all[i].due_date, 'by due date within a group');
    }
    for (const q of all) {
      assert.equal(q.overdue, q.status !== 'solved' && q.due_date < cnDate(0), `overdue flag of ${q.id}`);
    }
    const pa = expect(await admin.get(`/api/problems?project_id=${P.a}`), 200, 'project_id');
    assert.deepEqual(pa.items.map((q) => q.id), [Q.A.id, Q.C.id, Q.E.id]);
    assert.equal(pa.total, 3);
    assert.equal(pa.items[0].project_code, 'PB-1');
    assert.equal(pa.items[0].project_name, '问题协调项目一');
    const od = expect(await admin.get('/api/problems?overdue=1&limit=200'), 200, 'overdue=1').items;
    assert.ok(od.every((q) => q.overdue === true && q.status !== 'solved'));
    assert.ok(od.some((q) => q.id === Q.A.id) && od.some((q) => q.id === Q.B.id));
    assert.ok(!od.some((q) => q.id === Q.C.id || q.id === Q.E.id));
    const solved = expect(await admin.get('/api/problems?status=solved&limit=200'), 200, 'status=solved').items;
    assert.ok(solved.length >= 1 && solved.every((q) => q.status === 'solved'));
    const inprog = expect(await admin.get(`/api/problems?status=in_progress&project_id=${P.b}`), 200, 'in_progress');
    assert.deepEqual(inprog.items.map((q) => q.id), [Q.B.id]);
    const page = expect(await admin.get(`/api/problems?project_id=${P.a}&limit=1&offset=1`), 200, 'page');
    assert.deepEqual(page.items.map((q) => q.id), [Q.C.id]);
    assert.equal(page.total, 3);
    const desc = expect(await admin.get('/api/problems?sort=-due_date&limit=200'), 200, 'sort=-due_date').items
      .filter((q) => q.project_id === P.a || q.project_id === P.b);
    assert.deepEqual(desc.map((q) => q.description[0]), ['B', 'A', 'C', 'D', 'E']);
    for (const [qs, f] of [['status=closed', 'status'], ['project_id=abc', 'project_id'], ['limit=0', 'limit'],
      ['offset=-2', 'offset'], ['sort=description', 'sort']]) {
      assertValidation(await admin.get(`/api/problems?${qs}`), f);
    }
    // the project counts them
    const p = await getProject(P.a);
    assert.equal(p.open_problems, 2);
    assert.equal(p.overdue_problems, 1);
    assert.ok(p.warnings.some((w) => w.code === 'problem_overdue' && w.light === 'yellow'));
    assert.equal(p.light, 'yellow');
    const early = await getProject(P.a, '2025-01-05');
    assert.equal(early.overdue_problems, 0, 'not yet overdue on 2025-01-05');
    assert.equal(early.light, 'green');
  });

  test('update: solved needs a closing note; full replacement; 404', async () => {
    const base = { description: 'A 土地指标未落实', department: '自然资源局', due_date: '2025-01-10' };
    assertValidation(await admin.put(`/api/problems/${Q.A.id}`, { ...base, status: 'solved' }), 'closing_note');
    assertValidation(await admin.put(`/api/problems/${Q.A.id}`, { ...base, status: 'solved', closing_note: '  ' }), 'closing_note');
    assertValidation(await admin.put(`/api/problems/${Q.A.id}`, {}), 'description', 'department', 'due_date');
    assertValidation(await admin.put(`/api/problems/${Q.A.id}`, { ...base, status: 'done' }), 'status');
    assertNotFound(await admin.put('/api/problems/987654321', { ...base }), 'PUT missing problem');
    const u = expect(await admin.put(`/api/problems/${Q.A.id}`, { ...base, status: 'solved', closing_note: '指标已调剂' }), 200, 'solve');
    assert.equal(u.status, 'solved');
    assert.equal(u.closing_note, '指标已调剂');
    assert.equal(u.id, Q.A.id);
    const a = await expectAudit('problem', Q.A.id, 'update', P.a);
    assert.equal(a.before.status, 'open');
    assert.equal(a.after.status, 'solved');
    const l = (await admin.get(`/api/problems?project_id=${P.a}`)).json.items;
    assert.deepEqual(l.map((q) => q.id), [Q.C.id, Q.E.id, Q.A.id], 'solved ones last, by due date');
    assert.equal(l.find((q) => q.id === Q.A.id).overdue, false, 'a solved problem is never overdue');
    const p = await getProject(P.a);
    assert.equal(p.overdue_problems, 0);
    assert.equal(p.open_problems, 1);
    // full replacement: no status → open, no closing note → null
    const back = expect(await admin.put(`/api/problems/${Q.E.id}`, { description: 'E 施工许可', department: '住建局', due_date: '2024-01-01' }), 200, 'reopen');
    assert.equal(back.status, 'open');
    assert.equal(back.closing_note, null);
  });
});

// ---- node plans and the template ------------------------------------------------------

const TEMPLATE = ['供地', '规划许可', '施工许可', '开工', '主体封顶', '竣工', '竣工验收', '投产'];

describe('node plans', () => {
  let pid;
  before(async () => {
    pid = (await createProject({ code: 'ND-1', name: '节点计划项目', level: 'district' })).id;
  });

  test('a new zone has the default template, in order', async () => {
    for (const c of [admin, adminB]) {
      const l = expect(await c.get('/api/node-templates'), 200, 'node-templates');
      assert.deepEqual(l.items.map((t) => t.name), TEMPLATE);
      assert.equal(l.total, 8);
      const so = l.items.map((t) => t.sort_order);
      assert.deepEqual(so, [...so].sort((x, y) => x - y));
    }
  });

  test('empty plan, plan from the template, then a replacement with late flags', async () => {
    assert.deepEqual(expect(await admin.get(`/api/projects/${pid}/nodes`), 200, 'nodes'), { items: [] });
    const t = expect(await admin.put(`/api/projects/${pid}/nodes`, { from_template: true }), 200, 'from template');
    assert.deepEqual(t.items.map((n) => n.name), TEMPLATE);
    for (const n of t.items) {
      assert.equal(n.project_id, pid);
      assert.equal(n.planned_date, null);
      assert.equal(n.actual_date, null);
      assert.equal(n.late, false);
    }
    const so = t.items.map((n) => n.sort_order);
    assert.deepEqual(so, [...so].sort((x, y) => x - y));
    assert.deepEqual(expect(await admin.get(`/api/projects/${pid}/nodes`), 200, 'nodes'), t);
    const a = await expectAudit('node_plan', pid, 'update', pid);
    assert.deepEqual(a.before, { nodes: [] });
    assert.equal(a.after.nodes.length, 8);

    const items = [
      { name: '供地', planned_date: '2025-01-01', actual_date: '2025-01-05' },
      { name: '开工', planned_date: '2025-02-01' },
      { name: '竣工', planned_date: '2099-01-01' },
      { name: '投产' },
      { name: '验收', planned_date: '2025-03-01', actual_date: '2025-04-01' },
      { name: '今日节点', planned_date: cnDate(0) },
      { name: '昨日节点', planned_date: cnDate(-1) },
    ];
    const r = expect(await admin.put(`/api/projects/${pid}/nodes`, { items }), 200, 'replace');
    assert.deepEqual(r.items.map((n) => [n.name, n.planned_date, n.actual_date, n.late]), [
      ['供地', '2025-01-01', '2025-01-05', false],
      ['开工', '2025-02-01', null, true],
      ['竣工', '2099-01-01', null, false],
      ['投产', null, null, false],
      ['验收', '2025-03-01', '2025-04-01', false],
      ['今日节点', cnDate(0), null, false],
      ['昨日节点', cnDate(-1), null, true], // "today" is China's date
    ]);
    const so2 = r.items.map((n) => n.sort_order);
    assert.deepEqual(so2, [...so2].sort((x, y) => x - y), 'sort_order follows the list');
    assert.deepEqual((await admin.get(`/api/projects/${pid}/nodes`)).json, r);
    const a2 = await expectAudit('node_plan', pid, 'update', pid);
    assert.equal(a2.before.nodes.length, 8);
    assert.equal(a2.after.nodes.length, 7);
    const empty = expect(await admin.put(`/api/projects/${pid}/nodes`, { items: [] }), 200, 'empty');
    assert.deepEqual(empty.items, []);
    expect(await admin.put(`/api/projects/${pid}/nodes`, { items }), 200, 'again');
  });

  test('validation: items required, each needs a name and real dates; nothing changes', async () => {
    const before = (await admin.get(`/api/projects/${pid}/nodes`)).json;
    assertValidation(await admin.put(`/api/projects/${pid}/nodes`, {}), 'items');
    assertValidation(await admin.put(`/api/projects/${pid}/nodes`, { items: 'x' }), 'items');
    assertValidation(await admin.put(`/api/projects/${pid}/nodes`, { from_template: false }), 'items');
    assertValidation(await admin.put(`/api/projects/${pid}/nodes`, {
      items: [{ name: '好' }, { planned_date: '2025-02-30', actual_date: 'yesterday' }],
    }), 'items[1].name', 'items[1].planned_date', 'items[1].actual_date');
    const r = await admin.put(`/api/projects/${pid}/nodes`, { items: ['x'] });
    assert.equal(r.status, 400, r.text);
    assert.ok(r.json.error.fields.some((f) => f.field.startsWith('items[0]')), r.text);
    assertValidation(await admin.put(`/api/projects/${pid}/nodes`, { items: Array.from({ length: 101 }, (_, i) => ({ name: `n${i}` })) }), 'items');
    assert.deepEqual((await admin.get(`/api/projects/${pid}/nodes`)).json, before);
  });

  test('template CRUD (admin) changes what from_template copies', async () => {
    const c = expect(await admin.post('/api/node-templates', { name: '环评批复', sort_order: 15 }), 201, 'template create');
    assert.equal(c.name, '环评批复');
    assert.equal(c.sort_order, 15);
    await expectAudit('node_template', c.id, 'create');
    const p2 = (await createProject({ code: 'ND-2', name: '节点模板项目', level: 'district' })).id;
    const t = expect(await admin.put(`/api/projects/${p2}/nodes`, { from_template: true }), 200, 'from template');
    assert.deepEqual(t.items.map((n) => n.name), ['供地', '环评批复', ...TEMPLATE.slice(1)]);
    assertConflict(await admin.post('/api/node-templates', { name: '供地' }), 'name');
    assertValidation(await admin.post('/api/node-templates', {}), 'name');
    assertValidation(await admin.post('/api/node-templates', { name: '排序错', sort_order: 'x' }), 'sort_order');
    const u = expect(await admin.put(`/api/node-templates/${c.id}`, { name: '环评及能评批复', sort_order: 95 }), 200, 'template update');
    assert.equal(u.name, '环评及能评批复');
    assert.deepEqual(expect(await admin.get(`/api/node-templates/${c.id}`), 200, 'get'), u);
    const h = expect(await admin.get(`/api/node-templates/${c.id}/history`), 200, 'history');
    assert.deepEqual(h.items.map((a) => a.action), ['update', 'create']);
    expect(await admin.del(`/api/node-templates/${c.id}`), 200, 'template delete');
    assertNotFound(await admin.get(`/api/node-templates/${c.id}`), 'deleted template');
    assert.deepEqual((await admin.get('/api/node-templates')).json.items.map((x) => x.name), TEMPLATE);
    // the plan copied earlier keeps its nodes
    assert.equal((await admin.get(`/api/projects/${p2}/nodes`)).json.items.length, 9);
    // another zone's template node is not found
    const zbFirst = (await adminB.get('/api/node-templates')).json.items[0].id;
    assertNotFound(await admin.get(`/api/node-templates/${zbFirst}`), 'zb template from za');
    assertNotFound(await admin.put(`/api/node-templates/${zbFirst}`, { name: '改' }), 'PUT zb template from za');
  });
});

// ---- settings and the warning light ---------------------------------------------------

const DEFAULTS = {
  'warn.start_yellow_months': 1, 'warn.start_red_months': 3, 'warn.progress_yellow_points': 10,
  'warn.progress_red_points': 30, 'warn.problem_overdue_yellow': true,
};
const pick = (o) => Object.fromEntries(Object.keys(DEFAULTS).map((k) => [k, o[k]]));

describe('settings and the warning light', () => {
  const AS_OF = '2025-07-02'; // plan 50.0% for a project planned over 2025
  const W = {};
  before(async () => {
    const mk = async (code, invest) => {
      const p = await createProject({
        code, name: `进度预警${code}`, level: 'district', total_investment: 1000,
        planned_start: '2025-01-01', planned_finish: '2025-12-31',
      });
      await addEvent(p.id, 'start', '2025-01-01');
      await addReport(p.id, { date: '2025-06-30', phase: 'main_structure', invest_to_date: invest });
      return p.id;
    };
    W.behind10 = await mk('WR-10', 400);   // 50.0 − 40.0 = 10.0
    W.behind30 = await mk('WR-30', 200);   // 30.0
    W.behind301 = await mk('WR-301', 199); // 30.1
    W.behind5 = await mk('WR-5', 450);     // 5.0
    W.late = (await createProject({ code: 'WS-1', name: '开工预警项目', level: 'district', planned_start: '2025-01-15' })).id;
    W.prob = (await createProject({ code: 'WP-1', name: '问题预警项目', level: 'district' })).id;
    expect(await admin.post(`/api/projects/${W.prob}/problems`, { description: '超期问题', department: '住建局', due_date: '2025-03-01' }), 201, 'problem');
  });
  const light = async (pid, asOf = AS_OF) => (await getProject(pid, asOf)).light;

  test('GET answers the defaults; every logged-in role of the zone may read', async () => {
    const s = expect(await admin.get('/api/settings'), 200, 'settings');
    assert.deepEqual(pick(s), DEFAULTS);
    assert.deepEqual(pick(expect(await officer.get('/api/settings'), 200, 'officer settings')), DEFAULTS);
  });

  test('progress rule: ≥ yellow points → yellow, > red points → red (defaults 10 / 30)', async () => {
    assert.equal(await light(W.behind5), 'green');
    assert.equal(await light(W.behind10), 'yellow');
    assert.equal(await light(W.behind30), 'yellow', 'exactly 30.0 behind is not above 30');
    assert.equal(await light(W.behind301), 'red');
    const w = (await getProject(W.behind301, AS_OF)).warnings;
    assert.deepEqual(w.map((x) => [x.code, x.light]), [['progress_behind', 'red']]);
    assert.match(w[0].message, /30\.1/);
  });

  test('start rule: months past the planned start month (defaults 1 / 3)', async () => {
    assert.equal(await light(W.late, '2025-01-31'), 'green');
    assert.equal(await light(W.late, '2025-02-01'), 'yellow');
    assert.equal(await light(W.late, '2025-03-31'), 'yellow');
    assert.equal(await light(W.late, '2025-04-01'), 'red');
    assert.deepEqual((await getProject(W.late, '2025-04-01')).warnings.map((x) => [x.code, x.light]), [['start_missed', 'red']]);
  });

  test('PUT: unknown key, bad values → 400 naming the key; only admin; nothing changes', async () => {
    const before = await auditCount();
    assertValidation(await admin.put('/api/settings', { 'warn.bogus': 1 }), 'warn.bogus');
    assertValidation(await admin.put('/api/settings', { 'warn.start_red_months': 'abc' }), 'warn.start_red_months');
    assertValidation(await admin.put('/api/settings', { 'warn.start_red_months': 99 }), 'warn.start_red_months');
    assertValidation(await admin.put('/api/settings', { 'warn.start_yellow_months': -1 }), 'warn.start_yellow_months');
    assertValidation(await admin.put('/api/settings', { 'warn.progress_yellow_points': 2.5 }), 'warn.progress_yellow_points');
    assertValidation(await admin.put('/api/settings', { 'warn.progress_red_points': 101 }), 'warn.progress_red_points');
    assertValidation(await admin.put('/api/settings', { 'warn.problem_overdue_yellow': 1 }), 'warn.problem_overdue_yellow');
    assertValidation(await admin.put('/api/settings', { 'warn.problem_overdue_yellow': null }), 'warn.problem_overdue_yellow');
    assertValidation(await admin.put('/api/settings', { 'warn.start_red_months': 5, 'warn.bogus': 1 }), 'warn.bogus');
    const f = await officer.put('/api/settings', { 'warn.start_red_months': 5 });
    assert.equal(f.status, 403, f.text);
    assert.equal(f.json?.error?.code, 'forbidden');
    assert.deepEqual(pick((await admin.get('/api/settings')).json), DEFAULTS);
    assert.equal(await auditCount(), before);
  });

  test('changing warn.* thresholds changes the light; audited as settings', async () => {
    const put = async (body) => {
      const r = expect(await admin.put('/api/settings', body), 200, `PUT settings ${JSON.stringify(body)}`);
      for (const k of Object.keys(DEFAULTS)) assert.ok(k in r, `PUT answers the whole object (${k})`);
      return r;
    };
    const s = await put({ 'warn.progress_yellow_points': 11 });
    assert.deepEqual(pick(s), { ...DEFAULTS, 'warn.progress_yellow_points': 11 });
    assert.deepEqual(pick((await admin.get('/api/settings')).json), pick(s));
    const a = await lastAudit();
    assert.equal(a.entity, 'settings');
    assert.equal(a.action, 'update');
    assert.equal(a.user_id, adminId);
    assert.equal(a.before['warn.progress_yellow_points'], 10);
    assert.equal(a.after['warn.progress_yellow_points'], 11);
    const zoneId = (await admin.get('/api/me')).json.zone.id;
    assert.equal(a.entity_id, zoneId);
    assert.equal(await light(W.behind10), 'green', '10.0 behind < 11');
    assert.deepEqual((await getProject(W.behind10, AS_OF)).warnings, []);
    assert.deepEqual(pick((await adminB.get('/api/settings')).json), DEFAULTS, 'another zone keeps its settings');

    await put({ 'warn.progress_yellow_points': 5, 'warn.progress_red_points': 9 });
    assert.equal(await light(W.behind5), 'yellow');
    assert.equal(await light(W.behind10), 'red');
    await put({ 'warn.progress_red_points': 10 });
    assert.equal(await light(W.behind10), 'yellow', 'exactly at the red threshold stays yellow');

    await put({ 'warn.start_yellow_months': 2, 'warn.start_red_months': 4 });
    assert.equal(await light(W.late, '2025-02-01'), 'green');
    assert.equal(await light(W.late, '2025-03-01'), 'yellow');
    assert.equal(await light(W.late, '2025-04-01'), 'yellow');
    assert.equal(await light(W.late, '2025-05-01'), 'red');

    assert.equal(await light(W.prob, cnDate(0)), 'yellow');
    await put({ 'warn.problem_overdue_yellow': false });
    assert.equal(await light(W.prob, cnDate(0)), 'green');
    assert.deepEqual((await getProject(W.prob)).warnings, []);
    assert.equal((await getProject(W.prob)).overdue_problems, 1, 'still counted');

    // lights counts in lists follow too
    const l = (await admin.get(`/api/projects?q=WR-&as_of=${AS_OF}`)).json.lights;
    assert.deepEqual(l, { green: 0, yellow: 2, red: 2 }); // 5.0 and 10.0 yellow; 30.0 and 30.1 red (> 10)

    const back = await put(DEFAULTS);
    assert.deepEqual(pick(back), DEFAULTS);
    assert.equal(await light(W.behind10), 'yellow');
    assert.equal(await light(W.prob, cnDate(0)), 'yellow');
    assert.deepEqual((await admin.get(`/api/projects?q=WR-&as_of=${AS_OF}`)).json.lights, { green: 1, yellow: 2, red: 1 });
  });
});

// ---- history and audit ---------------------------------------------------------------

describe('history', () => {
  test('the project\'s history shows its own rows and its parts\', newest first', async () => {
    const p = await createProject({ code: 'HX-1', name: '历史记录项目', level: 'district' });
    expect(await admin.put(`/api/projects/${p.id}`, { code: 'HX-1', name: '历史记录项目（改）', level: 'district' }), 200, 'update');
    const ev = await addEvent(p.id, 'start', '2025-03-01');
    const rep = await addReport(p.id, {
      date: '2025-03-31', phase: 'piling', problems: [{ description: '历史问题', department: '住建局', due_date: '2025-04-30' }],
    });
    const prob = (await admin.get(`/api/problems?project_id=${p.id}`)).json.items[0];
    const pu = expect(await admin.put(`/api/problems/${prob.id}`, { description: '历史问题', department: '住建局', due_date: '2025-04-30', status: 'in_progress' }), 200, 'problem update');
    assert.equal(pu.report_id, rep.id, 'an update keeps the report the problem came from');
    assert.equal(pu.project_id, p.id);
    expect(await admin.put(`/api/projects/${p.id}/nodes`, { from_template: true }), 200, 'nodes');
    // another project's parts stay out
    const other = await createProject({ code: 'HX-2', name: '另一个项目', level: 'district' });
    await addEvent(other.id, 'start', '2025-03-01');

    const h = expect(await admin.get(`/api/projects/${p.id}/history`), 200, 'history');
    assert.deepEqual(h.items.map((a) => [a.entity, a.action]), [
      ['node_plan', 'update'], ['problem', 'update'], ['problem', 'create'], ['progress_report', 'create'],
      ['project_event', 'create'], ['project', 'update'], ['project', 'create'],
    ]);
    assert.equal(h.total, 7);
    const idsDesc = h.items.map((a) => a.id);
    assert.deepEqual(idsDesc, [...idsDesc].sort((x, y) => y - x), 'newest first');
    assert.equal(h.items[4].entity_id, ev.id);
    assert.equal(h.items[3].entity_id, rep.id);
    assert.equal(h.items[2].entity_id, prob.id);
    for (const a of h.items) {
      assert.equal(a.username, 'pj_admin');
      if (a.entity !== 'project') {
        assert.equal(a.parent_entity, 'project');
        assert.equal(a.parent_id, p.id);
      }
    }
    const page = expect(await admin.get(`/api/projects/${p.id}/history?limit=2&offset=5`), 200, 'history page');
    assert.deepEqual(page.items.map((a) => a.entity), ['project', 'project']);
    assert.equal(page.total, 7);
    // the audit list of the project answers the same rows
    const au = expect(await admin.get(`/api/audit?entity=project&id=${p.id}&limit=200`), 200, 'audit');
    assert.deepEqual(au.items.map((a) => a.id), idsDesc);
    assertNotFound(await admin.get('/api/projects/987654321/history'), 'history of a missing project');
    assertValidation(await admin.get(`/api/projects/${p.id}/history?limit=0`), 'limit');
  });
});

// ---- a missing project ------------------------------------------------------------
// Last in the file: these once brought the server down (an uninitialised pointer
// freed on the 404 path), which would take every later test with it.

describe('a missing project answers 404 on every project route', () => {
  test('GET/PUT/POST on /api/projects/987654321/…', async () => {
    const m = '/api/projects/987654321';
    const reqs = [
      ['GET', m], ['PUT', m, { code: 'MISS-1', name: 'x', level: 'district' }], ['GET', `${m}/history`],
      ['GET', `${m}/events`], ['POST', `${m}/events`, { kind: 'start', date: '2025-03-01' }],
      ['GET', `${m}/reports`], ['POST', `${m}/reports`, { date: '2025-03-31', phase: 'piling' }],
      ['GET', `${m}/nodes`], ['PUT', `${m}/nodes`, { from_template: true }],
      ['POST', `${m}/problems`, { description: 'x', department: 'y', due_date: '2025-01-01' }],
      ['DELETE', '/api/events/987654321'], ['DELETE', '/api/reports/987654321'],
      ['PUT', '/api/problems/987654321', { description: 'x', department: 'y', due_date: '2025-01-01' }],
    ];
    for (const [meth, path, body] of reqs) assertNotFound(await admin.req(meth, path, body), `${meth} ${path}`);
    assert.equal(srv.exited(), null, 'the server is still running');
    expect(await admin.get('/api/health'), 200, 'health after the 404s');
  });
});
