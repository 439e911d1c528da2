// 转为重点项目 A signed lead's construction as a key project — POST /api/leads/{id}/project {code?, level?, park_id?}.
//
//   canConvert(lead)        signed (or later, not terminated), no key project yet, and project.write
//   convertDialog(lead)     → Promise<project | null>   the dialog; resolves the new project (201) or null
import { t, addMessages } from '../i18n.js';
import { api } from '../api.js';
import { can } from '../session.js';
import { h, formView, button } from '../ui.js';

addMessages({
  zh: {
    'lead.to_project': '转为重点项目',
    'lead.to_project.intro': '以本线索的项目名称、产业链、计划投资和注册企业新建一个重点项目，并与本线索关联。',
    'lead.to_project.code.hint': '留空则使用线索编号 {code}',
    'lead.to_project.submit': '创建重点项目',
    'lead.to_project.done': '已创建重点项目 {code}',
    'lead.key_project.view': '重点项目 {code}',
  },
  en: {
    'lead.to_project': 'Make a key project',
    'lead.to_project.intro': 'Creates a key project from this lead (name, chain, planned investment and registered enterprise) and links the lead to it.',
    'lead.to_project.code.hint': 'Empty: the lead code {code}',
    'lead.to_project.submit': 'Create the key project',
    'lead.to_project.done': 'Key project {code} created',
    'lead.key_project.view': 'Key project {code}',
  },
});

const SIGNED = ['signed', 'registered', 'started', 'producing'];
const LEVELS = ['provincial', 'municipal', 'district'];

export function canConvert(lead) {
  return !!lead && SIGNED.includes(lead.stage) && !lead.project_id && can('project.write');
}

async function parkOptions() {
  try {
    const r = await api.get('/api/parks', { limit: 200, sort: 'name' });
    return ((r && r.items) || []).map((p) => ({ value: String(p.id), label: () => p.name }));
  } catch (_) {
    return [];
  }
}

export function convertDialog(lead) {
  return new Promise((resolve) => {
    let done = false;
    const cancel = button('action.cancel', { onClick: () => finish(null) });
    const form = formView({
      fields: [
        { name: 'code', label: 'project.code', maxlength: 32, inputClass: 'mono', placeholder: () => lead.code, hint: () => t('lead.to_project.code.hint', { code: lead.code }) },
        { name: 'level', label: 'project.level', type: 'select', required: true, options: LEVELS.map((l) => ({ value: l, label: `project.level.${l}` })) },
        { name: 'park_id', label: 'project.park_id', type: 'select', valueType: 'int', options: parkOptions },
      ],
      values: { level: 'district' },
      submitLabel: 'lead.to_project.submit',
      extraActions: cancel,
      onSubmit: async (v) => {
        const body = { level: v.level || 'district' };
        if (v.code) body.code = v.code;
        if (v.park_id) body.park_id = v.park_id;
        finish(await api.post(`/api/leads/${lead.id}/project`, body));
      },
    });
    const titleId = `lead-to-project-${lead.id}`;
    const dlg = h('dialog', { class: 'dialog io-convert-dialog', 'aria-labelledby': titleId },
      h('div', { class: 'dialog-body' },
        h('h2', { class: 'card-title', id: titleId }, t('lead.to_project')),
        h('p', { class: 'io-convert-intro' }, t('lead.to_project.intro')),
        form.el));
    function finish(v) {
      if (done) return;
      done = true;
      resolve(v);
      dlg.close();
    }
    dlg.addEventListener('cancel', (e) => { e.preventDefault(); finish(null); });
    dlg.addEventListener('close', () => { dlg.remove(); if (!done) { done = true; resolve(null); } });
    document.body.appendChild(dlg);
    dlg.showModal();
    form.focus();
  });
}
