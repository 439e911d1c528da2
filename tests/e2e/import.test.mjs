// End-to-end test of spreadsheet import and export: a real zonedesk server, driven through headless Chromium.
//
//   ZONEDESK_BIN=/work/main/build/zonedesk node --test tests/e2e/import.test.mjs
//
// Covers: the 导入 / 导出Excel buttons of the project list; the 项目导入 page with its header note and the
// client-made template CSV (UTF-8 BOM); a CSV with one bad row → the preview lists the error with its row
// and column, 导入 stays disabled; a good GBK CSV (made with iconv) → clean preview (counts, unknown column)
// → import → the projects in the list; 导出Excel of the filtered list, the 开复工 dashboard and the lead
// list as .xlsx (zip: PK) downloads; 线索导入 of a signed lead and its 转为重点项目 on the lead page, then
// the link to the new project; the pages at phone width; no console errors (CSP violations are errors).
// Screenshots go to $ZD_SHOTS (default /tmp/zd/shots) as import-*.png at 1366×768 and 375×812.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { launch, helpers, DESKTOP, PHONE } from '../lib/browser.mjs';
import { startServer, Client } from '../lib/server.mjs';


const PASSWORD = 'secret123';

let srv;
let browser;
let page;
let api; // admin API client
const consoleErrors = [];
const run = Date.now().toString(36).slice(-5);
const parkName = `e2e导入园${run}`;
const code1 = `DR${run}A`.toUpperCase();
const code2 = `DR${run}B`.toUpperCase();
const name1 = `e2e导入新材料项目${run}`;
const name2 = `e2e导入物流园项目${run}`;
const leadCode = `XS${run}`.toUpperCase();
const leadName = `e2e导入签约项目${run}`;

// Responses the test provokes on purpose (the dry run of the bad file: 400).
const EXPECTED_STATUS = /Failed to load resource: the server responded with a status of (400)\b/;

// shot, hashIs, goHash: tests/lib/browser.mjs on this suite's page
const { shot, hashIs, goHash } = helpers(() => page, { url: () => srv.url, prefix: 'import', password: PASSWORD, full: false });

