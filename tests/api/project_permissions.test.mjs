// Who may read and write key projects and their parts, per role; what an
// enterprise user sees (only the projects its organisation owns); zone
// isolation (another zone's ids answer 404 on every project route).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, loginAs } from '../lib/server.mjs';

const ROLES = ['admin', 'leader', 'project_officer', 'investment_officer', 'approval_officer',
  'dept_reviewer', 'service_officer', 'enterprise_user'];
const READERS = new Set(['admin', 'leader', 'project_officer', 'investment_officer', 'approval_officer', 'service_officer']);
const WRITERS = new Set(['admin', 'project_officer']);
const PROJECT_PERMS = ['project.read', 'project.write', 'project.read_own', 'progress.write', 'progress.write_own', 'settings.write'];

function expectedProjectPerms(role) {
  const p = [];
  if (READERS.has(role)) p.push('project.read');
  if (WRITERS.has(role)) p.push('project.write', 'progress.write');
  if (role === 'enterprise_user') p.push('project.read_own', 'progress.write_own');
  if (role === 'admin') p.push('settings.write');
  return p.sort();
}

let srv;
const c = {};     // role → Client in za
const cb = {};    // role → Client in zb
const ids = {};
let n = 0;

function expectStatus(r, status, code, what) {
  assert.equal(r.status, status, `${what}: expected ${status}, got ${r.status}: ${r.text}`);
  if (code) assert.equal(r.json?.error?.code, code, `${what}: ${r.text}`);
  return r.json;
}

async function mk(client, path, body) {
  return expectStatus(await client.post(path, body), 201, null, `POST ${path}`);
}

/** A project with one start event, one report (with a problem) and a node plan. */
async function richProject(client, code, owner) {
  const p = await mk(client, '/api/projects', { code, name: `权限项目${code}`, level: 'district', owner_org_id: owner,
    years: [{ year: 2025, kind: 'new', planned_investment: 10 }] });
  const ev = await mk(client, `/api/projects/${p.id}/events`, { kind: 'start', date: '2025-03-01' });
  const rep = await mk(client, `/api/projects/${p.id}/reports`, {
    date: '2025-03-31', phase: 'piling', invest_period: 5,
    problems: [{ description: `${code} 问题`, department: '住建局', due_date: '2099-01-01' }],
  });
  const prob = (await client.get(`/api/problems?project_id=${p.id}`)).json.items[0];
  expectStatus(await client.put(`/api/projects/${p.id}/nodes`, { from_template: true }), 200, null, 'nodes');
  return { id: p.id, code, event: ev.id, report: rep.id, problem: prob.id };
}

before(async () => {
  srv = await startServer();
  await srv.addUser('za', 'pp_admin', 'admin');
  c.admin = await loginAs(srv.url, 'pp_admin');
  ids.ownOrg = (await mk(c.admin, '/api/orgs', { name: '自家企业有限公司', kind: 'enterprise' })).id;
  ids.otherOrg = (await mk(c.admin, '/api/orgs', { name: '别家企业有限公司', kind: 'enterprise' })).id;
  for (const role of ROLES) {
    if (role === 'admin') continue;
    const extra = role === 'enterprise_user' ? ['--org', String(ids.ownOrg)] : [];
    await srv.addUser('za', `pp_${role}`, role, 'secret-pass-1', extra);
    c[role] = await loginAs(srv.url, `pp_${role}`);
  }
  ids.own = await richProject(c.admin, 'OWN-1', ids.ownOrg);
  ids.other = await richProject(c.admin, 'OTH-1', ids.otherOrg);
  ids.none = await richProject(c.admin, 'NON-1', undefined);
  ids.tpl = (await c.admin.get('/api/node-templates')).json.items[0].id;

  await srv.addUser('zb', 'pp_admin_b', 'admin');
  await srv.addUser('zb', 'pp_officer_b', 'project_officer');
  cb.admin = await loginAs(srv.url, 'pp_admin_b');
  cb.project_officer = await loginAs(srv.url, 'pp_officer_b');
  ids.zbOrg = (await mk(cb.admin, '/api/orgs', { name: '乙区企业有限公司', kind: 'enterprise' })).id;
  ids.zb = await richProject(cb.admin, 'ZB-1', ids.zbOrg);
  ids.zbTpl = (await cb.admin.get('/api/node-templates')).json.items[0].id;
});
after(async () => { await srv?.stop(); });

