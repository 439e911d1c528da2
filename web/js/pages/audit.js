// 审计日志 Audit — GET /api/audit?entity=&id= (admin).
import { t, option } from '../i18n.js';
import { fmtDateTime } from '../format.js';
import { replaceQuery } from '../router.js';
import { h, mount, pageHeader, listView, auditChanges, actionBadge } from '../ui.js';
import { fieldLabelFor } from '../resource.js';

// entity → [i18n prefix, route base]; later modules add theirs with registerAuditEntity
const ENTITIES = {
  park: ['park', '/parks'],
  org: ['org', '/orgs'],
  chain: ['chain', '/chains'],
  user: ['user', '/users'],
  zone: ['zone', '/zone'],
};

export function registerAuditEntity(entity, prefix, base) { ENTITIES[entity] = [prefix, base]; }

const VALUE_FORMATS = {
  kind: (v, entity) => option(`${entity}.kind`, v),
  role: (v) => option('role', v),
};

function recordHref(row) {
  const e = ENTITIES[row.entity];
  if (!e || row.action === 'delete') return null;
  return e[1] === '/zone' ? '#/zone' : `#${e[1]}/${row.entity_id}`;
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
      { name: 'entity', label: 'audit.entity', options: Object.keys(ENTITIES).map((e) => ({ value: e, label: `entity.${e}` })) },
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
      { field: 'changes', label: 'audit.changes', className: 'col-wide', render: (r) => {
        const e = ENTITIES[r.entity];
        return auditChanges(r, {
          fieldLabel: fieldLabelFor(e ? e[0] : r.entity),
          formatValue: (f, v, entity) => (VALUE_FORMATS[f] ? VALUE_FORMATS[f](v, entity) : undefined),
        });
      } },
    ],
  });
  mount(ctx.main, pageHeader({ title: 'audit.title' }), list.el);
}

export default {
  nav: [{ href: '#/audit', match: '/audit', perm: 'audit.read', label: 'nav.audit', group: 'system', order: 20 }],
  routes: [{ path: '/audit', perm: 'audit.read', render: auditPage }],
};
