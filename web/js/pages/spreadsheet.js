// 导入/导出 Spreadsheets — the import pages and the export links of the key-project and investment modules.
//
//   #/projects/import (项目导入, project.write) → POST /api/projects/import
//   #/invest/import   (线索导入, lead.write)    → POST /api/leads/import
//   The page sends the chosen file's raw bytes (?type=xlsx|csv from the extension, ?encoding, ?dry_run=1),
//   shows the preview (rows, created/updated, unknown columns, every error with its row and column) and
//   enables 导入 only after a clean dry run of the same file and encoding.
//   A template CSV (UTF-8 with BOM) of the understood headers is made in the browser.
//
//   exportLink(path, query)      an <a download> 导出Excel button for a GET …xlsx endpoint;
//                                 .update(query) rewrites its href (e.g. when the filters change)
import { t, addMessages } from '../i18n.js';
import { api, ApiError, buildQuery } from '../api.js';
import { h, mount, pageHeader, nextId, alertBox, errorMessage, linkButton } from '../ui.js';

addMessages({
  zh: {
    'io.export': '导出Excel',
    'io.export.title': '按当前条件导出为 Excel 文件',
    'io.import.link': '导入',
    'io.project.title': '项目导入',
    'io.project.intro': '从 Excel（.xlsx）或 CSV 文件批量新增、更新重点项目；项目编号已存在的，更新该项目。',
    'io.lead.title': '线索导入',
    'io.lead.intro': '从 Excel（.xlsx）或 CSV 文件批量新增、更新招商线索；线索编号已存在的，更新该线索，阶段变化记为一次阶段变更。',
    'io.file': '文件',
    'io.file.hint': '.xlsx 或 .csv，不超过 20 MB',
    'io.encoding': '编码',
    'io.encoding.auto': '自动',
    'io.encoding.utf-8': 'UTF-8',
    'io.encoding.gbk': 'GBK',
    'io.encoding.hint': '仅对 CSV 文件有效；中文版 Excel 另存的 CSV 通常为 GBK。',
    'io.dry_run': '预检',
    'io.run': '导入',
    'io.run.hint': '预检通过后才能导入',
    'io.checking': '正在上传并预检…',
    'io.importing': '正在导入…',
    'io.file.required': '请选择要导入的文件。',
    'io.file.type': '只能导入 .xlsx 或 .csv 文件。',
    'io.file.too_large': '文件超过 20 MB，请拆分后再导入。',
    'io.rows': '数据行',
    'io.created.dry': '将新增',
    'io.updated.dry': '将更新',
    'io.created': '已新增',
    'io.updated': '已更新',
    'io.ok.dry': '预检通过，未发现问题。确认无误后点击“导入”。',
    'io.ok.empty': '文件中没有数据行，无需导入。',
    'io.ok.done': '导入完成：新增 {created} 条，更新 {updated} 条。',
    'io.unknown': '以下列未能识别，将被忽略：{cols}',
    'io.errors': '预检发现 {n} 个问题，未导入任何数据。请修改文件后重新预检。',
    'io.errors.run': '导入发现 {n} 个问题，未导入任何数据。请修改文件后重新预检。',
    'io.errors.caption': '问题列表',
    'io.col.row': '行',
    'io.col.column': '列',
    'io.col.message': '问题',
    'io.result': '预检结果',
    'io.result.done': '导入结果',
    'io.help.title': '文件格式',
    'io.help.headers': '第一行为表头，可识别以下列（{required}必填，其余选填，列的顺序不限）：',
    'io.help.values.project': '项目级别填省级、市级或区级；年度类别填新开工、续建或竣工；金额单位写在表头括号内（万元或亿元）；日期如 2025-03-01；所在园区、产业链须为本区已有名称，建设单位、施工单位不存在时自动新建。',
    'io.help.values.lead': '阶段填线索、洽谈、签约、注册、开工、投产或终止；高新技术填是或否；专精特新填省级或国家级；日期如 2025-03-01；产业链、来源地区、联络处须为本区已有名称，招商专员填姓名。',
    'io.template': '下载模板（CSV）',
    'io.template.project': '项目导入模板.csv',
    'io.template.lead': '线索导入模板.csv',
    'io.view.projects': '查看项目列表',
    'io.view.leads': '查看项目库',
    'io.list': '、',
  },
  en: {
    'io.export': 'Export Excel',
    'io.export.title': 'Download the rows of the current filters as an Excel file',
    'io.import.link': 'Import',
    'io.project.title': 'Import projects',
    'io.project.intro': 'Add or update key projects from an Excel (.xlsx) or CSV file; a project code already in the zone updates that project.',
    'io.lead.title': 'Import leads',
    'io.lead.intro': 'Add or update investment leads from an Excel (.xlsx) or CSV file; a lead code already in the zone updates that lead, and a changed stage is recorded as a move.',
    'io.file': 'File',
    'io.file.hint': '.xlsx or .csv, up to 20 MB',
    'io.encoding': 'Encoding',
    'io.encoding.auto': 'Automatic',
    'io.encoding.utf-8': 'UTF-8',
    'io.encoding.gbk': 'GBK',
    'io.encoding.hint': 'CSV files only; CSV saved by Chinese Excel is usually GBK.',
    'io.dry_run': 'Check (dry run)',
    'io.run': 'Import',
    'io.run.hint': 'Available after a clean check',
    'io.checking': 'Uploading and checking…',
    'io.importing': 'Importing…',
    'io.file.required': 'Choose the file to import.',
    'io.file.type': 'Only .xlsx and .csv files can be imported.',
    'io.file.too_large': 'The file is larger than 20 MB; split it first.',
    'io.rows': 'Data rows',
    'io.created.dry': 'To create',
    'io.updated.dry': 'To update',
    'io.created': 'Created',
    'io.updated': 'Updated',
    'io.ok.dry': 'The check found no problems. Click “Import” to import.',
    'io.ok.empty': 'The file has no data rows; nothing to import.',
    'io.ok.done': 'Imported: {created} created, {updated} updated.',
    'io.unknown': 'These columns are not recognised and will be ignored: {cols}',
    'io.errors': 'The check found {n} problem(s); nothing was imported. Fix the file and check again.',
    'io.errors.run': 'The import found {n} problem(s); nothing was imported. Fix the file and check again.',
    'io.errors.caption': 'Problems',
    'io.col.row': 'Row',
    'io.col.column': 'Column',
    'io.col.message': 'Problem',
    'io.result': 'Check result',
    'io.result.done': 'Import result',
    'io.help.title': 'File format',
    'io.help.headers': 'The first row holds the headers. These columns are understood ({required} required, the rest optional, in any order):',
    'io.help.values.project': '项目级别: 省级, 市级 or 区级; 年度类别: 新开工, 续建 or 竣工; amounts in the unit named in the header (万元 or 亿元); dates like 2025-03-01; 所在园区 and 产业链 must be names already in the zone, missing 建设单位/施工单位 organisations are created.',
    'io.help.values.lead': '阶段: 线索, 洽谈, 签约, 注册, 开工, 投产 or 终止; 高新技术: 是 or 否; 专精特新: 省级 or 国家级; dates like 2025-03-01; 产业链, 来源地区 and 联络处 must be names already in the zone, 招商专员 is the officer\'s name.',
    'io.template': 'Download a template (CSV)',
    'io.template.project': 'project-import-template.csv',
    'io.template.lead': 'lead-import-template.csv',
    'io.view.projects': 'View the project list',
    'io.view.leads': 'View the leads',
    'io.list': ', ',
  },
});

