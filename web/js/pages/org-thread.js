// One thread through an enterprise's life (GET /api/orgs/{id}/thread): the leads that became it, its key
// projects, their joint acceptance cases and its 亩均 scores by year — each a link to its own page, and only
// the parts the user may read (the API leaves the others out).
import { t, addMessages } from '../i18n.js';
import { api } from '../api.js';
import { fmtDate, fmtNumber } from '../format.js';
import { h, mount, errorBlock } from '../ui.js';

addMessages({
  zh: {
    'thread.title': '项目全生命周期',
    'thread.leads': '来源招商项目',
    'thread.projects': '重点项目',
    'thread.cases': '联合验收案件',
    'thread.mujun': '亩均效益评价',
    'thread.mujun.row': '{year}年度 {class}类，得分 {score}，第 {rank}/{count} 名',
    'thread.none': '暂无关联记录',
  },
  en: {
    'thread.title': 'Through its life',
    'thread.leads': 'From investment leads',
    'thread.projects': 'Key projects',
    'thread.cases': 'Joint acceptance cases',
    'thread.mujun': 'Output per mu (亩均)',
    'thread.mujun.row': '{year}: class {class}, score {score}, rank {rank} of {count}',
    'thread.none': 'Nothing linked yet',
  },
});

function part(title, items) {
  return h('div', { class: 'thread-part', dataset: { part: title } },
    h('h3', { class: 'thread-part-title' }, t(title)),
    h('ul', { class: 'thread-list' }, items.map((x) => h('li', null, x))));
}

/** A card that fills itself with the enterprise's thread. */
export function orgThread(orgId) {
  const body = h('div', { class: 'thread-body' });
  const card = h('section', { class: 'card org-thread' }, h('h2', { class: 'card-title' }, t('thread.title')), body);
  api.get(`/api/orgs/${orgId}/thread`).then((r) => {
    const parts = [];
    if ((r.leads || []).length) {
      parts.push(part('thread.leads', r.leads.map((l) => h('a', { href: `#/leads/${l.id}` }, `${l.code} ${l.project_name}`))));
    }
    if ((r.projects || []).length) {
      parts.push(part('thread.projects', r.projects.map((p) => h('a', { href: `#/projects/${p.id}` }, `${p.code} ${p.name}`))));
    }
    if ((r.acceptance_cases || []).length) {
      parts.push(part('thread.cases', r.acceptance_cases.map((c) => h('span', null,
        h('a', { href: `#/acceptance/cases/${c.id}` }, c.title), c.submitted_on ? h('span', { class: 'muted' }, ` ${fmtDate(c.submitted_on)}`) : null))));
    }
    if ((r.mujun || []).length) {
      parts.push(part('thread.mujun', r.mujun.map((y) => h('span', { class: 'thread-mujun', dataset: { year: y.year, class: y.row.class } },
        t('thread.mujun.row', { year: y.year, class: y.row.class, score: fmtNumber(y.row.total, 2), rank: y.row.rank, count: y.count })))));
    }
    mount(body, parts.length ? parts : h('p', { class: 'muted' }, t('thread.none')));
  }, (err) => mount(body, errorBlock(err)));
  return card;
}
