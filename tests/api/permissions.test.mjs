// The permission table: 401 for anonymous callers, 403 forbidden per role,
// /api/me permissions per role.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, loginAs } from '../lib/server.mjs';

const ROLES = ['admin', 'leader', 'project_officer', 'investment_officer', 'approval_officer',
  'dept_reviewer', 'service_officer', 'enterprise_user'];
const ORG_WRITERS = new Set(['admin', 'project_officer', 'investment_officer', 'approval_officer', 'service_officer']);
const PROJECT_READERS = new Set(['admin', 'leader', 'project_officer', 'investment_officer', 'approval_officer',
  'service_officer']);

/** Expected /api/me permissions per role, from the contract's table. */
function expectedPermissions(role) {
  const p = ['zone.read', 'park.read', 'chain.read'];
  // An enterprise user reads its own organisation only.
  p.push(role === 'enterprise_user' ? 'org.read_own' : 'org.read');
  if (ORG_WRITERS.has(role)) p.push('org.write');
  if (role === 'admin') p.push('zone.write', 'park.write', 'chain.write', 'user.read', 'user.write', 'audit.read');
  // key projects (tests/api/project_permissions.test.mjs checks them in detail)
  if (PROJECT_READERS.has(role)) p.push('project.read');
  if (role === 'admin' || role === 'project_officer') p.push('project.write', 'progress.write');
  if (role === 'enterprise_user') p.push('project.read_own', 'progress.write_own');
  if (role === 'admin') p.push('settings.write');
  // working-day calendar (tests/api/calendar.test.mjs): admin writes
  if (role === 'admin') p.push('calendar.write');
  // investment (tests/api/leads.test.mjs): officers write their own leads
  if (['admin', 'leader', 'investment_officer'].includes(role)) p.push('lead.read');
  if (role === 'admin') p.push('lead.write');
  if (['admin', 'investment_officer'].includes(role)) p.push('lead.write_own', 'invest.write');
  // joint acceptance (tests/api/acceptance.test.mjs): cases scoped per role
  if (['admin', 'leader', 'approval_officer', 'dept_reviewer', 'enterprise_user'].includes(role)) {
    p.push('acceptance.read');
  }
  if (['admin', 'approval_officer', 'enterprise_user'].includes(role)) p.push('acceptance.apply');
  if (['admin', 'approval_officer'].includes(role)) p.push('acceptance.manage');
  if (role === 'dept_reviewer') p.push('acceptance.review');
  if (['admin', 'leader', 'approval_officer', 'dept_reviewer'].includes(role)) p.push('acceptance_queue.read');
  if (['admin', 'leader', 'approval_officer'].includes(role)) p.push('acceptance_report.read');
  // the work briefing: the leadership and administrators
  if (['admin', 'leader'].includes(role)) p.push('briefing.read');
  // enterprise service and 亩均 (tests/api/service.test.mjs, mujun.test.mjs)
  if (['admin', 'leader', 'service_officer'].includes(role)) p.push('service.read', 'service_report.read', 'mujun.read');
  if (['admin', 'service_officer'].includes(role)) p.push('service.write');
  if (role === 'admin') p.push('service.manage', 'mujun.write');
  if (['admin', 'leader'].includes(role)) p.push('service_all.read');
  if (role === 'enterprise_user') p.push('request.write_own');
  return p.sort();
}

let srv;
const c = {};        // role → logged-in Client
let ids = {};        // fixtures
let n = 0;           // unique names

before(async () => {
  srv = await startServer();
  await srv.addUser('za', 'p_admin', 'admin');
  c.admin = await loginAs(srv.url, 'p_admin');
  const me = await c.admin.get('/api/me');
  ids.zone = me.json.zone.id;
  ids.adminUser = me.json.user.id;
  const park = await c.admin.post('/api/parks', { name: '权限园', kind: 'park' });
  assert.equal(park.status, 201, park.text);
  ids.park = park.json.id;
  const own = await c.admin.post('/api/orgs', { name: '自家企业有限公司', kind: 'enterprise' });
  assert.equal(own.status, 201, own.text);
  ids.ownOrg = own.json.id;
  const other = await c.admin.post('/api/orgs', { name: '别家企业有限公司', kind: 'enterprise' });
  assert.equal(other.status, 201, other.text);
  ids.otherOrg = other.json.id;
  const chains = await c.admin.get('/api/chains');
  ids.chain = chains.json.items[0].id;
  for (const role of ROLES) {
    if (role === 'admin') continue;
    const extra = role === 'enterprise_user' ? ['--org', String(ids.ownOrg)] : [];
    await srv.addUser('za', `p_${role}`, role, 'secret-pass-1', extra);
    c[role] = await loginAs(srv.url, `p_${role}`);
  }
});
after(async () => { await srv?.stop(); });

