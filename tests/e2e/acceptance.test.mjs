// End-to-end test of the joint-acceptance (联合验收) pages: a real zonedesk server, driven through headless Chromium.
//
//   ZONEDESK_BIN=/work/main/build/zonedesk node --test tests/e2e/acceptance.test.mjs
//
// Set up through the API/CLI: an enterprise, its user, a key project it owns, two seeded departments
// (规划, 住建（质监）) each needing one seeded item and with one reviewer, an approval officer.
// Through the pages: the enterprise user opens a case for the two departments, uploads a PDF per item
// and submits; reviewer A passes; reviewer B asks for rectification with one point; the enterprise user
// answers and resubmits; reviewer B passes; the approval officer schedules and records a passing site
// inspection; the case shows 已通过. Also the list filters, the to-do queue, the settings (items and
// reviewers of a department) and the analysis with its chart. No console errors (CSP violations are errors).
// Screenshots go to $ZD_SHOTS (default /tmp/zd/shots) as acc-*.png at 1366×768 and 375×812.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, helpers, DESKTOP, PHONE } from '../lib/browser.mjs';
import { startServer, Client } from '../lib/server.mjs';


const PASSWORD = 'secret123';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

let srv;
let browser;
let page;
let api; // admin API client
const consoleErrors = [];
const run = Date.now().toString(36).slice(-5);
const orgName = `e2e验收企业${run}有限公司`;
const projName = `e2e验收项目${run}`;
const caseTitle = `1号厂房竣工联合验收${run}`;
const pointText = `补充消防通道检测报告${run}`;
// The submission without the files (400) is provoked on purpose.
const EXPECTED_STATUS = /Failed to load resource: the server responded with a status of (400)\b/;
let depts; // [{id, name, itemId, itemName, reviewer}]
let caseId = null;

// shot, hashIs, navClick, goHash, login, logout: tests/lib/browser.mjs on this suite's page
const { shot, hashIs, navClick, goHash, login, logout } = helpers(() => page, { url: () => srv.url, prefix: 'acc', password: PASSWORD, full: true });

async function both(name, fn) {
  await shot(`${name}-desktop`);
  await page.setViewportSize(PHONE);
  await page.waitForTimeout(200);
  if (fn) await fn();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${name}: no horizontal overflow on a phone (${overflow}px)`);
  await shot(`${name}-phone`);
  await page.setViewportSize(DESKTOP);
  await page.waitForTimeout(100);
}

async function openCase() {
  await goHash(`#/acceptance/cases/${caseId}`);
  await page.locator('.page-header h1', { hasText: caseTitle }).waitFor();
}

const caseStatus = () => page.locator('.acc-summary .acc-status').getAttribute('data-status');
async function statusIs(status) {
  await page.waitForFunction((s) => document.querySelector('.acc-summary .acc-status')?.dataset.status === s, status);
}

/** The reviewer's decision in the department card. */
async function decide(deptId, decision, opinion, points = []) {
  const card = page.locator(`.acc-dept[data-dept="${deptId}"]`);
  const form = card.locator('form.acc-decide-form');
  await form.waitFor();
  await form.locator('[name=decision]').selectOption(decision);
  await form.locator('[name=opinion]').fill(opinion);
  for (const [i, p] of points.entries()) {
    await form.locator('.rows-add').click();
    await form.locator('tbody tr').nth(i).locator('[data-key=text]').fill(p);
  }
  await form.locator('button[type=submit]').click();
  await page.waitForFunction(([id, d]) => document.querySelector(`.acc-dept[data-dept="${id}"]`)?.dataset.state === d
    && !document.querySelector(`.acc-dept[data-dept="${id}"] form.acc-decide-form`), [String(deptId), decision]);
}

