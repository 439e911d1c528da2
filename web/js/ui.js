// ui — DOM building blocks shared by every module page.
//
// Text is only ever set through text nodes / textContent: nothing here assigns a string
// to innerHTML, so server data cannot inject markup.
//
// Labels in descriptors are i18n keys (translated with t) or functions returning a string;
// a string that is not a known key is shown as is.
//
//   h(tag, props?, ...children)          element builder. props: class, text, on{Event}: fn,
//                                        dataset: {}, any other key → attribute (true → '', false/null → omitted)
//   mount(el, ...children)               replace el's children
//   label(x)                             resolve a descriptor label (key, function or literal)
//   button(label, {kind, onClick, type, title})   kind: primary|secondary|danger|link
//   linkButton(href, label, kind)
//   pageHeader({title, subtitle, actions, back})
//   alertBox(message, kind='error')      kind: error|info|ok|warn
//   toast(message, kind='ok')            transient message in a live region
//   confirmDialog(message, {okLabel, danger}) → Promise<boolean>
//   loadingBlock() / errorBlock(err)
//   detailList([{label, value}])         <dl> of a record's fields (value: string or Node)
//   listView(desc)  → {el, reload()}     table + search + filters + sort + pagination (see below)
//   formView(desc)  → {el, values(), setValues(v), setErrors(fields, message?), clearErrors(), setBusy(b), focus()}
//   historyView({endpoint, fieldLabel, formatValue, order, describe, hidden}) → el   record history (GET …/history)
//                                        describe(row) → text|Node|null: what the row is about (e.g. a part of the record)
//                                        hidden: field names not to show
//   auditChanges(row, {fieldLabel, formatValue, order}) → Node     what one audit row changed
//                                        fieldLabel(field, entity) → text; formatValue(field, value, entity) → text|undefined;
//                                        order: field names in display order (others follow); hidden: names left out

import { t, has } from './i18n.js';
import { api, ApiError } from './api.js';
import { fmtDateTime } from './format.js';

// ---------------------------------------------------------------- elements

export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  if (props) {
    for (const [k, v] of Object.entries(props)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class' || k === 'className') el.className = Array.isArray(v) ? v.filter(Boolean).join(' ') : v;
      else if (k === 'text') el.textContent = String(v);
      else if (k === 'dataset') Object.assign(el.dataset, v);
      else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v);
      else if (k === 'value' && 'value' in el) el.value = v;
      else if (k === 'checked' && 'checked' in el) el.checked = !!v;
      else el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else if (c instanceof Node) el.appendChild(c);
    else el.appendChild(document.createTextNode(String(c)));
  }
}