function expectStatus(r, status, code, what) {
  assert.equal(r.status, status, `${what}: expected ${status}, got ${r.status}: ${r.text}`);
  if (code) assert.equal(r.json?.error?.code, code, `${what}: ${r.text}`);
}

test('anonymous callers get 401 unauthenticated everywhere but health, login and openapi', async () => {
  const anon = new Client(srv.url);
  anon.csrf = 'x'.repeat(32); // a token without a session does not turn 401 into 403
  const reqs = [
    ['GET', '/api/me'], ['POST', '/api/logout', {}],
    ['GET', '/api/zones'], ['GET', `/api/zones/${ids.zone}`], ['PUT', `/api/zones/${ids.zone}`, { name: 'x' }],
    ['GET', '/api/parks'], ['POST', '/api/parks', { name: 'x', kind: 'park' }],
    ['GET', `/api/parks/${ids.park}`], ['PUT', `/api/parks/${ids.park}`, { name: 'x', kind: 'park' }],
    ['DELETE', `/api/parks/${ids.park}`], ['GET', `/api/parks/${ids.park}/history`],
    ['GET', '/api/orgs'], ['POST', '/api/orgs', { name: 'x', kind: 'enterprise' }],
    ['GET', `/api/orgs/${ids.ownOrg}`], ['DELETE', `/api/orgs/${ids.ownOrg}`], ['GET', `/api/orgs/${ids.ownOrg}/history`],
    ['GET', '/api/chains'], ['POST', '/api/chains', { code: 'x', name: 'x' }], ['GET', `/api/chains/${ids.chain}`],
    ['GET', `/api/chains/${ids.chain}/history`],
    ['GET', '/api/users'], ['POST', '/api/users', { username: 'x', name: 'x', role: 'admin', password: 'xxxxxxxxxx' }],
    ['GET', `/api/users/${ids.adminUser}`], ['PUT', `/api/users/${ids.adminUser}`, { name: 'x', role: 'admin' }],
    ['POST', `/api/users/${ids.adminUser}/password`, { password: 'hijacked-pass-1' }],
    ['GET', `/api/users/${ids.adminUser}/history`],
    ['GET', '/api/audit'],
  ];
  for (const [m, p, b] of reqs) expectStatus(await anon.req(m, p, b), 401, 'unauthenticated', `anonymous ${m} ${p}`);
  for (const p of ['/api/health', '/api/openapi.yaml']) expectStatus(await anon.get(p), 200, null, `anonymous GET ${p}`);
  // nothing changed
  assert.equal((await c.admin.get(`/api/parks/${ids.park}`)).json.name, '权限园');
  assert.equal((await new Client(srv.url).login('p_admin', 'secret-pass-1')).status, 200);
});

test('/api/me permissions match the table for every role', async () => {
  for (const role of ROLES) {
    const r = await c[role].get('/api/me');
    assert.equal(r.status, 200, `${role}: ${r.text}`);
    assert.equal(r.json.user.role, role);
    assert.deepEqual([...r.json.permissions].sort(), expectedPermissions(role), `permissions of ${role}`);
  }
});

