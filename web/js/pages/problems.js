// 需协调问题 Problems to coordinate across projects — overdue first (the server's order), overdue rows
// highlighted, filters by status and overdue, status updates with a closing note.
import { t } from '../i18n.js';
import { can } from '../session.js';
import { replaceQuery } from '../router.js';
import { h, mount, pageHeader, listView, button, toast } from '../ui.js';
import { PROBLEM_STATUSES, opts, problemBadge, problemDialog, canReadProjects } from './projects-common.js';

function problemsPage(ctx) {
  ctx.setTitle(t('problem.title'));
  let list = null;
  const columns = [
    { field: 'project_name', label: 'problem.project', className: 'col-project', render: (r) => h('a', { href: `#/projects/${r.project_id}?tab=problems`, class: 'row-link' },
      h('span', { class: 'mono muted' }, r.project_code), ' ', r.project_name) },
    { field: 'description', label: 'problem.description', className: 'col-wide' },
    { field: 'department', label: 'problem.department' },
    { field: 'due_date', label: 'problem.due_date', className: 'nowrap', render: (r) => h('span', { class: r.overdue ? 'text-overdue' : null }, r.due_date || '—') },
    { field: 'status', label: 'problem.status', className: 'nowrap', render: (r) => problemBadge(r) },
    { field: 'closing_note', label: 'problem.closing_note' },
  ];
  if (can('project.write')) {
    columns.push({
      field: 'actions', label: 'common.actions', className: 'col-narrow', render: (r) => button('problem.update', {
        kind: 'secondary', onClick: async () => {
          if (await problemDialog(r)) { toast(t('problem.saved')); list.reload(); }
        },
      }),
    });
  }
  list = listView({
    endpoint: '/api/problems',
    search: false,
    state: ctx.query,
    onState: replaceQuery,
    caption: 'problem.title',
    rowClass: (r) => (r.overdue ? 'row-overdue' : r.status === 'solved' ? 'row-solved' : null),
    filters: [
      { name: 'status', label: 'problem.status', options: opts('problem.status', PROBLEM_STATUSES) },
      { name: 'overdue', label: 'problem.overdue_filter', options: [{ value: '1', label: 'problem.overdue_only' }] },
    ],
    columns,
    empty: 'problem.empty',
  });
  mount(ctx.main, pageHeader({ title: 'problem.title', subtitle: 'problem.intro' }), list.el);
}

export default {
  nav: [{ href: '#/problems', match: '/problems', visible: () => canReadProjects(), label: 'nav.problems', group: 'projects', order: 20 }],
  routes: [{ path: '/problems', perm: () => canReadProjects(), render: problemsPage }],
};
