// 联合验收 验收设置 — departments (name, review days, order, active) with each department's required
// material items and reviewers, and the material items. acceptance.manage.
import { t } from '../i18n.js';
import { api } from '../api.js';
import { can } from '../session.js';
import { h, mount, button, alertBox, toast, errorMessage, nextId, loadingBlock } from '../ui.js';
import { resourceModule } from '../resource.js';
import { listAll } from './acceptance-common.js';

const yesNo = (v) => (v ? t('form.yes') : t('form.no'));

/** A card with a checkbox list saved by PUT. */
function checklistCard({ title, hint, cls, load, save, savedMsg, name }) {
  const body = h('div', null, loadingBlock());
  const card = h('section', { class: `card ${cls}` }, h('h2', { class: 'card-title' }, t(title)), hint ? h('p', { class: 'field-hint' }, t(hint)) : null, body);
  (async () => {
    let all; let chosen;
    try {
      [all, chosen] = await load();
    } catch (err) {
      mount(body, alertBox(errorMessage(err)));
      return;
    }
    const on = new Set(chosen.map((x) => x.id));
    const boxes = all.map((x) => {
      const id = nextId(name);
      const input = h('input', { type: 'checkbox', id, class: 'checkbox', name, value: String(x.id), checked: on.has(x.id) });
      return { input, el: h('div', { class: 'checkbox-row' }, input, h('label', { for: id }, x.label)) };
    });
    const msg = h('div', { 'aria-live': 'polite' });
    const saveBtn = button('action.save', { kind: 'primary' });
    saveBtn.addEventListener('click', async () => {
      msg.replaceChildren();
      saveBtn.disabled = true;
      try {
        await save(boxes.filter((b) => b.input.checked).map((b) => Number(b.input.value)));
        toast(t(savedMsg));
      } catch (err) {
        msg.appendChild(alertBox(errorMessage(err)));
      } finally {
        saveBtn.disabled = false;
      }
    });
    mount(body, boxes.length ? h('div', { class: 'acc-check-grid' }, boxes.map((b) => b.el)) : h('p', { class: 'muted' }, t('list.empty')),
      msg, h('div', { class: 'form-actions' }, saveBtn));
  })();
  return card;
}

function deptExtra(rec) {
  const base = `/api/acceptance/departments/${rec.id}`;
  const items = checklistCard({
    title: 'acc.dept.items', cls: 'acc-dept-items', name: 'item_ids', savedMsg: 'acc.dept.saved_items',
    load: async () => {
      const [all, mine] = await Promise.all([listAll('/api/acceptance/items'), api.get(`${base}/items`)]);
      return [all.map((x) => ({ id: x.id, label: x.name })), mine.items || []];
    },
    save: (ids) => api.put(`${base}/items`, { item_ids: ids }),
  });
  let reviewers;
  if (can('user.read')) {
    reviewers = checklistCard({
      title: 'acc.dept.reviewers', hint: 'acc.dept.reviewers.hint', cls: 'acc-dept-reviewers', name: 'user_ids', savedMsg: 'acc.dept.saved_reviewers',
      load: async () => {
        const [all, mine] = await Promise.all([listAll('/api/users', { role: 'dept_reviewer' }), api.get(`${base}/reviewers`)]);
        const list = all.map((u) => ({ id: u.id, label: u.name && u.name !== u.username ? `${u.name}（${u.username}）` : u.username }));
        for (const u of mine.items || []) if (!list.some((x) => x.id === u.id)) list.push({ id: u.id, label: u.name || u.username });
        return [list, mine.items || []];
      },
      save: (ids) => api.put(`${base}/reviewers`, { user_ids: ids }),
    });
  } else {
    const body = h('div', null, loadingBlock());
    reviewers = h('section', { class: 'card acc-dept-reviewers' }, h('h2', { class: 'card-title' }, t('acc.dept.reviewers')),
      h('p', { class: 'field-hint' }, t('acc.dept.reviewers.nouser')), body);
    api.get(`${base}/reviewers`).then((r) => mount(body, (r.items || []).length
      ? h('ul', null, r.items.map((u) => h('li', null, u.name || u.username))) : h('p', { class: 'muted' }, t('list.empty'))),
    (err) => mount(body, alertBox(errorMessage(err))));
  }
  return h('div', { class: 'acc-dept-extra' }, items, reviewers);
}

const departments = resourceModule({
  base: '/acceptance/departments',
  endpoint: '/api/acceptance/departments',
  readPerm: 'acceptance.manage',
  writePerm: 'acceptance.manage',
  prefix: 'acc.dept',
  entity: 'acc_department',
  nav: { label: 'nav.acc.settings', group: 'acceptance', order: 40 },
  search: true,
  columns: [
    { field: 'name', label: 'acc.dept.name', sort: true, className: 'col-wide' },
    { field: 'review_days', label: 'acc.dept.review_days', className: 'num' },
    { field: 'sort_order', label: 'acc.dept.sort_order', className: 'num' },
    { field: 'active', label: 'acc.dept.active', render: (r) => h('span', { class: `badge badge-${r.active ? 'on' : 'off'}` }, yesNo(r.active)) },
  ],
  fields: [
    { name: 'name', label: 'acc.dept.name', required: true, maxlength: 50 },
    { name: 'review_days', label: 'acc.dept.review_days', type: 'number', valueType: 'int', required: true, min: 1, max: 60 },
    { name: 'sort_order', label: 'acc.dept.sort_order', type: 'number', valueType: 'int' },
    { name: 'active', label: 'acc.dept.active', type: 'checkbox' },
  ],
  defaults: () => ({ review_days: 5, sort_order: 0, active: true }),
  detail: [
    { field: 'name' },
    { field: 'review_days' },
    { field: 'sort_order' },
    { field: 'active' },
  ],
  extraDetail: (rec) => deptExtra(rec),
  // the audited lists of items and reviewers: [{id, name}] / [{id, username, name}]
  formatValue: (field, value) => (Array.isArray(value) ? (value.length ? null : t('history.empty_value')) || value.map((x) => (x && typeof x === 'object' ? x.name || x.username || `#${x.id}` : String(x))).join('、') : undefined),
});

const items = resourceModule({
  base: '/acceptance/items',
  endpoint: '/api/acceptance/items',
  readPerm: 'acceptance.manage',
  writePerm: 'acceptance.manage',
  prefix: 'acc.item',
  entity: 'acc_item',
  nav: { label: 'acc.item.title', group: 'acceptance', order: 45 },
  columns: [
    { field: 'name', label: 'acc.item.name', sort: true, className: 'col-wide' },
    { field: 'note', label: 'acc.item.note' },
    { field: 'sort_order', label: 'acc.item.sort_order', className: 'num' },
  ],
  fields: [
    { name: 'name', label: 'acc.item.name', required: true, maxlength: 100, wide: true },
    { name: 'sort_order', label: 'acc.item.sort_order', type: 'number', valueType: 'int' },
    { name: 'note', label: 'acc.item.note', type: 'textarea' },
  ],
  defaults: () => ({ sort_order: 0 }),
  detail: [{ field: 'name' }, { field: 'note' }, { field: 'sort_order' }],
});

export default {
  nav: [...departments.nav, ...items.nav],
  routes: [...departments.routes, ...items.routes],
};
