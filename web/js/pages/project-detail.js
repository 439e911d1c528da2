// 项目详情 One key project: status, phase, light and its reasons, facts, annual lists, and the tabs
// 进度填报 (charts, report form, timeline), 开工/停工/复工, 节点计划, 需协调问题, 修改记录.
import { t, option, has } from '../i18n.js';
import { api } from '../api.js';
import { can } from '../session.js';
import { replaceQuery } from '../router.js';
import { fmtDate, fmtDateTime, fmtNumber, fmtPercent, fmtWan, rate } from '../format.js';
import { chart } from '../charts.js';
import {
  h, mount, pageHeader, linkButton, button, detailList, formView, historyView, loadingBlock, errorBlock,
  alertBox, toast, confirmDialog, errorMessage,
} from '../ui.js';
import {
  PHASES, EVENT_KINDS, opts, wan, lightDot, statusBadge, problemBadge, eventBadge, todayChina, currentYear,
  rowsEditor, sectionFor, insertIntoForm, submitWithRows, problemDialog, canReadProjects, canFileReports, loadLookups,
} from './projects-common.js';

const TABS = ['progress', 'events', 'nodes', 'problems', 'history'];

// id → name of parks, chains and organisations, for the history of references
const names = { park_id: new Map(), chain_id: new Map(), owner_org_id: new Map(), contractor_org_id: new Map() };

async function loadNames() {
  const lk = await loadLookups();
  for (const p of lk.parks) names.park_id.set(p.id, p.name);
  for (const c of lk.chains) names.chain_id.set(c.id, c.name);
  for (const o of [...lk.enterprises, ...lk.contractors]) {
    names.owner_org_id.set(o.id, o.name);
    names.contractor_org_id.set(o.id, o.name);
  }
}

const wanText = (x) => (x === null || x === undefined ? '' : fmtWan(x));

/** How a stored value of a project (or of one of its parts) is shown in history and the audit log. */
export function formatProjectValue(field, value, entity) {
  if (value === null || value === undefined) return undefined;
  switch (field) {
    case 'level': return option('project.level', value);
    case 'phase': return option('phase', value);
    case 'phase_index': return PHASES[value] ? t(`phase.${PHASES[value]}`) : undefined;
    case 'kind': return entity === 'project_event' ? option('event.kind', value) : option('project.year_kind', value);
    case 'status': return entity === 'problem' ? option('problem.status', value) : option('project.status', value);
    case 'total_investment': case 'planned_investment': case 'invest_period': case 'invest_to_date':
      return wanText(value);
    case 'park_id': case 'chain_id': case 'owner_org_id': case 'contractor_org_id':
      return names[field].get(value) || `#${value}`;
    case 'years':
      return Array.isArray(value) ? value.map((y) => `${y.year} ${option('project.year_kind', y.kind)}${y.planned_investment !== null && y.planned_investment !== undefined ? ' ' + wanText(y.planned_investment) : ''}`).join('；') : undefined;
    case 'quantities':
      return Array.isArray(value) ? value.map((q) => `${q.name} ${fmtNumber(q.amount)}${q.unit || ''}`).join('；') : undefined;
    case 'nodes':
      return Array.isArray(value) ? (value.length ? value.map((n) => `${n.name}${n.planned_date ? ' ' + n.planned_date : ''}${n.actual_date ? ' ✓' + n.actual_date : ''}`).join('；') : t('node.empty')) : undefined;
    default: return undefined;
  }
}

const PART_PREFIX = { project: 'project', project_event: 'event', progress_report: 'report', problem: 'problem', node_plan: 'node' };
function partFieldLabel(field, entity) {
  const prefix = PART_PREFIX[entity] || 'project';
  for (const k of [`${prefix}.${field}`, `project.${field}`, `field.${field}`]) if (has(k)) return t(k);
  if (field === 'created_by') return t('report.by');
  if (field === 'nodes') return t('node.title');
  return field;
}

function describePart(row) {
  if (row.entity === 'project') return null;
  const d = row.after || row.before || {};
  const what = t(`entity.${row.entity}`);
  const when = d.date ? ` ${d.date}` : '';
  return h('span', { class: 'badge badge-part' }, `${what}${when}`);
}

// ---------------------------------------------------------------- page

