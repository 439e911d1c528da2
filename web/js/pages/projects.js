// 重点项目 Key projects — list (filters, lights, sort), new/edit form with the annual lists,
// and the module that registers every key-project page:
//   #/projects, #/projects/new, #/projects/:id (project-detail.js), #/projects/:id/edit,
//   #/problems (problems.js), #/kaifugong (kaifugong.js), #/settings/warn and
//   #/settings/node-templates (project-settings.js).
import { t, option } from '../i18n.js';
import { api } from '../api.js';
import { can } from '../session.js';
import { go, replaceQuery } from '../router.js';
import { h, mount, pageHeader, linkButton, listView, formView, loadingBlock, errorBlock, toast } from '../ui.js';
import { registerEntity } from '../resource.js';
import {
  PHASES, LEVELS, YEAR_KINDS, STATUSES, LIGHTS, opts, wan, lightDot, statusBadge, loadLookups, toOptions,
  rowsEditor, sectionFor, insertIntoForm, submitWithRows, currentYear, canReadProjects,
} from './projects-common.js';
import detail, { formatProjectValue } from './project-detail.js';
import problems from './problems.js';
import kaifugong from './kaifugong.js';
import settings from './project-settings.js';
import { projectImport, exportLink, exportQuery } from './spreadsheet.js';

const FIELD_ORDER = ['code', 'name', 'level', 'park_id', 'chain_id', 'owner_org_id', 'contractor_org_id', 'manager',
  'leader', 'total_investment', 'planned_start', 'planned_finish', 'location', 'note', 'archived', 'years'];
registerEntity('project', { prefix: 'project', base: '/projects', order: FIELD_ORDER, formatValue: (f, v) => formatProjectValue(f, v, 'project') });
// the parts of a project: no page of their own (the audit log shows them without a link)
const PART_HIDDEN = ['project_id', 'report_id', 'phase_index', 'late', 'sort_order', 'created_by'];
for (const [e, prefix] of [['project_event', 'event'], ['progress_report', 'report'], ['problem', 'problem'], ['node_plan', 'node']]) {
  registerEntity(e, { prefix, hidden: PART_HIDDEN, formatValue: (f, v) => formatProjectValue(f, v, e) });
}

// ---------------------------------------------------------------- list

const FILTER_NAMES = ['park_id', 'level', 'year', 'year_kind', 'chain_id', 'phase', 'status', 'light', 'archived', 'as_of'];

