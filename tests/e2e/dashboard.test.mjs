// End-to-end test of the leadership dashboard (领导驾驶舱, the home page) and the briefing page:
// a real zonedesk server, driven through headless Chromium.
//
//   ZONEDESK_BIN=/work/main/build/zonedesk node --test tests/e2e/dashboard.test.mjs
//
// Covers: set-up through the API (a park, two projects on this year's list — one started through
// POST …/events, one overdue to start and so red — and a lead moved to 洽谈 this month); a leader
// (srv.cli user add --role leader) sees the dashboard; the 开复工率 figure and its two counts equal
// GET /api/reports/kaifugong; the red count equals GET /api/projects' lights and leads to the
// filtered project list; the 开复工 figure leads to the 开复工 report; the negotiation and stalled
// figures equal GET /api/reports/investment; the ECharts charts draw; a user without report
// permissions keeps the simple home page; the briefing page's first paragraph equals
// GET /api/briefing's and the page prints to PDF; no console errors (CSP violations are errors).
// Screenshots go to $ZD_SHOTS (default /tmp/zd/shots) as dash-*.png at 1366×768 and 375×812.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, helpers, SHOTS, DESKTOP, PHONE } from '../lib/browser.mjs';
import { startServer, Client } from '../lib/server.mjs';


const PASSWORD = 'secret123';

/** The server's "today": the date in China (UTC+8). */
const TODAY = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
const YEAR = Number(TODAY.slice(0, 4));

let srv;
let browser;
let page;
let admin; // admin API client
let leader; // the leader's API client: the figures as the leader may read them
const consoleErrors = [];
const run = Date.now().toString(36).slice(-5);
const parkName = `e2e驾驶舱园${run}`;
const redName = `e2e未开工项目${run}`;

// shot, hashIs, goHash, login, logout: tests/lib/browser.mjs on this suite's page
const { shot, hashIs, goHash, login, logout } = helpers(() => page, { url: () => srv.url, prefix: 'dash', password: PASSWORD, full: false });

async function ok(res, status = 201) {
  const r = await res;
  assert.equal(r.status, status, r.text);
  return r.json;
}

async function addUser(username, role) {
  const r = await srv.cli(['user', 'add', '--zone', 'za', '--username', username, '--name', `${role}${run}`,
    '--role', role, '--password-stdin'], { stdin: PASSWORD + '\n' });
  assert.equal(r.code, 0, `user add ${username}: ${r.stderr}`);
}

