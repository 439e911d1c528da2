// 工作简报 Briefing — the zone's figures in Chinese prose for the
// leadership (GET /api/briefing), with a print stylesheet and the xlsx of
// the tables behind the sentences. The prose is the server's: it is shown
// as written, never re-worded here.
import { t, addMessages } from '../i18n.js';
import { api, buildQuery } from '../api.js';
import { h, mount, pageHeader, loadingBlock, errorBlock, button } from '../ui.js';

addMessages({
  zh: {
    'briefing.title': '工作简报',
    'briefing.as_of': '截至日期',
    'briefing.period': '统计期间',
    'briefing.week': '近一周',
    'briefing.month': '本月',
    'briefing.quarter': '本季度',
    'briefing.show': '生成',
    'briefing.print': '打印',
    'briefing.xlsx': '下载数据表（Excel）',
    'briefing.flags': '数据提示',
    'briefing.note': '简报中的每个数字都来自相应报表的同一查询；数据前后矛盾之处以“数据提示”标出。',
  },
  en: {
    'briefing.title': 'Work briefing',
    'briefing.as_of': 'As of',
    'briefing.period': 'Period',
    'briefing.week': 'Last 7 days',
    'briefing.month': 'This month',
    'briefing.quarter': 'This quarter',
    'briefing.show': 'Generate',
    'briefing.print': 'Print',
    'briefing.xlsx': 'Download the tables (Excel)',
    'briefing.flags': 'Data notes',
    'briefing.note': 'Every figure comes from the same query as its report; inconsistent inputs are marked as data notes. The briefing itself is written in Chinese.',
  },
});

function today() {
  // The zone's business day is China's (UTC+8).
  return new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
}

async function briefingPage(ctx) {
  ctx.setTitle(t('briefing.title'));
  const asOf = h('input', { type: 'date', name: 'as_of', value: ctx.query.as_of || today() });
  const period = h('select', { name: 'period' },
    ...['month', 'week', 'quarter'].map((p) => h('option', { value: p, selected: (ctx.query.period || 'month') === p },
      t(`briefing.${p}`))));
  const body = h('article', { class: 'briefing' });
  const xlsx = h('a', { class: 'btn', href: '#', download: 'briefing.xlsx' }, t('briefing.xlsx'));

  async function load() {
    const q = { as_of: asOf.value, period: period.value };
    xlsx.href = `/api/briefing.xlsx${buildQuery(q)}`;
    mount(body, loadingBlock());
    try {
      const b = await api.get('/api/briefing', q);
      if (!ctx.isCurrent()) return;
      mount(body,
        h('h1', { class: 'briefing-title' }, b.title),
        ...b.sections.map((s) => h('section', { class: 'briefing-section', dataset: { key: s.key } },
          h('h2', {}, s.title),
          ...s.paragraphs.map((p) => h('p', { class: p.startsWith('【数据提示】') ? 'briefing-flag' : '' }, p)))));
    } catch (err) {
      if (ctx.isCurrent()) mount(body, errorBlock(err));
    }
  }

  const controls = h('form', { class: 'filters no-print', onSubmit: (e) => { e.preventDefault(); load(); } },
    h('label', {}, h('span', {}, t('briefing.as_of')), asOf),
    h('label', {}, h('span', {}, t('briefing.period')), period),
    button('briefing.show', { kind: 'primary', type: 'submit' }),
    button('briefing.print', { onClick: () => window.print() }),
    xlsx);
  mount(ctx.main,
    pageHeader({ title: 'briefing.title', subtitle: 'briefing.note' }),
    h('section', { class: 'card no-print' }, controls),
    h('section', { class: 'card' }, body));
  load();
}

export default {
  nav: [{ href: '#/briefing', match: '/briefing', perm: 'briefing.read', label: 'briefing.title', group: 'main', order: 20 }],
  routes: [{ path: '/briefing', perm: 'briefing.read', render: briefingPage }],
};
