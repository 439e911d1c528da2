// 园区 Parks — GET/POST /api/parks, GET/PUT/DELETE /api/parks/{id}, history.
import { option } from '../i18n.js';
import { fmtDate } from '../format.js';
import { resourceModule } from '../resource.js';

const KINDS = ['park', 'expansion'];

export default resourceModule({
  base: '/parks',
  endpoint: '/api/parks',
  perm: 'park',
  prefix: 'park',
  nav: { label: 'nav.parks', group: 'structure', order: 10 },
  defaultSort: 'name',
  columns: [
    { field: 'name', label: 'park.name', sort: true, href: (r) => `#/parks/${r.id}` },
    { field: 'code', label: 'park.code', sort: true },
    { field: 'kind', label: 'park.kind', sort: true, render: (r) => option('park.kind', r.kind) },
    { field: 'note', label: 'park.note', className: 'col-wide' },
    { field: 'updated_at', label: 'field.updated_at', sort: true, render: (r) => fmtDate(r.updated_at) },
  ],
  filters: [
    { name: 'kind', label: 'park.kind', options: KINDS.map((k) => ({ value: k, label: `park.kind.${k}` })) },
  ],
  fields: [
    { name: 'name', label: 'park.name', required: true, maxlength: 100 },
    { name: 'kind', label: 'park.kind', type: 'select', required: true, options: KINDS.map((k) => ({ value: k, label: `park.kind.${k}` })) },
    { name: 'code', label: 'park.code', maxlength: 32 },
    { name: 'note', label: 'park.note', type: 'textarea' },
  ],
  defaults: () => ({ kind: 'park' }),
  detail: [
    { field: 'name' }, { field: 'code' }, { field: 'kind' }, { field: 'note' },
    { field: 'created_at' }, { field: 'updated_at' },
  ],
  formatValue: (field, value) => (field === 'kind' ? option('park.kind', value) : undefined),
});