// ---------------------------------------------------------------- export

/** An <a download> button for a GET …xlsx endpoint; el.update(query) rewrites the href. */
export function exportLink(path, query) {
  const a = h('a', { class: 'btn btn-secondary io-export', href: path + buildQuery(query), download: '', title: t('io.export.title') },
    h('span', { class: 'io-export-icon', 'aria-hidden': 'true' }), t('io.export'));
  a.update = (q) => { a.href = path + buildQuery(q); };
  return a;
}

/** The query of a listView's state for an export: its filters and sort, no paging. */
export function exportQuery(state) {
  const q = {};
  for (const [k, v] of Object.entries(state || {})) {
    if (k === 'offset' || k === 'limit' || v === '' || v === null || v === undefined) continue;
    q[k] = v;
  }
  return q;
}

// ---------------------------------------------------------------- import

const MAX_BYTES = 20 * 1024 * 1024;
const ENCODINGS = ['', 'utf-8', 'gbk'];

const PROJECT_HEADERS = ['项目编号', '项目名称', '项目级别', '年度', '年度类别', '所在园区', '产业链', '建设单位', '施工单位', '项目负责人',
  '总投资(万元)', '年度计划投资(万元)', '计划开工日期', '计划竣工日期', '实际开工日期', '形象进度'];
const LEAD_HEADERS = ['线索编号', '项目名称', '投资方', '产业链', '来源地区', '联络处', '招商专员', '计划投资(万元)', '预计年税收(万元)',
  '用地(亩)', '预计年产值(万元)', '能耗(吨标准煤)', '高新技术', '发明专利', '专精特新', '阶段', '签约日期', '备注'];