async function detailPage(ctx) {
  ctx.setTitle(t('project.title'));
  const id = ctx.params.id;
  let project;
  try {
    [project] = await Promise.all([api.get(`/api/projects/${encodeURIComponent(id)}`), loadNames()]);
  } catch (err) {
    if (ctx.isCurrent()) mount(ctx.main, pageHeader({ title: 'project.title', back: { href: '#/projects' } }), errorBlock(err));
    return;
  }
  if (!ctx.isCurrent()) return;
  ctx.setTitle(project.name);

  const headerEl = h('div');
  const summaryEl = h('section', { class: 'card project-summary' });
  const factsEl = h('div', { class: 'project-facts' });
  const panel = h('div', { class: 'tab-panel', role: 'tabpanel', id: 'project-tabpanel', tabindex: '-1' });
  let tab = TABS.includes(ctx.query.tab) ? ctx.query.tab : 'progress';
  const tabButtons = TABS.map((name) => h('button', {
    type: 'button', role: 'tab', class: 'tab', id: `tab-${name}`, 'aria-controls': 'project-tabpanel', dataset: { tab: name },
    onClick: () => selectTab(name),
  }, t(`tab.${name}`)));
  const tabList = h('div', { class: 'tabs', role: 'tablist', 'aria-label': t('tab.label') }, tabButtons);
  tabList.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const i = TABS.indexOf(tab) + (e.key === 'ArrowRight' ? 1 : -1);
    const next = TABS[(i + TABS.length) % TABS.length];
    selectTab(next);
    tabButtons[TABS.indexOf(next)].focus();
  });

  const page = {
    get project() { return project; },
    async refresh() {
      try { project = await api.get(`/api/projects/${project.id}`); } catch (_) { return; }
      renderTop();
    },
    isCurrent: () => ctx.isCurrent() && panel.isConnected,
  };

  function renderTop() {
    const actions = [];
    if (can('project.write')) actions.push(linkButton(`#/projects/${project.id}/edit`, 'action.edit', 'primary'));
    mount(headerEl, pageHeader({
      title: () => project.name,
      subtitle: () => [project.code, option('project.level', project.level), project.park_name].filter(Boolean).join(' · '),
      back: can('project.read') ? { href: '#/projects', label: 'project.list' } : { href: '#/projects', label: 'nav.myprojects' },
      actions,
    }));
    renderSummary();
    renderFacts();
  }

  function renderSummary() {
    const p = project;
    const pct = p.total_investment > 0 && p.invest_to_date !== null ? rate(p.invest_to_date, p.total_investment) : null;
    const stat = (labelKey, value, cls) => h('div', { class: ['stat', cls] },
      h('div', { class: 'stat-label' }, t(labelKey)),
      h('div', { class: 'stat-value' }, value === null || value === undefined || value === '' ? h('span', { class: 'muted' }, '—') : value));
    const warnings = p.warnings || [];
    mount(summaryEl,
      h('div', { class: 'stats' },
        stat('project.status', statusBadge(p.status)),
        stat('project.phase', p.phase ? option('phase', p.phase) : null),
        stat('project.light', lightDot(p.light, warnings), 'stat-light'),
        stat('project.started_on', fmtDate(p.started_on)),
        stat('project.last_report_date', fmtDate(p.last_report_date)),
        stat('project.invest_to_date', p.invest_to_date === null ? null : h('span', null,
          wanText(p.invest_to_date),
          pct !== null ? h('span', { class: 'stat-sub' }, t('project.invest_share', { pct: fmtPercent(pct) })) : null)),
        stat('project.open_problems', h('span', null, String(p.open_problems || 0),
          p.overdue_problems ? h('span', { class: 'badge badge-overdue' }, `${t('problem.overdue')} ${p.overdue_problems}`) : null))),
      warnings.length ? h('div', { class: 'warnings' },
        h('div', { class: 'warnings-title' }, t('project.warnings')),
        h('ul', { class: 'warning-list' }, warnings.map((w) =>
          h('li', { class: `warning warning-${w.light}`, dataset: { code: w.code } }, lightDot(w.light, null, { compact: true }), ' ', w.message)))) : null);
  }

  function renderFacts() {
    const p = project;
    const orgLink = (id2, name) => (name ? (can('org.read') ? h('a', { href: `#/orgs/${id2}` }, name) : name) : null);
    const years = (p.years || []).slice().sort((a, b) => a.year - b.year);
    mount(factsEl,
      h('section', { class: 'card' },
        h('h2', { class: 'card-title' }, t('project.facts')),
        detailList([
          { label: 'project.code', value: h('span', { class: 'mono' }, p.code) },
          { label: 'project.level', value: option('project.level', p.level) },
          { label: 'project.park_name', value: p.park_name },
          { label: 'project.chain_name', value: p.chain_name },
          { label: 'project.owner_name', value: orgLink(p.owner_org_id, p.owner_name) },
          { label: 'project.contractor_name', value: orgLink(p.contractor_org_id, p.contractor_name) },
          { label: 'project.manager', value: p.manager },
          { label: 'project.leader', value: p.leader },
          { label: 'project.total_investment.short', value: wanText(p.total_investment) },
          { label: 'project.location', value: p.location },
          { label: 'project.planned_start', value: fmtDate(p.planned_start) },
          { label: 'project.planned_finish', value: fmtDate(p.planned_finish) },
          { label: 'project.note', value: p.note },
          p.archived ? { label: 'project.archived', value: t('common.yes') } : null,
          { label: 'field.updated_at', value: fmtDateTime(p.updated_at) },
          // The thread through its life: the lead it came from, its acceptance cases.
          (p.leads || []).length ? { label: 'project.thread.lead', value: h('span', {}, ...p.leads.map((l, i) => [
            i ? '、' : '', can('lead.read') ? h('a', { href: `#/leads/${l.id}` }, `${l.code} ${l.project_name}`)
              : `${l.code} ${l.project_name}`]).flat()) } : null,
          (p.acceptance_cases || []).length ? { label: 'project.thread.cases', value: h('span', {},
            ...p.acceptance_cases.map((c, i) => [i ? '、' : '', can('acceptance.read')
              ? h('a', { href: `#/acceptance/cases/${c.id}` }, c.title) : c.title]).flat()) } : null,
        ].filter(Boolean))),
      h('section', { class: 'card' },
        h('h2', { class: 'card-title' }, t('project.years')),
        years.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'data-table compact years-table' },
          h('thead', null, h('tr', null,
            h('th', { scope: 'col' }, t('project.year')),
            h('th', { scope: 'col' }, t('project.year_kind')),
            h('th', { scope: 'col', class: 'num' }, t('project.planned_investment')))),
          h('tbody', null, years.map((y) => h('tr', { class: y.year === currentYear() ? 'row-current' : null },
            h('td', { dataset: { label: t('project.year') } }, String(y.year)),
            h('td', { dataset: { label: t('project.year_kind') } }, option('project.year_kind', y.kind)),
            h('td', { class: 'num', dataset: { label: t('project.planned_investment') } }, wan(y.planned_investment) || '—'))))))
          : h('p', { class: 'muted' }, t('project.years.empty'))));
  }

  function selectTab(name) {
    tab = name;
    replaceQuery(name === 'progress' ? {} : { tab: name });
    for (const b of tabButtons) {
      const on = b.dataset.tab === name;
      b.setAttribute('aria-selected', on ? 'true' : 'false');
      b.tabIndex = on ? 0 : -1;
      b.classList.toggle('active', on);
    }
    panel.setAttribute('aria-labelledby', `tab-${name}`);
    renderPanel();
  }

  let panelSeq = 0;
  async function renderPanel(extra) {
    const my = ++panelSeq;
    mount(panel, loadingBlock());
    const renderers = { progress: progressPanel, events: eventsPanel, nodes: nodesPanel, problems: problemsPanel, history: historyPanel };
    try {
      const nodes = await renderers[tab](page, { rerender: (x) => renderPanel(x), ...(extra || {}) });
      if (my !== panelSeq || !page.isCurrent()) return;
      mount(panel, nodes);
      if (nodes && nodes.afterMount) nodes.afterMount();
    } catch (err) {
      if (my === panelSeq) mount(panel, errorBlock(err));
    }
  }

  renderTop();
  mount(ctx.main, headerEl, summaryEl, factsEl, h('div', { class: 'tab-block' }, tabList, panel));
  selectTab(tab);
}

