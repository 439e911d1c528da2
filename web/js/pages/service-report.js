// 企业服务分析 Service report (#/service/report) — GET /api/reports/service?as_of=&from=: figure tiles,
// tables by officer and by category, a bar chart of open and late requests by officer, building check
// coverage and the overdue checks; the same as a workbook (/api/reports/service.xlsx). Figures link to
// the lists they count.
import { t, option } from '../i18n.js';
import { api, buildQuery } from '../api.js';
import { can } from '../session.js';
import { replaceQuery, hrefFor } from '../router.js';
import { fmtDate, fmtNumber, fmtPercent } from '../format.js';
import { chart } from '../charts.js';
import { h, mount, pageHeader, button, alertBox, errorMessage, loadingBlock, nextId } from '../ui.js';
import { todayChina, table, statTile, stars } from './service-common.js';

const canReport = () => can('service_report.read');

function num(v, href, late) {
  if (v === null || v === undefined) return null;
  const text = fmtNumber(v);
  return href && v ? h('a', { href, class: late ? 'text-overdue' : null }, text) : text;
}

async function reportPage(ctx) {
  ctx.setTitle(t('svc.report'));
  const state = { as_of: ctx.query.as_of || todayChina(), from: ctx.query.from || '' };
  const aId = nextId('svc-asof'); const fId = nextId('svc-from');
  const asIn = h('input', { id: aId, type: 'date', name: 'as_of', class: 'input', value: state.as_of });
  const fromIn = h('input', { id: fId, type: 'date', name: 'from', class: 'input', value: state.from });
  const xlsx = h('a', { class: 'btn btn-secondary svc-xlsx', download: '' }, t('svc.report.xlsx'));
  const out = h('div', { class: 'svc-report-body' });
  const form = h('form', { class: 'list-toolbar card acc-period', onSubmit: (e) => { e.preventDefault(); load(); } },
    h('div', { class: 'toolbar-field' }, h('label', { for: fId }, t('svc.report.from')), fromIn),
    h('div', { class: 'toolbar-field' }, h('label', { for: aId }, t('svc.report.as_of')), asIn),
    h('div', { class: 'toolbar-buttons' }, button('svc.report.apply', { kind: 'primary', type: 'submit' }), xlsx));

  async function load() {
    state.as_of = asIn.value; state.from = fromIn.value;
    const q = { as_of: state.as_of, from: state.from };
    replaceQuery(q);
    xlsx.setAttribute('href', `/api/reports/service.xlsx${buildQuery(q)}`);
    mount(out, loadingBlock());
    let r;
    try {
      r = await api.get('/api/reports/service', q);
    } catch (err) {
      if (ctx.isCurrent()) mount(out, h('div', { class: 'card' }, alertBox(errorMessage(err))));
      return;
    }
    if (!ctx.isCurrent()) return;
    const s = r.requests;
    // lists the figures count: late ones as of the report's day
    const list = (extra) => hrefFor('/service/requests', extra);
    const lateOn = r.as_of === todayChina() ? {} : { as_of: r.as_of };
    const officerCell = (o) => (can('service_all.read') && o.officer_id ? h('a', { href: hrefFor('/service/portfolio', { officer_id: o.officer_id }) }, o.officer_name) : o.officer_name);
    const figures = (scope) => [
      { label: 'svc.report.received', className: 'num', render: (x) => num(x.received, list(scope(x))) },
      { label: 'svc.report.open', className: 'num', render: (x) => num(x.open, list({ ...scope(x), state: 'open' })) },
      { label: 'svc.report.overdue', className: 'num', render: (x) => num(x.overdue, list({ ...scope(x), overdue: 1, ...lateOn }), true) },
      { label: 'svc.report.resolved', className: 'num', render: (x) => num(x.resolved) },
      { label: 'svc.report.escalated', className: 'num', render: (x) => num(x.escalated) },
      { label: 'svc.report.avg', className: 'num', render: (x) => (x.avg_resolve_workdays === null ? null : fmtNumber(x.avg_resolve_workdays, 1)) },
      { label: 'svc.report.satisfaction', className: 'nowrap', render: (x) => (x.satisfaction === null ? null : [stars(Math.round(x.satisfaction)), ` ${fmtNumber(x.satisfaction, 1)}`]) },
    ];
    const officers = r.by_officer || [];
    const chartEl = h('div', { class: 'chart chart-tall svc-chart' });
    const checks = r.checks || { by_kind: [], overdue: [] };
    mount(out,
      h('p', { class: 'muted inv-period-text' }, r.from ? t('svc.report.period', { from: fmtDate(r.from), as_of: fmtDate(r.as_of) }) : t('svc.report.period.all', { as_of: fmtDate(r.as_of) })),
      h('div', { class: 'inv-stats svc-stats' },
        statTile('svc.report.received', fmtNumber(s.received), { href: list({}) }),
        statTile('svc.report.open', fmtNumber(s.open), { href: list({ state: 'open' }) }),
        statTile('svc.report.overdue', fmtNumber(s.overdue), { href: list({ overdue: 1, ...lateOn }), alert: s.overdue > 0 }),
        statTile('svc.report.resolved', fmtNumber(s.resolved), { sub: `${t('svc.report.confirmed')} ${fmtNumber(s.confirmed)} · ${t('svc.report.escalated')} ${fmtNumber(s.escalated)}` }),
        statTile('svc.report.avg', s.avg_resolve_workdays === null ? '—' : fmtNumber(s.avg_resolve_workdays, 1)),
        statTile('svc.report.satisfaction', s.satisfaction === null ? '—' : h('span', null, stars(Math.round(s.satisfaction)), ` ${fmtNumber(s.satisfaction, 1)}`),
          { sub: t('svc.report.rated', { n: s.rated || 0 }) })),
      h('section', { class: 'card' }, h('h2', { class: 'card-title' }, t('svc.report.chart')),
        officers.length ? chartEl : h('p', { class: 'chart-empty muted' }, t('svc.report.empty'))),
      h('section', { class: 'card' }, h('h2', { class: 'card-title' }, t('svc.report.by_officer')),
        table([{ label: 'svc.req.officer', render: officerCell }, ...figures((o) => (o.officer_id ? { officer_id: o.officer_id } : {}))],
          officers, { empty: 'svc.report.empty', className: 'svc-by-officer', rowAttrs: (o) => ({ dataset: { officer: o.officer_id ?? '' } }) })),
      h('section', { class: 'card' }, h('h2', { class: 'card-title' }, t('svc.report.by_category')),
        table([{ label: 'svc.req.category', render: (c) => option('svc.cat', c.category) }, ...figures((c) => ({ category: c.category }))],
          r.by_category || [], { empty: 'svc.report.empty', className: 'svc-by-category', rowAttrs: (c) => ({ dataset: { category: c.category } }) })),
      h('section', { class: 'card' },
        h('div', { class: 'card-head' }, h('h2', { class: 'card-title' }, t('svc.report.checks')),
          h('span', { class: 'muted' }, t('svc.report.checks.buildings', { n: checks.buildings || 0 }))),
        table([
          { label: 'svc.check.kind', render: (k) => option('svc.kind', k.kind) },
          { label: 'svc.report.scheduled', className: 'num', render: (k) => fmtNumber(k.scheduled) },
          { label: 'svc.report.up_to_date', className: 'num', render: (k) => fmtNumber(k.up_to_date) },
          { label: 'svc.report.coverage', className: 'num', render: (k) => (k.coverage === null ? null : fmtPercent(k.coverage)) },
        ], checks.by_kind || [], { className: 'svc-coverage' }),
        h('h3', { class: 'acc-subtitle' }, h('a', { href: '#/service/checks' }, t('svc.report.checks.overdue')), ` (${fmtNumber((checks.overdue || []).length)})`),
        table([
          { label: 'svc.building', render: (x) => h('a', { href: `#/service/buildings/${x.building_id}` }, x.building) },
          { label: 'svc.check.kind', render: (x) => option('svc.kind', x.kind) },
          { label: 'svc.check.every', render: (x) => t('svc.check.every_days', { n: x.every_days }) },
          { label: 'svc.check.last_on', className: 'nowrap', render: (x) => (x.last_on ? fmtDate(x.last_on) : t('svc.check.never')) },
          { label: 'svc.building.officer_id', render: (x) => x.officer_name },
        ], checks.overdue || [], { empty: 'svc.checks.overdue.empty', className: 'svc-report-overdue' })));
    if (officers.length) {
      chart(chartEl, {
        tooltip: { trigger: 'axis' },
        legend: { data: [t('svc.report.open'), t('svc.report.overdue')] },
        grid: { left: 40, right: 16, top: 36, bottom: 40, containLabel: true },
        xAxis: { type: 'category', data: officers.map((o) => o.officer_name || '—'), axisLabel: { interval: 0, rotate: officers.length > 6 ? 30 : 0 } },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: t('svc.report.open'), type: 'bar', data: officers.map((o) => o.open), itemStyle: { color: '#1f6fd1' } },
          { name: t('svc.report.overdue'), type: 'bar', data: officers.map((o) => o.overdue), itemStyle: { color: '#c9372c' } },
        ],
      }).catch(() => mount(chartEl, alertBox(t('error.unknown'))));
    }
  }

  mount(ctx.main, pageHeader({ title: 'svc.report' }), form, out);
  load();
}

export default {
  nav: [{ href: '#/service/report', match: '/service/report', visible: canReport, label: 'nav.svc.report', group: 'service', order: 70 }],
  routes: [{ path: '/service/report', perm: () => canReport(), render: reportPage }],
};
