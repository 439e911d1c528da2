// End-to-end test of the enterprise service (企业服务) pages: a real zonedesk server, driven through headless Chromium.
//
//   ZONEDESK_BIN=/work/main/build/zonedesk node --test tests/e2e/service.test.mjs
//
// Set up through the API/CLI: an enterprise with its user, a service officer assigned to the enterprise
// (POST /api/assignments), a leader. Through the pages: the enterprise user files a request (routed at once
// to the officer) and attaches a PDF; the officer opens it from the list, starts it, is told the resolution
// is missing, resolves it; the enterprise user reopens it with a note; the officer resolves again; the
// enterprise user confirms with 4 stars. The final state, the rating and the thread are checked; the leader
// reads the service report. No console errors (CSP violations are errors).
// Screenshots go to $ZD_SHOTS (default /tmp/zd/shots) as svc-*.png at 1366×768 and 375×812 (tests/lib/browser.mjs).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client } from '../lib/server.mjs';
import { launch, helpers, userAdder } from '../lib/browser.mjs';

const PASSWORD = 'secret123';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

let srv;
let browser;
let page;
let ui; // login, logout, navClick, hashIs, both (tests/lib/browser.mjs)
let api; // admin API client
const consoleErrors = [];
const run = Date.now().toString(36).slice(-5);
const orgName = `e2e服务企业${run}有限公司`;
const title = `货车通行证${run}`;
// The resolve without a resolution (400) is provoked on purpose.
const EXPECTED_STATUS = /Failed to load resource: the server responded with a status of (400)\b/;
let reqId = null;

async function openRequest() {
  await ui.goHash(`#/service/requests/${reqId}`);
  await page.locator('.page-header h1', { hasText: title }).waitFor();
}

async function stateIs(state) {
  await page.waitForFunction((s) => document.querySelector('.svc-summary')?.dataset.state === s, state);
}

/** Take a step through the action buttons: fill(form) fills the form, then it is submitted. */
async function act(action, fill, expectState) {
  await page.click(`.svc-actions button.svc-act[data-action="${action}"]`);
  const form = page.locator(`form.svc-action-form[data-action="${action}"]`);
  await form.waitFor();
  if (fill) await fill(form);
  await form.locator('button[type=submit]').click();
  await stateIs(expectState);
}

before(async () => {
  srv = await startServer();
  const add = userAdder(srv, PASSWORD);
  await add('e2e_sadmin', '服务管理员', 'admin');
  api = new Client(srv.url);
  assert.equal((await api.login('e2e_sadmin', PASSWORD)).status, 200);
  const org = await api.post('/api/orgs', { name: orgName, kind: 'enterprise', employees: 80, high_tech: true });
  assert.equal(org.status, 201, org.text);
  await add('e2e_sent', '企业联络员', 'enterprise_user', ['--org', String(org.json.id)]);
  await add('e2e_soff', '王服务专员', 'service_officer');
  await add('e2e_slead', '张领导', 'leader');
  const users = (await api.get('/api/users?role=service_officer&limit=200')).json.items;
  const officer = users.find((u) => u.username === 'e2e_soff');
  const a = await api.post('/api/assignments', { officer_id: officer.id, subject: 'org', subject_id: org.json.id, date_from: '2025-01-01' });
  assert.equal(a.status, 201, a.text);

  ({ browser, page } = await launch({ onError: ({ text, url }) => {
    if (EXPECTED_STATUS.test(text) && /\/api\/requests\/\d+\/actions$/.test(url)) return;
    consoleErrors.push(`${text} @ ${url}`);
  } }));
  ui = helpers(page, { url: srv.url, prefix: 'svc', password: PASSWORD });
});

after(async () => {
  if (browser) await browser.close();
  if (srv) await srv.stop();
});

// ---------------------------------------------------------------- the walk through

