// 联合验收 验收分析 — a period of submitted cases: counts, average working days, days saved, and a bar
// chart of parallel vs serial working days per case (GET /api/reports/acceptance).
import { t } from '../i18n.js';
import { api } from '../api.js';
import { can } from '../session.js';
import { replaceQuery } from '../router.js';
import { fmtDate, fmtNumber } from '../format.js';
import { chart } from '../charts.js';
import { h, mount, pageHeader, button, alertBox, errorMessage, loadingBlock, nextId } from '../ui.js';
import { caseStatusBadge, overdueBadge, todayChina } from './acceptance-common.js';

// the report is for approval officers, admin and leaders
const canReport = () => can('acceptance_report.read');

function statBox(key, value, cls) {
  return h('div', { class: ['inv-stat', cls], dataset: { stat: key } },
    h('span', { class: 'inv-stat-label' }, t(key)), h('span', { class: 'inv-stat-value' }, value));
}

async function reportPage(ctx) {
  ctx.setTitle(t('acc.report'));
  const today = todayChina();
  const state = { from: ctx.query.from || `${today.slice(0, 4)}-01-01`, to: ctx.query.to || today };
  const fId = nextId('acc-from'); const tId = nextId('acc-to');
  const fromIn = h('input', { id: fId, type: 'date', name: 'from', class: 'input', value: state.from });
  const toIn = h('input', { id: tId, type: 'date', name: 'to', class: 'input', value: state.to });
  const out = h('div', { class: 'acc-report-body' });
  const form = h('form', { class: 'list-toolbar card acc-period', onSubmit: (e) => { e.preventDefault(); load(); } },
    h('div', { class: 'toolbar-field' }, h('label', { for: fId }, t('acc.report.from')), fromIn),
    h('div', { class: 'toolbar-field' }, h('label', { for: tId }, t('acc.report.to')), toIn),
    h('div', { class: 'toolbar-buttons' }, button('acc.report.apply', { kind: 'primary', type: 'submit' })));

  async function load() {
    state.from = fromIn.value; state.to = toIn.value;
    replaceQuery({ from: state.from, to: state.to });
    mount(out, loadingBlock());
    let r;
    try {
      r = await api.get('/api/reports/acceptance', { from: state.from, to: state.to });
    } catch (err) {
      if (ctx.isCurrent()) mount(out, h('div', { class: 'card' }, alertBox(errorMessage(err))));
      return;
    }
    if (!ctx.isCurrent()) return;
    const cases = r.cases || [];
    const chartEl = h('div', { class: 'chart chart-tall acc-chart' });
    mount(out,
      h('p', { class: 'muted inv-period-text' }, t('acc.report.period', { from: fmtDate(r.from), to: fmtDate(r.to) })),
      h('div', { class: 'inv-stats acc-stats' },
        statBox('acc.report.count', fmtNumber(r.count)),
        statBox('acc.report.open', fmtNumber(r.open)),
        statBox('acc.report.overdue', fmtNumber(r.overdue), r.overdue ? 'inv-stat-link' : null),
        statBox('acc.report.passed', fmtNumber(r.passed)),
        statBox('acc.report.average', fmtNumber(r.average_days, 1)),
        statBox('acc.report.saved', fmtNumber(r.days_saved))),
      h('section', { class: 'card' }, h('h2', { class: 'card-title' }, t('acc.report.chart')),
        cases.length ? chartEl : h('p', { class: 'chart-empty muted' }, t('acc.report.empty'))),
      h('section', { class: 'card' }, h('h2', { class: 'card-title' }, t('acc.report.cases')),
        h('div', { class: 'table-wrap' }, h('table', { class: 'data-table compact acc-report-cases' },
          h('thead', null, h('tr', null, ['acc.title', 'acc.applicant', 'acc.status', 'acc.submitted_on', 'acc.due_on',
            'acc.report.parallel', 'acc.report.serial', 'acc.measures.saved', 'acc.submissions'].map((k) => h('th', { scope: 'col' }, t(k))))),
          h('tbody', null, cases.length ? cases.map((c) => h('tr', { class: c.overdue ? 'row-overdue' : null, dataset: { id: c.id } },
            h('td', { dataset: { label: t('acc.title') } }, h('a', { href: `#/acceptance/cases/${c.id}` }, c.title)),
            h('td', { dataset: { label: t('acc.applicant') } }, c.applicant_name || '—'),
            h('td', { dataset: { label: t('acc.status') } }, h('span', { class: 'badge-row' }, caseStatusBadge(c.status), overdueBadge(c.overdue))),
            h('td', { class: 'nowrap', dataset: { label: t('acc.submitted_on') } }, fmtDate(c.submitted_on) || '—'),
            h('td', { class: 'nowrap', dataset: { label: t('acc.due_on') } }, fmtDate(c.due_on) || '—'),
            h('td', { class: 'num', dataset: { label: t('acc.report.parallel') } }, fmtNumber(c.parallel_days)),
            h('td', { class: 'num', dataset: { label: t('acc.report.serial') } }, fmtNumber(c.serial_days)),
            h('td', { class: 'num', dataset: { label: t('acc.measures.saved') } }, fmtNumber(c.days_saved)),
            h('td', { class: 'num', dataset: { label: t('acc.submissions') } }, fmtNumber(c.submissions))))
            : h('tr', { class: 'empty-row' }, h('td', { colspan: 9 }, t('acc.report.empty'))))))));
    if (cases.length) {
      chart(chartEl, {
        tooltip: { trigger: 'axis' },
        legend: { data: [t('acc.report.parallel'), t('acc.report.serial')] },
        grid: { left: 40, right: 16, top: 36, bottom: 60, containLabel: true },
        xAxis: { type: 'category', data: cases.map((c) => `#${c.id} ${c.title}`), axisLabel: { interval: 0, rotate: cases.length > 4 ? 30 : 0, width: 120, overflow: 'truncate' } },
        yAxis: { type: 'value', minInterval: 1, name: t('acc.days_used') },
        series: [
          { name: t('acc.report.parallel'), type: 'bar', data: cases.map((c) => c.parallel_days), itemStyle: { color: '#1f6fd1' } },
          { name: t('acc.report.serial'), type: 'bar', data: cases.map((c) => c.serial_days), itemStyle: { color: '#b8c4d6' } },
        ],
      }).catch(() => mount(chartEl, alertBox(t('error.unknown'))));
    }
  }

  mount(ctx.main, pageHeader({ title: 'acc.report' }), form, out);
  load();
}

export default {
  nav: [{ href: '#/acceptance/report', match: '/acceptance/report', visible: canReport, label: 'nav.acc.report', group: 'acceptance', order: 50 }],
  routes: [{ path: '/acceptance/report', perm: () => canReport(), render: reportPage }],
};
