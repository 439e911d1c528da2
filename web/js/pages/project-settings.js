// 设置 Settings of the key projects: 预警规则 (GET/PUT /api/settings, admin) and
// 节点模板 (/api/node-templates through the resource component: read with project.read, write with settings.write).
import { t } from '../i18n.js';
import { api } from '../api.js';
import { h, mount, pageHeader, formView, loadingBlock, errorBlock, toast, linkButton } from '../ui.js';
import { resourceModule, registerEntity } from '../resource.js';
import './projects-i18n.js';

const KEYS = ['warn.start_yellow_months', 'warn.start_red_months', 'warn.progress_yellow_points', 'warn.progress_red_points', 'warn.problem_overdue_yellow'];

registerEntity('settings', {
  prefix: 'settings', base: '/settings/warn', single: true, order: KEYS,
  formatValue: (f, v) => (typeof v === 'boolean' ? t(v ? 'common.yes' : 'common.no') : undefined),
});

async function warnPage(ctx) {
  ctx.setTitle(t('warn.title'));
  mount(ctx.main, loadingBlock());
  let s;
  try {
    s = await api.get('/api/settings');
  } catch (err) {
    if (ctx.isCurrent()) mount(ctx.main, pageHeader({ title: 'warn.title' }), errorBlock(err));
    return;
  }
  if (!ctx.isCurrent()) return;
  const num = (name, hint) => ({ name, label: name, type: 'number', valueType: 'int', min: 0, hint, required: true });
  const form = formView({
    fields: [
      num('warn.start_yellow_months', 'warn.months.hint'),
      num('warn.start_red_months', 'warn.months.hint'),
      num('warn.progress_yellow_points', 'warn.points.hint'),
      num('warn.progress_red_points', 'warn.points.hint'),
      { name: 'warn.problem_overdue_yellow', label: 'warn.problem_overdue_yellow', type: 'checkbox', wide: true },
    ],
    values: s,
    submitLabel: 'action.save',
    onSubmit: async (v) => {
      const saved = await api.put('/api/settings', v);
      form.setValues(saved);
      toast(t('warn.saved'));
    },
  });
  form.el.classList.add('form-warn');
  mount(ctx.main,
    pageHeader({ title: 'warn.title', subtitle: 'warn.intro' }),
    form.el,
    h('section', { class: 'card card-narrow' },
      h('h2', { class: 'card-title' }, t('warn.templates')),
      h('p', { class: 'muted' }, t('warn.templates.hint')),
      linkButton('#/settings/node-templates', 'nav.nodetpl')));
}

const templates = resourceModule({
  base: '/settings/node-templates',
  endpoint: '/api/node-templates',
  perm: 'nodetpl',
  readPerm: 'project.read',
  writePerm: 'settings.write',
  prefix: 'nodetpl',
  entity: 'node_template',
  nav: { label: 'nav.nodetpl', group: 'settings', order: 20, perm: 'settings.write' },
  columns: [
    { field: 'sort_order', label: 'nodetpl.sort_order', className: 'num col-narrow' },
    { field: 'name', label: 'nodetpl.name', sort: true, href: (r) => `#/settings/node-templates/${r.id}`, className: 'col-wide' },
  ],
  fields: [
    { name: 'name', label: 'nodetpl.name', required: true, maxlength: 50 },
    { name: 'sort_order', label: 'nodetpl.sort_order', type: 'number', valueType: 'int' },
  ],
  detail: [{ field: 'name' }, { field: 'sort_order' }, { field: 'created_at' }, { field: 'updated_at' }],
});

export default {
  nav: [
    { href: '#/settings/warn', match: '/settings/warn', perm: 'settings.write', label: 'nav.warn', group: 'settings', order: 10 },
    ...templates.nav,
  ],
  routes: [{ path: '/settings/warn', perm: 'settings.write', render: warnPage }, ...templates.routes],
};
