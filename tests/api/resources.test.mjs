// CRUD of zones, parks, orgs, chains and users; validation (USCC included),
// conflicts, the seeded chains, pagination, sorting and search.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, Client, loginAs, makeUscc, usccCheck, orgCodeCheck, USCC_CHARSET, DATETIME_RE, hasCJK,
} from '../lib/server.mjs';

let srv;
let admin;      // admin of za
let adminEn;    // same user, English messages
let zone;

before(async () => {
  srv = await startServer();
  await srv.addUser('za', 'r_admin', 'admin');
  admin = await loginAs(srv.url, 'r_admin');
  adminEn = await loginAs(srv.url, 'r_admin', 'secret-pass-1', { lang: 'en' });
  zone = (await admin.get('/api/me')).json.zone;
});
after(async () => { await srv?.stop(); });

function assertValidation(r, ...fieldNames) {
  assert.equal(r.status, 400, `expected 400, got ${r.status}: ${r.text}`);
  assert.equal(r.json?.error?.code, 'validation', r.text);
  assert.ok(Array.isArray(r.json.error.fields), `fields[] missing: ${r.text}`);
  const got = r.json.error.fields.map((f) => f.field);
  for (const f of fieldNames) assert.ok(got.includes(f), `fields should name ${f}: ${r.text}`);
  for (const f of r.json.error.fields) {
    assert.equal(typeof f.message, 'string');
    assert.ok(f.message.length > 0, r.text);
  }
  return r.json.error.fields;
}