/** Every read route of a project (and the zone-wide project reads). */
const projectReads = (p) => [
  `/api/projects/${p.id}`, `/api/projects/${p.id}/history`, `/api/projects/${p.id}/events`,
  `/api/projects/${p.id}/reports`, `/api/projects/${p.id}/nodes`,
];
const zoneReads = () => ['/api/projects', '/api/problems', '/api/node-templates', `/api/node-templates/${ids.tpl}`,
  `/api/node-templates/${ids.tpl}/history`, '/api/reports/kaifugong', '/api/reports/kaifugong?as_of=2025-06-30&by=park'];

test('/api/me lists the project permissions of each role', async () => {
  for (const role of ROLES) {
    const r = expectStatus(await c[role].get('/api/me'), 200, null, `${role} /api/me`);
    const got = r.permissions.filter((p) => PROJECT_PERMS.includes(p)).sort();
    assert.deepEqual(got, expectedProjectPerms(role), `project permissions of ${role}`);
  }
});

test('anonymous callers get 401 on every project route', async () => {
  const anon = new Client(srv.url);
  anon.csrf = 'x'.repeat(32);
  const p = ids.own;
  const reqs = [
    ...projectReads(p).map((x) => ['GET', x]), ...zoneReads().map((x) => ['GET', x]), ['GET', '/api/settings'],
    ['POST', '/api/projects', { code: 'A-1', name: 'x', level: 'district' }],
    ['PUT', `/api/projects/${p.id}`, { code: 'A-1', name: 'x', level: 'district' }],
    ['POST', `/api/projects/${p.id}/events`, { kind: 'stop', date: '2025-04-01', reason: 'x' }],
    ['DELETE', `/api/events/${p.event}`],
    ['POST', `/api/projects/${p.id}/reports`, { date: '2025-04-30', phase: 'piling' }],
    ['DELETE', `/api/reports/${p.report}`],
    ['PUT', `/api/projects/${p.id}/nodes`, { items: [] }],
    ['POST', `/api/projects/${p.id}/problems`, { description: 'x', department: 'y', due_date: '2025-01-01' }],
    ['PUT', `/api/problems/${p.problem}`, { description: 'x', department: 'y', due_date: '2025-01-01' }],
    ['PUT', '/api/settings', { 'warn.start_red_months': 5 }],
    ['POST', '/api/node-templates', { name: 'x' }], ['PUT', `/api/node-templates/${ids.tpl}`, { name: 'x' }],
    ['DELETE', `/api/node-templates/${ids.tpl}`],
  ];
  for (const [m, path, b] of reqs) expectStatus(await anon.req(m, path, b), 401, 'unauthenticated', `anonymous ${m} ${path}`);
});

test('readers read everything of the zone; dept_reviewer nothing; enterprise_user only its own', async () => {
  for (const role of ROLES) {
    const u = c[role];
    if (READERS.has(role)) {
      for (const p of [ids.own, ids.other, ids.none]) {
        for (const path of projectReads(p)) expectStatus(await u.get(path), 200, null, `${role} GET ${path}`);
      }
      for (const path of zoneReads()) expectStatus(await u.get(path), 200, null, `${role} GET ${path}`);
      const l = (await u.get('/api/projects?limit=200')).json;
      assert.deepEqual(l.items.map((p) => p.code).sort(), ['NON-1', 'OTH-1', 'OWN-1'], `${role} sees all projects`);
      assert.equal((await u.get('/api/problems?limit=200')).json.total, 3, `${role} sees all problems`);
    } else if (role === 'dept_reviewer') {
      for (const p of [ids.own, ids.other]) {
        for (const path of projectReads(p)) expectStatus(await u.get(path), 403, 'forbidden', `${role} GET ${path}`);
      }
      for (const path of zoneReads()) expectStatus(await u.get(path), 403, 'forbidden', `${role} GET ${path}`);
    }
    // settings: any logged-in user of the zone may read them
    expectStatus(await u.get('/api/settings'), 200, null, `${role} GET /api/settings`);
  }
});

