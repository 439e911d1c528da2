// 联合验收 案件详情 — one case: status, one card per department (rounds, clocks, decision, points and
// answers), the materials with upload and download, submit, the reviewer's decision form, the
// applicant's rectification answers and resubmission, the site inspection, the measures and history.
import { t, has, option } from '../i18n.js';
import { api, ApiError } from '../api.js';
import { can } from '../session.js';
import { fmtDate, fmtDateTime, fmtNumber, fmtSize } from '../format.js';
import {
  h, mount, pageHeader, button, detailList, historyView, alertBox, toast, confirmDialog, errorBlock,
  errorMessage, nextId, formView,
} from '../ui.js';
import { rowsEditor, submitWithRows } from './projects-common.js';
import { DECISIONS, opts, caseStatusBadge, stateBadge, overdueBadge, todayChina } from './acceptance-common.js';

const dash = () => h('span', { class: 'muted' }, '—');
const orDash = (v) => (v === null || v === undefined || v === '' ? dash() : v);

function stat(labelKey, value, extra) {
  return h('div', { class: 'stat', dataset: { stat: labelKey } }, h('div', { class: 'stat-label' }, t(labelKey)),
    h('div', { class: 'stat-value' }, extra ? [value, extra] : orDash(value)));
}

function threadLink(allowed, href, text) {
  return allowed ? h('a', { href, class: 'acc-thread-link' }, text) : text;
}

function pointsList(round) {
  const pts = round.points || [];
  if (!pts.length) return null;
  const answers = new Map((round.answers || []).map((a) => [a.point_no, a.answer]));
  return h('ol', { class: 'acc-points' }, pts.map((p) => h('li', { value: p.no, dataset: { no: p.no } },
    h('span', { class: 'acc-point-text' }, p.text),
    answers.has(p.no) ? h('div', { class: 'acc-answer' }, h('span', { class: 'muted' }, `${t('acc.answer')}：`), answers.get(p.no)) : null)));
}

function roundFacts(r) {
  return detailList([
    { label: 'acc.dept.started', value: fmtDate(r.started_on) },
    { label: 'acc.dept.due', value: r.due_on ? h('span', { class: r.overdue ? 'text-overdue' : '' }, fmtDate(r.due_on)) : null },
    { label: 'acc.dept.decision', value: r.decision ? h('span', { class: 'badge-row' }, stateBadge(r.decision), r.decided_on ? h('span', { class: 'muted' }, fmtDate(r.decided_on)) : null) : null },
    { label: 'acc.dept.reviewer', value: r.reviewer_name },
    { label: 'acc.days_used', value: fmtNumber(r.days_used) },
    { label: 'acc.dept.opinion', value: r.opinion },
  ]);
}

// ---------------------------------------------------------------- decision form (reviewers)

function decisionForm(round, reload) {
  const points = rowsEditor({
    name: 'points',
    addLabel: 'acc.decide.point.add',
    emptyText: 'acc.decide.points.empty',
    rows: [],
    columns: [{ key: 'text', label: 'acc.decide.point', type: 'text', required: true }],
  });
  const pointsSection = h('div', { class: 'field field-wide rows-field acc-points-field' },
    h('div', { class: 'field-label' }, t('acc.decide.points')), points.el);
  const form = formView({
    fields: [
      { name: 'decision', label: 'acc.decide.decision', type: 'select', required: true, options: opts('acc.decision', DECISIONS) },
      { name: 'opinion', label: 'acc.decide.opinion', type: 'textarea', maxlength: 2000 },
    ],
    submitLabel: 'acc.decide.submit',
    onSubmit: async (v) => {
      const body = { decision: v.decision, opinion: v.opinion };
      if (v.decision === 'rectify') body.points = points.values().map((p) => p.text).filter(Boolean);
      await submitWithRows([points], () => api.post(`/api/acceptance/reviews/${round.id}/decision`, body));
      toast(t('acc.decided'));
      reload();
    },
  });
  form.el.classList.add('acc-decide-form');
  form.el.querySelector('.form-grid').appendChild(pointsSection);
  const sel = form.el.querySelector('[name=decision]');
  const sync = () => { pointsSection.hidden = sel.value !== 'rectify'; };
  sel.addEventListener('change', sync);
  sync();
  return h('div', { class: 'acc-decide' }, h('h3', { class: 'acc-subtitle' }, t('acc.decide')), form.el);
}

// ---------------------------------------------------------------- department cards

