// 商务楼宇 Business buildings — list, form and record page (#/service/buildings…, generic resource)
// with the enterprises in the building, its officers, the 一楼一策 plan and the checks with an add form;
// and 检查提醒, the overdue checks of every building (#/service/checks).
import { t, option } from '../i18n.js';
import { api } from '../api.js';
import { can } from '../session.js';
import { fmtDate, fmtNumber } from '../format.js';
import { h, mount, pageHeader, formView, toast, errorBlock } from '../ui.js';
import { resourceModule } from '../resource.js';
import {
  CHECK_KINDS, SECTORS, opts, listAll, todayChina, table, asyncCard, assignmentHistoryCard, planCard, orDash,
} from './service-common.js';

let parkNames = new Map();
let officerNames = new Map();

async function prepare() {
  const [parks, assigns] = await Promise.all([listAll('/api/parks', { sort: 'name' }), listAll('/api/assignments')]);
  parkNames = new Map(parks.map((p) => [p.id, p.name]));
  officerNames = new Map(assigns.map((a) => [a.officer_id, a.officer_name]));
}
const parkOptions = () => [...parkNames].map(([id, name]) => ({ value: String(id), label: () => name }));
const daysField = (name) => ({ name, label: `svc.building.${name}`, type: 'number', valueType: 'int', min: 0, max: 365, hint: 'svc.building.days.hint' });

// ---------------------------------------------------------------- the parts of a building's page

function firmsCard(b) {
  return asyncCard('svc.building.firms', 'svc-firms', async () => {
    const r = await api.get(`/api/buildings/${b.id}/firms`);
    return table([
      { label: 'svc.req.org', className: 'col-wide', render: (f) => h('a', { href: `#/service/orgs/${f.id}` }, f.name) },
      { label: 'svc.building.floor', className: 'nowrap', render: (f) => f.floor },
      { label: 'svc.building.sector', render: (f) => (f.sector ? option('svc.sector', f.sector) : null) },
      { label: 'svc.building.employees', className: 'num', render: (f) => fmtNumber(f.employees) },
      { label: 'svc.building.above_scale', render: (f) => (f.above_scale ? t('form.yes') : null) },
    ], r.items || [], { empty: 'svc.building.firms.none', className: 'svc-firms-table' });
  });
}

/** The schedule of one building's checks: kind, every N days, last, due (red when overdue). */
export function scheduleTable(checks) {
  const rows = CHECK_KINDS.filter((k) => checks[k] && checks[k].every_days).map((k) => ({ kind: k, ...checks[k] }));
  return table([
    { label: 'svc.check.kind', render: (c) => option('svc.kind', c.kind) },
    { label: 'svc.check.every', render: (c) => t('svc.check.every_days', { n: c.every_days }) },
    { label: 'svc.check.last_on', className: 'nowrap', render: (c) => (c.last_on ? fmtDate(c.last_on) : h('span', { class: 'muted' }, t('svc.check.never'))) },
    { label: 'svc.check.due_on', className: 'nowrap', render: (c) => h('span', { class: 'badge-row' },
      c.due_on ? h('span', { class: c.overdue ? 'text-overdue' : null }, fmtDate(c.due_on)) : null,
      c.overdue ? h('span', { class: 'badge badge-late' }, t('svc.late')) : null) },
  ], rows, { className: 'svc-schedule', rowAttrs: (c) => ({ class: c.overdue ? 'row-late' : null, dataset: { kind: c.kind } }) });
}

