// 产业链 Industry chains — the zone's own code table (/api/chains).
import { resourceModule } from '../resource.js';

export default resourceModule({
  base: '/chains',
  endpoint: '/api/chains',
  perm: 'chain',
  prefix: 'chain',
  nav: { label: 'nav.chains', group: 'structure', order: 30 },
  defaultSort: 'sort_order',
  columns: [
    { field: 'sort_order', label: 'chain.sort_order', sort: true, className: 'num col-narrow' },
    { field: 'code', label: 'chain.code', sort: true, className: 'mono' },
    { field: 'name', label: 'chain.name', sort: true, href: (r) => `#/chains/${r.id}`, className: 'col-wide' },
    { field: 'category', label: 'chain.category', sort: true },
  ],
  fields: [
    { name: 'code', label: 'chain.code', required: true, maxlength: 32 },
    { name: 'name', label: 'chain.name', required: true, maxlength: 50 },
    { name: 'category', label: 'chain.category', maxlength: 50 },
    { name: 'sort_order', label: 'chain.sort_order', type: 'number', valueType: 'int' },
  ],
  detail: [
    { field: 'code' }, { field: 'name' }, { field: 'category' }, { field: 'sort_order' },
    { field: 'created_at' }, { field: 'updated_at' },
  ],
});
