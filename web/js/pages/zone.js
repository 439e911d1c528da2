// 区 Zone — the caller's zone; admin may rename it (PUT /api/zones/{id}).
import { t } from '../i18n.js';
import { api } from '../api.js';
import { can, getSession, setSession } from '../session.js';
import { fmtDateTime } from '../format.js';
import { h, mount, pageHeader, detailList, formView, loadingBlock, errorBlock, toast } from '../ui.js';

async function zonePage(ctx) {
  ctx.setTitle(t('zone.title'));
  mount(ctx.main, loadingBlock());
  const me = getSession();
  let zone;
  try {
    zone = await api.get(`/api/zones/${me.zone.id}`);
  } catch (err) {
    if (ctx.isCurrent()) mount(ctx.main, pageHeader({ title: 'zone.title' }), errorBlock(err));
    return;
  }
  if (!ctx.isCurrent()) return;
  const view = h('section', { class: 'card' }, detailList([
    { label: 'zone.name', value: zone.name },
    { label: 'zone.code', value: h('span', { class: 'mono' }, zone.code) },
    { label: 'field.created_at', value: fmtDateTime(zone.created_at) },
  ]));
  let form = null;
  if (can('zone.write')) {
    form = formView({
      fields: [{ name: 'name', label: 'zone.name', required: true, maxlength: 100, wide: true }],
      values: zone,
      onSubmit: async (v) => {
        const z = await api.put(`/api/zones/${zone.id}`, { name: v.name });
        setSession({ ...getSession(), zone: { ...getSession().zone, ...z } });
        toast(t('msg.saved'));
        ctx.refresh();
      },
    });
  }
  mount(ctx.main, pageHeader({ title: () => zone.name, subtitle: 'zone.title' }), view,
    form ? h('section', { class: 'card-group' }, h('h2', { class: 'section-title' }, t('zone.edit')), form.el) : null);
}

export default {
  nav: [{ href: '#/zone', match: '/zone', perm: 'zone.read', label: 'nav.zone', group: 'system', order: 30 }],
  routes: [{ path: '/zone', perm: 'zone.read', render: zonePage }],
};