async function listPage(ctx) {
  ctx.setTitle(t('project.list'));
  const lk = await loadLookups({ orgs: false });
  if (!ctx.isCurrent()) return;

  const chips = h('div', { class: 'light-chips', role: 'group', 'aria-label': t('project.lights.summary') });
  let list = null;
  const exportBtn = exportLink('/api/projects/export.xlsx', exportQuery(ctx.query));

  function renderChips(counts, active) {
    const total = LIGHTS.reduce((s, l) => s + (counts[l] || 0), 0);
    const chip = (value, text, n) => h('button', {
      type: 'button', class: `chip chip-${value || 'all'}`, 'aria-pressed': String((active || '') === value),
      dataset: { light: value },
      onClick: () => list.setFilter('light', (active || '') === value ? '' : value),
    }, value ? h('span', { class: `light light-${value}` }, h('span', { class: 'light-dot', 'aria-hidden': 'true' })) : null,
    h('span', { class: 'chip-label' }, text), h('span', { class: 'chip-count' }, String(n)));
    mount(chips,
      chip('', t('project.light.all'), total),
      LIGHTS.map((l) => chip(l, t(`light.${l}`), counts[l] || 0)));
  }

  async function onData(r, st) {
    if (!st.light) { renderChips(r.lights || {}, ''); return; }
    // the answer's counts are of the light-filtered set: ask again without the light for the chips
    const q = { limit: 1 };
    if (st.q) q.q = st.q;
    for (const f of FILTER_NAMES) if (f !== 'light' && st[f] !== '') q[f] = st[f];
    try {
      const all = await api.get('/api/projects', q);
      renderChips(all.lights || {}, st.light);
    } catch (_) {
      renderChips(r.lights || {}, st.light);
    }
  }

  list = listView({
    endpoint: '/api/projects',
    search: 'project.search',
    state: ctx.query,
    onState: (st) => { replaceQuery(st); exportBtn.update(exportQuery(st)); },
    onData,
    rowHref: (r) => `#/projects/${r.id}`,
    caption: 'project.list',
    filters: [
      { name: 'park_id', label: 'project.park_id', options: toOptions(lk.parks) },
      { name: 'level', label: 'project.level', options: opts('project.level', LEVELS) },
      { name: 'year', label: 'project.year', type: 'number', placeholder: () => t('project.year.placeholder', { year: currentYear() }) },
      { name: 'year_kind', label: 'project.year_kind', options: opts('project.year_kind', YEAR_KINDS) },
      { name: 'chain_id', label: 'project.chain_id', options: toOptions(lk.chains) },
      { name: 'phase', label: 'project.phase', options: opts('phase', PHASES) },
      { name: 'status', label: 'project.status', options: opts('project.status', STATUSES) },
      { name: 'light', label: 'project.light_filter', options: opts('light', LIGHTS) },
      { name: 'archived', label: 'project.include_archived', options: [{ value: '1', label: 'common.yes' }] },
      // status, phase and light as of a past day (the dashboard links here with its date)
      { name: 'as_of', label: 'project.as_of', type: 'date' },
    ],
    columns: [
      { field: 'code', label: 'project.code', sort: true, className: 'nowrap', render: (r) => h('span', { class: 'mono' }, r.code), href: (r) => `#/projects/${r.id}` },
      { field: 'name', label: 'project.name', sort: true, className: 'col-wide', href: (r) => `#/projects/${r.id}` },
      { field: 'level', label: 'project.level', sort: true, className: 'nowrap', render: (r) => option('project.level', r.level) },
      { field: 'park_name', label: 'project.park_name', sort: true },
      { field: 'owner_name', label: 'project.owner_name', sort: true },
      { field: 'total_investment', label: 'project.total_investment', sort: true, className: 'num nowrap', render: (r) => wan(r.total_investment) },
      { field: 'phase', label: 'project.phase', sort: 'phase_index', className: 'nowrap', render: (r) => (r.phase ? option('phase', r.phase) : null) },
      { field: 'status', label: 'project.status', sort: true, className: 'nowrap', render: (r) => statusBadge(r.status) },
      { field: 'light', label: 'project.light', sort: 'light_rank', className: 'col-narrow col-light', render: (r) => lightDot(r.light, r.warnings, { compact: true }) },
    ],
  });

  mount(ctx.main,
    pageHeader({
      title: can('project.read') ? 'project.list' : 'nav.myprojects',
      subtitle: can('project.read') ? null : 'project.readonly_owner',
      actions: [
        can('project.write') ? linkButton('#/projects/import', 'io.import.link') : null,
        exportBtn,
        can('project.write') ? linkButton('#/projects/new', 'project.new', 'primary') : null,
      ].filter(Boolean),
    }),
    chips,
    list.el);
}

// ---------------------------------------------------------------- new / edit

function yearsEditor(rows) {
  return rowsEditor({
    name: 'years',
    addLabel: 'project.years.add',
    emptyText: 'project.years.empty',
    rows,
    newRow: (cur) => {
      const ys = cur.map((r) => Number(r.year)).filter(Number.isFinite);
      return { year: ys.length ? Math.max(...ys) + 1 : currentYear() };
    },
    columns: [
      { key: 'year', label: 'project.year', type: 'number', valueType: 'int', required: true, min: 2000, max: 2100, className: 'col-year' },
      { key: 'kind', label: 'project.year_kind', type: 'select', required: true, options: opts('project.year_kind', YEAR_KINDS) },
      { key: 'planned_investment', label: 'project.planned_investment', type: 'number', valueType: 'number', min: 0 },
    ],
  });
}

