// 联合验收 Joint acceptance — the case list, the new-case form, the to-do queue, and the module that
// registers every acceptance page:
//   #/acceptance/cases, #/acceptance/cases/new, #/acceptance/cases/:id (acceptance-detail.js),
//   #/acceptance/queue, #/acceptance/departments…, #/acceptance/items… (acceptance-settings.js),
//   #/acceptance/report (acceptance-report.js).
import { t } from '../i18n.js';
import { api } from '../api.js';
import { can, user } from '../session.js';
import { go, replaceQuery } from '../router.js';
import { fmtDate, fmtNumber } from '../format.js';
import { h, mount, pageHeader, linkButton, formView, loadingBlock, errorBlock, alertBox, toast, nextId } from '../ui.js';
import { STATUSES, opts, caseStatusBadge, overdueBadge, listAll, daysUsed } from './acceptance-common.js';
import detail from './acceptance-detail.js';
import settings from './acceptance-settings.js';
import report from './acceptance-report.js';

// ---------------------------------------------------------------- list
//
// The server filters by status only; the project and overdue filters and the search are applied here
// over every case the user may see (a zone has at most a few hundred cases).

async function listPage(ctx) {
  ctx.setTitle(t('acc.list'));
  const state = { q: '', status: '', project_id: '', overdue: '', ...ctx.query };
  let cases;
  try {
    cases = await listAll('/api/acceptance/cases', state.status ? { status: state.status } : {});
  } catch (err) {
    if (ctx.isCurrent()) mount(ctx.main, pageHeader({ title: 'acc.list' }), errorBlock(err));
    return;
  }
  if (!ctx.isCurrent()) return;

  const projects = new Map();
  for (const c of cases) projects.set(String(c.project_id), `${c.project_code || ''} ${c.project_name || ''}`.trim());

  const id = (n) => nextId(`acc-${n}`);
  const qId = id('q'); const sId = id('status'); const pId = id('project'); const oId = id('overdue');
  const qIn = h('input', { id: qId, type: 'search', name: 'q', class: 'input', value: state.q, placeholder: t('acc.search'), autocomplete: 'off' });
  const sIn = h('select', { id: sId, name: 'status', class: 'input' },
    h('option', { value: '' }, t('list.filter.all')), opts('acc.status', STATUSES).map((o) => h('option', { value: o.value }, t(o.label))));
  sIn.value = state.status;
  const pIn = h('select', { id: pId, name: 'project_id', class: 'input' },
    h('option', { value: '' }, t('list.filter.all')),
    [...projects].sort((a, b) => a[1].localeCompare(b[1])).map(([v, l]) => h('option', { value: v }, l)));
  pIn.value = state.project_id;
  const oIn = h('input', { id: oId, type: 'checkbox', name: 'overdue', class: 'checkbox', checked: state.overdue === '1' });

  const tbody = h('tbody');
  const total = h('div', { class: 'pager' });
  const cols = [
    ['acc.id', 'nowrap'], ['acc.title', 'col-wide'], ['acc.project', ''], ['acc.applicant', ''], ['acc.status', 'nowrap'],
    ['acc.submitted_on', 'nowrap'], ['acc.due_on', 'nowrap'], ['acc.days_used', 'num nowrap'],
  ];

  function render() {
    const q = state.q.toLowerCase();
    const rows = cases.filter((c) => (!state.project_id || String(c.project_id) === state.project_id)
      && (state.overdue !== '1' || c.overdue)
      && (!q || [c.title, c.project_name, c.project_code, c.applicant_name, c.building].some((x) => x && String(x).toLowerCase().includes(q))));
    const cell = (i, v) => h('td', { class: cols[i][1], dataset: { label: t(cols[i][0]) } }, v === null || v === undefined || v === '' ? h('span', { class: 'muted' }, '—') : v);
    mount(tbody, rows.length ? rows.map((c) => {
      const href = `#/acceptance/cases/${c.id}`;
      const tr = h('tr', { class: ['clickable', c.overdue && 'row-overdue'], dataset: { id: c.id } },
        cell(0, h('a', { href, class: 'row-link mono' }, `#${c.id}`)),
        cell(1, h('a', { href, class: 'row-link' }, c.title)),
        cell(2, c.project_name),
        cell(3, c.applicant_name),
        cell(4, h('span', { class: 'badge-row' }, caseStatusBadge(c.status), overdueBadge(c.overdue))),
        cell(5, fmtDate(c.submitted_on)),
        cell(6, c.due_on ? h('span', { class: c.overdue ? 'text-overdue' : '' }, fmtDate(c.due_on)) : null),
        cell(7, c.submitted_on ? fmtNumber(daysUsed(c)) : null));
      tr.addEventListener('click', (e) => { if (!e.target.closest('a, button')) location.hash = href; });
      return tr;
    }) : h('tr', { class: 'empty-row' }, h('td', { colspan: cols.length }, t('list.empty'))));
    mount(total, h('span', { class: 'pager-total', dataset: { total: rows.length } }, t('list.total', { total: rows.length })));
  }

  function changed(reloadServer) {
    state.q = qIn.value.trim(); state.project_id = pIn.value; state.overdue = oIn.checked ? '1' : '';
    const st = {};
    for (const [k, v] of Object.entries(state)) if (v) st[k] = v;
    if (reloadServer) { go('/acceptance/cases', st); return; }
    replaceQuery(st);
    render();
  }
  sIn.addEventListener('change', () => { state.status = sIn.value; changed(true); });
  pIn.addEventListener('change', () => changed(false));
  oIn.addEventListener('change', () => changed(false));
  qIn.addEventListener('input', () => changed(false));

  const field = (forId, text, input) => h('div', { class: 'toolbar-field' }, h('label', { for: forId }, text), input);
  const toolbar = h('form', { class: 'list-toolbar', role: 'search', onSubmit: (e) => { e.preventDefault(); changed(false); } },
    h('div', { class: 'toolbar-field toolbar-search' }, h('label', { for: qId, class: 'visually-hidden' }, t('list.search')), qIn),
    field(sId, t('acc.status'), sIn),
    field(pId, t('acc.project'), pIn),
    h('div', { class: 'toolbar-field acc-check' }, h('div', { class: 'checkbox-row' }, oIn, h('label', { for: oId }, t('acc.overdue_only')))));
  render();
  mount(ctx.main,
    pageHeader({ title: 'acc.list', actions: can('acceptance.apply') ? [linkButton('#/acceptance/cases/new', 'acc.new', 'primary')] : [] }),
    h('section', { class: 'list-view card' }, toolbar,
      h('div', { class: 'table-wrap' }, h('table', { class: 'data-table acc-cases' },
        h('caption', { class: 'visually-hidden' }, t('acc.list')),
        h('thead', null, h('tr', null, cols.map(([k, c]) => h('th', { scope: 'col', class: c }, t(k))))), tbody)),
      total));
}

