// 招商引资 Investment attraction — the module that registers every investment page:
//   #/leads (项目库), #/invest/pool (后备库), #/leads/new, #/leads/:id (lead-detail.js), #/leads/:id/edit,
//   #/invest/board (leads-board.js), #/invest/todo (我的待办), #/invest/events and #/invest/highlights
//   (leads-events.js), #/invest/report (leads-report.js), #/settings/invest, #/invest/offices,
//   #/invest/regions (leads-settings.js).
import { t } from '../i18n.js';
import { api } from '../api.js';
import { can, user } from '../session.js';
import { go, replaceQuery } from '../router.js';
import { fmtDate, fmtNumber } from '../format.js';
import { h, mount, pageHeader, linkButton, listView, formView, loadingBlock, errorBlock, toast } from '../ui.js';
import { registerEntity } from '../resource.js';
import {
  STAGES, SRDI, SCORE_PARTS, opts, toOptions, todayChina, stageBadge, stalledBadge, wan, loadLookups,
  canCreateLead, canWriteLead, partOf, scoreBar, formSection, viewTabs,
} from './leads-common.js';
import detail, { formatLeadValue, LEAD_ORDER } from './lead-detail.js';
import board from './leads-board.js';
import todo from './leads-todo.js';
import events from './leads-events.js';
import report from './leads-report.js';
import cohort from './leads-cohort.js';
import settings from './leads-settings.js';
import { leadImport, exportLink, exportQuery } from './spreadsheet.js';

registerEntity('lead', { prefix: 'lead', base: '/leads', order: LEAD_ORDER, formatValue: (f, v) => formatLeadValue(f, v) });
registerEntity('lead_stage', { prefix: 'move', formatValue: (f, v) => formatLeadValue(f, v) });
registerEntity('lead_contact', { prefix: 'contact', formatValue: (f, v) => formatLeadValue(f, v) });

// ---------------------------------------------------------------- 项目库 list

function leadColumns() {
  return [
    { field: 'code', label: 'lead.code', sort: true, className: 'mono nowrap' },
    {
      field: 'project_name', label: 'lead.project_name', sort: true, className: 'col-wide',
      render: (r) => h('span', { class: 'inv-name-cell' }, h('a', { href: `#/leads/${r.id}`, class: 'row-link' }, r.project_name),
        r.stalled ? stalledBadge() : null),
    },
    { field: 'investor_name', label: 'lead.investor_name', sort: true },
    { field: 'chain_name', label: 'lead.chain_id', sort: true },
    { field: 'region_name', label: 'lead.region_id', sort: true },
    { field: 'officer_name', label: 'lead.officer_id', sort: true, className: 'nowrap' },
    { field: 'planned_investment', label: 'lead.planned_investment.short', sort: true, className: 'num nowrap', render: (r) => wan(r.planned_investment) },
    { field: 'stage', label: 'lead.stage', sort: 'stage_rank', render: (r) => stageBadge(r.stage) },
    { field: 'stage_date', label: 'lead.stage_date', sort: true, className: 'nowrap', render: (r) => fmtDate(r.stage_date) },
    { field: 'last_contact', label: 'lead.last_contact', sort: true, className: 'nowrap', render: (r) => fmtDate(r.last_contact) },
    { field: 'score', label: 'lead.score', sort: true, className: 'num', render: (r) => fmtNumber(r.score ?? 0, 1) },
  ];
}

function leadFilters(lk) {
  const f = [
    { name: 'stage', label: 'lead.stage', options: opts('lead.stage', STAGES) },
    { name: 'chain_id', label: 'lead.chain_id', options: toOptions(lk.chains) },
    { name: 'region_id', label: 'lead.region_id', options: toOptions(lk.regions) },
    { name: 'office_id', label: 'lead.office_id', options: toOptions(lk.offices) },
  ];
  if (lk.officers.length) f.push({ name: 'officer_id', label: 'lead.officer_id', options: toOptions(lk.officers) });
  f.push({ name: 'mine', label: 'lead.filter.mine', options: [{ value: '1', label: 'lead.filter.mine.on' }] });
  f.push({ name: 'pool', label: 'lead.filter.pool', options: [{ value: '1', label: 'lead.filter.pool.on' }] });
  f.push({ name: 'stalled', label: 'lead.filter.stalled', options: [{ value: '1', label: 'lead.filter.stalled.on' }] });
  return f;
}

async function listPage(ctx) {
  ctx.setTitle(t('nav.leads'));
  const lk = await loadLookups();
  if (!ctx.isCurrent()) return;
  const exportBtn = exportLink('/api/leads/export.xlsx', exportQuery({ sort: '-updated_at', ...ctx.query }));
  const list = listView({
    endpoint: '/api/leads',
    search: 'lead.search',
    state: ctx.query,
    onState: (st) => { replaceQuery(st); exportBtn.update(exportQuery({ sort: '-updated_at', ...st })); },
    defaultSort: '-updated_at',
    rowHref: (r) => `#/leads/${r.id}`,
    rowClass: (r) => (r.stalled ? 'inv-row-stalled' : null),
    caption: 'nav.leads',
    filters: leadFilters(lk),
    columns: leadColumns(),
  });
  list.el.classList.add('inv-leads-list');
  mount(ctx.main,
    pageHeader({
      title: 'nav.leads', subtitle: 'lead.list.intro',
      actions: [
        can('lead.write') ? linkButton('#/invest/import', 'io.import.link') : null,
        exportBtn,
        canCreateLead() ? linkButton('#/leads/new', 'lead.new', 'primary') : null,
      ].filter(Boolean),
    }),
    viewTabs('list'),
    list.el);
}