function fieldMessage(r, name) {
  return r.json.error.fields.find((f) => f.field === name)?.message;
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

describe('zones', () => {
  test('list, get and update the caller\'s zone', async () => {
    const l = await admin.get('/api/zones');
    assert.equal(l.status, 200);
    assert.deepEqual(Object.keys(l.json).sort(), ['items', 'limit', 'offset', 'total']);
    assert.equal(l.json.items.length, 1);
    const z = l.json.items[0];
    assert.deepEqual({ code: z.code, name: z.name }, { code: 'za', name: '甲区' });
    assert.match(z.created_at, DATETIME_RE);
    const g = await admin.get(`/api/zones/${z.id}`);
    assert.equal(g.status, 200);
    assert.deepEqual(g.json, z);
    const u = await admin.put(`/api/zones/${z.id}`, { name: '甲区（新）' });
    assert.equal(u.status, 200, u.text);
    assert.equal(u.json.name, '甲区（新）');
    assert.equal(u.json.code, 'za');
    assertValidation(await admin.put(`/api/zones/${z.id}`, {}), 'name');
    assertValidation(await admin.put(`/api/zones/${z.id}`, { name: '' }), 'name');
    assert.equal((await admin.get(`/api/zones/${z.id}`)).json.name, '甲区（新）');
    assert.equal((await admin.put(`/api/zones/${z.id}`, { name: '甲区' })).status, 200);
  });
});

describe('parks', () => {
  test('create 201, get, update 200 (full replacement), delete 200 then 404', async () => {
    const c = await admin.post('/api/parks', { name: '海州工业园', kind: 'park', code: 'HZ', note: '一区五园之一' });
    assert.equal(c.status, 201, c.text);
    const p = c.json;
    assert.ok(Number.isInteger(p.id));
    assert.equal(p.zone_id, zone.id);
    assert.equal(p.name, '海州工业园');
    assert.equal(p.kind, 'park');
    assert.equal(p.code, 'HZ');
    assert.equal(p.note, '一区五园之一');
    assert.match(p.created_at, DATETIME_RE);
    assert.match(p.updated_at, DATETIME_RE);

    const g = await admin.get(`/api/parks/${p.id}`);
    assert.equal(g.status, 200);
    assert.deepEqual(g.json, p);

    const u = await admin.put(`/api/parks/${p.id}`, { name: '海州工业园区', kind: 'expansion' });
    assert.equal(u.status, 200, u.text);
    assert.equal(u.json.id, p.id);
    assert.equal(u.json.name, '海州工业园区');
    assert.equal(u.json.kind, 'expansion');
    assert.equal(u.json.code, null, 'PUT is a full replacement: missing code becomes null');
    assert.equal(u.json.note, null, 'PUT is a full replacement: missing note becomes null');
    assert.equal(u.json.created_at, p.created_at);
    assert.deepEqual((await admin.get(`/api/parks/${p.id}`)).json, u.json);

    const d = await admin.del(`/api/parks/${p.id}`);
    assert.equal(d.status, 200, d.text);
    assert.deepEqual(d.json, { ok: true });
    assertNotFound(await admin.get(`/api/parks/${p.id}`), 'GET deleted park');
    assertNotFound(await admin.put(`/api/parks/${p.id}`, { name: 'x', kind: 'park' }), 'PUT deleted park');
    assertNotFound(await admin.del(`/api/parks/${p.id}`), 'DELETE deleted park');
    for (const id of ['0', '987654321']) assertNotFound(await admin.get(`/api/parks/${id}`), `GET park ${id}`);
  });

  test('duplicate name in the zone → 409 naming name (create and update)', async () => {
    const a = await admin.post('/api/parks', { name: '新浦工业园', kind: 'park' });
    assert.equal(a.status, 201, a.text);
    assertConflict(await admin.post('/api/parks', { name: '新浦工业园', kind: 'expansion' }), 'name');
    const b = await admin.post('/api/parks', { name: '南拓区', kind: 'expansion' });
    assert.equal(b.status, 201, b.text);
    assertConflict(await admin.put(`/api/parks/${b.json.id}`, { name: '新浦工业园', kind: 'expansion' }), 'name');
    assert.equal((await admin.get(`/api/parks/${b.json.id}`)).json.name, '南拓区');
    // a deleted name is free again
    assert.equal((await admin.del(`/api/parks/${a.json.id}`)).status, 200);
    const again = await admin.post('/api/parks', { name: '新浦工业园', kind: 'park' });
    assert.equal(again.status, 201, again.text);
  });

  test('validation → 400 with fields[] naming each bad field', async () => {
    assertValidation(await admin.post('/api/parks', { kind: 'park' }), 'name');
    assertValidation(await admin.post('/api/parks', { name: '', kind: 'park' }), 'name');
    assertValidation(await admin.post('/api/parks', { name: 123, kind: 'park' }), 'name');
    assertValidation(await admin.post('/api/parks', { name: '坏类园', kind: 'zone' }), 'kind');
    assertValidation(await admin.post('/api/parks', { name: '无类园' }), 'kind');
    assertValidation(await admin.post('/api/parks', { name: '园'.repeat(101), kind: 'park' }), 'name');
    assertValidation(await admin.post('/api/parks', { name: 'a'.repeat(101), kind: 'park' }), 'name');
    const both = assertValidation(await admin.post('/api/parks', { kind: 'bogus' }), 'name', 'kind');
    assert.equal(new Set(both.map((f) => f.field)).size, both.length, 'one entry per field');
    // the limit counts characters, not bytes: 100 Chinese characters fit
    const ok = await admin.post('/api/parks', { name: '长'.repeat(100), kind: 'park' });
    assert.equal(ok.status, 201, ok.text);
    assert.equal(ok.json.name, '长'.repeat(100));
    // update validates too and changes nothing
    assertValidation(await admin.put(`/api/parks/${ok.json.id}`, { name: '', kind: 'nope' }), 'name', 'kind');
    assert.equal((await admin.get(`/api/parks/${ok.json.id}`)).json.name, '长'.repeat(100));
    assert.equal((await admin.del(`/api/parks/${ok.json.id}`)).status, 200);
    // a body that is JSON but not an object
    const arr = await admin.post('/api/parks', [1, 2]);
    assert.equal(arr.status, 400, arr.text);
    assert.ok(['validation', 'bad_json'].includes(arr.json?.error?.code), arr.text);
  });

  test('filter kind', async () => {
    const r = await admin.get('/api/parks?kind=expansion&limit=200');
    assert.equal(r.status, 200);
    assert.ok(r.json.items.length >= 1);
    assert.ok(r.json.items.every((p) => p.kind === 'expansion'), r.text);
    const all = await admin.get('/api/parks?limit=200');
    assert.equal(r.json.total, all.json.items.filter((p) => p.kind === 'expansion').length);
  });
});

// ---- USCC -----------------------------------------------------------------

/** Replace char i of s. */
const setAt = (s, i, ch) => s.slice(0, i) + ch + s.slice(i + 1);
/** Another character of the charset than c. */
const other = (c, set = USCC_CHARSET) => set[(set.indexOf(c) + 1) % set.length];

describe('orgs', () => {
  test('the test\'s own USCC implementation agrees with the published example', () => {
    // 91350100M000100Y43 is the code printed in GB 32100-2015 style examples.
    const x = '91350100M000100Y43';
    assert.equal(orgCodeCheck(x.slice(8, 16)), x[16]);
    assert.equal(usccCheck(x.slice(0, 17)), x[17]);
  });

  test('create 201 with a valid USCC, get, update (full replacement), delete', async () => {
    const uscc = makeUscc(11);
    const c = await admin.post('/api/orgs', {
      name: '连云港某某科技有限公司', kind: 'enterprise', uscc, contact: '张三', phone: '0518-85551234',
      address: '海州区某路1号', note: '专精特新',
    });
    assert.equal(c.status, 201, c.text);
    const o = c.json;
    assert.equal(o.zone_id, zone.id);
    assert.equal(o.uscc, uscc);
    assert.equal(o.contact, '张三');
    assert.equal(o.phone, '0518-85551234');
    assert.equal(o.address, '海州区某路1号');
    assert.equal(o.note, '专精特新');
    assert.equal(o.kind, 'enterprise');
    assert.match(o.created_at, DATETIME_RE);
    assert.match(o.updated_at, DATETIME_RE);
    assert.deepEqual((await admin.get(`/api/orgs/${o.id}`)).json, o);

    const u = await admin.put(`/api/orgs/${o.id}`, { name: '中建八局第三建设有限公司', kind: 'contractor' });
    assert.equal(u.status, 200, u.text);
    assert.equal(u.json.kind, 'contractor');
    for (const k of ['uscc', 'contact', 'phone', 'address', 'note']) assert.equal(u.json[k], null, `PUT clears ${k}`);

    for (const kind of ['enterprise', 'contractor', 'investor', 'department']) {
      const r = await admin.post('/api/orgs', { name: `机构-${kind}`, kind });
      assert.equal(r.status, 201, r.text);
    }
    const d = await admin.del(`/api/orgs/${o.id}`);
    assert.equal(d.status, 200);
    assert.deepEqual(d.json, { ok: true });
    assertNotFound(await admin.get(`/api/orgs/${o.id}`), 'GET deleted org');
    assertNotFound(await admin.del(`/api/orgs/${o.id}`), 'DELETE deleted org');
  });

  test('filter kind', async () => {
    const r = await admin.get('/api/orgs?kind=department');
    assert.equal(r.status, 200);
    assert.ok(r.json.total >= 1);
    assert.ok(r.json.items.every((o) => o.kind === 'department'), r.text);
  });

  test('validation of name and kind', async () => {
    assertValidation(await admin.post('/api/orgs', { kind: 'enterprise' }), 'name');
    assertValidation(await admin.post('/api/orgs', { name: '坏类型', kind: 'company' }), 'kind');
    assertValidation(await admin.post('/api/orgs', { name: '无类型' }), 'kind');
    assertValidation(await admin.post('/api/orgs', { uscc: 'BAD' }), 'name', 'kind', 'uscc');
  });

  test('uscc unique in the zone → 409 naming uscc', async () => {
    const uscc = makeUscc(12);
    assert.equal((await admin.post('/api/orgs', { name: '甲公司', kind: 'enterprise', uscc })).status, 201);
    assertConflict(await admin.post('/api/orgs', { name: '乙公司', kind: 'enterprise', uscc }), 'uscc');
    const b = await admin.post('/api/orgs', { name: '丙公司', kind: 'enterprise', uscc: makeUscc(13) });
    assert.equal(b.status, 201);
    assertConflict(await admin.put(`/api/orgs/${b.json.id}`, { name: '丙公司', kind: 'enterprise', uscc }), 'uscc');
  });

  test('invalid USCC → 400 naming uscc, with a message per cause', async () => {
    const good = makeUscc(21);
    assert.equal(good.length, 18);

    // wrong length
    const tooShort = good.slice(0, 17);
    const tooLong = good + '0';
    // bad charset: I, O, S, V, Z are not used (placed in the organisation code part)
    const badChars = ['I', 'O', 'S', 'V', 'Z'].map((ch) => setAt(good, 10, ch));
    // organisation code check digit wrong, final check character recomputed so only that part is wrong
    const wrongOrgDigit = other(good[16], '0123456789X');
    let orgBad = setAt(good, 16, wrongOrgDigit);
    orgBad = orgBad.slice(0, 17) + usccCheck(orgBad.slice(0, 17));
    assert.notEqual(orgCodeCheck(orgBad.slice(8, 16)), orgBad[16]);
    // final check character wrong, the rest valid
    const checkBad = setAt(good, 17, other(good[17]));

    const cases = {
      length: [tooShort, tooLong],
      charset: badChars,
      org_code: [orgBad],
      check: [checkBad],
    };
    const messages = {};
    const messagesEn = {};
    let n = 0;
    for (const [cause, codes] of Object.entries(cases)) {
      for (const uscc of codes) {
        const body = { name: `坏码公司${++n}`, kind: 'enterprise', uscc };
        const r = await admin.post('/api/orgs', body);
        assertValidation(r, 'uscc');
        const m = fieldMessage(r, 'uscc');
        assert.ok(hasCJK(m), `Chinese message expected: ${m}`);
        (messages[cause] ||= new Set()).add(m);
        const e = await adminEn.post('/api/orgs', body);
        assertValidation(e, 'uscc');
        (messagesEn[cause] ||= new Set()).add(fieldMessage(e, 'uscc'));
      }
    }
    for (const [lang, ms] of [['zh', messages], ['en', messagesEn]]) {
      // the messages of different causes never coincide
      const causes = Object.keys(ms);
      for (let i = 0; i < causes.length; i++) {
        for (let j = i + 1; j < causes.length; j++) {
          const shared = [...ms[causes[i]]].filter((m) => ms[causes[j]].has(m));
          assert.deepEqual(shared, [], `${lang}: causes ${causes[i]} and ${causes[j]} share a message: ` +
            JSON.stringify(Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, [...v]]))));
        }
      }
    }
    // nothing was stored
    const l = await admin.get(`/api/orgs?q=${encodeURIComponent('坏码公司')}`);
    assert.equal(l.json.total, 0);
    // lower-case letters are not in the charset either (unless the server normalises them)
    const lower = await admin.post('/api/orgs', { name: '小写码公司', kind: 'enterprise', uscc: good.toLowerCase() });
    if (lower.status === 201) assert.equal(lower.json.uscc, good, 'a normalised code is stored upper-case');
    else assertValidation(lower, 'uscc');
  });

  test('many computed valid codes are accepted', async () => {
    for (let i = 0; i < 20; i++) {
      const uscc = makeUscc(300 + i * 7, i % 2 ? '320700' : '320706');
      const r = await admin.post('/api/orgs', { name: `合规公司${i}`, kind: 'enterprise', uscc });
      assert.equal(r.status, 201, `${uscc}: ${r.text}`);
    }
    // an organisation code whose check digit is X and one whose check digit is 0
    const withCheck = (want) => {
      for (let k = 0; k < 100000; k++) {
        const body = 'MA' + String(100000 + k).slice(1).padStart(6, '0');
        if (orgCodeCheck(body) === want) {
          const first17 = '91320703' + body + want;
          return first17 + usccCheck(first17);
        }
      }
      throw new Error('none');
    };
    for (const want of ['X', '0']) {
      const uscc = withCheck(want);
      const r = await admin.post('/api/orgs', { name: `校验位${want}公司`, kind: 'enterprise', uscc });
      assert.equal(r.status, 201, `${uscc}: ${r.text}`);
    }
  });
});