async function noHorizontalOverflow(what) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${what}: no horizontal overflow (${overflow}px)`);
}

/** The charts have drawn (ECharts' SVG renderer puts an <svg> in each chart element). */
async function chartsDrawn(n) {
  await page.waitForFunction((k) => document.querySelectorAll('.dash-chart svg').length >= k, n);
}

before(async () => {
  srv = await startServer();
  await addUser('e2e_dadmin', 'admin');
  await addUser('e2e_leader', 'leader');
  await addUser('e2e_officer', 'project_officer');
  admin = new Client(srv.url);
  assert.equal((await admin.login('e2e_dadmin', PASSWORD)).status, 200);
  leader = new Client(srv.url);
  assert.equal((await leader.login('e2e_leader', PASSWORD)).status, 200);

  const park = await ok(admin.post('/api/parks', { name: parkName, kind: 'park' }));
  const started = await ok(admin.post('/api/projects', {
    code: `DS${run}`.toUpperCase(), name: `e2e已开工项目${run}`, level: 'district', park_id: park.id, total_investment: 20000,
    years: [{ year: YEAR, kind: 'new', planned_investment: 5000 }],
  }));
  // planned to start a year ago and not started: red (start missed)
  await ok(admin.post('/api/projects', {
    code: `DR${run}`.toUpperCase(), name: redName, level: 'district', park_id: park.id, total_investment: 10000,
    planned_start: `${YEAR - 1}-01-01`, years: [{ year: YEAR, kind: 'new', planned_investment: 3000 }],
  }));
  await ok(admin.post(`/api/projects/${started.id}/events`, { kind: 'start', date: TODAY }));
  await ok(admin.post('/api/leads', { code: `DL${run}`, project_name: `e2e洽谈项目${run}`, stage: 'negotiating', stage_date: TODAY }));
  // 亩均 figures of last year for one enterprise: the tile shows last year's classes.
  const firm = await ok(admin.post('/api/orgs', { name: `e2e亩均企业${run}`, kind: 'enterprise', park_id: park.id }));
  await ok(admin.post('/api/mujun/figures', { org_id: firm.id, year: YEAR - 1, land_mu: 40, tax: 1200, added_value: 4000,
    revenue: 15000, energy: 1500, emissions: 40, rd_spend: 500, employees: 150 }));
  // An enterprise request a month old that nobody took up: open and overdue.
  const monthAgo = new Date(Date.parse(`${TODAY}T00:00:00Z`) - 30 * 86400e3).toISOString().slice(0, 10);
  await ok(admin.post('/api/requests', { org_id: firm.id, category: 'labour', title: `e2e诉求${run}`, description: '招工',
    received_on: monthAgo }));

  ({ browser, page } = await launch({
    onError: ({ text, url }) => {
      consoleErrors.push(`${text} @ ${url}`);
    },
  }));
});

after(async () => {
  if (browser) await browser.close();
  if (srv) await srv.stop();
});

// ---------------------------------------------------------------- the walk through

test('the leader\'s home page is the dashboard with the reports\' own figures', async () => {
  await login('e2e_leader');
  await page.locator('.dash-tile[data-tile=kfg] .dash-kfg-rate').waitFor();
  assert.equal(await page.locator('.page-header h1, h1').first().textContent(), '领导驾驶舱');
  assert.equal(await page.locator('.dash-controls [name=as_of]').inputValue(), TODAY, 'as of today (China) by default');

  const k = await ok(leader.get(`/api/reports/kaifugong?as_of=${TODAY}&by=park`), 200);
  assert.equal(k.due, 2);
  assert.equal(k.started, 1);
  const rate = page.locator('.dash-kfg-rate');
  assert.equal((await rate.textContent()).trim(), k.rate_text);
  assert.equal(Number(await rate.getAttribute('data-due')), k.due);
  assert.equal(Number(await rate.getAttribute('data-started')), k.started);
  assert.equal((await page.locator('.dash-kfg-started').textContent()).trim(), `已开复工${k.started}个`);
  assert.equal((await page.locator('.dash-kfg-due').textContent()).trim(), `应开复工${k.due}个`);
  assert.ok((await page.locator('.dash-tile[data-tile=kfg] .dash-note').textContent()).includes(k.rounding), 'the rounding note');

  const list = await ok(leader.get(`/api/projects?year=${YEAR}&as_of=${TODAY}&limit=1`), 200);
  assert.ok(list.lights.red >= 1, 'the project planned a year ago is red');
  assert.equal(Number(await page.locator('.dash-red').getAttribute('data-n')), list.lights.red);
  assert.equal(Number(await page.locator('.dash-yellow').getAttribute('data-n')), list.lights.yellow);

  const inv = await ok(leader.get(`/api/reports/investment?from=${YEAR}-01-01&to=${TODAY}`), 200);
  const month = inv.monthly.find((m) => m.month === TODAY.slice(0, 7));
  assert.equal(month.negotiations, 1);
  assert.equal(Number(await page.locator('.dash-neg').getAttribute('data-n')), month.negotiations);
  assert.equal(Number(await page.locator('.dash-stalled').getAttribute('data-n')), inv.stalled);
  assert.equal(await page.locator('.dash-stalled').getAttribute('href'), '#/leads?stalled=1');
  const mj = await ok(leader.get(`/api/mujun/report?year=${YEAR - 1}`), 200);
  for (const cl of ['A', 'B', 'C', 'D']) {
    assert.equal(Number(await page.locator(`.dash-mujun-class[data-class=${cl}]`).getAttribute('data-n')), mj.classes[cl]);
  }
  const svc = await ok(leader.get(`/api/reports/service?as_of=${TODAY}`), 200);
  assert.equal(Number(await page.locator('.dash-svc-open').getAttribute('data-n')), svc.requests.open);
  assert.equal(Number(await page.locator('.dash-svc-overdue').getAttribute('data-n')), svc.requests.overdue);
  assert.equal(await page.locator('.dash-tile[data-tile=acc]').count(), 1, 'a leader may read the acceptance report');

  await chartsDrawn(2);
  await noHorizontalOverflow('dashboard desktop');
  await shot('desktop', { full: true });
});

test('the red figure leads to the filtered project list', async () => {
  await page.click('.dash-red');
  await hashIs(new RegExp(`^#/projects\\?light=red&year=${YEAR}$`));   // today: no as_of
  await page.locator('.list-view .pager-total').waitFor();
  await page.locator('.list-view tbody tr', { hasText: redName }).first().waitFor();
  const list = await ok(leader.get(`/api/projects?year=${YEAR}&light=red&limit=1`), 200);
  assert.equal(await page.locator('.list-view tbody tr[data-id]').count(), list.total, 'the list counts what the figure counts');
});

