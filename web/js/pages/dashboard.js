// 领导驾驶舱 Leadership dashboard — the home page for users who may read a report.
// Every figure is the report's own (no new queries): GET /api/reports/kaifugong (project.read),
// /api/projects lights (project.read), /api/reports/investment (lead.read),
// /api/reports/acceptance (admin, leader, approval officer). A tile shows only when the user may
// read its endpoint; every figure links to the list (or report) it counts.
//
//   canDashboard() → boolean        may this user see any tile? (otherwise app.js keeps the simple home)
//   dashboardPage(ctx)              render(ctx) for '/'
import { t, addMessages, getLang } from '../i18n.js';
import { api } from '../api.js';
import { can, getSession } from '../session.js';
import { replaceQuery, hrefFor } from '../router.js';
import { fmtWan, fmtYi, fmtPercent, fmtNumber } from '../format.js';
import { chart } from '../charts.js';
import { h, mount, pageHeader, loadingBlock, errorBlock, alertBox, nextId } from '../ui.js';

addMessages({
  zh: {
    'dash.title': '领导驾驶舱',
    'dash.paren': '（{x}）',
    'dash.as_of': '截至日期',
    'dash.today': '今天',
    'dash.briefing': '工作简报',
    'dash.kfg': '开复工率',
    'dash.kfg.counts.started': '已开复工{n}个',
    'dash.kfg.counts.due': '应开复工{n}个',
    'dash.kfg.note': '{year}年度清单，截至{as_of}；{rounding}。',
    'dash.invest': '本年完成投资',
    'dash.invest.plan': '年度计划 {plan}（{plan_yi}），完成 {pct}',
    'dash.invest.note': '{year}年1月1日至{as_of}各期填报的本期完成投资之和，对比年度清单的计划投资。',
    'dash.lights': '预警项目',
    'dash.lights.red': '红灯 {n} 个',
    'dash.lights.yellow': '黄灯 {n} 个',
    'dash.lights.note': '{year}年度清单的项目，按{as_of}的进度判定。',
    'dash.neg': '本月新增洽谈',
    'dash.neg.target': '月度目标 {n} 个',
    'dash.neg.note': '{month}，移入洽谈阶段的项目数。',
    'dash.signed': '本季度签约',
    'dash.signed.count': '{n} 个',
    'dash.signed.total': '总投资 {yi}',
    'dash.signed.note': '{from}至{to}签约的项目（同一项目只计一次）。',
    'dash.stalled': '停滞的已签约项目',
    'dash.stalled.note': '签约后至开工前，超过规定天数无推进、无联系。',
    'dash.acc': '联合验收',
    'dash.acc.open': '办理中 {n} 件',
    'dash.acc.overdue': '超期 {n} 件',
    'dash.acc.avg': '平均用时 {n} 个工作日',
    'dash.acc.note': '{from}至{to}受理的案件。',
    'dash.service': '企业服务',
    'dash.mujun': '亩均效益评价',
    'dash.mujun.class': '{c}类 {n} 家',
    'dash.mujun.note': '{year} 年度参评企业 {n} 家（截至日期所在年度及以前的最近一次评价）',
    'dash.mujun.none': '暂无亩均评价数据',
    'dash.service.open': '未办结诉求 {n} 件',
    'dash.service.overdue': '逾期 {n} 件',
    'dash.service.sat': '满意度 {x} 分（{n} 件评价）',
    'dash.service.sat.none': '暂无企业评价',
    'dash.service.note': '截至 {as_of} 的全部企业诉求；满意度满分 5 分',
    'dash.chart.kfg': '各园区开复工情况',
    'dash.chart.neg': '每月新增洽谈与月度目标',
    'dash.due': '应开复工',
    'dash.started': '已开复工',
    'dash.negotiations': '新增洽谈',
    'dash.target': '月度目标',
    'dash.empty': '暂无数据',
    'dash.unavailable': '无法读取',
  },
  en: {
    'dash.title': 'Leadership dashboard',
    'dash.paren': ' ({x})',
    'dash.as_of': 'As of',
    'dash.today': 'Today',
    'dash.briefing': 'Work briefing',
    'dash.kfg': 'Construction start rate',
    'dash.kfg.counts.started': '{n} started',
    'dash.kfg.counts.due': '{n} due',
    'dash.kfg.note': 'The {year} list, as of {as_of}; {rounding}.',
    'dash.invest': 'Investment completed this year',
    'dash.invest.plan': 'Year plan {plan} ({plan_yi}), {pct} completed',
    'dash.invest.note': 'Investment reported from January 1, {year} to {as_of}, against the planned investment of the year\'s list.',
    'dash.lights': 'Projects with warnings',
    'dash.lights.red': '{n} red',
    'dash.lights.yellow': '{n} yellow',
    'dash.lights.note': 'Projects on the {year} list, judged as of {as_of}.',
    'dash.neg': 'New negotiations this month',
    'dash.neg.target': 'Monthly target {n}',
    'dash.neg.note': '{month}: leads moved to negotiation.',
    'dash.signed': 'Signed this quarter',
    'dash.signed.count': '{n}',
    'dash.signed.total': 'Total investment {yi}',
    'dash.signed.note': 'Leads signed {from} to {to} (each counted once).',
    'dash.stalled': 'Stalled signed leads',
    'dash.stalled.note': 'Signed but not started, with no move and no contact for the set number of days.',
    'dash.acc': 'Joint acceptance',
    'dash.acc.open': '{n} open',
    'dash.acc.overdue': '{n} overdue',
    'dash.acc.avg': 'Average {n} working days',
    'dash.acc.note': 'Cases submitted {from} to {to}.',
    'dash.service': 'Enterprise service',
    'dash.mujun': 'Output per mu (亩均)',
    'dash.mujun.class': 'Class {c}: {n}',
    'dash.mujun.note': '{n} enterprises evaluated for {year} (the latest evaluation up to the as-of year)',
    'dash.mujun.none': 'No 亩均 evaluation yet',
    'dash.service.open': '{n} open requests',
    'dash.service.overdue': '{n} overdue',
    'dash.service.sat': 'Satisfaction {x} of 5 ({n} ratings)',
    'dash.service.sat.none': 'No ratings yet',
    'dash.service.note': 'All enterprise requests as of {as_of}; satisfaction out of 5',
    'dash.chart.kfg': 'Construction starts by park',
    'dash.chart.neg': 'New negotiations per month against the target',
    'dash.due': 'Due',
    'dash.started': 'Started',
    'dash.negotiations': 'New negotiations',
    'dash.target': 'Monthly target',
    'dash.empty': 'No data',
    'dash.unavailable': 'Not available',
  },
});

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The zone's business day: China's (UTC+8). */
function todayChina() {
  return new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
}