describe('chains', () => {
  const SEEDED = ['新一代信息技术', '高端装备', '新材料', '生物医药', '医疗器械', '现代物流', '科技服务'];

  test('a new zone is seeded with the 7 chains of the 3+1+1 system', async () => {
    // zone zb of this server is untouched by the other tests
    await srv.addUser('zb', 'r_admin_b', 'admin');
    const b = await loginAs(srv.url, 'r_admin_b');
    for (const c of [admin, b]) {
      const r = await c.get('/api/chains?limit=200');
      assert.equal(r.status, 200);
      assert.equal(r.json.total, 7, r.text);
      assert.deepEqual(r.json.items.map((x) => x.name).sort(), [...SEEDED].sort());
      const codes = r.json.items.map((x) => x.code);
      assert.equal(new Set(codes).size, 7, 'distinct codes');
      for (const x of r.json.items) {
        assert.ok(typeof x.code === 'string' && x.code.length > 0);
        assert.ok(Number.isInteger(x.sort_order));
      }
    }
    // each zone has its own rows
    const ia = (await admin.get('/api/chains?limit=200')).json.items.map((x) => x.id);
    const ib = (await b.get('/api/chains?limit=200')).json.items.map((x) => x.id);
    assert.equal(ia.filter((id) => ib.includes(id)).length, 0);
  });

  test('create, get, update, delete, conflict and validation', async () => {
    const c = await admin.post('/api/chains', { code: 'DE', name: '数字经济', category: '新兴产业', sort_order: 8 });
    assert.equal(c.status, 201, c.text);
    const ch = c.json;
    assert.equal(ch.zone_id, zone.id);
    assert.deepEqual([ch.code, ch.name, ch.category, ch.sort_order], ['DE', '数字经济', '新兴产业', 8]);
    assert.match(ch.created_at, DATETIME_RE);
    assert.match(ch.updated_at, DATETIME_RE);
    assert.deepEqual((await admin.get(`/api/chains/${ch.id}`)).json, ch);

    assertConflict(await admin.post('/api/chains', { code: 'DE', name: '数字经济二' }), 'code');
    assertValidation(await admin.post('/api/chains', { name: '无码链' }), 'code');
    assertValidation(await admin.post('/api/chains', { code: 'NN' }), 'name');
    assertValidation(await admin.post('/api/chains', {}), 'code', 'name');
    assertValidation(await admin.post('/api/chains', { code: 'SO', name: '坏序', sort_order: 'first' }), 'sort_order');

    const u = await admin.put(`/api/chains/${ch.id}`, { code: 'DE', name: '数字经济产业' });
    assert.equal(u.status, 200, u.text);
    assert.equal(u.json.name, '数字经济产业');
    assert.equal(u.json.category, null, 'PUT clears category');

    const d = await admin.del(`/api/chains/${ch.id}`);
    assert.equal(d.status, 200);
    assert.deepEqual(d.json, { ok: true });
    assertNotFound(await admin.get(`/api/chains/${ch.id}`), 'GET deleted chain');
  });
});