before(async () => {
  srv = await startServer();
  const add = async (username, name, role, extra = []) => {
    const r = await srv.cli(['user', 'add', '--zone', 'za', '--username', username, '--name', name,
      '--role', role, '--password-stdin', ...extra], { stdin: PASSWORD + '\n' });
    assert.equal(r.code, 0, `user add ${username}: ${r.stderr}`);
  };
  await add('e2e_aadmin', '验收管理员', 'admin');
  api = new Client(srv.url);
  assert.equal((await api.login('e2e_aadmin', PASSWORD)).status, 200);
  const org = await api.post('/api/orgs', { name: orgName, kind: 'enterprise' });
  assert.equal(org.status, 201, org.text);
  await add('e2e_ent', '企业申报员', 'enterprise_user', ['--org', String(org.json.id)]);
  await add('e2e_reva', '规划审查员', 'dept_reviewer');
  await add('e2e_revb', '住建审查员', 'dept_reviewer');
  await add('e2e_appr', '审批专员', 'approval_officer');
  const prj = await api.post('/api/projects', { code: `YS${run}`.toUpperCase(), name: projName, level: 'district', owner_org_id: org.json.id });
  assert.equal(prj.status, 201, prj.text);

  // the seeded departments and items: 规划 needs the first item, 住建（质监） the second
  const d = (await api.get('/api/acceptance/departments')).json.items;
  const it = (await api.get('/api/acceptance/items')).json.items;
  const users = (await api.get('/api/users?role=dept_reviewer&limit=200')).json.items;
  const uid = (u) => users.find((x) => x.username === u).id;
  depts = [
    { id: d[0].id, name: d[0].name, itemId: it[0].id, itemName: it[0].name, reviewer: 'e2e_reva' },
    { id: d[1].id, name: d[1].name, itemId: it[1].id, itemName: it[1].name, reviewer: 'e2e_revb' },
  ];
  for (const x of depts) {
    const a = await api.put(`/api/acceptance/departments/${x.id}/items`, { item_ids: [x.itemId] });
    assert.equal(a.status, 200, a.text);
    const b = await api.put(`/api/acceptance/departments/${x.id}/reviewers`, { user_ids: [uid(x.reviewer)] });
    assert.equal(b.status, 200, b.text);
  }

  ({ browser, page } = await launch({
    onError: ({ text, url }) => {
      if (EXPECTED_STATUS.test(text) && /\/api\/acceptance\/cases\/\d+\/submit$/.test(url)) return;
      consoleErrors.push(`${text} @ ${url}`);
    },
  }));
});

after(async () => {
  if (browser) await browser.close();
  if (srv) await srv.stop();
});

// ---------------------------------------------------------------- the walk through

