// Sessions, CSRF, login throttling, disabled users, password change, languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, loginAs, hasCJK, DATETIME_RE } from '../lib/server.mjs';

let srv;
before(async () => {
  srv = await startServer();
  await srv.addUser('za', 'a_admin', 'admin');
  await srv.addUser('za', 'a_leader', 'leader');
  await srv.addUser('za', 'a_out', 'leader');
  await srv.addUser('za', 'a_off', 'leader');
  await srv.addUser('za', 'a_throttle', 'leader');
  await srv.addUser('za', 'a_pw', 'leader');
  await srv.addUser('za', 'a_cli', 'leader');
  await srv.addUser('za', 'a_lang', 'leader');
});
after(async () => { await srv?.stop(); });

function assertError(r, status, code) {
  assert.equal(r.status, status, `expected ${status}, got ${r.status}: ${r.text}`);
  assert.equal(r.json?.error?.code, code, r.text);
  assert.equal(typeof r.json.error.message, 'string');
  assert.ok(r.json.error.message.length > 0);
}

function parseSetCookie(sc) {
  const parts = sc.split(';').map((s) => s.trim());
  const [name, ...v] = parts[0].split('=');
  const attrs = {};
  for (const a of parts.slice(1)) {
    const i = a.indexOf('=');
    attrs[(i < 0 ? a : a.slice(0, i)).toLowerCase()] = i < 0 ? true : a.slice(i + 1);
  }
  return { name, value: v.join('='), attrs };
}

function sessionCookie(r) {
  const all = r.headers.getSetCookie().map(parseSetCookie).filter((c) => c.name === 'zd_session');
  assert.equal(all.length, 1, `Set-Cookie: ${r.headers.getSetCookie().join(' | ')}`);
  return all[0];
}

test('login sets an HttpOnly SameSite=Strict session cookie and returns the csrf token', async () => {
  const c = new Client(srv.url);
  const r = await c.login('a_admin', 'secret-pass-1');
  assert.equal(r.status, 200, r.text);
  const ck = sessionCookie(r);
  assert.ok(ck.value.length >= 16, 'session id too short');
  assert.equal(ck.attrs.httponly, true, 'HttpOnly');
  assert.equal(String(ck.attrs.samesite).toLowerCase(), 'strict', 'SameSite=Strict');
  assert.equal(ck.attrs.path, '/');
  assert.equal(typeof r.json.csrf_token, 'string');
  assert.ok(r.json.csrf_token.length >= 16, 'csrf token too short');
  assert.notEqual(r.json.csrf_token, ck.value, 'csrf token must not be the session id');

  const u = r.json.user;
  assert.equal(u.username, 'a_admin');
  assert.equal(u.role, 'admin');
  assert.equal(u.disabled, false);
  assert.ok(Number.isInteger(u.id));
  assert.ok(Number.isInteger(u.zone_id));
  assert.match(u.created_at, DATETIME_RE);
  for (const k of Object.keys(u)) assert.ok(!/pass|hash|salt/i.test(k), `user leaks ${k}`);

  const me = await c.get('/api/me');
  assert.equal(me.status, 200);
  assert.equal(me.json.user.id, u.id);
  assert.equal(me.json.zone.code, 'za');
  assert.equal(me.json.zone.name, '甲区');
  assert.equal(me.json.zone.id, u.zone_id);
  assert.equal(typeof me.json.csrf_token, 'string');
  assert.ok(Array.isArray(me.json.permissions));
});

test('two logins get different sessions and tokens', async () => {
  const a = new Client(srv.url);
  const b = new Client(srv.url);
  const ra = await a.login('a_leader', 'secret-pass-1');
  const rb = await b.login('a_leader', 'secret-pass-1');
  assert.equal(ra.status, 200);
  assert.equal(rb.status, 200);
  assert.notEqual(a.cookie, b.cookie);
  assert.notEqual(ra.json.csrf_token, rb.json.csrf_token);
});

test('wrong password and unknown user → 401 bad_credentials', async () => {
  const c = new Client(srv.url);
  const r1 = await c.login('a_leader', 'wrong-password');
  assertError(r1, 401, 'bad_credentials');
  assert.equal(c.cookie, null, 'no session after a failed login');
  const r2 = await c.login('no_such_user', 'secret-pass-1');
  assertError(r2, 401, 'bad_credentials');
  assert.equal(r1.json.error.message, r2.json.error.message, 'same answer for unknown user and wrong password');
});