describe('users', () => {
  test('create 201 (no password in the answer), get, update, disable', async () => {
    const c = await admin.post('/api/users', {
      username: 'r_officer', name: '王专员', role: 'project_officer', password: 'secret-pass-1', department: '重点办',
    });
    assert.equal(c.status, 201, c.text);
    const u = c.json;
    assert.equal(u.username, 'r_officer');
    assert.equal(u.name, '王专员');
    assert.equal(u.role, 'project_officer');
    assert.equal(u.zone_id, zone.id);
    assert.equal(u.org_id, null);
    assert.equal(u.department, '重点办');
    assert.equal(u.disabled, false);
    assert.match(u.created_at, DATETIME_RE);
    assert.ok(!/secret-pass-1/.test(c.text), 'password echoed');
    for (const k of Object.keys(u)) assert.ok(!/pass|hash|salt/i.test(k), `user leaks ${k}`);
    assert.deepEqual((await admin.get(`/api/users/${u.id}`)).json, u);
    await loginAs(srv.url, 'r_officer'); // throws unless the new user can log in

    const p = await admin.put(`/api/users/${u.id}`, { name: '王主任', role: 'leader' });
    assert.equal(p.status, 200, p.text);
    assert.equal(p.json.name, '王主任');
    assert.equal(p.json.role, 'leader');
    assert.equal(p.json.department, null, 'PUT clears department');
    assert.equal(p.json.username, 'r_officer', 'username is not editable');

    const dis = await admin.put(`/api/users/${u.id}`, { name: '王主任', role: 'leader', disabled: true });
    assert.equal(dis.status, 200, dis.text);
    assert.equal(dis.json.disabled, true);
    const l = await new Client(srv.url).login('r_officer', 'secret-pass-1');
    assert.equal(l.status, 401, 'a disabled user cannot log in');
    assert.equal(l.json?.error?.code, 'bad_credentials');
  });

  test('users have no DELETE: 405 with Allow', async () => {
    const list = await admin.get('/api/users');
    const id = list.json.items[0].id;
    const r = await admin.del(`/api/users/${id}`);
    assert.equal(r.status, 405, r.text);
    assert.equal(r.json?.error?.code, 'method_not_allowed');
    const allow = (r.headers.get('allow') || '').toUpperCase();
    assert.ok(/GET/.test(allow) && /PUT/.test(allow), `Allow: ${allow}`);
  });

  test('enterprise user with its org', async () => {
    const org = await admin.post('/api/orgs', { name: '用户所属企业', kind: 'enterprise' });
    const r = await admin.post('/api/users', {
      username: 'r_ent', name: '企业联系人', role: 'enterprise_user', password: 'secret-pass-1', org_id: org.json.id,
    });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.org_id, org.json.id);
    const f = await admin.get('/api/users?role=enterprise_user');
    assert.equal(f.status, 200);
    assert.ok(f.json.items.length >= 1);
    assert.ok(f.json.items.every((u) => u.role === 'enterprise_user'), f.text);
  });

  test('duplicate username → 409 naming username; validation names each field', async () => {
    assertConflict(await admin.post('/api/users', { username: 'r_admin', name: 'x', role: 'leader', password: 'secret-pass-1' }), 'username');
    assertValidation(await admin.post('/api/users', { name: 'x', role: 'leader', password: 'secret-pass-1' }), 'username');
    assertValidation(await admin.post('/api/users', { username: 'r_x1', name: 'x', role: 'king', password: 'secret-pass-1' }), 'role');
    assertValidation(await admin.post('/api/users', { username: 'r_x2', name: 'x', role: 'leader', password: 'short77' }), 'password');
    assertValidation(await admin.post('/api/users', { username: 'r_x3', name: 'x', role: 'leader' }), 'password');
    assertValidation(await admin.post('/api/users', { username: 'r_x4', role: 'leader', password: 'secret-pass-1' }), 'name');
    assertValidation(await admin.post('/api/users', {}), 'username', 'name', 'role', 'password');
    const list = await admin.get('/api/users?q=r_x');
    assert.equal(list.json.total, 0, 'nothing stored');
    // 8 characters is enough
    const ok = await admin.post('/api/users', { username: 'r_x5', name: 'x', role: 'leader', password: '12345678' });
    assert.equal(ok.status, 201, ok.text);
  });
});

