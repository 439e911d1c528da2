// 企业服务 Enterprise service — registers every page of the module and draws these:
//   #/service/orgs/:id     an enterprise's service page: profile, officers, 一企一策 plan, requests
//   #/service/assignments  包保 assignments by officer; assign and end (service.manage)
//   #/service/portfolio    我的包保: an officer's enterprises and buildings (a picker for service_all.read)
//   #/service/limits       request limits per category; escalate now (service.manage)
// The requests (service-requests.js), buildings and checks (service-buildings.js) and the report
// (service-report.js) have their own files.
import { t, option } from '../i18n.js';
import { api } from '../api.js';
import { can, user } from '../session.js';
import { go, hrefFor } from '../router.js';
import { fmtDate, fmtNumber } from '../format.js';
import {
  h, mount, pageHeader, linkButton, button, listView, formView, detailList, alertBox, errorBlock, errorMessage,
  loadingBlock, toast, confirmDialog, nextId,
} from '../ui.js';
import {
  CATEGORIES, CHECK_KINDS, opts, listAll, todayChina, table, asyncCard, assignmentHistoryCard, planCard,
  officerOptions, statTile, lateBadge,
} from './service-common.js';
import requests, { requestColumns, requestFilters } from './service-requests.js';
import buildings from './service-buildings.js';
import report from './service-report.js';

const ownOrg = (id) => { const u = user(); return !!(u && u.org_id !== null && String(u.org_id) === String(id)); };
const yesNo = (v) => (v === null || v === undefined ? null : t(v ? 'form.yes' : 'form.no'));

// ---------------------------------------------------------------- enterprise page

async function orgPage(ctx) {
  ctx.setTitle(t('svc.org.page'));
  const id = ctx.params.id;
  const officerSide = can('service.read');
  let o; let parks = []; let chains = []; let building = null;
  try {
    [o, parks, chains] = await Promise.all([
      api.get(`/api/orgs/${encodeURIComponent(id)}`),
      can('park.read') ? listAll('/api/parks') : [],
      can('chain.read') ? listAll('/api/chains') : [],
    ]);
    if (o.building_id && officerSide) building = await api.get(`/api/buildings/${o.building_id}`).catch(() => null);
  } catch (err) {
    if (ctx.isCurrent()) mount(ctx.main, pageHeader({ title: 'svc.org.page' }), errorBlock(err));
    return;
  }
  if (!ctx.isCurrent()) return;
  ctx.setTitle(o.name);
  const name = (list, v) => (list.find((x) => x.id === v) || {}).name;
  const profile = h('section', { class: 'card svc-profile' }, h('h2', { class: 'card-title' }, t('svc.org.profile')), detailList([
    { label: 'svc.org.park_id', value: name(parks, o.park_id) },
    { label: 'svc.org.building_id', value: building ? h('a', { href: `#/service/buildings/${building.id}` }, building.name) : null },
    { label: 'svc.org.floor', value: o.floor },
    { label: 'svc.org.chain_id', value: name(chains, o.chain_id) },
    { label: 'svc.org.zjtx', value: o.zjtx ? option('svc.zjtx', o.zjtx) : null },
    { label: 'svc.org.high_tech', value: yesNo(o.high_tech) },
    { label: 'svc.org.above_scale', value: yesNo(o.above_scale) },
    { label: 'svc.org.employees', value: o.employees === null ? null : fmtNumber(o.employees) },
    { label: 'svc.org.sector', value: o.sector ? option('svc.sector', o.sector) : null },
  ]));
  const reqs = listView({
    endpoint: '/api/requests',
    params: { org_id: o.id },
    columns: requestColumns.filter((c) => c.field !== 'org_name'),
    search: false,
    filters: requestFilters,
    pageSize: 10,
    rowHref: (r) => `#/service/requests/${r.id}`,
    rowClass: (r) => (r.late ? 'row-late' : null),
    caption: 'svc.org.requests',
  });
  const mayFile = can('service.write') || (can('request.write_own') && ownOrg(o.id));
  const actions = [];
  if (mayFile) actions.push(linkButton(hrefFor('/service/requests/new', officerSide ? { org_id: o.id } : {}), 'svc.req.new', 'primary'));
  if (can('org.read') || ownOrg(o.id)) actions.push(linkButton(`#/orgs/${o.id}`, 'nav.orgs'));
  mount(ctx.main,
    pageHeader({ title: () => o.name, subtitle: 'svc.org.page', actions }),
    h('div', { class: 'svc-two' }, profile, officerSide ? assignmentHistoryCard('org', o.id) : null),
    planCard(`/api/orgs/${o.id}/plan`, 'org'),
    h('section', { class: 'card-group svc-org-requests' }, h('h2', { class: 'section-title' }, t('svc.org.requests')), reqs.el));
}

