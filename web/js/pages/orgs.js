// 组织机构 Organisations — /api/orgs (enterprise, contractor, investor, department) with the USCC.
// Enterprises also carry the profile the enterprise service reads (park, building and floor, chain,
// 专精特新, 高新技术企业, 规上企业, employees, sector); their record links to #/service/orgs/{id}.
import { t, option } from '../i18n.js';
import { api } from '../api.js';
import { fmtDate, fmtNumber } from '../format.js';
import { resourceModule } from '../resource.js';
import { user, can } from '../session.js';
import { h, linkButton } from '../ui.js';
import { ZJTX, SECTORS } from './service-common.js';
import { orgThread } from './org-thread.js';

export const ORG_KINDS = ['enterprise', 'contractor', 'investor', 'department'];
const kindOptions = () => ORG_KINDS.map((k) => ({ value: k, label: `org.kind.${k}` }));

// id → name of the zone's parks, buildings and chains (buildings need service.read)
const names = { park_id: new Map(), building_id: new Map(), chain_id: new Map() };
async function lookup(field, endpoint, perm) {
  if (!can(perm)) return [];
  try {
    const r = await api.get(endpoint, { limit: 200, sort: 'name' });
    names[field] = new Map(r.items.map((x) => [x.id, x.name]));
    return r.items.map((x) => ({ value: String(x.id), label: () => x.name }));
  } catch (_) {
    return [];
  }
}
const prepare = () => Promise.all([lookup('park_id', '/api/parks', 'park.read'), lookup('building_id', '/api/buildings', 'service.read'),
  lookup('chain_id', '/api/chains', 'chain.read')]);
const nameOf = (field) => (r) => (r[field] === null || r[field] === undefined ? null : names[field].get(r[field]) || `#${r[field]}`);
const yesNo = (field) => (r) => (r[field] === null || r[field] === undefined ? null : t(r[field] ? 'form.yes' : 'form.no'));

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
    { name: 'park_id', label: 'org.park_id', type: 'select', valueType: 'int', options: () => lookup('park_id', '/api/parks', 'park.read') },
    { name: 'building_id', label: 'org.building_id', type: 'select', valueType: 'int', options: () => lookup('building_id', '/api/buildings', 'service.read') },
    { name: 'floor', label: 'org.floor', maxlength: 20 },
    { name: 'chain_id', label: 'org.chain_id', type: 'select', valueType: 'int', options: () => lookup('chain_id', '/api/chains', 'chain.read') },
    { name: 'zjtx', label: 'org.zjtx', type: 'select', options: ZJTX.map((z) => ({ value: z, label: `svc.zjtx.${z}` })) },
    { name: 'sector', label: 'org.sector', type: 'select', options: SECTORS.map((x) => ({ value: x, label: `svc.sector.${x}` })) },
    { name: 'employees', label: 'org.employees', type: 'number', valueType: 'int', min: 0 },
    { name: 'high_tech', label: 'org.high_tech', type: 'checkbox' },
    { name: 'above_scale', label: 'org.above_scale', type: 'checkbox' },
  ],
  prepare,
  defaults: () => ({ kind: 'enterprise' }),
  // an enterprise user may read its own organisation only
  canReadRecord: (p) => { const u = user(); return !!(u && u.org_id !== null && String(u.org_id) === p.id); },
  toBody: (v) => ({ ...v, uscc: v.uscc ? v.uscc.replace(/\s+/g, '').toUpperCase() : null }),
  detail: [
    { field: 'name' }, { field: 'kind' }, { field: 'uscc' }, { field: 'contact' }, { field: 'phone' },
    { field: 'address' }, { field: 'note' },
    { field: 'park_id', render: nameOf('park_id') }, { field: 'building_id', render: nameOf('building_id') }, { field: 'floor' },
    { field: 'chain_id', render: nameOf('chain_id') },
    { field: 'zjtx', render: (r) => (r.zjtx ? option('svc.zjtx', r.zjtx) : null) },
    { field: 'high_tech', render: yesNo('high_tech') }, { field: 'above_scale', render: yesNo('above_scale') },
    { field: 'employees', render: (r) => (r.employees === null || r.employees === undefined ? null : fmtNumber(r.employees)) },
    { field: 'sector', render: (r) => (r.sector ? option('svc.sector', r.sector) : null) },
    { field: 'created_at' }, { field: 'updated_at' },
  ],
  // an enterprise's service page: its officers, plan and requests
  // and the thread through its life (lead, project, acceptance, 亩均)
  extraDetail: (rec) => (rec.kind === 'enterprise' ? h('div', { class: 'org-extra' },
    can('service.read') || (can('request.write_own') && user().org_id === rec.id)
      ? h('p', { class: 'svc-org-link' }, linkButton(`#/service/orgs/${rec.id}`, 'svc.org.link')) : null,
    orgThread(rec.id)) : null),
  formatValue: (field, value) => {
    if (field === 'kind') return option('org.kind', value);
    if (field === 'zjtx') return option('svc.zjtx', value);
    if (field === 'sector') return option('svc.sector', value);
    if (field === 'high_tech' || field === 'above_scale') return t(value ? 'form.yes' : 'form.no');
    if (names[field]) return names[field].get(value);
    return undefined;
  },
});

// an enterprise user sees its own organisation in the navigation (本单位)
mod.nav.push({
  href: () => `#/orgs/${user().org_id}`,
  match: () => `/orgs/${user().org_id}`,
  visible: () => !can('org.read') && !!user() && user().org_id !== null,
  label: 'nav.myorg', group: 'structure', order: 20,
});

export default mod;
