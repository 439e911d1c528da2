// 看板 Board — one column per stage (线索 洽谈 签约 注册 开工 投产 终止) with a card per lead.
// A card moves by drag and drop (HTML5 DnD onto a column) or from the keyboard: focus the card and press
// → / ← (next / previous stage) or M (the 移动到… menu, also a button on the card). Every move asks for the
// date (default today) and, when needed, the reason, then POST /api/leads/{id}/stages.
import { t, option } from '../i18n.js';
import { api } from '../api.js';
import { replaceQuery } from '../router.js';
import { fmtDate, fmtNumber, fmtYi } from '../format.js';
import { h, mount, pageHeader, linkButton, loadingBlock, errorBlock, toast, nextId } from '../ui.js';
import {
  STAGES, FLOW, toOptions, stalledBadge, wan, loadLookups, canCreateLead, canWriteLead, moveDialog, viewTabs,
} from './leads-common.js';

const LIMIT = 200;

async function boardPage(ctx) {
  ctx.setTitle(t('nav.board'));
  const lk = await loadLookups({ officers: false });
  if (!ctx.isCurrent()) return;

  const state = { mine: ctx.query.mine || '', chain_id: ctx.query.chain_id || '', q: ctx.query.q || '' };
  const qId = nextId('bq');
  const chainId = nextId('bc');
  const mineId = nextId('bm');
  const qIn = h('input', { id: qId, type: 'search', class: 'input', value: state.q, placeholder: t('lead.search'), autocomplete: 'off' });
  const chainSel = h('select', { id: chainId, class: 'input' }, h('option', { value: '' }, t('list.filter.all')),
    toOptions(lk.chains).map((o) => h('option', { value: o.value }, o.label())));
  chainSel.value = state.chain_id;
  const mineBox = h('input', { id: mineId, type: 'checkbox', class: 'checkbox', checked: state.mine === '1' });
  const toolbar = h('form', { class: 'list-toolbar inv-board-toolbar', role: 'search' },
    h('div', { class: 'toolbar-field toolbar-search' }, h('label', { for: qId, class: 'visually-hidden' }, t('list.search')), qIn),
    h('div', { class: 'toolbar-field' }, h('label', { for: chainId }, t('lead.chain_id')), chainSel),
    h('div', { class: 'checkbox-row inv-mine' }, mineBox, h('label', { for: mineId }, t('lead.filter.mine.on'))),
    h('div', { class: 'toolbar-buttons' }, h('button', { type: 'submit', class: 'btn btn-primary' }, t('list.search'))));
  const status = h('div', { class: 'inv-board-status', role: 'status', 'aria-live': 'polite' });
  const boardEl = h('div', { class: 'inv-board', role: 'list', 'aria-label': t('nav.board') });
  let leads = [];
  let focusAfter = null;

  const apply = () => {
    state.q = qIn.value.trim(); state.chain_id = chainSel.value; state.mine = mineBox.checked ? '1' : '';
    replaceQuery(Object.fromEntries(Object.entries(state).filter(([, v]) => v)));
    load();
  };
  toolbar.addEventListener('submit', (e) => { e.preventDefault(); apply(); });
  chainSel.addEventListener('change', apply);
  mineBox.addEventListener('change', apply);

  async function load() {
    boardEl.classList.add('is-loading');
    try {
      const r = await api.get('/api/leads', { ...state, sort: '-score', limit: LIMIT });
      if (!ctx.isCurrent()) return;
      leads = r.items || [];
      mount(status, r.total > leads.length ? t('board.truncated', { n: leads.length, total: r.total }) : t('board.count', { n: leads.length }));
      draw();
    } catch (err) {
      mount(boardEl, errorBlock(err));
    } finally {
      boardEl.classList.remove('is-loading');
    }
  }

  async function move(lead, stage) {
    if (!canWriteLead(lead) || stage === lead.stage) return;
    const row = await moveDialog(lead, { stage });
    if (!row) { focusCard(lead.id); return; }
    toast(t('move.done', { stage: option('lead.stage', row.stage) }));
    focusAfter = lead.id;
    await load();
  }

  function focusCard(id) {
    const el = boardEl.querySelector(`.inv-card[data-id="${id}"]`);
    if (el) el.focus();
  }

  function menu(lead, anchor) {
    closeMenus();
    const items = STAGES.filter((s) => s !== lead.stage).map((s) =>
      h('li', { role: 'none' }, h('button', { type: 'button', role: 'menuitem', class: 'inv-menu-item', dataset: { stage: s }, tabindex: '-1' }, option('lead.stage', s))));
    const ul = h('ul', { class: 'inv-menu', role: 'menu', 'aria-label': t('board.move_to') }, items);
    let closed = false;
    const close = (refocus) => {
      if (closed) return;
      closed = true;
      if (ul.isConnected) ul.remove();
      anchor.setAttribute('aria-expanded', 'false');
      if (refocus) anchor.focus();
    };
    ul.addEventListener('click', (e) => {
      const b = e.target.closest('button[data-stage]');
      if (!b) return;
      close(false);
      move(lead, b.dataset.stage);
    });
    ul.addEventListener('keydown', (e) => {
      const btns = [...ul.querySelectorAll('button')];
      const i = btns.indexOf(document.activeElement);
      if (e.key === 'ArrowDown') { e.preventDefault(); btns[(i + 1) % btns.length].focus(); } else if (e.key === 'ArrowUp') { e.preventDefault(); btns[(i - 1 + btns.length) % btns.length].focus(); } else if (e.key === 'Home') { e.preventDefault(); btns[0].focus(); } else if (e.key === 'End') { e.preventDefault(); btns[btns.length - 1].focus(); } else if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); close(true); } else if (e.key === 'Tab') { close(false); }
    });
    ul.addEventListener('focusout', (e) => { if (!ul.contains(e.relatedTarget) && e.relatedTarget !== anchor) close(false); });
    anchor.setAttribute('aria-expanded', 'true');
    anchor.after(ul);
    ul.querySelector('button').focus();
  }
  function closeMenus() {
    for (const m of boardEl.querySelectorAll('.inv-menu')) if (m.isConnected) m.remove();
    for (const b of boardEl.querySelectorAll('.inv-move-btn[aria-expanded="true"]')) b.setAttribute('aria-expanded', 'false');
  }

  function card(lead) {
    const writable = canWriteLead(lead);
    const moveBtn = writable ? h('button', {
      type: 'button', class: 'btn btn-link inv-move-btn', 'aria-haspopup': 'menu', 'aria-expanded': 'false',
      title: t('board.move_to.hint'),
    }, t('board.move_to')) : null;
    const el = h('article', {
      class: ['inv-card', lead.stalled && 'is-stalled', !writable && 'is-readonly'],
      tabindex: '0', draggable: writable ? 'true' : null, role: 'listitem',
      dataset: { id: lead.id, stage: lead.stage },
      'aria-label': `${lead.project_name}，${option('lead.stage', lead.stage)}`,
      'aria-keyshortcuts': writable ? 'ArrowRight ArrowLeft M' : null,
      'aria-describedby': writable ? 'inv-board-help' : null,
    },
    h('div', { class: 'inv-card-top' },
      h('span', { class: 'mono inv-card-code' }, lead.code),
      h('span', { class: 'inv-card-score', title: t('lead.score') }, fmtNumber(lead.score ?? 0, 1))),
    h('a', { href: `#/leads/${lead.id}`, class: 'inv-card-name', tabindex: '-1' }, lead.project_name),
    lead.investor_name ? h('div', { class: 'inv-card-line muted' }, lead.investor_name) : null,
    h('div', { class: 'inv-card-line' },
      lead.planned_investment != null ? h('span', null, `${wan(lead.planned_investment)} ${t('unit.wan.short')}`) : null,
      lead.chain_name ? h('span', { class: 'muted' }, lead.chain_name) : null),
    h('div', { class: 'inv-card-foot' },
      h('span', { class: 'muted' }, `${lead.officer_name || ''} ${fmtDate(lead.stage_date)}`),
      lead.stalled ? stalledBadge() : null,
      moveBtn));
    if (moveBtn) {
      moveBtn.addEventListener('click', (e) => { e.stopPropagation(); if (moveBtn.getAttribute('aria-expanded') === 'true') closeMenus(); else menu(lead, moveBtn); });
      el.addEventListener('dragstart', (e) => {
        e.dataTransfer.setData('text/plain', String(lead.id));
        e.dataTransfer.effectAllowed = 'move';
        el.classList.add('is-dragging');
        boardEl.classList.add('is-dragging');
      });
      el.addEventListener('dragend', () => { el.classList.remove('is-dragging'); boardEl.classList.remove('is-dragging'); });
    }
    el.addEventListener('keydown', (e) => {
      if (e.target !== el) return;
      if (e.key === 'Enter') { e.preventDefault(); location.hash = `#/leads/${lead.id}`; return; }
      if (!writable || e.altKey || e.ctrlKey || e.metaKey) return;
      const i = FLOW.indexOf(lead.stage);
      if (e.key === 'ArrowRight' && i >= 0 && i < FLOW.length - 1) { e.preventDefault(); move(lead, FLOW[i + 1]); } else if (e.key === 'ArrowLeft' && i > 0) { e.preventDefault(); move(lead, FLOW[i - 1]); } else if (e.key === 'm' || e.key === 'M') { e.preventDefault(); menu(lead, moveBtn); }
    });
    return el;
  }

  function column(stage) {
    const items = leads.filter((l) => l.stage === stage);
    const sum = items.reduce((s, l) => s + (Number(l.planned_investment) || 0), 0);
    const headId = nextId('col');
    const list = h('div', { class: 'inv-col-body', role: 'list', 'aria-labelledby': headId }, items.length ? items.map(card) : h('p', { class: 'inv-col-empty muted' }, t('board.empty')));
    const col = h('section', { class: `inv-col inv-col-${stage}`, dataset: { stage }, role: 'listitem' },
      h('header', { class: 'inv-col-head' },
        h('h2', { id: headId }, option('lead.stage', stage)),
        h('span', { class: 'inv-col-count', title: t('board.count.title') }, String(items.length)),
        h('span', { class: 'inv-col-sum muted' }, sum ? fmtYi(sum) : '')),
      list);
    col.addEventListener('dragover', (e) => {
      if (!boardEl.classList.contains('is-dragging')) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      col.classList.add('is-over');
    });
    col.addEventListener('dragleave', (e) => { if (!col.contains(e.relatedTarget)) col.classList.remove('is-over'); });
    col.addEventListener('drop', (e) => {
      e.preventDefault();
      col.classList.remove('is-over');
      const id = Number(e.dataTransfer.getData('text/plain'));
      const lead = leads.find((l) => l.id === id);
      if (lead && lead.stage !== stage) move(lead, stage);
    });
    return col;
  }

  function draw() {
    mount(boardEl, STAGES.map(column));
    if (focusAfter) { focusCard(focusAfter); focusAfter = null; }
  }

  const outside = (e) => {
    if (!boardEl.isConnected) { document.removeEventListener('click', outside); return; }
    if (!e.target.closest('.inv-menu, .inv-move-btn')) closeMenus();
  };
  document.addEventListener('click', outside);

  mount(ctx.main,
    pageHeader({ title: 'nav.board', subtitle: 'board.intro', actions: canCreateLead() ? [linkButton('#/leads/new', 'lead.new', 'primary')] : [] }),
    viewTabs('board'),
    h('section', { class: 'card list-view inv-board-card' }, toolbar,
      canCreateLead() ? h('p', { class: 'inv-board-help muted', id: 'inv-board-help' }, t('board.keys')) : null, status),
    boardEl);
  mount(boardEl, loadingBlock());
  await load();
}

export default {
  nav: [{ href: '#/invest/board', match: '/invest/board', perm: 'lead.read', label: 'nav.board', group: 'invest', order: 20 }],
  routes: [{ path: '/invest/board', perm: 'lead.read', render: boardPage }],
};