function projectFields(lk, mode) {
  const fields = [
    { name: 'code', label: 'project.code', required: true, maxlength: 32, inputClass: 'mono' },
    { name: 'level', label: 'project.level', type: 'select', required: true, options: opts('project.level', LEVELS) },
    { name: 'name', label: 'project.name', required: true, maxlength: 200, wide: true },
    { name: 'park_id', label: 'project.park_id', type: 'select', valueType: 'int', options: toOptions(lk.parks) },
    { name: 'chain_id', label: 'project.chain_id', type: 'select', valueType: 'int', options: toOptions(lk.chains) },
    { name: 'owner_org_id', label: 'project.owner_org_id', type: 'select', valueType: 'int', options: toOptions(lk.enterprises) },
    { name: 'contractor_org_id', label: 'project.contractor_org_id', type: 'select', valueType: 'int', options: toOptions(lk.contractors) },
    { name: 'manager', label: 'project.manager', maxlength: 50 },
    { name: 'leader', label: 'project.leader', maxlength: 50 },
    { name: 'total_investment', label: 'project.total_investment', type: 'number', valueType: 'number', min: 0 },
    { name: 'location', label: 'project.location', maxlength: 200 },
    { name: 'planned_start', label: 'project.planned_start', type: 'date' },
    { name: 'planned_finish', label: 'project.planned_finish', type: 'date' },
    { name: 'note', label: 'project.note', type: 'textarea' },
  ];
  if (mode === 'edit') fields.push({ name: 'archived', label: 'project.archived', type: 'checkbox', hint: 'project.archived.hint', wide: true });
  return fields;
}

async function formPage(ctx, mode) {
  ctx.setTitle(t(mode === 'edit' ? 'project.edit' : 'project.new'));
  mount(ctx.main, loadingBlock());
  let rec = null;
  let lk;
  try {
    [lk, rec] = await Promise.all([
      loadLookups(),
      mode === 'edit' ? api.get(`/api/projects/${encodeURIComponent(ctx.params.id)}`) : null,
    ]);
  } catch (err) {
    if (ctx.isCurrent()) mount(ctx.main, pageHeader({ title: 'project.edit', back: { href: '#/projects' } }), errorBlock(err));
    return;
  }
  if (!ctx.isCurrent()) return;

  const years = yearsEditor(rec ? rec.years : []);
  const back = rec ? `#/projects/${rec.id}` : '#/projects';
  const form = formView({
    fields: projectFields(lk, mode),
    values: rec || {},
    submitLabel: 'action.save',
    cancelHref: back,
    onSubmit: (v) => submitWithRows([years], async () => {
      const body = { ...v, years: years.values() };
      if (mode === 'edit') {
        await api.put(`/api/projects/${rec.id}`, body);
        toast(t('msg.saved'));
        go(`/projects/${rec.id}`);
      } else {
        const p = await api.post('/api/projects', body);
        toast(t('msg.created'));
        go(`/projects/${p.id}`);
      }
    }),
  });
  form.el.classList.add('form-project');
  insertIntoForm(form, sectionFor('project.years', 'project.years.hint', years));
  mount(ctx.main,
    pageHeader({
      title: mode === 'edit' ? 'project.edit' : 'project.new',
      subtitle: rec ? () => `${rec.code} ${rec.name}` : null,
      back: { href: back, label: rec ? () => rec.name : 'action.back' },
    }),
    form.el);
  form.focus();
}

// ---------------------------------------------------------------- module

const list = {
  nav: [
    { href: '#/projects', match: '/projects', visible: () => can('project.read'), label: 'nav.projects', group: 'projects', order: 10 },
    { href: '#/projects', match: '/projects', visible: () => !can('project.read') && can('project.read_own'), label: 'nav.myprojects', group: 'projects', order: 10 },
  ],
  routes: [
    { path: '/projects', perm: () => canReadProjects(), render: listPage },
    { path: '/projects/new', perm: 'project.write', render: (ctx) => formPage(ctx, 'create') },
    { path: '/projects/:id/edit', perm: 'project.write', render: (ctx) => formPage(ctx, 'edit') },
  ],
};

const parts = [list, projectImport, detail, problems, kaifugong, settings]; // the import before '/projects/:id'
export default {
  nav: parts.flatMap((m) => m.nav || []),
  routes: parts.flatMap((m) => m.routes),
};