test('/api/me without a session → 401 unauthenticated', async () => {
  assertError(await new Client(srv.url).get('/api/me'), 401, 'unauthenticated');
  const forged = new Client(srv.url);
  forged.cookie = 'not-a-real-session-id-0123456789abcdef';
  assertError(await forged.get('/api/me'), 401, 'unauthenticated');
});

test('logout invalidates the session on the server', async () => {
  const c = await loginAs(srv.url, 'a_out');
  const old = c.cookie;
  assert.ok(old);
  const r = await c.logout();
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json, { ok: true });
  const ck = sessionCookie(r);
  const cleared = ck.value === '' || Number(ck.attrs['max-age']) <= 0 ||
    (ck.attrs.expires && Date.parse(ck.attrs.expires) <= Date.now());
  assert.ok(cleared, `logout must clear the cookie: ${r.headers.getSetCookie().join(' | ')}`);

  const replay = new Client(srv.url);
  replay.cookie = old;
  assertError(await replay.get('/api/me'), 401, 'unauthenticated');
  assertError(await replay.get('/api/parks'), 401, 'unauthenticated');
  assertError(await new Client(srv.url).logout(), 401, 'unauthenticated');
});

test('unsafe methods need the X-CSRF-Token of the session → 403 csrf', async () => {
  const c = await loginAs(srv.url, 'a_admin');
  const body = { name: 'CSRF园', kind: 'park' };

  assertError(await c.post('/api/parks', body, { csrf: false }), 403, 'csrf');
  assertError(await c.post('/api/parks', body, { headers: { 'X-CSRF-Token': 'wrong' } }), 403, 'csrf');
  assertError(await c.post('/api/parks', body, { headers: { 'X-CSRF-Token': '' } }), 403, 'csrf');
  assertError(await c.post('/api/logout', {}, { csrf: false }), 403, 'csrf');
  // nothing was created by the refused requests
  const list = await c.get('/api/parks?q=' + encodeURIComponent('CSRF园'));
  assert.equal(list.json.total, 0);

  const ok = await c.post('/api/parks', body);
  assert.equal(ok.status, 201, ok.text);
  const id = ok.json.id;
  assertError(await c.put(`/api/parks/${id}`, { name: 'CSRF园2', kind: 'park' }, { csrf: false }), 403, 'csrf');
  assertError(await c.del(`/api/parks/${id}`, { csrf: false }), 403, 'csrf');
  assert.equal((await c.get(`/api/parks/${id}`)).json.name, 'CSRF园');

  // the token from /api/me works as well
  const me = await c.get('/api/me');
  const d = await c.del(`/api/parks/${id}`, { headers: { 'X-CSRF-Token': me.json.csrf_token } });
  assert.equal(d.status, 200, d.text);
  // the session is still valid after the refusals
  assert.equal((await c.get('/api/me')).status, 200);
});

test('6th failed login for one username within 15 minutes → 429 with Retry-After', async () => {
  const c = new Client(srv.url);
  for (let i = 1; i <= 5; i++) {
    assertError(await c.login('a_throttle', `wrong-${i}-password`), 401, 'bad_credentials');
  }
  const r6 = await c.login('a_throttle', 'wrong-6-password');
  assertError(r6, 429, 'too_many_attempts');
  const ra = r6.headers.get('retry-after');
  assert.match(ra || '', /^\d+$/, `Retry-After: ${ra}`);
  assert.ok(Number(ra) > 0 && Number(ra) <= 15 * 60, `Retry-After: ${ra}`);
  // the right password does not get through while throttled
  const r7 = await c.login('a_throttle', 'secret-pass-1');
  assertError(r7, 429, 'too_many_attempts');
  assert.equal(c.cookie, null);
  // other usernames are not affected
  assert.equal((await new Client(srv.url).login('a_leader', 'secret-pass-1')).status, 200);
});

test('[beyond contract] the csrf token of another session is refused', async () => {
  const c = await loginAs(srv.url, 'a_admin');
  const other = await loginAs(srv.url, 'a_leader');
  const r = await c.post('/api/parks', { name: 'CSRF别人园', kind: 'park' }, { headers: { 'X-CSRF-Token': other.csrf } });
  assertError(r, 403, 'csrf');
});

