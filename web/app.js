// zonedesk web shell: login, layout (header, navigation), hash routing and the module pages.
//
// A module is {nav: [{href, match, perm, label, group, order}], routes: [{path, perm, render}]};
// a route's perm is a permission string from /api/me, or a function(params) → boolean.
// A nav entry may give visible() → boolean instead of perm, and href/match as functions.
// render(ctx) draws into ctx.main; ctx = {main, params, query, path, setTitle(text), isCurrent(), refresh()}.
// To add a module: import it and append it to MODULES (navigation groups: main, projects, invest, acceptance, service, structure, settings, system,
// or a new one with an i18n key nav.group.<name>).

import { t, has, getLang, toggleLang, onLangChange, option } from './js/i18n.js';
import { ApiError, login, logout, me, onUnauthenticated } from './js/api.js';
import { setSession, getSession, can } from './js/session.js';
import { addRoute, resolve, go, onRouteChange } from './js/router.js';
import { h, mount, alertBox, button, errorBlock, loadingBlock, pageHeader } from './js/ui.js';

import parks from './js/pages/parks.js';
import orgs from './js/pages/orgs.js';
import chains from './js/pages/chains.js';
import users from './js/pages/users.js';
import audit from './js/pages/audit.js';
import zone from './js/pages/zone.js';
import projects from './js/pages/projects.js';
import leads from './js/pages/leads.js';
import acceptance from './js/pages/acceptance.js';
import service from './js/pages/service.js';
import briefing from './js/pages/briefing.js';
import mujun from './js/pages/mujun.js';
import { canDashboard, dashboardPage } from './js/pages/dashboard.js';

const GROUP_ORDER = ['main', 'projects', 'invest', 'acceptance', 'service', 'mujun', 'structure', 'business', 'settings', 'system'];

const home = {
  nav: [{ href: '#/', match: '/', perm: null, label: 'nav.home', group: 'main', order: 0, exact: true }],
  // the leadership dashboard for users who may read a report; the simple home page for the others
  routes: [{ path: '/', perm: null, render: (ctx) => (canDashboard() ? dashboardPage(ctx) : homePage(ctx)) }],
};

const MODULES = [home, briefing, projects, leads, acceptance, service, mujun, parks, orgs, chains, users, audit, zone];

const NAV = MODULES.flatMap((m) => m.nav || []);
for (const m of MODULES) for (const r of m.routes) addRoute(r.path, r.render, { perm: r.perm });

const root = document.getElementById('app');
let shell = null; // {el, nav, main, header}
let renderSeq = 0;
const AFTER_LOGIN = 'zd.after_login';

// ---------------------------------------------------------------- shell

function visibleNav() {
  return NAV.filter((n) => (n.visible ? n.visible() : (!n.perm || can(n.perm))))
    .map((n) => ({ ...n, href: typeof n.href === 'function' ? n.href() : n.href, match: typeof n.match === 'function' ? n.match() : n.match }));
}

