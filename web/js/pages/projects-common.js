// Shared pieces of the key-project pages: domain constants, lights and badges, lookup tables,
// an editable rows table (year lists, quantities, problems, milestones) and the problem status dialog.
import './projects-i18n.js';
import { t, option } from '../i18n.js';
import { api, ApiError } from '../api.js';
import { can } from '../session.js';
import { fmtNumber } from '../format.js';
import { h, mount, label, nextId, button, formView, errorMessage } from '../ui.js';

export const PHASES = ['preparation', 'site_leveling', 'test_piling', 'piling', 'main_structure', 'topped_out',
  'secondary_structure', 'finishing', 'completion_acceptance', 'operation'];
export const LEVELS = ['provincial', 'municipal', 'district'];
export const YEAR_KINDS = ['new', 'continuing', 'completing'];
export const STATUSES = ['not_started', 'started', 'stopped'];
export const LIGHTS = ['red', 'yellow', 'green'];
export const EVENT_KINDS = ['start', 'stop', 'resume'];
export const PROBLEM_STATUSES = ['open', 'in_progress', 'solved'];

export const opts = (prefix, values) => values.map((v) => ({ value: v, label: `${prefix}.${v}` }));

/** Today's date in China (UTC+8), 'YYYY-MM-DD': the server's "today". */
export function todayChina() {
  return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}
export const currentYear = () => Number(todayChina().slice(0, 4));

export const canReadProjects = () => can('project.read') || can('project.read_own');
export const canFileReports = () => can('progress.write') || can('progress.write_own');

/** A money amount in 万元 as a plain number with separators (the unit is in the column header). */
export function wan(x) {
  if (x === null || x === undefined || x === '') return '';
  return fmtNumber(x, Number.isInteger(Number(x)) ? 0 : 2);
}

/** The coloured light: a dot, the colour name (visually hidden when compact) and the reasons as the title. */
export function lightDot(light, warnings, { compact = false } = {}) {
  if (!light) return null;
  const name = t(`light.${light}`);
  const reasons = (warnings || []).map((w) => w.message).filter(Boolean);
  const title = reasons.length ? `${name}：${reasons.join('；')}` : `${name}（${t('project.no_warnings')}）`;
  return h('span', { class: `light light-${light}`, title, dataset: { light } },
    h('span', { class: 'light-dot', 'aria-hidden': 'true' }),
    h('span', { class: compact ? 'visually-hidden' : 'light-text' }, compact ? title : name));
}

export function statusBadge(status) {
  if (!status) return null;
  return h('span', { class: `badge status-${status}` }, option('project.status', status));
}

export function problemBadge(p) {
  return h('span', { class: 'badge-row' },
    h('span', { class: `badge pstatus-${p.status}` }, option('problem.status', p.status)),
    p.overdue ? h('span', { class: 'badge badge-overdue' }, t('problem.overdue')) : null);
}

export function eventBadge(kind) {
  if (!kind) return null;
  return h('span', { class: `badge event-${kind}` }, option('event.kind', kind));
}

// ---------------------------------------------------------------- lookups (parks, chains, orgs)

async function listAll(endpoint, query) {
  try {
    const r = await api.get(endpoint, { limit: 200, ...query });
    return (r && r.items) || [];
  } catch (_) {
    return [];
  }
}

/** {parks, chains, enterprises, contractors} (each [{id, name}]), loaded as far as the user may read them. */
export async function loadLookups({ orgs = true } = {}) {
  const [parks, chains, enterprises, contractors] = await Promise.all([
    can('park.read') ? listAll('/api/parks', { sort: 'name' }) : [],
    can('chain.read') ? listAll('/api/chains', { sort: 'sort_order' }) : [],
    orgs && can('org.read') ? listAll('/api/orgs', { kind: 'enterprise', sort: 'name' }) : [],
    orgs && can('org.read') ? listAll('/api/orgs', { kind: 'contractor', sort: 'name' }) : [],
  ]);
  return { parks, chains, enterprises, contractors };
}

export const toOptions = (items) => items.map((x) => ({ value: String(x.id), label: () => x.name }));

// ---------------------------------------------------------------- rows editor
//
// rowsEditor({name, columns: [{key, label, type: 'text'|'number'|'select'|'date', options, valueType,
//             required, placeholder, width, className}], rows, addLabel, emptyText, newRow(rows) → row})
//   → {el, values(), setErrors(fields) → fields not about these rows, clearErrors(), setRows(rows)}
// Rows left completely empty are not sent; error names like "years[1].year" are mapped back to
// the row on screen even when empty rows were skipped.

