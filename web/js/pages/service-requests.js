// 企业诉求 Enterprise requests — the list (#/service/requests), the new-request form
// (#/service/requests/new) and a request's page (#/service/requests/:id): fields and due dates, the
// thread, attachments and the steps the state machine allows (POST /api/requests/{id}/actions).
import { t, option } from '../i18n.js';
import { api, ApiError } from '../api.js';
import { can } from '../session.js';
import { go, replaceQuery } from '../router.js';
import { fmtDate, fmtDateTime, fmtNumber, fmtSize } from '../format.js';
import {
  h, mount, pageHeader, linkButton, button, listView, formView, alertBox, errorBlock, errorMessage,
  loadingBlock, toast, nextId,
} from '../ui.js';
import {
  CATEGORIES, STATES, opts, listAll, canService, stateBadge, lateBadge, stars, dueDate, orDash, officerOptions,
} from './service-common.js';

const officer = () => can('service.read');

export const requestColumns = [
  { field: 'title', label: 'svc.req.title', className: 'col-wide', href: (r) => `#/service/requests/${r.id}` },
  { field: 'org_name', label: 'svc.req.org', render: (r) => r.org_name },
  { field: 'category', label: 'svc.req.category', render: (r) => option('svc.cat', r.category) },
  { field: 'state', label: 'svc.req.state', sort: true, className: 'nowrap', render: (r) => stateBadge(r.state) },
  { field: 'officer_name', label: 'svc.req.officer' },
  { field: 'received_on', label: 'svc.req.received_on', sort: true, className: 'nowrap', render: (r) => fmtDate(r.received_on) },
  { field: 'due_resolve', label: 'svc.req.due_resolve', sort: true, className: 'nowrap', render: (r) => dueDate(r.due_resolve, r.late === 'resolve') },
  { field: 'late', label: 'svc.req.late', className: 'nowrap', render: (r) => lateBadge(r.late) },
];

// state (or open), category, late only
export const requestFilters = [
  { name: 'state', label: 'svc.req.state', options: [{ value: 'open', label: 'svc.state.open' }, ...opts('svc.state', STATES)] },
  { name: 'category', label: 'svc.req.category', options: opts('svc.cat', CATEGORIES) },
  { name: 'overdue', label: 'svc.req.late', options: [{ value: '1', label: 'svc.overdue_only' }] },
  // lateness as of a past day (the dashboard and the report link here with their date)
  { name: 'as_of', label: 'svc.req.as_of', type: 'date' },
];

// ---------------------------------------------------------------- list

function listPage(ctx) {
  const mine = !officer();
  const title = mine ? 'svc.myrequests' : 'svc.requests';
  ctx.setTitle(t(title));
  // links from an enterprise or officer page narrow the list to them
  const fixed = {};
  for (const k of ['org_id', 'officer_id']) if (/^\d+$/.test(ctx.query[k] || '')) fixed[k] = ctx.query[k];
  const list = listView({
    endpoint: '/api/requests',
    columns: mine ? requestColumns.filter((c) => c.field !== 'org_name') : requestColumns,
    filters: requestFilters,
    search: 'svc.req.search',
    state: ctx.query,
    params: fixed,
    onState: (st) => replaceQuery({ ...fixed, ...st }),
    rowHref: (r) => `#/service/requests/${r.id}`,
    rowClass: (r) => (r.late ? 'row-late' : null),
    caption: title,
  });
  list.el.classList.add('svc-requests');
  const mayFile = can('service.write') || can('request.write_own');
  mount(ctx.main,
    pageHeader({ title, actions: mayFile ? [linkButton('#/service/requests/new', 'svc.req.new', 'primary')] : [] }),
    list.el);
}

// ---------------------------------------------------------------- new request

