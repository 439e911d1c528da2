// 审计日志 Audit — GET /api/audit?entity=&id= (admin).
// Entities come from the registry in resource.js: every resourceModule registers its entity,
// other modules call registerEntity(entity, {prefix, base, order, formatValue, hidden}) themselves
// (hidden: field names the changes column leaves out).
import { t, option, has } from '../i18n.js';
import { fmtDateTime } from '../format.js';
import { replaceQuery } from '../router.js';
import { h, mount, pageHeader, listView, auditChanges, actionBadge } from '../ui.js';
import { ENTITIES, registerEntity, fieldLabelFor } from '../resource.js';

registerEntity('zone', { prefix: 'zone', base: '/zone', order: ['code', 'name'], single: true });

function recordHref(row) {
  const e = ENTITIES.get(row.entity);
  if (!e || !e.base || row.action === 'delete') return null;
  return e.single ? `#${e.base}` : `#${e.base}/${row.entity_id}`;
}

function changes(row) {
  const e = ENTITIES.get(row.entity) || { prefix: row.entity };
  return auditChanges(row, {
    fieldLabel: fieldLabelFor(e.prefix),
    order: e.order,
    hidden: e.hidden,
    formatValue: (f, v) => {
      if (e.formatValue) { const r = e.formatValue(f, v); if (r !== undefined && r !== null) return r; }
      if (f === 'role') return option('role', v);
      if (f === 'kind' && has(`${e.prefix}.kind.${v}`)) return t(`${e.prefix}.kind.${v}`);
      return undefined;
    },
  });
}

function auditPage(ctx) {
  ctx.setTitle(t('audit.title'));
  const list = listView({
    endpoint: '/api/audit',
    search: false,
    state: ctx.query,
    onState: replaceQuery,
    caption: 'audit.title',
    filters: [
      { name: 'entity', label: 'audit.entity', options: [...ENTITIES.keys()].map((e) => ({ value: e, label: `entity.${e}` })) },
      { name: 'id', label: 'audit.entity_id', type: 'number' },
    ],
    columns: [
      { field: 'at', label: 'audit.at', render: (r) => h('time', { datetime: r.at }, fmtDateTime(r.at)), className: 'nowrap' },
      { field: 'username', label: 'audit.user', render: (r) => r.username || t('history.system') },
      { field: 'entity', label: 'audit.entity', render: (r) => option('entity', r.entity) },
      { field: 'entity_id', label: 'audit.entity_id', className: 'num', render: (r) => {
        const href = recordHref(r);
        return href ? h('a', { href }, String(r.entity_id)) : String(r.entity_id);
      } },
      { field: 'action', label: 'audit.action', render: (r) => actionBadge(r.action) },
      { field: 'changes', label: 'audit.changes', className: 'col-wide', render: changes },
    ],
  });
  mount(ctx.main, pageHeader({ title: 'audit.title' }), list.el);
}

export default {
  nav: [{ href: '#/audit', match: '/audit', perm: 'audit.read', label: 'nav.audit', group: 'system', order: 20 }],
  routes: [{ path: '/audit', perm: 'audit.read', render: auditPage }],
};
