// HTTP basics: health, security headers, 404/405/413/400 error shapes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { startServer, Client } from '../lib/server.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv?.stop(); });

/** Assert the contract's error shape {"error":{"code","message"}}. */
function assertError(r, status, code) {
  assert.equal(r.status, status, `expected ${status}, got ${r.status}: ${r.text}`);
  assert.match(r.headers.get('content-type') || '', /^application\/json/);
  assert.ok(r.json && typeof r.json.error === 'object', `error body: ${r.text}`);
  assert.equal(r.json.error.code, code);
  assert.equal(typeof r.json.error.message, 'string');
  assert.ok(r.json.error.message.length > 0);
}

/** The value of a CSP directive, or null. */
function cspDirective(csp, name) {
  for (const d of csp.split(';')) {
    const parts = d.trim().split(/\s+/);
    if (parts[0].toLowerCase() === name) return parts.slice(1);
  }
  return null;
}

test('GET /api/health answers 200 without login', async () => {
  const r = await new Client(srv.url).get('/api/health');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type') || '', /^application\/json/);
  assert.equal(r.json.status, 'ok');
  assert.match(r.json.version, /^\d+\.\d+\.\d+/);
  assert.ok(Number.isInteger(r.json.schema) && r.json.schema >= 1, `schema: ${r.json.schema}`);
});

test('security headers on API responses', async () => {
  for (const p of ['/api/health', '/api/me', '/api/no-such-thing']) {
    const r = await new Client(srv.url).get(p);
    const csp = r.headers.get('content-security-policy');
    assert.ok(csp, `${p}: Content-Security-Policy missing`);
    const script = cspDirective(csp, 'script-src') ?? cspDirective(csp, 'default-src');
    assert.ok(script, `${p}: CSP has neither script-src nor default-src: ${csp}`);
    assert.ok(!script.includes("'unsafe-inline'"), `${p}: script-src allows 'unsafe-inline': ${csp}`);
    assert.ok(!script.includes("'unsafe-eval'"), `${p}: script-src allows 'unsafe-eval': ${csp}`);
    assert.deepEqual(cspDirective(csp, 'frame-ancestors'), ["'none'"], `${p}: ${csp}`);
    assert.equal((r.headers.get('x-content-type-options') || '').toLowerCase(), 'nosniff', p);
    assert.ok(r.headers.get('referrer-policy'), `${p}: Referrer-Policy missing`);
  }
});

test('unknown path → 404 with the error shape', async () => {
  const c = new Client(srv.url);
  assertError(await c.get('/api/no-such-thing'), 404, 'not_found');
  assertError(await c.get('/api/parks/1/nope'), 404, 'not_found');
});

test('unknown path while logged in → 404 not_found', async () => {
  await srv.addUser('za', 'h_admin', 'admin');
  const c = new Client(srv.url);
  assert.equal((await c.login('h_admin', 'secret-pass-1')).status, 200);
  assertError(await c.get('/api/no-such-thing'), 404, 'not_found');
  assertError(await c.post('/api/no-such-thing', {}), 404, 'not_found');
});

function allowSet(r) {
  return new Set((r.headers.get('allow') || '').split(',').map((s) => s.trim().toUpperCase()).filter(Boolean));
}

test('wrong method on a known path → 405 with Allow', async () => {
  const c = new Client(srv.url);
  let r = await c.req('DELETE', '/api/health', undefined, { csrf: false });
  assertError(r, 405, 'method_not_allowed');
  assert.ok(allowSet(r).has('GET'), `Allow: ${r.headers.get('allow')}`);
  assert.ok(!allowSet(r).has('DELETE'));

  r = await c.get('/api/login');
  assertError(r, 405, 'method_not_allowed');
  assert.ok(allowSet(r).has('POST'), `Allow: ${r.headers.get('allow')}`);
  assert.ok(!allowSet(r).has('GET'));

  r = await c.req('PATCH', '/api/parks/1', '{}', { csrf: false });
  assertError(r, 405, 'method_not_allowed');
  const allow = allowSet(r);
  for (const m of ['GET', 'PUT', 'DELETE']) assert.ok(allow.has(m), `Allow: ${r.headers.get('allow')}`);
  assert.ok(!allow.has('PATCH') && !allow.has('POST'), `Allow: ${r.headers.get('allow')}`);

  r = await c.req('DELETE', '/api/parks', undefined, { csrf: false });
  assertError(r, 405, 'method_not_allowed');
  assert.ok(allowSet(r).has('GET') && allowSet(r).has('POST'), `Allow: ${r.headers.get('allow')}`);
});

