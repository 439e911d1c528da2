// 亩均效益评价 — the ranked table of a year (#/mujun), the class distribution by park and chain (#/mujun/report),
// the figures with entry and import (#/mujun/figures, #/mujun/import), the year's settings (#/mujun/settings)
// and, for an enterprise user, its own rows (#/mujun/mine).
//   GET /api/mujun/scores?year  GET /api/mujun/report?year[&format=xlsx]  GET /api/mujun/mine
//   /api/mujun/figures (CRUD + import)  GET/PUT /api/mujun/settings/{year}
import './mujun-i18n.js';
import { t } from '../i18n.js';
import { api, ApiError } from '../api.js';
import { can, user } from '../session.js';
import { replaceQuery } from '../router.js';
import { fmtNumber } from '../format.js';
import { chart } from '../charts.js';
import { h, mount, pageHeader, loadingBlock, errorBlock, alertBox, nextId, toast, linkButton, errorMessage } from '../ui.js';
import { resourceModule } from '../resource.js';
import { exportLink, importPage } from './spreadsheet.js';

const CLASSES = ['A', 'B', 'C', 'D'];
const CLASS_COLORS = { A: '#1a7f37', B: '#14427d', C: '#b26a00', D: '#b7141e' };
const INDICATORS = ['tax_per_mu', 'va_per_mu', 'va_per_energy', 'va_per_emission', 'va_per_employee', 'rd_share', 'tax_per_kwh'];
const thisYear = () => new Date(Date.now() + 8 * 3600e3).getUTCFullYear();
const validYear = (y) => (/^\d{4}$/.test(String(y || '')) ? Number(y) : null);

const classBadge = (c) => h('span', { class: `mj-class mj-class-${c}`, dataset: { class: c } }, c);
const num = (x, d = 2) => (x === null || x === undefined ? '—' : fmtNumber(x, d));

/** A year <select> of the years with figures (and the chosen one); onChange(year). */
function yearSelect(id, year, years, onChange) {
  const list = [...new Set([year, ...(years || []).map((y) => y.year)])].sort((a, b) => b - a);
  const sel = h('select', { id, name: 'year', class: 'input mj-year' },
    list.map((y) => h('option', { value: String(y), selected: y === year }, String(y))));
  sel.addEventListener('change', () => onChange(Number(sel.value)));
  return sel;
}

/** The change since last year: rank arrow, score delta, last year's class; 新参评 when not scored then. */
function changeCell(r) {
  if (!r.previous) return h('span', { class: 'badge mj-new' }, t('mujun.change.new'));
  const d = r.change.rank;
  const arrow = d > 0 ? '↑' : d < 0 ? '↓' : '–';
  return h('span', { class: `mj-change ${d > 0 ? 'is-up' : d < 0 ? 'is-down' : ''}`, title: t('mujun.change.title', { total: num(r.previous.total), cls: r.previous.class, rank: r.previous.rank }) },
    h('strong', null, `${arrow}${d ? Math.abs(d) : ''}`), ' ',
    h('span', { class: 'muted' }, `${r.change.total > 0 ? '+' : ''}${num(r.change.total)}`), ' ',
    classBadge(r.previous.class));
}

function indicatorCell(r, key) {
  const x = r.indicators[key];
  if (!x) return h('span', { class: 'muted' }, '—');
  return h('span', { class: ['mj-ind', x.flag && 'is-flagged'], title: x.flag ? (r.flags.find((f) => f.indicator === key) || {}).message : null },
    h('span', { class: 'mj-ind-value' }, x.value === null ? '—' : num(x.value)),
    h('span', { class: 'mj-ind-part' }, t('mujun.part', { part: num(x.part) })));
}

function summary(s) {
  return h('p', { class: 'mj-summary muted' },
    t('mujun.summary', { year: s.year, method: t(`mujun.method.${s.method}`), def: s.default_settings ? t('mujun.settings.default') : '', count: s.count, cap: s.cap }),
    ' · ', t('mujun.thresholds', s.thresholds));
}