// ---------------------------------------------------------------- assignments

function endDialog(a) {
  return new Promise((resolve) => {
    const dlg = h('dialog', { class: 'dialog svc-end-dialog' });
    const form = formView({
      fields: [{ name: 'date_to', label: 'svc.assign.end.date', type: 'date', required: true }],
      values: { date_to: todayChina() },
      submitLabel: 'svc.assign.end',
      onSubmit: async (v) => {
        await api.post(`/api/assignments/${a.id}/end`, v);
        dlg.close('ok');
      },
    });
    const cancel = button('action.cancel', { onClick: () => dlg.close('cancel') });
    form.el.querySelector('.form-actions').appendChild(cancel);
    dlg.append(h('p', null, t('svc.assign.end.confirm', { officer: a.officer_name, subject: a.subject_name })), form.el);
    dlg.addEventListener('close', () => { resolve(dlg.returnValue === 'ok'); dlg.remove(); });
    document.body.appendChild(dlg);
    dlg.showModal();
  });
}

function assignForm(orgs, blds, done) {
  const subjects = { org: orgs, building: blds };
  const form = formView({
    fields: [
      { name: 'officer_id', label: 'svc.assign.officer_id', type: 'select', required: true, valueType: 'int', options: officerOptions },
      { name: 'subject', label: 'svc.assign.subject', type: 'select', required: true, options: opts('svc.subject', ['org', 'building']) },
      { name: 'subject_id', label: 'svc.assign.org_id', type: 'select', required: true, valueType: 'int', options: [] },
      { name: 'date_from', label: 'svc.assign.date_from', type: 'date', required: true },
      { name: 'note', label: 'svc.assign.note', maxlength: 200 },
    ],
    values: { subject: 'org', date_from: todayChina() },
    submitLabel: 'svc.assign.save',
    onSubmit: async (v) => {
      await api.post('/api/assignments', v);
      toast(t('svc.assign.saved'));
      done();
    },
  });
  const subj = form.el.querySelector('[name=subject]');
  const target = form.el.querySelector('[name=subject_id]');
  const targetLabel = form.el.querySelector(`label[for="${target.id}"]`);
  const fill = () => {
    const kind = subj.value || 'org';
    mount(target, h('option', { value: '' }, t('form.choose')), (subjects[kind] || []).map((x) => h('option', { value: String(x.id) }, x.name)));
    targetLabel.firstChild.textContent = t(kind === 'building' ? 'svc.assign.building_id' : 'svc.assign.org_id');
  };
  subj.addEventListener('change', fill);
  fill();
  form.el.classList.add('svc-assign-form');
  return h('section', { class: 'card-group' }, h('h2', { class: 'section-title' }, t('svc.assign.new')),
    alertBox(t('svc.assign.hint'), 'info'), form.el);
}