async function newPage(ctx) {
  ctx.setTitle(t('svc.req.new'));
  const side = can('service.write');
  let orgs = [];
  if (side) {
    try {
      orgs = await listAll('/api/orgs', { kind: 'enterprise', sort: 'name' });
    } catch (err) {
      if (ctx.isCurrent()) mount(ctx.main, pageHeader({ title: 'svc.req.new', back: { href: '#/service/requests' } }), errorBlock(err));
      return;
    }
    if (!ctx.isCurrent()) return;
  }
  const fields = [];
  if (side) {
    fields.push({ name: 'org_id', label: 'svc.req.org_id', type: 'select', required: true, valueType: 'int', wide: true,
      options: orgs.map((o) => ({ value: String(o.id), label: () => o.name })) });
  }
  fields.push(
    { name: 'category', label: 'svc.req.category', type: 'select', required: true, options: opts('svc.cat', CATEGORIES) },
    { name: 'title', label: 'svc.req.title', required: true, maxlength: 200 },
    { name: 'description', label: 'svc.req.description', type: 'textarea', required: true, maxlength: 4000, rows: 5 },
    { name: 'complex', label: 'svc.req.complex', type: 'checkbox' });
  if (side) fields.push({ name: 'received_on', label: 'svc.req.received_on', type: 'date', hint: 'svc.req.received_on.hint' });
  const form = formView({
    fields,
    values: { org_id: ctx.query.org_id || '' },
    submitLabel: 'svc.req.new',
    cancelHref: '#/service/requests',
    onSubmit: async (v) => {
      const body = { category: v.category, title: v.title, description: v.description, complex: v.complex };
      if (side) { body.org_id = v.org_id; if (v.received_on) body.received_on = v.received_on; }
      const r = await api.post('/api/requests', body);
      toast(t('svc.req.created'));
      go(`/service/requests/${r.id}`, { created: 1 });
    },
  });
  form.el.classList.add('svc-request-form');
  mount(ctx.main,
    pageHeader({ title: 'svc.req.new', back: { href: '#/service/requests' } }),
    side && !orgs.length ? alertBox(t('svc.req.enterprise_none'), 'warn') : null,
    form.el);
  form.focus();
}

// ---------------------------------------------------------------- detail

function stat(key, value, attrs) {
  return h('div', { class: 'stat', dataset: { stat: key, ...(attrs || {}) } },
    h('div', { class: 'stat-label' }, t(key)), h('div', { class: 'stat-value' }, orDash(value)));
}

/** Steps offered in a state to the service side (service.write) and to the enterprise's word. */
const OFFICER_MOVES = {
  received: ['start', 'answer', 'resolve', 'assign'],
  assigned: ['start', 'answer', 'resolve', 'assign'],
  in_progress: ['answer', 'resolve', 'assign'],
  reopened: ['start', 'answer', 'resolve', 'assign'],
  resolved: [],
  confirmed: [],
};

export function allowedActions(state) {
  const out = [];
  const sideWrite = can('service.write');
  if (sideWrite) out.push(...(OFFICER_MOVES[state] || []));
  if (state === 'resolved' && (can('request.write_own') || sideWrite)) out.push('confirm', 'reopen');
  if (state !== 'confirmed' && (sideWrite || can('request.write_own'))) out.push('comment');
  return out;
}

/** Star radios (1–5) for the satisfaction; an editor in the shape submitWithRows takes. */
function starPicker() {
  const name = nextId('svc-sat');
  const err = h('div', { class: 'field-error', dataset: { errorFor: 'satisfaction' } });
  // five to one in the DOM, shown one to five (row-reverse): a checked star lights the ones before it
  const radios = [5, 4, 3, 2, 1].map((n) => {
    const id = `${name}-${n}`;
    const input = h('input', { type: 'radio', id, name: 'satisfaction', value: String(n), class: 'svc-star-input' });
    return { input, el: [input, h('label', { for: id, class: 'svc-star', title: t('svc.stars', { n }) },
      h('span', { 'aria-hidden': 'true' }, '★'), h('span', { class: 'visually-hidden' }, t('svc.stars', { n })))] };
  });
  const el = h('fieldset', { class: 'field field-wide svc-stars-field', dataset: { field: 'satisfaction' } },
    h('legend', { class: 'field-label' }, t('svc.req.satisfaction'), h('span', { class: 'req' }, ' *')),
    h('div', { class: 'svc-star-row' }, radios.map((r) => r.el)), err);
  return {
    el,
    value: () => { const c = radios.find((r) => r.input.checked); return c ? Number(c.input.value) : null; },
    clearErrors: () => { err.textContent = ''; el.classList.remove('has-error'); },
    setErrors(fields) {
      const mine = fields.filter((f) => f.field === 'satisfaction');
      err.textContent = mine.map((f) => f.message).join('；');
      el.classList.toggle('has-error', mine.length > 0);
      return { rest: fields.filter((f) => f.field !== 'satisfaction'), first: mine.length ? radios[4].input : null };
    },
  };
}