let offClient;
test('a disabled user (user disable) cannot log in', async () => {
  offClient = await loginAs(srv.url, 'a_off');
  const r = await srv.cli(['user', 'disable', 'a_off']);
  assert.equal(r.code, 0, r.stderr);
  assertError(await new Client(srv.url).login('a_off', 'secret-pass-1'), 401, 'bad_credentials');
  const admin = await loginAs(srv.url, 'a_admin');
  const list = await admin.get('/api/users?q=a_off');
  assert.equal(list.json.items.find((u) => u.username === 'a_off')?.disabled, true, list.text);
});

test('[beyond contract] disabling a user ends its open sessions', async () => {
  assert.ok(offClient, 'depends on the previous test');
  const me = await offClient.get('/api/me');
  assert.equal(me.status, 401, `session of a disabled user still works: ${me.text}`);
});

test('password change via POST /api/users/{id}/password', async () => {
  const admin = await loginAs(srv.url, 'a_admin');
  const user = await loginAs(srv.url, 'a_pw');
  const id = (await user.get('/api/me')).json.user.id;

  const bad = await admin.post(`/api/users/${id}/password`, { password: 'short' });
  assertError(bad, 400, 'validation');
  assert.ok(bad.json.error.fields.some((f) => f.field === 'password'), bad.text);

  const r = await admin.post(`/api/users/${id}/password`, { password: 'a-new-password-9' });
  assert.equal(r.status, 200, r.text);
  assertError(await new Client(srv.url).login('a_pw', 'secret-pass-1'), 401, 'bad_credentials');
  assert.equal((await new Client(srv.url).login('a_pw', 'a-new-password-9')).status, 200);

  assertError(await admin.post('/api/users/999999/password', { password: 'whatever-123' }), 404, 'not_found');
});

test('password change via CLI user passwd --password-stdin', async () => {
  const r = await srv.cli(['user', 'passwd', 'a_cli', '--password-stdin'], { stdin: 'cli-new-pass-77\n' });
  assert.equal(r.code, 0, r.stderr);
  assertError(await new Client(srv.url).login('a_cli', 'secret-pass-1'), 401, 'bad_credentials');
  assert.equal((await new Client(srv.url).login('a_cli', 'cli-new-pass-77')).status, 200);
  const short = await srv.cli(['user', 'passwd', 'a_cli', '--password-stdin'], { stdin: 'short\n' });
  assert.notEqual(short.code, 0, 'passwords shorter than 8 characters are refused');
  assert.equal((await new Client(srv.url).login('a_cli', 'cli-new-pass-77')).status, 200);
});

test('messages are Chinese by default and English with Accept-Language: en', async () => {
  const zh = await new Client(srv.url).login('a_lang', 'bad-password-x');
  assert.equal(zh.status, 401);
  assert.ok(hasCJK(zh.json.error.message), `default message not Chinese: ${zh.json.error.message}`);

  for (const lang of ['en', 'en-US', 'en-GB,en;q=0.9,zh-CN;q=0.5']) {
    const en = await new Client(srv.url, { lang }).login('a_lang', 'bad-password-y');
    assert.equal(en.status, 401);
    assert.ok(!hasCJK(en.json.error.message), `${lang}: ${en.json.error.message}`);
    assert.match(en.json.error.message, /[A-Za-z]{3}/);
  }
  const zhExplicit = await new Client(srv.url, { lang: 'zh-CN' }).get('/api/me');
  assert.ok(hasCJK(zhExplicit.json.error.message), zhExplicit.text);

  // validation messages, including field messages, follow the language too
  const admin = await loginAs(srv.url, 'a_admin');
  const vzh = await admin.post('/api/parks', { kind: 'park' });
  assertError(vzh, 400, 'validation');
  assert.ok(hasCJK(vzh.json.error.message));
  assert.ok(vzh.json.error.fields.every((f) => hasCJK(f.message)), vzh.text);
  const adminEn = await loginAs(srv.url, 'a_admin', 'secret-pass-1', { lang: 'en' });
  const ven = await adminEn.post('/api/parks', { kind: 'park' });
  assertError(ven, 400, 'validation');
  assert.ok(!hasCJK(ven.json.error.message), ven.text);
  assert.ok(ven.json.error.fields.every((f) => !hasCJK(f.message) && /[A-Za-z]/.test(f.message)), ven.text);
  const nf = await adminEn.get('/api/parks/987654');
  assertError(nf, 404, 'not_found');
  assert.ok(!hasCJK(nf.json.error.message));
});
