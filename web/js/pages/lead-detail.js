// 招商项目详情 Lead page — facts, score parts, stage progress and timeline (GET …/stages), 洽谈记录 with an
// add form (GET/POST …/contacts), landing (落地) facts and the record history (GET …/history).
import { t, option } from '../i18n.js';
import { api } from '../api.js';
import { fmtDate, fmtDateTime, fmtNumber, fmtWan } from '../format.js';
import {
  h, mount, pageHeader, linkButton, button, formView, detailList, historyView, loadingBlock, errorBlock, toast, alertBox, errorMessage,
} from '../ui.js';
import { fieldLabelFor } from '../resource.js';
import {
  FLOW, CHANNELS, opts, todayChina, stageBadge, stalledBadge, canWriteLead, scoreCard, moveDialog, channelLabel, emptyText,
} from './leads-common.js';
import { canConvert, convertDialog } from './lead-project.js';
import { can } from '../session.js';

export const LEAD_ORDER = ['code', 'project_name', 'investor_name', 'investor_org_id', 'chain_id', 'region_id', 'office_id', 'officer_id',
  'planned_investment', 'expected_output', 'expected_tax', 'land_mu', 'energy_tce', 'patents', 'srdi_level', 'high_tech',
  'enterprise_org_id', 'project_id', 'land_supplied_on', 'notes', 'stage', 'date', 'reason', 'event_id',
  'channel', 'participants', 'summary', 'next_step', 'next_date'];

// names of referenced records seen on the lead page, for the history
const names = new Map();
function remember(lead, stages = []) {
  for (const s of stages) if (s.event_id && s.event_title) names.set(`event_id:${s.event_id}`, s.event_title);
  const pairs = [['investor_org_id', 'investor_org_name'], ['chain_id', 'chain_name'], ['region_id', 'region_name'], ['office_id', 'office_name'],
    ['officer_id', 'officer_name'], ['enterprise_org_id', 'enterprise_name'], ['project_id', 'key_project_name']];
  for (const [id, name] of pairs) if (lead[id] && lead[name]) names.set(`${id}:${lead[id]}`, lead[name]);
}

/** History and audit display of a lead's enumerated and referenced values. */
export function formatLeadValue(field, value) {
  if (value === null || value === undefined) return undefined;
  if (field === 'stage') return option('lead.stage', value);
  if (field === 'channel') return option('contact.channel', value);
  if (field === 'srdi_level') return option('lead.srdi', value);
  if (typeof value === 'boolean') return value ? t('form.yes') : t('form.no');
  if (names.has(`${field}:${value}`)) return names.get(`${field}:${value}`);
  if (['planned_investment', 'expected_tax', 'expected_output'].includes(field)) return fmtWan(value);
  return undefined;
}

const leadLabel = fieldLabelFor('lead');
function historyLabel(field, entity) {
  if (entity === 'lead_stage') return fieldLabelFor('move')(field);
  if (entity === 'lead_contact') return fieldLabelFor('contact')(field);
  return leadLabel(field);
}

// ---------------------------------------------------------------- sections

function stageProgress(lead, stages) {
  const reached = {
    clue: (stages.find((s) => s.stage === 'clue') || {}).date || null,
    negotiating: lead.negotiating_on, signed: lead.signed_on, registered: lead.registered_on,
    started: lead.started_on, producing: lead.producing_on,
  };
  const cur = lead.stage;
  const curIdx = FLOW.indexOf(cur);
  return h('ol', { class: ['inv-steps', cur === 'terminated' && 'is-terminated'], 'aria-label': t('lead.progress') },
    FLOW.map((s, i) => {
      const state = s === cur ? 'current' : (curIdx >= 0 ? i < curIdx : !!reached[s]) ? 'done' : 'todo';
      return h('li', { class: `inv-step inv-step-${state}`, 'aria-current': s === cur ? 'step' : null, dataset: { stage: s } },
        h('span', { class: 'inv-step-dot', 'aria-hidden': 'true' }, state === 'done' ? '✓' : String(i + 1)),
        h('span', { class: 'inv-step-label' }, option('lead.stage', s)),
        h('span', { class: 'inv-step-date' }, reached[s] ? fmtDate(reached[s]) : '—'));
    }),
    cur === 'terminated' ? h('li', { class: 'inv-step inv-step-current inv-step-term', 'aria-current': 'step' },
      h('span', { class: 'inv-step-dot', 'aria-hidden': 'true' }, '×'),
      h('span', { class: 'inv-step-label' }, option('lead.stage', 'terminated')),
      h('span', { class: 'inv-step-date' }, fmtDate(lead.stage_date))) : null);
}