// ---------------------------------------------------------------- new case

async function newPage(ctx) {
  ctx.setTitle(t('acc.new'));
  mount(ctx.main, loadingBlock());
  const officer = user() && user().role !== 'enterprise_user';
  let projects; let depts; let orgs = [];
  try {
    [projects, depts, orgs] = await Promise.all([
      can('project.read') || can('project.read_own') ? listAll('/api/projects', { sort: 'code' }) : [],
      listAll('/api/acceptance/departments'),
      officer && can('org.read') ? listAll('/api/orgs', { kind: 'enterprise', sort: 'name' }) : [],
    ]);
  } catch (err) {
    if (ctx.isCurrent()) mount(ctx.main, pageHeader({ title: 'acc.new', back: { href: '#/acceptance/cases' } }), errorBlock(err));
    return;
  }
  if (!ctx.isCurrent()) return;
  const active = depts.filter((d) => d.active);
  const fields = [
    { name: 'project_id', label: 'acc.project_id', type: 'select', required: true, valueType: 'int', wide: true,
      options: projects.map((p) => ({ value: String(p.id), label: () => `${p.code} ${p.name}` })) },
  ];
  if (officer) {
    fields.push({ name: 'applicant_org_id', label: 'acc.applicant_org_id', type: 'select', required: true, valueType: 'int', wide: true,
      options: orgs.map((o) => ({ value: String(o.id), label: () => o.name })) });
  }
  fields.push(
    { name: 'title', label: 'acc.title', required: true, maxlength: 200, wide: true },
    { name: 'building', label: 'acc.building', maxlength: 100 });

  const boxes = active.map((d) => {
    const bid = nextId('acc-dept');
    const input = h('input', { type: 'checkbox', id: bid, class: 'checkbox', name: 'department_ids', value: String(d.id), checked: true });
    return { input, el: h('div', { class: 'checkbox-row' }, input, h('label', { for: bid }, d.name)) };
  });
  const deptErr = h('div', { class: 'field-error', dataset: { errorFor: 'department_ids' } });
  const deptField = h('fieldset', { class: 'field field-wide acc-depts', dataset: { field: 'department_ids' } },
    h('legend', { class: 'field-label' }, t('acc.departments'), h('span', { class: 'req' }, ' *')),
    h('div', { class: 'field-hint' }, t('acc.departments.hint')),
    h('div', { class: 'acc-check-grid' }, boxes.map((b) => b.el)), deptErr);

  const form = formView({
    fields,
    submitLabel: 'action.save',
    cancelHref: '#/acceptance/cases',
    onSubmit: async (v) => {
      deptErr.textContent = '';
      const ids = boxes.filter((b) => b.input.checked).map((b) => Number(b.input.value));
      if (!ids.length) { deptErr.textContent = t('acc.departments.required'); throw new Error(t('acc.departments.required')); }
      const body = { project_id: v.project_id, title: v.title, building: v.building, department_ids: ids };
      if (officer) body.applicant_org_id = v.applicant_org_id;
      const c = await api.post('/api/acceptance/cases', body);
      toast(t('msg.created'));
      go(`/acceptance/cases/${c.id}`);
    },
  });
  form.el.querySelector('.form-grid').appendChild(deptField);
  if (officer) {
    // the applicant defaults to the project's owner
    const pSel = form.el.querySelector('[name=project_id]');
    const oSel = form.el.querySelector('[name=applicant_org_id]');
    pSel.addEventListener('change', () => {
      const p = projects.find((x) => String(x.id) === pSel.value);
      if (p && p.owner_org_id) oSel.value = String(p.owner_org_id);
    });
  }
  mount(ctx.main,
    pageHeader({ title: 'acc.new', back: { href: '#/acceptance/cases' } }),
    projects.length ? null : alertBox(t('acc.new.noprojects'), 'warn'),
    form.el);
  form.focus();
}