// ---------------------------------------------------------------- 后备库 the reserve pool, ranked by score

async function poolPage(ctx) {
  ctx.setTitle(t('nav.pool'));
  const lk = await loadLookups({ officers: false });
  if (!ctx.isCurrent()) return;
  const part = (code) => ({
    field: `part_${code}`, label: `score.part.${code}`, className: 'num inv-part-col',
    render: (r) => { const p = partOf(r, code); return p ? scoreBar(p.points, p.max) : null; },
  });
  const list = listView({
    endpoint: '/api/leads',
    params: { pool: 1 },
    search: 'lead.search',
    state: ctx.query,
    onState: replaceQuery,
    defaultSort: '-score',
    rowHref: (r) => `#/leads/${r.id}`,
    caption: 'nav.pool',
    filters: [
      { name: 'stage', label: 'lead.stage', options: opts('lead.stage', ['clue', 'negotiating']) },
      { name: 'chain_id', label: 'lead.chain_id', options: toOptions(lk.chains) },
      { name: 'mine', label: 'lead.filter.mine', options: [{ value: '1', label: 'lead.filter.mine.on' }] },
    ],
    columns: [
      { field: 'code', label: 'lead.code', sort: true, className: 'mono nowrap' },
      { field: 'project_name', label: 'lead.project_name', sort: true, className: 'col-wide', href: (r) => `#/leads/${r.id}` },
      { field: 'stage', label: 'lead.stage', sort: 'stage_rank', render: (r) => stageBadge(r.stage) },
      { field: 'planned_investment', label: 'lead.planned_investment.short', sort: true, className: 'num nowrap', render: (r) => wan(r.planned_investment) },
      ...SCORE_PARTS.map(part),
      { field: 'score', label: 'lead.score.total', sort: true, className: 'num inv-total-col', render: (r) => h('strong', null, fmtNumber(r.score ?? 0, 1)) },
    ],
  });
  list.el.classList.add('inv-pool-list');
  mount(ctx.main,
    pageHeader({ title: 'nav.pool', subtitle: 'pool.intro', actions: canCreateLead() ? [linkButton('#/leads/new', 'lead.new', 'primary')] : [] }),
    viewTabs('pool'),
    list.el);
}

// ---------------------------------------------------------------- new / edit form

const num = (name, extra = {}) => ({ name, label: `lead.${name}`, type: 'number', valueType: 'number', min: 0, ...extra });
const sel = (name, options, extra = {}) => ({ name, label: `lead.${name}`, type: 'select', valueType: 'int', options, ...extra });

function leadFields(lk, mode, rec) {
  const fields = [
    { name: 'code', label: 'lead.code', required: true, maxlength: 32, hint: 'lead.code.hint', inputClass: 'mono' },
    { name: 'project_name', label: 'lead.project_name', required: true, maxlength: 200 },
    { name: 'investor_name', label: 'lead.investor_name', maxlength: 200 },
  ];
  if (lk.investors.length || (rec && rec.investor_org_id)) fields.push(sel('investor_org_id', toOptions(withCurrent(lk.investors, rec, 'investor_org_id', 'investor_org_name'))));
  fields.push(
    sel('chain_id', toOptions(lk.chains)),
    sel('region_id', toOptions(lk.regions)),
    sel('office_id', toOptions(lk.offices)),
  );
  if (can('user.read') && can('lead.write')) {
    fields.push(sel('officer_id', toOptions(withCurrent(lk.officers, rec, 'officer_id', 'officer_name')), { hint: 'lead.officer_id.hint' }));
  }
  if (mode === 'create') {
    fields.push(
      { name: 'stage', label: 'lead.first_stage', type: 'select', required: true, options: opts('lead.stage', STAGES.slice(0, 6)) },
      { name: 'stage_date', label: 'lead.stage_date', type: 'date', hint: 'lead.stage_date.hint' },
    );
  }
  fields.push(
    num('planned_investment', { hint: 'unit.wan' }),
    num('expected_output', { hint: 'unit.wan_year' }),
    num('expected_tax', { hint: 'unit.wan_year' }),
    num('land_mu', { hint: 'unit.mu' }),
    num('energy_tce', { hint: 'unit.tce' }),
    { name: 'patents', label: 'lead.patents', type: 'number', valueType: 'int', min: 0 },
    { name: 'srdi_level', label: 'lead.srdi_level', type: 'select', options: opts('lead.srdi', SRDI.slice(1)), hint: 'lead.srdi_level.hint' },
    { name: 'high_tech', label: 'lead.high_tech', type: 'checkbox' },
    { name: 'land_supplied_on', label: 'lead.land_supplied_on', type: 'date' },
  );
  if (lk.enterprises.length || (rec && rec.enterprise_org_id)) fields.push(sel('enterprise_org_id', toOptions(withCurrent(lk.enterprises, rec, 'enterprise_org_id', 'enterprise_name')), { hint: 'lead.enterprise_org_id.hint' }));
  if (lk.projects.length || (rec && rec.project_id)) fields.push(sel('project_id', toOptions(withCurrent(lk.projects, rec, 'project_id', 'key_project_name')), { hint: 'lead.project_id.hint' }));
  fields.push({ name: 'notes', label: 'lead.notes', type: 'textarea', maxlength: 4000 });
  return fields;
}

