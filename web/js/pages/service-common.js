// Shared pieces of the enterprise service (企业服务) pages: codes, badges, a small table builder,
// the officers to pick from, the 包保 history card and the 一企一策 / 一楼一策 plan card.
import './service-i18n.js';
import { t, option } from '../i18n.js';
import { api } from '../api.js';
import { can } from '../session.js';
import { fmtDate } from '../format.js';
import { h, mount, button, formView, alertBox, errorMessage, loadingBlock, toast, nextId } from '../ui.js';
import { rowsEditor, submitWithRows, sectionFor, insertIntoForm } from './projects-common.js';
import { listAll, opts, todayChina } from './acceptance-common.js';

export { listAll, opts, todayChina };

export const CATEGORIES = ['labour', 'logistics', 'approval', 'policy', 'finance', 'epidemic', 'safety', 'other'];
export const STATES = ['received', 'assigned', 'in_progress', 'resolved', 'reopened', 'confirmed'];
export const CHECK_KINDS = ['disinfection', 'screening', 'safety'];
export const MEASURE_STATUSES = ['planned', 'doing', 'done', 'dropped'];
export const ZJTX = ['city', 'province', 'national'];
export const SECTORS = ['industry', 'productive', 'consumer'];

/** Who may read the service pages: officers, leaders and admins, or an enterprise for its own. */
export const canService = () => can('service.read') || can('request.write_own');

export const dash = () => h('span', { class: 'muted' }, '—');
export const orDash = (v) => (v === null || v === undefined || v === '' ? dash() : v);

export function stateBadge(state) {
  if (!state) return null;
  return h('span', { class: `badge svc-state svc-state-${state}`, dataset: { state } }, option('svc.state', state));
}

export function lateBadge(late) {
  return late ? h('span', { class: 'badge badge-late svc-late', dataset: { late } }, t(`svc.late.${late}`)) : null;
}

export function measureBadge(status) {
  return h('span', { class: `badge svc-measure svc-measure-${status}`, dataset: { status } }, option('svc.measure', status));
}

/** ★★★★☆ for a satisfaction of 1–5 (with the number for screen readers). */
export function stars(n) {
  if (n === null || n === undefined) return null;
  return h('span', { class: 'svc-stars', title: t('svc.stars', { n }), dataset: { stars: n } },
    h('span', { 'aria-hidden': 'true' }, '★'.repeat(n) + '☆'.repeat(Math.max(0, 5 - n))),
    h('span', { class: 'visually-hidden' }, t('svc.stars', { n })));
}

/** A date, red when the limit it names was passed. */
export function dueDate(date, late) {
  return date ? h('span', { class: late ? 'text-overdue' : null }, fmtDate(date)) : null;
}

/**
 * A read-only table: cols [{label, className, render(row) → text|Node}], rows; opts {caption, empty, className,
 * rowAttrs(row) → props for the <tr>}. Cells carry data-label for the phone layout.
 */
export function table(cols, rows, { caption, empty = 'list.empty', className, rowAttrs } = {}) {
  const cell = (c, row) => h('td', { class: c.className, dataset: { label: t(c.label) } }, orDash(c.render(row)));
  return h('div', { class: 'table-wrap' }, h('table', { class: ['data-table compact', className] },
    caption ? h('caption', { class: 'visually-hidden' }, t(caption)) : null,
    h('thead', null, h('tr', null, cols.map((c) => h('th', { scope: 'col', class: c.className }, t(c.label))))),
    h('tbody', null, rows.length ? rows.map((r) => h('tr', rowAttrs ? rowAttrs(r) : null, cols.map((c) => cell(c, r))))
      : h('tr', { class: 'empty-row' }, h('td', { colspan: cols.length }, t(empty))))));
}