function deptCard(c, d, reload) {
  const rounds = d.rounds || [];
  const last = rounds[rounds.length - 1];
  const earlier = rounds.slice(0, -1);
  const mayDecide = can('acceptance.review') && last && !last.decision && c.status === 'reviewing';
  return h('section', { class: 'card acc-dept', dataset: { dept: d.department_id, state: d.state } },
    h('div', { class: 'card-head' },
      h('h2', { class: 'card-title' }, d.name),
      h('span', { class: 'badge-row' },
        last ? h('span', { class: 'badge' }, t('acc.dept.round', { n: last.round })) : null,
        stateBadge(d.state), overdueBadge(last && last.overdue))),
    last ? roundFacts(last) : h('p', { class: 'muted' }, t('acc.dept.none')),
    last && last.points && last.points.length ? h('div', { class: 'acc-points-block' },
      h('div', { class: 'stat-label' }, t('acc.dept.points')), pointsList(last)) : null,
    earlier.length ? h('details', { class: 'acc-earlier' }, h('summary', null, t('acc.dept.earlier')),
      earlier.map((r) => h('div', { class: 'acc-round' }, h('h3', { class: 'acc-subtitle' }, t('acc.dept.round', { n: r.round })),
        roundFacts(r), r.points && r.points.length ? pointsList(r) : null))) : null,
    mayDecide ? decisionForm(last, reload) : null);
}

// ---------------------------------------------------------------- materials

function materialsCard(c, reload) {
  const mayUpload = can('acceptance.apply') && (c.status === 'draft' || c.status === 'rectifying');
  const files = c.files || [];
  const rows = (c.items || []).map((it) => {
    const mine = files.filter((f) => f.item_id === it.item_id);
    let upload = null;
    if (mayUpload) {
      const fid = nextId('acc-file');
      const input = h('input', { type: 'file', id: fid, class: 'acc-file-input', name: `file-${it.item_id}`,
        accept: '.pdf,.png,.jpg,.jpeg,.doc,.docx,.xls,.xlsx,.ppt,.pptx' });
      const msg = h('div', { class: 'field-error', 'aria-live': 'polite' });
      const btn = button('acc.materials.upload', { kind: 'secondary' });
      btn.classList.add('btn-small');
      btn.addEventListener('click', async () => {
        msg.textContent = '';
        const f = input.files && input.files[0];
        if (!f) { msg.textContent = t('acc.materials.choose'); return; }
        btn.disabled = true;
        try {
          await api.upload(`/api/acceptance/cases/${c.id}/files`, f, { item_id: it.item_id, filename: f.name });
          toast(t('acc.materials.uploaded'));
          reload();
        } catch (err) {
          msg.textContent = errorMessage(err) + (err instanceof ApiError && err.fields.length ? `（${err.fields.map((x) => x.message).join('；')}）` : '');
          btn.disabled = false;
        }
      });
      upload = h('div', { class: 'acc-upload' },
        h('label', { for: fid, class: 'visually-hidden' }, `${t('acc.materials.choose')}：${it.name}`), input, btn, msg);
    }
    return h('tr', { dataset: { item: it.item_id } },
      h('td', { dataset: { label: t('acc.materials.item') } }, it.name),
      h('td', { dataset: { label: t('acc.materials.files') } },
        mine.length ? h('ul', { class: 'acc-files' }, mine.map((f) => h('li', null,
          h('a', { href: `/api/acceptance/files/${f.id}`, download: f.filename, class: 'acc-file-link' }, f.filename),
          h('span', { class: 'muted' }, ` ${fmtSize(f.size)} · ${t('acc.dept.round', { n: f.round })}`)))) : h('span', { class: 'muted' }, t('acc.materials.none')),
        upload));
  });
  return h('section', { class: 'card acc-materials' },
    h('h2', { class: 'card-title' }, t('acc.materials')),
    mayUpload ? h('p', { class: 'field-hint' }, t('acc.materials.hint')) : null,
    h('div', { class: 'table-wrap' }, h('table', { class: 'data-table compact' },
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('acc.materials.item')), h('th', { scope: 'col' }, t('acc.materials.files')))),
      h('tbody', null, rows))));
}


// ---------------------------------------------------------------- rectification (applicant)

