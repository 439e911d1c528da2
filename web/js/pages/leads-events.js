// 签约活动 Signing and promotion events (/api/signing-events) with the event summary
// ("28个项目，总投资61.3亿元"), the by-chain table, the leads signed there and the signing form
// (POST /api/signing-events/{id}/leads); 亮点 Highlights (/api/highlights). Both through the resource component.
import { t, option } from '../i18n.js';
import { api, ApiError } from '../api.js';
import { can } from '../session.js';
import { fmtDate, fmtNumber, wanToYi } from '../format.js';
import { h, mount, button, alertBox, loadingBlock, errorMessage, toast, nextId } from '../ui.js';
import { resourceModule } from '../resource.js';
import {
  EVENT_KINDS, EVENT_MODES, opts, todayChina, stageBadge, wan, forgetSigningEvents, emptyText,
} from './leads-common.js';

const yi = (wanAmount) => fmtNumber(wanToYi(wanAmount || 0), 1);

export function eventSummaryText(s) {
  return t('sevent.summary', { n: s.count || 0, yi: yi(s.total_investment) });
}

function kindBadge(kind) {
  return kind ? h('span', { class: `badge inv-kind inv-kind-${kind}` }, option('sevent.kind', kind)) : null;
}

// ---------------------------------------------------------------- event page: summary, by chain, leads, signing

function summaryBlock(s) {
  return h('div', { class: 'inv-event-summary' },
    h('p', { class: 'inv-event-total', dataset: { count: s.count, total: s.total_investment } }, eventSummaryText(s)),
    s.by_chain && s.by_chain.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'data-table inv-bychain' },
      h('caption', { class: 'visually-hidden' }, t('sevent.by_chain')),
      h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, t('lead.chain_id')),
        h('th', { scope: 'col', class: 'num' }, t('ireport.count')),
        h('th', { scope: 'col', class: 'num' }, t('ireport.investment.wan')),
        h('th', { scope: 'col', class: 'num' }, t('ireport.investment.yi')))),
      h('tbody', null, s.by_chain.map((c) => h('tr', null,
        h('td', { dataset: { label: t('lead.chain_id') } }, c.chain || t('ireport.no_chain')),
        h('td', { class: 'num', dataset: { label: t('ireport.count') } }, String(c.count)),
        h('td', { class: 'num', dataset: { label: t('ireport.investment.wan') } }, wan(c.investment)),
        h('td', { class: 'num', dataset: { label: t('ireport.investment.yi') } }, fmtNumber(c.investment_yi ?? wanToYi(c.investment), 1))))))) : null);
}

function signedLeads(s) {
  if (!s.leads || !s.leads.length) return emptyText('sevent.leads.empty');
  return h('div', { class: 'table-wrap' }, h('table', { class: 'data-table inv-event-leads' },
    h('caption', { class: 'visually-hidden' }, t('sevent.leads')),
    h('thead', null, h('tr', null,
      h('th', { scope: 'col' }, t('lead.code')), h('th', { scope: 'col' }, t('lead.project_name')), h('th', { scope: 'col' }, t('lead.chain_id')),
      h('th', { scope: 'col', class: 'num' }, t('lead.planned_investment.short')), h('th', { scope: 'col' }, t('lead.stage')))),
    h('tbody', null, s.leads.map((l) => h('tr', { dataset: { id: l.id } },
      h('td', { class: 'mono nowrap', dataset: { label: t('lead.code') } }, l.code),
      h('td', { dataset: { label: t('lead.project_name') } }, h('a', { href: `#/leads/${l.id}`, class: 'row-link' }, l.project_name)),
      h('td', { dataset: { label: t('lead.chain_id') } }, l.chain_name || '—'),
      h('td', { class: 'num', dataset: { label: t('lead.planned_investment.short') } }, wan(l.planned_investment)),
      h('td', { dataset: { label: t('lead.stage') } }, stageBadge(l.stage)))))));
}