/** A card with a title whose body is filled by an async loader; errors show inside the card. */
export function asyncCard(titleKey, className, load) {
  const body = h('div', { class: 'svc-card-body' }, loadingBlock());
  const el = h('section', { class: ['card', className] }, h('h2', { class: 'card-title' }, t(titleKey)), body);
  const run = async () => {
    try {
      mount(body, await load(run));
    } catch (err) {
      mount(body, alertBox(errorMessage(err)));
    }
  };
  run();
  return el;
}

/**
 * The service officers to pick from: every active one for those who read users (admins); otherwise the
 * officers that appear in the current assignments. → [{value, label}]
 */
export async function officerOptions() {
  if (can('user.read')) {
    const users = await listAll('/api/users', { role: 'service_officer', sort: 'name' });
    return users.filter((u) => !u.disabled).map((u) => ({ value: String(u.id), label: () => u.name || u.username }));
  }
  const seen = new Map();
  for (const a of await listAll('/api/assignments')) seen.set(a.officer_id, a.officer_name);
  return [...seen].map(([id, name]) => ({ value: String(id), label: () => name }));
}

/** Current officer and every earlier one of an enterprise or building (GET /api/assignments/history). */
export function assignmentHistoryCard(subject, id) {
  return asyncCard('svc.officer.history', 'svc-officers', async () => {
    const r = await api.get('/api/assignments/history', { subject, subject_id: id });
    const items = r.items || [];
    const cur = items.find((a) => !a.date_to);
    return [
      h('p', { class: 'svc-officer-now' }, h('span', { class: 'muted' }, `${t('svc.org.officer')}：`),
        cur ? h('strong', { dataset: { officer: cur.officer_id } }, cur.officer_name) : h('span', { class: 'muted' }, t('svc.officer.none'))),
      items.length ? table([
        { label: 'svc.assign.officer_id', render: (a) => a.officer_name },
        { label: 'svc.assign.from', className: 'nowrap', render: (a) => fmtDate(a.date_from) },
        { label: 'svc.assign.to', className: 'nowrap', render: (a) => (a.date_to ? fmtDate(a.date_to) : h('span', { class: 'badge badge-on' }, t('svc.officer.current'))) },
        { label: 'svc.assign.note', render: (a) => a.note },
      ], items, { rowAttrs: (a) => ({ class: a.date_to ? 'svc-ended' : null }) }) : null,
    ];
  });
}

// ---------------------------------------------------------------- plan (一企一策 / 一楼一策)

function planView(plan) {
  return h('div', { class: 'svc-plan', dataset: { version: plan.version } },
    h('p', { class: 'svc-plan-meta muted' }, t('svc.plan.version.label', { n: plan.version, date: fmtDate(plan.dated), by: plan.created_by_name || '—' })),
    h('div', { class: 'svc-plan-needs' }, h('div', { class: 'stat-label' }, t('svc.plan.needs')), h('p', { class: 'svc-pre' }, plan.needs)),
    h('div', { class: 'stat-label' }, t('svc.plan.measures')),
    table([
      { label: 'svc.plan.measure', className: 'col-wide', render: (m) => m.text },
      { label: 'svc.plan.status', className: 'nowrap', render: (m) => measureBadge(m.status || 'planned') },
      { label: 'svc.plan.owner', render: (m) => m.owner },
      { label: 'svc.plan.due', className: 'nowrap', render: (m) => fmtDate(m.due) },
    ], plan.measures || [], { empty: 'svc.plan.measures.none', className: 'svc-measures' }));
}