test('enterprise_user: list, get and parts of its own projects only', async () => {
  const u = c.enterprise_user;
  const l = expectStatus(await u.get('/api/projects?limit=200'), 200, null, 'enterprise list');
  assert.deepEqual(l.items.map((p) => p.code), ['OWN-1']);
  assert.equal(l.total, 1);
  assert.deepEqual(l.lights, { green: 1, yellow: 0, red: 0 }, 'lights of its own projects only');
  for (const qs of ['q=OTH', 'q=NON', 'q=权限项目', `year=2025`, 'archived=1', 'sort=-code']) {
    const r = expectStatus(await u.get(`/api/projects?${qs}`), 200, null, `enterprise list ${qs}`);
    assert.ok(r.items.every((p) => p.code === 'OWN-1'), `enterprise list ${qs}: ${r.text}`);
  }
  for (const path of projectReads(ids.own)) expectStatus(await u.get(path), 200, null, `enterprise GET ${path}`);
  for (const p of [ids.other, ids.none]) {
    for (const path of projectReads(p)) expectStatus(await u.get(path), 403, 'forbidden', `enterprise GET ${path}`);
  }
  const probs = expectStatus(await u.get('/api/problems?limit=200'), 200, null, 'enterprise problems');
  assert.deepEqual(probs.items.map((q) => q.project_id), [ids.own.id], 'only its own projects\' problems');
  assert.equal(probs.total, 1);
  assert.equal((await u.get(`/api/problems?project_id=${ids.other.id}`)).json.total, 0);
  for (const path of ['/api/reports/kaifugong', '/api/node-templates', `/api/node-templates/${ids.tpl}`]) {
    expectStatus(await u.get(path), 403, 'forbidden', `enterprise GET ${path}`);
  }
});

