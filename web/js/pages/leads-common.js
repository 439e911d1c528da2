// 招商引资 Investment attraction — shared pieces: stages, badges, lookups, score parts and the
// stage-move dialog used by the board, the list and the lead page (POST /api/leads/{id}/stages).
import './leads-i18n.js';
import { t, option } from '../i18n.js';
import { api, ApiError } from '../api.js';
import { can, user } from '../session.js';
import { fmtNumber, fmtWan } from '../format.js';
import { h, label, nextId, alertBox, errorMessage } from '../ui.js';

export const STAGES = ['clue', 'negotiating', 'signed', 'registered', 'started', 'producing', 'terminated'];
export const FLOW = STAGES.slice(0, 6);
export const CHANNELS = ['phone', 'wechat', 'video', 'visit', 'fair'];
export const SRDI = ['none', 'provincial', 'national'];
export const EVENT_KINDS = ['signing', 'promotion'];
export const EVENT_MODES = ['online', 'onsite'];
export const SCORE_PARTS = ['investment', 'technology', 'tax_per_mu', 'energy'];

export const opts = (prefix, values) => values.map((v) => ({ value: v, label: `${prefix}.${v}` }));
export const toOptions = (items, name = (x) => x.name) => items.map((x) => ({ value: String(x.id), label: () => name(x) }));