function buildShell() {
  const s = getSession();
  const userName = s.user.name || s.user.username;
  const roleName = option('role', s.user.role);
  const menuBtn = h('button', {
    type: 'button', class: 'menu-toggle', 'aria-expanded': 'false', 'aria-controls': 'sidenav',
    title: t('header.menu.title'),
  }, h('span', { class: 'menu-icon', 'aria-hidden': 'true' }), h('span', { class: 'menu-label' }, t('header.menu')));
  const langBtn = h('button', { type: 'button', class: 'btn-header lang-switch', title: t('lang.switch.title'), lang: getLang() === 'zh' ? 'en' : 'zh-CN', dataset: { lang: getLang() === 'zh' ? 'en' : 'zh' } }, t('lang.switch'));
  const logoutBtn = h('button', { type: 'button', class: 'btn-header logout' }, t('header.logout'));
  const userBox = (cls) => h('div', { class: `user-box ${cls}` },
    h('span', { class: 'user-name' }, userName),
    h('span', { class: 'role-badge', dataset: { role: s.user.role } }, roleName));

  const header = h('header', { class: 'topbar' },
    menuBtn,
    h('a', { class: 'brand', href: '#/' },
      h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, '管'),
      h('span', { class: 'brand-text' },
        h('span', { class: 'brand-zone' }, s.zone ? s.zone.name : t('app.name')),
        h('span', { class: 'brand-sub' }, t('app.subtitle')))),
    h('div', { class: 'topbar-right' }, userBox('in-header'), langBtn, logoutBtn));

  const groups = new Map();
  for (const n of visibleNav()) {
    const g = n.group || 'main';
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g).push(n);
  }
  const groupNames = [...groups.keys()].sort((a, b) => {
    const ia = GROUP_ORDER.indexOf(a); const ib = GROUP_ORDER.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
  });
  const nav = h('nav', { class: 'sidenav', id: 'sidenav', 'aria-label': t('header.menu') },
    userBox('in-nav'),
    groupNames.map((g) => h('div', { class: 'nav-group' },
      g === 'main' ? null : h('div', { class: 'nav-group-title' }, t(`nav.group.${g}`)),
      h('ul', null, groups.get(g).sort((a, b) => (a.order || 0) - (b.order || 0)).map((n) =>
        h('li', null, h('a', { href: n.href, class: 'nav-link', dataset: { match: n.match, exact: n.exact ? '1' : '' } }, t(n.label))))))));

  const main = h('main', { class: 'main', id: 'main', tabindex: '-1' });
  const scrim = h('div', { class: 'nav-scrim', 'aria-hidden': 'true' });
  const el = h('div', { class: 'shell' }, header, h('div', { class: 'shell-body' }, nav, scrim, main));

  const setMenu = (open) => {
    el.classList.toggle('nav-open', open);
    menuBtn.setAttribute('aria-expanded', open ? 'true' : 'false');
  };
  menuBtn.addEventListener('click', () => setMenu(!el.classList.contains('nav-open')));
  scrim.addEventListener('click', () => setMenu(false));
  langBtn.addEventListener('click', () => toggleLang());
  logoutBtn.addEventListener('click', async () => {
    try { await logout(); } catch (_) { /* the session is gone either way */ }
    setSession(null);
    shell = null;
    go('/login');
  });

  mount(root, el);
  root.classList.remove('app-loading');
  shell = { el, nav, main, setMenu };
}