test('enterprise_user files reports for its own projects only; no other write', async () => {
  const u = c.enterprise_user;
  const own = ids.own;
  const r = await u.post(`/api/projects/${own.id}/reports`, {
    date: '2025-04-30', phase: 'main_structure', invest_period: 3,
    problems: [{ description: '企业反映的问题', department: '供电公司', due_date: '2099-06-30' }],
  });
  expectStatus(r, 201, null, 'enterprise POST own report');
  assert.equal(r.json.invest_to_date, 8);
  const me = (await u.get('/api/me')).json.user;
  assert.equal(r.json.created_by, me.id);
  const hist = (await c.admin.get(`/api/projects/${own.id}/history?limit=5`)).json.items;
  assert.ok(hist.some((a) => a.entity === 'progress_report' && a.entity_id === r.json.id && a.username === 'pp_enterprise_user'),
    'the report is in the project\'s history under the enterprise user');
  const reports = (await c.admin.get(`/api/projects/${own.id}/reports`)).json.total;
  for (const p of [ids.other, ids.none]) {
    expectStatus(await u.post(`/api/projects/${p.id}/reports`, { date: '2025-04-30', phase: 'piling' }), 403, 'forbidden',
      `enterprise POST report on ${p.code}`);
  }
  const denied = [
    ['POST', '/api/projects', { code: 'ENT-1', name: '企业自建', level: 'district', owner_org_id: ids.ownOrg }],
    ['PUT', `/api/projects/${own.id}`, { code: own.code, name: '改名', level: 'district', owner_org_id: ids.ownOrg }],
    ['POST', `/api/projects/${own.id}/events`, { kind: 'stop', date: '2025-05-01', reason: '企业自报停工' }],
    ['DELETE', `/api/events/${own.event}`],
    ['DELETE', `/api/reports/${own.report}`],
    ['PUT', `/api/projects/${own.id}/nodes`, { items: [{ name: '企业节点' }] }],
    ['POST', `/api/projects/${own.id}/problems`, { description: 'x', department: 'y', due_date: '2099-01-01' }],
    ['PUT', `/api/problems/${own.problem}`, { description: 'x', department: 'y', due_date: '2099-01-01', status: 'solved', closing_note: 'x' }],
    ['PUT', '/api/settings', { 'warn.start_red_months': 5 }],
    ['POST', '/api/node-templates', { name: '企业模板' }],
  ];
  for (const [m, path, b] of denied) expectStatus(await u.req(m, path, b), 403, 'forbidden', `enterprise ${m} ${path}`);
  const p = (await c.admin.get(`/api/projects/${own.id}`)).json;
  assert.equal(p.name, `权限项目${own.code}`);
  assert.equal(p.status, 'started');
  assert.equal((await c.admin.get(`/api/projects/${own.id}/reports`)).json.total, reports);
  assert.equal((await c.admin.get(`/api/projects/${own.id}/nodes`)).json.items.length, 8);
  assert.equal((await c.admin.get('/api/projects?q=ENT-1')).json.total, 0);
});

test('writes: project, events, reports, nodes, problems — admin and project_officer only', async () => {
  for (const role of ROLES) {
    if (role === 'enterprise_user') continue; // above
    const u = c[role];
    const k = ++n;
    const code = `W-${k}`;
    const create = await u.post('/api/projects', { code, name: `写权限${k}`, level: 'district' });
    if (WRITERS.has(role)) {
      const pid = expectStatus(create, 201, null, `${role} POST /api/projects`).id;
      expectStatus(await u.put(`/api/projects/${pid}`, { code, name: `写权限${k}改`, level: 'municipal' }), 200, null, `${role} PUT project`);
      const ev = expectStatus(await u.post(`/api/projects/${pid}/events`, { kind: 'start', date: '2025-03-01' }), 201, null, `${role} POST event`);
      expectStatus(await u.del(`/api/events/${ev.id}`), 200, null, `${role} DELETE event`);
      const rep = expectStatus(await u.post(`/api/projects/${pid}/reports`, { date: '2025-03-31', phase: 'piling' }), 201, null, `${role} POST report`);
      expectStatus(await u.del(`/api/reports/${rep.id}`), 200, null, `${role} DELETE report`);
      expectStatus(await u.put(`/api/projects/${pid}/nodes`, { from_template: true }), 200, null, `${role} PUT nodes`);
      const pr = expectStatus(await u.post(`/api/projects/${pid}/problems`, { description: 'x', department: 'y', due_date: '2099-01-01' }), 201, null, `${role} POST problem`);
      expectStatus(await u.put(`/api/problems/${pr.id}`, { description: 'x', department: 'y', due_date: '2099-01-01', status: 'in_progress' }), 200, null, `${role} PUT problem`);
      // the admin's audit shows the writer
      const a = (await c.admin.get('/api/audit?limit=1')).json.items[0];
      assert.equal(a.username, `${role === 'admin' ? 'pp_admin' : `pp_${role}`}`);
    } else {
      expectStatus(create, 403, 'forbidden', `${role} POST /api/projects`);
      const p = ids.none;
      const denied = [
        ['PUT', `/api/projects/${p.id}`, { code: p.code, name: '改名', level: 'district' }],
        ['POST', `/api/projects/${p.id}/events`, { kind: 'stop', date: '2025-05-01', reason: '停' }],
        ['DELETE', `/api/events/${p.event}`],
        ['POST', `/api/projects/${p.id}/reports`, { date: '2025-04-30', phase: 'piling' }],
        ['DELETE', `/api/reports/${p.report}`],
        ['PUT', `/api/projects/${p.id}/nodes`, { items: [] }],
        ['POST', `/api/projects/${p.id}/problems`, { description: 'x', department: 'y', due_date: '2099-01-01' }],
        ['PUT', `/api/problems/${p.problem}`, { description: 'x', department: 'y', due_date: '2099-01-01' }],
      ];
      for (const [m, path, b] of denied) expectStatus(await u.req(m, path, b), 403, 'forbidden', `${role} ${m} ${path}`);
    }
  }
  // nothing changed on NON-1
  const p = (await c.admin.get(`/api/projects/${ids.none.id}`)).json;
  assert.equal(p.name, '权限项目NON-1');
  assert.equal(p.status, 'started');
  assert.equal((await c.admin.get(`/api/projects/${ids.none.id}/reports`)).json.total, 1);
  assert.equal((await c.admin.get(`/api/projects/${ids.none.id}/nodes`)).json.items.length, 8);
  assert.equal((await c.admin.get(`/api/problems?project_id=${ids.none.id}`)).json.items[0].description, 'NON-1 问题');
});