/** Today's date in China (UTC+8), 'YYYY-MM-DD': the server's "today". */
export function todayChina() {
  return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

export const stageIndex = (s) => STAGES.indexOf(s);

/** Whether the server will want a reason: backwards, to terminated, or out of terminated. */
export function needsReason(from, to) {
  if (!from || !to) return false;
  if (to === 'terminated' || from === 'terminated') return true;
  return stageIndex(to) < stageIndex(from);
}

export function stageBadge(stage) {
  if (!stage) return null;
  return h('span', { class: `badge inv-stage inv-stage-${stage}`, dataset: { stage } }, option('lead.stage', stage));
}

export function stalledBadge() {
  return h('span', { class: 'badge inv-stalled', title: t('lead.stalled.hint') }, t('lead.stalled'));
}

export const canCreateLead = () => can('lead.write') || can('lead.write_own');
export const canWriteInvest = () => can('invest.write');

/** Whether the user may edit and move this lead: admins any, officers their own. */
export function canWriteLead(lead) {
  if (can('lead.write')) return true;
  const me = user();
  return can('lead.write_own') && !!me && !!lead && lead.officer_id === me.id;
}

/** Numbers in 万元 as plain text with separators (the unit is in the label). */
export function wan(x) {
  if (x === null || x === undefined || x === '') return '';
  return fmtNumber(x, Number.isInteger(Number(x)) ? 0 : 2);
}

// ---------------------------------------------------------------- lookups

async function listAll(endpoint, query) {
  try {
    const r = await api.get(endpoint, { limit: 200, ...query });
    return (r && r.items) || [];
  } catch (_) {
    return [];
  }
}

/**
 * {chains, regions, offices, officers, investors, enterprises, projects}, each [{id, name}], as far as the user may read them.
 * officers: investment officers from /api/users when the user may read users, else the officers seen on leads.
 */
export async function loadLookups({ orgs = false, projects = false, officers = true } = {}) {
  const [chains, regions, offices, users, investors, enterprises, projs] = await Promise.all([
    can('chain.read') ? listAll('/api/chains', { sort: 'sort_order' }) : [],
    listAll('/api/source-regions'),
    listAll('/api/liaison-offices', { sort: 'name' }),
    !officers ? [] : can('user.read') ? listAll('/api/users', { role: 'investment_officer', sort: 'name' }) : null,
    orgs && can('org.read') ? listAll('/api/orgs', { kind: 'investor', sort: 'name' }) : [],
    orgs && can('org.read') ? listAll('/api/orgs', { kind: 'enterprise', sort: 'name' }) : [],
    projects && can('project.read') ? listAll('/api/projects', { sort: 'code' }) : [],
  ]);
  let officerList = users || [];
  if (officers && users === null) {
    // no user list: the officers of the leads we can see
    const leads = await listAll('/api/leads', { sort: 'officer_name' });
    const seen = new Map();
    for (const l of leads) if (l.officer_id && !seen.has(l.officer_id)) seen.set(l.officer_id, { id: l.officer_id, name: l.officer_name });
    officerList = [...seen.values()];
  }
  return {
    chains, regions, offices, officers: officerList.map((u) => ({ id: u.id, name: u.name || u.username })),
    investors, enterprises, projects: projs.map((p) => ({ id: p.id, name: `${p.code} ${p.name}` })),
  };
}

// ---------------------------------------------------------------- score

/** What the value behind one score part means, e.g. '72.1 万元/亩'. */
export function partValue(p) {
  if (p.value === null || p.value === undefined) return '';
  switch (p.code) {
    case 'investment': return fmtWan(p.value);
    case 'technology': return t('score.tech.value', { pct: fmtNumber(Number(p.value) * 100, 0) });
    case 'tax_per_mu': return t('score.tax.value', { v: fmtNumber(p.value, 1) });
    case 'energy': return t('score.energy.value', { v: fmtNumber(p.value, 3) });
    default: return String(p.value);
  }
}

export function partOf(lead, code) {
  return (lead.score_parts || []).find((p) => p.code === code) || null;
}

/** A small bar: points of max. */
export function scoreBar(points, max, text) {
  const pct = max > 0 ? Math.max(0, Math.min(100, (Number(points) / Number(max)) * 100)) : 0;
  const bar = h('span', { class: 'inv-bar', 'aria-hidden': 'true' }, h('span', { class: 'inv-bar-fill' }));
  bar.firstChild.style.width = `${pct.toFixed(1)}%`;
  return h('span', { class: 'inv-score-cell', title: text || `${fmtNumber(points, 1)} / ${fmtNumber(max, 0)}` },
    h('span', { class: 'inv-score-num' }, fmtNumber(points, 1)), bar);
}

/** The score card: the total and its four parts with what each is made of. */
export function scoreCard(lead) {
  const parts = SCORE_PARTS.map((code) => partOf(lead, code) || { code, points: 0, max: 0, value: null });
  return h('section', { class: 'card inv-score-card' },
    h('h2', { class: 'card-title' }, t('lead.score')),
    h('div', { class: 'inv-score-wrap' },
      h('div', { class: 'inv-score-total' },
        h('span', { class: 'inv-score-big', dataset: { score: lead.score ?? '' } }, fmtNumber(lead.score ?? 0, 1)),
        h('span', { class: 'muted' }, t('score.of100'))),
      h('ul', { class: 'inv-score-parts' }, parts.map((p) =>
        h('li', { dataset: { part: p.code } },
          h('span', { class: 'inv-part-name' }, t(`score.part.${p.code}`)),
          scoreBar(p.points, p.max),
          h('span', { class: 'inv-part-max muted' }, `/ ${fmtNumber(p.max, 0)}`),
          h('span', { class: 'inv-part-value muted' }, partValue(p)))))),
    h('p', { class: 'muted inv-small' }, t('score.hint')));
}

// ---------------------------------------------------------------- stage move dialog

let signingEvents = null;
async function loadSigningEvents() {
  if (!signingEvents) {
    signingEvents = api.get('/api/signing-events', { kind: 'signing', sort: '-date', limit: 100 })
      .then((r) => (r && r.items) || [], () => { signingEvents = null; return []; });
  }
  return signingEvents;
}
export function forgetSigningEvents() { signingEvents = null; }

/**
 * Ask for the date (default today), the stage when not given, the reason when needed and, for 签约, the
 * signing event; then POST /api/leads/{id}/stages. Resolves the new stage row, or null when cancelled.
 */
export function moveDialog(lead, { stage = '' } = {}) {
  return new Promise((resolve) => {
    const id = nextId('move');
    const today = todayChina();
    const stageSel = h('select', { id: `${id}-stage`, name: 'stage', class: 'input' },
      h('option', { value: '' }, t('form.choose')),
      STAGES.filter((s) => s !== lead.stage).map((s) => h('option', { value: s }, option('lead.stage', s))));
    stageSel.value = stage && stage !== lead.stage ? stage : '';
    const dateIn = h('input', { id: `${id}-date`, name: 'date', type: 'date', class: 'input', value: today, max: today, min: lead.stage_date || null });
    const reasonIn = h('textarea', { id: `${id}-reason`, name: 'reason', class: 'input', rows: 2, maxlength: 500 });
    const eventSel = h('select', { id: `${id}-event`, name: 'event_id', class: 'input' }, h('option', { value: '' }, t('form.none')));
    const errs = {};
    const field = (name, lab, input, hint) => {
      errs[name] = h('div', { class: 'field-error', dataset: { errorFor: name } });
      return h('div', { class: 'field', dataset: { field: name } },
        h('label', { for: input.id, class: 'field-label' }, lab), input,
        hint ? h('div', { class: 'field-hint' }, hint) : null, errs[name]);
    };
    const reasonField = field('reason', t('move.reason'), reasonIn);
    const eventField = field('event_id', t('move.event'), eventSel, t('move.event.hint'));
    const general = h('div', { class: 'form-general' });
    const ok = h('button', { type: 'submit', class: 'btn btn-primary' }, t('move.submit'));
    const cancel = h('button', { type: 'button', class: 'btn btn-secondary' }, t('action.cancel'));
    const form = h('form', { class: 'dialog-body inv-move-form', novalidate: true },
      h('h2', { class: 'card-title' }, t('move.title')),
      h('p', { class: 'inv-move-lead' }, h('strong', null, lead.project_name), ' ',
        h('span', { class: 'muted' }, t('move.from')), ' ', stageBadge(lead.stage)),
      general,
      field('stage', t('move.to'), stageSel),
      field('date', t('move.date'), dateIn),
      eventField,
      reasonField,
      h('div', { class: 'dialog-actions' }, cancel, ok));
    const dlg = h('dialog', { class: 'dialog inv-move-dialog', 'aria-labelledby': `${id}-title` }, form);
    form.querySelector('h2').id = `${id}-title`;
    let forceReason = false;
    let done = false;

    const finish = (v) => { if (done) return; done = true; resolve(v); dlg.close(); };
    function sync() {
      const s = stageSel.value;
      reasonField.hidden = !(forceReason || needsReason(lead.stage, s));
      eventField.hidden = s !== 'signed';
      if (s === 'signed' && eventSel.options.length === 1) {
        loadSigningEvents().then((evs) => {
          if (eventSel.options.length > 1) return;
          for (const ev of evs) eventSel.appendChild(h('option', { value: String(ev.id), dataset: { date: ev.date } }, `${ev.date} ${ev.title}`));
        });
      }
    }
    stageSel.addEventListener('change', sync);
    eventSel.addEventListener('change', () => {
      const o = eventSel.selectedOptions[0];
      if (o && o.dataset.date) dateIn.value = o.dataset.date;
    });
    cancel.addEventListener('click', () => finish(null));
    dlg.addEventListener('cancel', (e) => { e.preventDefault(); finish(null); });
    dlg.addEventListener('close', () => { dlg.remove(); if (!done) { done = true; resolve(null); } });

    function clear() {
      general.replaceChildren();
      for (const e of Object.values(errs)) { e.textContent = ''; e.parentElement.classList.remove('has-error'); }
    }
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clear();
      const body = { stage: stageSel.value, date: dateIn.value };
      if (!body.stage) { errs.stage.textContent = t('move.stage.required'); errs.stage.parentElement.classList.add('has-error'); stageSel.focus(); return; }
      if (!reasonField.hidden && reasonIn.value.trim()) body.reason = reasonIn.value.trim();
      if (!reasonField.hidden && !body.reason) {
        errs.reason.textContent = t('move.reason.required');
        errs.reason.parentElement.classList.add('has-error');
        reasonIn.focus();
        return;
      }
      if (!eventField.hidden && eventSel.value) body.event_id = Number(eventSel.value);
      ok.disabled = true;
      try {
        const row = await api.post(`/api/leads/${lead.id}/stages`, body);
        finish(row);
      } catch (err) {
        ok.disabled = false;
        if (err instanceof ApiError && err.fields.length) {
          let first = null;
          const stray = [];
          for (const f of err.fields) {
            if (f.field === 'reason') { forceReason = true; sync(); }
            const el = errs[f.field];
            if (!el) { stray.push(f.message); continue; }
            el.textContent = f.message;
            el.parentElement.classList.add('has-error');
            if (!first) first = el.parentElement.querySelector('.input');
          }
          general.appendChild(alertBox([err.message, ...stray].join('；')));
          if (first) first.focus();
        } else {
          general.appendChild(alertBox(errorMessage(err)));
        }
      }
    });

    document.body.appendChild(dlg);
    sync();
    dlg.showModal();
    (stageSel.value ? (reasonField.hidden ? dateIn : reasonIn) : stageSel).focus();
  });
}

// ---------------------------------------------------------------- small helpers

/** The three views of the leads: 项目库, 后备库, 看板. */
export function viewTabs(current) {
  const tab = (href, key, name) => h('a', { href, class: ['inv-tab', current === name && 'active'], 'aria-current': current === name ? 'page' : null }, t(key));
  return h('nav', { class: 'inv-tabs', 'aria-label': t('lead.views') },
    tab('#/leads', 'nav.leads', 'list'), tab('#/invest/pool', 'nav.pool', 'pool'), tab('#/invest/board', 'nav.board', 'board'));
}

export function channelLabel(c) { return option('contact.channel', c); }

/** A section heading inside a formView grid, before the field named `before`. */
export function formSection(formEl, before, text) {
  const f = formEl.querySelector(`.form-grid [data-field="${before}"]`);
  if (!f) return;
  f.parentElement.insertBefore(h('h2', { class: 'inv-form-section' }, label(text)), f);
}

export function emptyText(key) { return h('p', { class: 'muted inv-empty' }, t(key)); }
