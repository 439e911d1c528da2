// api — the one place that talks to the zonedesk server.
//
//   request(method, path, {body, query, signal})  → parsed JSON (or null for an empty body)
//   api.get(path, query?) / api.post(path, body) / api.put(path, body)
//   api.patch(path, body) / api.del(path)
//   api.upload(path, file, query?)  POST with the raw bytes of a File/Blob as the body
//                                  (Content-Type from the file); same JSON answer and errors
//   ApiError: {status, code, message, fields:[{field, message}], retryAfter}
//   setCsrfToken(token)            remembered for every unsafe method (X-CSRF-Token)
//   onUnauthenticated(fn)          fn(error) on any 401 'unauthenticated' answer
//                                  (default: go to #/login, remembering where we were)
//   buildQuery({q:'x', kind:''})   → '?q=x' (drops empty values)
//
// Requests are same-origin with credentials (the zd_session cookie), JSON in and out,
// and carry Accept-Language (en when the user chose English, zh-CN otherwise), so that the
// server's error messages come back in the language of the page.

import { getLang, t } from './i18n.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
let csrfToken = null;
let unauthenticatedHandler = defaultUnauthenticated;

export class ApiError extends Error {
  constructor(status, code, message, fields, retryAfter) {
    super(message || code || 'error');
    this.name = 'ApiError';
    this.status = status;
    this.code = code || 'error';
    this.fields = Array.isArray(fields) ? fields : [];
    this.retryAfter = retryAfter ?? null;
  }
  /** The message for one field, or '' */
  fieldMessage(name) {
    const f = this.fields.find((x) => x.field === name);
    return f ? f.message : '';
  }
}

export function setCsrfToken(token) { csrfToken = token || null; }
export function getCsrfToken() { return csrfToken; }

export function onUnauthenticated(fn) { unauthenticatedHandler = fn || defaultUnauthenticated; }

function defaultUnauthenticated() {
  const here = location.hash || '#/';
  if (!here.startsWith('#/login')) {
    try { sessionStorage.setItem('zd.after_login', here); } catch (_) { /* ignore */ }
    location.hash = '#/login';
  }
}

export function buildQuery(query) {
  if (!query) return '';
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    p.set(k, String(v));
  }
  const s = p.toString();
  return s ? '?' + s : '';
}

export async function request(method, path, { body, query, signal, raw, contentType } = {}) {
  method = method.toUpperCase();
  const headers = { Accept: 'application/json' };
  // Always say which language: the browser's own Accept-Language may differ from the user's choice.
  headers['Accept-Language'] = getLang() === 'en' ? 'en' : 'zh-CN';
  if (raw !== undefined) headers['Content-Type'] = contentType || 'application/octet-stream';
  else if (body !== undefined) headers['Content-Type'] = 'application/json; charset=utf-8';
  if (UNSAFE.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let res;
  try {
    res = await fetch(path + buildQuery(query), {
      method,
      headers,
      body: raw !== undefined ? raw : body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal,
    });
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', t('error.network'));
  }

  const text = await res.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch (_) { data = null; }
  }

  if (!res.ok) {
    const e = (data && data.error) || {};
    const retry = res.headers.get('Retry-After');
    const err = new ApiError(res.status, e.code || 'http_' + res.status,
      e.message || t('error.unknown'), e.fields, retry ? Number(retry) : null);
    if (res.status === 401 && err.code === 'unauthenticated' && !path.startsWith('/api/login')) {
      csrfToken = null;
      unauthenticatedHandler(err);
    }
    throw err;
  }
  return data;
}

export const api = {
  get: (path, query, opts) => request('GET', path, { ...opts, query }),
  post: (path, body) => request('POST', path, { body: body ?? {} }),
  put: (path, body) => request('PUT', path, { body: body ?? {} }),
  patch: (path, body) => request('PATCH', path, { body: body ?? {} }),
  del: (path) => request('DELETE', path),
  upload: (path, file, query) => request('POST', path, { raw: file, contentType: file.type || 'application/octet-stream', query }),
};

/** POST /api/login; remembers the CSRF token. Returns {user, csrf_token}. */
export async function login(username, password) {
  const r = await request('POST', '/api/login', { body: { username, password } });
  setCsrfToken(r && r.csrf_token);
  return r;
}

/** POST /api/logout; forgets the CSRF token even if the call fails. */
export async function logout() {
  try { await request('POST', '/api/logout', { body: {} }); } finally { setCsrfToken(null); }
}

/** GET /api/me; remembers the CSRF token. Returns {user, zone, csrf_token, permissions}. */
export async function me() {
  const r = await request('GET', '/api/me');
  setCsrfToken(r && r.csrf_token);
  return r;
}