function scoresTable(s, { link = true } = {}) {
  const inds = s.indicators || [];
  return h('div', { class: 'table-wrap' }, h('table', { class: 'data-table compact mj-scores' },
    h('thead', null, h('tr', null,
      h('th', { scope: 'col', class: 'num' }, t('mujun.col.rank')),
      h('th', { scope: 'col' }, t('mujun.col.org')),
      h('th', { scope: 'col' }, t('mujun.col.group')),
      inds.map((i) => h('th', { scope: 'col', class: 'num', title: i.unit }, i.label, h('br'), h('span', { class: 'muted mj-unit' }, i.unit))),
      h('th', { scope: 'col', class: 'num' }, t('mujun.col.total')),
      h('th', { scope: 'col' }, t('mujun.col.class')),
      h('th', { scope: 'col' }, t('mujun.col.change')))),
    h('tbody', null, s.rows.map((r) => h('tr', { class: `mj-row-${r.class}`, dataset: { org: r.org_id, class: r.class, rank: r.rank } },
      h('td', { class: 'num mj-rank', dataset: { label: t('mujun.col.rank') } }, String(r.rank)),
      h('td', { class: 'col-name', dataset: { label: t('mujun.col.org') } },
        link && can('org.read') ? h('a', { href: `#/orgs/${r.org_id}` }, r.org_name) : r.org_name,
        h('div', { class: 'muted mj-sub' }, [r.park_name, r.chain_name].filter(Boolean).join(' · ')),
        r.flags.length ? h('div', { class: 'mj-flags' }, r.flags.map((f) => h('span', { class: 'badge badge-off', title: f.message }, f.message))) : null),
      h('td', { class: 'nowrap', dataset: { label: t('mujun.col.group') } }, t(`mujun.group.${r.group}`)),
      inds.map((i) => h('td', { class: 'num', dataset: { label: i.label } }, indicatorCell(r, i.key))),
      h('td', { class: 'num mj-total', dataset: { label: t('mujun.col.total') } }, h('strong', null, num(r.total))),
      h('td', { dataset: { label: t('mujun.col.class') } }, classBadge(r.class)),
      h('td', { class: 'nowrap', dataset: { label: t('mujun.col.change') } }, changeCell(r)))))));
}

/** A page over one year's data: the year in the query, a picker, load(year) → render. */
function yearPage(ctx, { title, actions, load, render }) {
  ctx.setTitle(t(title));
  let year = validYear(ctx.query.year) || thisYear();
  const explicit = !!validYear(ctx.query.year);
  const pickerSlot = h('div', { class: 'toolbar-field' });
  const out = h('div', { class: 'mj-out', 'aria-live': 'polite' }, loadingBlock());
  const acts = actions ? actions(year) : [];
  mount(ctx.main, pageHeader({ title, actions: acts.map((a) => a.el || a) }), h('form', { class: 'card mj-controls', onSubmit: (e) => e.preventDefault() }, pickerSlot), out);
  let seq = 0;
  async function go(y, first) {
    const my = ++seq;
    year = y;
    out.classList.add('is-loading');
    let r;
    try {
      r = await load(year);
      // no year asked for and nothing this year: show the latest year with figures
      if (first && !explicit && !r.count && r.years && r.years.length && r.years[0].year !== year) {
        year = r.years[0].year;
        r = await load(year);
      }
    } catch (err) {
      if (my === seq && ctx.isCurrent()) mount(out, errorBlock(err));
      return;
    } finally { out.classList.remove('is-loading'); }
    if (my !== seq || !ctx.isCurrent()) return;
    replaceQuery({ year: String(year) });
    for (const a of acts) if (a.update) a.update({ year });
    const id = nextId('mj');
    mount(pickerSlot, h('label', { for: id }, t('mujun.year')), yearSelect(id, year, r.years, (v) => go(v)));
    render(out, r, year);
  }
  go(year, true);
}

// ---------------------------------------------------------------- ranked table

function scoresPage(ctx) {
  yearPage(ctx, {
    title: 'mujun.scores.title',
    actions: (year) => [exportLink('/api/mujun/report', { year, format: 'xlsx' })],
    load: (year) => api.get('/api/mujun/scores', { year }),
    render: (out, s) => mount(out, h('section', { class: 'card' }, summary(s), s.rows.length ? scoresTable(s) : h('p', { class: 'muted' }, t('mujun.empty')))),
  });
}

// ---------------------------------------------------------------- distribution