function planEditor(endpoint, plan, done) {
  const measures = rowsEditor({
    name: 'measures',
    addLabel: 'svc.plan.add',
    emptyText: 'svc.plan.measures.none',
    rows: (plan && plan.measures) || [],
    newRow: () => ({ status: 'planned' }),
    columns: [
      { key: 'text', label: 'svc.plan.measure', type: 'text', required: true },
      { key: 'owner', label: 'svc.plan.owner', type: 'text', width: '9em' },
      { key: 'due', label: 'svc.plan.due', type: 'date' },
      { key: 'status', label: 'svc.plan.status', type: 'select', options: opts('svc.measure', MEASURE_STATUSES) },
    ],
  });
  const form = formView({
    fields: [
      { name: 'dated', label: 'svc.plan.dated', type: 'date', required: true },
      { name: 'needs', label: 'svc.plan.needs', type: 'textarea', required: true, maxlength: 4000, rows: 3 },
    ],
    values: { dated: todayChina(), needs: plan ? plan.needs : '' },
    submitLabel: 'svc.plan.save',
    onSubmit: async (v) => {
      const body = { dated: v.dated, needs: v.needs, measures: measures.values() };
      const saved = await submitWithRows([measures], () => api.put(endpoint, body));
      toast(t('svc.plan.saved', { n: saved.version }));
      done();
    },
  });
  form.el.classList.add('svc-plan-form');
  insertIntoForm(form, sectionFor('svc.plan.measures', null, measures));
  return h('div', { class: 'svc-plan-edit' }, h('p', { class: 'field-hint' }, t('svc.plan.hint')), form.el);
}

/**
 * The plan of an enterprise or building: the latest version (or one picked), the versions, and for
 * service.write an editor that saves a new version. endpoint: '/api/orgs/1/plan' | '/api/buildings/1/plan'.
 */
export function planCard(endpoint, kind) {
  const el = h('section', { class: 'card svc-plan-card', dataset: { kind } });
  async function show(version, editing) {
    let r;
    try {
      r = await api.get(endpoint, version ? { version } : {});
    } catch (err) {
      mount(el, h('h2', { class: 'card-title' }, t(`svc.plan.${kind}`)), alertBox(errorMessage(err)));
      return;
    }
    const versions = r.versions || [];
    const latest = versions.length ? versions[0].version : null;
    let picker = null;
    if (versions.length > 1) {
      const id = nextId('svc-plan-v');
      const sel = h('select', { id, class: 'input input-narrow', name: 'version' },
        versions.map((v) => h('option', { value: String(v.version) }, t('svc.plan.version.label', { n: v.version, date: fmtDate(v.dated), by: v.created_by_name || '—' }))));
      sel.value = String(r.plan ? r.plan.version : latest);
      sel.addEventListener('change', () => show(Number(sel.value), false));
      picker = h('div', { class: 'toolbar-field svc-plan-picker' }, h('label', { for: id, class: 'visually-hidden' }, t('svc.plan.version')), sel);
    }
    const mayEdit = can('service.write');
    const editBtn = mayEdit && !editing ? button(r.plan ? 'svc.plan.edit' : 'svc.plan.new', { kind: 'secondary', onClick: () => show(null, true) }) : null;
    if (editBtn) editBtn.classList.add('svc-plan-edit-btn');
    const old = r.plan && latest !== null && r.plan.version !== latest;
    mount(el,
      h('div', { class: 'card-head' }, h('h2', { class: 'card-title' }, t(`svc.plan.${kind}`)),
        h('div', { class: 'svc-plan-tools' }, picker, editBtn)),
      old ? alertBox(t('svc.plan.old'), 'info') : null,
      r.plan ? planView(r.plan) : h('p', { class: 'muted svc-plan-none' }, t('svc.plan.none')),
      editing ? planEditor(endpoint, r.plan, () => show(null, false)) : null);
  }
  mount(el, loadingBlock());
  show(null, false);
  return el;
}

/** A figure tile; a link to the list it counts when href is given. */
export function statTile(key, value, { href, sub, alert } = {}) {
  const inner = [h('span', { class: 'inv-stat-label' }, t(key)), h('span', { class: 'inv-stat-value' }, value),
    sub ? h('span', { class: 'inv-stat-sub muted' }, sub) : null];
  const cls = ['inv-stat', alert && 'inv-stat-link'];
  return href ? h('a', { class: cls, href, dataset: { stat: key } }, inner) : h('div', { class: cls, dataset: { stat: key } }, inner);
}