export function mount(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export function label(x, params) {
  if (x === null || x === undefined) return '';
  if (typeof x === 'function') return String(x());
  if (typeof x === 'string' && has(x)) return t(x, params);
  return String(x);
}

let uid = 0;
export function nextId(prefix = 'zd') { uid += 1; return `${prefix}-${uid}`; }

// ---------------------------------------------------------------- small pieces

export function button(text, { kind = 'secondary', onClick, type = 'button', title, name, disabled } = {}) {
  return h('button', { type, class: `btn btn-${kind}`, title, name, disabled: !!disabled, onClick }, label(text));
}

export function linkButton(href, text, kind = 'secondary') {
  return h('a', { href, class: `btn btn-${kind}` }, label(text));
}

export function pageHeader({ title, subtitle, actions, back } = {}) {
  return h('div', { class: 'page-header' },
    h('div', { class: 'page-title' },
      back ? h('a', { class: 'back-link', href: back.href }, '← ', label(back.label || 'action.back')) : null,
      h('h1', null, label(title)),
      subtitle ? h('p', { class: 'page-subtitle' }, label(subtitle)) : null),
    actions && actions.length ? h('div', { class: 'page-actions' }, actions) : null);
}

export function alertBox(message, kind = 'error') {
  return h('div', { class: `alert alert-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, message);
}

let toastHost = null;
export function toast(message, kind = 'ok') {
  if (!toastHost || !toastHost.isConnected) {
    toastHost = h('div', { class: 'toast-host', 'aria-live': 'polite', role: 'status' });
    document.body.appendChild(toastHost);
  }
  const el = h('div', { class: `toast toast-${kind}` }, message);
  while (toastHost.children.length >= 2) toastHost.firstChild.remove();
  toastHost.appendChild(el);
  setTimeout(() => el.classList.add('toast-out'), 2600);
  setTimeout(() => el.remove(), 3000);
}

export function confirmDialog(message, { okLabel = 'action.confirm', danger = false } = {}) {
  return new Promise((resolve) => {
    const dlg = h('dialog', { class: 'dialog' },
      h('form', { method: 'dialog', class: 'dialog-body' },
        h('p', null, message),
        h('div', { class: 'dialog-actions' },
          h('button', { value: 'cancel', class: 'btn btn-secondary' }, t('action.cancel')),
          h('button', { value: 'ok', class: `btn ${danger ? 'btn-danger' : 'btn-primary'}` }, label(okLabel)))));
    dlg.addEventListener('close', () => { resolve(dlg.returnValue === 'ok'); dlg.remove(); });
    document.body.appendChild(dlg);
    dlg.showModal();
  });
}

export function loadingBlock() {
  return h('div', { class: 'loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), t('app.loading'));
}

export function errorMessage(err) {
  if (err instanceof ApiError) {
    if (err.code === 'forbidden') return err.message || t('msg.forbidden');
    if (err.code === 'not_found') return err.message || t('msg.notfound');
    return err.message || t('error.unknown');
  }
  return (err && err.message) || t('error.unknown');
}

export function errorBlock(err) {
  return h('div', { class: 'card' }, alertBox(errorMessage(err)));
}

export function detailList(rows) {
  return h('dl', { class: 'detail-list' },
    rows.map((r) => h('div', { class: 'detail-row' },
      h('dt', null, label(r.label)),
      h('dd', null, r.value === null || r.value === undefined || r.value === '' ? h('span', { class: 'muted' }, '—') : r.value))));
}

function debounce(fn, ms) {
  let timer = null;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}

// ---------------------------------------------------------------- list view
//
// desc = {
//   endpoint: '/api/parks',
//   columns: [{ field, label, sort: true | 'field_name', render(row) → string|Node, href(row) → '#/…', className }],
//   filters: [{ name, label, options: [{value, label}] }            // a <select> with 全部 first
//             | { name, label, type: 'text'|'number', placeholder }],  // a free input
//   search: true | false | 'placeholder key',   (default true: sends q)
//   defaultSort: 'name',                         (omit for the server's default)
//   pageSize: 20,
//   state: {q, sort, offset, <filter>: …},       initial state, e.g. the route's query
//   onState(state),                              called when the user changes search/sort/page/filters
//   rowHref(row) → '#/…',                        the whole row is clickable when given
//   empty: 'list.empty',
//   caption: label for the table (screen readers)
//   rowClass(row) → class name for the row (e.g. highlight overdue rows),
//   onData(response, state),                     called with each list answer (e.g. summary counts)
//   params: {pool: 1},                           fixed query parameters sent with every request
// }
// returns {el, reload(), state, setFilter(name, value)}   setFilter also updates the control and goes to page 1

export function listView(desc) {
  const pageSize = desc.pageSize || 20;
  const filters = desc.filters || [];
  const search = desc.search !== false;
  const state = {
    q: '', sort: desc.defaultSort || '', offset: 0, limit: pageSize,
    ...Object.fromEntries(filters.map((f) => [f.name, ''])),
  };
  const init = desc.state || {};
  for (const k of Object.keys(state)) if (init[k] !== undefined && init[k] !== null) state[k] = String(init[k]);
  state.offset = Math.max(0, parseInt(state.offset, 10) || 0);
  state.limit = Math.min(200, Math.max(1, parseInt(state.limit, 10) || pageSize));

  const searchId = nextId('q');
  const qInput = search ? h('input', {
    type: 'search', id: searchId, name: 'q', value: state.q, class: 'input',
    placeholder: label(typeof desc.search === 'string' ? desc.search : 'list.search.placeholder'),
    autocomplete: 'off',
  }) : null;

  const filterEls = filters.map((f) => {
    const id = nextId('f');
    let input;
    if (f.options) {
      input = h('select', { id, name: f.name, class: 'input' },
        h('option', { value: '' }, t('list.filter.all')),
        f.options.map((o) => h('option', { value: o.value }, label(o.label))));
      input.value = state[f.name];
      input.addEventListener('change', () => { state[f.name] = input.value; state.offset = 0; changed(); });
    } else {
      input = h('input', { id, name: f.name, type: f.type || 'text', class: 'input input-narrow', value: state[f.name], placeholder: label(f.placeholder), autocomplete: 'off' });
      input.addEventListener('change', () => { state[f.name] = input.value.trim(); state.offset = 0; changed(); });
    }
    return h('div', { class: 'toolbar-field' }, h('label', { for: id }, label(f.label)), input);
  });

  const toolbar = h('form', { class: 'list-toolbar', role: 'search', onSubmit: (e) => {
    e.preventDefault();
    if (qInput) state.q = qInput.value.trim();
    for (const el of toolbar.querySelectorAll('input:not([type=search])')) state[el.name] = el.value.trim();
    state.offset = 0;
    changed();
  } },
    qInput ? h('div', { class: 'toolbar-field toolbar-search' },
      h('label', { for: searchId, class: 'visually-hidden' }, t('list.search')), qInput) : null,
    filterEls,
    h('div', { class: 'toolbar-buttons' },
      button('list.search', { kind: 'primary', type: 'submit' }),
      button('list.reset', { onClick: () => {
        state.q = ''; state.offset = 0; state.sort = desc.defaultSort || '';
        for (const f of filters) state[f.name] = '';
        if (qInput) qInput.value = '';
        for (const el of toolbar.querySelectorAll('select, input:not([type=search])')) el.value = '';
        changed();
      } })));

  if (qInput) {
    qInput.addEventListener('input', debounce(() => {
      const v = qInput.value.trim();
      if (v !== state.q) { state.q = v; state.offset = 0; changed(); }
    }, 350));
  }

  const thead = h('thead');
  const tbody = h('tbody');
  const table = h('table', { class: 'data-table' },
    desc.caption ? h('caption', { class: 'visually-hidden' }, label(desc.caption)) : null, thead, tbody);
  const status = h('div', { class: 'list-status', role: 'status', 'aria-live': 'polite' });
  const pager = h('nav', { class: 'pager', 'aria-label': t('list.pager') });
  const el = h('section', { class: 'list-view card' }, toolbar, status, h('div', { class: 'table-wrap' }, table), pager);

  function sortField(col) { return col.sort === true ? col.field : col.sort; }

  function renderHead() {
    mount(thead, h('tr', null, desc.columns.map((col) => {
      const sf = col.sort ? sortField(col) : null;
      const text = label(col.label);
      if (!sf) return h('th', { scope: 'col', class: col.className }, text);
      const dir = state.sort === sf ? 'ascending' : state.sort === '-' + sf ? 'descending' : null;
      return h('th', { scope: 'col', class: col.className, 'aria-sort': dir || 'none' },
        h('button', {
          type: 'button', class: 'sort-btn', dataset: { sort: sf },
          title: t('list.sort.hint'),
          onClick: () => {
            state.sort = state.sort === sf ? '-' + sf : sf;
            state.offset = 0;
            changed();
          },
        }, text, h('span', { class: `sort-ind ${dir ? 'on' : ''}`, 'aria-hidden': 'true' }, dir === 'descending' ? '▼' : dir === 'ascending' ? '▲' : '↕')));
    })));
  }

  function renderCell(col, row) {
    let v = col.render ? col.render(row) : row[col.field];
    if (v === null || v === undefined || v === '') v = h('span', { class: 'muted' }, '—');
    const href = col.href ? col.href(row) : null;
    const content = href ? h('a', { href, class: 'row-link' }, v) : v;
    return h('td', { class: col.className, dataset: { label: label(col.label) } }, content);
  }

  function renderRows(items) {
    if (!items.length) {
      mount(tbody, h('tr', { class: 'empty-row' }, h('td', { colspan: desc.columns.length }, label(desc.empty || 'list.empty'))));
      return;
    }
    mount(tbody, items.map((row) => {
      const href = desc.rowHref ? desc.rowHref(row) : null;
      const tr = h('tr', { class: [href && 'clickable', desc.rowClass && desc.rowClass(row)], dataset: { id: row.id ?? '' } },
        desc.columns.map((col) => renderCell(col, row)));
      if (href) {
        tr.addEventListener('click', (e) => {
          if (e.target.closest('a, button, input, select, label')) return;
          location.hash = href;
        });
      }
      return tr;
    }));
  }

  function renderPager(total) {
    const pages = Math.max(1, Math.ceil(total / state.limit));
    const page = Math.floor(state.offset / state.limit) + 1;
    const from = total ? state.offset + 1 : 0;
    const to = Math.min(total, state.offset + state.limit);
    mount(pager,
      h('span', { class: 'pager-total', dataset: { total } }, t('list.total', { total })),
      total ? h('span', { class: 'pager-range muted' }, t('list.range', { from, to })) : null,
      h('span', { class: 'pager-spacer' }),
      button('list.prev', { disabled: page <= 1, onClick: () => { state.offset = Math.max(0, state.offset - state.limit); changed(); } }),
      h('span', { class: 'pager-page' }, t('list.page', { page, pages })),
      button('list.next', { disabled: page >= pages, onClick: () => { state.offset += state.limit; changed(); } }));
  }

  let seq = 0;
  let controller = null;
  async function reload() {
    const my = ++seq;
    if (controller) controller.abort();
    controller = new AbortController();
    renderHead();
    el.classList.add('is-loading');
    status.replaceChildren();
    const query = { ...(desc.params || {}), limit: state.limit, offset: state.offset };
    if (search && state.q) query.q = state.q;
    if (state.sort) query.sort = state.sort;
    for (const f of filters) if (state[f.name] !== '') query[f.name] = state[f.name];
    try {
      const r = await api.get(desc.endpoint, query, { signal: controller.signal });
      if (my !== seq) return;
      const items = (r && r.items) || [];
      const total = r && typeof r.total === 'number' ? r.total : items.length;
      if (!items.length && total > 0 && state.offset > 0) {
        // the page we were on has gone (deletions): go to the last page
        state.offset = Math.max(0, (Math.ceil(total / state.limit) - 1) * state.limit);
        return changed();
      }
      renderRows(items);
      renderPager(total);
      if (desc.onData) desc.onData(r, { ...state });
    } catch (err) {
      if (err && err.name === 'AbortError') return;
      if (my !== seq) return;
      renderRows([]);
      renderPager(0);
      mount(status, alertBox(errorMessage(err)));
      if (err instanceof ApiError && err.fields.length) {
        mount(status, alertBox(err.fields.map((f) => `${f.field}: ${f.message}`).join('；')));
      }
    } finally {
      if (my === seq) el.classList.remove('is-loading');
    }
  }

  function changed() {
    if (desc.onState) {
      const out = {};
      for (const [k, v] of Object.entries(state)) {
        if (v === '' || v === null) continue;
        if (k === 'offset' && Number(v) === 0) continue;
        if (k === 'limit' && Number(v) === pageSize) continue;
        if (k === 'sort' && v === (desc.defaultSort || '')) continue;
        out[k] = v;
      }
      desc.onState(out);
    }
    return reload();
  }

  function setFilter(name, value) {
    state[name] = value === null || value === undefined ? '' : String(value);
    const ctl = toolbar.querySelector(`[name="${name}"]`);
    if (ctl) ctl.value = state[name];
    state.offset = 0;
    return changed();
  }

  reload();
  return { el, reload, state, setFilter };
}

// ---------------------------------------------------------------- form view
//
// desc = {
//   fields: [{ name, label, type: 'text'|'textarea'|'select'|'number'|'password'|'checkbox'|'tel'|'email'|'date',
//              required, options: [{value, label}] | async () => [{value, label}], valueType: 'int'|'number',
//              maxlength, hint, placeholder, autocomplete, readonly, wide, keepEmpty, inputClass }],
//   values: { … },                 initial values
//   submitLabel: 'action.save',
//   cancelHref: '#/parks',
//   onSubmit: async (values) => …  values: trimmed strings, null for empty optional fields,
//                                   numbers for number/int fields, booleans for checkboxes.
//                                   Throw an ApiError: its fields[] are shown next to each field.
// }

export function formView(desc) {
  const formId = nextId('form');
  const general = h('div', { class: 'form-general' });
  const controls = new Map();
  const errorEls = new Map();

  const fieldEls = desc.fields.map((f) => {
    const id = `${formId}-${f.name}`;
    const errId = `${id}-error`;
    const hintId = f.hint ? `${id}-hint` : null;
    const describedBy = [hintId, errId].filter(Boolean).join(' ');
    const common = { id, name: f.name, 'aria-describedby': describedBy, readonly: !!f.readonly, disabled: !!f.disabled, autocapitalize: f.autocapitalize };
    let input;
    switch (f.type) {
      case 'textarea':
        input = h('textarea', { ...common, class: ['input', f.inputClass], rows: f.rows || 3, maxlength: f.maxlength, placeholder: label(f.placeholder) });
        break;
      case 'select': {
        input = h('select', { ...common, class: 'input' });
        const fill = (opts) => {
          const cur = input.value || (desc.values && desc.values[f.name] != null ? String(desc.values[f.name]) : '');
          mount(input,
            h('option', { value: '' }, f.required ? t('form.choose') : t('form.none')),
            opts.map((o) => h('option', { value: o.value }, label(o.label))));
          input.value = cur;
        };
        if (typeof f.options === 'function') {
          fill([]);
          Promise.resolve(f.options()).then(fill, () => fill([]));
        } else fill(f.options || []);
        break;
      }
      case 'checkbox':
        input = h('input', { ...common, type: 'checkbox', class: 'checkbox' });
        break;
      case 'number':
        input = h('input', { ...common, type: 'number', class: 'input input-narrow', step: f.step || (f.valueType === 'int' ? '1' : 'any'), min: f.min, max: f.max, inputmode: f.valueType === 'int' ? 'numeric' : 'decimal' });
        break;
      default:
        input = h('input', {
          ...common, type: f.type || 'text', class: ['input', f.inputClass], maxlength: f.maxlength,
          placeholder: label(f.placeholder), autocomplete: f.autocomplete || (f.type === 'password' ? 'new-password' : 'off'),
          spellcheck: f.type === 'password' ? 'false' : null,
        });
    }
    controls.set(f.name, { f, input });
    const err = h('div', { class: 'field-error', id: errId, dataset: { errorFor: f.name } });
    errorEls.set(f.name, err);
    const labelText = label(f.label);
    const lab = h('label', { for: id, class: 'field-label' }, labelText,
      f.required ? h('span', { class: 'req', title: t('form.required') }, ' *') : null);
    const hint = f.hint ? h('div', { class: 'field-hint', id: hintId }, label(f.hint)) : null;
    if (f.type === 'checkbox') {
      return h('div', { class: ['field', 'field-checkbox', f.wide && 'field-wide'], dataset: { field: f.name } },
        h('div', { class: 'checkbox-row' }, input, lab), hint, err);
    }
    return h('div', { class: ['field', (f.wide || f.type === 'textarea') && 'field-wide'], dataset: { field: f.name } }, lab, input, hint, err);
  });

  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, label(desc.submitLabel || 'action.save'));
  const form = h('form', { class: 'form card', id: formId, novalidate: true },
    general,
    h('div', { class: 'form-grid' }, fieldEls),
    h('div', { class: 'form-actions' },
      submit,
      desc.cancelHref ? linkButton(desc.cancelHref, 'action.cancel') : null,
      desc.extraActions || null));

  function setValues(v) {
    for (const [name, { f, input }] of controls) {
      const val = v ? v[name] : undefined;
      if (f.type === 'checkbox') input.checked = !!val;
      else input.value = val === null || val === undefined ? '' : String(val);
    }
  }

  function values() {
    const out = {};
    for (const [name, { f, input }] of controls) {
      if (f.type === 'checkbox') { out[name] = input.checked; continue; }
      let v = f.type === 'password' ? input.value : input.value.trim();
      if (v === '') { out[name] = f.keepEmpty ? '' : null; continue; }
      if (f.valueType === 'int' || f.valueType === 'number') {
        const n = Number(v);
        out[name] = Number.isFinite(n) ? n : v; // a non-number goes to the server, which names the field
        continue;
      }
      out[name] = v;
    }
    return out;
  }

  function clearErrors() {
    general.replaceChildren();
    for (const [name, el] of errorEls) {
      el.textContent = '';
      controls.get(name).input.removeAttribute('aria-invalid');
      el.parentElement.classList.remove('has-error');
    }
  }

  function setErrors(fields, message) {
    clearErrors();
    const stray = [];
    let first = null;
    for (const fe of fields || []) {
      const el = errorEls.get(fe.field);
      if (!el) { stray.push(fe); continue; }
      el.textContent = el.textContent ? `${el.textContent}；${fe.message}` : fe.message;
      el.parentElement.classList.add('has-error');
      const { input } = controls.get(fe.field);
      input.setAttribute('aria-invalid', 'true');
      if (!first) first = input;
    }
    const lines = stray.map((fe) => `${fe.field}: ${fe.message}`);
    if (message || lines.length || (fields && fields.length)) {
      general.appendChild(alertBox(h('div', null,
        h('strong', null, message || t('form.errors')),
        lines.length ? h('ul', null, lines.map((l) => h('li', null, l))) : null)));
    }
    if (first) first.focus();
    else general.scrollIntoView({ block: 'nearest' });
  }

  function setBusy(busy) {
    submit.disabled = busy;
    submit.textContent = busy ? t('action.saving') : label(desc.submitLabel || 'action.save');
    form.classList.toggle('is-busy', busy);
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (submit.disabled) return;
    clearErrors();
    setBusy(true);
    try {
      await desc.onSubmit(values());
    } catch (err) {
      if (err instanceof ApiError && err.fields.length) setErrors(err.fields, err.message);
      else setErrors([], errorMessage(err));
    } finally {
      if (form.isConnected) setBusy(false);
    }
  });

  setValues(desc.values || {});
  return {
    el: form, values, setValues, setErrors, clearErrors, setBusy,
    focus() { const first = form.querySelector('input:not([type=hidden]):not([readonly]), select, textarea'); if (first) first.focus(); },
  };
}

// ---------------------------------------------------------------- history

const HIDDEN_FIELDS = new Set(['id', 'zone_id', 'created_at', 'updated_at', 'password', 'password_hash']);

function defaultFormat(value) {
  if (value === null || value === undefined || value === '') return t('history.empty_value');
  if (typeof value === 'boolean') return value ? t('form.yes') : t('form.no');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function auditChanges(row, { fieldLabel, formatValue, order, hidden } = {}) {
  const fl = (f) => (fieldLabel ? fieldLabel(f, row.entity) : f) || f;
  const fv = (f, v) => {
    if (v === null || v === undefined || v === '') return t('history.empty_value');
    const r = formatValue ? formatValue(f, v, row.entity) : undefined;
    return r === undefined || r === null ? defaultFormat(v) : String(r);
  };
  const before = row.before && typeof row.before === 'object' ? row.before : {};
  const after = row.after && typeof row.after === 'object' ? row.after : {};
  const rank = (k) => { const i = order ? order.indexOf(k) : -1; return i < 0 ? 999 : i; };
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((k) => !HIDDEN_FIELDS.has(k) && !k.endsWith('_label') && !(hidden && hidden.includes(k)))
    .sort((a, b) => rank(a) - rank(b));

  if (row.action === 'create') {
    const items = keys.filter((k) => after[k] !== null && after[k] !== undefined && after[k] !== '');
    if (!items.length) return h('span', { class: 'muted' }, t('history.nochange'));
    return h('ul', { class: 'changes' }, items.map((k) =>
      h('li', null, h('span', { class: 'chg-field' }, fl(k)), '：', h('span', { class: 'chg-new' }, fv(k, after[k])))));
  }
  if (row.action === 'delete') {
    const name = before.name ?? before.username ?? before.code;
    return h('span', null, t('history.action.delete'), name ? `：${name}` : '');
  }
  const changed = keys.filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null));
  if (!changed.length) return h('span', { class: 'muted' }, t('history.nochange'));
  return h('ul', { class: 'changes' }, changed.map((k) =>
    h('li', null,
      h('span', { class: 'chg-field' }, fl(k)), '：',
      h('del', { class: 'chg-old' }, fv(k, before[k])), ' → ',
      h('ins', { class: 'chg-new' }, fv(k, after[k])))));
}

export function actionBadge(action) {
  return h('span', { class: `badge badge-${action}` }, label(`history.action.${action}`));
}

export function historyView({ endpoint, fieldLabel, formatValue, order, describe, hidden, pageSize = 20 }) {
  const list = h('ol', { class: 'history' });
  const more = h('div', { class: 'history-more' });
  const el = h('section', { class: 'card history-card' },
    h('h2', { class: 'card-title' }, t('history.title')), list, more);
  let offset = 0;

  async function load() {
    more.replaceChildren(loadingBlock());
    try {
      const r = await api.get(endpoint, { limit: pageSize, offset });
      const items = (r && r.items) || [];
      const total = r && typeof r.total === 'number' ? r.total : items.length;
      if (!offset && !items.length) list.appendChild(h('li', { class: 'muted history-empty' }, t('history.empty')));
      for (const row of items) {
        list.appendChild(h('li', { class: 'history-item', dataset: { action: row.action } },
          h('div', { class: 'history-meta' },
            actionBadge(row.action),
            describe ? h('span', { class: 'history-about' }, describe(row)) : null,
            h('time', { datetime: row.at }, fmtDateTime(row.at)),
            h('span', { class: 'history-user' }, `${t('history.by')}：`, row.username || t('history.system'))),
          auditChanges(row, { fieldLabel, formatValue, order, hidden })));
      }
      offset += items.length;
      more.replaceChildren();
      if (offset < total && items.length) more.appendChild(button('action.more', { onClick: load }));
    } catch (err) {
      more.replaceChildren(alertBox(errorMessage(err)));
    }
  }
  load();
  return el;
}