async function actionForm(q, action, done) {
  const onField = { name: 'on', label: 'svc.req.on', type: 'date', hint: 'svc.req.on.hint' };
  const fields = [];
  if (action === 'assign') {
    fields.push({ name: 'officer_id', label: 'svc.req.officer_id', type: 'select', required: true, valueType: 'int', options: officerOptions });
  }
  if (action === 'resolve') fields.push({ name: 'resolution', label: 'svc.req.resolution', type: 'textarea', required: true, maxlength: 4000, rows: 3 });
  if (['answer', 'reopen', 'comment'].includes(action)) {
    fields.push({ name: 'note', label: action === 'reopen' ? 'svc.req.note.reopen' : 'svc.req.note', type: 'textarea', required: true, maxlength: 2000, rows: 3 });
  } else if (action === 'assign' || action === 'start') {
    fields.push({ name: 'note', label: 'svc.req.note', type: 'textarea', maxlength: 2000, rows: 2 });
  }
  fields.push(onField);
  const picker = action === 'confirm' ? starPicker() : null;
  const editors = picker ? [picker] : [];
  const form = formView({
    fields,
    submitLabel: `svc.action.${action}`,
    onSubmit: async (v) => {
      const body = { action };
      for (const [k, val] of Object.entries(v)) if (val !== null && val !== '') body[k] = val;
      if (picker && picker.value() !== null) body.satisfaction = picker.value();
      for (const e of editors) e.clearErrors();
      try {
        done(await api.post(`/api/requests/${q.id}/actions`, body));
      } catch (err) {
        if (!(err instanceof ApiError) || !err.fields.length || !picker) throw err;
        const { rest } = picker.setErrors(err.fields);
        throw new ApiError(err.status, err.code, err.message, rest);
      }
      toast(t('svc.req.done'));
    },
  });
  if (picker) form.el.querySelector('.form-grid').prepend(picker.el);
  form.el.classList.add('svc-action-form');
  form.el.dataset.action = action;
  return form;
}

function actionsCard(q, render) {
  const acts = allowedActions(q.state);
  if (!acts.length) return null;
  const panel = h('div', { class: 'svc-action-panel' });
  const buttons = acts.map((a) => {
    const b = button(`svc.action.${a}`, { kind: ['resolve', 'confirm'].includes(a) ? 'primary' : 'secondary' });
    b.classList.add('svc-act');
    b.dataset.action = a;
    b.addEventListener('click', async () => {
      for (const x of buttons) x.classList.toggle('is-current', x === b);
      const form = await actionForm(q, a, render);
      mount(panel, form.el);
      form.focus();
    });
    return b;
  });
  const enterpriseWord = can('service.write') && q.state === 'resolved';
  return h('section', { class: 'card svc-actions' },
    h('h2', { class: 'card-title' }, t('svc.req.actions')),
    h('div', { class: 'svc-act-buttons' }, buttons),
    enterpriseWord ? h('p', { class: 'field-hint' }, t('svc.req.actions.phone')) : null,
    panel);
}

function threadCard(q) {
  const events = q.events || [];
  return h('section', { class: 'card svc-thread' },
    h('h2', { class: 'card-title' }, t('svc.req.thread')),
    events.length ? h('ol', { class: 'inv-timeline svc-timeline' }, events.map((e) => h('li', { class: 'inv-tl-item svc-event', dataset: { action: e.action } },
      h('div', { class: 'inv-tl-head' },
        h('time', { class: 'inv-tl-date', datetime: e.on_date }, fmtDate(e.on_date)),
        h('strong', { class: 'svc-event-action' }, option('svc.action', e.action)),
        e.to_state && e.from_state !== e.to_state ? h('span', { class: 'svc-event-states muted' },
          e.from_state ? t('svc.state_change', { from: option('svc.state', e.from_state), to: option('svc.state', e.to_state) }) : option('svc.state', e.to_state)) : null),
      e.note ? h('div', { class: 'inv-tl-reason svc-event-note' }, e.note) : null,
      h('div', { class: 'inv-tl-meta muted' }, `${e.user_name || t('history.system')} · ${fmtDateTime(e.at)}`))))
      : h('p', { class: 'muted' }, t('svc.req.thread.empty')));
}


function filesCard(q, reload) {
  const files = q.files || [];
  const mayUpload = (can('service.write') || can('request.write_own')) && q.state !== 'confirmed';
  let upload = null;
  if (mayUpload) {
    const fid = nextId('svc-file');
    const input = h('input', { type: 'file', id: fid, name: 'file', class: 'acc-file-input', accept: '.pdf,.png,.jpg,.jpeg,.doc,.docx,.xls,.xlsx,.ppt,.pptx' });
    const msg = h('div', { class: 'field-error', 'aria-live': 'polite' });
    const btn = button('svc.req.files.upload', { kind: 'secondary' });
    btn.addEventListener('click', async () => {
      msg.textContent = '';
      const f = input.files && input.files[0];
      if (!f) { msg.textContent = t('svc.req.files.choose'); return; }
      btn.disabled = true;
      try {
        await api.upload(`/api/requests/${q.id}/files`, f, { filename: f.name });
        toast(t('svc.req.files.uploaded'));
        reload();
      } catch (err) {
        msg.textContent = err instanceof ApiError && err.fields.length ? err.fields.map((x) => x.message).join('；') : errorMessage(err);
        btn.disabled = false;
      }
    });
    upload = h('div', { class: 'acc-upload svc-upload' },
      h('label', { for: fid, class: 'field-label' }, t('svc.req.files.choose')), input, btn,
      h('div', { class: 'field-hint' }, t('svc.req.files.hint')), msg);
  }
  return h('section', { class: 'card svc-files' },
    h('h2', { class: 'card-title' }, t('svc.req.files')),
    files.length ? h('ul', { class: 'acc-files' }, files.map((f) => h('li', null,
      h('a', { href: `/api/request-files/${f.id}`, download: f.filename, class: 'svc-file-link' }, f.filename),
      h('span', { class: 'muted' }, ` ${fmtSize(f.size)} · ${fmtDateTime(f.uploaded_at)}`)))) : h('p', { class: 'muted' }, t('svc.req.files.none')),
    upload);
}