function distTable(groups, firstCol) {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'data-table compact mj-dist' },
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, firstCol), h('th', { scope: 'col', class: 'num' }, t('mujun.report.count')),
      CLASSES.map((c) => h('th', { scope: 'col', class: 'num' }, classBadge(c))))),
    h('tbody', null, groups.map((g) => h('tr', { dataset: { key: g.key } },
      h('td', null, g.name),
      h('td', { class: 'num' }, String(g.count)),
      CLASSES.map((c) => h('td', { class: 'num' }, `${g.classes[c]}`, h('span', { class: 'muted' }, g.shares[c] === null ? '' : `（${num(g.shares[c], 1)}%）`))))))));
}

function distChart(el, groups) {
  const font = getComputedStyle(document.body).fontFamily;
  chart(el, {
    textStyle: { fontFamily: font }, animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 40, right: 24, top: 24, bottom: 36, containLabel: true },
    xAxis: { type: 'category', data: groups.map((g) => g.name), axisLabel: { interval: 0, hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1, name: t('mujun.report.count') },
    series: CLASSES.map((c) => ({ name: `${c}`, type: 'bar', stack: 'cls', data: groups.map((g) => g.classes[c]), itemStyle: { color: CLASS_COLORS[c] }, barMaxWidth: 40 })),
  }).catch(() => el.replaceChildren(alertBox(t('error.unknown'))));
}

function reportPage(ctx) {
  yearPage(ctx, {
    title: 'mujun.report.title',
    actions: (year) => [exportLink('/api/mujun/report', { year, format: 'xlsx' })],
    load: async (year) => {
      const [d, s] = await Promise.all([api.get('/api/mujun/report', { year }), api.get('/api/mujun/scores', { year })]);
      return { ...d, years: s.years };
    },
    render: (out, d) => {
      const tiles = h('section', { class: 'card mj-tiles' }, CLASSES.map((c) => h('div', { class: `mj-tile mj-tile-${c}`, dataset: { class: c } },
        classBadge(c), h('strong', null, String(d.classes[c])), h('span', { class: 'muted' }, d.shares[c] === null ? '—' : `${num(d.shares[c], 1)}%`))),
      h('div', { class: 'mj-tile' }, h('span', null, t('mujun.report.total')), h('strong', null, String(d.count)), h('span', { class: 'muted' }, t(`mujun.method.${d.method}`))));
      const block = (key, groups) => {
        const el = h('div', { class: 'chart', role: 'img', 'aria-label': t('mujun.report.chart', { by: t(key) }) });
        const card = h('section', { class: 'card' }, h('h2', { class: 'card-title' }, t(key)),
          groups.length ? el : h('p', { class: 'muted' }, t('mujun.empty')), groups.length ? distTable(groups, t(key)) : null);
        return { card, draw: () => groups.length && distChart(el, groups) };
      };
      const park = block('mujun.report.by_park', d.by_park);
      const chainB = block('mujun.report.by_chain', d.by_chain);
      mount(out, tiles, park.card, chainB.card);
      park.draw();
      chainB.draw();
    },
  });
}

// ---------------------------------------------------------------- my enterprise

async function minePage(ctx) {
  ctx.setTitle(t('mujun.mine.title'));
  mount(ctx.main, pageHeader({ title: 'mujun.mine.title' }), loadingBlock());
  const r = await api.get('/api/mujun/mine');
  if (!ctx.isCurrent()) return;
  const cards = r.years.map((y) => {
    const row = y.row;
    return h('section', { class: 'card mj-mine', dataset: { year: y.year } },
      h('h2', { class: 'card-title' }, `${y.year} · ${row.org_name}`),
      h('p', { class: 'mj-mine-big' }, h('strong', null, num(row.total)), ' ', classBadge(row.class), ' ',
        h('span', { class: 'mj-mine-rank' }, t('mujun.mine.rank', { rank: row.rank, count: y.count })), ' ', changeCell(row)),
      h('div', { class: 'table-wrap' }, h('table', { class: 'data-table compact' },
        h('caption', { class: 'visually-hidden' }, t('mujun.mine.indicators')),
        h('thead', null, h('tr', null, ['mujun.col.indicator', 'mujun.col.value', 'mujun.col.weight', 'mujun.col.benchmark', 'mujun.col.part'].map((k, i) =>
          h('th', { scope: 'col', class: i ? 'num' : null }, t(k))))),
        h('tbody', null, y.indicators.filter((i) => row.indicators[i.key]).map((i) => {
          const x = row.indicators[i.key];
          return h('tr', null, h('td', null, i.label, ' ', h('span', { class: 'muted' }, i.unit)),
            h('td', { class: 'num' }, x.value === null ? '—' : num(x.value)), h('td', { class: 'num' }, num(x.weight, 0)),
            h('td', { class: 'num' }, num(x.benchmark)), h('td', { class: 'num' }, num(x.part)));
        })))),
      row.flags.length ? alertBox(row.flags.map((f) => f.message).join('；'), 'warn') : null);
  });
  mount(ctx.main, pageHeader({ title: 'mujun.mine.title' }), cards.length ? cards : h('section', { class: 'card' }, h('p', { class: 'muted' }, t('mujun.mine.empty'))));
}

