// End-to-end test of the key-project pages: a real zonedesk server, driven through headless Chromium.
//
//   ZONEDESK_BIN=/work/main/build/zonedesk node --test tests/e2e/projects.test.mjs
//
// Covers: the 重点项目 navigation; a project created through the form with an annual-list row
// (inline error on an incomplete year row first); the 开复工 dashboard at 0/1; a start event recorded
// on the project page; the dashboard at 1/1; a progress report with a quantity row and a problem
// filed on the page, shown in the timeline with the charts drawn; the problem in the cross-project
// list and its status update; the project list with light chips filtering; an enterprise user who
// sees the project read-only but can file a report; no console errors (CSP violations are errors).
// Screenshots go to $ZD_SHOTS (default /tmp/zd/shots) as projects-*.png at 1366×768 and 375×812.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, helpers, DESKTOP, PHONE } from '../lib/browser.mjs';
import { startServer, Client } from '../lib/server.mjs';


const PASSWORD = 'secret123';

/** The server's "today": the date in China (UTC+8). */
const chinaDate = (plusDays = 0) => new Date(Date.now() + 8 * 3600 * 1000 + plusDays * 86400 * 1000).toISOString().slice(0, 10);
const TODAY = chinaDate();
const YEAR = Number(TODAY.slice(0, 4));

let srv;
let browser;
let page;
let api; // admin API client
const consoleErrors = [];
const run = Date.now().toString(36).slice(-5);
const parkName = `e2e项目园${run}`;
const orgName = `e2e建设单位${run}有限公司`;
const projCode = `XM${run}`.toUpperCase();
const projName = `e2e智能装备产业园项目${run}`;
const problemText = `施工用电容量不足${run}`;
let projectId = null;

// Responses the test provokes on purpose (the incomplete year row: 400).
const EXPECTED_STATUS = /Failed to load resource: the server responded with a status of (400)\b/;

// shot, hashIs, navClick, goHash, login, logout: tests/lib/browser.mjs on this suite's page
const { shot, hashIs, navClick, goHash, login, logout } = helpers(() => page, { url: () => srv.url, prefix: 'projects', password: PASSWORD, full: false });

/** The 开复工 figure as shown: {text, due, started}. */
async function kfgFigure() {
  const fig = page.locator('.kfg-big');
  await fig.waitFor();
  return {
    text: (await fig.textContent()).replace(/\s+/g, ' ').trim(),
    due: Number(await fig.getAttribute('data-due')),
    started: Number(await fig.getAttribute('data-started')),
  };
}