// ---------------------------------------------------------------- 进度填报

function todayOr(date) { return date || todayChina(); }

/** The latest report dated on or before date (reports are newest first). */
function reportBefore(reports, date) {
  return reports.find((r) => r.date <= date) || null;
}

async function progressPanel(page, opt) {
  const p = page.project;
  const [rr, pr] = await Promise.all([
    api.get(`/api/projects/${p.id}/reports`, { limit: 200 }),
    api.get('/api/problems', { project_id: p.id, limit: 200 }),
  ]);
  const reports = rr.items || [];
  const byReport = new Map();
  for (const q of pr.items || []) {
    if (q.report_id === null || q.report_id === undefined) continue;
    if (!byReport.has(q.report_id)) byReport.set(q.report_id, []);
    byReport.get(q.report_id).push(q);
  }

  // charts
  const wfEl = h('div', { class: 'chart', role: 'img', 'aria-label': t('chart.workforce') });
  const invEl = h('div', { class: 'chart', role: 'img', 'aria-label': t('chart.invest') });
  const year = currentYear();
  const yearEntry = (p.years || []).find((y) => y.year === year);
  const planned = yearEntry && yearEntry.planned_investment !== null ? Number(yearEntry.planned_investment) : null;
  const asc = reports.slice().sort((a, b) => (a.date === b.date ? a.id - b.id : a.date < b.date ? -1 : 1));
  let doneYear = 0;
  const inYear = [];
  for (const r of asc) {
    if (r.date.slice(0, 4) !== String(year)) continue;
    doneYear += Number(r.invest_period || 0);
    inYear.push([r.date, Math.round(doneYear * 100) / 100]);
  }
  const investNote = planned !== null
    ? t('chart.invest.summary', { year, done: fmtWan(doneYear), plan: fmtWan(planned), pct: planned > 0 ? fmtPercent(rate(doneYear, planned)) : '—' })
    : t('chart.invest.noplan', { year });
  const lastWf = reports.find((r) => r.workforce !== null && r.workforce !== undefined);
  const charts = h('div', { class: 'chart-grid' },
    h('section', { class: 'card chart-card' }, h('h2', { class: 'card-title' }, t('chart.workforce')),
      reports.length ? wfEl : h('p', { class: 'muted chart-empty' }, t('chart.empty')),
      lastWf ? h('p', { class: 'chart-note' }, t('chart.workforce.latest', { date: lastWf.date, n: fmtNumber(lastWf.workforce) })) : null),
    h('section', { class: 'card chart-card' }, h('h2', { class: 'card-title' }, t('chart.invest')),
      reports.length ? invEl : h('p', { class: 'muted chart-empty' }, t('chart.empty')),
      h('p', { class: 'chart-note' }, investNote)));

  const form = canFileReports() ? reportForm(page, reports, opt) : null;

  const timeline = h('section', { class: 'card' },
    h('h2', { class: 'card-title' }, t('report.timeline'), h('span', { class: 'muted title-count' }, ` ${rr.total || 0}`)),
    reports.length ? h('ol', { class: 'timeline' }, reports.map((r) => timelineItem(page, r, byReport.get(r.id) || [], opt)))
      : h('p', { class: 'muted' }, t('report.timeline.empty')),
    rr.total > reports.length ? h('p', { class: 'muted' }, t('report.more_hidden', { n: reports.length })) : null);

  const notices = opt.notices ? noticesBox(opt.notices) : null;
  const frag = h('div', { class: 'progress-panel' }, notices, form, charts, timeline);
  frag.afterMount = () => {
    if (notices) notices.scrollIntoView({ block: 'nearest' });
    if (!reports.length) return;
    const font = getComputedStyle(document.body).fontFamily;
    const base = { textStyle: { fontFamily: font }, grid: { left: 48, right: 20, top: 36, bottom: 32, containLabel: true }, animation: false };
    chart(wfEl, {
      ...base,
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: asc.map((r) => r.date), boundaryGap: true },
      yAxis: { type: 'value', name: t('chart.workforce.unit'), minInterval: 1 },
      series: [{ name: t('chart.workforce'), type: 'line', data: asc.map((r) => r.workforce), connectNulls: true,
        symbolSize: 7, areaStyle: { opacity: 0.12 }, itemStyle: { color: '#1a56a6' } }],
    }).catch(() => wfEl.replaceChildren(alertBox(t('error.unknown'))));
    const ymax = (v) => Math.ceil(Math.max(v.max, planned || 0, 1) * 1.1);
    chart(invEl, {
      ...base,
      tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : fmtWan(v)) },
      legend: { top: 0, data: [t('chart.invest.done'), t('chart.invest.to_date')] },
      xAxis: { type: 'time', min: `${year}-01-01`, max: `${year}-12-31`, axisLabel: { formatter: t('chart.month') } },
      yAxis: { type: 'value', name: t('chart.unit.wan'), max: ymax },
      series: [
        {
          name: t('chart.invest.done'), type: 'line', step: 'end', symbolSize: 7, itemStyle: { color: '#1b7a45' },
          data: [[`${year}-01-01`, 0], ...inYear],
          markLine: planned !== null ? {
            symbol: 'none', lineStyle: { color: '#b7141e', type: 'dashed' },
            label: { formatter: `${t('chart.invest.plan')} ${fmtWan(planned)}`, position: 'insideEndTop' },
            data: [{ yAxis: planned }],
          } : undefined,
        },
        {
          name: t('chart.invest.to_date'), type: 'line', symbolSize: 5, lineStyle: { type: 'dotted' }, itemStyle: { color: '#9a6700' },
          data: asc.filter((r) => r.date.slice(0, 4) === String(year) && r.invest_to_date !== null).map((r) => [r.date, r.invest_to_date]),
        },
      ],
    }).catch(() => invEl.replaceChildren(alertBox(t('error.unknown'))));
  };
  return frag;
}