describe('lists: pagination, sort, search, bad parameters', () => {
  let zc;
  before(async () => {
    const r = await srv.cli(['zone', 'add', '--code', 'zc', '--name', '丙区']);
    assert.equal(r.code, 0, r.stderr);
    await srv.addUser('zc', 'r_admin_c', 'admin');
    zc = await loginAs(srv.url, 'r_admin_c');
    for (let i = 1; i <= 25; i++) {
      const r2 = await zc.post('/api/parks', { name: `测试园${String(i).padStart(2, '0')}`, kind: i % 5 ? 'park' : 'expansion' });
      assert.equal(r2.status, 201, r2.text);
    }
  });

  test('limit=10 offset=20 → 5 items of 25', async () => {
    const r = await zc.get('/api/parks?limit=10&offset=20');
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.items.length, 5);
    assert.equal(r.json.total, 25);
    assert.equal(r.json.limit, 10);
    assert.equal(r.json.offset, 20);
  });

  test('defaults limit 20 offset 0; pages do not overlap; offset past the end is empty', async () => {
    const d = await zc.get('/api/parks');
    assert.equal(d.json.items.length, 20);
    assert.equal(d.json.limit, 20);
    assert.equal(d.json.offset, 0);
    assert.equal(d.json.total, 25);
    const ids = new Set();
    for (const off of [0, 10, 20]) {
      const p = await zc.get(`/api/parks?sort=name&limit=10&offset=${off}`);
      for (const it of p.json.items) ids.add(it.id);
    }
    assert.equal(ids.size, 25);
    const end = await zc.get('/api/parks?offset=25');
    assert.equal(end.status, 200);
    assert.deepEqual(end.json.items, []);
    assert.equal(end.json.total, 25);
    const max = await zc.get('/api/parks?limit=200');
    assert.equal(max.status, 200);
    assert.equal(max.json.items.length, 25);
  });

  test('sort asc and desc', async () => {
    const names = Array.from({ length: 25 }, (_, i) => `测试园${String(i + 1).padStart(2, '0')}`);
    const asc = await zc.get('/api/parks?sort=name&limit=200');
    assert.equal(asc.status, 200, asc.text);
    assert.deepEqual(asc.json.items.map((p) => p.name), names);
    const desc = await zc.get('/api/parks?sort=-name&limit=200');
    assert.deepEqual(desc.json.items.map((p) => p.name), [...names].reverse());
    const page = await zc.get('/api/parks?sort=-name&limit=3&offset=1');
    assert.deepEqual(page.json.items.map((p) => p.name), ['测试园24', '测试园23', '测试园22']);
    assert.equal((await zc.get('/api/parks?sort=-created_at')).status, 200);
  });

  test('sort by id, a field of every record', async () => {
    const byId = await zc.get('/api/parks?sort=-id&limit=200');
    assert.equal(byId.status, 200, byId.text);
    const ids = byId.json.items.map((p) => p.id);
    assert.deepEqual(ids, [...ids].sort((a, b) => b - a));
  });

  test('q: substring search in Chinese', async () => {
    for (const name of ['海州工业园', '新浦工业园', '南拓区']) {
      assert.equal((await zc.post('/api/parks', { name, kind: 'park' })).status, 201);
    }
    const r = await zc.get(`/api/parks?q=${encodeURIComponent('海州')}`);
    assert.equal(r.status, 200);
    assert.equal(r.json.total, 1);
    assert.deepEqual(r.json.items.map((p) => p.name), ['海州工业园']);
    const r2 = await zc.get(`/api/parks?q=${encodeURIComponent('工业园')}&sort=name`);
    assert.deepEqual(r2.json.items.map((p) => p.name).sort(), ['新浦工业园', '海州工业园'].sort());
    const mid = await zc.get(`/api/parks?q=${encodeURIComponent('州工')}`);
    assert.equal(mid.json.total, 1, 'substring, not prefix');
    const none = await zc.get(`/api/parks?q=${encodeURIComponent('不存在')}`);
    assert.equal(none.json.total, 0);
    assert.deepEqual(none.json.items, []);
    // LIKE wildcards are literal characters
    for (const wild of ['%', '_', '测试园_1']) {
      const w = await zc.get(`/api/parks?q=${encodeURIComponent(wild)}`);
      assert.equal(w.status, 200);
      assert.equal(w.json.total, 0, `q=${wild} must be a literal substring: ${w.text}`);
    }
    const combo = await zc.get(`/api/parks?q=${encodeURIComponent('测试园')}&kind=expansion`);
    assert.equal(combo.json.total, 5, 'q and kind combine');
  });

  test('bad limit, offset and sort → 400 naming the parameter', async () => {
    for (const v of ['0', '201', '-1', 'abc', '1.5']) {
      assertValidation(await zc.get(`/api/parks?limit=${v}`), 'limit');
    }
    for (const v of ['-1', 'abc']) assertValidation(await zc.get(`/api/parks?offset=${v}`), 'offset');
    for (const v of ['bogus', '-bogus', 'name;drop table parks', 'password_hash']) {
      assertValidation(await zc.get(`/api/parks?sort=${encodeURIComponent(v)}`), 'sort');
    }
    assertValidation(await zc.get('/api/users?sort=password_hash'), 'sort');
    assertValidation(await zc.get('/api/orgs?limit=0'), 'limit');
    assertValidation(await zc.get('/api/chains?limit=201'), 'limit');
    assertValidation(await zc.get('/api/users?limit=abc'), 'limit');
    assertValidation(await zc.get('/api/audit?limit=-1'), 'limit');
    assert.equal((await zc.get('/api/parks')).json.total, 28, 'still intact');
  });
});
