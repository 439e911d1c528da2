// 组织机构 Organisations — /api/orgs (enterprise, contractor, investor, department) with the USCC.
import { option } from '../i18n.js';
import { fmtDate } from '../format.js';
import { resourceModule } from '../resource.js';
import { user, can } from '../session.js';

export const ORG_KINDS = ['enterprise', 'contractor', 'investor', 'department'];
const kindOptions = () => ORG_KINDS.map((k) => ({ value: k, label: `org.kind.${k}` }));

const mod = resourceModule({
  base: '/orgs',
  endpoint: '/api/orgs',
  perm: 'org',
  prefix: 'org',
  nav: { label: 'nav.orgs', group: 'structure', order: 20 },
  defaultSort: 'name',
  columns: [
    { field: 'name', label: 'org.name', sort: true, href: (r) => `#/orgs/${r.id}`, className: 'col-wide' },
    { field: 'kind', label: 'org.kind', sort: true, render: (r) => option('org.kind', r.kind) },
    { field: 'uscc', label: 'org.uscc', sort: true, className: 'mono' },
    { field: 'contact', label: 'org.contact' },
    { field: 'phone', label: 'org.phone' },
    { field: 'updated_at', label: 'field.updated_at', sort: true, render: (r) => fmtDate(r.updated_at) },
  ],
  filters: [{ name: 'kind', label: 'org.kind', options: kindOptions() }],
  fields: [
    { name: 'name', label: 'org.name', required: true, maxlength: 100, wide: true },
    { name: 'kind', label: 'org.kind', type: 'select', required: true, options: kindOptions() },
    { name: 'uscc', label: 'org.uscc', hint: 'org.uscc.hint', placeholder: '91320700XXXXXXXXXX', inputClass: 'mono', autocapitalize: 'characters' },
    { name: 'contact', label: 'org.contact', maxlength: 50 },
    { name: 'phone', label: 'org.phone', type: 'tel', maxlength: 50 },
    { name: 'address', label: 'org.address', maxlength: 200, wide: true },
    { name: 'note', label: 'org.note', type: 'textarea' },
  ],
  defaults: () => ({ kind: 'enterprise' }),
  // an enterprise user may read its own organisation only
  canReadRecord: (p) => { const u = user(); return !!(u && u.org_id !== null && String(u.org_id) === p.id); },
  toBody: (v) => ({ ...v, uscc: v.uscc ? v.uscc.replace(/\s+/g, '').toUpperCase() : null }),
  detail: [
    { field: 'name' }, { field: 'kind' }, { field: 'uscc' }, { field: 'contact' }, { field: 'phone' },
    { field: 'address' }, { field: 'note' }, { field: 'created_at' }, { field: 'updated_at' },
  ],
  formatValue: (field, value) => (field === 'kind' ? option('org.kind', value) : undefined),
});

// an enterprise user sees its own organisation in the navigation (本单位)
mod.nav.push({
  href: () => `#/orgs/${user().org_id}`,
  match: () => `/orgs/${user().org_id}`,
  visible: () => !can('org.read') && !!user() && user().org_id !== null,
  label: 'nav.myorg', group: 'structure', order: 20,
});

export default mod;