async function detailPage(ctx) {
  ctx.setTitle(t('svc.requests'));
  const url = `/api/requests/${encodeURIComponent(ctx.params.id)}`;
  const back = { href: '#/service/requests' };
  let created = ctx.query.created === '1';

  function render(q) {
    if (!ctx.isCurrent()) return;
    ctx.setTitle(q.title);
    const orgLink = can('service.read') ? h('a', { href: `#/service/orgs/${q.org_id}` }, q.org_name) : q.org_name;
    const summary = h('section', { class: 'card svc-summary', dataset: { state: q.state, late: q.late || '' } },
      h('div', { class: 'stats' },
        stat('svc.req.state', h('span', { class: 'badge-row' }, stateBadge(q.state), lateBadge(q.late))),
        stat('svc.req.org', orgLink),
        stat('svc.req.category', h('span', null, option('svc.cat', q.category), q.complex ? h('span', { class: 'badge svc-complex' }, t('svc.req.complex.short')) : null)),
        stat('svc.req.officer', q.officer_name),
        stat('svc.req.received_on', fmtDate(q.received_on)),
        stat('svc.req.filed_by', q.filed_by_name)),
      h('div', { class: 'stats svc-dues' },
        stat('svc.req.due_start', dueDate(q.due_start, q.late === 'start'), { late: q.late === 'start' ? '1' : '' }),
        stat('svc.req.due_answer', dueDate(q.due_answer, q.late === 'answer'), { late: q.late === 'answer' ? '1' : '' }),
        stat('svc.req.due_resolve', dueDate(q.due_resolve, q.late === 'resolve'), { late: q.late === 'resolve' ? '1' : '' }),
        stat('svc.req.started_on', fmtDate(q.started_on)),
        stat('svc.req.answered_on', fmtDate(q.answered_on)),
        stat('svc.req.resolved_on', fmtDate(q.resolved_on))),
      h('div', { class: 'stats' },
        stat('svc.req.confirmed_on', fmtDate(q.confirmed_on)),
        stat('svc.req.satisfaction', stars(q.satisfaction)),
        stat('svc.req.reopen_count', q.reopen_count ? fmtNumber(q.reopen_count) : null),
        stat('svc.req.escalated', q.escalated_on ? t('svc.req.escalated.text', { date: fmtDate(q.escalated_on), name: q.escalated_to_name || '—' }) : null)));
    const text = h('section', { class: 'card svc-text' },
      h('h2', { class: 'card-title' }, t('svc.req.description')), h('p', { class: 'svc-pre' }, q.description),
      q.resolution ? [h('h2', { class: 'card-title' }, t('svc.req.resolution')), h('p', { class: 'svc-pre svc-resolution' }, q.resolution)] : null);
    const note = created ? alertBox(h('div', null, h('strong', null, t('svc.req.created')), ' ',
      t('svc.req.created.due', { start: fmtDate(q.due_start), answer: fmtDate(q.due_answer), resolve: fmtDate(q.due_resolve) })), 'ok') : null;
    created = false;
    mount(ctx.main,
      pageHeader({ title: () => q.title, subtitle: () => `#${q.id} · ${q.org_name}`, back }),
      note, summary,
      h('div', { class: 'svc-two' },
        h('div', null, text, actionsCard(q, render)),
        h('div', null, threadCard(q), filesCard(q, load))));
  }

  async function load() {
    try {
      render(await api.get(url));
    } catch (err) {
      if (ctx.isCurrent()) mount(ctx.main, pageHeader({ title: 'svc.requests', back }), errorBlock(err));
    }
  }
  mount(ctx.main, loadingBlock());
  await load();
}

export default {
  nav: [
    { href: '#/service/requests', match: '/service/requests', visible: () => can('service.read'), label: 'nav.svc.requests', group: 'service', order: 10 },
    { href: '#/service/requests', match: '/service/requests', visible: () => !can('service.read') && can('request.write_own'), label: 'nav.svc.myrequests', group: 'service', order: 10 },
  ],
  routes: [
    { path: '/service/requests', perm: () => canService(), render: listPage },
    { path: '/service/requests/new', perm: () => can('service.write') || can('request.write_own'), render: newPage },
    { path: '/service/requests/:id', perm: () => canService(), render: detailPage },
  ],
};