async function noHorizontalOverflow(what) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${what}: no horizontal overflow (${overflow}px)`);
}

before(async () => {
  srv = await startServer();
  for (const [username, role, extra] of [['e2e_padmin', 'admin', []]]) {
    const r = await srv.cli(['user', 'add', '--zone', 'za', '--username', username, '--name', '项目管理员',
      '--role', role, '--password-stdin', ...extra], { stdin: PASSWORD + '\n' });
    assert.equal(r.code, 0, `user add failed: ${r.stderr}`);
  }
  api = new Client(srv.url);
  assert.equal((await api.login('e2e_padmin', PASSWORD)).status, 200);
  const park = await api.post('/api/parks', { name: parkName, kind: 'park' });
  assert.equal(park.status, 201, park.text);
  const org = await api.post('/api/orgs', { name: orgName, kind: 'enterprise' });
  assert.equal(org.status, 201, org.text);
  // an enterprise user of that organisation
  const r = await srv.cli(['user', 'add', '--zone', 'za', '--username', 'e2e_owner', '--name', '企业填报员',
    '--role', 'enterprise_user', '--org', String(org.json.id), '--password-stdin'], { stdin: PASSWORD + '\n' });
  if (r.code !== 0) {
    const u = await api.post('/api/users', { username: 'e2e_owner', name: '企业填报员', role: 'enterprise_user', org_id: org.json.id, password: PASSWORD });
    assert.equal(u.status, 201, `enterprise user: ${r.stderr} / ${u.text}`);
  }

  ({ browser, page } = await launch({
    onError: ({ text, url }) => {
      if (EXPECTED_STATUS.test(text) && url.includes('/api/')) return;
      consoleErrors.push(`${text} @ ${url}`);
    },
  }));
});

after(async () => {
  if (browser) await browser.close();
  if (srv) await srv.stop();
});

// ---------------------------------------------------------------- the walk through

test('admin sees the 重点项目 navigation', async () => {
  await login('e2e_padmin');
  const nav = await page.locator('#sidenav a.nav-link').allTextContents();
  for (const label of ['项目列表', '需协调问题', '开复工统计', '预警规则', '节点模板']) {
    assert.ok(nav.includes(label), `navigation has ${label}: ${nav.join(',')}`);
  }
  const groups = await page.locator('#sidenav .nav-group-title').allTextContents();
  assert.ok(groups.includes('重点项目'), `group 重点项目: ${groups.join(',')}`);
});

test('create a project through the form with a year-list row', async () => {
  await navClick('项目列表');
  await hashIs(/^#\/projects/);
  await page.locator('.list-view .pager-total').waitFor();
  await page.click('.page-actions a.btn-primary'); // 新建项目
  await hashIs(/^#\/projects\/new$/);
  const f = 'form.form-project';
  await page.fill(`${f} [name=code]`, projCode);
  await page.selectOption(`${f} [name=level]`, 'municipal');
  await page.fill(`${f} [name=name]`, projName);
  // the selects are filled from /api/parks and /api/orgs
  await page.locator(`${f} [name=park_id] option`, { hasText: parkName }).waitFor({ state: 'attached' });
  await page.selectOption(`${f} [name=park_id]`, { label: parkName });
  await page.selectOption(`${f} [name=owner_org_id]`, { label: orgName });
  await page.selectOption(`${f} [name=chain_id]`, { label: '高端装备' });
  await page.fill(`${f} [name=total_investment]`, '120000');
  await page.fill(`${f} [name=planned_start]`, `${YEAR}-01-01`);
  await page.fill(`${f} [name=planned_finish]`, `${YEAR + 1}-12-31`);
  await page.fill(`${f} [name=manager]`, '李工');

  // the annual list: this year as 新开工 …
  await page.click(`${f} [data-rows=years] .rows-add`);
  const row1 = page.locator(`${f} [data-rows=years] tbody tr`).nth(0);
  assert.equal(await row1.locator('[data-key=year]').inputValue(), String(YEAR), 'a new row starts with this year');
  await row1.locator('[data-key=kind]').selectOption('new');
  await row1.locator('[data-key=planned_investment]').fill('30000');
  // … and an incomplete second row: the server's error shows in that row's cell
  await page.click(`${f} [data-rows=years] .rows-add`);
  const row2 = page.locator(`${f} [data-rows=years] tbody tr`).nth(1);
  assert.equal(await row2.locator('[data-key=year]').inputValue(), String(YEAR + 1));
  await page.click(`${f} button[type=submit]`);
  const cellErr = row2.locator('td.has-error .field-error').first();
  await cellErr.waitFor({ state: 'visible' });
  assert.match(await cellErr.textContent(), /[\u4e00-\u9fff]/, 'error message in Chinese');
  assert.equal(await row2.locator('[data-key=kind]').getAttribute('aria-invalid'), 'true');
  assert.match(await page.evaluate(() => location.hash), /^#\/projects\/new$/, 'still on the form');
  await shot('form-error-desktop', { full: true });

  await row2.locator('.rows-remove').click();
  assert.equal(await page.locator(`${f} [data-rows=years] tbody tr`).count(), 1);
  await page.click(`${f} button[type=submit]`);
  await hashIs(/^#\/projects\/\d+$/);
  projectId = Number((await page.evaluate(() => location.hash)).match(/(\d+)$/)[1]);
  await page.locator('.page-header h1', { hasText: projName }).waitFor();
  await page.locator('.years-table tbody tr', { hasText: '新开工' }).waitFor();
  assert.match(await page.locator('.project-summary').textContent(), /未开工/);
  // planned start this January, not started: a light with its reason
  const light = page.locator('.project-summary .stat-light .light');
  assert.ok(['red', 'yellow', 'green'].includes(await light.getAttribute('data-light')));
  const p = await api.get(`/api/projects/${projectId}`);
  assert.equal(p.json.years.length, 1);
  assert.deepEqual([p.json.years[0].year, p.json.years[0].kind, p.json.years[0].planned_investment], [YEAR, 'new', 30000]);
  assert.equal(p.json.owner_name, orgName);
});

test('开复工 dashboard before the start: 0 of 1', async () => {
  await navClick('开复工统计');
  await hashIs(/^#\/kaifugong/);
  assert.equal(await page.locator('.kfg-controls [name=as_of]').inputValue(), TODAY, 'as-of defaults to today (China)');
  const fig = await kfgFigure();
  assert.equal(fig.due, 1);
  assert.equal(fig.started, 0);
  assert.equal(fig.text, '开复工率 0.0%（已开复工0个/应开复工1个）');
  await page.locator('.kfg-projects tbody tr[data-started="0"]', { hasText: projName }).waitFor();
});

test('record the start event on the project page', async () => {
  await goHash(`#/projects/${projectId}`);
  await page.locator('.page-header h1', { hasText: projName }).waitFor();
  await page.click('.tabs [data-tab=events]');
  await hashIs(/tab=events/);
  const form = page.locator('form.form-event');
  await form.waitFor();
  assert.equal(await form.locator('[name=kind]').inputValue(), 'start', 'the next event is a start');
  assert.equal(await form.locator('[name=date]').inputValue(), TODAY);
  await form.locator('button[type=submit]').click();
  await page.locator('.events-table tbody tr[data-kind=start]').waitFor();
  await page.locator('.project-summary .status-started').waitFor();
  // the next one would be a stop
  await page.waitForFunction(() => document.querySelector('form.form-event [name=kind]')?.value === 'stop');
});