export function rowsEditor(desc) {
  const { name, columns } = desc;
  const body = h('tbody');
  const general = h('div', { class: 'field-error rows-error', dataset: { errorFor: name } });
  const empty = h('p', { class: 'muted rows-empty' }, label(desc.emptyText || 'list.empty'));
  const table = h('table', { class: 'rows-editor' },
    h('thead', null, h('tr', null,
      h('th', { class: 'rows-num', scope: 'col' }, '#'),
      columns.map((c) => h('th', { scope: 'col', class: c.className },
        label(c.label), c.required ? h('span', { class: 'req' }, ' *') : null)),
      h('th', { class: 'rows-act', scope: 'col' }, h('span', { class: 'visually-hidden' }, t('common.actions'))))),
    body);
  const addBtn = button(desc.addLabel || 'action.create', { kind: 'secondary', onClick: () => { addRow(desc.newRow ? desc.newRow(rowsNow()) : {}); focusLast(); } });
  addBtn.classList.add('rows-add');
  const el = h('div', { class: 'rows-block', dataset: { rows: name } }, empty, h('div', { class: 'rows-wrap' }, table), general, h('div', { class: 'rows-actions' }, addBtn));
  let sentIndex = []; // index sent to the server → row element

  function renumber() {
    [...body.children].forEach((tr, i) => {
      tr.querySelector('.rows-num').textContent = String(i + 1);
      const rm = tr.querySelector('.rows-remove');
      rm.setAttribute('aria-label', t('common.remove.row', { n: i + 1 }));
      for (const c of columns) {
        const input = tr.querySelector(`[data-key="${c.key}"]`);
        input.name = `${name}[${i}].${c.key}`;
      }
    });
    const none = body.children.length === 0;
    table.hidden = none;
    empty.hidden = !none;
  }

  function cellInput(c, value) {
    const id = nextId('r');
    const common = { id, dataset: { key: c.key }, 'aria-label': label(c.label), class: ['input', c.inputClass] };
    let input;
    if (c.type === 'select') {
      input = h('select', common,
        h('option', { value: '' }, c.required ? t('form.choose') : t('form.none')),
        (c.options || []).map((o) => h('option', { value: o.value }, label(o.label))));
    } else if (c.type === 'number') {
      input = h('input', { ...common, type: 'number', step: c.valueType === 'int' ? '1' : 'any', inputmode: c.valueType === 'int' ? 'numeric' : 'decimal', min: c.min, max: c.max });
    } else if (c.type === 'date') {
      input = h('input', { ...common, type: 'date' });
    } else {
      input = h('input', { ...common, type: 'text', maxlength: c.maxlength, placeholder: label(c.placeholder), autocomplete: 'off' });
    }
    input.value = value === null || value === undefined ? '' : String(value);
    return h('td', { class: c.className, dataset: { label: label(c.label) } }, input, h('div', { class: 'field-error', dataset: { errorFor: c.key } }));
  }

  function addRow(row = {}) {
    const tr = h('tr', { class: 'rows-row' },
      h('td', { class: 'rows-num' }),
      columns.map((c) => cellInput(c, row[c.key])),
      h('td', { class: 'rows-act' }, h('button', {
        type: 'button', class: 'btn btn-link rows-remove', title: t('common.remove'),
        onClick: () => { tr.remove(); renumber(); },
      }, '✕')));
    body.appendChild(tr);
    renumber();
    return tr;
  }

  function focusLast() {
    const tr = body.lastElementChild;
    const first = tr && tr.querySelector('input, select');
    if (first) first.focus();
  }

  function readRow(tr) {
    const out = {};
    let any = false;
    for (const c of columns) {
      const input = tr.querySelector(`[data-key="${c.key}"]`);
      const raw = input.value.trim();
      if (raw !== '') any = true;
      if (raw === '') out[c.key] = null;
      else if (c.valueType === 'int' || c.valueType === 'number' || c.type === 'number') {
        const n = Number(raw);
        out[c.key] = Number.isFinite(n) ? n : raw;
      } else out[c.key] = raw;
    }
    return any ? out : null;
  }

  function rowsNow() { return [...body.children].map(readRow).filter(Boolean); }

  function values() {
    sentIndex = [];
    const out = [];
    for (const tr of body.children) {
      const r = readRow(tr);
      if (!r) continue;
      sentIndex.push(tr);
      out.push(r);
    }
    return out;
  }

  function clearErrors() {
    general.textContent = '';
    for (const e of el.querySelectorAll('td .field-error')) e.textContent = '';
    for (const i of el.querySelectorAll('[aria-invalid]')) i.removeAttribute('aria-invalid');
    for (const td of el.querySelectorAll('td.has-error')) td.classList.remove('has-error');
  }

  function setErrors(fields) {
    clearErrors();
    const rest = [];
    const re = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:\\[(\\d+)\\](?:\\.(\\w+))?)?$`);
    let first = null;
    for (const fe of fields || []) {
      const m = re.exec(fe.field);
      if (!m) { rest.push(fe); continue; }
      const tr = m[1] !== undefined ? sentIndex[Number(m[1])] : null;
      const input = tr && m[2] ? tr.querySelector(`[data-key="${m[2]}"]`) : null;
      if (!input) {
        const pos = tr ? [...body.children].indexOf(tr) + 1 : (m[1] !== undefined ? Number(m[1]) + 1 : 0);
        const msg = pos ? `#${pos} ${fe.message}` : fe.message;
        general.textContent = general.textContent ? `${general.textContent}；${msg}` : msg;
        continue;
      }
      const err = input.parentElement.querySelector('.field-error');
      err.textContent = err.textContent ? `${err.textContent}；${fe.message}` : fe.message;
      input.setAttribute('aria-invalid', 'true');
      input.parentElement.classList.add('has-error');
      if (!first) first = input;
    }
    return { rest, first };
  }

  function setRows(rows) {
    body.replaceChildren();
    for (const r of rows || []) addRow(r);
    renumber();
  }

  setRows(desc.rows || []);
  return { el, values, setErrors, clearErrors, setRows, addRow };
}