function noticesBox(notices) {
  if (!notices || !notices.length) return null;
  return h('div', { class: 'alert alert-warn report-notices', role: 'status' },
    h('strong', null, t('report.notices')),
    h('ul', null, notices.map((n) => h('li', { dataset: { field: n.field || '' } }, n.message))));
}

function timelineItem(page, r, problems, opt) {
  const facts = [
    r.workforce !== null ? h('span', { class: 'tl-fact' }, h('span', { class: 'tl-k' }, t('report.workforce.short')), ' ', t('report.people', { n: fmtNumber(r.workforce) })) : null,
    r.invest_period !== null ? h('span', { class: 'tl-fact' }, h('span', { class: 'tl-k' }, t('report.invest_period.short')), ' ', fmtWan(r.invest_period)) : null,
    r.invest_to_date !== null ? h('span', { class: 'tl-fact' }, h('span', { class: 'tl-k' }, t('report.invest_to_date.short')), ' ', fmtWan(r.invest_to_date)) : null,
  ].filter(Boolean);
  const del = can('project.write') ? h('button', {
    type: 'button', class: 'btn btn-link btn-small tl-delete', onClick: async () => {
      if (!(await confirmDialog(t('report.delete.confirm', { date: r.date }), { okLabel: 'action.delete', danger: true }))) return;
      try {
        await api.del(`/api/reports/${r.id}`);
        toast(t('msg.deleted'));
        await page.refresh();
        opt.rerender();
      } catch (err) { toast(errorMessage(err), 'error'); }
    },
  }, t('action.delete')) : null;
  return h('li', { class: 'tl-item', dataset: { id: r.id } },
    h('div', { class: 'tl-date' }, h('time', { datetime: r.date }, r.date)),
    h('div', { class: 'tl-body' },
      h('div', { class: 'tl-head' }, h('span', { class: 'badge badge-phase' }, r.phase ? option('phase', r.phase) : '—'), facts),
      r.phase_reason ? h('div', { class: 'tl-reason' }, `${t('report.phase_reason')}：${r.phase_reason}`) : null,
      r.quantities && r.quantities.length ? h('div', { class: 'tl-sub' },
        h('span', { class: 'tl-k' }, t('report.quantities')),
        h('ul', { class: 'tl-quantities' }, r.quantities.map((q) => h('li', null, q.name, ' ', h('strong', null, fmtNumber(q.amount)), q.unit ? ` ${q.unit}` : '')))) : null,
      problems.length ? h('div', { class: 'tl-sub' },
        h('span', { class: 'tl-k' }, t('report.problems')),
        h('ul', { class: 'tl-problems' }, problems.map((q) => h('li', { class: q.overdue ? 'is-overdue' : null },
          q.description, h('span', { class: 'muted' }, t('report.problem.meta', { department: q.department || '—', due: q.due_date || '—' })), ' ', problemBadge(q))))) : null,
      r.note ? h('div', { class: 'tl-note' }, r.note) : null,
      h('div', { class: 'tl-meta muted' }, `${t('report.by')}：${r.created_by_name || '—'} · ${fmtDateTime(r.created_at)}`, del)));
}