async function assignmentsPage(ctx) {
  ctx.setTitle(t('svc.assignments'));
  const manage = can('service.manage');
  let items; let orgs = []; let blds = [];
  try {
    [items, orgs, blds] = await Promise.all([
      listAll('/api/assignments'),
      manage ? listAll('/api/orgs', { kind: 'enterprise', sort: 'name' }) : [],
      manage ? listAll('/api/buildings', { sort: 'name' }) : [],
    ]);
  } catch (err) {
    if (ctx.isCurrent()) mount(ctx.main, pageHeader({ title: 'svc.assignments' }), errorBlock(err));
    return;
  }
  if (!ctx.isCurrent()) return;
  const reload = () => go('/service/assignments');
  const byOfficer = new Map();
  for (const a of items) {
    if (!byOfficer.has(a.officer_id)) byOfficer.set(a.officer_id, { name: a.officer_name, rows: [] });
    byOfficer.get(a.officer_id).rows.push(a);
  }
  const subjectLink = (a) => h('a', { href: a.subject === 'org' ? `#/service/orgs/${a.subject_id}` : `#/service/buildings/${a.subject_id}` }, a.subject_name);
  const cards = [...byOfficer].map(([oid, g]) => h('section', { class: 'card svc-officer-card', dataset: { officer: oid } },
    h('div', { class: 'card-head' },
      h('h2', { class: 'card-title' }, g.name),
      h('span', { class: 'badge-row' }, h('span', { class: 'badge' }, t('svc.assignments.count', { n: g.rows.length })),
        can('service_all.read') ? h('a', { href: hrefFor('/service/portfolio', { officer_id: oid }) }, t('nav.svc.portfolio')) : null)),
    table([
      { label: 'svc.assign.subject', className: 'nowrap', render: (a) => option('svc.subject', a.subject) },
      { label: 'svc.building.subject_name', className: 'col-wide', render: subjectLink },
      { label: 'svc.assign.from', className: 'nowrap', render: (a) => fmtDate(a.date_from) },
      { label: 'svc.assign.note', render: (a) => a.note },
      ...(manage ? [{ label: 'common.actions', render: (a) => button('svc.assign.end', { kind: 'link', onClick: async () => {
        if (await endDialog(a)) { toast(t('svc.assign.ended')); reload(); }
      } }) }] : []),
    ], g.rows, { rowAttrs: (a) => ({ dataset: { id: a.id, subject: a.subject } }) })));
  mount(ctx.main,
    pageHeader({ title: 'svc.assignments' }),
    manage ? assignForm(orgs, blds, reload) : null,
    cards.length ? cards : h('section', { class: 'card' }, h('p', { class: 'muted' }, t('svc.assignments.none'))));
}

// ---------------------------------------------------------------- portfolio

