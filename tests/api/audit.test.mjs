// Audit trail: one row per write with before/after, history newest first,
// the CLI listing, and no row for refused writes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loginAs, makeUscc, DATETIME_RE } from '../lib/server.mjs';

let srv;
let admin, officer, leader;
let me;

before(async () => {
  srv = await startServer();
  await srv.addUser('za', 'au_admin', 'admin');
  await srv.addUser('za', 'au_officer', 'investment_officer');
  await srv.addUser('za', 'au_leader', 'leader');
  admin = await loginAs(srv.url, 'au_admin');
  officer = await loginAs(srv.url, 'au_officer');
  leader = await loginAs(srv.url, 'au_leader');
  me = (await admin.get('/api/me')).json;
});
after(async () => { await srv?.stop(); });

async function auditOf(entity, id) {
  const r = await admin.get(`/api/audit?entity=${entity}&id=${id}&limit=200`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.total, r.json.items.length);
  return r.json.items;
}

async function auditTotal() {
  const r = await admin.get('/api/audit?limit=1');
  assert.equal(r.status, 200, r.text);
  return r.json.total;
}

function checkRow(row, { entity, id, action, user }) {
  assert.ok(Number.isInteger(row.id));
  assert.equal(row.zone_id, me.zone.id);
  assert.equal(row.entity, entity);
  assert.equal(row.entity_id, id);
  assert.equal(row.action, action);
  assert.equal(row.user_id, user.id);
  assert.equal(row.username, user.username);
  assert.match(row.at, DATETIME_RE);
  if (action === 'create') {
    assert.equal(row.before, null, 'before is null on create');
    assert.equal(typeof row.after, 'object');
    assert.ok(row.after !== null);
  } else if (action === 'delete') {
    assert.equal(row.after, null, 'after is null on delete');
    assert.equal(typeof row.before, 'object');
    assert.ok(row.before !== null);
  } else {
    assert.ok(row.before && typeof row.before === 'object', 'before on update');
    assert.ok(row.after && typeof row.after === 'object', 'after on update');
  }
}

let parkId;

test('park create, update, delete: one row each with before/after', async () => {
  const t0 = await auditTotal();
  const c = await admin.post('/api/parks', { name: '审计园', kind: 'park', note: '初始' });
  assert.equal(c.status, 201, c.text);
  parkId = c.json.id;
  let rows = await auditOf('park', parkId);
  assert.equal(rows.length, 1);
  checkRow(rows[0], { entity: 'park', id: parkId, action: 'create', user: me.user });
  assert.equal(rows[0].after.name, '审计园');
  assert.equal(rows[0].after.note, '初始');
  assert.equal(await auditTotal(), t0 + 1);

  const u = await admin.put(`/api/parks/${parkId}`, { name: '审计园二期', kind: 'expansion', note: '初始' });
  assert.equal(u.status, 200, u.text);
  rows = await auditOf('park', parkId);
  assert.equal(rows.length, 2);
  const upd = rows.find((r) => r.action === 'update');
  checkRow(upd, { entity: 'park', id: parkId, action: 'update', user: me.user });
  assert.equal(upd.before.name, '审计园');
  assert.equal(upd.after.name, '审计园二期');
  assert.equal(upd.before.kind, 'park');
  assert.equal(upd.after.kind, 'expansion');
  assert.equal(await auditTotal(), t0 + 2);

  // history: newest first
  const h = await admin.get(`/api/parks/${parkId}/history`);
  assert.equal(h.status, 200, h.text);
  assert.equal(h.json.total, 2);
  assert.deepEqual(h.json.items.map((r) => r.action), ['update', 'create']);
  assert.ok(h.json.items[0].id > h.json.items[1].id);
  assert.ok(h.json.items[0].at >= h.json.items[1].at);
  // whoever may read the record may read its history
  const hl = await leader.get(`/api/parks/${parkId}/history`);
  assert.equal(hl.status, 200);
  assert.deepEqual(hl.json.items.map((r) => r.id), h.json.items.map((r) => r.id));

  const d = await admin.del(`/api/parks/${parkId}`);
  assert.equal(d.status, 200, d.text);
  rows = await auditOf('park', parkId);
  assert.equal(rows.length, 3);
  const del = rows.find((r) => r.action === 'delete');
  checkRow(del, { entity: 'park', id: parkId, action: 'delete', user: me.user });
  assert.equal(del.before.name, '审计园二期');
  assert.equal(await auditTotal(), t0 + 3);
  assert.deepEqual(rows.map((r) => r.action).sort(), ['create', 'delete', 'update']);
});