test('the enterprise user opens a case for two departments, uploads and submits', async () => {
  await login('e2e_ent');
  const groups = await page.locator('#sidenav .nav-group-title').allTextContents();
  assert.ok(groups.includes('联合验收'), `group 联合验收: ${groups.join(',')}`);
  const nav = await page.locator('#sidenav a.nav-link').allTextContents();
  assert.ok(nav.includes('验收案件'), nav.join(','));
  assert.ok(!nav.includes('验收设置') && !nav.includes('验收分析'), `no settings or analysis for an enterprise: ${nav.join(',')}`);

  await navClick('验收案件');
  await hashIs(/^#\/acceptance\/cases/);
  await page.locator('.acc-cases tbody tr.empty-row').waitFor();
  await page.click('.page-actions a.btn-primary'); // 新建验收申请
  await hashIs(/^#\/acceptance\/cases\/new$/);
  const f = page.locator('form.form');
  await f.locator('[name=project_id] option', { hasText: projName }).waitFor({ state: 'attached' });
  assert.equal(await f.locator('[name=applicant_org_id]').count(), 0, 'an enterprise applies for itself');
  await f.locator('[name=project_id]').selectOption({ label: `${`YS${run}`.toUpperCase()} ${projName}` });
  await f.locator('[name=title]').fill(caseTitle);
  await f.locator('[name=building]').fill('1号厂房');
  // every active department is chosen by default: keep only the two
  const boxes = f.locator('.acc-depts input[type=checkbox]');
  assert.ok(await boxes.count() >= 2);
  for (const b of await boxes.all()) {
    const v = await b.getAttribute('value');
    if (!depts.some((x) => String(x.id) === v) && await b.isChecked()) await b.uncheck();
  }
  for (const x of depts) await f.locator(`.acc-depts input[value="${x.id}"]`).check();
  await both('new', null);
  await f.locator('button[type=submit]').click();
  await hashIs(/^#\/acceptance\/cases\/\d+$/);
  caseId = Number((await page.evaluate(() => location.hash)).match(/(\d+)$/)[1]);
  await page.locator('.page-header h1', { hasText: caseTitle }).waitFor();
  assert.equal(await caseStatus(), 'draft');
  assert.equal(await page.locator('.acc-dept').count(), 2, 'one card per department');
  const c = (await api.get(`/api/acceptance/cases/${caseId}`)).json;
  assert.deepEqual(c.departments.map((x) => x.department_id).sort(), depts.map((x) => x.id).sort());

  // submitting without the files names the missing items
  await page.click('.page-actions .acc-submit');
  await page.click('dialog.dialog button[value=ok]');
  await page.locator('.acc-submit-msg .alert', { hasText: depts[0].itemName }).waitFor();

  for (const x of depts) {
    const row = page.locator(`.acc-materials tr[data-item="${x.itemId}"]`);
    await row.locator('input[type=file]').setInputFiles({ name: `${x.itemName}.pdf`, mimeType: 'application/pdf', buffer: PDF });
    await row.locator('button', { hasText: '上传' }).click();
    await page.locator(`.acc-materials tr[data-item="${x.itemId}"] a.acc-file-link`, { hasText: `${x.itemName}.pdf` }).waitFor();
  }
  // the download link serves the bytes
  const href = await page.locator('.acc-materials a.acc-file-link').first().getAttribute('href');
  const bytes = await page.evaluate(async (u) => (await (await fetch(u)).text()).slice(0, 8), href);
  assert.equal(bytes, '%PDF-1.4');
  await both('draft');

  await page.click('.page-actions .acc-submit');
  await page.click('dialog.dialog button[value=ok]');
  await statusIs('reviewing');
  for (const x of depts) assert.equal(await page.locator(`.acc-dept[data-dept="${x.id}"]`).getAttribute('data-state'), 'reviewing');
  assert.match(await page.locator('.acc-summary').textContent(), /\d{4}-\d{2}-\d{2}/, 'the due date as YYYY-MM-DD');
  assert.equal(await page.locator('.acc-upload').count(), 0, 'no upload while under review');
  await page.locator('.history-item').first().waitFor();
  await logout();
});

test('reviewer A passes from the queue', async () => {
  await login(depts[0].reviewer);
  await navClick('我的待办');
  await hashIs(/^#\/acceptance\/queue$/);
  const row = page.locator(`.acc-queue tbody tr[data-case="${caseId}"]`);
  await row.waitFor();
  assert.match(await row.textContent(), new RegExp(depts[0].name));
  assert.equal(await page.locator('.acc-queue tbody tr').count(), 1, 'only its own department');
  await both('queue');
  await row.locator('a').click();
  await page.locator('.page-header h1', { hasText: caseTitle }).waitFor();
  assert.equal(await page.locator('.acc-dept').count(), 1, 'a reviewer sees only its department');
  assert.equal(await page.locator('.history-card').count(), 0, 'no history for reviewers');
  await decide(depts[0].id, 'pass', '符合规划许可');
  await logout();
});

test('reviewer B asks for rectification with one point', async () => {
  await login(depts[1].reviewer);
  await openCase();
  await page.locator(`.acc-dept[data-dept="${depts[1].id}"] form.acc-decide-form`).waitFor();
  await both('review', null);
  await decide(depts[1].id, 'rectify', '资料不全', [pointText]);
  await page.locator(`.acc-dept[data-dept="${depts[1].id}"] .acc-points li`, { hasText: pointText }).waitFor();
  await logout();
});

test('the enterprise user answers the point and resubmits', async () => {
  await login('e2e_ent');
  await openCase();
  await statusIs('rectifying');
  const card = page.locator('.acc-rectify');
  await card.locator('label', { hasText: `1. ${pointText}` }).waitFor();
  // the items may be updated while rectifying
  assert.ok(await page.locator('.acc-upload').count() >= 1);
  await both('rectify');
  await card.locator('textarea').first().fill('已补充检测报告并重新上传');
  await card.locator('button', { hasText: '重新提交' }).click();
  await statusIs('reviewing');
  await page.locator(`.acc-dept[data-dept="${depts[1].id}"] .badge`, { hasText: '第 2 轮' }).waitFor();
  await logout();
});

test('reviewer B passes the second round', async () => {
  await login(depts[1].reviewer);
  await openCase();
  await page.locator(`.acc-dept[data-dept="${depts[1].id}"] .acc-earlier`).waitFor();
  await decide(depts[1].id, 'pass', '整改到位');
  await logout();
});

test('the approval officer schedules and records a passing site inspection', async () => {
  await login('e2e_appr');
  await openCase();
  await statusIs('inspection');
  assert.equal(await page.locator('.acc-status').first().textContent(), '待现场踏勘');
  const sched = page.locator('form.acc-inspection-form');
  await sched.locator('[name=scheduled_on]').waitFor();
  await sched.locator('button[type=submit]').click();
  const res = page.locator('form.acc-inspection-form [name=result]');
  await res.waitFor();
  await res.selectOption('pass');
  await page.locator('form.acc-inspection-form [name=opinion]').fill('现场核查合格');
  await page.locator('form.acc-inspection-form button[type=submit]').click();
  await statusIs('passed');
  assert.equal((await page.locator('.acc-summary .acc-status').textContent()).trim(), '已通过');
  await page.locator('.acc-inspection [data-result=pass]').waitFor();
  await both('passed');
});

test('the case list filters by status, project and overdue', async () => {
  await navClick('验收案件');
  await hashIs(/^#\/acceptance\/cases/);
  const row = page.locator(`.acc-cases tbody tr[data-id="${caseId}"]`);
  await row.waitFor();
  assert.match(await row.textContent(), /已通过/);
  await page.locator('.acc-cases select[name=status], .list-toolbar select[name=status]').selectOption('passed');
  await hashIs(/status=passed/);
  await row.waitFor();
  await page.locator('.list-toolbar select[name=status]').selectOption('draft');
  await page.locator('.acc-cases tbody tr.empty-row').waitFor();
  await page.locator('.list-toolbar select[name=status]').selectOption('');
  await row.waitFor();
  await page.locator('.list-toolbar [name=overdue]').check();
  await page.locator('.acc-cases tbody tr.empty-row').waitFor();
  await page.locator('.list-toolbar [name=overdue]').uncheck();
  await page.locator('.list-toolbar select[name=project_id]').selectOption({ label: `${`YS${run}`.toUpperCase()} ${projName}` });
  await row.waitFor();
  await both('list');
  // English
  await page.click('.topbar .lang-switch');
  await page.locator('.page-header h1', { hasText: 'Acceptance cases' }).waitFor();
  assert.match(await page.locator(`.acc-cases tbody tr[data-id="${caseId}"]`).textContent(), /Passed/);
  await page.click('.topbar .lang-switch');
  await page.locator('.page-header h1', { hasText: '验收案件' }).waitFor();
  await logout();
});

test('settings: a department with its items and reviewers; analysis with the chart', async () => {
  await login('e2e_aadmin');
  await navClick('验收设置');
  await hashIs(/^#\/acceptance\/departments/);
  await page.locator('.list-view tbody tr', { hasText: depts[1].name }).click();
  await hashIs(/^#\/acceptance\/departments\/\d+$/);
  const items = page.locator('.acc-dept-items');
  await items.locator(`input[value="${depts[1].itemId}"]`).waitFor();
  assert.ok(await items.locator(`input[value="${depts[1].itemId}"]`).isChecked());
  const revs = page.locator('.acc-dept-reviewers');
  await revs.locator('label', { hasText: '住建审查员' }).waitFor();
  // add the first reviewer too and save
  await revs.locator('.checkbox-row', { hasText: '规划审查员' }).locator('input').check();
  await revs.locator('button', { hasText: '保存' }).click();
  await page.waitForFunction(() => document.querySelector('.toast'));
  const r = (await api.get(`/api/acceptance/departments/${depts[1].id}/reviewers`)).json.items.map((u) => u.username).sort();
  assert.deepEqual(r, ['e2e_reva', 'e2e_revb']);
  await both('settings');

  await navClick('验收分析');
  await hashIs(/^#\/acceptance\/report/);
  await page.locator('.acc-report-cases tbody tr', { hasText: caseTitle }).waitFor();
  assert.equal(await page.locator('.acc-stats [data-stat="acc.report.count"] .inv-stat-value').textContent(), '1');
  assert.equal(await page.locator('.acc-stats [data-stat="acc.report.passed"] .inv-stat-value').textContent(), '1');
  await page.locator('.acc-chart svg').waitFor();
  await both('report');

  // an officer names the applicant: it follows the project's owner
  await goHash('#/acceptance/cases/new');
  const f = page.locator('form.form');
  await f.locator('[name=project_id] option', { hasText: projName }).waitFor({ state: 'attached' });
  await f.locator('[name=applicant_org_id] option', { hasText: orgName }).waitFor({ state: 'attached' });
  await f.locator('[name=project_id]').selectOption({ label: `${`YS${run}`.toUpperCase()} ${projName}` });
  assert.equal(await f.locator('[name=applicant_org_id] option:checked').textContent(), orgName);
});

test('no console errors', () => {
  assert.deepEqual(consoleErrors, []);
});
