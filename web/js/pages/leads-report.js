// 招商分析 Investment dashboard — GET /api/reports/investment?from&to (default this year): the funnel of
// leads entering each stage, monthly new negotiations against the target, signed by chain / region / office,
// the events with their totals, cadence breaks and the stalled count (linking to the stalled list).
import { t, option } from '../i18n.js';
import { api } from '../api.js';
import { replaceQuery } from '../router.js';
import { fmtDate, fmtNumber, wanToYi } from '../format.js';
import { chart } from '../charts.js';
import { h, mount, pageHeader, loadingBlock, errorBlock, nextId, button } from '../ui.js';
import { FLOW, todayChina, wan } from './leads-common.js';

const yi = (w) => fmtNumber(wanToYi(w || 0), 1);

function presets() {
  const today = todayChina();
  const y = Number(today.slice(0, 4));
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  d.setUTCDate(d.getUTCDate() + 1);
  return [
    { key: 'ireport.period.this_year', from: `${y}-01-01`, to: today },
    { key: 'ireport.period.last_year', from: `${y - 1}-01-01`, to: `${y - 1}-12-31` },
    { key: 'ireport.period.12m', from: d.toISOString().slice(0, 10), to: today },
  ];
}

function stat(labelKey, value, sub, href) {
  const inner = [h('span', { class: 'inv-stat-label' }, t(labelKey)), h('span', { class: 'inv-stat-value' }, value), sub ? h('span', { class: 'inv-stat-sub muted' }, sub) : null];
  return href ? h('a', { class: 'inv-stat inv-stat-link', href }, inner) : h('div', { class: 'inv-stat' }, inner);
}

function groupTable(titleKey, rows, cls) {
  return h('section', { class: `card inv-group-card ${cls || ''}` },
    h('h2', { class: 'card-title' }, t(titleKey)),
    rows && rows.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'data-table inv-group-table' },
      h('caption', { class: 'visually-hidden' }, t(titleKey)),
      h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, t('ireport.name')),
        h('th', { scope: 'col', class: 'num' }, t('ireport.count')),
        h('th', { scope: 'col', class: 'num' }, t('ireport.investment.yi')))),
      h('tbody', null, [...rows].sort((a, b) => (b.investment || 0) - (a.investment || 0)).map((r) => h('tr', null,
        h('td', { dataset: { label: t('ireport.name') } }, r.name || t('ireport.unassigned')),
        h('td', { class: 'num', dataset: { label: t('ireport.count') } }, String(r.count)),
        h('td', { class: 'num', dataset: { label: t('ireport.investment.yi') }, title: `${wan(r.investment)} ${t('unit.wan.short')}` }, fmtNumber(r.investment_yi ?? wanToYi(r.investment), 1))))))) : h('p', { class: 'muted inv-empty' }, t('ireport.none')));
}

function funnelTable(funnel) {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'data-table inv-funnel-table' },
    h('caption', { class: 'visually-hidden' }, t('ireport.funnel')),
    h('thead', null, h('tr', null,
      h('th', { scope: 'col' }, t('lead.stage')), h('th', { scope: 'col', class: 'num' }, t('ireport.entered')), h('th', { scope: 'col', class: 'num' }, t('ireport.current')))),
    h('tbody', null, funnel.map((f) => h('tr', { dataset: { stage: f.stage } },
      h('td', { dataset: { label: t('lead.stage') } }, option('lead.stage', f.stage)),
      h('td', { class: 'num', dataset: { label: t('ireport.entered') } }, String(f.entered)),
      h('td', { class: 'num', dataset: { label: t('ireport.current') } }, String(f.current)))))));
}

function cadenceList(titleKey, items, fmt) {
  return h('div', { class: 'inv-cadence-group' },
    h('h3', { class: 'inv-subtitle' }, t(titleKey, { n: items.length })),
    items.length ? h('ul', { class: 'inv-cadence-list' }, items.map((x) => h('li', null, fmt(x), h('span', { class: 'muted' }, ` ${fmtDate(x.start)} – ${fmtDate(x.end)}`))))
      : h('p', { class: 'muted inv-ok' }, t('ireport.cadence.none')));
}

const STAGE_COLORS = ['#8da2bf', '#5b8bd0', '#1a56a6', '#2f855a', '#b7791f', '#c05621'];