function reportForm(page, reports, opt) {
  const p = page.project;
  const last = reports[0] || null;
  const quantities = rowsEditor({
    name: 'quantities', addLabel: 'report.quantities.add', emptyText: 'report.quantities.empty',
    columns: [
      { key: 'name', label: 'report.quantity.name', required: true, maxlength: 100, className: 'col-grow' },
      { key: 'amount', label: 'report.quantity.amount', type: 'number', valueType: 'number', required: true, className: 'col-num' },
      { key: 'unit', label: 'report.quantity.unit', maxlength: 20, className: 'col-unit' },
    ],
  });
  const problems = rowsEditor({
    name: 'problems', addLabel: 'report.problems.add', emptyText: 'report.problems.empty',
    columns: [
      { key: 'description', label: 'problem.description', required: true, maxlength: 500, className: 'col-grow' },
      { key: 'department', label: 'problem.department', required: true, maxlength: 100 },
      { key: 'due_date', label: 'problem.due_date', type: 'date', required: true, className: 'col-date' },
    ],
  });
  const form = formView({
    fields: [
      { name: 'date', label: 'report.date', type: 'date', required: true },
      { name: 'phase', label: 'report.phase', type: 'select', required: true, options: opts('phase', PHASES) },
      { name: 'phase_reason', label: 'report.phase_reason', hint: 'report.phase_reason', wide: true, maxlength: 500 },
      { name: 'workforce', label: 'report.workforce', type: 'number', valueType: 'int', min: 0 },
      { name: 'invest_period', label: 'report.invest_period', type: 'number', valueType: 'number' },
      { name: 'invest_to_date', label: 'report.invest_to_date', type: 'number', valueType: 'number', hint: 'report.invest_to_date.hint0' },
      { name: 'note', label: 'report.note', type: 'textarea', rows: 2 },
    ],
    values: { date: todayChina(), phase: last ? last.phase : (p.phase || '') },
    submitLabel: 'report.submit',
    onSubmit: (v) => submitWithRows([quantities, problems], async () => {
      const body = { ...v, quantities: quantities.values(), problems: problems.values() };
      if (reasonField.hidden) delete body.phase_reason;
      try {
        const r = await api.post(`/api/projects/${p.id}/reports`, body);
        toast(t('report.saved'));
        await page.refresh();
        opt.rerender({ notices: r.notices && r.notices.length ? r.notices : null });
      } catch (err) {
        if (err.fields && err.fields.some((f) => f.field === 'phase_reason')) reasonField.hidden = false;
        throw err;
      }
    }),
  });
  form.el.classList.add('form-report');
  insertIntoForm(form,
    sectionFor('report.quantities', null, quantities),
    sectionFor('report.problems', null, problems));
  // note goes last: move it after the row editors
  const grid = form.el.querySelector('.form-grid');
  grid.appendChild(grid.querySelector('[data-field=note]'));

  const $ = (name) => form.el.querySelector(`[name="${name}"]`);
  const reasonField = form.el.querySelector('[data-field=phase_reason]');
  const reasonHint = reasonField.querySelector('.field-hint');
  const investHint = form.el.querySelector('[data-field=invest_to_date] .field-hint');
  $('date').max = todayChina();
  function update() {
    const date = todayOr($('date').value);
    const prev = reportBefore(reports, date);
    const idx = PHASES.indexOf($('phase').value);
    const behind = !!(prev && idx >= 0 && prev.phase_index !== null && idx < prev.phase_index);
    reasonField.hidden = !behind;
    if (behind) reasonHint.textContent = t('report.phase_reason.hint', { phase: option('phase', prev.phase) });
    const period = Number($('invest_period').value || 0);
    const base = prev && prev.invest_to_date !== null ? Number(prev.invest_to_date) : 0;
    investHint.textContent = prev || period
      ? t('report.invest_to_date.hint', { value: fmtWan(Math.round((base + (Number.isFinite(period) ? period : 0)) * 100) / 100) })
      : t('report.invest_to_date.hint0');
  }
  for (const n of ['date', 'phase', 'invest_period']) {
    $(n).addEventListener('input', update);
    $(n).addEventListener('change', update);
  }
  update();

  return h('details', { class: 'card report-card', open: !!opt.openForm },
    h('summary', { class: 'report-summary' }, t('report.new')),
    form.el);
}