const KINDS = {
  project: {
    title: 'io.project.title', intro: 'io.project.intro', endpoint: '/api/projects/import',
    back: { href: '#/projects', label: 'nav.projects' }, view: 'io.view.projects',
    headers: PROJECT_HEADERS, required: ['项目编号', '项目名称'], values: 'io.help.values.project', template: 'io.template.project',
  },
  lead: {
    title: 'io.lead.title', intro: 'io.lead.intro', endpoint: '/api/leads/import',
    back: { href: '#/leads', label: 'nav.leads' }, view: 'io.view.leads',
    headers: LEAD_HEADERS, required: ['线索编号', '项目名称'], values: 'io.help.values.lead', template: 'io.template.lead',
  },
};

/** 'xlsx' | 'csv' | null from a file name. */
function fileType(name) {
  const m = /\.(xlsx|csv)$/i.exec(name || '');
  return m ? m[1].toLowerCase() : null;
}

/** A CSV line of headers (quoted when needed). */
function csvLine(cells) {
  return cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
}

function templateLink(kind) {
  const csv = '\uFEFF' + csvLine(kind.headers) + '\r\n';
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  return h('a', { class: 'btn btn-secondary io-template', href: url, download: t(kind.template) }, t('io.template'));
}

function helpCard(kind) {
  return h('section', { class: 'card io-help' },
    h('h2', { class: 'card-title' }, t('io.help.title')),
    h('p', null, t('io.help.headers', { required: kind.required.join(t('io.list')) })),
    h('ul', { class: 'io-headers' }, kind.headers.map((x) =>
      h('li', { class: kind.required.includes(x) ? 'is-required' : null }, x))),
    h('p', { class: 'io-values muted' }, t(kind.values)),
    h('p', { class: 'io-template-row' }, templateLink(kind)));
}

function errorTable(errors) {
  return h('div', { class: 'table-wrap io-errors' }, h('table', { class: 'data-table compact' },
    h('caption', { class: 'visually-hidden' }, t('io.errors.caption')),
    h('thead', null, h('tr', null,
      h('th', { scope: 'col', class: 'num col-narrow' }, t('io.col.row')),
      h('th', { scope: 'col', class: 'io-col-column' }, t('io.col.column')),
      h('th', { scope: 'col' }, t('io.col.message')))),
    h('tbody', null, errors.map((e) => h('tr', { dataset: { row: e.row ?? '' } },
      h('td', { class: 'num col-narrow', dataset: { label: t('io.col.row') } }, e.row == null ? '—' : String(e.row)),
      h('td', { class: 'io-col-column', dataset: { label: t('io.col.column') } }, e.column || '—'),
      h('td', { dataset: { label: t('io.col.message') } }, e.message || ''))))));
}

function stats(r, dry) {
  const item = (key, n, name) => h('div', { class: 'io-stat', dataset: { stat: name } },
    h('span', { class: 'io-stat-n' }, String(n ?? 0)), h('span', { class: 'io-stat-label' }, t(key)));
  return h('div', { class: 'io-stats' },
    item('io.rows', r.rows, 'rows'),
    item(dry ? 'io.created.dry' : 'io.created', r.created, 'created'),
    item(dry ? 'io.updated.dry' : 'io.updated', r.updated, 'updated'));
}

/**
 * The import page of a kind {title, intro, endpoint, back, view, headers, required, values, template};
 * optional extra (a field node shown beside the file) and query() (more query parameters of the upload).
 */
