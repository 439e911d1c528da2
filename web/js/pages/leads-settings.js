// 招商设置 Investment settings — invest.* and score.* keys of GET/PUT /api/settings (admin), and the code tables
// 驻外招商机构 (/api/liaison-offices) and 来源地区 (/api/source-regions) through the resource component.
import { t } from '../i18n.js';
import { api } from '../api.js';
import { h, mount, pageHeader, formView, loadingBlock, errorBlock, toast, linkButton } from '../ui.js';
import { resourceModule } from '../resource.js';
import { formSection } from './leads-common.js';

const WEIGHTS = ['score.w_investment', 'score.w_technology', 'score.w_tax', 'score.w_energy'];
export const INVEST_KEYS = ['invest.monthly_target', 'invest.stalled_days', ...WEIGHTS,
  'score.investment_full', 'score.tax_per_mu_full', 'score.energy_zero_kg'];

async function settingsPage(ctx) {
  ctx.setTitle(t('nav.invest_settings'));
  mount(ctx.main, loadingBlock());
  let s;
  try {
    s = await api.get('/api/settings');
  } catch (err) {
    if (ctx.isCurrent()) mount(ctx.main, pageHeader({ title: 'nav.invest_settings' }), errorBlock(err));
    return;
  }
  if (!ctx.isCurrent()) return;
  const num = (name, min = 0) => ({ name, label: `set.${name}`, type: 'number', valueType: 'int', min, required: true, hint: `set.${name}.hint` });
  const sum = h('p', { class: 'inv-weights-sum', role: 'status', 'aria-live': 'polite' });
  const form = formView({
    fields: [
      num('invest.monthly_target'), num('invest.stalled_days', 1),
      ...WEIGHTS.map((k) => num(k)),
      num('score.investment_full', 1), num('score.tax_per_mu_full', 1), num('score.energy_zero_kg', 1),
    ],
    values: s,
    submitLabel: 'action.save',
    onSubmit: async (v) => {
      const body = Object.fromEntries(INVEST_KEYS.map((k) => [k, v[k]]));
      const saved = await api.put('/api/settings', body);
      form.setValues(saved);
      updateSum();
      toast(t('set.saved'));
    },
  });
  function updateSum() {
    const total = WEIGHTS.reduce((a, k) => a + (Number(form.el.querySelector(`[name="${k}"]`).value) || 0), 0);
    sum.textContent = t('set.weights.sum', { n: total });
    sum.classList.toggle('is-off', total !== 100);
  }
  form.el.addEventListener('input', updateSum);
  form.el.classList.add('inv-settings-form');
  formSection(form.el, 'invest.monthly_target', 'set.section.invest');
  formSection(form.el, 'score.w_investment', 'set.section.weights');
  formSection(form.el, 'score.investment_full', 'set.section.scale');
  const wField = form.el.querySelector('[data-field="score.investment_full"]');
  wField.parentElement.insertBefore(h('div', { class: 'field-wide' }, sum), wField.previousSibling);
  updateSum();
  mount(ctx.main,
    pageHeader({ title: 'nav.invest_settings', subtitle: 'set.intro' }),
    form.el,
    h('section', { class: 'card' },
      h('h2', { class: 'card-title' }, t('set.codes')),
      h('p', { class: 'muted' }, t('set.codes.hint')),
      h('div', { class: 'page-actions' }, linkButton('#/invest/offices', 'nav.offices'), linkButton('#/invest/regions', 'nav.regions'))));
}

const offices = resourceModule({
  base: '/invest/offices',
  endpoint: '/api/liaison-offices',
  perm: 'invest',
  readPerm: 'lead.read',
  writePerm: 'invest.write',
  prefix: 'office',
  entity: 'liaison_office',
  nav: { label: 'nav.offices', group: 'structure', order: 60 },
  defaultSort: 'name',
  columns: [
    { field: 'name', label: 'office.name', sort: true, href: (r) => `#/invest/offices/${r.id}`, className: 'col-wide' },
    { field: 'city', label: 'office.city', sort: true },
    { field: 'note', label: 'office.note', className: 'col-wide' },
  ],
  fields: [
    { name: 'name', label: 'office.name', required: true, maxlength: 100 },
    { name: 'city', label: 'office.city', maxlength: 50 },
    { name: 'note', label: 'office.note', type: 'textarea', maxlength: 1000 },
  ],
  detail: [{ field: 'name' }, { field: 'city' }, { field: 'note' }, { field: 'created_at' }, { field: 'updated_at' }],
});

const regions = resourceModule({
  base: '/invest/regions',
  endpoint: '/api/source-regions',
  perm: 'invest',
  readPerm: 'lead.read',
  writePerm: 'invest.write',
  prefix: 'region',
  entity: 'source_region',
  nav: { label: 'nav.regions', group: 'structure', order: 70 },
  columns: [
    { field: 'sort_order', label: 'region.sort_order', className: 'num col-narrow' },
    { field: 'name', label: 'region.name', sort: true, href: (r) => `#/invest/regions/${r.id}`, className: 'col-wide' },
  ],
  fields: [
    { name: 'name', label: 'region.name', required: true, maxlength: 50 },
    { name: 'sort_order', label: 'region.sort_order', type: 'number', valueType: 'int', hint: 'region.sort_order.hint' },
  ],
  detail: [{ field: 'name' }, { field: 'sort_order' }, { field: 'created_at' }, { field: 'updated_at' }],
});

export default {
  nav: [
    { href: '#/settings/invest', match: '/settings/invest', perm: 'settings.write', label: 'nav.invest_settings', group: 'settings', order: 30 },
    ...offices.nav, ...regions.nav,
  ],
  routes: [{ path: '/settings/invest', perm: 'settings.write', render: settingsPage }, ...offices.routes, ...regions.routes],
};