async function portfolioPage(ctx) {
  ctx.setTitle(t('svc.portfolio'));
  const all = can('service_all.read');
  const oid = /^\d+$/.test(ctx.query.officer_id || '') ? ctx.query.officer_id : '';
  const out = h('div', { class: 'svc-portfolio-body' }, loadingBlock());
  let picker = null;
  if (all) {
    const id = nextId('svc-officer');
    const sel = h('select', { id, name: 'officer_id', class: 'input' }, h('option', { value: '' }, t('form.choose')));
    officerOptions().then((o) => {
      for (const x of o) sel.appendChild(h('option', { value: x.value }, x.label()));
      sel.value = oid;
    }).catch(() => {});
    sel.addEventListener('change', () => go('/service/portfolio', sel.value ? { officer_id: sel.value } : {}));
    picker = h('form', { class: 'list-toolbar card', onSubmit: (e) => e.preventDefault() },
      h('div', { class: 'toolbar-field' }, h('label', { for: id }, t('svc.portfolio.officer')), sel));
  }
  mount(ctx.main, pageHeader({ title: 'svc.portfolio' }), picker, out);
  if (all && !oid && user().role !== 'service_officer') { mount(out, h('section', { class: 'card' }, h('p', { class: 'muted' }, t('svc.portfolio.pick')))); return; }
  let p;
  try {
    p = await api.get('/api/portfolio', oid ? { officer_id: oid } : {});
  } catch (err) {
    if (ctx.isCurrent()) mount(out, errorBlock(err));
    return;
  }
  if (!ctx.isCurrent()) return;
  const scope = oid ? { officer_id: oid } : {};
  const items = p.items || [];
  const period = (a) => `${fmtDate(a.date_from)} ~ ${a.date_to ? fmtDate(a.date_to) : ''}`;
  const ended = (a) => ({ class: a.date_to ? 'svc-ended' : null, dataset: { id: a.id, ended: a.date_to ? '1' : '' } });
  const checkBadges = (c) => h('span', { class: 'badge-row' }, CHECK_KINDS.filter((k) => c && c[k] && c[k].every_days).map((k) =>
    h('span', { class: ['badge', c[k].overdue ? 'badge-late' : 'badge-on'], title: c[k].last_on ? fmtDate(c[k].last_on) : t('svc.check.never') }, option('svc.kind', k))));
  mount(out,
    p.officer ? h('p', { class: 'muted' }, t('svc.portfolio.of', { name: p.officer.name })) : null,
    h('div', { class: 'inv-stats svc-tiles' },
      statTile('svc.portfolio.open', fmtNumber(p.requests.open), { href: hrefFor('/service/requests', { state: 'open', ...scope }) }),
      statTile('svc.portfolio.overdue', fmtNumber(p.requests.overdue), { href: hrefFor('/service/requests', { overdue: 1, ...scope }), alert: p.requests.overdue > 0 })),
    h('section', { class: 'card' }, h('h2', { class: 'card-title' }, t('svc.portfolio.orgs')), table([
      { label: 'svc.req.org', className: 'col-wide', render: (a) => [h('a', { href: `#/service/orgs/${a.subject_id}` }, a.subject_name), a.date_to ? h('span', { class: 'badge badge-off' }, t('svc.portfolio.ended')) : null] },
      { label: 'svc.portfolio.period', className: 'nowrap', render: period },
      { label: 'svc.portfolio.open', className: 'num', render: (a) => (a.date_to ? null : h('a', { href: hrefFor('/service/requests', { org_id: a.subject_id, state: 'open' }) }, fmtNumber(a.open_requests))) },
      { label: 'svc.portfolio.overdue', className: 'num', render: (a) => (a.date_to || !a.overdue_requests ? null
        : h('a', { href: hrefFor('/service/requests', { org_id: a.subject_id, overdue: 1 }), class: 'text-overdue' }, fmtNumber(a.overdue_requests))) },
    ], items.filter((a) => a.subject === 'org'), { empty: 'svc.portfolio.none', className: 'svc-portfolio-orgs', rowAttrs: ended })),
    h('section', { class: 'card' }, h('h2', { class: 'card-title' }, t('svc.portfolio.buildings')), table([
      { label: 'svc.building', className: 'col-wide', render: (a) => [h('a', { href: `#/service/buildings/${a.subject_id}` }, a.subject_name), a.date_to ? h('span', { class: 'badge badge-off' }, t('svc.portfolio.ended')) : null] },
      { label: 'svc.portfolio.period', className: 'nowrap', render: period },
      { label: 'svc.checks.schedule', render: (a) => (a.date_to ? null : checkBadges(a.checks)) },
      { label: 'svc.check.open_issues', className: 'num', render: (a) => (a.open_issues ? fmtNumber(a.open_issues) : null) },
    ], items.filter((a) => a.subject === 'building'), { empty: 'svc.portfolio.none', className: 'svc-portfolio-buildings', rowAttrs: ended })));
}

// ---------------------------------------------------------------- limits and escalation

async function escalateNow(out) {
  if (!(await confirmDialog(t('svc.escalate.confirm'), { okLabel: 'svc.escalate' }))) return;
  mount(out, loadingBlock());
  try {
    const [r, users] = await Promise.all([api.post('/api/requests/escalate', {}), can('user.read') ? listAll('/api/users') : []]);
    const names = new Map(users.map((u) => [u.id, u.name || u.username]));
    const rows = r.escalated || [];
    toast(rows.length ? t('svc.escalate.done', { n: rows.length }) : t('svc.escalate.none'));
    mount(out, h('h3', { class: 'acc-subtitle' }, rows.length ? t('svc.escalate.done', { n: rows.length }) : t('svc.escalate.none')),
      rows.length ? table([
        { label: 'svc.req.title', className: 'col-wide', render: (x) => h('a', { href: `#/service/requests/${x.id}` }, x.title) },
        { label: 'svc.req.late', render: (x) => lateBadge(x.late) },
        { label: 'svc.escalate.to', render: (x) => names.get(x.escalated_to) || `#${x.escalated_to}` },
      ], rows, { className: 'svc-escalated' }) : null);
  } catch (err) {
    mount(out, alertBox(errorMessage(err)));
  }
}

