// Shared pieces of the joint-acceptance (联合验收) pages: statuses, badges, lookups.
import './acceptance-i18n.js';
import { t, option } from '../i18n.js';
import { api } from '../api.js';
import { h } from '../ui.js';

export const STATUSES = ['draft', 'reviewing', 'rectifying', 'inspection', 'passed', 'failed'];
export const DECISIONS = ['pass', 'rectify', 'fail'];

export const opts = (prefix, values) => values.map((v) => ({ value: v, label: `${prefix}.${v}` }));

/** Today's date in China (UTC+8), 'YYYY-MM-DD': the server's "today". */
export function todayChina() {
  return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

export function caseStatusBadge(status) {
  if (!status) return null;
  return h('span', { class: `badge acc-status acc-status-${status}`, dataset: { status } }, option('acc.status', status));
}

export function stateBadge(state) {
  if (!state) return null;
  return h('span', { class: `badge acc-state acc-state-${state}`, dataset: { state } }, option('acc.state', state));
}

export function overdueBadge(on) {
  return on ? h('span', { class: 'badge badge-overdue' }, t('acc.overdue')) : null;
}

/** Every row of a list endpoint (pages of 200). */
export async function listAll(endpoint, query = {}) {
  const out = [];
  for (let offset = 0; offset < 10000; offset += 200) {
    const r = await api.get(endpoint, { ...query, limit: 200, offset });
    const items = (r && r.items) || [];
    out.push(...items);
    const total = r && typeof r.total === 'number' ? r.total : out.length;
    if (!items.length || out.length >= total) break;
  }
  return out;
}

/** The case's working days used so far (parallel clock). */
export const daysUsed = (c) => (c.measures ? c.measures.parallel_days : null);