test('zone, park, chain: every role reads, only admin writes', async () => {
  for (const role of ROLES) {
    const u = c[role];
    for (const p of ['/api/zones', `/api/zones/${ids.zone}`, '/api/parks', `/api/parks/${ids.park}`,
      `/api/parks/${ids.park}/history`, '/api/chains', `/api/chains/${ids.chain}`, `/api/chains/${ids.chain}/history`]) {
      expectStatus(await u.get(p), 200, null, `${role} GET ${p}`);
    }
    const k = ++n;
    const pk = await u.post('/api/parks', { name: `园${k}`, kind: 'park' });
    const ch = await u.post('/api/chains', { code: `CH${k}`, name: `链${k}` });
    const zp = await u.put(`/api/zones/${ids.zone}`, { name: '甲区' });
    const pp = await u.put(`/api/parks/${ids.park}`, { name: '权限园', kind: 'park' });
    const cur = (await c.admin.get(`/api/chains/${ids.chain}`)).json;
    const cp = await u.put(`/api/chains/${ids.chain}`,
      { code: cur.code, name: cur.name, category: cur.category, sort_order: cur.sort_order });
    if (role === 'admin') {
      expectStatus(pk, 201, null, 'admin POST /api/parks');
      expectStatus(ch, 201, null, 'admin POST /api/chains');
      expectStatus(zp, 200, null, 'admin PUT /api/zones/{id}');
      expectStatus(pp, 200, null, 'admin PUT /api/parks/{id}');
      expectStatus(cp, 200, null, 'admin PUT /api/chains/{id}');
      expectStatus(await u.del(`/api/parks/${pk.json.id}`), 200, null, 'admin DELETE /api/parks/{id}');
      expectStatus(await u.del(`/api/chains/${ch.json.id}`), 200, null, 'admin DELETE /api/chains/{id}');
    } else {
      expectStatus(pk, 403, 'forbidden', `${role} POST /api/parks`);
      expectStatus(ch, 403, 'forbidden', `${role} POST /api/chains`);
      expectStatus(zp, 403, 'forbidden', `${role} PUT /api/zones/{id}`);
      expectStatus(pp, 403, 'forbidden', `${role} PUT /api/parks/{id}`);
      expectStatus(cp, 403, 'forbidden', `${role} PUT /api/chains/{id}`);
      expectStatus(await u.del(`/api/parks/${ids.park}`), 403, 'forbidden', `${role} DELETE /api/parks/{id}`);
      expectStatus(await u.del(`/api/chains/${ids.chain}`), 403, 'forbidden', `${role} DELETE /api/chains/{id}`);
    }
  }
  const left = await c.admin.get(`/api/parks?q=${encodeURIComponent('园')}&limit=200`);
  assert.deepEqual(left.json.items.map((p) => p.name), ['权限园'], 'refused writes created nothing');
  const chains = await c.admin.get('/api/chains?limit=200');
  assert.equal(chains.json.total, 7, 'refused writes created no chain');
});

test('org: read all but enterprise_user; write admin and the officers', async () => {
  for (const role of ROLES) {
    const u = c[role];
    const list = await u.get('/api/orgs');
    const one = await u.get(`/api/orgs/${ids.otherOrg}`);
    const hist = await u.get(`/api/orgs/${ids.otherOrg}/history`);
    if (role === 'enterprise_user') {
      expectStatus(list, 403, 'forbidden', `${role} GET /api/orgs`);
      assert.ok([403, 404].includes(one.status), `${role} GET another org: ${one.status} ${one.text}`);
      assert.ok([403, 404].includes(hist.status), `${role} GET another org's history: ${hist.status} ${hist.text}`);
    } else {
      expectStatus(list, 200, null, `${role} GET /api/orgs`);
      expectStatus(one, 200, null, `${role} GET /api/orgs/{id}`);
      expectStatus(hist, 200, null, `${role} GET /api/orgs/{id}/history`);
    }
    const k = ++n;
    const created = await u.post('/api/orgs', { name: `企业${k}有限公司`, kind: 'enterprise' });
    if (ORG_WRITERS.has(role)) {
      expectStatus(created, 201, null, `${role} POST /api/orgs`);
      const id = created.json.id;
      expectStatus(await u.put(`/api/orgs/${id}`, { name: `企业${k}改名有限公司`, kind: 'contractor' }), 200, null, `${role} PUT /api/orgs/{id}`);
      expectStatus(await u.del(`/api/orgs/${id}`), 200, null, `${role} DELETE /api/orgs/{id}`);
    } else {
      expectStatus(created, 403, 'forbidden', `${role} POST /api/orgs`);
      const put = await u.put(`/api/orgs/${ids.otherOrg}`, { name: '别家企业有限公司', kind: 'enterprise' });
      const del = await u.del(`/api/orgs/${ids.otherOrg}`);
      if (role === 'enterprise_user') {
        // another org is invisible or forbidden to an enterprise user
        assert.ok([403, 404].includes(put.status), `${role} PUT /api/orgs/{other}: ${put.status}`);
        assert.ok([403, 404].includes(del.status), `${role} DELETE /api/orgs/{other}: ${del.status}`);
      } else {
        expectStatus(put, 403, 'forbidden', `${role} PUT /api/orgs/{id}`);
        expectStatus(del, 403, 'forbidden', `${role} DELETE /api/orgs/{id}`);
      }
    }
  }
  assert.equal((await c.admin.get(`/api/orgs/${ids.otherOrg}`)).status, 200, 'refused deletes deleted nothing');
});