async function limitsPage(ctx) {
  ctx.setTitle(t('svc.limits'));
  const manage = can('service.manage');
  const keys = ['start', 'answer', 'resolve', 'complex'];
  const card = asyncCard('svc.limits', 'svc-limits', async (reload) => {
    const r = await api.get('/api/request-limits');
    const items = r.items || [];
    const msg = h('div', { class: 'form-general' });
    const inputs = new Map();
    const tbl = table([
      { label: 'svc.limits.category', render: (x) => option('svc.cat', x.category) },
      ...keys.map((k) => ({ label: `svc.limits.${k}`, className: 'num', render: (x) => {
        if (!manage) return fmtNumber(x[k]);
        const input = h('input', { type: 'number', class: 'input input-narrow', min: 0, max: 365, step: 1, value: String(x[k]),
          name: `${x.category}.${k}`, 'aria-label': `${option('svc.cat', x.category)} ${t(`svc.limits.${k}`)}` });
        inputs.set(`${x.category}.${k}`, input);
        return input;
      } })),
    ], [...items].sort((a, b) => CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category)), { className: 'svc-limits-table' });
    if (!manage) return [h('p', { class: 'field-hint' }, t('svc.limits.hint')), tbl];
    const save = button('action.save', { kind: 'primary', onClick: async () => {
      msg.replaceChildren();
      for (const i of inputs.values()) i.removeAttribute('aria-invalid');
      const body = { items: items.map((x) => ({ category: x.category, ...Object.fromEntries(keys.map((k) => [k, Number(inputs.get(`${x.category}.${k}`).value)])) })) };
      try {
        await api.put('/api/request-limits', body);
        toast(t('svc.limits.saved'));
        reload();
      } catch (err) {
        const fields = err.fields || [];
        for (const f of fields) {
          const m = /^items\[(\d+)\]\.(\w+)$/.exec(f.field);
          const input = m && items[Number(m[1])] ? inputs.get(`${items[Number(m[1])].category}.${m[2]}`) : null;
          if (input) input.setAttribute('aria-invalid', 'true');
        }
        msg.appendChild(alertBox(h('div', null, h('strong', null, errorMessage(err)), fields.length ? h('ul', null, fields.map((f) => {
          const m = /^items\[(\d+)\]\.(\w+)$/.exec(f.field);
          const where = m && items[Number(m[1])] ? `${option('svc.cat', items[Number(m[1])].category)} ${t(`svc.limits.${m[2]}`)}` : f.field;
          return h('li', null, `${where}：${f.message}`);
        })) : null)));
      }
    } });
    return [h('p', { class: 'field-hint' }, t('svc.limits.hint')), msg, tbl, h('div', { class: 'form-actions' }, save)];
  });
  let esc = null;
  if (manage) {
    const out = h('div', { class: 'svc-escalate-out' });
    esc = h('section', { class: 'card svc-escalate' }, h('h2', { class: 'card-title' }, t('svc.escalate')),
      h('p', { class: 'field-hint' }, t('svc.escalate.hint')),
      button('svc.escalate', { kind: 'danger', onClick: () => escalateNow(out) }), out);
  }
  mount(ctx.main, pageHeader({ title: 'svc.limits' }), card, esc);
}

// ---------------------------------------------------------------- module

const main = {
  nav: [
    { href: () => `#/service/orgs/${user().org_id}`, match: () => `/service/orgs/${user().org_id}`,
      visible: () => !can('service.read') && can('request.write_own') && user() && user().org_id !== null, label: 'nav.svc.myorg', group: 'service', order: 5 },
    { href: '#/service/portfolio', match: '/service/portfolio', perm: 'service.read', label: 'nav.svc.portfolio', group: 'service', order: 20 },
    { href: '#/service/assignments', match: '/service/assignments', perm: 'service.read', label: 'nav.svc.assignments', group: 'service', order: 30 },
    { href: '#/service/limits', match: '/service/limits', perm: 'service.read', label: 'nav.svc.limits', group: 'service', order: 60 },
  ],
  routes: [
    { path: '/service/orgs/:id', perm: (p) => can('service.read') || (can('request.write_own') && ownOrg(p.id)), render: orgPage },
    { path: '/service/assignments', perm: 'service.read', render: assignmentsPage },
    { path: '/service/portfolio', perm: 'service.read', render: portfolioPage },
    { path: '/service/limits', perm: 'service.read', render: limitsPage },
  ],
};

const parts = [requests, main, buildings, report];
export default {
  nav: parts.flatMap((m) => m.nav || []),
  routes: parts.flatMap((m) => m.routes),
};