/** A row editor as a full-width field of a formView grid: sectionFor(title, hint, editor) → Node. */
export function sectionFor(title, hint, editor) {
  return h('div', { class: 'field field-wide rows-field' },
    h('div', { class: 'field-label' }, label(title)),
    hint ? h('div', { class: 'field-hint' }, label(hint)) : null,
    editor.el);
}

export function insertIntoForm(form, ...nodes) {
  const grid = form.el.querySelector('.form-grid');
  for (const n of nodes) if (n) grid.appendChild(n);
}

/** Run a submit: on an ApiError, row editors take their errors; the rest is rethrown for formView. */
export async function submitWithRows(editors, fn) {
  for (const e of editors) e.clearErrors();
  try {
    return await fn();
  } catch (err) {
    if (!(err instanceof ApiError) || !err.fields.length) throw err;
    let rest = err.fields;
    let first = null;
    for (const e of editors) {
      const r = e.setErrors(rest);
      rest = r.rest;
      if (!first) first = r.first;
    }
    if (rest.length === err.fields.length) throw err;
    const e2 = new ApiError(err.status, err.code, err.message, rest);
    if (first && !rest.length) setTimeout(() => first.focus(), 0);
    throw e2;
  }
}

// ---------------------------------------------------------------- problem status dialog

/** Let the user change a problem's status (and closing note). Resolves true when saved. */
export function problemDialog(problem) {
  return new Promise((resolve) => {
    let saved = false;
    const dlg = h('dialog', { class: 'dialog dialog-wide', 'aria-labelledby': 'problem-dlg-title' });
    const form = formView({
      fields: [
        { name: 'status', label: 'problem.status', type: 'select', required: true, options: opts('problem.status', PROBLEM_STATUSES) },
        { name: 'closing_note', label: 'problem.closing_note', type: 'textarea', hint: 'problem.closing_note.hint', rows: 3 },
      ],
      values: { status: problem.status, closing_note: problem.closing_note },
      submitLabel: 'action.save',
      extraActions: button('action.cancel', { onClick: () => dlg.close() }),
      onSubmit: async (v) => {
        await api.put(`/api/problems/${problem.id}`, {
          description: problem.description, department: problem.department, due_date: problem.due_date,
          status: v.status, closing_note: v.closing_note,
        });
        saved = true;
        dlg.close();
      },
    });
    mount(dlg, h('div', { class: 'dialog-body' },
      h('h2', { class: 'card-title', id: 'problem-dlg-title' }, t('problem.update.title')),
      h('p', { class: 'dialog-subject' }, problem.project_name ? `${problem.project_name}：` : '', problem.description),
      h('p', { class: 'muted' }, `${t('problem.department')}：${problem.department || '—'}　${t('problem.due_date')}：${problem.due_date || '—'}`),
      form.el));
    dlg.addEventListener('close', () => { dlg.remove(); resolve(saved); });
    document.body.appendChild(dlg);
    dlg.showModal();
    form.focus();
  });
}

export { errorMessage };
