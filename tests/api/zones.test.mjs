// Zone isolation: a zone's users never see or touch another zone's records;
// another zone's id answers 404 exactly like a missing id.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loginAs, makeUscc } from '../lib/server.mjs';

let srv;
let A, B;             // admins of za and zb
let zoneA, zoneB;     // zone records
const idsA = {}, idsB = {};   // entity → [ids]
const KINDS = ['parks', 'orgs', 'chains', 'users'];

async function create(c, kind, body) {
  const r = await c.post(`/api/${kind}`, body);
  assert.equal(r.status, 201, `POST /api/${kind}: ${r.text}`);
  return r.json;
}

before(async () => {
  srv = await startServer();
  await srv.addUser('za', 'z_admin_a', 'admin');
  await srv.addUser('zb', 'z_admin_b', 'admin');
  A = await loginAs(srv.url, 'z_admin_a');
  B = await loginAs(srv.url, 'z_admin_b');
  zoneA = (await A.get('/api/me')).json.zone;
  zoneB = (await B.get('/api/me')).json.zone;
  assert.notEqual(zoneA.id, zoneB.id);

  // interleave creations so that the ids of the two zones sit next to each other
  for (const [c, ids, tag] of [[A, idsA, '甲'], [B, idsB, '乙'], [A, idsA, '甲'], [B, idsB, '乙']]) {
    const k = (ids.parks?.length || 0) + 1;
    (ids.parks ||= []).push((await create(c, 'parks', { name: `${tag}园${k}`, kind: 'park' })).id);
    (ids.orgs ||= []).push((await create(c, 'orgs', {
      name: `${tag}企业${k}`, kind: 'enterprise', uscc: makeUscc(tag === '甲' ? k : 100 + k),
    })).id);
    (ids.chains ||= []).push((await create(c, 'chains', { code: `X${tag === '甲' ? 'A' : 'B'}${k}`, name: `${tag}链${k}` })).id);
    (ids.users ||= []).push((await create(c, 'users', {
      username: `z_${tag === '甲' ? 'a' : 'b'}_${k}`, name: `${tag}用户${k}`, role: 'leader', password: 'secret-pass-1',
    })).id);
  }
});
after(async () => { await srv?.stop(); });

async function all(c, kind) {
  const r = await c.get(`/api/${kind}?limit=200`);
  assert.equal(r.status, 200, r.text);
  assert.ok(r.json.total <= 200, 'fixture fits in one page');
  return r.json.items;
}

test('lists show only the caller\'s zone', async () => {
  for (const kind of KINDS) {
    const a = await all(A, kind);
    const b = await all(B, kind);
    assert.ok(a.length > 0 && b.length > 0);
    for (const it of a) assert.equal(it.zone_id, zoneA.id, `${kind} of A: ${JSON.stringify(it)}`);
    for (const it of b) assert.equal(it.zone_id, zoneB.id, `${kind} of B: ${JSON.stringify(it)}`);
    const aIds = new Set(a.map((x) => x.id));
    for (const id of idsB[kind]) assert.ok(!aIds.has(id), `A sees ${kind} ${id} of B`);
    for (const id of idsA[kind]) assert.ok(aIds.has(id), `A misses its own ${kind} ${id}`);
    const text = JSON.stringify(a);
    assert.ok(!/乙/.test(text), `A's ${kind} list mentions B's records: ${text}`);
  }
  const za = await A.get('/api/zones');
  assert.equal(za.status, 200);
  assert.equal(za.json.total, 1);
  assert.deepEqual(za.json.items.map((z) => z.code), ['za']);
  // search does not reach across zones either
  for (const kind of ['parks', 'orgs', 'chains', 'users']) {
    const r = await A.get(`/api/${kind}?q=${encodeURIComponent('乙')}`);
    assert.equal(r.status, 200);
    assert.equal(r.json.total, 0, `q=乙 on ${kind} for A: ${r.text}`);
  }
});

test('another zone\'s ids answer 404 for GET, PUT, DELETE and history', async () => {
  const bodies = {
    parks: { name: '劫持园', kind: 'park' },
    orgs: { name: '劫持企业', kind: 'enterprise' },
    chains: { code: 'HIJ', name: '劫持链' },
    users: { name: '劫持用户', role: 'admin' },
  };
  for (const kind of KINDS) {
    for (const id of idsB[kind]) {
      for (const [m, p, b] of [['GET', `/api/${kind}/${id}`], ['PUT', `/api/${kind}/${id}`, bodies[kind]],
        ['GET', `/api/${kind}/${id}/history`]]) {
        const r = await A.req(m, p, b);
        assert.equal(r.status, 404, `A ${m} ${p}: ${r.status} ${r.text}`);
        assert.equal(r.json?.error?.code, 'not_found');
      }
      if (kind !== 'users') {
        const r = await A.del(`/api/${kind}/${id}`);
        assert.equal(r.status, 404, `A DELETE /api/${kind}/${id}: ${r.status} ${r.text}`);
      } else {
        const r = await A.post(`/api/users/${id}/password`, { password: 'hijacked-pass-1' });
        assert.equal(r.status, 404, `A POST /api/users/${id}/password: ${r.status} ${r.text}`);
      }
    }
  }
  for (const [m, b] of [['GET'], ['PUT', { name: '劫持区' }]]) {
    const r = await A.req(m, `/api/zones/${zoneB.id}`, b);
    assert.equal(r.status, 404, `A ${m} /api/zones/{B}: ${r.status} ${r.text}`);
  }
  // B's records are untouched
  for (const kind of KINDS) {
    for (const id of idsB[kind]) {
      const r = await B.get(`/api/${kind}/${id}`);
      assert.equal(r.status, 200, `B lost ${kind} ${id}`);
      assert.ok(!/劫持/.test(r.text), `B's ${kind} ${id} was changed: ${r.text}`);
    }
  }
  assert.equal((await B.get(`/api/zones/${zoneB.id}`)).json.name, '乙区');
  await loginAs(srv.url, 'z_b_1'); // throws unless B's user still has its password
});