test('开复工 dashboard after the start: 1 of 1, grouped, with a chart', async () => {
  await navClick('开复工统计');
  await hashIs(/^#\/kaifugong/);
  await page.waitForFunction(() => document.querySelector('.kfg-big')?.dataset.started === '1');
  const fig = await kfgFigure();
  assert.equal(fig.text, '开复工率 100.0%（已开复工1个/应开复工1个）');
  assert.match(await page.locator('.kfg-note').first().textContent(), /四舍五入/);
  assert.match(await page.locator('.kfg-invest').textContent(), /30,000 万元（3\.00 亿元）/);
  await page.locator('.kfg-groups tbody tr', { hasText: parkName }).waitFor();
  await page.locator('.chart svg').first().waitFor();
  // group by level
  await page.click('.segmented label:has-text("级别")');
  await page.locator('.kfg-groups tbody tr', { hasText: '市级' }).waitFor();
  await hashIs(/by=level/);
  assert.match(await page.locator('.kfg-groups tbody tr', { hasText: '市级' }).textContent(), /100\.0%（1\/1）/);
  await page.locator('.kfg-projects tbody tr[data-started="1"]', { hasText: projName }).waitFor();
  await shot('kaifugong-desktop', { full: true });
});

test('file a progress report with a quantity and a problem', async () => {
  await goHash(`#/projects/${projectId}`);
  await page.locator('.page-header h1', { hasText: projName }).waitFor();
  await page.locator('.tabs [data-tab=progress][aria-selected=true]').waitFor();
  await page.click('details.report-card > summary');
  const f = page.locator('form.form-report');
  await f.waitFor({ state: 'visible' });
  assert.equal(await f.locator('[name=date]').inputValue(), TODAY);
  // phases in domain order
  const phases = await f.locator('[name=phase] option').allTextContents();
  assert.deepEqual(phases.slice(1, 5), ['前期工作', '场地平整', '试桩', '桩基施工']);
  await f.locator('[name=phase]').selectOption('piling');
  assert.ok(await f.locator('[data-field=phase_reason]').isHidden(), 'no reason needed going forward');
  await f.locator('[name=workforce]').fill('86');
  await f.locator('[name=invest_period]').fill('1500');
  await f.locator('[data-rows=quantities] .rows-add').click();
  const q = f.locator('[data-rows=quantities] tbody tr').nth(0);
  await q.locator('[data-key=name]').fill('灌注桩');
  await q.locator('[data-key=amount]').fill('120');
  await q.locator('[data-key=unit]').fill('根');
  await f.locator('[data-rows=problems] .rows-add').click();
  const pr = f.locator('[data-rows=problems] tbody tr').nth(0);
  await pr.locator('[data-key=description]').fill(problemText);
  await pr.locator('[data-key=department]').fill('供电公司');
  await pr.locator('[data-key=due_date]').fill(chinaDate(10));
  await f.locator('[name=note]').fill('桩基施工进展顺利');
  await shot('report-form-desktop', { full: true });
  await f.locator('button[type=submit]').click();

  const item = page.locator('.timeline .tl-item').first();
  await item.waitFor();
  const text = await item.textContent();
  assert.match(text, new RegExp(TODAY));
  assert.match(text, /桩基施工/);
  assert.match(text, /灌注桩\s*120\s*根/);
  assert.match(text, new RegExp(problemText));
  assert.match(text, /86 人/);
  assert.match(text, /1,500 万元/);
  // both charts drawn (ECharts, SVG renderer)
  await page.waitForFunction(() => document.querySelectorAll('.chart-grid .chart svg').length === 2);
  assert.match(await page.locator('.chart-note', { hasText: '计划' }).textContent(), /1,500 万元.*30,000 万元.*5\.0%/);
  assert.match(await page.locator('.chart-note', { hasText: '最近一次' }).textContent(), /86 人/);
  await page.locator('.project-summary', { hasText: '桩基施工' }).waitFor();
  await shot('detail-desktop');
  await shot('detail-full-desktop', { full: true });

  // going back a phase needs a reason
  await page.click('details.report-card > summary');
  const f2 = page.locator('form.form-report');
  await f2.locator('[name=phase]').selectOption('site_leveling');
  await f2.locator('[data-field=phase_reason]').waitFor({ state: 'visible' });
  await f2.locator('[name=phase]').selectOption('piling');
  await f2.locator('[data-field=phase_reason]').waitFor({ state: 'hidden' });
});

test('milestone plan from the template, a late milestone, the history', async () => {
  await page.click('.tabs [data-tab=nodes]');
  await hashIs(/tab=nodes/);
  await page.locator('.nodes-card').waitFor();
  await page.click('.nodes-card button:has-text("从模板生成")');
  await page.locator('.nodes-table tbody tr', { hasText: '主体封顶' }).waitFor();
  assert.equal(await page.locator('.nodes-table tbody tr').count(), 8);
  await page.click('.nodes-card button:has-text("编辑节点")');
  const first = page.locator('form.form-nodes [data-rows=items] tbody tr').first();
  await first.locator('[data-key=planned_date]').fill(chinaDate(-5));
  await page.click('form.form-nodes button[type=submit]');
  await page.locator('.nodes-table tbody tr.row-late', { hasText: '供地' }).waitFor();
  assert.match(await page.locator('.nodes-table tbody tr.row-late').textContent(), /已逾期/);
  await shot('nodes-desktop');

  await page.click('.tabs [data-tab=history]');
  await page.locator('.history .history-item').first().waitFor();
  const hist = await page.locator('.history').textContent();
  for (const part of ['节点计划', '进度填报', '开停复工']) assert.match(hist, new RegExp(part), `history shows ${part}`);
  await shot('history-desktop');
});

test('the problem appears in the cross-project list and gets a status update', async () => {
  // an overdue one besides (through the API): it comes first, highlighted
  const overdueText = `土方外运受阻${run}`;
  const od = await api.post(`/api/projects/${projectId}/problems`, { description: overdueText, department: '城管局', due_date: chinaDate(-3) });
  assert.equal(od.status, 201, od.text);
  await navClick('需协调问题');
  await hashIs(/^#\/problems/);
  const row = page.locator('.data-table tbody tr', { hasText: problemText });
  await row.waitFor();
  const first = page.locator('.data-table tbody tr').first();
  assert.match(await first.textContent(), new RegExp(overdueText), 'overdue first');
  assert.match(await first.getAttribute('class'), /row-overdue/);
  assert.match(await first.textContent(), /超期/);
  await page.selectOption('.list-toolbar select[name=overdue]', '1');
  await page.waitForFunction(() => document.querySelector('.pager-total')?.textContent === '共 1 条');
  await page.selectOption('.list-toolbar select[name=overdue]', '');
  await row.waitFor();
  assert.match(await row.textContent(), /待协调/);
  assert.match(await row.textContent(), new RegExp(projName));
  await row.locator('button', { hasText: '更新状态' }).click();
  const dlg = page.locator('dialog.dialog');
  await dlg.waitFor();
  await dlg.locator('[name=status]').selectOption('solved');
  await dlg.locator('button[type=submit]').click();
  // solved needs a closing note: the server's error shows at the field
  await dlg.locator('[data-error-for=closing_note]').waitFor({ state: 'visible' });
  await dlg.locator('[name=closing_note]').fill('已协调供电公司增容');
  await dlg.locator('button[type=submit]').click();
  await dlg.waitFor({ state: 'detached' });
  await page.locator('.data-table tbody tr', { hasText: problemText }).filter({ hasText: '已解决' }).waitFor();
  // filter by status
  await page.selectOption('.list-toolbar select[name=status]', 'open');
  await page.waitForFunction(() => document.querySelector('.pager-total')?.textContent === '共 1 条');
  assert.equal(await page.locator('.data-table tbody tr', { hasText: problemText }).count(), 0, 'the solved one is filtered out');
  await page.selectOption('.list-toolbar select[name=status]', '');
  await page.locator('.data-table tbody tr', { hasText: problemText }).waitFor();
  await shot('problems-desktop');
});

test('project list: columns, light chips filter', async () => {
  await navClick('项目列表');
  await hashIs(/^#\/projects/);
  const row = page.locator('.data-table tbody tr', { hasText: projName });
  await row.waitFor();
  const text = await row.textContent();
  assert.match(text, new RegExp(projCode));
  assert.match(text, /市级/);
  assert.match(text, new RegExp(parkName));
  assert.match(text, /120,000/);
  assert.match(text, /桩基施工/);
  assert.match(text, /在建/);
  const light = await row.locator('.light').getAttribute('data-light');
  assert.ok(await row.locator('.light').getAttribute('title'), 'the light explains itself in its title');
  // chips: the project's light has count 1; clicking filters, clicking another empties the list
  const chip = page.locator(`.light-chips .chip[data-light=${light}]`);
  assert.match(await chip.textContent(), /1$/);
  await chip.click();
  await hashIs(new RegExp(`light=${light}`));
  await page.locator('.light-chips .chip[aria-pressed=true]').waitFor();
  await page.locator('.data-table tbody tr', { hasText: projName }).waitFor();
  const other = ['red', 'yellow', 'green'].find((l) => l !== light);
  await page.click(`.light-chips .chip[data-light=${other}]`);
  await page.waitForFunction(() => document.querySelector('.pager-total')?.textContent === '共 0 条');
  assert.match(await chip.textContent(), /1$/, 'chip counts ignore the light filter');
  await page.click('.light-chips .chip[data-light=""]');
  await page.locator('.data-table tbody tr', { hasText: projName }).waitFor();
  // sortable by total investment
  await page.click('.data-table th button[data-sort=total_investment]');
  await hashIs(/sort=total_investment/);
  await shot('list-desktop');
});

test('phone width: list, project page and dashboard fit the screen', async () => {
  await page.setViewportSize(PHONE);
  try {
    await goHash('#/projects');
    await page.locator('.data-table tbody tr', { hasText: projName }).waitFor();
    await page.waitForFunction(() => document.getElementById('sidenav').getBoundingClientRect().right <= 0);
    await noHorizontalOverflow('project list');
    await shot('list-phone');

    await goHash(`#/projects/${projectId}`);
    await page.locator('.timeline .tl-item').first().waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.chart-grid .chart svg').length === 2);
    await noHorizontalOverflow('project page');
    await shot('detail-phone');
    await page.click('details.report-card > summary');
    await page.locator('form.form-report [data-rows=quantities] .rows-add').click();
    await noHorizontalOverflow('report form');
    await page.locator('details.report-card').scrollIntoViewIfNeeded();
    await shot('report-form-phone');

    await goHash('#/kaifugong');
    await page.locator('.kfg-big').waitFor();
    await page.locator('.chart svg').first().waitFor();
    await noHorizontalOverflow('dashboard');
    await shot('kaifugong-phone');
    await shot('kaifugong-full-phone', { full: true });

    await goHash('#/problems');
    await page.locator('.data-table tbody tr', { hasText: problemText }).waitFor();
    await noHorizontalOverflow('problems');
    await shot('problems-phone');
  } finally {
    await page.setViewportSize(DESKTOP);
  }
});

test('warning rules and node templates (admin)', async () => {
  await navClick('预警规则');
  await hashIs(/^#\/settings\/warn$/);
  const f = page.locator('form.form-warn');
  await f.waitFor();
  assert.equal(await f.locator('[name="warn.start_red_months"]').inputValue(), '3');
  await f.locator('[name="warn.start_red_months"]').fill('4');
  await f.locator('button[type=submit]').click();
  await page.locator('.toast', { hasText: '预警规则已保存' }).waitFor();
  const s = await api.get('/api/settings');
  assert.equal(s.json['warn.start_red_months'], 4);
  await shot('warn-desktop');

  await navClick('节点模板');
  await hashIs(/^#\/settings\/node-templates/);
  await page.locator('.data-table tbody tr', { hasText: '主体封顶' }).waitFor();
});

test('enterprise user: own project read-only, can file a report', async () => {
  await logout();
  await login('e2e_owner');
  const nav = await page.locator('#sidenav a.nav-link').allTextContents();
  assert.ok(nav.includes('本单位项目'), `navigation: ${nav.join(',')}`);
  assert.ok(!nav.includes('开复工统计') && !nav.includes('预警规则'), `no dashboard or settings: ${nav.join(',')}`);
  await navClick('本单位项目');
  await page.locator('.data-table tbody tr', { hasText: projName }).click();
  await hashIs(/^#\/projects\/\d+$/);
  await page.locator('.page-header h1', { hasText: projName }).waitFor();
  assert.equal(await page.locator('.page-actions a', { hasText: '编辑' }).count(), 0, 'no edit button');
  await page.click('.tabs [data-tab=events]');
  await page.locator('.events-table').waitFor();
  assert.equal(await page.locator('form.form-event').count(), 0, 'no event form');
  await page.click('.tabs [data-tab=progress]');
  await page.click('details.report-card > summary');
  const f = page.locator('form.form-report');
  await f.locator('[name=workforce]').fill('90');
  await f.locator('[name=invest_period]').fill('200');
  await f.locator('[name=invest_to_date]').fill('1000'); // lower than the 1,500 before: the server's notice is shown
  await f.locator('button[type=submit]').click();
  await page.waitForFunction(() => document.querySelectorAll('.timeline .tl-item').length === 2);
  const notice = page.locator('.report-notices');
  await notice.waitFor();
  assert.match(await notice.textContent(), /请核实/);
  assert.equal(await notice.locator('li[data-field=invest_to_date]').count(), 1);
  assert.match(await page.locator('.timeline .tl-item').first().textContent(), /企业填报员/);
  await shot('owner-desktop');
  await logout();
});

test('no console errors and no CSP violations', () => {
  assert.deepEqual(consoleErrors, []);
});
