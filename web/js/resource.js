// resource — list / new / record / edit pages for one REST resource, from one descriptor.
//
//   resourceModule(def) → {nav: [...], routes: [...]}   (the shape app.js registers)
//
// def = {
//   base: '/parks',                 route prefix: #/parks, #/parks/new, #/parks/12, #/parks/12/edit
//   endpoint: '/api/parks',         REST collection; …/{id} and …/{id}/history are derived
//   perm: 'park',                   'park.read' to see, 'park.write' to create/edit/delete
//   readPerm, writePerm,            override those two (e.g. read 'project.read', write 'settings.write')
//   prefix: 'park',                 i18n prefix: park.title, park.new, park.edit, park.<field>
//   entity: 'park',                 AuditRow.entity (default: prefix); registered for the audit page
//   nav: {label, group, order},     navigation entry (omit for none)
//   columns, filters, defaultSort,  see ui.listView
//   fields,                         see ui.formView (used for new and edit)
//   createFields, editFields,       optional overrides of fields
//   detail: [{field, label?, render?(record)}],   record page rows
//   titleOf(record) → string,       record page heading
//   formatValue(field, value) → string|undefined   history and detail display of enumerated values
//   canDelete: true,
//   toBody(values, mode, record) → body           (default: values as they are)
//   extraDetail(record, ctx) → Node|null           (e.g. a password reset form)
//   canReadRecord(params) → bool    extra access to one record without the read permission
//   prepare(ctx) → Promise          run before the list, record and edit pages render (e.g. load lookup tables)
//   history: {describe, hidden}     passed to ui.historyView (rows about parts of the record, fields not shown)
// }
//
// Page renderers get ctx = {main, params, query, path, setTitle(text), isCurrent()} from app.js.

import { t, has } from './i18n.js';
import { api, ApiError } from './api.js';
import { can } from './session.js';
import { go, replaceQuery } from './router.js';
import { fmtDateTime } from './format.js';
import {
  h, mount, label, pageHeader, linkButton, button, listView, formView, detailList, historyView,
  loadingBlock, errorBlock, toast, confirmDialog,
} from './ui.js';

export function fieldLabelFor(prefix) {
  return (field) => {
    if (has(`${prefix}.${field}`)) return t(`${prefix}.${field}`);
    if (has(`field.${field}`)) return t(`field.${field}`);
    return field;
  };
}

// entity name (as in AuditRow.entity) → {prefix, base, order, formatValue}; the audit page reads this
export const ENTITIES = new Map();
export function registerEntity(entity, info) { ENTITIES.set(entity, info); }

