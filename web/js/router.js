// router — hash routing: #/parks, #/parks/new, #/parks/12, #/parks?q=园&sort=-name
//
//   addRoute(pattern, render, meta?)   pattern like '/parks/:id' (':id' matches one segment);
//                                      render(ctx) draws the page (see app.js for ctx)
//   resolve(hash?) → {path, query, params, render, meta} | {path, query, params:{}, render:null}
//   parseHash(hash?) → {path, query}   query is a plain object of strings
//   hrefFor(path, query?) → '#/path?…'
//   go(path, query?)                   navigate (adds a history entry)
//   replaceQuery(query)                rewrite the current hash's query without re-rendering
//   onRouteChange(fn)                  fn() on every hashchange that is not a replaceQuery

const routes = [];
const listeners = new Set();

export function addRoute(pattern, render, meta = {}) {
  const names = [];
  const re = new RegExp('^' + pattern.replace(/\/:([A-Za-z_]+)/g, (_, n) => { names.push(n); return '/([^/]+)'; }) + '/?$');
  routes.push({ pattern, re, names, render, meta });
}

export function parseHash(hash = location.hash) {
  let s = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!s.startsWith('/')) s = '/' + s;
  const qi = s.indexOf('?');
  const path = qi >= 0 ? s.slice(0, qi) : s;
  const query = {};
  if (qi >= 0) for (const [k, v] of new URLSearchParams(s.slice(qi + 1))) query[k] = v;
  return { path: path || '/', query };
}

export function resolve(hash = location.hash) {
  const { path, query } = parseHash(hash);
  for (const r of routes) {
    const m = r.re.exec(path);
    if (!m) continue;
    const params = {};
    r.names.forEach((n, i) => { params[n] = decodeURIComponent(m[i + 1]); });
    return { path, query, params, render: r.render, meta: r.meta, pattern: r.pattern };
  }
  return { path, query, params: {}, render: null, meta: {} };
}

export function hrefFor(path, query) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query || {})) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const qs = p.toString();
  return '#' + path + (qs ? '?' + qs : '');
}

export function go(path, query) {
  const target = path.startsWith('#') ? path : hrefFor(path, query);
  if (location.hash === target) for (const fn of listeners) fn();
  else location.hash = target;
}

export function replaceQuery(query) {
  const { path } = parseHash();
  history.replaceState(history.state, '', hrefFor(path, query));
}

export function onRouteChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

window.addEventListener('hashchange', () => { for (const fn of listeners) fn(); });