function signForm(ev, onSigned) {
  const box = h('div', { class: 'inv-sign' });
  const msg = h('div', { class: 'inv-sign-msg' });
  const listEl = h('ul', { class: 'inv-pick-list' });
  const filterId = nextId('pf');
  const filter = h('input', { id: filterId, type: 'search', class: 'input', placeholder: t('sign.filter'), autocomplete: 'off' });
  const chosen = h('p', { class: 'inv-pick-sum', role: 'status', 'aria-live': 'polite' });
  const submit = button('sign.submit', { kind: 'primary' });
  submit.classList.add('inv-sign-submit');
  let candidates = [];

  function selected() {
    const ids = new Set([...listEl.querySelectorAll('input:checked')].map((c) => Number(c.value)));
    return candidates.filter((l) => ids.has(l.id));
  }
  function updateSum() {
    const sel = selected();
    const total = sel.reduce((s, l) => s + (Number(l.planned_investment) || 0), 0);
    chosen.textContent = t('sign.chosen', { n: sel.length, yi: yi(total) });
    submit.disabled = sel.length === 0;
  }
  function draw() {
    const q = filter.value.trim().toLowerCase();
    const shown = candidates.filter((l) => !q || [l.code, l.project_name, l.investor_name, l.chain_name].some((x) => x && x.toLowerCase().includes(q)));
    const keep = new Set(selected().map((l) => l.id));
    if (!candidates.length) { mount(listEl, h('li', { class: 'muted' }, t('sign.none'))); updateSum(); return; }
    mount(listEl, shown.map((l) => {
      const id = nextId('pk');
      return h('li', { class: 'inv-pick', dataset: { id: l.id } },
        h('input', { id, type: 'checkbox', class: 'checkbox', value: String(l.id), checked: keep.has(l.id) }),
        h('label', { for: id },
          h('span', { class: 'mono muted' }, l.code), ' ', h('span', { class: 'inv-pick-name' }, l.project_name), ' ',
          stageBadge(l.stage), ' ',
          h('span', { class: 'muted' }, [l.chain_name, l.planned_investment != null ? `${wan(l.planned_investment)} ${t('unit.wan.short')}` : null].filter(Boolean).join(' · '))));
    }));
    updateSum();
  }
  listEl.addEventListener('change', updateSum);
  filter.addEventListener('input', draw);

  submit.addEventListener('click', async () => {
    const sel = selected();
    if (!sel.length) return;
    msg.replaceChildren();
    submit.disabled = true;
    try {
      const s = await api.post(`/api/signing-events/${ev.id}/leads`, { lead_ids: sel.map((l) => l.id) });
      toast(t('sign.done', { n: sel.length }));
      forgetSigningEvents();
      await onSigned(s);
    } catch (err) {
      const lines = [];
      if (err instanceof ApiError) {
        for (const f of err.fields) {
          const m = /^lead_ids\[(\d+)\]/.exec(f.field);
          const l = m ? sel[Number(m[1])] : null;
          lines.push(l ? `${l.code} ${l.project_name}：${f.message}` : `${f.field}: ${f.message}`);
        }
      }
      msg.appendChild(alertBox(h('div', null, h('strong', null, errorMessage(err)),
        lines.length ? h('ul', null, lines.map((x) => h('li', null, x))) : null)));
      submit.disabled = false;
    }
  });

  async function load() {
    mount(listEl, h('li', null, loadingBlock()));
    try {
      const r = await api.get('/api/leads', { pool: 1, sort: '-score', limit: 200 });
      candidates = r.items || [];
    } catch (err) {
      candidates = [];
      msg.appendChild(alertBox(errorMessage(err)));
    }
    draw();
  }

  mount(box,
    h('p', { class: 'muted' }, t('sign.intro', { date: fmtDate(ev.date) })),
    ev.date > todayChina() ? alertBox(t('sign.future'), 'warn') : null,
    msg,
    h('div', { class: 'toolbar-field inv-pick-filter' }, h('label', { for: filterId, class: 'visually-hidden' }, t('sign.filter')), filter),
    listEl,
    h('div', { class: 'inv-sign-actions' }, chosen, submit));
  load();
  return box;
}

function eventExtra(ev) {
  const summaryCard = h('section', { class: 'card inv-event-card' }, h('h2', { class: 'card-title' }, t('sevent.summary.title')), loadingBlock());
  const leadsCard = h('section', { class: 'card' }, h('h2', { class: 'card-title' }, t('sevent.leads')));
  const signCard = ev.kind === 'signing' && can('invest.write') ? h('section', { class: 'card inv-sign-card' }, h('h2', { class: 'card-title' }, t('sign.title'))) : null;

  function show(s) {
    mount(summaryCard, h('h2', { class: 'card-title' }, t('sevent.summary.title')), summaryBlock(s));
    mount(leadsCard, h('h2', { class: 'card-title' }, t('sevent.leads')), signedLeads(s));
  }
  async function load() {
    try {
      show(await api.get(`/api/signing-events/${ev.id}/summary`));
    } catch (err) {
      mount(summaryCard, alertBox(errorMessage(err)));
    }
  }
  const onSigned = async (s) => {
    show(s);
    mount(signCard, h('h2', { class: 'card-title' }, t('sign.title')), signForm(ev, onSigned));
  };
  if (signCard) mount(signCard, h('h2', { class: 'card-title' }, t('sign.title')), signForm(ev, onSigned));
  load();
  return h('div', { class: 'inv-event-extra' }, summaryCard, leadsCard, signCard,
    ev.kind !== 'signing' ? h('p', { class: 'muted' }, t('sevent.promotion.note')) : null);
}

