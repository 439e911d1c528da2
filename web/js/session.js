// session — who is logged in (the answer of GET /api/me).
//
//   setSession(me | null)   me = {user, zone, csrf_token, permissions}
//   getSession() → me | null
//   can('park.write') → boolean          (permission strings from /api/me)
//   user() / zone()                       shortcuts
//   onSessionChange(fn)                   fn(me | null)

let current = null;
const listeners = new Set();

export function setSession(me) {
  current = me || null;
  for (const fn of listeners) fn(current);
}

export function getSession() { return current; }
export function user() { return current ? current.user : null; }
export function zone() { return current ? current.zone : null; }

export function can(perm) {
  return !!(current && Array.isArray(current.permissions) && current.permissions.includes(perm));
}

export function onSessionChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
