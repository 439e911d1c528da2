// Graceful shutdown: SIGTERM while requests are in flight; every request the
// server has accepted completes with 200 and the process exits 0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { readFileSync } from 'node:fs';
import { startServer, loginAs } from '../lib/server.mjs';

/**
 * Length of the accept queue of the socket listening on 127.0.0.1:port
 * (the rx_queue column of a LISTEN row in /proc/net/tcp), or null.
 */
function acceptQueue(port) {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  for (const f of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text;
    try { text = readFileSync(f, 'utf8'); } catch { continue; }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 5) continue;
      const [, local, , st, queues] = cols;
      if (st === '0A' && local.endsWith(':' + hexPort)) return parseInt(queues.split(':')[1], 16);
    }
  }
  return null;
}

/**
 * GET on its own connection; resolves {status, body, complete} or {error}.
 * onSent() is called once the TCP connection is established and the whole
 * request is written (or the request already ended).
 */
function get(url, path, headers, onSent) {
  return new Promise((resolve) => {
    let connected = false;
    let finished = false;
    let signalled = false;
    const signal = () => { if (!signalled) { signalled = true; onSent(); } };
    const check = () => { if (connected && finished) signal(); };
    const req = http.request(url + path, { agent: false, headers: { Connection: 'close', ...headers } }, (res) => {
      signal();
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode, body, complete: res.complete }));
      res.on('error', (e) => resolve({ error: e.code || e.message }));
    });
    req.on('socket', (s) => {
      if (!s.connecting) { connected = true; check(); } else s.once('connect', () => { connected = true; check(); });
    });
    req.on('error', (e) => { signal(); resolve({ error: e.code || e.message }); });
    req.on('finish', () => { finished = true; check(); });
    req.end();
  });
}

test('SIGTERM under load: accepted requests finish with 200, exit code 0', async () => {
  const srv = await startServer({ serveArgs: ['--threads', '4'] });
  let stopped = false;
  try {
    await srv.addUser('za', 's_admin', 'admin');
    const c = await loginAs(srv.url, 's_admin');
    for (let i = 0; i < 100; i++) {
      const r = await c.post('/api/parks', { name: `负载园${i}`, kind: 'park', note: '一区五园'.repeat(20) });
      assert.equal(r.status, 201, r.text);
    }
    const cookie = `zd_session=${c.cookie}`;

    // an idle keep-alive connection that must not hold up the shutdown
    const idle = net.connect(srv.port, '127.0.0.1');
    await new Promise((r) => idle.once('connect', r));
    idle.on('error', () => {});

    const N = 50;
    let sent = 0;
    let allSent;
    const sentPromise = new Promise((r) => { allSent = r; });
    const onSent = () => { if (++sent === N) allSent(); };
    const results = [];
    for (let i = 0; i < N; i++) {
      results.push(i % 2
        ? get(srv.url, '/api/parks?limit=200&sort=-name', { Cookie: cookie }, onSent)
        : get(srv.url, '/api/health', {}, onSent));
    }
    await sentPromise;
    // wait until the server has accepted every connection (its accept queue is empty)
    const deadline = Date.now() + 10000;
    let q = acceptQueue(srv.port);
    while (q !== 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 5));
      q = acceptQueue(srv.port);
    }
    assert.equal(q, 0, `the server did not accept the connections (queue ${q})`);

    stopped = true;
    const stopping = srv.stop(); // SIGTERM, waits for the exit, throws unless exit code 0
    const done = await Promise.all(results);
    await stopping;

    const bad = done.map((r, i) => ({ i, ...r })).filter((r) => r.status !== 200 || r.complete === false);
    assert.deepEqual(bad.map((r) => `#${r.i}: ${r.status ?? r.error}`), [], 'requests in flight at SIGTERM must complete with 200');
    for (const [i, r] of done.entries()) {
      const j = JSON.parse(r.body);
      if (i % 2) {
        assert.equal(j.total, 100);
        assert.equal(j.items.length, 100);
      } else {
        assert.equal(j.status, 'ok');
      }
    }
    idle.destroy();

    // and it is gone: new connections are refused
    const after = await new Promise((resolve) => {
      const s = net.connect(srv.port, '127.0.0.1');
      s.on('connect', () => { s.destroy(); resolve('connected'); });
      s.on('error', (e) => resolve(e.code));
    });
    assert.equal(after, 'ECONNREFUSED');
  } finally {
    if (!stopped) await srv.stop();
  }
});

test('SIGTERM on an idle server exits 0 promptly', async () => {
  const srv = await startServer();
  const t0 = Date.now();
  await srv.stop(); // throws unless the exit code is 0
  assert.ok(Date.now() - t0 < 10000, 'shutdown took more than 10 s');
  assert.equal(srv.exited().code, 0);
});