test('a new record does not inherit the id, and so the history, of a deleted one', async () => {
  const a = await admin.post('/api/parks', { name: '先建园', kind: 'park' });
  assert.equal(a.status, 201);
  assert.equal((await admin.del(`/api/parks/${a.json.id}`)).status, 200);
  const b = await admin.post('/api/parks', { name: '后建园', kind: 'park' });
  assert.equal(b.status, 201);
  const h = await admin.get(`/api/parks/${b.json.id}/history`);
  assert.deepEqual(h.json.items.map((r) => [r.action, r.after?.name ?? r.before?.name]), [['create', '后建园']],
    `history of park ${b.json.id} holds rows of the deleted park ${a.json.id}`);
  assert.notEqual(b.json.id, a.json.id, 'ids of deleted records are reused');
});

test('history pages newest first', async () => {
  const c = await admin.post('/api/parks', { name: '多次修改园', kind: 'park' });
  const id = c.json.id;
  for (let i = 1; i <= 4; i++) {
    assert.equal((await admin.put(`/api/parks/${id}`, { name: `多次修改园${i}`, kind: 'park' })).status, 200);
  }
  const h = await admin.get(`/api/parks/${id}/history?limit=2&offset=1`);
  assert.equal(h.status, 200, h.text);
  assert.equal(h.json.total, 5);
  assert.equal(h.json.items.length, 2);
  assert.deepEqual(h.json.items.map((r) => r.after.name), ['多次修改园3', '多次修改园2']);
  const all = await admin.get(`/api/parks/${id}/history`);
  assert.deepEqual(all.json.items.map((r) => r.after.name),
    ['多次修改园4', '多次修改园3', '多次修改园2', '多次修改园1', '多次修改园']);
});

test('orgs, chains, users and zones are audited with the acting user', async () => {
  const offMe = (await officer.get('/api/me')).json.user;
  const o = await officer.post('/api/orgs', { name: '审计企业', kind: 'enterprise', uscc: makeUscc(5) });
  assert.equal(o.status, 201, o.text);
  assert.equal((await officer.put(`/api/orgs/${o.json.id}`, { name: '审计企业', kind: 'investor' })).status, 200);
  let rows = await auditOf('org', o.json.id);
  assert.equal(rows.length, 2);
  checkRow(rows.find((r) => r.action === 'create'), { entity: 'org', id: o.json.id, action: 'create', user: offMe });
  const upd = rows.find((r) => r.action === 'update');
  checkRow(upd, { entity: 'org', id: o.json.id, action: 'update', user: offMe });
  assert.equal(upd.before.kind, 'enterprise');
  assert.equal(upd.after.kind, 'investor');
  assert.equal(upd.before.uscc, makeUscc(5));
  assert.equal(upd.after.uscc, null);
  const oh = await officer.get(`/api/orgs/${o.json.id}/history`);
  assert.equal(oh.status, 200);
  assert.deepEqual(oh.json.items.map((r) => r.action), ['update', 'create']);

  const ch = await admin.post('/api/chains', { code: 'AUD', name: '审计链' });
  assert.equal(ch.status, 201);
  rows = await auditOf('chain', ch.json.id);
  assert.equal(rows.length, 1);
  checkRow(rows[0], { entity: 'chain', id: ch.json.id, action: 'create', user: me.user });
  assert.equal((await admin.get(`/api/chains/${ch.json.id}/history`)).json.total, 1);

  const u = await admin.post('/api/users', { username: 'au_new', name: '新人', role: 'leader', password: 'very-secret-77' });
  assert.equal(u.status, 201, u.text);
  assert.equal((await admin.put(`/api/users/${u.json.id}`, { name: '新人', role: 'service_officer' })).status, 200);
  assert.equal((await admin.post(`/api/users/${u.json.id}/password`, { password: 'other-secret-88' })).status, 200);
  const raw = await admin.get(`/api/audit?entity=user&id=${u.json.id}&limit=200`);
  rows = raw.json.items;
  checkRow(rows.find((r) => r.action === 'create'), { entity: 'user', id: u.json.id, action: 'create', user: me.user });
  const uu = rows.find((r) => r.action === 'update' && r.before?.role === 'leader');
  assert.ok(uu, raw.text);
  assert.equal(uu.after.role, 'service_officer');
  assert.ok(!/very-secret-77|other-secret-88/.test(raw.text), 'audit holds a password');
  assert.ok(!/\$argon2|password_hash|"hash"|"salt"/i.test(raw.text), `audit holds password hashes: ${raw.text}`);
  const uh = await admin.get(`/api/users/${u.json.id}/history`);
  assert.equal(uh.status, 200);
  assert.equal(uh.json.items[uh.json.items.length - 1].action, 'create');

  const z = await admin.put(`/api/zones/${me.zone.id}`, { name: '甲区审计' });
  assert.equal(z.status, 200);
  rows = await auditOf('zone', me.zone.id);
  const zu = rows.find((r) => r.action === 'update');
  assert.ok(zu, 'zone update audited');
  assert.equal(zu.before.name, '甲区');
  assert.equal(zu.after.name, '甲区审计');
  assert.equal((await admin.put(`/api/zones/${me.zone.id}`, { name: '甲区' })).status, 200);
});