test('the enterprise user files a request and attaches a file', async () => {
  await ui.login('e2e_sent');
  const groups = await page.locator('#sidenav .nav-group-title').allTextContents();
  assert.ok(groups.includes('企业服务'), `group 企业服务: ${groups.join(',')}`);
  const nav = await page.locator('#sidenav a.nav-link').allTextContents();
  assert.ok(nav.includes('我的诉求') && nav.includes('一企一策'), nav.join(','));
  assert.ok(!nav.includes('企业服务分析') && !nav.includes('商务楼宇'), `no report or buildings for an enterprise: ${nav.join(',')}`);

  await ui.navClick('我的诉求');
  await ui.hashIs(/^#\/service\/requests/);
  await page.locator('.svc-requests tbody tr.empty-row').waitFor();
  await page.click('.page-actions a.btn-primary'); // 提交诉求
  await ui.hashIs(/^#\/service\/requests\/new$/);
  const f = page.locator('form.svc-request-form');
  assert.equal(await f.locator('[name=org_id]').count(), 0, 'an enterprise files for itself');
  assert.equal(await f.locator('[name=received_on]').count(), 0, 'no back-dating by the enterprise');
  await f.locator('[name=category]').selectOption('logistics');
  await f.locator('[name=title]').fill(title);
  await f.locator('[name=description]').fill('需要为三辆货车办理市区通行证');
  await ui.both('new');
  await f.locator('button[type=submit]').click();
  await ui.hashIs(/^#\/service\/requests\/\d+/);
  reqId = Number((await page.evaluate(() => location.hash)).match(/requests\/(\d+)/)[1]);
  await page.locator('.page-header h1', { hasText: title }).waitFor();
  // the due dates of the new request are shown at once
  const created = await page.locator('.alert-ok').textContent();
  assert.match(created, /诉求已提交/);
  assert.equal((created.match(/\d{4}-\d{2}-\d{2}/g) || []).length, 3, created);
  await stateIs('assigned'); // routed to the officer who answers for the enterprise
  assert.match(await page.locator('.svc-summary [data-stat="svc.req.officer"]').textContent(), /王服务专员/);
  assert.equal(await page.locator('.svc-actions button.svc-act').count(), 1, 'the enterprise may only comment now');

  await page.locator('.svc-files input[type=file]').setInputFiles({ name: '车辆清单.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.locator('.svc-files button', { hasText: '上传' }).click();
  await page.locator('.svc-files a.svc-file-link', { hasText: '车辆清单.pdf' }).waitFor();
  const href = await page.locator('.svc-files a.svc-file-link').first().getAttribute('href');
  const bytes = await page.evaluate(async (u) => (await (await fetch(u)).text()).slice(0, 8), href);
  assert.equal(bytes, '%PDF-1.4');
  await ui.both('filed');
  await ui.logout();
});

test('the officer opens it from the list, starts it and resolves it', async () => {
  await ui.login('e2e_soff');
  await ui.navClick('企业诉求');
  await ui.hashIs(/^#\/service\/requests/);
  const row = page.locator(`.svc-requests tbody tr[data-id="${reqId}"]`);
  await row.waitFor();
  assert.match(await row.textContent(), new RegExp(orgName));
  assert.match(await row.textContent(), /已分派/);
  await ui.both('list');
  await row.locator('a', { hasText: title }).click();
  await page.locator('.page-header h1', { hasText: title }).waitFor();
  const offered = await page.locator('.svc-actions button.svc-act').evaluateAll((bs) => bs.map((b) => b.dataset.action));
  assert.deepEqual(offered, ['start', 'answer', 'resolve', 'assign', 'comment']);
  await act('start', null, 'in_progress');

  // a resolution is required: the server's message stands next to the field
  await page.click('.svc-actions button.svc-act[data-action="resolve"]');
  const form = page.locator('form.svc-action-form[data-action="resolve"]');
  await form.locator('button[type=submit]').click();
  await page.waitForFunction(() => document.querySelector('form.svc-action-form [data-error-for="resolution"]')?.textContent.trim());
  await form.locator('[name=resolution]').fill('已协调交警办理一辆车的通行证');
  await form.locator('button[type=submit]').click();
  await stateIs('resolved');
  assert.match(await page.locator('.svc-resolution').textContent(), /一辆车/);
  await ui.logout();
});

test('the enterprise user reopens it with a note', async () => {
  await ui.login('e2e_sent');
  await openRequest();
  await stateIs('resolved');
  const offered = await page.locator('.svc-actions button.svc-act').evaluateAll((bs) => bs.map((b) => b.dataset.action));
  assert.deepEqual(offered, ['confirm', 'reopen', 'comment']);
  await act('reopen', (f) => f.locator('[name=note]').fill('还有两辆车没有办理'), 'reopened');
  assert.equal(await page.locator('.svc-summary [data-stat="svc.req.reopen_count"] .stat-value').textContent(), '1');
  await ui.logout();
});

test('the officer resolves it again', async () => {
  await ui.login('e2e_soff');
  await ui.navClick('企业诉求');
  await page.locator(`.svc-requests tbody tr[data-id="${reqId}"]`, { hasText: '已退回重办' }).locator('a', { hasText: title }).click();
  await page.locator('.page-header h1', { hasText: title }).waitFor();
  await act('resolve', (f) => f.locator('[name=resolution]').fill('三辆车的通行证全部办结'), 'resolved');
  await ui.logout();
});

test('the enterprise user confirms with four stars', async () => {
  await ui.login('e2e_sent');
  await openRequest();
  await page.click('.svc-actions button.svc-act[data-action="confirm"]');
  const form = page.locator('form.svc-action-form[data-action="confirm"]');
  await form.locator('label.svc-star[for$="-4"]').click(); // the fourth star
  await ui.both('confirm');
  await form.locator('button[type=submit]').click();
  await stateIs('confirmed');
  assert.equal((await page.locator('.svc-summary .svc-state').textContent()).trim(), '已确认');
  assert.equal(await page.locator('.svc-summary [data-stat="svc.req.satisfaction"] .svc-stars').getAttribute('data-stars'), '4');
  assert.equal(await page.locator('.svc-actions').count(), 0, 'nothing more to do once confirmed');
  const thread = await page.locator('.svc-thread .svc-event').evaluateAll((es) => es.map((e) => e.dataset.action));
  assert.deepEqual(thread, ['file', 'assign', 'start', 'resolve', 'reopen', 'resolve', 'confirm']);
  const notes = await page.locator('.svc-thread .svc-event-note').allTextContents();
  assert.ok(notes.includes('还有两辆车没有办理') && notes.includes('三辆车的通行证全部办结'), notes.join('|'));
  assert.match(await page.locator('.svc-resolution').textContent(), /全部办结/);
  await ui.both('confirmed');
  const q = (await api.get(`/api/requests/${reqId}`)).json;
  assert.equal(q.state, 'confirmed');
  assert.equal(q.satisfaction, 4);

  // its enterprise page lists the request
  await ui.navClick('一企一策');
  await ui.hashIs(/^#\/service\/orgs\/\d+$/);
  await page.locator(`.svc-org-requests tbody tr[data-id="${reqId}"]`).waitFor();
  await ui.logout();
});

test('the leader reads the service report', async () => {
  await ui.login('e2e_slead');
  await ui.navClick('企业服务分析');
  await ui.hashIs(/^#\/service\/report/);
  const received = page.locator('.svc-stats [data-stat="svc.report.received"] .inv-stat-value');
  await received.waitFor();
  assert.equal(await received.textContent(), '1');
  assert.equal(await page.locator('.svc-stats [data-stat="svc.report.resolved"] .inv-stat-value').textContent(), '1');
  assert.match(await page.locator('.svc-stats [data-stat="svc.report.satisfaction"]').textContent(), /4\.0/);
  assert.match(await page.locator('.svc-by-officer tbody').textContent(), /王服务专员/);
  assert.match(await page.locator('.svc-xlsx').getAttribute('href'), /^\/api\/reports\/service\.xlsx\?as_of=\d{4}-\d{2}-\d{2}$/);
  await page.locator('.svc-chart svg').waitFor();
  await ui.both('report');
  // the received figure opens the list it counts
  await page.click('.svc-stats a[data-stat="svc.report.received"]');
  await ui.hashIs(/^#\/service\/requests/);
  await page.locator(`.svc-requests tbody tr[data-id="${reqId}"]`).waitFor();
});

test('the enterprise\'s page shows the thread through its life: its project and its 亩均 score', async () => {
  const org = (await api.get(`/api/orgs?q=${encodeURIComponent(orgName)}`)).json.items[0];
  const p = await api.post('/api/projects', { code: `TH${run}`, name: `线索项目${run}`, level: 'district', total_investment: 1000, owner_org_id: org.id });
  assert.equal(p.status, 201, p.text);
  const f = await api.post('/api/mujun/figures', { org_id: org.id, year: 2025, land_mu: 20, tax: 600, added_value: 2000,
    revenue: 8000, energy: 600, emissions: 20, rd_spend: 300, employees: 80 });
  assert.equal(f.status, 201, f.text);
  await ui.goHash(`#/orgs/${org.id}`);
  const mj = page.locator('.org-thread .thread-mujun[data-year="2025"]');
  await mj.waitFor();
  const th = (await api.get(`/api/orgs/${org.id}/thread`)).json;
  assert.equal(await mj.getAttribute('data-class'), th.mujun[0].row.class);
  await page.click(`.org-thread a[href="#/projects/${p.json.id}"]`);
  await ui.hashIs(new RegExp(`^#/projects/${p.json.id}$`));
});

test('no console errors', () => {
  assert.deepEqual(consoleErrors, []);
});