// ---------------------------------------------------------------- settings

async function settingsPage(ctx) {
  ctx.setTitle(t('mujun.settings.title'));
  mount(ctx.main, pageHeader({ title: 'mujun.settings.title', subtitle: 'mujun.settings.intro' }), loadingBlock());
  // no year asked for: the latest year with figures (what is being evaluated), else this year
  let year = validYear(ctx.query.year);
  if (!year) {
    const latest = await api.get('/api/mujun/figures', { sort: '-year', limit: 1 });
    year = latest.items.length ? latest.items[0].year : thisYear();
  }
  const s = await api.get(`/api/mujun/settings/${year}`);
  if (!ctx.isCurrent()) return;
  const writable = can('mujun.write');
  const inputs = new Map(); // field path → input
  const input = (path, value, attrs = {}) => {
    const el = h('input', { type: 'number', class: 'input input-narrow', step: 'any', value: String(value), name: path, disabled: !writable, ...attrs });
    inputs.set(path, el);
    return el;
  };
  const errBox = h('div', { class: 'form-general' });
  const yearId = nextId('mj');
  const yearIn = h('input', { id: yearId, type: 'number', class: 'input input-year', min: 2000, max: 2100, value: String(year) });
  yearIn.addEventListener('change', () => { if (validYear(yearIn.value)) { replaceQuery({ year: yearIn.value }); ctx.refresh(); } });
  const methodSel = h('select', { id: `${yearId}-m`, name: 'method', class: 'input', disabled: !writable },
    ['benchmark', 'minmax'].map((m) => h('option', { value: m, selected: s.method === m }, t(`mujun.method.${m}`))));
  inputs.set('method', methodSel);
  const groupCard = (g) => {
    const sum = h('span', { class: 'muted mj-sum' });
    const update = () => {
      const total = INDICATORS.reduce((n, k) => n + (Number(inputs.get(`groups.${g}.${k}.weight`).value) || 0), 0);
      sum.textContent = t('mujun.settings.sum', { sum: Math.round(total * 100) / 100 });
      sum.classList.toggle('is-bad', Math.abs(total - 100) > 1e-6);
    };
    const card = h('section', { class: 'card', dataset: { group: g } }, h('h2', { class: 'card-title' }, t(`mujun.settings.group.${g}`), ' ', sum),
      h('div', { class: 'table-wrap' }, h('table', { class: 'data-table compact' },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('mujun.col.indicator')), h('th', { scope: 'col' }, t('mujun.col.weight')), h('th', { scope: 'col' }, t('mujun.col.benchmark')))),
        h('tbody', null, INDICATORS.map((k) => h('tr', null, h('td', null, t(`mujun.ind.${k}`)),
          h('td', null, input(`groups.${g}.${k}.weight`, s.groups[g][k].weight, { min: 0, max: 100, 'aria-label': `${t(`mujun.ind.${k}`)} ${t('mujun.col.weight')}` })),
          h('td', null, input(`groups.${g}.${k}.benchmark`, s.groups[g][k].benchmark, { min: 0, 'aria-label': `${t(`mujun.ind.${k}`)} ${t('mujun.col.benchmark')}` }))))))));
    card.addEventListener('input', update);
    update();
    return card;
  };
  const head = h('section', { class: 'card mj-settings-head' },
    s.default ? alertBox(t('mujun.settings.is_default'), 'warn') : null,
    h('div', { class: 'form-grid' },
      h('div', { class: 'field' }, h('label', { for: yearId, class: 'field-label' }, t('mujun.year')), yearIn),
      h('div', { class: 'field' }, h('label', { for: `${yearId}-m`, class: 'field-label' }, t('mujun.settings.method')), methodSel),
      h('div', { class: 'field' }, h('label', { for: `${yearId}-cap`, class: 'field-label' }, t('mujun.settings.cap')),
        input('cap', s.cap, { min: 1, max: 10, id: `${yearId}-cap` }), h('div', { class: 'field-hint' }, t('mujun.settings.cap.hint'))),
      h('div', { class: 'field' }, h('span', { class: 'field-label' }, t('mujun.settings.thresholds')),
        h('div', { class: 'inline mj-thresholds' }, ['A', 'B', 'C'].map((c) => h('label', null, classBadge(c), ' ≥ ', input(`thresholds.${c}`, s.thresholds[c], { min: 0 })))))));
  const save = h('button', { type: 'submit', class: 'btn btn-primary' }, t('action.save'));
  const form = h('form', { class: 'mj-settings', novalidate: true }, errBox, head, groupCard('large'), groupCard('small'),
    writable ? h('div', { class: 'form-actions' }, save) : null);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = (p) => Number(inputs.get(p).value);
    const body = { method: methodSel.value, cap: v('cap'), thresholds: { A: v('thresholds.A'), B: v('thresholds.B'), C: v('thresholds.C') }, groups: {} };
    for (const g of ['large', 'small']) {
      body.groups[g] = {};
      for (const k of INDICATORS) body.groups[g][k] = { weight: v(`groups.${g}.${k}.weight`), benchmark: v(`groups.${g}.${k}.benchmark`) };
    }
    for (const el of inputs.values()) el.removeAttribute('aria-invalid');
    errBox.replaceChildren();
    save.disabled = true;
    try {
      await api.put(`/api/mujun/settings/${year}`, body);
      toast(t('mujun.settings.saved', { year }));
      ctx.refresh();
    } catch (err) {
      save.disabled = false;
      if (err instanceof ApiError && err.fields.length) {
        for (const f of err.fields) { const el = inputs.get(f.field); if (el) el.setAttribute('aria-invalid', 'true'); }
        mount(errBox, alertBox(err.fields.map((f) => `${f.field}: ${f.message}`).join('；')));
      } else mount(errBox, alertBox(errorMessage(err)));
    }
  });
  mount(ctx.main, pageHeader({ title: 'mujun.settings.title', subtitle: 'mujun.settings.intro' }), form);
}