export function resourceModule(def) {
  const { base, endpoint, perm, prefix } = def;
  const fieldLabel = fieldLabelFor(prefix);
  const readPerm = def.readPerm || `${perm}.read`;
  const writePerm = def.writePerm || `${perm}.write`;
  const canWrite = () => can(writePerm);
  const toBody = def.toBody || ((v) => v);
  const titleOf = def.titleOf || ((r) => r.name || `#${r.id}`);
  const fmt = (field, value) => {
    const r = def.formatValue ? def.formatValue(field, value) : undefined;
    if (r !== undefined && r !== null) return r;
    if (typeof value === 'boolean') return value ? t('form.yes') : t('form.no');
    if (/_at$/.test(field)) return fmtDateTime(value);
    return value;
  };

  async function listPage(ctx) {
    ctx.setTitle(t(`${prefix}.title`));
    if (def.prepare) await def.prepare(ctx);
    if (!ctx.isCurrent()) return;
    const list = listView({
      endpoint,
      columns: def.columns,
      filters: def.filters,
      defaultSort: def.defaultSort,
      search: def.search,
      state: ctx.query,
      onState: replaceQuery,
      rowHref: (r) => `#${base}/${r.id}`,
      caption: `${prefix}.title`,
    });
    mount(ctx.main,
      pageHeader({
        title: `${prefix}.title`,
        actions: canWrite() ? [linkButton(`#${base}/new`, `${prefix}.new`, 'primary')] : [],
      }),
      list.el);
  }

  function formFields(mode) {
    return (mode === 'create' ? def.createFields : def.editFields) || def.fields;
  }

  function newPage(ctx) {
    ctx.setTitle(t(`${prefix}.new`));
    const form = formView({
      fields: formFields('create'),
      values: def.defaults ? def.defaults() : {},
      submitLabel: 'action.save',
      cancelHref: `#${base}`,
      onSubmit: async (values) => {
        const rec = await api.post(endpoint, toBody(values, 'create'));
        toast(t('msg.created'));
        go(`${base}/${rec.id}`);
      },
    });
    mount(ctx.main, pageHeader({ title: `${prefix}.new`, back: { href: `#${base}` } }), form.el);
    form.focus();
  }

  async function load(ctx) {
    mount(ctx.main, loadingBlock());
    if (def.prepare) await def.prepare(ctx);
    try {
      return await api.get(`${endpoint}/${encodeURIComponent(ctx.params.id)}`);
    } catch (err) {
      if (ctx.isCurrent()) mount(ctx.main, pageHeader({ title: `${prefix}.title`, back: { href: `#${base}` } }), errorBlock(err));
      return null;
    }
  }

  async function recordPage(ctx) {
    ctx.setTitle(t(`${prefix}.title`));
    const rec = await load(ctx);
    if (!rec || !ctx.isCurrent()) return;
    ctx.setTitle(titleOf(rec));
    const actions = [];
    if (canWrite()) {
      actions.push(linkButton(`#${base}/${rec.id}/edit`, 'action.edit', 'primary'));
      if (def.canDelete !== false) {
        actions.push(button('action.delete', {
          kind: 'danger',
          onClick: async () => {
            if (!(await confirmDialog(t('msg.confirm.delete', { name: titleOf(rec) }), { okLabel: 'action.delete', danger: true }))) return;
            try {
              await api.del(`${endpoint}/${rec.id}`);
              toast(t('msg.deleted'));
              go(base);
            } catch (err) {
              toast(err.message || t('error.unknown'), 'error');
            }
          },
        }));
      }
    }
    const rows = (def.detail || []).map((d) => ({
      label: d.label || fieldLabel(d.field),
      value: d.render ? d.render(rec) : (rec[d.field] === null || rec[d.field] === undefined ? null : String(fmt(d.field, rec[d.field]))),
    }));
    mount(ctx.main,
      pageHeader({ title: () => titleOf(rec), back: can(readPerm) ? { href: `#${base}` } : null, actions }),
      h('section', { class: 'card' }, detailList(rows)),
      def.extraDetail ? def.extraDetail(rec, ctx) : null,
      historyView({ endpoint: `${endpoint}/${rec.id}/history`, fieldLabel, formatValue: fmt, order: fieldOrder, ...(def.history || {}) }));
  }

  async function editPage(ctx) {
    ctx.setTitle(t(`${prefix}.edit`));
    const rec = await load(ctx);
    if (!rec || !ctx.isCurrent()) return;
    const form = formView({
      fields: formFields('edit'),
      values: rec,
      submitLabel: 'action.save',
      cancelHref: `#${base}/${rec.id}`,
      onSubmit: async (values) => {
        await api.put(`${endpoint}/${rec.id}`, toBody(values, 'edit', rec));
        toast(t('msg.saved'));
        go(`${base}/${rec.id}`);
      },
    });
    mount(ctx.main, pageHeader({ title: `${prefix}.edit`, subtitle: () => titleOf(rec), back: { href: `#${base}/${rec.id}`, label: () => titleOf(rec) } }), form.el);
    form.focus();
  }

  const fieldOrder = [...new Set([...(def.createFields || def.fields || []), ...(def.editFields || [])].map((f) => f.name)
    .concat((def.detail || []).map((d) => d.field)))];
  registerEntity(def.entity || prefix, { prefix, base, order: fieldOrder, formatValue: def.formatValue });

  return {
    nav: def.nav ? [{ href: `#${base}`, match: base, perm: readPerm, ...def.nav }] : [],
    routes: [
      { path: base, perm: readPerm, render: listPage },
      { path: `${base}/new`, perm: writePerm, render: newPage },
      { path: `${base}/:id`, perm: def.canReadRecord ? (p) => can(readPerm) || def.canReadRecord(p) : readPerm, render: recordPage },
      { path: `${base}/:id/edit`, perm: writePerm, render: editPage },
    ],
  };
}

export { ApiError };