test('settings and the node template: only admin writes', async () => {
  for (const role of ROLES) {
    const u = c[role];
    const s = await u.put('/api/settings', { 'warn.start_red_months': 3 });
    const t = await u.post('/api/node-templates', { name: `模板${role}` });
    const tu = await u.put(`/api/node-templates/${ids.tpl}`, { name: '供地', sort_order: 10 });
    if (role === 'admin') {
      expectStatus(s, 200, null, 'admin PUT settings');
      expectStatus(t, 201, null, 'admin POST node-template');
      expectStatus(tu, 200, null, 'admin PUT node-template');
      expectStatus(await u.del(`/api/node-templates/${t.json.id}`), 200, null, 'admin DELETE node-template');
    } else {
      expectStatus(s, 403, 'forbidden', `${role} PUT settings`);
      expectStatus(t, 403, 'forbidden', `${role} POST node-template`);
      expectStatus(tu, 403, 'forbidden', `${role} PUT node-template`);
      expectStatus(await u.del(`/api/node-templates/${ids.tpl}`), 403, 'forbidden', `${role} DELETE node-template`);
    }
  }
  assert.equal((await c.admin.get('/api/node-templates')).json.total, 8);
});

test('writes need the CSRF token', async () => {
  const r = await c.admin.post('/api/projects', { code: 'CSRF-1', name: '无令牌', level: 'district' }, { csrf: false });
  expectStatus(r, 403, 'csrf', 'POST without X-CSRF-Token');
  const e = await c.enterprise_user.post(`/api/projects/${ids.own.id}/reports`, { date: '2025-05-31', phase: 'piling', phase_reason: 'x' }, { csrf: false });
  expectStatus(e, 403, 'csrf', 'enterprise POST report without X-CSRF-Token');
  assert.equal((await c.admin.get('/api/projects?q=CSRF-1')).json.total, 0);
});