test('the 404 for another zone\'s id equals the 404 for a missing id', async () => {
  const other = await A.get(`/api/parks/${idsB.parks[0]}`);
  const missing = await A.get('/api/parks/987654321');
  assert.equal(other.status, missing.status);
  assert.deepEqual(other.json, missing.json);
});

test('guessing ids around the other zone\'s ids finds nothing of it', async () => {
  for (const kind of KINDS) {
    const visible = new Set((await all(A, kind)).map((x) => x.id));
    const bIds = idsB[kind];
    const lo = Math.max(1, Math.min(...bIds) - 5);
    const hi = Math.max(...bIds) + 5;
    for (let id = lo; id <= hi; id++) {
      const r = await A.get(`/api/${kind}/${id}`);
      if (visible.has(id)) {
        assert.equal(r.status, 200, `A GET own ${kind} ${id}`);
        assert.equal(r.json.zone_id, zoneA.id);
      } else {
        assert.equal(r.status, 404, `A GET /api/${kind}/${id}: ${r.status} ${r.text}`);
      }
    }
  }
});

test('a zone_id in the body is ignored: the zone comes from the session', async () => {
  const park = await create(A, 'parks', { name: '甲园越界', kind: 'park', zone_id: zoneB.id });
  assert.equal(park.zone_id, zoneA.id);
  const org = await create(A, 'orgs', { name: '甲企业越界', kind: 'enterprise', zone_id: zoneB.id });
  assert.equal(org.zone_id, zoneA.id);
  const chain = await create(A, 'chains', { code: 'XCROSS', name: '甲链越界', zone_id: zoneB.id });
  assert.equal(chain.zone_id, zoneA.id);
  const user = await create(A, 'users', { username: 'z_a_cross', name: '越界', role: 'leader', password: 'secret-pass-1', zone_id: zoneB.id });
  assert.equal(user.zone_id, zoneA.id);

  const put = await A.put(`/api/parks/${park.id}`, { name: '甲园越界2', kind: 'park', zone_id: zoneB.id });
  assert.equal(put.status, 200, put.text);
  assert.equal(put.json.zone_id, zoneA.id);

  for (const kind of KINDS) {
    const text = JSON.stringify(await all(B, kind));
    assert.ok(!/越界/.test(text), `B sees A's record in ${kind}`);
  }
  const crossUser = await loginAs(srv.url, 'z_a_cross');
  assert.equal((await crossUser.get('/api/me')).json.zone.code, 'za');
});

test('names and codes are unique per zone, not across zones', async () => {
  // B may reuse a name that exists in A
  const r = await B.post('/api/parks', { name: '甲园1', kind: 'park' });
  assert.equal(r.status, 201, r.text);
  const ch = await B.post('/api/chains', { code: 'XA1', name: '甲链1' });
  assert.equal(ch.status, 201, ch.text);
  const org = await B.post('/api/orgs', { name: '同码企业', kind: 'enterprise', uscc: makeUscc(1) });
  assert.equal(org.status, 201, org.text);
  // usernames are unique across the whole deployment
  const u = await B.post('/api/users', { username: 'z_a_1', name: 'dup', role: 'leader', password: 'secret-pass-1' });
  assert.equal(u.status, 409, u.text);
  assert.ok(u.json.error.fields?.some((f) => f.field === 'username'), u.text);
});

test('audit of zone A holds no rows of zone B', async () => {
  const r = await A.get('/api/audit?limit=200');
  assert.equal(r.status, 200, r.text);
  assert.ok(r.json.total > 0);
  for (const row of r.json.items) assert.equal(row.zone_id, zoneA.id, JSON.stringify(row));
  assert.ok(!/乙/.test(r.text), 'A\'s audit mentions B\'s records');
  for (const [entity, kind] of [['park', 'parks'], ['org', 'orgs'], ['chain', 'chains'], ['user', 'users']]) {
    for (const id of idsB[kind]) {
      const q = await A.get(`/api/audit?entity=${entity}&id=${id}`);
      assert.equal(q.status, 200);
      assert.equal(q.json.total, 0, `A's audit shows ${entity} ${id} of B: ${q.text}`);
    }
  }
  const b = await B.get('/api/audit?limit=200');
  for (const row of b.json.items) assert.equal(row.zone_id, zoneB.id, JSON.stringify(row));
  assert.ok(b.json.items.some((row) => row.entity === 'park' && idsB.parks.includes(row.entity_id)));
});
