// 我的待办 Due next steps — GET /api/contacts/due?days=N[&all=1]: the next steps of each lead's latest 洽谈记录
// that are due within N days, overdue ones first and highlighted.
import { t } from '../i18n.js';
import { api } from '../api.js';
import { replaceQuery } from '../router.js';
import { fmtDate } from '../format.js';
import { h, mount, pageHeader, errorBlock, loadingBlock, nextId } from '../ui.js';
import { channelLabel, canCreateLead } from './leads-common.js';

const DAYS = [7, 14, 30, 90];

async function todoPage(ctx) {
  ctx.setTitle(t('nav.todo'));
  const state = { days: DAYS.includes(Number(ctx.query.days)) ? Number(ctx.query.days) : 7, all: ctx.query.all ? ctx.query.all === '1' : !canCreateLead() };
  const daysId = nextId('td');
  const scopeId = nextId('ts');
  const daysSel = h('select', { id: daysId, class: 'input' }, DAYS.map((d) => h('option', { value: String(d) }, t('todo.days', { n: d }))));
  daysSel.value = String(state.days);
  const scopeSel = h('select', { id: scopeId, class: 'input' },
    h('option', { value: '' }, t('todo.scope.mine')), h('option', { value: '1' }, t('todo.scope.all')));
  scopeSel.value = state.all ? '1' : '';
  const summary = h('p', { class: 'inv-todo-summary', role: 'status' });
  const body = h('div', { class: 'table-wrap' });

  async function load() {
    replaceQuery({ days: state.days === 7 ? '' : state.days, all: state.all === !canCreateLead() ? '' : (state.all ? '1' : '0') });
    mount(body, loadingBlock());
    let r;
    try {
      r = await api.get('/api/contacts/due', { days: state.days, all: state.all ? 1 : '' });
    } catch (err) {
      mount(body, errorBlock(err));
      return;
    }
    if (!ctx.isCurrent()) return;
    const items = (r.items || []).slice().sort((a, b) => (a.next_date < b.next_date ? -1 : a.next_date > b.next_date ? 1 : 0));
    const overdue = items.filter((x) => x.overdue).length;
    mount(summary, t('todo.summary', { n: items.length, overdue, until: fmtDate(r.until) }));
    if (!items.length) { mount(body, h('p', { class: 'muted inv-empty' }, t('todo.empty'))); return; }
    const th = (k, cls) => h('th', { scope: 'col', class: cls }, t(k));
    const td = (k, cls, ...c) => h('td', { class: cls, dataset: { label: t(k) } }, ...c);
    mount(body, h('table', { class: 'data-table inv-todo-table' },
      h('caption', { class: 'visually-hidden' }, t('nav.todo')),
      h('thead', null, h('tr', null, th('contact.next_date', 'nowrap'), th('lead.project_name', 'col-wide'), th('contact.next_step'),
        th('todo.last_contact', 'nowrap'), state.all ? th('lead.officer_id') : null)),
      h('tbody', null, items.map((x) => h('tr', { class: x.overdue ? 'inv-row-overdue' : null, dataset: { id: x.lead_id } },
        td('contact.next_date', 'nowrap', fmtDate(x.next_date), x.overdue ? [' ', h('span', { class: 'badge inv-overdue' }, t('todo.overdue'))] : null),
        td('lead.project_name', 'col-wide', h('a', { href: `#/leads/${x.lead_id}`, class: 'row-link' }, x.project_name), ' ', h('span', { class: 'mono muted' }, x.lead_code)),
        td('contact.next_step', null, x.next_step || '—'),
        td('todo.last_contact', 'nowrap', `${fmtDate(x.date)} ${channelLabel(x.channel)}`),
        state.all ? td('lead.officer_id', null, x.officer_name || '—') : null)))));
  }

  daysSel.addEventListener('change', () => { state.days = Number(daysSel.value); load(); });
  scopeSel.addEventListener('change', () => { state.all = scopeSel.value === '1'; load(); });

  mount(ctx.main,
    pageHeader({ title: 'nav.todo', subtitle: 'todo.intro' }),
    h('section', { class: 'card list-view' },
      h('div', { class: 'list-toolbar' },
        h('div', { class: 'toolbar-field' }, h('label', { for: daysId }, t('todo.range')), daysSel),
        h('div', { class: 'toolbar-field' }, h('label', { for: scopeId }, t('todo.scope')), scopeSel),
        summary),
      body));
  await load();
}

export default {
  nav: [{ href: '#/invest/todo', match: '/invest/todo', perm: 'lead.read', label: 'nav.todo', group: 'invest', order: 30 }],
  routes: [{ path: '/invest/todo', perm: 'lead.read', render: todoPage }],
};