async function drawCharts(r, funnelEl, monthlyEl) {
  const funnel = r.funnel.filter((f) => FLOW.includes(f.stage));
  const max = Math.max(1, ...funnel.map((f) => f.entered));
  await chart(funnelEl, {
    aria: { enabled: true },
    tooltip: { trigger: 'item', formatter: (p) => `${p.name}：${p.value}` },
    color: STAGE_COLORS,
    series: [{
      type: 'funnel', name: t('ireport.funnel'), sort: 'none', left: '8%', right: '8%', top: 10, bottom: 10, min: 0, max, minSize: '18%', gap: 2,
      label: { show: true, position: 'inside', formatter: (p) => `${p.name} ${p.value}`, color: '#fff', fontSize: 13 },
      data: funnel.map((f) => ({ name: option('lead.stage', f.stage), value: f.entered })),
    }],
  });
  const months = r.monthly.map((m) => m.month);
  await chart(monthlyEl, {
    aria: { enabled: true },
    grid: { left: 40, right: 16, top: 36, bottom: 28 },
    legend: { top: 0, data: [t('ireport.negotiations'), t('ireport.target')] },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: months, axisLabel: { formatter: (v) => v.slice(5) } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar', name: t('ireport.negotiations'), barMaxWidth: 28, itemStyle: { color: '#1a56a6' },
        data: r.monthly.map((m) => ({ value: m.negotiations, itemStyle: { color: m.met ? '#2f855a' : '#1a56a6' } })),
      },
      {
        type: 'line', name: t('ireport.target'), step: 'middle', symbol: 'none', lineStyle: { type: 'dashed', color: '#b7141e', width: 2 }, itemStyle: { color: '#b7141e' },
        data: r.monthly.map((m) => m.target),
      },
    ],
  });
}

/** The period form (from, to, the presets): fills state and calls onApply. */
export function periodForm(state, onApply) {
  const fromId = nextId('pf');
  const toId = nextId('pt');
  const fromIn = h('input', { id: fromId, name: 'from', type: 'date', class: 'input', value: state.from });
  const toIn = h('input', { id: toId, name: 'to', type: 'date', class: 'input', value: state.to });
  const apply = () => { state.from = fromIn.value; state.to = toIn.value; onApply(); };
  const presetBtns = presets().map((p) => {
    const b = button(p.key, { kind: 'link' });
    b.addEventListener('click', () => { fromIn.value = p.from; toIn.value = p.to; apply(); });
    return b;
  });
  const form = h('form', { class: 'list-toolbar inv-period', 'aria-label': t('ireport.period') },
    h('div', { class: 'toolbar-field' }, h('label', { for: fromId }, t('ireport.from')), fromIn),
    h('div', { class: 'toolbar-field' }, h('label', { for: toId }, t('ireport.to')), toIn),
    h('div', { class: 'toolbar-buttons' }, h('button', { type: 'submit', class: 'btn btn-primary' }, t('ireport.apply'))),
    h('div', { class: 'inv-presets' }, presetBtns));
  form.addEventListener('submit', (e) => { e.preventDefault(); apply(); });
  return form;
}