// ---------------------------------------------------------------- figures and import

const enterpriseNames = new Map();
async function loadEnterprises() {
  if (!can('org.read')) return [];
  try {
    const r = await api.get('/api/orgs', { kind: 'enterprise', limit: 200, sort: 'name' });
    for (const o of r.items) enterpriseNames.set(o.id, o.name);
    return r.items.map((o) => ({ value: String(o.id), label: () => o.name }));
  } catch (_) { return []; }
}
const numField = (name, valueType = 'number') => ({ name, label: `mujun.fig.${name}`, type: 'number', valueType, min: 0 });
const smallOptions = () => [{ value: 'false', label: 'mujun.fig.small.false' }, { value: 'true', label: 'mujun.fig.small.true' }];

const figures = resourceModule({
  base: '/mujun/figures',
  endpoint: '/api/mujun/figures',
  readPerm: 'mujun.read',
  writePerm: 'mujun.write',
  prefix: 'mujun.fig',
  entity: 'mujun_figure',
  nav: { label: 'nav.mujun.figures', group: 'mujun', order: 30 },
  defaultSort: '',
  columns: [
    { field: 'org_name', label: 'mujun.fig.org_name', sort: true, href: (r) => `#/mujun/figures/${r.id}`, className: 'col-wide' },
    { field: 'year', label: 'mujun.fig.year', sort: true },
    { field: 'land_mu', label: 'mujun.fig.land_mu', sort: true, className: 'num', render: (r) => num(r.land_mu) },
    { field: 'tax', label: 'mujun.fig.tax', sort: true, className: 'num', render: (r) => num(r.tax) },
    { field: 'added_value', label: 'mujun.fig.added_value', sort: true, className: 'num', render: (r) => num(r.added_value) },
    { field: 'small', label: 'mujun.fig.small', render: (r) => t(`mujun.group.${r.small ? 'small' : 'large'}`) },
  ],
  filters: [{ name: 'small', label: 'mujun.fig.small', options: [{ value: '0', label: 'mujun.group.large' }, { value: '1', label: 'mujun.group.small' }] }],
  fields: [
    { name: 'org_id', label: 'mujun.fig.org_id', type: 'select', valueType: 'int', required: true, options: loadEnterprises, wide: true },
    { name: 'year', label: 'mujun.fig.year', type: 'number', valueType: 'int', required: true, min: 2000, max: 2100 },
    { ...numField('land_mu'), required: true },
    numField('tax'), numField('added_value'), numField('revenue'), numField('energy'), numField('emissions'),
    numField('rd_spend'), numField('employees', 'int'), numField('electricity'),
    { name: 'small', label: 'mujun.fig.small', type: 'select', hint: 'mujun.fig.small.hint', options: smallOptions() },
  ],
  defaults: () => ({ year: thisYear() - 1 }),
  titleOf: (r) => `${r.org_name} · ${r.year}`,
  toBody: (v) => ({ ...v, small: v.small === null || v.small === undefined ? null : v.small === 'true' || v.small === true }),
  detail: ['org_name', 'year', 'land_mu', 'tax', 'added_value', 'revenue', 'energy', 'emissions', 'rd_spend', 'employees', 'electricity', 'small', 'created_at', 'updated_at'].map((field) => ({ field })),
  formatValue: (field, value) => {
    if (field === 'small') return t(`mujun.group.${value ? 'small' : 'large'}`);
    if (field === 'org_id') return enterpriseNames.get(value) || (value === null ? null : `#${value}`);
    return undefined;
  },
  prepare: loadEnterprises,
});