/** '2026年11月28日' in Chinese, '2026-11-28' in English. */
function fmtDay(d) {
  if (getLang() === 'en') return d;
  const [y, m, dd] = d.split('-').map(Number);
  return `${y}年${m}月${dd}日`;
}

function fmtMonth(ym) {
  if (getLang() === 'en') return ym;
  const [y, m] = ym.split('-').map(Number);
  return `${y}年${m}月`;
}

const canAccReport = () => can('acceptance_report.read');

const canSvcReport = () => can('service_report.read');
const canMujun = () => can('mujun.read');

/** The class distribution of the latest 亩均 year up to the as-of year, or null when there is none. */
async function mujunLatest(d) {
  const y = Number(d.slice(0, 4));
  const s = await api.get('/api/mujun/scores', { year: y });
  const year = (s.years || []).map((x) => x.year).filter((x) => x <= y).sort((a, b) => b - a)[0];
  if (!year) return null;
  return api.get('/api/mujun/report', { year });
}

export function canDashboard() {
  return can('project.read') || can('lead.read') || canAccReport() || canSvcReport() || canMujun();
}

function quarterStart(d) {
  const m = Number(d.slice(5, 7));
  const qm = Math.floor((m - 1) / 3) * 3 + 1;
  return `${d.slice(0, 4)}-${String(qm).padStart(2, '0')}-01`;
}

/** A figure that links to the list it counts. */
function fig(href, text, cls, data) {
  return h('a', { class: ['dash-fig'].concat(cls).filter(Boolean).join(' '), href, dataset: data || {} }, text);
}

function tile(key, title, ...body) {
  return h('section', { class: 'card dash-tile', dataset: { tile: key } }, h('h2', { class: 'dash-tile-title' }, t(title)), ...body);
}