test('the overdue requests figure leads to the list it counts', async () => {
  await goHash('#/');
  const fig = page.locator('.dash-svc-overdue');
  await fig.waitFor();
  const n = Number(await fig.getAttribute('data-n'));
  assert.ok(n >= 1, 'the month-old request is overdue');
  await fig.click();
  await hashIs(/^#\/service\/requests\?overdue=1$/);
  await page.locator('.list-view tbody tr', { hasText: `e2e诉求${run}` }).waitFor();
  assert.equal(await page.locator('.list-view tbody tr[data-id]').count(), n, 'the list counts what the figure counts');
});

test('the 开复工 figure leads to the 开复工 report of the same figures', async () => {
  await goHash('#/');
  await page.locator('.dash-kfg-rate').waitFor();
  await page.click('.dash-kfg-rate');
  await hashIs(/^#\/kaifugong/);
  const fig = page.locator('.kfg-big');
  await fig.waitFor();
  assert.equal(Number(await fig.getAttribute('data-due')), 2);
  assert.equal(Number(await fig.getAttribute('data-started')), 1);
});

test('a past as-of date answers as things were then', async () => {
  await goHash('#/');
  await page.locator('.dash-kfg-rate').waitFor();
  const before = `${YEAR}-01-01` === TODAY ? `${YEAR - 1}-12-31` : `${YEAR}-01-01`;
  await page.fill('.dash-controls [name=as_of]', before);
  await page.dispatchEvent('.dash-controls [name=as_of]', 'change');
  await hashIs(new RegExp(`as_of=${before}`));
  const k = await ok(leader.get(`/api/reports/kaifugong?as_of=${before}`), 200);
  await page.waitForFunction((txt) => document.querySelector('.dash-kfg-rate')?.textContent.trim() === txt
    && !document.querySelector('.dash-out.is-loading'), k.rate_text);
  assert.equal(Number(await page.locator('.dash-kfg-rate').getAttribute('data-started')), k.started);
  // The red and yellow figures count as of that day, and their lists ask for that day too.
  assert.match(await page.locator('.dash-red').getAttribute('href'), new RegExp(`as_of=${before}`));
  const past = await ok(leader.get(`/api/projects?year=${YEAR}&as_of=${before}&limit=1`), 200);
  assert.equal(Number(await page.locator('.dash-red').getAttribute('data-n')), past.lights.red);
});

test('the dashboard in English', async () => {
  await goHash('#/');
  await page.locator('.dash-kfg-rate').waitFor();
  await page.click('.topbar .lang-switch');
  await page.locator('.dash-tile[data-tile=kfg] .dash-tile-title', { hasText: 'Construction start rate' }).waitFor();
  assert.equal((await page.locator('.dash-kfg-started').textContent()).trim(), '1 started');
  assert.match(await page.locator('.dash-tile[data-tile=service]').textContent(), /open requests/);
  await shot('desktop-en');
  await page.click('.topbar .lang-switch');
  await page.locator('.dash-tile[data-tile=kfg] .dash-tile-title', { hasText: '开复工率' }).waitFor();
});

test('the dashboard on a phone', async () => {
  await page.setViewportSize(PHONE);
  await goHash('#/x');
  await goHash('#/');
  await page.locator('.dash-kfg-rate').waitFor();
  await chartsDrawn(2);
  await noHorizontalOverflow('dashboard phone');
  await shot('phone');
  await shot('phone-full', { full: true });
  await page.setViewportSize(DESKTOP);
});

test('the briefing page shows the server\'s first paragraph and prints to PDF', async () => {
  await goHash('#/briefing');
  const first = page.locator('article.briefing .briefing-section p').first();
  await first.waitFor();
  const b = await ok(leader.get(`/api/briefing?as_of=${TODAY}&period=month`), 200);
  assert.equal((await first.textContent()).trim(), b.sections[0].paragraphs[0]);
  await shot('briefing-desktop', { full: true });
  await page.emulateMedia({ media: 'print' });
  await shot('briefing-print', { full: true });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  assert.equal(Buffer.from(pdf.subarray(0, 4)).toString('latin1'), '%PDF');
  assert.ok(pdf.length > 1024, `PDF of ${pdf.length} bytes`);
  fs.mkdirSync(SHOTS, { recursive: true });
  fs.writeFileSync(path.join(SHOTS, 'dash-briefing.pdf'), pdf);
  await page.setViewportSize(PHONE);
  await page.reload();
  await page.locator('article.briefing .briefing-section p').first().waitFor();
  await noHorizontalOverflow('briefing phone');
  await shot('briefing-phone');
  await page.setViewportSize(DESKTOP);
});

test('a user without report permissions keeps the simple home page', async () => {
  await logout();
  // a project officer may read projects: the dashboard, only the project tiles
  await login('e2e_officer');
  await page.locator('.dash-tile[data-tile=kfg]').waitFor();
  assert.equal(await page.locator('.dash-tile[data-tile=neg]').count(), 0, 'no lead.read, no investment tiles');
  assert.equal(await page.locator('.dash-tile[data-tile=acc]').count(), 0, 'no acceptance report');
  await logout();
  await addUser('e2e_reviewer', 'dept_reviewer');
  await login('e2e_reviewer');
  await page.locator('main .tiles, main .card p').first().waitFor();
  assert.equal(await page.locator('.dash-tile').count(), 0, 'no dashboard tiles');
});

test('no console errors', () => {
  assert.deepEqual(consoleErrors, []);
});