/** The list plus the record's current choice when the list does not have it. */
function withCurrent(items, rec, idField, nameField) {
  if (!rec || !rec[idField] || items.some((x) => x.id === rec[idField])) return items;
  return [...items, { id: rec[idField], name: rec[nameField] || `#${rec[idField]}` }];
}

function toBody(v, mode) {
  const b = { ...v };
  if (b.srdi_level === null) b.srdi_level = 'none';
  if (mode === 'create') {
    if (!b.stage_date) delete b.stage_date;
  }
  return b;
}

function sectionize(formEl, mode) {
  formSection(formEl, 'code', 'lead.section.basic');
  formSection(formEl, mode === 'create' ? 'stage' : 'planned_investment', mode === 'create' ? 'lead.section.stage' : 'lead.section.economics');
  if (mode === 'create') formSection(formEl, 'planned_investment', 'lead.section.economics');
  formSection(formEl, 'land_supplied_on', 'lead.section.landing');
}

async function newPage(ctx) {
  ctx.setTitle(t('lead.new'));
  const lk = await loadLookups({ orgs: true, projects: true });
  if (!ctx.isCurrent()) return;
  const me = user();
  const form = formView({
    fields: leadFields(lk, 'create'),
    values: { stage: 'clue', stage_date: todayChina(), srdi_level: '', officer_id: can('lead.write') ? null : me && me.id },
    submitLabel: 'action.save',
    cancelHref: '#/leads',
    onSubmit: async (values) => {
      const rec = await api.post('/api/leads', toBody(values, 'create'));
      toast(t('msg.created'));
      go(`/leads/${rec.id}`);
    },
  });
  form.el.classList.add('inv-lead-form');
  sectionize(form.el, 'create');
  mount(ctx.main, pageHeader({ title: 'lead.new', back: { href: '#/leads' } }), form.el);
  form.focus();
}

async function editPage(ctx) {
  ctx.setTitle(t('lead.edit'));
  mount(ctx.main, loadingBlock());
  let rec;
  let lk;
  try {
    [rec, lk] = await Promise.all([api.get(`/api/leads/${encodeURIComponent(ctx.params.id)}`), loadLookups({ orgs: true, projects: true })]);
  } catch (err) {
    if (ctx.isCurrent()) mount(ctx.main, pageHeader({ title: 'lead.edit', back: { href: '#/leads' } }), errorBlock(err));
    return;
  }
  if (!ctx.isCurrent()) return;
  if (!canWriteLead(rec)) {
    mount(ctx.main, pageHeader({ title: 'lead.edit', back: { href: `#/leads/${rec.id}` } }), errorBlock(new Error(t('msg.forbidden'))));
    return;
  }
  const values = { ...rec, srdi_level: rec.srdi_level === 'none' ? '' : rec.srdi_level };
  const form = formView({
    fields: leadFields(lk, 'edit', rec),
    values,
    submitLabel: 'action.save',
    cancelHref: `#/leads/${rec.id}`,
    onSubmit: async (v) => {
      await api.put(`/api/leads/${rec.id}`, toBody(v, 'edit'));
      toast(t('msg.saved'));
      go(`/leads/${rec.id}`);
    },
  });
  form.el.classList.add('inv-lead-form');
  sectionize(form.el, 'edit');
  mount(ctx.main, pageHeader({ title: 'lead.edit', subtitle: () => `${rec.code} ${rec.project_name}`, back: { href: `#/leads/${rec.id}`, label: () => rec.project_name } }), form.el);
  form.focus();
}

// ---------------------------------------------------------------- the module

const own = {
  nav: [
    { href: '#/leads', match: '/leads', perm: 'lead.read', label: 'nav.leads', group: 'invest', order: 10 },
    { href: '#/invest/pool', match: '/invest/pool', perm: 'lead.read', label: 'nav.pool', group: 'invest', order: 15 },
  ],
  routes: [
    { path: '/leads', perm: 'lead.read', render: listPage },
    { path: '/invest/pool', perm: 'lead.read', render: poolPage },
    { path: '/leads/new', perm: () => canCreateLead(), render: newPage },
    { path: '/leads/:id/edit', perm: () => canCreateLead(), render: editPage },
  ],
};

const parts = [own, detail, board, todo, events, report, cohort, settings, leadImport];
export default {
  nav: parts.flatMap((p) => p.nav || []),
  routes: parts.flatMap((p) => p.routes || []),
};