async function noHorizontalOverflow(what) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${what}: no horizontal overflow (${overflow}px)`);
}

/** Clicks what starts a download; answers {name, bytes}. */
async function download(locator) {
  const [dl] = await Promise.all([page.waitForEvent('download'), locator.click()]);
  const file = await dl.path();
  return { name: dl.suggestedFilename(), bytes: fs.readFileSync(file) };
}

const csv = (rows) => rows.map((r) => r.join(',')).join('\r\n') + '\r\n';

before(async () => {
  srv = await startServer();
  const r = await srv.cli(['user', 'add', '--zone', 'za', '--username', 'e2e_iadmin', '--name', '导入管理员',
    '--role', 'admin', '--password-stdin'], { stdin: PASSWORD + '\n' });
  assert.equal(r.code, 0, `user add failed: ${r.stderr}`);
  api = new Client(srv.url);
  assert.equal((await api.login('e2e_iadmin', PASSWORD)).status, 200);
  const park = await api.post('/api/parks', { name: parkName, kind: 'park' });
  assert.equal(park.status, 201, park.text);

  ({ browser, page } = await launch({
    contextOptions: { acceptDownloads: true },
    onError: ({ text, url }) => {
      if (EXPECTED_STATUS.test(text) && url.includes('/api/')) return;
      consoleErrors.push(`${text} @ ${url}`);
    },
  }));

  await page.goto(srv.url + '/#/login');
  await page.locator('#login-username').waitFor();
  await page.fill('#login-username', 'e2e_iadmin');
  await page.fill('#login-password', PASSWORD);
  await page.click('.login-form button[type=submit]');
  await page.locator('.topbar .user-name').waitFor();
});

after(async () => {
  if (browser) await browser.close();
  if (srv) await srv.stop();
});

// ---------------------------------------------------------------- projects

test('the project list links to the import page; the page explains the headers and gives a template', async () => {
  await goHash('#/projects');
  await page.locator('.list-view .pager-total').waitFor();
  const actions = page.locator('.page-header .page-actions');
  assert.equal(await actions.locator('a.io-export', { hasText: '导出Excel' }).count(), 1);
  await actions.locator('a', { hasText: '导入' }).first().click();
  await hashIs(/^#\/projects\/import$/);
  await page.locator('.page-header h1', { hasText: '项目导入' }).waitFor();
  const headers = await page.locator('.io-headers li').allTextContents();
  for (const x of ['项目编号', '项目名称', '所在园区', '总投资(万元)', '形象进度']) assert.ok(headers.includes(x), `header ${x}: ${headers}`);
  assert.deepEqual(await page.locator('.io-headers li.is-required').allTextContents(), ['项目编号', '项目名称']);
  assert.deepEqual(await page.locator('form.io-form [name=encoding] option').allTextContents(), ['自动', 'UTF-8', 'GBK']);
  assert.equal(await page.locator('button.io-run').isDisabled(), true, '导入 is disabled before a dry run');

  // (the attribute, not the saved name: Chromium under an uninstalled zh_CN locale saves non-ASCII names as "download")
  assert.equal(await page.locator('a.io-template').getAttribute('download'), '项目导入模板.csv');
  const tpl = await download(page.locator('a.io-template'));
  assert.deepEqual([...tpl.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  assert.equal(tpl.bytes.subarray(3).toString('utf8').split('\r\n')[0], headers.join(','));
  assert.ok(headers.length >= 16);
});

test('a CSV with a bad row: the preview lists the error with its row, 导入 stays disabled', async () => {
  const bad = csv([
    ['项目编号', '项目名称', '项目级别', '所在园区', '总投资(万元)'],
    [code1, name1, '市级', parkName, '5000'],
    [code2, name2, '国家级', parkName, '3000'],
  ]);
  await page.setInputFiles('form.io-form input[type=file]', { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await page.click('button.io-check');
  const row = page.locator('.io-errors tbody tr');
  await row.first().waitFor();
  assert.equal(await row.count(), 1, 'one problem');
  assert.equal(await row.first().getAttribute('data-row'), '3', 'the file row (header = 1)');
  const cells = await row.first().locator('td').allTextContents();
  assert.equal(cells[0], '3');
  assert.equal(cells[1], '项目级别');
  assert.match(cells[2], /省级、市级或区级/);
  assert.match(await page.locator('.io-result .alert-error').textContent(), /1 个问题/);
  assert.equal(await page.locator('button.io-run').isDisabled(), true, '导入 stays disabled');
  assert.equal(await page.locator('.io-progress').isHidden(), true, 'no progress bar once answered');
  assert.equal((await api.get(`/api/projects?q=${encodeURIComponent(code1)}`)).json.total, 0, 'nothing imported');
  await shot('errors-desktop');
});

test('a good GBK CSV: clean preview, import, the projects in the list', async () => {
  const good = csv([
    ['项目编号', '项目名称', '项目级别', '年度', '年度类别', '所在园区', '总投资(亿元)', '年度计划投资(万元)', '计划开工日期', '备用列'],
    [code1, name1, '市级', '2026', '新开工', parkName, '1.5', '6000', '2026-03-01', 'x'],
    [code2, name2, '区级', '2026', '续建', parkName, '0.8', '2000', '2026-04-15', 'y'],
  ]);
  const gbk = execFileSync('iconv', ['-f', 'utf-8', '-t', 'gbk'], { input: good });
  assert.notDeepEqual(gbk, Buffer.from(good), 'the file is really GBK');
  await page.setInputFiles('form.io-form input[type=file]', { name: '重点项目清单.csv', mimeType: 'text/csv', buffer: gbk });
  assert.equal(await page.locator('.io-errors').count(), 0, 'choosing another file clears the preview');
  await page.selectOption('form.io-form [name=encoding]', 'gbk');

  // the request: raw bytes, type from the extension, the encoding, a dry run, the CSRF token;
  // held back a moment to see the progress bar
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/api/projects/import?*', async (route) => { await held; await route.continue(); });
  const [req] = await Promise.all([
    page.waitForRequest((r) => r.url().includes('/api/projects/import')),
    page.click('button.io-check'),
  ]);
  await page.locator('.io-progress .io-bar[role=progressbar]').waitFor({ state: 'visible' });
  assert.match(await page.locator('.io-progress').textContent(), /正在上传并预检/);
  assert.equal(await page.locator('button.io-check').isDisabled(), true, 'no second upload meanwhile');
  assert.equal(await page.locator('button.io-run').isDisabled(), true);
  await shot('progress-desktop');
  release();
  const u = new URL(req.url());
  assert.equal(u.searchParams.get('type'), 'csv');
  assert.equal(u.searchParams.get('encoding'), 'gbk');
  assert.equal(u.searchParams.get('dry_run'), '1');
  assert.ok(req.headers()['x-csrf-token'], 'X-CSRF-Token sent');
  assert.equal(req.headers()['content-type'], 'text/csv');

  await page.locator('.io-result .alert-ok').waitFor();
  assert.match(await page.locator('.io-result .alert-ok').textContent(), /预检通过/);
  const stat = async (n) => page.locator(`.io-stat[data-stat=${n}] .io-stat-n`).textContent();
  assert.deepEqual([await stat('rows'), await stat('created'), await stat('updated')], ['2', '2', '0']);
  assert.match(await page.locator('.io-result .alert-warn').textContent(), /备用列/, 'the unknown column');
  assert.equal(await page.locator('.io-errors').count(), 0);
  assert.equal(await page.locator('button.io-run').isEnabled(), true, '导入 enabled after a clean dry run');
  assert.equal((await api.get(`/api/projects?q=${encodeURIComponent(code1)}`)).json.total, 0, 'a dry run keeps nothing');
  await page.unroute('**/api/projects/import?*');
  await shot('preview-desktop');

  await page.click('button.io-run');
  await page.locator('.io-result .alert-ok', { hasText: '导入完成' }).waitFor();
  assert.match(await page.locator('.io-result .alert-ok').textContent(), /新增 2 条，更新 0 条/);
  assert.equal(await page.locator('button.io-run').isDisabled(), true, 'no second import of the same run');
  await shot('done-desktop');

  const p = await api.get(`/api/projects?q=${encodeURIComponent(code1)}`);
  assert.equal(p.json.total, 1);
  assert.equal(p.json.items[0].name, name1);
  assert.equal(p.json.items[0].park_name, parkName);
  assert.equal(p.json.items[0].total_investment, 15000, '1.5 亿元 = 15000 万元');

  await page.click('.io-next a');
  await hashIs(/^#\/projects$/);
  await page.locator('.data-table tbody tr', { hasText: name1 }).waitFor();
  await page.locator('.data-table tbody tr', { hasText: name2 }).waitFor();
});

test('导出Excel: the filtered project list and the 开复工 dashboard as .xlsx', async () => {
  await page.selectOption('.list-toolbar select[name=park_id]', { label: parkName });
  await hashIs(/park_id=\d+/);
  await page.waitForFunction(() => document.querySelector('.pager-total')?.textContent === '共 2 条');
  const btn = page.locator('.page-actions a.io-export');
  const href = await btn.getAttribute('href');
  assert.match(href, /^\/api\/projects\/export\.xlsx\?park_id=\d+$/, `the filters go along: ${href}`);
  const x = await download(btn);
  assert.equal(x.bytes.subarray(0, 2).toString('latin1'), 'PK', 'a zip (xlsx)');
  assert.match(x.name, /\.xlsx$/);
  await shot('list-desktop');

  await goHash('#/kaifugong?by=level');
  await page.locator('.kfg-big').waitFor();
  const kbtn = page.locator('.page-actions a.io-export');
  assert.match(await kbtn.getAttribute('href'), /^\/api\/reports\/kaifugong\.xlsx\?as_of=\d{4}-\d{2}-\d{2}&by=level$/);
  await page.locator('.kfg-controls .seg', { hasText: '园区' }).click();
  await hashIs(/^#\/kaifugong$/);
  assert.match(await kbtn.getAttribute('href'), /&by=park$/, 'the href follows the controls');
  const k = await download(kbtn);
  assert.equal(k.bytes.subarray(0, 2).toString('latin1'), 'PK');
  await shot('kaifugong-desktop');
});

// ---------------------------------------------------------------- leads

test('线索导入 of a signed lead, then 转为重点项目 on the lead page', async () => {
  await goHash('#/leads');
  await page.locator('.list-view .pager-total').waitFor();
  assert.equal(await page.locator('.page-actions a.io-export').count(), 1);
  await page.locator('.page-actions a', { hasText: '导入' }).first().click();
  await hashIs(/^#\/invest\/import$/);
  await page.locator('.page-header h1', { hasText: '线索导入' }).waitFor();
  const headers = await page.locator('.io-headers li').allTextContents();
  for (const x of ['线索编号', '投资方', '阶段', '签约日期']) assert.ok(headers.includes(x), `header ${x}`);

  const file = csv([
    ['线索编号', '项目名称', '投资方', '计划投资(万元)', '阶段', '签约日期'],
    [leadCode, leadName, '某新材料集团', '8000', '签约', '2026-05-20'],
  ]);
  await page.setInputFiles('form.io-form input[type=file]', { name: 'leads.csv', mimeType: 'text/csv', buffer: Buffer.from('\uFEFF' + file) });
  await page.click('button.io-check');
  await page.locator('.io-result .alert-ok').waitFor();
  await page.click('button.io-run');
  await page.locator('.io-result .alert-ok', { hasText: '导入完成' }).waitFor();
  await page.click('.io-next a');
  await hashIs(/^#\/leads$/);
  const row = page.locator('.data-table tbody tr', { hasText: leadName });
  await row.waitFor();

  await page.selectOption('.list-toolbar select[name=stage]', 'signed');
  await hashIs(/stage=signed/);
  assert.match(await page.locator('.page-actions a.io-export').getAttribute('href'), /^\/api\/leads\/export\.xlsx\?.*stage=signed/);
  const ex = await download(page.locator('.page-actions a.io-export'));
  assert.equal(ex.bytes.subarray(0, 2).toString('latin1'), 'PK', 'the lead list as xlsx');
  await shot('leads-desktop');

  await row.locator('a', { hasText: leadName }).click();
  await hashIs(/^#\/leads\/\d+$/);
  const convert = page.locator('.page-actions button', { hasText: '转为重点项目' });
  await convert.waitFor();
  await convert.click();
  const dlg = page.locator('dialog.io-convert-dialog');
  await dlg.waitFor();
  await dlg.locator(`[name=park_id] option`, { hasText: parkName }).waitFor({ state: 'attached' });
  await dlg.locator('[name=park_id]').selectOption({ label: parkName });
  await dlg.locator('[name=level]').selectOption('municipal');
  await shot('convert-desktop');
  await dlg.locator('button[type=submit]').click();
  const link = page.locator('.page-actions a', { hasText: `重点项目 ${leadCode}` });
  await link.waitFor();
  assert.equal(await page.locator('.page-actions button', { hasText: '转为重点项目' }).count(), 0, 'no second conversion');
  await shot('converted-desktop');
  await link.click();
  await hashIs(/^#\/projects\/\d+$/);
  await page.locator('.page-header h1', { hasText: leadName }).waitFor();
  const id = Number((await page.evaluate(() => location.hash)).match(/(\d+)$/)[1]);
  const p = await api.get(`/api/projects/${id}`);
  assert.equal(p.json.code, leadCode);
  assert.equal(p.json.level, 'municipal');
  assert.equal(p.json.park_name, parkName);
  assert.equal(p.json.total_investment, 8000);
});

test('the import page in English', async () => {
  await page.locator('.toast').waitFor({ state: 'detached' });
  await goHash('#/invest/import');
  await page.locator('form.io-form').waitFor();
  await page.click('.topbar .lang-switch');
  try {
    await page.locator('.page-header h1', { hasText: 'Import leads' }).waitFor();
    assert.equal(await page.locator('button.io-check').textContent(), 'Check (dry run)');
    assert.equal(await page.locator('button.io-run').textContent(), 'Import');
    assert.deepEqual(await page.locator('form.io-form [name=encoding] option').allTextContents(), ['Automatic', 'UTF-8', 'GBK']);
    assert.equal(await page.locator('a.io-template').getAttribute('download'), 'lead-import-template.csv');
    await shot('en-desktop');
  } finally {
    await page.click('.topbar .lang-switch');
    await page.locator('.page-header h1', { hasText: '线索导入' }).waitFor();
  }
});

// ---------------------------------------------------------------- phones

test('phone width: the import page, its errors and the list buttons fit the screen', async () => {
  await page.locator('.toast').waitFor({ state: 'detached' });
  await page.setViewportSize(PHONE);
  try {
    await goHash('#/projects/import');
    await page.locator('form.io-form').waitFor();
    await page.waitForFunction(() => document.getElementById('sidenav').getBoundingClientRect().right <= 0);
    await noHorizontalOverflow('import page');
    await shot('page-phone', { full: true });
    const bad = csv([['项目编号', '项目名称', '项目级别', '计划开工日期'], [code1, name1, '特级', '2026-13-45']]);
    await page.setInputFiles('form.io-form input[type=file]', { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.click('button.io-check');
    await page.locator('.io-errors tbody tr').first().waitFor();
    assert.equal(await page.locator('button.io-run').isDisabled(), true);
    await noHorizontalOverflow('import errors');
    await page.locator('.io-result').scrollIntoViewIfNeeded();
    await shot('errors-phone');

    await goHash('#/projects');
    await page.locator('.data-table tbody tr', { hasText: name1 }).waitFor();
    await noHorizontalOverflow('project list');
    await shot('list-phone');
  } finally {
    await page.setViewportSize(DESKTOP);
  }
});

test('no console errors and no CSP violations', () => {
  assert.deepEqual(consoleErrors, []);
});
