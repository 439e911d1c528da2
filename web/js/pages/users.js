// 用户 Users — admin only (/api/users), with roles, organisation, password reset.
import { t, option } from '../i18n.js';
import { api } from '../api.js';
import { can } from '../session.js';
import { fmtDate } from '../format.js';
import { h, formView, toast } from '../ui.js';
import { resourceModule } from '../resource.js';

export const ROLES = ['admin', 'leader', 'project_officer', 'investment_officer', 'approval_officer',
  'dept_reviewer', 'service_officer', 'enterprise_user'];
const roleOptions = () => ROLES.map((r) => ({ value: r, label: `role.${r}` }));

// id → name of the zone's organisations, for the organisation column and select
let orgNames = new Map();
async function loadOrgs() {
  if (!can('org.read')) return [];
  try {
    const r = await api.get('/api/orgs', { limit: 200, sort: 'name' });
    orgNames = new Map(r.items.map((o) => [o.id, o.name]));
    return r.items.map((o) => ({ value: String(o.id), label: () => o.name }));
  } catch (_) {
    return [];
  }
}

function orgLink(id) {
  if (id === null || id === undefined) return null;
  return h('a', { href: `#/orgs/${id}` }, orgNames.get(id) || `#${id}`);
}

// An investment officer's liaison office: they also write its leads.
let officeNames = new Map();
async function loadOffices() {
  if (!can('lead.read')) return [];
  try {
    const r = await api.get('/api/liaison-offices', { limit: 200, sort: 'name' });
    officeNames = new Map(r.items.map((o) => [o.id, o.name]));
    return r.items.map((o) => ({ value: String(o.id), label: () => o.name }));
  } catch (_) {
    return [];
  }
}

// A user's leader (上级领导): late requests of a service officer are escalated to them.
let userNames = new Map();
async function loadUsers() {
  try {
    const r = await api.get('/api/users', { limit: 200, sort: 'name' });
    userNames = new Map(r.items.map((u) => [u.id, `${u.name}（${u.username}）`]));
    return r.items.filter((u) => !u.disabled).map((u) => ({ value: String(u.id), label: () => userNames.get(u.id) }));
  } catch (_) {
    return [];
  }
}
const leaderField = { name: 'leader_id', label: 'user.leader_id', type: 'select', valueType: 'int', options: loadUsers, hint: 'user.leader_id.hint' };

const orgField = { name: 'org_id', label: 'user.org_id', type: 'select', valueType: 'int', options: loadOrgs };
const deptField = { name: 'department', label: 'user.department', maxlength: 50 };
const officeField = { name: 'office_id', label: 'user.office_id', type: 'select', valueType: 'int', options: loadOffices,
  hint: 'user.office_id.hint' };

function passwordForm(rec) {
  if (!can('user.write')) return null;
  const form = formView({
    fields: [{ name: 'password', label: 'user.password.new', type: 'password', required: true, hint: 'user.password.hint', keepEmpty: true }],
    submitLabel: 'user.password.reset',
    onSubmit: async (v) => {
      await api.post(`/api/users/${rec.id}/password`, { password: v.password });
      form.setValues({ password: '' });
      toast(t('user.password.done'));
    },
  });
  return h('section', { class: 'card-group' }, h('h2', { class: 'section-title' }, t('user.password.reset')), form.el);
}

export default resourceModule({
  base: '/users',
  endpoint: '/api/users',
  perm: 'user',
  prefix: 'user',
  nav: { label: 'nav.users', group: 'system', order: 10 },
  defaultSort: 'username',
  canDelete: false,
  prepare: () => Promise.all([loadOrgs(), loadUsers()]),
  titleOf: (r) => `${r.name}（${r.username}）`,
  columns: [
    { field: 'username', label: 'user.username', sort: true, href: (r) => `#/users/${r.id}`, className: 'mono' },
    { field: 'name', label: 'user.name', sort: true },
    { field: 'role', label: 'user.role', sort: true, render: (r) => option('role', r.role) },
    { field: 'org_id', label: 'user.org_id', render: (r) => orgLink(r.org_id) },
    { field: 'department', label: 'user.department' },
    { field: 'disabled', label: 'user.status', render: (r) => h('span', { class: r.disabled ? 'badge badge-off' : 'badge badge-on' }, t(r.disabled ? 'user.status.disabled' : 'user.status.active')) },
    { field: 'created_at', label: 'field.created_at', sort: true, render: (r) => fmtDate(r.created_at) },
  ],
  filters: [{ name: 'role', label: 'user.role', options: roleOptions() }],
  createFields: [
    { name: 'username', label: 'user.username', required: true, maxlength: 32, autocomplete: 'off' },
    { name: 'name', label: 'user.name', required: true, maxlength: 50 },
    { name: 'role', label: 'user.role', type: 'select', required: true, options: roleOptions() },
    { name: 'password', label: 'user.password', type: 'password', required: true, hint: 'user.password.hint', keepEmpty: true },
    orgField,
    deptField,
    officeField,
    leaderField,
  ],
  editFields: [
    { name: 'name', label: 'user.name', required: true, maxlength: 50 },
    { name: 'role', label: 'user.role', type: 'select', required: true, options: roleOptions() },
    orgField,
    deptField,
    officeField,
    leaderField,
    { name: 'disabled', label: 'user.disabled', type: 'checkbox' },
  ],
  toBody: (v, mode) => {
    const body = { ...v };
    if (mode === 'create') delete body.disabled;
    return body;
  },
  detail: [
    { field: 'username' }, { field: 'name' },
    { field: 'role' },
    { field: 'org_id', render: (r) => orgLink(r.org_id) },
    { field: 'department' },
    { field: 'office_id', label: 'user.office_id', render: (r) => (r.office_id == null ? null
      : officeNames.get(r.office_id) || `#${r.office_id}`) },
    { field: 'leader_id', label: 'user.leader_id', render: (r) => (r.leader_id == null ? null : userNames.get(r.leader_id) || `#${r.leader_id}`) },
    { field: 'disabled', label: 'user.status', render: (r) => t(r.disabled ? 'user.status.disabled' : 'user.status.active') },
    { field: 'created_at' },
  ],
  formatValue: (field, value) => {
    if (field === 'role') return option('role', value);
    if (field === 'org_id') return orgNames.get(value) || (value === null ? null : `#${value}`);
    if (field === 'leader_id') return userNames.get(value) || (value === null ? null : `#${value}`);
    return undefined;
  },
  extraDetail: (rec) => passwordForm(rec),
});
