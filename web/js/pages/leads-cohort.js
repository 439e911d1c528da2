// 签约项目跟踪 Cohort — GET /api/reports/cohort?from&to: the leads first signed in a period followed
// through registration, construction start, joint acceptance and production, with how many reached each
// stage and the median days between stages; every lead links to its lead, key project and enterprise.
import { t, addMessages } from '../i18n.js';
import { api } from '../api.js';
import { replaceQuery } from '../router.js';
import { fmtDate, fmtNumber } from '../format.js';
import { h, mount, pageHeader, loadingBlock, errorBlock } from '../ui.js';
import { todayChina } from './leads-common.js';
import { periodForm } from './leads-report.js';

addMessages({
  zh: {
    'nav.cohort': '签约项目跟踪',
    'cohort.intro': '统计期间内首次签约的项目，跟踪其注册、开工、联合验收与投产',
    'cohort.signed': '期间签约项目 {n} 个',
    'cohort.stage': '阶段',
    'cohort.reached': '已到达（个）',
    'cohort.share': '占签约',
    'cohort.median_prev': '距上一阶段（中位天数）',
    'cohort.median_sign': '距签约（中位天数）',
    'cohort.leads': '项目明细',
    'cohort.code': '编号',
    'cohort.project': '项目',
    'cohort.key_project': '重点项目',
    'cohort.enterprise': '落地企业',
    'cohort.signed_on': '签约',
    'cohort.registered_on': '注册',
    'cohort.started_on': '开工',
    'cohort.accepted_on': '验收',
    'cohort.producing_on': '投产',
    'cohort.none': '该期间没有签约项目。',
  },
  en: {
    'nav.cohort': 'Signed-lead cohort',
    'cohort.intro': 'Leads first signed in the period, followed to registration, construction start, joint acceptance and production',
    'cohort.signed': '{n} leads signed in the period',
    'cohort.stage': 'Stage',
    'cohort.reached': 'Reached',
    'cohort.share': 'Of signed',
    'cohort.median_prev': 'Median days from previous stage',
    'cohort.median_sign': 'Median days from signing',
    'cohort.leads': 'Leads',
    'cohort.code': 'Code',
    'cohort.project': 'Project',
    'cohort.key_project': 'Key project',
    'cohort.enterprise': 'Enterprise',
    'cohort.signed_on': 'Signed',
    'cohort.registered_on': 'Registered',
    'cohort.started_on': 'Started',
    'cohort.accepted_on': 'Accepted',
    'cohort.producing_on': 'Producing',
    'cohort.none': 'No lead was signed in this period.',
  },
});

const DAYS = ['signed_on', 'registered_on', 'started_on', 'accepted_on', 'producing_on'];
const days = (v) => (v === null || v === undefined ? '—' : fmtNumber(v, 1));

function stagesTable(r) {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'data-table cohort-stages' },
    h('caption', { class: 'visually-hidden' }, t('nav.cohort')),
    h('thead', null, h('tr', null,
      h('th', { scope: 'col' }, t('cohort.stage')), h('th', { scope: 'col', class: 'num' }, t('cohort.reached')),
      h('th', { scope: 'col', class: 'num' }, t('cohort.share')), h('th', { scope: 'col', class: 'num' }, t('cohort.median_prev')),
      h('th', { scope: 'col', class: 'num' }, t('cohort.median_sign')))),
    h('tbody', null, r.stages.map((s) => h('tr', { dataset: { stage: s.stage } },
      h('td', { dataset: { label: t('cohort.stage') } }, s.label),
      h('td', { class: 'num', dataset: { label: t('cohort.reached') } }, String(s.reached)),
      h('td', { class: 'num', dataset: { label: t('cohort.share') } }, r.signed ? `${fmtNumber((100 * s.reached) / r.signed, 1)}%` : '—'),
      h('td', { class: 'num', dataset: { label: t('cohort.median_prev') } }, days(s.median_days_from_previous)),
      h('td', { class: 'num', dataset: { label: t('cohort.median_sign') } }, days(s.median_days_from_signing)))))));
}

function leadsTable(r) {
  const link = (href, text) => (href ? h('a', { href, class: 'row-link' }, text) : text);
  return h('div', { class: 'table-wrap' }, h('table', { class: 'data-table cohort-leads' },
    h('caption', { class: 'visually-hidden' }, t('cohort.leads')),
    h('thead', null, h('tr', null,
      ['cohort.code', 'cohort.project', 'cohort.key_project', 'cohort.enterprise'].map((k) => h('th', { scope: 'col' }, t(k))),
      DAYS.map((k) => h('th', { scope: 'col', class: 'nowrap' }, t(`cohort.${k}`))))),
    h('tbody', null, r.leads.map((l) => h('tr', { dataset: { id: l.id } },
      h('td', { class: 'mono nowrap', dataset: { label: t('cohort.code') } }, link(`#/leads/${l.id}`, l.code)),
      h('td', { dataset: { label: t('cohort.project') } }, l.project_name),
      h('td', { dataset: { label: t('cohort.key_project') } }, l.project_id ? link(`#/projects/${l.project_id}`, l.project_code || `#${l.project_id}`) : '—'),
      h('td', { dataset: { label: t('cohort.enterprise') } }, l.enterprise_org_id ? link(`#/orgs/${l.enterprise_org_id}`, l.enterprise_name) : '—'),
      DAYS.map((k) => h('td', { class: 'nowrap', dataset: { label: t(`cohort.${k}`) } }, l[k] ? fmtDate(l[k]) : '—')))))));
}

async function cohortPage(ctx) {
  ctx.setTitle(t('nav.cohort'));
  const today = todayChina();
  const state = { from: ctx.query.from || `${today.slice(0, 4)}-01-01`, to: ctx.query.to || today };
  const body = h('div', { class: 'cohort-body' });
  const toolbar = periodForm(state, () => {
    replaceQuery({ from: state.from, to: state.to });
    load();
  });

  async function load() {
    mount(body, loadingBlock());
    let r;
    try {
      r = await api.get('/api/reports/cohort', { from: state.from, to: state.to });
    } catch (err) {
      if (ctx.isCurrent()) mount(body, errorBlock(err));
      return;
    }
    if (!ctx.isCurrent()) return;
    mount(body,
      h('section', { class: 'card' }, h('h2', { class: 'card-title cohort-signed', dataset: { n: r.signed } }, t('cohort.signed', { n: r.signed })),
        r.signed ? stagesTable(r) : h('p', { class: 'muted' }, t('cohort.none'))),
      r.signed ? h('section', { class: 'card' }, h('h2', { class: 'card-title' }, t('cohort.leads')), leadsTable(r)) : null);
  }

  mount(ctx.main, pageHeader({ title: 'nav.cohort', subtitle: 'cohort.intro' }), h('section', { class: 'card list-view' }, toolbar), body);
  await load();
}

export default {
  nav: [{ href: '#/invest/cohort', match: '/invest/cohort', perm: 'lead.read', label: 'nav.cohort', group: 'invest', order: 65 }],
  routes: [{ path: '/invest/cohort', perm: 'lead.read', render: cohortPage }],
};