function rectifyCard(c, reload) {
  const inputs = [];
  const blocks = (c.departments || []).filter((d) => d.state === 'rectify').map((d) => {
    const r = d.rounds[d.rounds.length - 1];
    return h('fieldset', { class: 'acc-rectify-dept', dataset: { dept: d.department_id } },
      h('legend', null, `${d.name} · ${t('acc.dept.round', { n: r.round })}`),
      r.opinion ? h('p', { class: 'muted' }, r.opinion) : null,
      (r.points || []).map((p) => {
        const id = nextId('acc-ans');
        const ta = h('textarea', { id, class: 'input', rows: 2, name: `answer-${r.id}-${p.no}`, maxlength: 2000 });
        inputs.push({ review_id: r.id, point_no: p.no, ta });
        return h('div', { class: 'field field-wide' },
          h('label', { for: id, class: 'field-label' }, `${p.no}. ${p.text}`, h('span', { class: 'req' }, ' *')), ta);
      }));
  });
  if (!blocks.length) return null;
  const msg = h('div', { class: 'form-general' });
  const btn = button('acc.resubmit', { kind: 'primary' });
  btn.addEventListener('click', async () => {
    msg.replaceChildren();
    btn.disabled = true;
    try {
      await api.post(`/api/acceptance/cases/${c.id}/resubmit`, {
        answers: inputs.map((x) => ({ review_id: x.review_id, point_no: x.point_no, answer: x.ta.value.trim() })),
      });
      toast(t('acc.resubmitted'));
      reload();
    } catch (err) {
      msg.appendChild(alertBox(h('div', null, h('strong', null, errorMessage(err)),
        err instanceof ApiError && err.fields.length ? h('ul', null, err.fields.map((f) => h('li', null, f.message))) : null)));
      btn.disabled = false;
    }
  });
  return h('section', { class: 'card acc-rectify' },
    h('h2', { class: 'card-title' }, t('acc.rectify')),
    h('p', { class: 'field-hint' }, t('acc.rectify.hint')),
    msg, blocks, h('div', { class: 'form-actions' }, btn));
}

// ---------------------------------------------------------------- inspection

function inspectionCard(c, reload) {
  const list = c.inspections || [];
  const open = list.find((x) => !x.result);
  const manage = can('acceptance.manage');
  let form = null;
  if (manage && c.status === 'inspection' && !open) {
    form = formView({
      fields: [{ name: 'scheduled_on', label: 'acc.inspection.scheduled_on', type: 'date' }],
      values: { scheduled_on: todayChina() },
      submitLabel: 'acc.inspection.schedule',
      onSubmit: async (v) => {
        await api.post(`/api/acceptance/cases/${c.id}/inspection`, v.scheduled_on ? { scheduled_on: v.scheduled_on } : {});
        toast(t('acc.inspection.scheduled'));
        reload();
      },
    });
  } else if (manage && open) {
    form = formView({
      fields: [
        { name: 'result', label: 'acc.inspection.result', type: 'select', required: true, options: opts('acc.decision', DECISIONS) },
        { name: 'opinion', label: 'acc.inspection.opinion', type: 'textarea', maxlength: 2000 },
      ],
      submitLabel: 'acc.inspection.record',
      onSubmit: async (v) => {
        await api.post(`/api/acceptance/cases/${c.id}/inspection/result`, { result: v.result, opinion: v.opinion });
        toast(t('acc.inspection.recorded'));
        reload();
      },
    });
  }
  if (form) form.el.classList.add('acc-inspection-form');
  return h('section', { class: 'card acc-inspection' },
    h('h2', { class: 'card-title' }, t('acc.inspection')),
    list.length ? list.map((x) => h('div', { class: 'acc-round', dataset: { inspection: x.id, result: x.result || '' } },
      h('h3', { class: 'acc-subtitle' }, t('acc.inspection.round', { n: x.round }), ' ', stateBadge(x.result), overdueBadge(x.overdue)),
      detailList([
        { label: 'acc.dept.started', value: fmtDate(x.started_on) },
        { label: 'acc.dept.due', value: x.due_on ? h('span', { class: x.overdue ? 'text-overdue' : '' }, fmtDate(x.due_on)) : null },
        { label: 'acc.inspection.scheduled_on', value: fmtDate(x.scheduled_on) },
        { label: 'acc.inspection.held_on', value: fmtDate(x.held_on) },
        { label: 'acc.days_used', value: fmtNumber(x.days_used) },
        { label: 'acc.inspection.opinion', value: x.opinion },
      ]))) : h('p', { class: 'muted' }, t('acc.inspection.none')),
    form ? form.el : null);
}

// ---------------------------------------------------------------- history

const PART = { acc_review: 'acc.kind.review', acc_inspection: 'acc.kind.inspection', acc_file: 'acc.materials', acc_answer: 'acc.answer', acc_case: 'acc.detail' };

function historyFieldLabel(field, entity) {
  if (field === 'due_on' && entity !== 'acc_case') return t('acc.dept.due');
  for (const k of [`acc.${field}`, `acc.dept.${field}`, `acc.inspection.${field}`, `field.${field}`]) if (has(k)) return t(k);
  return field;
}