function checkForm(b, done) {
  const form = formView({
    fields: [
      { name: 'kind', label: 'svc.check.kind', type: 'select', required: true, options: opts('svc.kind', CHECK_KINDS) },
      { name: 'checked_on', label: 'svc.check.checked_on', type: 'date', required: true },
      { name: 'result', label: 'svc.check.result', type: 'select', required: true, options: opts('svc.result', ['ok', 'issues']) },
      { name: 'inspector', label: 'svc.check.inspector', maxlength: 50 },
      { name: 'findings', label: 'svc.check.findings', type: 'textarea', maxlength: 2000, rows: 2 },
      { name: 'follow_up', label: 'svc.check.follow_up', type: 'textarea', maxlength: 2000, rows: 2 },
      { name: 'follow_up_done', label: 'svc.check.follow_up_done', type: 'checkbox' },
    ],
    values: { checked_on: todayChina(), result: 'ok' },
    submitLabel: 'svc.checks.add',
    onSubmit: async (v) => {
      await api.post('/api/building-checks', { building_id: b.id, ...v });
      toast(t('svc.checks.added'));
      done();
    },
  });
  form.el.classList.add('svc-check-form');
  return h('details', { class: 'inv-add svc-check-add' }, h('summary', null, t('svc.checks.add')), form.el);
}

function checksCard(b) {
  return asyncCard('svc.checks', 'svc-checks', async (reload) => {
    const [status, list] = await Promise.all([
      api.get('/api/building-checks/status'),
      api.get('/api/building-checks', { building_id: b.id, sort: '-checked_on', limit: 100 }),
    ]);
    const mine = (status.items || []).find((x) => x.id === b.id);
    return [
      mine ? h('div', { class: 'svc-schedule-block' }, h('div', { class: 'stat-label' }, t('svc.checks.schedule')), scheduleTable(mine.checks)) : null,
      can('service.write') ? checkForm(b, reload) : null,
      table([
        { label: 'svc.check.checked_on', className: 'nowrap', render: (c) => fmtDate(c.checked_on) },
        { label: 'svc.check.kind', render: (c) => option('svc.kind', c.kind) },
        { label: 'svc.check.result', render: (c) => h('span', { class: `badge svc-result-${c.result}` }, option('svc.result', c.result)) },
        { label: 'svc.check.findings', className: 'col-wide', render: (c) => c.findings },
        { label: 'svc.check.follow_up', render: (c) => (c.follow_up ? [c.follow_up, c.follow_up_done ? ` ✓ ${t('svc.check.follow_up_done')}` : ''] : null) },
        { label: 'svc.check.inspector', render: (c) => c.inspector },
      ], list.items || [], { empty: 'svc.checks.none', className: 'svc-check-list', rowAttrs: (c) => ({ dataset: { id: c.id, kind: c.kind } }) }),
    ];
  });
}

function buildingExtras(b) {
  return h('div', { class: 'svc-building-extra' },
    h('div', { class: 'svc-two' }, firmsCard(b), assignmentHistoryCard('building', b.id)),
    planCard(`/api/buildings/${b.id}/plan`, 'building'),
    checksCard(b));
}

const buildings = resourceModule({
  base: '/service/buildings',
  endpoint: '/api/buildings',
  readPerm: 'service.read',
  writePerm: 'service.write',
  prefix: 'svc.building',
  entity: 'building',
  nav: { label: 'nav.svc.buildings', group: 'service', order: 40 },
  defaultSort: 'name',
  prepare,
  search: 'svc.building.name',
  columns: [
    { field: 'name', label: 'svc.building.name', sort: true, href: (r) => `#/service/buildings/${r.id}`, className: 'col-wide' },
    { field: 'park_id', label: 'svc.building.park_id', render: (r) => parkNames.get(r.park_id) },
    { field: 'address', label: 'svc.building.address' },
    { field: 'floors', label: 'svc.building.floors', sort: true, className: 'num' },
    { field: 'resident_staff', label: 'svc.building.resident_staff', sort: true, className: 'num', render: (r) => fmtNumber(r.resident_staff) },
    { field: 'firms', label: 'svc.building.firms', className: 'num' },
    { field: 'officer_id', label: 'svc.building.officer_id', render: (r) => officerNames.get(r.officer_id) },
  ],
  fields: [
    { name: 'name', label: 'svc.building.name', required: true, maxlength: 100 },
    { name: 'park_id', label: 'svc.building.park_id', type: 'select', valueType: 'int', options: parkOptions },
    { name: 'address', label: 'svc.building.address', maxlength: 200, wide: true },
    { name: 'floors', label: 'svc.building.floors', type: 'number', valueType: 'int', min: 0 },
    { name: 'resident_staff', label: 'svc.building.resident_staff', type: 'number', valueType: 'int', min: 0 },
    daysField('disinfection_days'), daysField('screening_days'), daysField('safety_days'),
    { name: 'note', label: 'svc.building.note', type: 'textarea' },
  ],
  defaults: () => ({ disinfection_days: 7, screening_days: 7, safety_days: 30 }),
  detail: [
    { field: 'name' }, { field: 'park_id', render: (r) => parkNames.get(r.park_id) }, { field: 'address' },
    { field: 'floors' }, { field: 'resident_staff' },
    { field: 'disinfection_days' }, { field: 'screening_days' }, { field: 'safety_days' },
    { field: 'officer_id', render: (r) => officerNames.get(r.officer_id) }, { field: 'note' },
  ],
  formatValue: (field, value) => {
    if (field === 'park_id') return parkNames.get(value);
    if (field === 'measures' && Array.isArray(value)) return value.map((m) => `${m.text}（${option('svc.measure', m.status || 'planned')}）`).join('；');
    if (field === 'subject') return option('svc.subject', value);
    return undefined;
  },
  history: {
    describe: (row) => (row.entity === 'building' ? null : h('span', { class: 'badge badge-part' }, t(row.entity === 'service_plan' ? 'svc.plan.building' : 'svc.officer.history'))),
    hidden: ['created_by', 'subject_id', 'officer_id', 'building_id', 'firms'],
  },
  extraDetail: (rec) => buildingExtras(rec),
});