// Last: the 404 paths of some routes once brought the server down.
describe('zone isolation', () => {
  /** Every project route with the ids of project p (another zone's). */
  const routes = (p, tpl, admin = true) => [
    ['GET', `/api/projects/${p.id}`], ['GET', `/api/projects/${p.id}?as_of=2025-06-30`],
    ['PUT', `/api/projects/${p.id}`, { code: 'HIJACK-1', name: '越区修改', level: 'district' }],
    ['GET', `/api/projects/${p.id}/history`],
    ['GET', `/api/projects/${p.id}/events`],
    ['POST', `/api/projects/${p.id}/events`, { kind: 'stop', date: '2025-04-01', reason: '越区停工' }],
    ['DELETE', `/api/events/${p.event}`],
    ['GET', `/api/projects/${p.id}/reports`],
    ['POST', `/api/projects/${p.id}/reports`, { date: '2025-04-30', phase: 'piling' }],
    ['DELETE', `/api/reports/${p.report}`],
    ['GET', `/api/projects/${p.id}/nodes`],
    ['PUT', `/api/projects/${p.id}/nodes`, { items: [{ name: '越区节点' }] }],
    ['POST', `/api/projects/${p.id}/problems`, { description: '越区问题', department: 'x', due_date: '2099-01-01' }],
    ['PUT', `/api/problems/${p.problem}`, { description: '越区', department: 'x', due_date: '2099-01-01' }],
    ['GET', `/api/node-templates/${tpl}`], ['GET', `/api/node-templates/${tpl}/history`],
    // the template is written by admin only (others get 403 before any lookup)
    ...(admin ? [['PUT', `/api/node-templates/${tpl}`, { name: '越区模板' }], ['DELETE', `/api/node-templates/${tpl}`]] : []),
  ];

  test('zb\'s admin and project officer get 404 for za\'s ids on every project route', async () => {
    for (const who of ['admin', 'project_officer']) {
      for (const [m, path, b] of routes(ids.own, ids.tpl, who === 'admin')) {
        expectStatus(await cb[who].req(m, path, b), 404, 'not_found', `zb ${who} ${m} ${path}`);
      }
      const l = (await cb[who].get('/api/projects?archived=1&limit=200')).json;
      assert.deepEqual(l.items.map((p) => p.code), ['ZB-1']);
      assert.equal((await cb[who].get(`/api/problems?project_id=${ids.own.id}`)).json.total, 0);
      assert.ok((await cb[who].get('/api/problems?limit=200')).json.items.every((q) => q.project_id === ids.zb.id));
    }
    // za is unchanged
    const p = (await c.admin.get(`/api/projects/${ids.own.id}`)).json;
    assert.equal(p.code, 'OWN-1');
    assert.equal(p.status, 'started');
    assert.equal((await c.admin.get(`/api/projects/${ids.own.id}/nodes`)).json.items.length, 8);
    assert.equal((await c.admin.get(`/api/node-templates/${ids.tpl}`)).status, 200);
    assert.equal(srv.exited(), null, 'the server is still running');
  });

  test('za\'s admin gets 404 for zb\'s ids', async () => {
    for (const [m, path, b] of routes(ids.zb, ids.zbTpl)) {
      expectStatus(await c.admin.req(m, path, b), 404, 'not_found', `za admin ${m} ${path}`);
    }
    assert.equal((await cb.admin.get(`/api/projects/${ids.zb.id}`)).json.code, 'ZB-1');
  });

  test('an enterprise user gets for another zone\'s project what it gets for a missing one', async () => {
    const u = c.enterprise_user;
    const missing = { id: 987654321, event: 987654321, report: 987654321, problem: 987654321 };
    const reads = (p) => [`/api/projects/${p.id}`, `/api/projects/${p.id}/events`, `/api/projects/${p.id}/reports`,
      `/api/projects/${p.id}/nodes`, `/api/projects/${p.id}/history`];
    const rm = reads(missing);
    const rz = reads(ids.zb);
    for (let i = 0; i < rm.length; i++) {
      const a = await u.get(rm[i]);
      const b = await u.get(rz[i]);
      assert.ok([403, 404].includes(b.status), `${rz[i]}: ${b.status} ${b.text}`);
      assert.equal(b.status, a.status, `${rz[i]} answers like a missing project`);
      assert.deepEqual(b.json, a.json);
    }
    const post = await u.post(`/api/projects/${ids.zb.id}/reports`, { date: '2025-04-30', phase: 'piling' });
    assert.ok([403, 404].includes(post.status), post.text);
    assert.equal((await cb.admin.get(`/api/projects/${ids.zb.id}/reports`)).json.total, 1);
  });
});