// ---------------------------------------------------------------- queue

async function queuePage(ctx) {
  ctx.setTitle(t('acc.queue'));
  let r;
  try {
    r = await api.get('/api/acceptance/queue');
  } catch (err) {
    if (ctx.isCurrent()) mount(ctx.main, pageHeader({ title: 'acc.queue' }), errorBlock(err));
    return;
  }
  if (!ctx.isCurrent()) return;
  const items = (r && r.items) || [];
  const overdue = items.filter((x) => x.overdue).length;
  const tomorrow = items.filter((x) => x.due_tomorrow).length;
  const cols = [['acc.kind', 'nowrap'], ['acc.title', 'col-wide'], ['acc.project', ''], ['acc.applicant', ''],
    ['acc.department', ''], ['acc.round', 'num nowrap'], ['acc.started_on', 'nowrap'], ['acc.dept.due', 'nowrap']];
  const cell = (i, v) => h('td', { class: cols[i][1], dataset: { label: t(cols[i][0]) } }, v === null || v === undefined || v === '' ? h('span', { class: 'muted' }, '—') : v);
  const rows = items.map((x) => {
    const href = `#/acceptance/cases/${x.case_id}`;
    const tr = h('tr', { class: ['clickable', x.overdue && 'row-overdue', x.due_tomorrow && 'row-due-tomorrow'], dataset: { case: x.case_id, kind: x.kind } },
      cell(0, t(`acc.kind.${x.kind}`)),
      cell(1, h('a', { href, class: 'row-link' }, x.title)),
      cell(2, x.project_name), cell(3, x.applicant_name),
      cell(4, x.department_name), cell(5, x.round),
      cell(6, fmtDate(x.started_on)),
      cell(7, h('span', { class: 'badge-row' }, h('span', { class: x.overdue ? 'text-overdue' : '' }, fmtDate(x.due_on)),
        overdueBadge(x.overdue),
        x.due_tomorrow ? h('span', { class: 'badge badge-due-tomorrow' }, t('acc.due_tomorrow')) : null)));
    tr.addEventListener('click', (e) => { if (!e.target.closest('a, button')) location.hash = href; });
    return tr;
  });
  mount(ctx.main,
    pageHeader({ title: 'acc.queue', subtitle: () => t('acc.queue.summary', { total: items.length, overdue, tomorrow })}),
    h('section', { class: 'card list-view' },
      h('div', { class: 'table-wrap' }, h('table', { class: 'data-table acc-queue' },
        h('caption', { class: 'visually-hidden' }, t('acc.queue')),
        h('thead', null, h('tr', null, cols.map(([k, c]) => h('th', { scope: 'col', class: c }, t(k))))),
        h('tbody', null, rows.length ? rows : h('tr', { class: 'empty-row' }, h('td', { colspan: cols.length }, t('acc.queue.empty'))))))));
}

// ---------------------------------------------------------------- module

const main = {
  nav: [
    { href: '#/acceptance/cases', match: '/acceptance/cases', perm: 'acceptance.read', label: 'nav.acc.cases', group: 'acceptance', order: 10 },
    { href: '#/acceptance/queue', match: '/acceptance/queue', visible: () => can('acceptance.review') || can('acceptance.manage'), label: 'nav.acc.queue', group: 'acceptance', order: 20 },
  ],
  routes: [
    { path: '/acceptance/cases', perm: 'acceptance.read', render: listPage },
    { path: '/acceptance/cases/new', perm: 'acceptance.apply', render: newPage },
    { path: '/acceptance/queue', perm: 'acceptance.read', render: queuePage },
  ],
};

const parts = [main, detail, settings, report]; // '/acceptance/cases/new' before '/acceptance/cases/:id'
export default {
  nav: parts.flatMap((m) => m.nav || []),
  routes: parts.flatMap((m) => m.routes),
};