const events = resourceModule({
  base: '/invest/events',
  endpoint: '/api/signing-events',
  perm: 'invest',
  readPerm: 'lead.read',
  writePerm: 'invest.write',
  prefix: 'sevent',
  entity: 'signing_event',
  nav: { label: 'nav.events', group: 'invest', order: 40 },
  defaultSort: '-date',
  search: 'sevent.search',
  columns: [
    { field: 'date', label: 'sevent.date', sort: true, className: 'nowrap', render: (r) => fmtDate(r.date) },
    { field: 'title', label: 'sevent.title_field', sort: true, className: 'col-wide', href: (r) => `#/invest/events/${r.id}` },
    { field: 'kind', label: 'sevent.kind', render: (r) => kindBadge(r.kind) },
    { field: 'mode', label: 'sevent.mode', render: (r) => option('sevent.mode', r.mode) },
    { field: 'location', label: 'sevent.location' },
  ],
  filters: [{ name: 'kind', label: 'sevent.kind', options: opts('sevent.kind', EVENT_KINDS) }],
  fields: [
    { name: 'title', label: 'sevent.title_field', required: true, maxlength: 200, wide: true },
    { name: 'date', label: 'sevent.date', type: 'date', required: true },
    { name: 'kind', label: 'sevent.kind', type: 'select', required: true, options: opts('sevent.kind', EVENT_KINDS) },
    { name: 'mode', label: 'sevent.mode', type: 'select', required: true, options: opts('sevent.mode', EVENT_MODES) },
    { name: 'location', label: 'sevent.location', maxlength: 200 },
    { name: 'note', label: 'sevent.note', type: 'textarea', maxlength: 2000 },
  ],
  defaults: () => ({ date: todayChina(), kind: 'signing', mode: 'onsite' }),
  titleOf: (r) => r.title || `#${r.id}`,
  detail: [
    { field: 'date' }, { field: 'kind', render: (r) => kindBadge(r.kind) }, { field: 'mode' }, { field: 'location' }, { field: 'note' },
    { field: 'created_at' }, { field: 'updated_at' },
  ],
  formatValue: (field, value) => (field === 'kind' ? option('sevent.kind', value) : field === 'mode' ? option('sevent.mode', value) : undefined),
  extraDetail: (rec) => eventExtra(rec),
});

// ---------------------------------------------------------------- 亮点 highlights

const refs = { leads: new Map(), events: new Map() };
async function loadRefs() {
  const [l, e] = await Promise.all([
    api.get('/api/leads', { limit: 200, sort: 'code' }).then((r) => r.items || [], () => []),
    api.get('/api/signing-events', { limit: 200, sort: '-date' }).then((r) => r.items || [], () => []),
  ]);
  refs.leads = new Map(l.map((x) => [x.id, x]));
  refs.events = new Map(e.map((x) => [x.id, x]));
  return refs;
}
const leadName = (id) => { const l = refs.leads.get(id); return l ? `${l.code} ${l.project_name}` : `#${id}`; };
const eventName = (id) => { const e = refs.events.get(id); return e ? `${e.date} ${e.title}` : `#${id}`; };

const highlights = resourceModule({
  base: '/invest/highlights',
  endpoint: '/api/highlights',
  perm: 'invest',
  readPerm: 'lead.read',
  writePerm: 'invest.write',
  prefix: 'highlight',
  entity: 'highlight',
  nav: { label: 'nav.highlights', group: 'invest', order: 50 },
  defaultSort: '-date',
  prepare: () => loadRefs(),
  columns: [
    { field: 'date', label: 'highlight.date', sort: true, className: 'nowrap', render: (r) => fmtDate(r.date) },
    { field: 'title', label: 'highlight.title_field', href: (r) => `#/invest/highlights/${r.id}` },
    { field: 'text', label: 'highlight.text', className: 'col-wide' },
    { field: 'lead_id', label: 'highlight.lead_id', render: (r) => (r.lead_id ? h('a', { href: `#/leads/${r.lead_id}` }, leadName(r.lead_id)) : null) },
    { field: 'event_id', label: 'highlight.event_id', render: (r) => (r.event_id ? h('a', { href: `#/invest/events/${r.event_id}` }, eventName(r.event_id)) : null) },
  ],
  fields: [
    { name: 'title', label: 'highlight.title_field', required: true, maxlength: 200, wide: true },
    { name: 'date', label: 'highlight.date', type: 'date', required: true },
    { name: 'lead_id', label: 'highlight.lead_id', type: 'select', valueType: 'int', options: async () => [...(await loadRefs()).leads.values()].map((l) => ({ value: String(l.id), label: () => `${l.code} ${l.project_name}` })) },
    { name: 'event_id', label: 'highlight.event_id', type: 'select', valueType: 'int', options: async () => [...(await loadRefs()).events.values()].map((e) => ({ value: String(e.id), label: () => `${e.date} ${e.title}` })) },
    { name: 'text', label: 'highlight.text', type: 'textarea', maxlength: 4000 },
  ],
  defaults: () => ({ date: todayChina() }),
  titleOf: (r) => r.title || `#${r.id}`,
  detail: [
    { field: 'date' }, { field: 'title' }, { field: 'text' },
    { field: 'lead_id', render: (r) => (r.lead_id ? h('a', { href: `#/leads/${r.lead_id}` }, leadName(r.lead_id)) : null) },
    { field: 'event_id', render: (r) => (r.event_id ? h('a', { href: `#/invest/events/${r.event_id}` }, eventName(r.event_id)) : null) },
    { field: 'created_at' }, { field: 'updated_at' },
  ],
  formatValue: (field, value) => (field === 'lead_id' ? leadName(value) : field === 'event_id' ? eventName(value) : undefined),
});

export default {
  nav: [...events.nav, ...highlights.nav],
  routes: [...events.routes, ...highlights.routes],
};
