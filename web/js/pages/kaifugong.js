// 开复工统计 Construction starts dashboard — GET /api/reports/kaifugong?as_of&year&by:
// the rate with its two counts and rounding note, investment completed against plan (万元 and 亿元),
// a bar chart and a table per group (园区/级别/产业链), and the projects of the report.
import { t, option } from '../i18n.js';
import { api } from '../api.js';
import { replaceQuery } from '../router.js';
import { fmtWan, fmtYi, fmtPercent, rate } from '../format.js';
import { chart } from '../charts.js';
import { h, mount, pageHeader, loadingBlock, errorBlock, alertBox, nextId } from '../ui.js';
import { wan, todayChina, eventBadge } from './projects-common.js';
import { exportLink } from './spreadsheet.js';

const BYS = ['park', 'level', 'chain'];

/** '85.4%（41/48）' — the rate with the two counts beside it. */
function rateWithCounts(x) {
  return h('span', { class: 'rate' }, h('strong', null, x.rate_text || '—'), h('span', { class: 'muted' }, t('kfg.counts', { started: x.started, due: x.due })));
}

function kfgPage(ctx) {
  ctx.setTitle(t('kfg.title'));
  const q = ctx.query;
  const state = {
    as_of: /^\d{4}-\d{2}-\d{2}$/.test(q.as_of || '') ? q.as_of : todayChina(),
    year: /^\d{4}$/.test(q.year || '') ? q.year : '',
    by: BYS.includes(q.by) ? q.by : 'park',
  };

  const asOfId = nextId('kfg');
  const yearId = nextId('kfg');
  const asOf = h('input', { id: asOfId, name: 'as_of', type: 'date', class: 'input', value: state.as_of, required: true });
  const year = h('input', { id: yearId, name: 'year', type: 'number', class: 'input input-year', min: 2000, max: 2100, step: 1, value: state.year, placeholder: state.as_of.slice(0, 4), inputmode: 'numeric' });
  const byGroup = h('div', { class: 'segmented', role: 'radiogroup', 'aria-label': t('kfg.by') },
    BYS.map((b) => h('label', { class: 'seg' },
      h('input', { type: 'radio', name: 'by', value: b, checked: state.by === b }),
      h('span', null, t(`kfg.by.${b}`)))));
  const todayBtn = h('button', { type: 'button', class: 'btn btn-link', onClick: () => { asOf.value = todayChina(); changed(); } }, t('common.today'));
  const controls = h('form', { class: 'card kfg-controls', onSubmit: (e) => { e.preventDefault(); changed(); } },
    h('div', { class: 'toolbar-field' }, h('label', { for: asOfId }, t('kfg.as_of')), h('div', { class: 'inline' }, asOf, todayBtn)),
    h('div', { class: 'toolbar-field' }, h('label', { for: yearId, title: t('kfg.year.hint') }, t('kfg.year')), year),
    h('div', { class: 'toolbar-field' }, h('span', { class: 'toolbar-label' }, t('kfg.by')), byGroup),
    h('button', { type: 'submit', class: 'btn btn-primary kfg-submit' }, t('kfg.query')));
  asOf.addEventListener('change', changed);
  year.addEventListener('change', changed);
  for (const r of byGroup.querySelectorAll('input')) r.addEventListener('change', changed);

  const out = h('div', { class: 'kfg-out', 'aria-live': 'polite' });
  const exportBtn = exportLink('/api/reports/kaifugong.xlsx', state);
  mount(ctx.main, pageHeader({ title: 'kfg.title', actions: [exportBtn] }), controls, out);

  let seq = 0;
  function changed() {
    if (/^\d{4}-\d{2}-\d{2}$/.test(asOf.value)) state.as_of = asOf.value;
    state.year = /^\d{4}$/.test(year.value) ? year.value : '';
    year.placeholder = state.as_of.slice(0, 4);
    state.by = (byGroup.querySelector('input:checked') || {}).value || 'park';
    replaceQuery({ as_of: state.as_of === todayChina() ? '' : state.as_of, year: state.year, by: state.by === 'park' ? '' : state.by });
    exportBtn.update(state);
    load();
  }

  async function load() {
    const my = ++seq;
    out.classList.add('is-loading');
    if (!out.firstChild) mount(out, loadingBlock());
    let r;
    try {
      r = await api.get('/api/reports/kaifugong', { as_of: state.as_of, year: state.year, by: state.by });
    } catch (err) {
      if (my === seq && ctx.isCurrent()) mount(out, errorBlock(err));
      return;
    } finally {
      if (my === seq) out.classList.remove('is-loading');
    }
    if (my !== seq || !ctx.isCurrent()) return;
    render(r);
  }

  function render(r) {
    const inv = r.investment || {};
    const figure = h('section', { class: 'card kfg-figure' },
      h('p', { class: 'kfg-big', dataset: { due: r.due, started: r.started } },
        h('span', { class: 'kfg-big-label' }, t('kfg.rate')), ' ',
        h('strong', { class: 'kfg-rate' }, r.rate_text || '—'),
        h('span', { class: 'kfg-counts' }, t('kfg.figure', { rate: '', started: r.started, due: r.due }).trim())),
      h('p', { class: 'kfg-note' }, t('kfg.rounding', { rounding: r.rounding || '', year: r.year, as_of: r.as_of })));
    const invest = h('section', { class: 'card kfg-invest' },
      h('div', { class: 'stat-label' }, t('kfg.invest.year', { year: r.year })),
      h('p', { class: 'kfg-invest-big' }, h('strong', null, fmtWan(inv.completed || 0)), h('span', { class: 'muted' }, t('kfg.paren', { x: fmtYi(inv.completed || 0, 2) }))),
      h('div', { class: 'progress-bar', role: 'img', 'aria-label': fmtPercent(inv.percent) },
        h('span', { class: 'progress-fill', style: `width:${Math.max(0, Math.min(100, Number(inv.percent) || 0))}%` })),
      h('p', null, t('kfg.invest.plan', { plan: fmtWan(inv.planned || 0), plan_yi: fmtYi(inv.planned || 0, 2), pct: inv.planned ? fmtPercent(inv.percent) : '—' })),
      h('p', { class: 'kfg-note' }, t('kfg.invest.note', { year: r.year, as_of: r.as_of })));

    const groups = r.groups || [];
    const chartEl = h('div', { class: 'chart chart-tall', role: 'img', 'aria-label': t('kfg.chart') });
    const chartCard = h('section', { class: 'card' }, h('h2', { class: 'card-title' }, t('kfg.chart.by', { by: t(`kfg.by.${r.by || state.by}`) })),
      groups.length ? chartEl : h('p', { class: 'muted' }, t('kfg.empty')));

    const total = { name: t('kfg.total'), due: r.due, started: r.started, rate_text: r.rate_text, planned: inv.planned, completed: inv.completed };
    const groupRow = (g, cls) => h('tr', { class: cls, dataset: { key: g.key ?? '' } },
      h('td', { class: 'group-name', dataset: { label: t(`kfg.by.${r.by || state.by}`) } }, g.name),
      h('td', { class: 'num', dataset: { label: t('kfg.due') } }, String(g.due)),
      h('td', { class: 'num', dataset: { label: t('kfg.started') } }, String(g.started)),
      h('td', { class: 'num', dataset: { label: t('kfg.rate.col') } }, rateWithCounts(g)),
      h('td', { class: 'num', dataset: { label: t('kfg.planned') } }, wan(g.planned || 0)),
      h('td', { class: 'num', dataset: { label: t('kfg.completed') } }, wan(g.completed || 0)),
      h('td', { class: 'num', dataset: { label: t('kfg.invest_pct') } }, g.planned ? fmtPercent(rate(g.completed || 0, g.planned)) : '—'));
    const groupTable = h('section', { class: 'card' }, h('h2', { class: 'card-title' }, t('kfg.groups')),
      h('div', { class: 'table-wrap' }, h('table', { class: 'data-table compact kfg-groups' },
        h('thead', null, h('tr', null,
          h('th', { scope: 'col' }, t(`kfg.by.${r.by || state.by}`)),
          h('th', { scope: 'col', class: 'num' }, t('kfg.due')), h('th', { scope: 'col', class: 'num' }, t('kfg.started')),
          h('th', { scope: 'col', class: 'num' }, t('kfg.rate.col')),
          h('th', { scope: 'col', class: 'num' }, t('kfg.planned')), h('th', { scope: 'col', class: 'num' }, t('kfg.completed')),
          h('th', { scope: 'col', class: 'num' }, t('kfg.invest_pct')))),
        h('tbody', null, groups.map((g) => groupRow(g))),
        h('tfoot', null, groupRow(total, 'row-total')))));

    const projects = r.projects || [];
    const flag = (p) => (!p.due ? h('span', { class: 'badge' }, t('kfg.flag.not_due'))
      : p.started ? h('span', { class: 'badge badge-on' }, t('kfg.flag.started')) : h('span', { class: 'badge badge-off' }, t('kfg.flag.not_started')));
    const projectTable = h('section', { class: 'card' }, h('h2', { class: 'card-title' }, t('kfg.projects'), h('span', { class: 'muted title-count' }, ` ${projects.length}`)),
      projects.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'data-table compact kfg-projects' },
        h('thead', null, h('tr', null,
          h('th', { scope: 'col' }, t('project.code')), h('th', { scope: 'col' }, t('project.name')),
          h('th', { scope: 'col' }, t('project.level')), h('th', { scope: 'col' }, t('project.park_name')),
          h('th', { scope: 'col' }, t('project.chain_name')), h('th', { scope: 'col' }, t('kfg.kind')),
          h('th', { scope: 'col', class: 'num' }, t('kfg.planned')), h('th', { scope: 'col', class: 'num' }, t('kfg.invest_year')),
          h('th', { scope: 'col' }, t('kfg.first_start')), h('th', { scope: 'col' }, t('kfg.last_event')),
          h('th', { scope: 'col' }, t('kfg.flag')))),
        h('tbody', null, projects.map((p) => h('tr', { class: p.due && !p.started ? 'row-notstarted' : null, dataset: { id: p.id, due: p.due ? '1' : '0', started: p.started ? '1' : '0' } },
          h('td', { class: 'mono nowrap', dataset: { label: t('project.code') } }, h('a', { href: `#/projects/${p.id}` }, p.code)),
          h('td', { class: 'col-name', dataset: { label: t('project.name') } }, h('a', { href: `#/projects/${p.id}` }, p.name)),
          h('td', { class: 'nowrap', dataset: { label: t('project.level') } }, option('project.level', p.level)),
          h('td', { class: 'nowrap', dataset: { label: t('project.park_name') } }, p.park_name || '—'),
          h('td', { class: 'nowrap', dataset: { label: t('project.chain_name') } }, p.chain_name || '—'),
          h('td', { class: 'nowrap', dataset: { label: t('kfg.kind') } }, option('project.year_kind', p.kind)),
          h('td', { class: 'num', dataset: { label: t('kfg.planned') } }, wan(p.planned_investment) || '—'),
          h('td', { class: 'num', dataset: { label: t('kfg.invest_year') } }, wan(p.invest_year || 0)),
          h('td', { class: 'nowrap', dataset: { label: t('kfg.first_start') } }, p.first_start || '—'),
          h('td', { dataset: { label: t('kfg.last_event') } }, eventBadge(p.last_event) || '—'),
          h('td', { class: 'nowrap', dataset: { label: t('kfg.flag') } }, flag(p))))))) : h('p', { class: 'muted' }, t('kfg.empty')));

    mount(out, h('div', { class: 'kfg-figures' }, figure, invest), chartCard, groupTable, projectTable);

    if (groups.length) {
      const font = getComputedStyle(document.body).fontFamily;
      chart(chartEl, {
        textStyle: { fontFamily: font },
        animation: false,
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { bottom: 0 },
        grid: { left: 40, right: 48, top: 36, bottom: 36, containLabel: true },
        xAxis: { type: 'category', data: groups.map((g) => g.name), axisLabel: { interval: 0, hideOverlap: true } },
        yAxis: [
          { type: 'value', name: t('kfg.unit.count') || null, minInterval: 1 },
          { type: 'value', name: '%', min: 0, max: 100, splitLine: { show: false } },
        ],
        series: [
          { name: t('kfg.due'), type: 'bar', data: groups.map((g) => g.due), itemStyle: { color: '#9fb6d6' }, barMaxWidth: 36 },
          { name: t('kfg.started'), type: 'bar', data: groups.map((g) => g.started), itemStyle: { color: '#14427d' }, barMaxWidth: 36,
            label: { show: true, position: 'top', formatter: (p) => groups[p.dataIndex].rate_text || '' } },
          { name: t('kfg.rate.col'), type: 'line', yAxisIndex: 1, data: groups.map((g) => g.rate_percent), itemStyle: { color: '#b7141e' },
            tooltip: { valueFormatter: (v) => (v === null || v === undefined ? '—' : `${Number(v).toFixed(1)}%`) } },
        ],
      }).catch(() => chartEl.replaceChildren(alertBox(t('error.unknown'))));
    }
  }

  load();
}

export default {
  nav: [{ href: '#/kaifugong', match: '/kaifugong', perm: 'project.read', label: 'nav.kaifugong', group: 'projects', order: 30 }],
  routes: [{ path: '/kaifugong', perm: 'project.read', render: kfgPage }],
};