function facts(lead) {
  const v = (x) => (x === null || x === undefined || x === '' ? null : String(x));
  return detailList([
    { label: 'lead.code', value: h('span', { class: 'mono' }, lead.code) },
    { label: 'lead.stage', value: h('span', { class: 'inv-inline' }, stageBadge(lead.stage), ' ', fmtDate(lead.stage_date), lead.stalled ? [' ', stalledBadge()] : null) },
    { label: 'lead.investor_name', value: v(lead.investor_name) },
    { label: 'lead.investor_org_id', value: v(lead.investor_org_name) },
    { label: 'lead.chain_id', value: v(lead.chain_name) },
    { label: 'lead.region_id', value: v(lead.region_name) },
    { label: 'lead.office_id', value: v(lead.office_name) },
    { label: 'lead.officer_id', value: v(lead.officer_name) },
    { label: 'lead.planned_investment', value: lead.planned_investment == null ? null : fmtWan(lead.planned_investment) },
    { label: 'lead.expected_output', value: lead.expected_output == null ? null : fmtWan(lead.expected_output) },
    { label: 'lead.expected_tax', value: lead.expected_tax == null ? null : fmtWan(lead.expected_tax) },
    { label: 'lead.land_mu', value: lead.land_mu == null ? null : t('unit.mu.value', { v: fmtNumber(lead.land_mu) }) },
    { label: 'lead.energy_tce', value: lead.energy_tce == null ? null : t('unit.tce.value', { v: fmtNumber(lead.energy_tce) }) },
    { label: 'lead.high_tech', value: lead.high_tech ? t('form.yes') : t('form.no') },
    { label: 'lead.patents', value: v(lead.patents) },
    { label: 'lead.srdi_level', value: option('lead.srdi', lead.srdi_level || 'none') },
    { label: 'lead.last_contact', value: lead.last_contact ? t('lead.last_contact.value', { date: fmtDate(lead.last_contact), n: lead.contacts || 0 }) : null },
    { label: 'lead.notes', value: v(lead.notes) },
  ]);
}

function landing(lead) {
  return detailList([
    { label: 'lead.registered_on', value: lead.registered_on ? fmtDate(lead.registered_on) : null },
    { label: 'lead.land_supplied_on', value: lead.land_supplied_on ? fmtDate(lead.land_supplied_on) : null },
    { label: 'lead.started_on', value: lead.started_on ? fmtDate(lead.started_on) : null },
    { label: 'lead.producing_on', value: lead.producing_on ? fmtDate(lead.producing_on) : null },
    { label: 'lead.enterprise_org_id', value: lead.enterprise_org_id ? h('a', { href: `#/orgs/${lead.enterprise_org_id}` }, lead.enterprise_name || `#${lead.enterprise_org_id}`) : null },
    { label: 'lead.project_id', value: lead.project_id ? h('a', { href: `#/projects/${lead.project_id}` }, [lead.project_code, lead.key_project_name].filter(Boolean).join(' ') || `#${lead.project_id}`) : null },
  ]);
}