async function reportPage(ctx) {
  ctx.setTitle(t('nav.report'));
  const today = todayChina();
  const state = { from: ctx.query.from || `${today.slice(0, 4)}-01-01`, to: ctx.query.to || today };
  const body = h('div', { class: 'inv-report-body' });
  const toolbar = periodForm(state, () => {
    const thisYear = state.from === `${today.slice(0, 4)}-01-01` && state.to === today;
    replaceQuery(thisYear ? {} : { from: state.from, to: state.to });
    load();
  });

  async function load() {
    mount(body, loadingBlock());
    let r;
    try {
      r = await api.get('/api/reports/investment', { from: state.from, to: state.to });
    } catch (err) {
      if (ctx.isCurrent()) mount(body, errorBlock(err));
      return;
    }
    if (!ctx.isCurrent()) return;
    const funnelEl = h('div', { class: 'inv-chart inv-chart-funnel', role: 'img', 'aria-label': t('ireport.funnel') });
    const monthlyEl = h('div', { class: 'inv-chart inv-chart-monthly', role: 'img', 'aria-label': t('ireport.monthly') });
    const negotiations = r.monthly.reduce((s, m) => s + m.negotiations, 0);
    const metMonths = r.monthly.filter((m) => m.met).length;
    const signingEvents = r.events.filter((e) => e.kind === 'signing');
    const c = r.cadence || {};
    mount(body,
      h('p', { class: 'muted inv-period-text' }, t('ireport.period.text', { from: fmtDate(r.from), to: fmtDate(r.to) })),
      h('div', { class: 'inv-stats' },
        stat('ireport.signed', String(r.signed.count), t('ireport.signed.sub', { yi: yi(r.signed.investment) })),
        stat('ireport.negotiations.total', String(negotiations), t('ireport.target.sub', { met: metMonths, n: r.monthly.length, target: r.monthly_target })),
        stat('ireport.events', String(r.events.length), t('ireport.events.sub', { n: signingEvents.length })),
        stat('ireport.stalled', String(r.stalled), t('ireport.stalled.sub'), '#/leads?stalled=1')),
      h('div', { class: 'inv-chart-grid' },
        h('section', { class: 'card inv-chart-card' }, h('h2', { class: 'card-title' }, t('ireport.funnel')), funnelEl,
          h('details', { class: 'inv-chart-data' }, h('summary', null, t('ireport.data')), funnelTable(r.funnel))),
        h('section', { class: 'card inv-chart-card' }, h('h2', { class: 'card-title' }, t('ireport.monthly')), monthlyEl,
          h('p', { class: 'muted inv-small' }, t('ireport.monthly.hint', { target: r.monthly_target })))),
      h('h2', { class: 'section-title' }, t('ireport.signed.title', { n: r.signed.count, yi: yi(r.signed.investment) })),
      h('div', { class: 'inv-group-grid' },
        groupTable('ireport.by_chain', r.signed.by_chain),
        groupTable('ireport.by_region', r.signed.by_region),
        groupTable('ireport.by_office', r.signed.by_office)),
      h('section', { class: 'card' },
        h('h2', { class: 'card-title' }, t('ireport.events.title')),
        r.events.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'data-table inv-events-table' },
          h('caption', { class: 'visually-hidden' }, t('ireport.events.title')),
          h('thead', null, h('tr', null,
            h('th', { scope: 'col' }, t('sevent.date')), h('th', { scope: 'col' }, t('sevent.title_field')), h('th', { scope: 'col' }, t('sevent.kind')),
            h('th', { scope: 'col' }, t('sevent.mode')), h('th', { scope: 'col', class: 'num' }, t('ireport.signed.count')), h('th', { scope: 'col', class: 'num' }, t('ireport.investment.yi')))),
          h('tbody', null, r.events.map((e) => h('tr', null,
            h('td', { class: 'nowrap', dataset: { label: t('sevent.date') } }, fmtDate(e.date)),
            h('td', { dataset: { label: t('sevent.title_field') } }, h('a', { href: `#/invest/events/${e.id}`, class: 'row-link' }, e.title)),
            h('td', { dataset: { label: t('sevent.kind') } }, option('sevent.kind', e.kind)),
            h('td', { dataset: { label: t('sevent.mode') } }, option('sevent.mode', e.mode)),
            h('td', { class: 'num', dataset: { label: t('ireport.signed.count') } }, e.kind === 'signing' ? String(e.signed) : '—'),
            h('td', { class: 'num', dataset: { label: t('ireport.investment.yi') } }, e.kind === 'signing' ? fmtNumber(e.total_yi ?? wanToYi(e.total_investment), 1) : '—')))))) : h('p', { class: 'muted inv-empty' }, t('ireport.none'))),
      h('section', { class: 'card inv-cadence' },
        h('h2', { class: 'card-title' }, t('ireport.cadence')),
        h('p', { class: 'muted inv-small' }, t('ireport.cadence.hint')),
        h('div', { class: 'inv-cadence-grid' },
          cadenceList('ireport.cadence.weeks', c.weeks_without_highlight || [], (x) => t('ireport.week', { year: x.year, week: x.week })),
          cadenceList('ireport.cadence.months', c.months_without_event || [], (x) => t('ireport.month', { year: x.year, month: x.month })),
          cadenceList('ireport.cadence.quarters', c.quarters_without_signing || [], (x) => t('ireport.quarter', { year: x.year, quarter: x.quarter })))));
    try {
      await drawCharts(r, funnelEl, monthlyEl);
    } catch (err) {
      funnelEl.replaceChildren(h('p', { class: 'muted' }, t('ireport.chart.failed')));
    }
  }

  mount(ctx.main, pageHeader({ title: 'nav.report', subtitle: 'ireport.intro' }), h('section', { class: 'card list-view' }, toolbar), body);
  await load();
}

export default {
  nav: [{ href: '#/invest/report', match: '/invest/report', perm: 'lead.read', label: 'nav.report', group: 'invest', order: 60 }],
  routes: [{ path: '/invest/report', perm: 'lead.read', render: reportPage }],
};