/**
 * Raw POST over a plain socket. A server may answer 413 before it has read
 * the whole body and then close: write errors are ignored and whatever the
 * server sent is parsed.
 */
function rawPost(path, buf, headers = {}) {
  return new Promise((resolve, reject) => {
    const sock = net.connect(srv.port, '127.0.0.1');
    const chunks = [];
    sock.on('data', (d) => chunks.push(d));
    sock.on('error', () => {}); // EPIPE/ECONNRESET after an early answer
    sock.on('close', () => {
      const raw = Buffer.concat(chunks);
      const sep = raw.indexOf('\r\n\r\n');
      if (sep < 0) { reject(new Error(`the server closed the connection without an HTTP response (${raw.length} bytes received)`)); return; }
      const head = raw.subarray(0, sep).toString('latin1').split('\r\n');
      const status = Number(head[0].split(' ')[1]);
      const h = new Headers();
      for (const line of head.slice(1)) {
        const i = line.indexOf(':');
        h.append(line.slice(0, i).trim(), line.slice(i + 1).trim());
      }
      let body = raw.subarray(sep + 4);
      if (/chunked/i.test(h.get('transfer-encoding') || '')) {
        const out = [];
        let pos = 0;
        for (;;) {
          const eol = body.indexOf('\r\n', pos);
          if (eol < 0) break;
          const n = parseInt(body.subarray(pos, eol).toString('latin1'), 16);
          if (!n) break;
          out.push(body.subarray(eol + 2, eol + 2 + n));
          pos = eol + 2 + n + 2;
        }
        body = Buffer.concat(out);
      } else if (h.get('content-length')) {
        body = body.subarray(0, Number(h.get('content-length')));
      }
      const text = body.toString('utf8');
      let json = null;
      try { json = JSON.parse(text); } catch { /* keep null */ }
      resolve({ status, headers: h, json, text });
    });
    sock.on('connect', () => {
      const hdr = { Host: `127.0.0.1:${srv.port}`, 'Content-Type': 'application/json',
        'Content-Length': String(buf.length), Connection: 'close', ...headers };
      sock.write(`POST ${path} HTTP/1.1\r\n` + Object.entries(hdr).map(([k, v]) => `${k}: ${v}\r\n`).join('') + '\r\n');
      sock.end(buf);
    });
  });
}

test('body over 1 MiB → 413 too_large', async () => {
  const big = Buffer.from(JSON.stringify({ username: 'x', password: 'y'.repeat(1024 * 1024 + 100) }));
  assert.ok(big.length > 1024 * 1024);
  const r = await rawPost('/api/login', big);
  assertError(r, 413, 'too_large');
});

test('body just under 1 MiB is not rejected as too large', async () => {
  const body = Buffer.from(JSON.stringify({ username: 'nobody', password: 'y'.repeat(1000 * 1000) }));
  assert.ok(body.length < 1024 * 1024);
  const r = await rawPost('/api/login', body);
  assert.notEqual(r.status, 413, r.text);
});

test('malformed JSON → 400 bad_json', async () => {
  const c = new Client(srv.url);
  assertError(await c.req('POST', '/api/login', '{"username": "a", ', { csrf: false }), 400, 'bad_json');
  assertError(await c.req('POST', '/api/login', 'not json at all', { csrf: false }), 400, 'bad_json');

  const a = new Client(srv.url);
  assert.equal((await a.login('h_admin', 'secret-pass-1')).status, 200);
  assertError(await a.post('/api/parks', '{"name":"x","kind":'), 400, 'bad_json');
  assertError(await a.post('/api/parks', '\u0000\u0001'), 400, 'bad_json');
});
