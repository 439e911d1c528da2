// End-to-end test of the web shell: a real zonedesk server, driven through headless Chromium.
//
//   ZONEDESK_BIN=/work/main/build/zonedesk node --test tests/e2e/
//
// Covers: login (wrong password message, then success), header (user, Chinese role name), navigation
// by permission, park create → record page with history → list (total, search, sort), organisation
// create with a computed valid USCC, inline field error for an invalid USCC, phone layout with the
// collapsed menu, English switch (labels, persisted across reload, server errors in English),
// logout, and no console errors (CSP violations are console errors) or page errors.
// Screenshots go to $ZD_SHOTS (default /tmp/zd/shots) at 1366×768 and 375×812.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { helpers, CHROMIUM, DESKTOP, PHONE } from '../lib/browser.mjs';
import { startServer } from '../lib/server.mjs';

const require = createRequire(new URL('../../web/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const PASSWORD = 'secret123';

// ---------------------------------------------------------------- GB 32100-2015 (USCC) and GB 11714

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'; // no I O S V Z
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 check digit of an 8-character organisation code body. */
function orgCodeCheck(body) {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body[i], 36) * ORG_WEIGHTS[i]; // 0-9 → 0-9, A-Z → 10-35
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** GB 32100 check character of the first 17 characters. */
function usccCheck(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17[i]) * USCC_WEIGHTS[i];
  return USCC_CHARS[(31 - (sum % 31)) % 31];
}

/** A valid code: 9 (market regulation) 1 (enterprise) 320700 (连云港) + organisation code + check. */
function makeUscc(n) {
  const body = String(n).padStart(8, '0').slice(-8);
  const first17 = '91' + '320700' + body + orgCodeCheck(body);
  return first17 + usccCheck(first17);
}

/** The same code with a wrong final check character. */
function breakCheck(uscc) {
  const good = uscc[17];
  const bad = USCC_CHARS[(USCC_CHARS.indexOf(good) + 7) % USCC_CHARS.length];
  return uscc.slice(0, 17) + bad;
}

// ---------------------------------------------------------------- harness

let srv;
let browser;
let context;
let page;
const consoleErrors = [];
const run = Date.now().toString(36).slice(-5);

// Responses the test provokes on purpose: the failed login (401), the invalid form (400),
// the first /api/me before login (401). Chromium logs them as "Failed to load resource".
const EXPECTED_STATUS = /Failed to load resource: the server responded with a status of (400|401)\b/;

// shot, hashIs, navClick: tests/lib/browser.mjs on this suite's page
const { shot, hashIs, navClick } = helpers(() => page, { url: () => srv.url, prefix: '', password: PASSWORD, full: false });

before(async () => {
  srv = await startServer();
  const r = await srv.cli(['user', 'add', '--zone', 'za', '--username', 'e2e_admin', '--name', '测试管理员',
    '--role', 'admin', '--password-stdin'], { stdin: PASSWORD + '\n' });
  assert.equal(r.code, 0, `user add failed: ${r.stderr}`);

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run'],
  });
  // An English browser on purpose: the page must still ask the server for Chinese until the user switches.
  context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
  page = await context.newPage();
  page.setDefaultTimeout(10000);
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    const url = (msg.location() && msg.location().url) || '';
    if (EXPECTED_STATUS.test(text) && url.includes('/api/')) return;
    consoleErrors.push(`${text} @ ${url}`);
  });
  page.on('pageerror', (err) => consoleErrors.push(`pageerror: ${err.message}`));
});

after(async () => {
  if (browser) await browser.close();
  if (srv) await srv.stop();
});

// ---------------------------------------------------------------- the walk through

test('USCC helper agrees with itself', () => {
  const u = makeUscc(12345678);
  assert.match(u, /^[0-9A-HJ-NPQRTUWXY]{18}$/);
  assert.equal(usccCheck(u.slice(0, 17)), u[17]);
  assert.notEqual(breakCheck(u), u);
});