function historyValue(field, value) {
  if (/_at$/.test(field)) return fmtDateTime(value);
  if (field === 'size') return fmtSize(value);
  if (field === 'status') return option('acc.status', value);
  if (field === 'decision' || field === 'result') return option('acc.decision', value);
  if (field === 'points' && Array.isArray(value)) return value.map((p) => `${p.no}. ${p.text}`).join('；');
  return undefined;
}

// ---------------------------------------------------------------- page

async function detailPage(ctx) {
  ctx.setTitle(t('acc.detail'));
  const id = ctx.params.id;
  const url = `/api/acceptance/cases/${encodeURIComponent(id)}`;

  async function reload() {
    let c;
    try {
      c = await api.get(url);
    } catch (err) {
      if (ctx.isCurrent()) mount(ctx.main, pageHeader({ title: 'acc.detail', back: { href: '#/acceptance/cases' } }), errorBlock(err));
      return;
    }
    if (!ctx.isCurrent()) return;
    ctx.setTitle(c.title);
    const actions = [];
    const submitMsg = h('div', { class: 'acc-submit-msg' });
    if (c.status === 'draft' && can('acceptance.apply')) {
      const b = button('acc.submit', { kind: 'primary' });
      b.classList.add('acc-submit');
      b.addEventListener('click', async () => {
        if (!(await confirmDialog(t('acc.submit.confirm'), { okLabel: 'acc.submit' }))) return;
        submitMsg.replaceChildren();
        try {
          await api.post(`${url}/submit`, {});
          toast(t('acc.submitted'));
          reload();
        } catch (err) {
          const names = new Map((c.items || []).map((it) => [`items[${it.item_id}]`, it.name]));
          submitMsg.appendChild(alertBox(h('div', null, h('strong', null, errorMessage(err)),
            err instanceof ApiError && err.fields.length ? h('ul', null, err.fields.map((f) => h('li', null, `${names.get(f.field) || f.field}：${f.message}`))) : null)));
        }
      });
      actions.push(b);
    }
    const m = c.measures || {};
    const summary = h('section', { class: 'card acc-summary' },
      h('div', { class: 'stats' },
        stat('acc.status', null, h('span', { class: 'badge-row' }, caseStatusBadge(c.status), overdueBadge(c.overdue))),
        // the thread: the case's key project and its applicant, for whoever may open them
        stat('acc.project', c.project_name ? threadLink(can('project.read') || can('project.read_own'), `#/projects/${c.project_id}`,
          `${c.project_code || ''} ${c.project_name}`.trim()) : null),
        stat('acc.applicant', c.applicant_name ? threadLink(can('org.read') || can('org.read_own'), `#/orgs/${c.applicant_org_id}`, c.applicant_name) : null),
        stat('acc.building', c.building),
        stat('acc.submitted_on', fmtDate(c.submitted_on)),
        stat('acc.due_on', c.due_on ? h('span', { class: c.overdue ? 'text-overdue' : '' }, fmtDate(c.due_on)) : null),
        stat('acc.submissions', fmtNumber(c.submissions))));
    const measures = h('section', { class: 'card acc-measures' },
      h('h2', { class: 'card-title' }, t('acc.measures')),
      h('div', { class: 'stats' },
        stat('acc.measures.parallel', fmtNumber(m.parallel_days)),
        stat('acc.measures.serial', fmtNumber(m.serial_days)),
        stat('acc.measures.saved', fmtNumber(m.days_saved)),
        stat('acc.measures.submissions', fmtNumber(m.submissions))));
    const showRectify = c.status === 'rectifying' && can('acceptance.apply');
    // reviewers see only their departments' part and may not read the history (403)
    const history = can('acceptance.review') ? null : historyView({
      endpoint: `${url}/history`, fieldLabel: historyFieldLabel, formatValue: historyValue,
      describe: (row) => (PART[row.entity] ? h('span', { class: 'badge badge-part' }, t(PART[row.entity])) : null),
      hidden: ['case_id', 'zone_id', 'department_id', 'applicant_org_id', 'project_id', 'opened_by', 'reviewer_id', 'uploaded_by', 'sha256', 'review_id', 'item_id', 'department_ids', 'mime'],
    });
    mount(ctx.main,
      pageHeader({ title: () => c.title, subtitle: () => `#${c.id}`, back: { href: '#/acceptance/cases' }, actions }),
      submitMsg,
      summary,
      showRectify ? rectifyCard(c, reload) : null,
      h('div', { class: 'acc-dept-grid' }, (c.departments || []).map((d) => deptCard(c, d, reload))),
      materialsCard(c, reload),
      c.status !== 'draft' ? inspectionCard(c, reload) : null,
      measures,
      history);
  }
  await reload();
}

export default {
  nav: [],
  routes: [{ path: '/acceptance/cases/:id', perm: 'acceptance.read', render: detailPage }],
};