const IMPORT_HEADERS = ['企业名称', '统一社会信用代码', '年度', '用地面积(亩)', '税收(万元)', '增加值(万元)', '营业收入(万元)',
  '综合能耗(吨标准煤)', '排放量(吨)', '研发经费(万元)', '从业人数', '用电量(万千瓦时)', '企业规模'];

function mujunImportPage(ctx) {
  const id = nextId('mj');
  const yearIn = h('input', { id, name: 'year', type: 'number', class: 'input input-year', min: 2000, max: 2100, value: String(validYear(ctx.query.year) || thisYear() - 1) });
  importPage(ctx, {
    title: 'mujun.import.title', intro: 'mujun.import.intro', endpoint: '/api/mujun/figures/import',
    back: { href: '#/mujun/figures', label: 'nav.mujun.figures' }, view: 'mujun.import.view',
    headers: IMPORT_HEADERS, required: ['用地面积(亩)'], values: 'mujun.import.values', template: 'mujun.import.template',
    extra: h('div', { class: 'field' }, h('label', { for: id, class: 'field-label' }, t('mujun.import.year')), yearIn),
    query: () => ({ year: validYear(yearIn.value) || '' }),
  });
}

// an import link on the figures list for writers
const figureList = figures.routes.find((r) => r.path === '/mujun/figures');
const listRender = figureList.render;
figureList.render = async (ctx) => {
  await listRender(ctx);
  if (can('mujun.write') && ctx.isCurrent()) {
    const actions = ctx.main.querySelector('.page-actions');
    if (actions) actions.prepend(linkButton('#/mujun/import', 'mujun.import'));
  }
};

const mineVisible = () => can('request.write_own') && !can('mujun.read') && !!user() && user().org_id !== null;

export default {
  nav: [
    { href: '#/mujun', match: '/mujun', perm: 'mujun.read', label: 'nav.mujun.scores', group: 'mujun', order: 10, exact: true },
    { href: '#/mujun/report', match: '/mujun/report', perm: 'mujun.read', label: 'nav.mujun.report', group: 'mujun', order: 20 },
    ...figures.nav,
    { href: '#/mujun/settings', match: '/mujun/settings', perm: 'mujun.read', label: 'nav.mujun.settings', group: 'mujun', order: 40 },
    { href: '#/mujun/mine', match: '/mujun/mine', visible: mineVisible, label: 'nav.mujun.mine', group: 'mujun', order: 50 },
  ],
  routes: [
    { path: '/mujun', perm: 'mujun.read', render: scoresPage },
    { path: '/mujun/report', perm: 'mujun.read', render: reportPage },
    { path: '/mujun/settings', perm: 'mujun.read', render: settingsPage },
    { path: '/mujun/mine', perm: 'request.write_own', render: minePage },
    { path: '/mujun/import', perm: 'mujun.write', render: mujunImportPage },
    ...figures.routes,
  ],
};