function markNav(path) {
  for (const a of shell.nav.querySelectorAll('a.nav-link')) {
    const m = a.dataset.match;
    const on = a.dataset.exact ? path === m : (path === m || path.startsWith(m + '/'));
    a.classList.toggle('active', on);
    if (on) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
}

// ---------------------------------------------------------------- login

function loginPage() {
  shell = null;
  document.title = `${t('login.title')} - ${t('app.name')}`;
  const user = h('input', { id: 'login-username', name: 'username', class: 'input', autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false' });
  const pass = h('input', { id: 'login-password', name: 'password', type: 'password', class: 'input', autocomplete: 'current-password' });
  const msg = h('div', { class: 'login-message', 'aria-live': 'assertive' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-block' }, t('login.submit'));
  const form = h('form', { class: 'login-form', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'login-username', class: 'field-label' }, t('login.username')), user),
    h('div', { class: 'field' }, h('label', { for: 'login-password', class: 'field-label' }, t('login.password')), pass),
    msg, submit);

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    msg.replaceChildren();
    if (!user.value.trim() || !pass.value) {
      msg.appendChild(alertBox(t('login.required')));
      return;
    }
    submit.disabled = true;
    submit.textContent = t('login.submitting');
    try {
      await login(user.value.trim(), pass.value);
      setSession(await me());
      let next = '#/';
      try { next = sessionStorage.getItem(AFTER_LOGIN) || '#/'; sessionStorage.removeItem(AFTER_LOGIN); } catch (_) { /* ignore */ }
      if (next.startsWith('#/login')) next = '#/';
      go(next);
    } catch (err) {
      let text;
      if (err instanceof ApiError && err.code === 'too_many_attempts') {
        text = err.retryAfter ? t('login.too_many.retry', { minutes: Math.max(1, Math.ceil(err.retryAfter / 60)) }) : t('login.too_many');
      } else if (err instanceof ApiError && err.code === 'bad_credentials') {
        text = t('login.failed');
      } else {
        text = err.message || t('error.unknown');
      }
      msg.appendChild(alertBox(text));
      pass.value = '';
      pass.focus();
    } finally {
      if (submit.isConnected) { submit.disabled = false; submit.textContent = t('login.submit'); }
    }
  });

  const langBtn = h('button', { type: 'button', class: 'btn btn-link lang-switch', title: t('lang.switch.title') }, t('lang.switch'));
  langBtn.addEventListener('click', () => toggleLang());

  mount(root, h('div', { class: 'login-screen' },
    h('div', { class: 'login-lang' }, langBtn),
    h('div', { class: 'login-card' },
      h('div', { class: 'login-head' },
        h('span', { class: 'brand-mark brand-mark-lg', 'aria-hidden': 'true' }, '管'),
        h('div', null,
          h('div', { class: 'login-app' }, t('app.name')),
          h('div', { class: 'login-sub' }, t('app.subtitle')))),
      h('h1', { class: 'login-title' }, t('login.title')),
      form),
    h('p', { class: 'login-foot' }, t('login.footer'))));
  root.classList.remove('app-loading');
  user.focus();
}

// ---------------------------------------------------------------- pages of the shell itself

function homePage(ctx) {
  ctx.setTitle(t('nav.home'));
  const s = getSession();
  const tiles = visibleNav().filter((n) => n.match !== '/');
  mount(ctx.main,
    pageHeader({ title: () => t('home.hello', { name: s.user.name || s.user.username }), subtitle: () => s.zone ? s.zone.name : '' }),
    h('section', { class: 'card' },
      h('p', null, tiles.length ? t('home.intro') : t('home.none')),
      tiles.length ? h('ul', { class: 'tiles' }, tiles.map((n) =>
        h('li', null, h('a', { class: 'tile', href: n.href },
          h('span', { class: 'tile-title' }, t(n.label)),
          has(`${n.label}.desc`) ? h('span', { class: 'tile-desc' }, t(`${n.label}.desc`)) : null)))) : null));
}

function notFound(ctx, messageKey) {
  ctx.setTitle(t(messageKey));
  mount(ctx.main, pageHeader({ title: messageKey === 'msg.forbidden' ? 'error.title' : 'msg.pagenotfound' }),
    h('section', { class: 'card' }, alertBox(t(messageKey), 'warn'), h('p', null, h('a', { href: '#/' }, t('nav.home')))));
}

// ---------------------------------------------------------------- routing

async function render() {
  const seq = ++renderSeq;
  const r = resolve();

  if (r.path === '/login') {
    if (getSession()) { go('/'); return; }
    loginPage();
    return;
  }

  if (!getSession()) {
    if (!shell) mount(root, loadingBlock());
    try {
      setSession(await me());
    } catch (err) {
      if (seq !== renderSeq) return;
      if (err instanceof ApiError && err.status === 401) return; // onUnauthenticated sent us to #/login
      mount(root, h('div', { class: 'login-screen' }, h('div', { class: 'login-card' },
        alertBox(err.message || t('error.unknown')), button('action.confirm', { kind: 'primary', onClick: () => render() }))));
      return;
    }
    if (seq !== renderSeq) return;
  }

  if (!shell) buildShell();
  markNav(r.path);
  shell.setMenu(false);

  const ctx = {
    main: shell.main,
    params: r.params,
    query: r.query,
    path: r.path,
    setTitle: (text) => { document.title = `${text} - ${getSession()?.zone?.name || t('app.name')}`; },
    isCurrent: () => seq === renderSeq,
    refresh: () => { shell = null; render(); },
  };
  window.scrollTo(0, 0);
  if (!r.render) return notFound(ctx, 'msg.pagenotfound');
  const allowed = typeof r.meta.perm === 'function' ? r.meta.perm(r.params) : (!r.meta.perm || can(r.meta.perm));
  if (!allowed) return notFound(ctx, 'msg.forbidden');
  mount(shell.main, loadingBlock());
  try {
    await r.render(ctx);
  } catch (err) {
    if (seq === renderSeq) mount(shell.main, errorBlock(err));
  }
}

onUnauthenticated(() => {
  const here = location.hash || '#/';
  setSession(null);
  shell = null;
  if (!here.startsWith('#/login')) {
    try { sessionStorage.setItem(AFTER_LOGIN, here); } catch (_) { /* ignore */ }
  }
  go('/login');
});

document.addEventListener('keydown', (e) => { if (e.key === 'Escape' && shell) shell.setMenu(false); });
onLangChange(() => { shell = null; render(); });
onRouteChange(render);
render();