// ---------------------------------------------------------------- 开工/停工/复工

function nextKind(events) {
  const last = events.length ? events[events.length - 1].kind : null;
  if (!last) return 'start';
  return last === 'stop' ? 'resume' : 'stop';
}

async function eventsPanel(page, opt) {
  const p = page.project;
  const r = await api.get(`/api/projects/${p.id}/events`);
  const events = r.items || [];
  const lastId = events.length ? events[events.length - 1].id : null;
  const table = events.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'data-table compact events-table' },
    h('thead', null, h('tr', null,
      h('th', { scope: 'col' }, t('event.date')), h('th', { scope: 'col' }, t('event.kind')),
      h('th', { scope: 'col' }, t('event.reason')), h('th', { scope: 'col' }, t('field.created_at')),
      can('project.write') ? h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('common.actions'))) : null)),
    h('tbody', null, events.slice().reverse().map((e) => h('tr', { dataset: { id: e.id, kind: e.kind } },
      h('td', { dataset: { label: t('event.date') } }, e.date),
      h('td', { dataset: { label: t('event.kind') } }, eventBadge(e.kind)),
      h('td', { dataset: { label: t('event.reason') } }, e.reason || h('span', { class: 'muted' }, '—')),
      h('td', { dataset: { label: t('field.created_at') } }, fmtDateTime(e.created_at)),
      can('project.write') ? h('td', { class: 'col-narrow' }, e.id === lastId ? button('event.delete', {
        kind: 'link', onClick: async () => {
          if (!(await confirmDialog(t('event.delete.confirm', { date: e.date, kind: option('event.kind', e.kind) }), { okLabel: 'event.delete', danger: true }))) return;
          try {
            await api.del(`/api/events/${e.id}`);
            toast(t('msg.deleted'));
            await page.refresh();
            opt.rerender();
          } catch (err) { toast(errorMessage(err), 'error'); }
        },
      }) : null) : null))))) : h('p', { class: 'muted' }, t('event.empty'));

  let form = null;
  if (can('project.write')) {
    const next = nextKind(events);
    form = formView({
      fields: [
        { name: 'kind', label: 'event.kind', type: 'select', required: true, options: opts('event.kind', EVENT_KINDS), hint: () => t('event.next', { kind: option('event.kind', next) }) },
        { name: 'date', label: 'event.date', type: 'date', required: true },
        { name: 'reason', label: 'event.reason', hint: 'event.reason.hint', maxlength: 500, wide: true },
      ],
      values: { kind: next, date: todayChina() },
      submitLabel: 'event.submit',
      onSubmit: async (v) => {
        await api.post(`/api/projects/${p.id}/events`, v);
        toast(t('event.saved'));
        await page.refresh();
        opt.rerender();
      },
    });
    form.el.classList.add('form-event');
    form.el.querySelector('[name=date]').max = todayChina();
  }
  return h('div', { class: 'events-panel' },
    h('section', { class: 'card' }, h('h2', { class: 'card-title' }, t('event.title')), table),
    form ? h('section', { class: 'card-group' }, h('h2', { class: 'section-title' }, t('event.new')), form.el) : null);
}