test('enterprise_user reads its own org and its history, may not change it', async () => {
  const u = c.enterprise_user;
  const me = await u.get('/api/me');
  assert.equal(me.json.user.org_id, ids.ownOrg);
  const own = await u.get(`/api/orgs/${ids.ownOrg}`);
  expectStatus(own, 200, null, 'enterprise_user GET own org');
  assert.equal(own.json.name, '自家企业有限公司');
  expectStatus(await u.get(`/api/orgs/${ids.ownOrg}/history`), 200, null, 'enterprise_user GET own org history');
  expectStatus(await u.put(`/api/orgs/${ids.ownOrg}`, { name: '改名企业', kind: 'enterprise' }), 403, 'forbidden',
    'enterprise_user PUT own org');
  expectStatus(await u.del(`/api/orgs/${ids.ownOrg}`), 403, 'forbidden', 'enterprise_user DELETE own org');
  const q = await u.get(`/api/orgs?q=${encodeURIComponent('自家')}`);
  expectStatus(q, 403, 'forbidden', 'enterprise_user GET /api/orgs?q=');
});

test('user and audit endpoints are admin only', async () => {
  for (const role of ROLES) {
    const u = c[role];
    const selfId = (await u.get('/api/me')).json.user.id;
    const k = ++n;
    const reqs = [
      ['GET', '/api/users'],
      ['GET', `/api/users/${ids.adminUser}`],
      ['GET', `/api/users/${selfId}`],
      ['GET', `/api/users/${ids.adminUser}/history`],
      ['GET', '/api/audit'],
      ['GET', '/api/audit?entity=park'],
    ];
    for (const [m, p] of reqs) {
      const r = await u.req(m, p);
      if (role === 'admin') expectStatus(r, 200, null, `admin ${m} ${p}`);
      else expectStatus(r, 403, 'forbidden', `${role} ${m} ${p}`);
    }
    const created = await u.post('/api/users', { username: `new_${k}`, name: `新用户${k}`, role: 'admin', password: 'secret-pass-1' });
    const put = await u.put(`/api/users/${selfId}`, { name: `p_${role}`, role: 'admin' });
    if (role === 'admin') {
      expectStatus(created, 201, null, 'admin POST /api/users');
      expectStatus(put, 200, null, 'admin PUT /api/users/{id}');
      const pw = await u.post(`/api/users/${created.json.id}/password`, { password: 'another-pass-99' });
      expectStatus(pw, 200, null, 'admin POST /api/users/{id}/password');
    } else {
      const pw = await u.post(`/api/users/${ids.adminUser}/password`, { password: 'taken-over-99' });
      expectStatus(created, 403, 'forbidden', `${role} POST /api/users`);
      expectStatus(put, 403, 'forbidden', `${role} PUT /api/users/{own id} (role escalation)`);
      expectStatus(pw, 403, 'forbidden', `${role} POST /api/users/{admin}/password`);
      assert.equal((await u.get('/api/me')).json.user.role, role, `${role} still has its role`);
    }
  }
  assert.equal((await new Client(srv.url).login('p_admin', 'secret-pass-1')).status, 200, 'admin password unchanged');
});

test('the forbidden answer carries the error shape and a message', async () => {
  const r = await c.leader.post('/api/parks', { name: 'x', kind: 'park' });
  expectStatus(r, 403, 'forbidden', 'leader POST /api/parks');
  assert.equal(typeof r.json.error.message, 'string');
  assert.ok(r.json.error.message.length > 0);
  assert.equal(r.json.error.fields, undefined, 'fields only for validation');
});