test('login page: wrong password, then sign in', async () => {
  await page.goto(srv.url + '/');
  await page.locator('#login-username').waitFor();
  assert.equal(await page.locator('h1.login-title').textContent(), '登录');
  await shot('login-desktop');

  await page.fill('#login-username', 'e2e_admin');
  await page.fill('#login-password', 'wrong-password');
  await page.click('.login-form button[type=submit]');
  const alert = page.locator('.login-message .alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /用户名或密码错误/);

  await page.fill('#login-password', PASSWORD);
  await page.click('.login-form button[type=submit]');
  await page.locator('.topbar .user-name').waitFor();
  assert.equal(await page.locator('.topbar .user-name').textContent(), '测试管理员');
  assert.equal(await page.locator('.topbar .role-badge').textContent(), '系统管理员');
  const nav = await page.locator('#sidenav a.nav-link').allTextContents();
  for (const label of ['园区', '组织机构', '产业链', '用户', '审计日志', '区']) {
    assert.ok(nav.includes(label), `navigation has ${label}: ${nav.join(',')}`);
  }
  await shot('home-desktop');
});

const parkName = `e2e测试园${run}`;

test('create a park through the form, see it listed', async () => {
  await navClick('园区');
  await hashIs(/^#\/parks/);
  await page.locator('.list-view .pager-total').waitFor();
  await page.click('.page-actions a.btn-primary'); // 新建园区
  await hashIs(/^#\/parks\/new$/);
  await page.fill('form.form [name=name]', parkName);
  await page.selectOption('form.form [name=kind]', 'expansion');
  await page.fill('form.form [name=code]', `E2E${run}`);
  await page.fill('form.form [name=note]', '端到端测试创建');
  await page.click('form.form button[type=submit]');
  await hashIs(/^#\/parks\/\d+$/);
  await page.locator('.page-header h1', { hasText: parkName }).waitFor();
  // the record page shows its history: one 新建 entry by our user
  const hist = page.locator('.history .history-item').first();
  await hist.waitFor();
  assert.match(await hist.textContent(), /新建/);
  assert.match(await hist.textContent(), /e2e_admin/);
  await shot('park-record-desktop');

  await page.click('.page-header .back-link');
  await hashIs(/^#\/parks(\?.*)?$/);
  await page.locator('.data-table td a', { hasText: parkName }).waitFor();
  assert.match(await page.locator('.pager-total').textContent(), /^共 \d+ 条$/);
  const row = page.locator('.data-table tbody tr', { hasText: parkName });
  assert.match(await row.textContent(), /拓展区/);

  // search narrows the list to our park
  await page.fill('.list-toolbar input[type=search]', parkName);
  await page.click('.list-toolbar button[type=submit]');
  await page.waitForFunction(() => document.querySelector('.pager-total')?.textContent === '共 1 条');
  await hashIs(/[?&]q=/);

  // sortable header: name is the default ascending sort; clicking turns it descending
  await page.click('.list-toolbar button[type=button]'); // 重置
  await page.waitForFunction(() => !/q=/.test(location.hash));
  await page.click('.data-table th button[data-sort=name]');
  await hashIs(/[?&]sort=-name/);
  await page.locator('.data-table th[aria-sort=descending] button[data-sort=name]').waitFor();
  await page.locator('.data-table td a', { hasText: parkName }).waitFor();
  await shot('parks-desktop');
});

const orgName = `e2e测试企业${run}有限公司`;
const uscc = makeUscc(parseInt(run, 36) % 100000000);

test('create an organisation with a valid USCC, see it listed', async () => {
  await navClick('组织机构');
  await hashIs(/^#\/orgs/);
  await page.locator('.list-view .pager-total').waitFor();
  await page.click('.page-actions a.btn-primary'); // 新建组织机构
  await hashIs(/^#\/orgs\/new$/);
  assert.ok(await page.locator('label', { hasText: '统一社会信用代码' }).isVisible());
  await page.fill('form.form [name=name]', orgName);
  await page.selectOption('form.form [name=kind]', 'enterprise');
  await page.fill('form.form [name=uscc]', uscc);
  await page.fill('form.form [name=contact]', '张三');
  await page.fill('form.form [name=phone]', '0518-85800000');
  await page.click('form.form button[type=submit]');
  await hashIs(/^#\/orgs\/\d+$/);
  await page.locator('.page-header h1', { hasText: orgName }).waitFor();
  await page.locator('.detail-list dd', { hasText: uscc }).waitFor();

  await page.click('.page-header .back-link');
  await page.locator('.data-table td a', { hasText: orgName }).waitFor();
  const row = page.locator('.data-table tbody tr', { hasText: orgName });
  assert.match(await row.textContent(), new RegExp(uscc));
});

test('invalid USCC shows the server field error inline', async () => {
  await page.click('.page-actions a.btn-primary');
  await hashIs(/^#\/orgs\/new$/);
  await page.fill('form.form [name=name]', `${orgName}二`);
  await page.fill('form.form [name=uscc]', breakCheck(uscc));
  await page.click('form.form button[type=submit]');
  const err = page.locator('form.form [data-error-for=uscc]');
  await err.waitFor({ state: 'visible' });
  const text = (await err.textContent()).trim();
  assert.match(text, /[\u4e00-\u9fff]/, `server error in Chinese: ${text}`);
  assert.equal(await page.locator('form.form [name=uscc]').getAttribute('aria-invalid'), 'true');
  assert.equal((await page.locator('form.form [data-error-for=name]').textContent()).trim(), '', 'no error on name');
  assert.match(await page.evaluate(() => location.hash), /^#\/orgs\/new$/, 'still on the form');
  await shot('org-form-error-desktop');
});

test('phone width: navigation collapses into a menu', async () => {
  await page.setViewportSize(PHONE);
  await page.evaluate(() => { location.hash = '#/parks'; });
  await page.locator('.data-table td a', { hasText: parkName }).first().waitFor();
  const toggle = page.locator('.menu-toggle');
  assert.ok(await toggle.isVisible(), 'menu button visible on a phone');
  const navLink = page.locator('#sidenav a.nav-link', { hasText: '组织机构' });
  // navigation is off-screen until opened (allow its slide transition to finish)
  await page.waitForFunction(() => document.getElementById('sidenav').getBoundingClientRect().right <= 0);
  // nothing wider than the viewport
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal overflow (${overflow}px)`);
  await shot('parks-phone');

  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await page.waitForFunction(() => {
    const a = [...document.querySelectorAll('#sidenav a.nav-link')].find((x) => x.textContent === '组织机构');
    const r = a && a.getBoundingClientRect();
    return r && r.x >= 0 && r.right <= window.innerWidth;
  });
  await shot('nav-open-phone');
  await navLink.click();
  await hashIs(/^#\/orgs/);
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false', 'menu closes after navigation');
  await page.locator('.data-table td a', { hasText: orgName }).first().waitFor();

  await page.evaluate(() => { location.hash = '#/orgs/new'; });
  await page.locator('form.form [name=uscc]').waitFor();
  await page.waitForFunction(() => document.getElementById('sidenav').getBoundingClientRect().right <= 0);
  await shot('org-form-phone');
  await page.setViewportSize(DESKTOP);
});

test('English: labels, persisted choice, server errors in English', async () => {
  try {
    await englishWalk();
  } finally {
    // back to Chinese for the tests that follow, whatever happened above
    await page.evaluate(() => localStorage.setItem('zd.lang', 'zh'));
    await page.reload();
    await page.locator('#sidenav a.nav-link', { hasText: '园区' }).waitFor();
  }
});

async function englishWalk() {
  await page.evaluate(() => { location.hash = '#/orgs'; });
  await page.locator('.data-table td a', { hasText: orgName }).first().waitFor();
  await page.click('.topbar .lang-switch');
  await page.locator('.page-header h1', { hasText: 'Organisations' }).waitFor();
  const nav = await page.locator('#sidenav a.nav-link').allTextContents();
  for (const label of ['Parks', 'Organisations', 'Industry chains', 'Users', 'Audit log', 'Zone']) {
    assert.ok(nav.includes(label), `English navigation has ${label}: ${nav.join(',')}`);
  }
  assert.equal(await page.locator('.topbar .role-badge').textContent(), 'Administrator');
  assert.match(await page.locator('.pager-total').textContent(), /^\d+ in total$/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');

  await page.reload();
  await page.locator('.page-header h1', { hasText: 'Organisations' }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('zd.lang')), 'en');

  await page.click('.page-actions a.btn-primary');
  await page.locator('label', { hasText: 'Unified social credit code' }).waitFor();
  await page.fill('form.form [name=name]', `${orgName} EN`);
  await page.fill('form.form [name=uscc]', breakCheck(uscc));
  await page.click('form.form button[type=submit]');
  const err = page.locator('form.form [data-error-for=uscc]');
  await err.waitFor({ state: 'visible' });
  const fieldMsg = (await err.textContent()).trim();
  assert.match(fieldMsg, /check character/i, `uscc field error in English: ${fieldMsg}`);
  assert.doesNotMatch(fieldMsg, /[\u4e00-\u9fff]/, `uscc field error without Chinese: ${fieldMsg}`);
  // the request carried Accept-Language: en, so the server's summary message is English
  const summary = (await page.locator('form.form .form-general .alert').textContent()).trim();
  assert.doesNotMatch(summary, /[\u4e00-\u9fff]/, `server message in English: ${summary}`);
  await shot('org-form-error-english');

  await page.evaluate(() => { location.hash = '#/parks'; });
  await page.locator('.data-table td a', { hasText: parkName }).first().waitFor();
  await shot('parks-english');

  await page.click('.topbar .lang-switch');
  await page.locator('.page-header h1', { hasText: '园区' }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('zd.lang')), 'zh');
}

test('audit log lists the changes made', async () => {
  await navClick('审计日志');
  await hashIs(/^#\/audit/);
  await page.locator('.data-table tbody tr', { hasText: 'e2e_admin' }).first().waitFor();
  await shot('audit-desktop');
});

test('logout returns to the login page', async () => {
  await page.click('.topbar .logout');
  await page.locator('#login-username').waitFor();
  assert.match(await page.evaluate(() => location.hash), /^#\/login/);
  await page.setViewportSize(PHONE);
  await shot('login-phone');
  await page.setViewportSize(DESKTOP);
});

test('no console errors and no CSP violations', () => {
  assert.deepEqual(consoleErrors, []);
});