// ---------------------------------------------------------------- 节点计划

async function nodesPanel(page, opt) {
  const p = page.project;
  const r = await api.get(`/api/projects/${p.id}/nodes`);
  const nodes = r.items || [];
  const card = h('section', { class: 'card nodes-card' });

  function view() {
    const actions = can('project.write') ? h('div', { class: 'card-actions' },
      button('node.edit', { kind: 'primary', onClick: edit }),
      button('node.from_template', { onClick: fromTemplate })) : null;
    mount(card,
      h('div', { class: 'card-head' }, h('h2', { class: 'card-title' }, t('node.title')), actions),
      nodes.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'data-table compact nodes-table' },
        h('thead', null, h('tr', null,
          h('th', { scope: 'col', class: 'col-narrow' }, '#'),
          h('th', { scope: 'col' }, t('node.name')), h('th', { scope: 'col' }, t('node.planned_date')),
          h('th', { scope: 'col' }, t('node.actual_date')), h('th', { scope: 'col' }, t('node.state')))),
        h('tbody', null, nodes.map((n, i) => h('tr', { class: n.late ? 'row-late' : null, dataset: { id: n.id } },
          h('td', { class: 'col-narrow', dataset: { label: '#' } }, String(i + 1)),
          h('td', { dataset: { label: t('node.name') } }, n.name),
          h('td', { dataset: { label: t('node.planned_date') } }, n.planned_date || h('span', { class: 'muted' }, '—')),
          h('td', { dataset: { label: t('node.actual_date') } }, n.actual_date || h('span', { class: 'muted' }, '—')),
          h('td', { dataset: { label: t('node.state') } }, n.late ? h('span', { class: 'badge badge-late' }, t('node.late'))
            : n.actual_date ? h('span', { class: 'badge badge-on' }, t('node.done'))
              : h('span', { class: 'badge' }, t(n.planned_date ? 'node.pending' : 'node.unscheduled')))))))) : h('p', { class: 'muted' }, t('node.empty')));
  }

  async function fromTemplate() {
    if (nodes.length && !(await confirmDialog(t('node.from_template.confirm', { n: nodes.length })))) return;
    try {
      await api.put(`/api/projects/${p.id}/nodes`, { from_template: true });
      toast(t('node.saved'));
      opt.rerender();
    } catch (err) { toast(errorMessage(err), 'error'); }
  }

  function edit() {
    const editor = rowsEditor({
      name: 'items', addLabel: 'node.add', emptyText: 'node.empty', rows: nodes,
      columns: [
        { key: 'name', label: 'node.name', required: true, maxlength: 50, className: 'col-grow' },
        { key: 'planned_date', label: 'node.planned_date', type: 'date', className: 'col-date' },
        { key: 'actual_date', label: 'node.actual_date', type: 'date', className: 'col-date' },
      ],
    });
    const form = formView({
      fields: [],
      submitLabel: 'action.save',
      extraActions: button('action.cancel', { onClick: view }),
      onSubmit: () => submitWithRows([editor], async () => {
        await api.put(`/api/projects/${p.id}/nodes`, { items: editor.values() });
        toast(t('node.saved'));
        opt.rerender();
      }),
    });
    form.el.classList.add('form-nodes');
    insertIntoForm(form, editor.el);
    mount(card, h('h2', { class: 'card-title' }, t('node.edit')), form.el);
  }

  view();
  return card;
}