test('refused writes leave no audit row', async () => {
  const t0 = await auditTotal();
  const p = await admin.post('/api/parks', { name: '完好园', kind: 'park' });
  assert.equal(p.status, 201);
  const t1 = await auditTotal();
  assert.equal(t1, t0 + 1);

  const refused = [
    await admin.post('/api/parks', { kind: 'park' }),                                   // validation
    await admin.post('/api/parks', { name: '完好园', kind: 'park' }),                   // conflict
    await admin.put(`/api/parks/${p.json.id}`, { name: '', kind: 'park' }),             // validation
    await admin.put(`/api/parks/${p.json.id}`, { name: '园'.repeat(101), kind: 'park' }), // validation
    await admin.post('/api/orgs', { name: '坏码企业', kind: 'enterprise', uscc: '91320700MA00000000' }),
    await admin.post('/api/users', { username: 'au_x', name: 'x', role: 'leader', password: 'short' }),
    await admin.post('/api/parks', '{"name":'),                                         // bad_json
    await admin.post('/api/parks', { name: '无令牌园', kind: 'park' }, { csrf: false }), // csrf
    await leader.post('/api/parks', { name: '领导园', kind: 'park' }),                   // forbidden
    await leader.del(`/api/parks/${p.json.id}`),                                        // forbidden
    await admin.put('/api/parks/987654321', { name: '无此园', kind: 'park' }),          // not found
    await admin.del('/api/parks/987654321'),                                            // not found
  ];
  for (const r of refused) assert.ok(r.status >= 400, `expected a refusal: ${r.status} ${r.text}`);
  assert.equal(await auditTotal(), t1, 'refused writes wrote audit rows');
  const rows = await auditOf('park', p.json.id);
  assert.equal(rows.length, 1);
  assert.equal((await admin.get(`/api/parks/${p.json.id}`)).json.name, '完好园');
});

test('audit list filters and shape', async () => {
  const r = await admin.get('/api/audit?entity=park&limit=200');
  assert.equal(r.status, 200);
  assert.ok(r.json.total >= 3);
  assert.ok(r.json.items.every((x) => x.entity === 'park'));
  const page = await admin.get('/api/audit?entity=park&limit=2&offset=1');
  assert.equal(page.json.items.length, 2);
  assert.equal(page.json.limit, 2);
  assert.equal(page.json.offset, 1);
  assert.equal(page.json.total, r.json.total);
  const none = await admin.get('/api/audit?entity=park&id=987654321');
  assert.equal(none.json.total, 0);
});

test('zonedesk audit --entity park lists the rows', async () => {
  const r = await srv.cli(['audit', '--entity', 'park']);
  assert.equal(r.code, 0, r.stderr);
  for (const word of ['create', 'update', 'delete']) assert.match(r.stdout, new RegExp(word), `CLI output lacks ${word}`);
  assert.match(r.stdout, new RegExp(String(parkId)));
  const one = await srv.cli(['audit', '--entity', 'park', '--id', String(parkId)]);
  assert.equal(one.code, 0, one.stderr);
  assert.match(one.stdout, /delete/);
  const lines = (s) => s.split('\n').filter((l) => l.trim()).length;
  assert.ok(lines(one.stdout) < lines(r.stdout), 'filtering by --id narrows the listing');
  const org = await srv.cli(['audit', '--entity', 'org']);
  assert.equal(org.code, 0, org.stderr);
  assert.ok(!/审计园/.test(org.stdout), '--entity org lists no park rows');
  const z = await srv.cli(['audit', '--zone', 'za', '--limit', '1']);
  assert.equal(z.code, 0, z.stderr);
});