function stageTimeline(stages) {
  if (!stages.length) return emptyText('lead.stages.empty');
  return h('ol', { class: 'inv-timeline' }, [...stages].reverse().map((s) =>
    h('li', { class: 'inv-tl-item', dataset: { stage: s.stage } },
      h('div', { class: 'inv-tl-head' },
        h('time', { class: 'inv-tl-date', datetime: s.date }, fmtDate(s.date)), stageBadge(s.stage),
        s.event_id ? h('a', { href: `#/invest/events/${s.event_id}`, class: 'inv-tl-event' }, s.event_title || `#${s.event_id}`) : null),
      s.reason ? h('div', { class: 'inv-tl-reason' }, h('span', { class: 'muted' }, `${t('move.reason')}：`), s.reason) : null,
      h('div', { class: 'inv-tl-meta muted' }, t('lead.recorded_by', { name: s.created_by_name || t('history.system'), at: fmtDateTime(s.created_at) })))));
}

function contactList(items) {
  if (!items.length) return emptyText('contact.empty');
  // only the latest contact's next step is still open
  return h('ol', { class: 'inv-contacts' }, items.map((c, i) => {
    const overdue = i === 0 && c.next_date && c.next_date < todayChina();
    return h('li', { class: 'inv-contact', dataset: { channel: c.channel } },
      h('div', { class: 'inv-contact-head' },
        h('time', { datetime: c.date, class: 'inv-contact-date' }, fmtDate(c.date)),
        h('span', { class: `badge inv-channel inv-channel-${c.channel}` }, channelLabel(c.channel)),
        c.participants ? h('span', { class: 'muted' }, c.participants) : null),
      h('p', { class: 'inv-contact-summary' }, c.summary),
      c.next_step || c.next_date ? h('p', { class: 'inv-contact-next' },
        h('span', { class: 'muted' }, `${t('contact.next_step')}：`), c.next_step || '—',
        c.next_date ? h('span', { class: ['inv-next-date', overdue && 'is-overdue'] }, ` ${t('contact.by_date', { date: fmtDate(c.next_date) })}`) : null) : null,
      h('div', { class: 'muted inv-small' }, t('lead.recorded_by', { name: c.created_by_name || t('history.system'), at: fmtDateTime(c.created_at) })));
  }));
}

function contactForm(lead, onAdded) {
  const form = formView({
    fields: [
      { name: 'channel', label: 'contact.channel', type: 'select', required: true, options: opts('contact.channel', CHANNELS) },
      { name: 'date', label: 'contact.date', type: 'date', required: true },
      { name: 'participants', label: 'contact.participants', maxlength: 500, wide: true },
      { name: 'summary', label: 'contact.summary', type: 'textarea', required: true, maxlength: 4000 },
      { name: 'next_step', label: 'contact.next_step', maxlength: 500 },
      { name: 'next_date', label: 'contact.next_date', type: 'date' },
    ],
    values: { channel: 'phone', date: todayChina() },
    submitLabel: 'contact.add',
    onSubmit: async (v) => {
      await api.post(`/api/leads/${lead.id}/contacts`, v);
      toast(t('contact.added'));
      form.setValues({ channel: v.channel, date: todayChina() });
      await onAdded();
    },
  });
  form.el.classList.remove('card');
  form.el.classList.add('inv-contact-form');
  return form;
}

// ---------------------------------------------------------------- page

