// Shared test harness: starts a real zonedesk server on a temporary SQLite
// database and a free loopback port, and offers a small HTTP client that keeps
// the session cookie and the CSRF token. Used by tests/api and tests/e2e.
// Only node built-ins.

import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { once } from 'node:events';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Repository root: two levels up from tests/lib. */
export const REPO = path.resolve(here, '..', '..');

/** The zonedesk binary under test. */
export const BIN = process.env.ZONEDESK_BIN || path.join(REPO, 'build', 'zonedesk');

/**
 * Run the binary with exactly `args` (nothing prepended).
 * stdin: string written to the child's stdin (stdin is always closed).
 * Resolves {code, signal, stdout, stderr}; never rejects on a non-zero exit.
 */
export function runBin(args, { stdin, env, timeout = 30000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(BIN, args, {
      env: { ...process.env, ...(env || {}) },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    child.stdin.on('error', () => {}); // the child may exit before reading
    if (stdin !== undefined) child.stdin.write(stdin);
    child.stdin.end();
  });
}

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function mustRun(args, what) {
  const r = await runBin(args);
  if (r.code !== 0) {
    throw new Error(`${what} failed (exit ${r.code}${r.signal ? ', ' + r.signal : ''}): ` +
      `${BIN} ${args.join(' ')}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
  }
  return r;
}

/**
 * Start a server on a fresh database with zones za (甲区) and zb (乙区).
 * opts.serveArgs: extra arguments for `serve` (e.g. ['--threads', '2']).
 * opts.env: extra environment for the server process.
 */
export async function startServer(opts = {}) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'zonedesk-test-'));
  const db = path.join(dir, 'z.db');
  const web = path.join(REPO, 'web');
  try {
    await mustRun(['init', '--db', db], 'init');
    await mustRun(['--db', db, 'zone', 'add', '--code', 'za', '--name', '甲区'], 'zone add za');
    await mustRun(['--db', db, 'zone', 'add', '--code', 'zb', '--name', '乙区'], 'zone add zb');
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }

  let child;
  let port;
  let stderr = '';
  let exited = null; // {code, signal} once the process is gone
  let exitPromise;
  let lastError = null;

  // The port is free when picked but could be taken before serve binds it:
  // try a few ports before giving up.
  for (let attempt = 0; attempt < 3; attempt++) {
    port = await freePort();
    stderr = '';
    exited = null;
    child = spawn(BIN, ['serve', '--db', db, '--listen', `127.0.0.1:${port}`, '--web', web,
      ...(opts.serveArgs || [])], {
      env: { ...process.env, ...(opts.env || {}) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d) => { stderr += d; });
    exitPromise = new Promise((resolve) => {
      child.on('error', (e) => { stderr += `\n[spawn error] ${e.message}`; exited = { code: null, signal: null, error: e }; resolve(exited); });
      child.on('exit', (code, signal) => { exited = { code, signal }; resolve(exited); });
    });

    const deadline = Date.now() + 15000;
    let healthy = false;
    while (Date.now() < deadline && !exited) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        await res.arrayBuffer();
        if (res.status === 200) { healthy = true; break; }
      } catch { /* not listening yet */ }
      await sleep(100);
    }
    if (healthy) { lastError = null; break; }
    if (!exited) {
      child.kill('SIGKILL');
      await exitPromise;
      lastError = new Error(`zonedesk serve did not answer GET /api/health with 200 within 15 s ` +
        `(port ${port}).\nserver stderr:\n${stderr}`);
      break; // a hung server will not do better on another port
    }
    lastError = new Error(`zonedesk serve exited before becoming healthy ` +
      `(code ${exited.code}, signal ${exited.signal}, port ${port}).\nserver stderr:\n${stderr}`);
    if (!/address|in use|bind|EADDRINUSE/i.test(stderr)) break;
  }
  if (lastError) {
    await rm(dir, { recursive: true, force: true });
    throw lastError;
  }

  const url = `http://127.0.0.1:${port}`;
  let stopped = false;

  const srv = {
    url,
    port,
    dir,
    db,
    pid: child.pid,
    process: child,
    stderr: () => stderr,
    /** Whether the server process has exited (and how). */
    exited: () => exited,
    /** Run the binary with `--db <db>` prepended to args. */
    cli: (args, o = {}) => runBin(['--db', db, ...args], o),
    /** Add a user through the CLI; asserts exit 0. */
    async addUser(zone, username, role, password = 'secret-pass-1', extra = []) {
      const r = await runBin(['--db', db, 'user', 'add', '--zone', zone, '--username', username,
        '--name', username, '--role', role, '--password-stdin', ...extra], { stdin: password + '\n' });
      if (r.code !== 0) {
        throw new Error(`user add ${username} (${role}) in ${zone} exited ${r.code}\n` +
          `stdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
      }
      return r;
    },
    /** Send SIGTERM, wait for the exit; throws unless the exit code is 0. */
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        if (!exited) child.kill('SIGTERM');
        const timer = setTimeout(() => { if (!exited) child.kill('SIGKILL'); }, 15000);
        const st = await exitPromise;
        clearTimeout(timer);
        if (st.code !== 0) {
          throw new Error(`zonedesk serve exited with code ${st.code}` +
            `${st.signal ? ' (signal ' + st.signal + ')' : ''} after SIGTERM.\nserver stderr:\n${stderr}`);
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
  return srv;
}

/**
 * HTTP client keeping the zd_session cookie and the CSRF token.
 * req() answers {status, headers, json, text}; headers is a fetch Headers.
 */
export class Client {
  constructor(baseUrl, { lang } = {}) {
    this.baseUrl = baseUrl.replace(/\/$/, '');
    this.lang = lang;
    this.cookies = new Map();
    this.csrf = null;
  }

  /** The session cookie value (or null); assignable to copy a session. */
  get cookie() { return this.cookies.get('zd_session') ?? null; }
  set cookie(v) { if (v == null) this.cookies.delete('zd_session'); else this.cookies.set('zd_session', v); }

  _storeCookies(headers) {
    const list = typeof headers.getSetCookie === 'function' ? headers.getSetCookie() : [];
    for (const sc of list) {
      const parts = sc.split(';').map((s) => s.trim());
      const eq = parts[0].indexOf('=');
      if (eq < 1) continue;
      const name = parts[0].slice(0, eq);
      const value = parts[0].slice(eq + 1);
      let expired = value === '';
      for (const a of parts.slice(1)) {
        const [k, v = ''] = a.split('=');
        if (/^max-age$/i.test(k) && Number(v) <= 0) expired = true;
        if (/^expires$/i.test(k)) {
          const t = Date.parse(a.slice(a.indexOf('=') + 1));
          if (!Number.isNaN(t) && t <= Date.now()) expired = true;
        }
      }
      if (expired) this.cookies.delete(name); else this.cookies.set(name, value);
    }
  }

  /**
   * method, path ('/api/...'), body (object → JSON; string/Buffer sent raw).
   * opts.headers: extra headers; opts.csrf=false: no X-CSRF-Token.
   */
  async req(method, p, body, { headers = {}, csrf = true } = {}) {
    method = method.toUpperCase();
    const h = {};
    if (this.lang) h['Accept-Language'] = this.lang;
    if (this.cookies.size) h.Cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (csrf && this.csrf && !['GET', 'HEAD', 'OPTIONS'].includes(method)) h['X-CSRF-Token'] = this.csrf;
    let payload;
    if (body !== undefined) {
      payload = (typeof body === 'string' || body instanceof Uint8Array) ? body : JSON.stringify(body);
      h['Content-Type'] = 'application/json; charset=utf-8';
    }
    Object.assign(h, headers);
    for (const k of Object.keys(h)) if (h[k] === undefined || h[k] === null) delete h[k];
    const res = await fetch(this.baseUrl + p, { method, headers: h, body: payload, redirect: 'manual' });
    const text = await res.text();
    this._storeCookies(res.headers);
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch { json = null; }
    return { status: res.status, headers: res.headers, json, text };
  }

  async login(username, password) {
    const r = await this.req('POST', '/api/login', { username, password }, { csrf: false });
    if (r.status === 200 && r.json && typeof r.json.csrf_token === 'string') this.csrf = r.json.csrf_token;
    return r;
  }

  async logout() { return this.req('POST', '/api/logout', {}); }

  async me() {
    const r = await this.req('GET', '/api/me');
    if (r.status === 200 && r.json && typeof r.json.csrf_token === 'string') this.csrf = r.json.csrf_token;
    return r;
  }

  get(p, o) { return this.req('GET', p, undefined, o); }
  post(p, b, o) { return this.req('POST', p, b, o); }
  put(p, b, o) { return this.req('PUT', p, b, o); }
  del(p, o) { return this.req('DELETE', p, undefined, o); }
}

/** Log in a new Client; throws unless the login answers 200. */
export async function loginAs(url, username, password = 'secret-pass-1', opts = {}) {
  const c = new Client(url, opts);
  const r = await c.login(username, password);
  if (r.status !== 200) throw new Error(`login ${username} → ${r.status} ${r.text}`);
  return c;
}

// ---- GB 32100-2015 unified social credit code (统一社会信用代码) ----------
// The tests compute valid codes themselves instead of trusting examples.

export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 check digit of an 8-character organisation code body. */
export function orgCodeCheck(body8) {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body8[i];
    const v = c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 55; // A=10 … Z=35
    sum += v * ORG_WEIGHTS[i];
  }
  const r = 11 - (sum % 11);
  return r === 11 ? '0' : r === 10 ? 'X' : String(r);
}

/** GB 32100 check character of the first 17 characters. */
export function usccCheck(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17[i]) * USCC_WEIGHTS[i];
  const r = 31 - (sum % 31);
  return USCC_CHARSET[r === 31 ? 0 : r];
}

/**
 * A valid USCC: '9' (市场监管/工商) '1' (企业) + region + organisation code with
 * check digit + final check character. n selects a distinct code.
 */
export function makeUscc(n = 0, region = '320700') {
  const body = ('MA' + String(1000000 + (n % 1000000)).slice(1)).slice(0, 8); // MA + 6 digits
  const org = body + orgCodeCheck(body);
  const first17 = '91' + region + org;
  return first17 + usccCheck(first17);
}

/** Matches 'YYYY-MM-DD HH:MM:SS'. */
export const DATETIME_RE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** True when s contains CJK ideographs. */
export const hasCJK = (s) => /[\u4e00-\u9fff]/.test(String(s));