export function importPage(ctx, kind) {
  ctx.setTitle(t(kind.title));
  const id = nextId('io');
  const fileIn = h('input', {
    id: `${id}-file`, name: 'file', type: 'file', class: 'input io-file', 'aria-describedby': `${id}-file-hint`,
    accept: '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv',
  });
  const encSel = h('select', { id: `${id}-enc`, name: 'encoding', class: 'input', 'aria-describedby': `${id}-enc-hint` },
    ENCODINGS.map((e) => h('option', { value: e }, t(`io.encoding.${e || 'auto'}`))));
  const checkBtn = h('button', { type: 'submit', class: 'btn btn-secondary io-check' }, t('io.dry_run'));
  const runBtn = h('button', { type: 'button', class: 'btn btn-primary io-run', disabled: true, title: t('io.run.hint') }, t('io.run'));
  const progressText = h('span', { class: 'io-progress-text' });
  const progress = h('div', { class: 'io-progress', hidden: true },
    h('div', { class: 'io-bar', role: 'progressbar', 'aria-labelledby': `${id}-progress` }, h('span', { class: 'io-bar-fill' })),
    h('span', { id: `${id}-progress` }, progressText));
  const result = h('div', { class: 'io-result', 'aria-live': 'polite' });

  const form = h('form', { class: 'card io-form', novalidate: true },
    h('div', { class: 'io-fields' },
      kind.extra || null,
      h('div', { class: 'field io-field-file' },
        h('label', { for: fileIn.id, class: 'field-label' }, t('io.file')), fileIn,
        h('div', { class: 'field-hint', id: `${id}-file-hint` }, t('io.file.hint'))),
      h('div', { class: 'field io-field-enc' },
        h('label', { for: encSel.id, class: 'field-label' }, t('io.encoding')), encSel,
        h('div', { class: 'field-hint', id: `${id}-enc-hint` }, t('io.encoding.hint')))),
    h('div', { class: 'io-actions' }, checkBtn, runBtn, progress),
    result);

  // what the last clean dry run checked: the import needs the same file and encoding
  let checked = null;
  let busy = false;

  function reset() {
    checked = null;
    runBtn.disabled = true;
    runBtn.title = t('io.run.hint');
    result.replaceChildren();
  }
  fileIn.addEventListener('change', reset);
  encSel.addEventListener('change', reset);

  function setBusy(on, text) {
    busy = on;
    form.classList.toggle('is-busy', on);
    form.setAttribute('aria-busy', on ? 'true' : 'false');
    progress.hidden = !on;
    progressText.textContent = on ? text : '';
    checkBtn.disabled = on;
    fileIn.disabled = on;
    encSel.disabled = on;
    if (on) runBtn.disabled = true;
  }

  function showErrors(errors, dry) {
    mount(result,
      h('h2', { class: 'card-title io-result-title' }, t(dry ? 'io.result' : 'io.result.done')),
      alertBox(t(dry ? 'io.errors' : 'io.errors.run', { n: errors.length })),
      errorTable(errors));
  }

  async function send(dry) {
    const file = fileIn.files && fileIn.files[0];
    if (!file) { mount(result, alertBox(t('io.file.required'))); fileIn.focus(); return; }
    const type = fileType(file.name);
    if (!type) { mount(result, alertBox(t('io.file.type'))); return; }
    if (file.size > MAX_BYTES) { mount(result, alertBox(t('io.file.too_large'))); return; }
    const encoding = encSel.value;
    setBusy(true, t(dry ? 'io.checking' : 'io.importing'));
    if (dry) result.replaceChildren();
    let r;
    try {
      r = await api.upload(kind.endpoint, file, { ...(kind.query ? kind.query() : {}), type, encoding: type === 'csv' ? encoding : '', dry_run: dry ? '1' : '0' });
    } catch (err) {
      if (!ctx.isCurrent()) return;
      setBusy(false);
      checked = null;
      if (err instanceof ApiError && err.fields.length) {
        showErrors(err.fields.map((f) => ({ row: f.row, column: f.column || (f.field === 'file' ? '' : f.field), message: f.message })), dry);
      } else {
        mount(result, alertBox(err instanceof ApiError && err.status === 413 ? t('io.file.too_large') : errorMessage(err)));
      }
      return;
    }
    if (!ctx.isCurrent()) return;
    setBusy(false);
    const errors = (r && r.errors) || [];
    const unknown = (r && r.unknown_columns) || [];
    if (errors.length) { checked = null; showErrors(errors, dry); return; }
    const warn = unknown.length ? alertBox(t('io.unknown', { cols: unknown.join(t('io.list')) }), 'warn') : null;
    if (dry) {
      const empty = !r.rows;
      checked = empty ? null : { file, encoding };
      runBtn.disabled = empty;
      runBtn.title = empty ? t('io.run.hint') : '';
      mount(result,
        h('h2', { class: 'card-title io-result-title' }, t('io.result')),
        alertBox(t(empty ? 'io.ok.empty' : 'io.ok.dry'), empty ? 'warn' : 'ok'),
        stats(r, true), warn);
      if (!empty) runBtn.focus();
    } else {
      checked = null;
      runBtn.disabled = true;
      mount(result,
        h('h2', { class: 'card-title io-result-title' }, t('io.result.done')),
        alertBox(t('io.ok.done', { created: r.created ?? 0, updated: r.updated ?? 0 }), 'ok'),
        stats(r, false), warn,
        h('p', { class: 'io-next' }, linkButton(kind.back.href, kind.view, 'primary')));
    }
  }

  form.addEventListener('submit', (e) => { e.preventDefault(); if (!busy) send(true); });
  runBtn.addEventListener('click', () => {
    const file = fileIn.files && fileIn.files[0];
    if (busy || !checked || checked.file !== file || checked.encoding !== encSel.value) { reset(); return; }
    send(false);
  });

  mount(ctx.main,
    pageHeader({ title: kind.title, subtitle: kind.intro, back: kind.back }),
    h('div', { class: 'io-page' }, form, helpCard(kind)));
}

export const projectImport = {
  routes: [{ path: '/projects/import', perm: 'project.write', render: (ctx) => importPage(ctx, KINDS.project) }],
};

export const leadImport = {
  routes: [{ path: '/invest/import', perm: 'lead.write', render: (ctx) => importPage(ctx, KINDS.lead) }],
};