async function detailPage(ctx) {
  ctx.setTitle(t('lead.title'));
  mount(ctx.main, loadingBlock());
  const id = encodeURIComponent(ctx.params.id);
  let lead;
  let stages;
  let contacts;
  try {
    [lead, stages, contacts] = await Promise.all([
      api.get(`/api/leads/${id}`),
      api.get(`/api/leads/${id}/stages`).then((r) => r.items || []),
      api.get(`/api/leads/${id}/contacts`).then((r) => r.items || []),
    ]);
  } catch (err) {
    if (ctx.isCurrent()) mount(ctx.main, pageHeader({ title: 'lead.title', back: { href: '#/leads' } }), errorBlock(err));
    return;
  }
  if (!ctx.isCurrent()) return;
  remember(lead, stages);
  ctx.setTitle(lead.project_name);
  const writable = canWriteLead(lead);

  const header = h('div');
  const progress = h('section', { class: 'card inv-progress-card' });
  const factsCard = h('section', { class: 'card' });
  const scoreBox = h('div');
  const landingCard = h('section', { class: 'card' });
  const timelineCard = h('section', { class: 'card inv-stages-card' });
  const contactsBox = h('div', { class: 'inv-contacts-box' });
  const historyBox = h('div');

  async function reload({ withContacts = false } = {}) {
    try {
      const all = await Promise.all([
        api.get(`/api/leads/${id}`),
        api.get(`/api/leads/${id}/stages`).then((r) => r.items || []),
        withContacts ? api.get(`/api/leads/${id}/contacts`).then((r) => r.items || []) : contacts,
      ]);
      [lead, stages, contacts] = all;
      remember(lead, stages);
      draw();
    } catch (err) {
      toast(errorMessage(err), 'error');
    }
  }

  async function move() {
    const row = await moveDialog(lead);
    if (!row) return;
    toast(t('move.done', { stage: option('lead.stage', row.stage) }));
    await reload();
  }

  async function toProject() {
    const p = await convertDialog(lead);
    if (!p) return;
    toast(t('lead.to_project.done', { code: p.code }));
    await reload();
  }

  const contactsList = h('div');
  const form = writable ? contactForm(lead, () => reload({ withContacts: true })) : null;
  const contactsCard = h('section', { class: 'card inv-contacts-card' },
    h('h2', { class: 'card-title' }, t('contact.title')),
    form ? h('details', { class: 'inv-add', open: true },
      h('summary', null, t('contact.new')), form.el) : null,
    contactsList);

  function draw() {
    const actions = [];
    if (writable) {
      actions.push(button('lead.move', { kind: 'primary', onClick: move }));
      actions.push(linkButton(`#/leads/${lead.id}/edit`, 'action.edit'));
    }
    if (lead.project_id && can('project.read')) {
      actions.push(linkButton(`#/projects/${lead.project_id}`, () => t('lead.key_project.view', { code: lead.project_code || `#${lead.project_id}` })));
    } else if (canConvert(lead)) {
      actions.push(button('lead.to_project', { onClick: toProject }));
    }
    mount(header, pageHeader({
      title: () => lead.project_name,
      subtitle: () => [lead.code, lead.investor_name].filter(Boolean).join(' · '),
      back: { href: '#/leads' },
      actions,
    }));
    mount(progress, h('h2', { class: 'visually-hidden' }, t('lead.progress')), stageProgress(lead, stages));
    mount(factsCard, h('h2', { class: 'card-title' }, t('lead.facts')), facts(lead));
    mount(scoreBox, scoreCard(lead));
    mount(landingCard, h('h2', { class: 'card-title' }, t('lead.landing')), landing(lead));
    mount(timelineCard, h('h2', { class: 'card-title' }, t('lead.stages')), stageTimeline(stages));
    mount(contactsList, h('h3', { class: 'inv-subtitle' }, t('contact.list', { n: contacts.length })), contactList(contacts));
    mount(historyBox, historyView({
      endpoint: `/api/leads/${lead.id}/history`,
      fieldLabel: historyLabel,
      formatValue: (f, v) => formatLeadValue(f, v),
      order: LEAD_ORDER,
      hidden: ['lead_id', 'created_by', 'zone_id'],
      describe: (row) => (row.entity === 'lead_stage' ? t('entity.lead_stage') : row.entity === 'lead_contact' ? t('entity.lead_contact') : null),
    }));
  }
  draw();
  mount(contactsBox, contactsCard);
  mount(ctx.main,
    header,
    lead.stalled ? alertBox(t('lead.stalled.alert'), 'warn') : null,
    progress,
    h('div', { class: 'inv-detail-grid' },
      h('div', { class: 'inv-detail-main' }, factsCard, landingCard),
      h('div', { class: 'inv-detail-side' }, scoreBox, timelineCard)),
    contactsBox,
    historyBox);
}

export default {
  nav: [],
  routes: [{ path: '/leads/:id', perm: 'lead.read', render: detailPage }],
};