// ---------------------------------------------------------------- 检查提醒

async function overduePage(ctx) {
  ctx.setTitle(t('svc.checks.overdue'));
  let r;
  try {
    r = await api.get('/api/building-checks/status', { overdue: 1 });
  } catch (err) {
    if (ctx.isCurrent()) mount(ctx.main, pageHeader({ title: 'svc.checks.overdue' }), errorBlock(err));
    return;
  }
  if (!ctx.isCurrent()) return;
  const rows = [];
  for (const b of r.items || []) {
    for (const k of CHECK_KINDS) if (b.checks[k] && b.checks[k].overdue) rows.push({ b, kind: k, ...b.checks[k] });
  }
  mount(ctx.main,
    pageHeader({ title: 'svc.checks.overdue', subtitle: () => t('svc.checks.overdue.sub', { date: fmtDate(r.as_of) }) }),
    h('section', { class: 'card list-view' }, table([
      { label: 'svc.building', className: 'col-wide', render: (x) => h('a', { href: `#/service/buildings/${x.b.id}` }, x.b.name) },
      { label: 'svc.check.kind', render: (x) => option('svc.kind', x.kind) },
      { label: 'svc.check.every', render: (x) => t('svc.check.every_days', { n: x.every_days }) },
      { label: 'svc.check.last_on', className: 'nowrap', render: (x) => (x.last_on ? fmtDate(x.last_on) : h('span', { class: 'muted' }, t('svc.check.never'))) },
      { label: 'svc.check.due_on', className: 'nowrap', render: (x) => (x.due_on ? h('span', { class: 'text-overdue' }, fmtDate(x.due_on)) : null) },
      { label: 'svc.check.open_issues', className: 'num', render: (x) => (x.b.open_issues ? fmtNumber(x.b.open_issues) : null) },
      { label: 'svc.building.officer_id', render: (x) => orDash(x.b.officer_name) },
    ], rows, { empty: 'svc.checks.overdue.empty', className: 'svc-overdue-checks', caption: 'svc.checks.overdue',
      rowAttrs: (x) => ({ class: 'row-late', dataset: { building: x.b.id, kind: x.kind } }) })));
}

const overdue = {
  nav: [{ href: '#/service/checks', match: '/service/checks', perm: 'service.read', label: 'nav.svc.checks', group: 'service', order: 45 }],
  routes: [{ path: '/service/checks', perm: 'service.read', render: overduePage }],
};

export default {
  nav: [...buildings.nav, ...overdue.nav],
  routes: [...buildings.routes, ...overdue.routes],
};