export function dashboardPage(ctx) {
  ctx.setTitle(t('dash.title'));
  const s = getSession();
  const state = { as_of: ISO.test(ctx.query.as_of || '') ? ctx.query.as_of : todayChina() };

  const asOfId = nextId('dash');
  const asOf = h('input', { id: asOfId, name: 'as_of', type: 'date', class: 'input', value: state.as_of, required: true });
  const todayBtn = h('button', { type: 'button', class: 'btn btn-link', onClick: () => { asOf.value = todayChina(); changed(); } }, t('dash.today'));
  asOf.addEventListener('change', changed);
  const controls = h('form', { class: 'card dash-controls', onSubmit: (e) => { e.preventDefault(); changed(); } },
    h('div', { class: 'toolbar-field' }, h('label', { for: asOfId }, t('dash.as_of')), h('div', { class: 'inline' }, asOf, todayBtn)),
    can('briefing.read') ? h('a', { class: 'btn dash-briefing', href: '#/briefing' }, t('dash.briefing')) : null);
  const out = h('div', { class: 'dash-out', 'aria-live': 'polite' });
  mount(ctx.main,
    pageHeader({ title: 'dash.title', subtitle: () => [s.zone ? s.zone.name : '', s.user.name || s.user.username].filter(Boolean).join(' · ') }),
    controls, out);

  function changed() {
    if (ISO.test(asOf.value)) state.as_of = asOf.value;
    replaceQuery({ as_of: state.as_of === todayChina() ? '' : state.as_of });
    load();
  }

  let seq = 0;
  async function load() {
    const my = ++seq;
    const d = state.as_of;
    const year = d.slice(0, 4);
    const yearStart = `${year}-01-01`;
    const qs = quarterStart(d);
    const get = (cond, path, q) => (cond ? api.get(path, q).then((v) => ({ v }), (err) => ({ err })) : Promise.resolve(null));
    if (!out.firstChild) mount(out, loadingBlock());
    out.classList.add('is-loading');
    const [kfg, lights, invY, invQ, acc, svc, mj] = await Promise.all([
      get(can('project.read'), '/api/reports/kaifugong', { as_of: d, by: 'park', projects: 0 }),
      get(can('project.read'), '/api/projects', { year, as_of: d, limit: 1 }),
      get(can('lead.read'), '/api/reports/investment', { from: yearStart, to: d }),
      get(can('lead.read'), '/api/reports/investment', { from: qs, to: d }),
      get(canAccReport(), '/api/reports/acceptance', { from: yearStart, to: d }),
      get(canSvcReport(), '/api/reports/service', { as_of: d }),
      canMujun() ? mujunLatest(d).then((v) => ({ v }), (err) => ({ err })) : Promise.resolve(null),
    ]);
    if (my !== seq || !ctx.isCurrent()) return;
    out.classList.remove('is-loading');
    render({ d, year, yearStart, qs, kfg, lights, invY, invQ, acc, svc, mj });
  }

  function render({ d, year, yearStart, qs, kfg, lights, invY, invQ, acc, svc, mj }) {
    const day = fmtDay(d);
    const asOfQ = d === todayChina() ? '' : d;
    const tiles = [];
    const charts = [];
    const failed = (key, title, x) => tile(key, title, x.err.status === 403 ? h('p', { class: 'muted' }, t('dash.unavailable')) : errorBlock(x.err));

    if (kfg) {
      if (kfg.err) tiles.push(failed('kfg', 'dash.kfg', kfg));
      else {
        const r = kfg.v;
        const href = hrefFor('/kaifugong', { as_of: asOfQ, year: r.year });
        tiles.push(tile('kfg', 'dash.kfg',
          h('p', { class: 'dash-big' }, fig(href, r.rate_text || '—', 'dash-kfg-rate', { due: r.due, started: r.started })),
          h('p', { class: 'dash-counts' },
            fig(href, t('dash.kfg.counts.started', { n: r.started }), 'dash-kfg-started'), h('span', { class: 'dash-sep' }, '/'),
            fig(href, t('dash.kfg.counts.due', { n: r.due }), 'dash-kfg-due')),
          h('p', { class: 'dash-note' }, t('dash.kfg.note', { year: r.year, as_of: fmtDay(r.as_of), rounding: r.rounding || '' }))));
        const inv = r.investment || {};
        const pct = inv.planned ? fmtPercent(inv.percent) : '—';
        tiles.push(tile('invest', 'dash.invest',
          h('p', { class: 'dash-big' }, fig(href, fmtWan(inv.completed || 0), 'dash-invest-done'),
            h('span', { class: 'dash-sub' }, t('dash.paren', { x: fmtYi(inv.completed || 0, 2) }))),
          h('div', { class: 'progress-bar', role: 'img', 'aria-label': pct },
            h('span', { class: 'progress-fill', style: `width:${Math.max(0, Math.min(100, Number(inv.percent) || 0))}%` })),
          h('p', { class: 'dash-line' }, t('dash.invest.plan', { plan: fmtWan(inv.planned || 0), plan_yi: fmtYi(inv.planned || 0, 2), pct })),
          h('p', { class: 'dash-note' }, t('dash.invest.note', { year: r.year, as_of: fmtDay(r.as_of) }))));
        const groups = r.groups || [];
        const el = h('div', { class: 'chart dash-chart', role: 'img', 'aria-label': t('dash.chart.kfg') });
        charts.push(h('section', { class: 'card dash-chart-card' }, h('h2', { class: 'card-title' }, t('dash.chart.kfg')),
          groups.length ? el : h('p', { class: 'muted' }, t('dash.empty'))));
        if (groups.length) {
          charts.draw = (charts.draw || []).concat(() => chart(el, {
            animation: false,
            textStyle: { fontFamily: getComputedStyle(document.body).fontFamily },
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
            legend: { bottom: 0 },
            grid: { left: 8, right: 8, top: 24, bottom: 32, containLabel: true },
            xAxis: { type: 'category', data: groups.map((g) => g.name), axisLabel: { interval: 0, hideOverlap: true } },
            yAxis: { type: 'value', minInterval: 1 },
            series: [
              { name: t('dash.due'), type: 'bar', data: groups.map((g) => g.due), itemStyle: { color: '#9fb6d6' }, barMaxWidth: 32 },
              { name: t('dash.started'), type: 'bar', data: groups.map((g) => g.started), itemStyle: { color: '#14427d' }, barMaxWidth: 32,
                label: { show: true, position: 'top', formatter: (p) => groups[p.dataIndex].rate_text || '' } },
            ],
          }).catch(() => el.replaceChildren(alertBox(t('error.unknown')))));
        }
      }
    }

    if (lights) {
      if (lights.err) tiles.push(failed('lights', 'dash.lights', lights));
      else {
        const l = lights.v.lights || {};
        tiles.push(tile('lights', 'dash.lights',
          h('p', { class: 'dash-lights' },
            fig(hrefFor('/projects', { light: 'red', year, as_of: asOfQ }), [h('span', { class: 'light-dot dash-dot-red', 'aria-hidden': 'true' }), t('dash.lights.red', { n: l.red || 0 })], 'dash-red', { n: l.red || 0 }),
            fig(hrefFor('/projects', { light: 'yellow', year, as_of: asOfQ }), [h('span', { class: 'light-dot dash-dot-yellow', 'aria-hidden': 'true' }), t('dash.lights.yellow', { n: l.yellow || 0 })], 'dash-yellow', { n: l.yellow || 0 })),
          h('p', { class: 'dash-note' }, t('dash.lights.note', { year, as_of: day }))));
      }
    }

    if (invY) {
      if (invY.err) tiles.push(failed('neg', 'dash.neg', invY));
      else {
        const r = invY.v;
        const month = d.slice(0, 7);
        const m = (r.monthly || []).find((x) => x.month === month) || { negotiations: 0, target: r.monthly_target };
        const monthHref = hrefFor('/invest/report', { from: `${month}-01`, to: d });
        tiles.push(tile('neg', 'dash.neg',
          h('p', { class: 'dash-big' }, fig(monthHref, String(m.negotiations), ['dash-neg', m.target && m.negotiations >= m.target ? 'is-met' : 'is-short'], { n: m.negotiations }),
            h('span', { class: 'dash-sub' }, ` / ${t('dash.neg.target', { n: fmtNumber(m.target ?? r.monthly_target) })}`)),
          h('p', { class: 'dash-note' }, t('dash.neg.note', { month: fmtMonth(month) }))));
        const monthly = r.monthly || [];
        const el = h('div', { class: 'chart dash-chart', role: 'img', 'aria-label': t('dash.chart.neg') });
        charts.push(h('section', { class: 'card dash-chart-card' }, h('h2', { class: 'card-title' }, t('dash.chart.neg')),
          monthly.length ? el : h('p', { class: 'muted' }, t('dash.empty'))));
        if (monthly.length) {
          charts.draw = (charts.draw || []).concat(() => chart(el, {
            animation: false,
            textStyle: { fontFamily: getComputedStyle(document.body).fontFamily },
            tooltip: { trigger: 'axis' },
            legend: { bottom: 0 },
            grid: { left: 8, right: 8, top: 24, bottom: 32, containLabel: true },
            xAxis: { type: 'category', data: monthly.map((x) => (getLang() === 'en' ? x.month.slice(5) : `${Number(x.month.slice(5))}月`)) },
            yAxis: { type: 'value', minInterval: 1 },
            series: [
              { name: t('dash.negotiations'), type: 'bar', itemStyle: { color: '#14427d' }, data: monthly.map((x) => ({ value: x.negotiations, itemStyle: { color: x.met ? '#1e7b45' : '#14427d' } })), barMaxWidth: 28 },
              { name: t('dash.target'), type: 'line', step: 'middle', symbol: 'none', data: monthly.map((x) => x.target), itemStyle: { color: '#b7141e' }, lineStyle: { type: 'dashed' } },
            ],
          }).catch(() => el.replaceChildren(alertBox(t('error.unknown')))));
        }
        tiles.push(tile('stalled', 'dash.stalled',
          h('p', { class: 'dash-big' }, fig(hrefFor('/leads', { stalled: '1' }), String(r.stalled ?? 0), ['dash-stalled', r.stalled ? 'is-bad' : null], { n: r.stalled ?? 0 })),
          h('p', { class: 'dash-note' }, t('dash.stalled.note'))));
      }
    }

    if (invQ) {
      if (invQ.err) tiles.push(failed('signed', 'dash.signed', invQ));
      else {
        const sg = invQ.v.signed || {};
        const href = hrefFor('/invest/report', { from: qs, to: d });
        tiles.push(tile('signed', 'dash.signed',
          h('p', { class: 'dash-big' }, fig(href, t('dash.signed.count', { n: sg.count || 0 }), 'dash-signed', { n: sg.count || 0 })),
          h('p', { class: 'dash-line' }, fig(href, t('dash.signed.total', { yi: fmtYi(sg.investment || 0, 1) }), 'dash-signed-total')),
          h('p', { class: 'dash-note' }, t('dash.signed.note', { from: fmtDay(qs), to: day }))));
      }
    }

    if (acc) {
      if (acc.err) tiles.push(failed('acc', 'dash.acc', acc));
      else {
        const r = acc.v;
        tiles.push(tile('acc', 'dash.acc',
          h('p', { class: 'dash-lights' },
            fig(hrefFor('/acceptance/report', { from: yearStart, to: d }), t('dash.acc.open', { n: r.open || 0 }), 'dash-acc-open', { n: r.open || 0 }),
            fig(hrefFor('/acceptance/cases', { overdue: '1' }), t('dash.acc.overdue', { n: r.overdue || 0 }), ['dash-acc-overdue', r.overdue ? 'is-bad' : null], { n: r.overdue || 0 })),
          h('p', { class: 'dash-line' }, fig(hrefFor('/acceptance/report', { from: yearStart, to: d }), t('dash.acc.avg', { n: fmtNumber(r.average_days || 0, 1) }), 'dash-acc-avg')),
          h('p', { class: 'dash-note' }, t('dash.acc.note', { from: fmtDay(yearStart), to: day }))));
      }
    }

    if (svc) {
      if (svc.err) tiles.push(failed('service', 'dash.service', svc));
      else {
        const q = svc.v.requests || {};
        tiles.push(tile('service', 'dash.service',
          h('p', { class: 'dash-lights' },
            fig(hrefFor('/service/requests', { state: 'open' }), t('dash.service.open', { n: q.open || 0 }), 'dash-svc-open', { n: q.open || 0 }),
            fig(hrefFor('/service/requests', { overdue: '1', as_of: asOfQ }), t('dash.service.overdue', { n: q.overdue || 0 }), ['dash-svc-overdue', q.overdue ? 'is-bad' : null], { n: q.overdue || 0 })),
          h('p', { class: 'dash-line' }, fig(hrefFor('/service/report', { as_of: asOfQ }),
            q.rated ? t('dash.service.sat', { x: fmtNumber(q.satisfaction, 1), n: q.rated }) : t('dash.service.sat.none'), 'dash-svc-sat')),
          h('p', { class: 'dash-note' }, t('dash.service.note', { as_of: day }))));
      }
    }

    if (mj) {
      if (mj.err) tiles.push(failed('mujun', 'dash.mujun', mj));
      else if (!mj.v) tiles.push(tile('mujun', 'dash.mujun', h('p', { class: 'muted' }, t('dash.mujun.none'))));
      else {
        const r = mj.v;
        const href = hrefFor('/mujun/report', { year: r.year });
        tiles.push(tile('mujun', 'dash.mujun',
          h('p', { class: 'dash-lights dash-mujun' }, ['A', 'B', 'C', 'D'].map((c) => fig(href, t('dash.mujun.class', { c, n: r.classes[c] || 0 }),
            ['dash-mujun-class', `mujun-class-${c}`], { class: c, n: r.classes[c] || 0 }))),
          h('p', { class: 'dash-note' }, t('dash.mujun.note', { year: r.year, n: r.count }))));
      }
    }

    mount(out, h('div', { class: 'dash-tiles' }, tiles), charts.length ? h('div', { class: 'dash-charts' }, charts) : null);
    for (const draw of charts.draw || []) draw();
  }

  load();
}
