// End-to-end test of the 亩均效益评价 pages, through headless Chromium on a real server:
// the ranked table opens on the latest year with figures, switching the year redraws it
// (and the change since last year shows), the distribution draws its charts, and an
// enterprise user sees only its own rows on 我的亩均评价 and no 亩均 navigation otherwise.
// Screenshots go to $ZD_SHOTS (default /tmp/zd/shots) as mujun-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, makeUscc } from '../lib/server.mjs';
import { launch, helpers } from '../lib/browser.mjs';

const PASSWORD = 'secret123';

let srv;
let browser;
let page;
const ids = {};
const consoleErrors = [];

async function ok(res, status = 201) {
  const r = await res;
  assert.equal(r.status, status, r.text);
  return r.json;
}
async function addUser(username, role, extra = []) {
  const r = await srv.cli(['user', 'add', '--zone', 'za', '--username', username, '--name', username,
    '--role', role, '--password-stdin', ...extra], { stdin: PASSWORD + '\n' });
  assert.equal(r.code, 0, `user add ${username}: ${r.stderr}`);
}
let ui;
const login = (username) => ui.login(username);
const logout = () => ui.logout();
const shot = (name) => ui.shot(name);

before(async () => {
  srv = await startServer();
  await addUser('e2e_madmin', 'admin');
  const admin = new Client(srv.url);
  assert.equal((await admin.login('e2e_madmin', PASSWORD)).status, 200);
  const park = await ok(admin.post('/api/parks', { name: '海州园', kind: 'park' }));
  const firms = [['东方材料有限公司', 3000], ['西岭机械有限公司', 1200], ['南山电子有限公司', 600]];
  ids.orgs = [];
  for (const [i, [name]] of firms.entries()) {
    ids.orgs.push((await ok(admin.post('/api/orgs', { name, kind: 'enterprise', uscc: makeUscc(900 + i), park_id: park.id, above_scale: true }))).id);
  }
  for (const [i, [, tax]] of firms.entries()) {
    const base = { land_mu: 100, added_value: 8000, revenue: 30000, energy: 4000, emissions: 160, rd_spend: 600, employees: 300 };
    await ok(admin.post('/api/mujun/figures', { org_id: ids.orgs[i], year: 2025, ...base, tax }));
    // 2024: the order was the other way round
    await ok(admin.post('/api/mujun/figures', { org_id: ids.orgs[i], year: 2024, ...base, tax: firms[2 - i][1] }));
  }
  await addUser('e2e_ment', 'enterprise_user', ['--org', String(ids.orgs[1])]);

  ({ browser, page } = await launch({ onError: (e) => consoleErrors.push(e.text) }));
  ui = helpers(page, { url: srv.url, prefix: 'mujun', password: PASSWORD });
});

after(async () => {
  if (browser) await browser.close();
  if (srv) await srv.stop();
});

test('the ranked table opens on the latest year and switches year', async () => {
  await login('e2e_madmin');
  await page.click('nav a[href="#/mujun"]');
  await page.locator('.mj-scores tbody tr').first().waitFor();
  assert.equal(await page.inputValue('select.mj-year'), '2025');
  const names = await page.locator('.mj-scores tbody td.col-name a').allTextContents();
  assert.deepEqual(names, ['东方材料有限公司', '西岭机械有限公司', '南山电子有限公司']);
  assert.deepEqual(await page.locator('.mj-scores tbody .mj-rank').allTextContents(), ['1', '2', '3']);
  // the first in 2025 was the last in 2024: up two places
  assert.match(await page.locator('.mj-scores tbody tr').first().locator('.mj-change strong').textContent(), /↑2/);
  assert.ok(await page.locator('.mj-scores tbody .mj-class').count() >= 3, 'classes shown');
  await shot('scores-2025');

  await page.selectOption('select.mj-year', '2024');
  await page.waitForFunction(() => /year=2024/.test(location.hash));
  await page.waitForFunction(() => document.querySelector('.mj-scores tbody td.col-name a')?.textContent === '南山电子有限公司');
  assert.equal(await page.locator('.mj-scores tbody .mj-new').count(), 3, 'nobody was scored in 2023');
});

test('the distribution draws by park and by chain', async () => {
  await page.click('nav a[href="#/mujun/report"]');
  await page.waitForFunction(() => document.querySelectorAll('.mj-out .chart svg, .mj-out .chart canvas').length >= 2);
  const total = await page.locator('.mj-tile').last().locator('strong').textContent();
  assert.equal(total, '3');
  await shot('report');
  await page.click('nav a[href="#/mujun/settings"]');
  await page.locator('.mj-settings [data-group="large"]').waitFor();
  assert.equal(await page.inputValue('.mj-settings-head input[type=number]'), '2025', 'the latest year with figures');
  await shot('settings');
  // a wrong sum is refused naming the group; a good change is saved and the defaults note goes
  await page.fill('input[name="groups.large.tax_per_mu.weight"]', '40');
  await page.click('.mj-settings button[type=submit]');
  await page.locator('.mj-settings .form-general .alert').waitFor();
  assert.match(await page.locator('.mj-settings .form-general').textContent(), /groups\.large/);
  // the browser logs the expected 400; nothing else may be logged
  const i = consoleErrors.findIndex((m) => /status of 400/.test(m));
  if (i >= 0) consoleErrors.splice(i, 1);
  await page.fill('input[name="groups.large.tax_per_mu.weight"]', '30');
  await page.fill('input[name="cap"]', '2');
  await page.click('.mj-settings button[type=submit]');
  await page.waitForFunction(() => document.querySelector('input[name="cap"]')?.value === '2' && !document.querySelector('.mj-settings-head .alert-warn'));
  await logout();
});

test('an enterprise user sees only its own rows', async () => {
  await login('e2e_ment');
  assert.equal(await page.locator('nav a[href="#/mujun"]').count(), 0, 'no ranked table in the navigation');
  await page.click('nav a[href="#/mujun/mine"]');
  await page.locator('.mj-mine').first().waitFor();
  const text = await page.locator('main').textContent();
  assert.ok(text.includes('西岭机械有限公司'));
  assert.ok(!text.includes('东方材料') && !text.includes('南山电子'), 'nothing of other firms');
  assert.match(text, /第 2 名 \/ 共 3 家/);
  await shot('mine');
  await logout();
  assert.deepEqual(consoleErrors, []);
});