// ---------------------------------------------------------------- 需协调问题 of the project

async function problemsPanel(page, opt) {
  const p = page.project;
  const r = await api.get('/api/problems', { project_id: p.id, limit: 200 });
  const items = r.items || [];
  const writable = can('project.write');
  const table = items.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'data-table compact problems-table' },
    h('thead', null, h('tr', null,
      h('th', { scope: 'col', class: 'col-wide' }, t('problem.description')), h('th', { scope: 'col' }, t('problem.department')),
      h('th', { scope: 'col' }, t('problem.due_date')), h('th', { scope: 'col' }, t('problem.status')),
      h('th', { scope: 'col' }, t('problem.closing_note')),
      writable ? h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('common.actions'))) : null)),
    h('tbody', null, items.map((q) => h('tr', { class: q.overdue ? 'row-overdue' : null, dataset: { id: q.id } },
      h('td', { class: 'col-wide', dataset: { label: t('problem.description') } }, q.description),
      h('td', { dataset: { label: t('problem.department') } }, q.department || '—'),
      h('td', { class: 'nowrap', dataset: { label: t('problem.due_date') } }, q.due_date || '—'),
      h('td', { dataset: { label: t('problem.status') } }, problemBadge(q)),
      h('td', { dataset: { label: t('problem.closing_note') } }, q.closing_note || h('span', { class: 'muted' }, '—')),
      writable ? h('td', { class: 'col-narrow' }, button('problem.update', {
        kind: 'link', onClick: async () => {
          if (await problemDialog({ ...q, project_name: null })) {
            toast(t('problem.saved'));
            await page.refresh();
            opt.rerender();
          }
        },
      })) : null))))) : h('p', { class: 'muted' }, t('problem.empty'));

  let form = null;
  if (writable) {
    form = formView({
      fields: [
        { name: 'description', label: 'problem.description', required: true, type: 'textarea', rows: 2, maxlength: 500 },
        { name: 'department', label: 'problem.department', required: true, maxlength: 100 },
        { name: 'due_date', label: 'problem.due_date', type: 'date', required: true },
      ],
      submitLabel: 'action.save',
      onSubmit: async (v) => {
        await api.post(`/api/projects/${p.id}/problems`, v);
        toast(t('problem.created'));
        await page.refresh();
        opt.rerender();
      },
    });
  }
  return h('div', { class: 'problems-panel' },
    h('section', { class: 'card' }, h('h2', { class: 'card-title' }, t('problem.title')), table),
    form ? h('details', { class: 'card report-card' }, h('summary', { class: 'report-summary' }, t('problem.new')), form.el) : null);
}

// ---------------------------------------------------------------- 修改记录

async function historyPanel(page) {
  return historyView({
    endpoint: `/api/projects/${page.project.id}/history`,
    fieldLabel: partFieldLabel,
    formatValue: formatProjectValue,
    describe: describePart,
    hidden: ['project_id', 'report_id', 'phase_index', 'late', 'sort_order', 'created_by'], // ids and derived values
    order: ['code', 'name', 'level', 'park_id', 'chain_id', 'owner_org_id', 'contractor_org_id', 'manager', 'leader',
      'total_investment', 'planned_start', 'planned_finish', 'location', 'years', 'archived',
      'kind', 'date', 'reason', 'phase', 'phase_reason', 'workforce', 'invest_period', 'invest_to_date', 'quantities',
      'description', 'department', 'due_date', 'status', 'closing_note', 'nodes', 'note'],
  });
}

export default {
  nav: [],
  routes: [{ path: '/projects/:id', perm: () => canReadProjects(), render: detailPage }],
};
