// End-to-end test of the investment (招商引资) pages: a real zonedesk server, driven through headless Chromium.
//
//   ZONEDESK_BIN=/work/main/build/zonedesk node --test tests/e2e/leads.test.mjs
//
// As an investment officer: the 招商引资 navigation, a lead added through the form (landing on its page with the
// score), a 视频 contact logged on the lead page, the board: a card moved with the keyboard (→ and the M menu,
// with the reason asked for 终止) and by drag and drop, the 后备库 ranked by score, a signing event created through
// the form, the lead signed at the event on the event page (the total in 亿元 changes), the dashboard with the
// funnel chart and the event total, 我的待办, the phone layout, and no console errors (CSP violations are console
// errors) or page errors. Screenshots go to $ZD_SHOTS (default /tmp/zd/shots) as leads-*.png at 1366×768 and 375×812.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { helpers, CHROMIUM, DESKTOP, PHONE } from '../lib/browser.mjs';
import { startServer, loginAs } from '../lib/server.mjs';

const require = createRequire(new URL('../../web/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const PASSWORD = 'secret-pass-1';

let srv;
let browser;
let context;
let page;
let api; // the officer's API client, for the leads the board test moves
const consoleErrors = [];
const run = Date.now().toString(36).slice(-5);

// The first /api/me before login answers 401; Chromium logs it as "Failed to load resource".
const EXPECTED_STATUS = /Failed to load resource: the server responded with a status of 401\b/;

/** Today in China (UTC+8): the server's "today". */
const today = () => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);

// shot, hashIs, navClick: tests/lib/browser.mjs on this suite's page
const { shot, hashIs, navClick } = helpers(() => page, { url: () => srv.url, prefix: 'leads', password: PASSWORD, full: false });

async function go(hash) {
  await page.evaluate((h) => { location.hash = h; }, hash);
}

before(async () => {
  srv = await startServer();
  await srv.addUser('za', 'e2e_invest', 'investment_officer', PASSWORD);
  api = await loginAs(srv.url, 'e2e_invest', PASSWORD);
  const office = await api.post('/api/liaison-offices', { name: `驻上海招商联络处${run}`, city: '上海' });
  assert.equal(office.status, 201, office.text);

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run'],
  });
  context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
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

const code = `E2E${run}-1`;
const name = `e2e新能源电池${run}`;
let leadId;

test('officer signs in and sees the 招商引资 navigation', async () => {
  await page.goto(srv.url + '/');
  await page.fill('#login-username', 'e2e_invest');
  await page.fill('#login-password', PASSWORD);
  await page.click('.login-form button[type=submit]');
  await page.locator('.topbar .user-name').waitFor();
  assert.equal(await page.locator('.topbar .role-badge').textContent(), '招商专员');
  const titles = await page.locator('#sidenav .nav-group-title').allTextContents();
  assert.ok(titles.includes('招商引资'), `group 招商引资: ${titles.join(',')}`);
  const nav = await page.locator('#sidenav a.nav-link').allTextContents();
  for (const label of ['项目库', '后备库', '看板', '我的待办', '签约活动', '招商亮点', '招商分析', '驻外招商机构', '来源地区']) {
    assert.ok(nav.includes(label), `navigation has ${label}: ${nav.join(',')}`);
  }
  assert.ok(!nav.includes('招商设置'), 'investment settings are for administrators');
});

test('add a lead through the form', async () => {
  await navClick('项目库');
  await hashIs(/^#\/leads/);
  await page.locator('.list-view .pager-total').waitFor();
  await page.click('.page-actions a.btn-primary'); // 新建招商项目
  await hashIs(/^#\/leads\/new$/);
  const f = 'form.inv-lead-form';
  await page.locator(`${f} .inv-form-section`, { hasText: '基本信息' }).waitFor();
  assert.equal(await page.locator(`${f} [name=officer_id]`).count(), 0, 'an officer does not choose the officer');
  await page.fill(`${f} [name=code]`, code);
  await page.fill(`${f} [name=project_name]`, name);
  await page.fill(`${f} [name=investor_name]`, '苏州某新能源集团');
  await page.waitForFunction(() => document.querySelectorAll('form.inv-lead-form [name=chain_id] option').length > 1);
  await page.selectOption(`${f} [name=chain_id]`, { index: 1 });
  await page.selectOption(`${f} [name=region_id]`, { label: '长三角' });
  await page.selectOption(`${f} [name=office_id]`, { index: 1 });
  assert.equal(await page.inputValue(`${f} [name=stage]`), 'clue');
  assert.equal(await page.inputValue(`${f} [name=stage_date]`), today());
  await page.fill(`${f} [name=planned_investment]`, '613000'); // 61.3 亿元
  await page.fill(`${f} [name=expected_output]`, '800000');
  await page.fill(`${f} [name=expected_tax]`, '6000');
  await page.fill(`${f} [name=land_mu]`, '200');
  await page.fill(`${f} [name=energy_tce]`, '20000');
  await page.fill(`${f} [name=patents]`, '5');
  await page.selectOption(`${f} [name=srdi_level]`, 'provincial');
  await page.check(`${f} [name=high_tech]`);
  await shot('new-desktop');
  await page.click(`${f} button[type=submit]`);
  await hashIs(/^#\/leads\/\d+$/);
  leadId = Number((await page.evaluate(() => location.hash)).split('/')[2]);
  await page.locator('.page-header h1', { hasText: name }).waitFor();
  // stage progress: 线索 is current; the score card has its four parts
  await page.locator('.inv-step-current[data-stage=clue]').waitFor();
  assert.equal(await page.locator('.inv-score-parts li').count(), 4);
  const score = Number(await page.locator('.inv-score-big').getAttribute('data-score'));
  assert.ok(score > 50 && score <= 100, `score ${score}`);
  assert.match(await page.locator('.detail-list').first().textContent(), /613,000 万元/);
});

test('log a 视频 contact on the lead page', async () => {
  const f = 'form.inv-contact-form';
  await page.selectOption(`${f} [name=channel]`, 'video');
  assert.equal(await page.inputValue(`${f} [name=date]`), today());
  await page.fill(`${f} [name=participants]`, '张专员、投资方董事长');
  await page.fill(`${f} [name=summary]`, '视频洽谈厂房需求与供地时间');
  await page.fill(`${f} [name=next_step]`, '报送项目可研');
  await page.fill(`${f} [name=next_date]`, today());
  await page.click(`${f} button[type=submit]`);
  const item = page.locator('.inv-contacts .inv-contact').first();
  await item.locator('.inv-contact-summary', { hasText: '视频洽谈厂房需求与供地时间' }).waitFor();
  assert.equal((await item.locator('.inv-channel').textContent()).trim(), '视频');
  await page.locator('.detail-list dd', { hasText: '（共 1 次）' }).waitFor(); // last contact refreshed
  await page.locator('.history .history-item', { hasText: '洽谈记录' }).first().waitFor();
  await shot('detail-desktop');
  await shot('detail-full-desktop', { full: true });
});

test('my to-dos list the next step', async () => {
  await navClick('我的待办');
  await hashIs(/^#\/invest\/todo/);
  await page.locator('.inv-todo-table tbody tr', { hasText: name }).waitFor();
  assert.match(await page.locator('.inv-todo-table tbody tr', { hasText: name }).textContent(), /报送项目可研/);
});

test('board: move a card with the keyboard (→), then via the M menu to 终止 with a reason', async () => {
  const other = await api.post('/api/leads', { code: `E2E${run}-2`, project_name: `e2e备选项目${run}`, planned_investment: 5000 });
  assert.equal(other.status, 201, other.text);
  await navClick('看板');
  await hashIs(/^#\/invest\/board/);
  const card = page.locator(`.inv-col[data-stage=clue] .inv-card[data-id="${leadId}"]`);
  await card.waitFor();
  assert.equal(await page.locator('.inv-col').count(), 7, 'one column per stage');
  await shot('board-desktop');

  // → on the focused card: the dialog asks for the date (today) with 洽谈 chosen; Enter confirms
  await card.focus();
  await page.keyboard.press('ArrowRight');
  const dlg = page.locator('dialog.inv-move-dialog');
  await dlg.waitFor();
  assert.equal(await dlg.locator('[name=stage]').inputValue(), 'negotiating');
  assert.equal(await dlg.locator('[name=date]').inputValue(), today());
  assert.ok(await dlg.locator('[data-field=reason]').isHidden(), 'no reason for a forward move');
  await shot('move-dialog-desktop');
  await page.keyboard.press('Enter');
  const moved = page.locator(`.inv-col[data-stage=negotiating] .inv-card[data-id="${leadId}"]`);
  await moved.waitFor();
  await page.waitForFunction((id) => document.activeElement && document.activeElement.dataset.id === String(id), leadId);

  // M opens the 移动到… menu; End picks 终止, which needs a reason
  const card2 = page.locator(`.inv-card[data-id="${other.json.id}"]`);
  await card2.focus();
  await page.keyboard.press('m');
  await page.locator('.inv-menu [role=menuitem]').first().waitFor();
  await page.keyboard.press('End');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.stage), 'terminated');
  await page.keyboard.press('Enter');
  await dlg.waitFor();
  assert.equal(await dlg.locator('[name=stage]').inputValue(), 'terminated');
  assert.ok(await dlg.locator('[data-field=reason]').isVisible(), 'reason asked for 终止');
  await dlg.locator('button[type=submit]').click();
  await dlg.locator('[data-error-for=reason]', { hasText: '原因' }).waitFor();
  await dlg.locator('[name=reason]').fill('投资方战略调整，项目取消');
  await dlg.locator('button[type=submit]').click();
  await page.locator(`.inv-col[data-stage=terminated] .inv-card[data-id="${other.json.id}"]`).waitFor();
  const leadNow = await api.get(`/api/leads/${other.json.id}/stages`);
  assert.equal(leadNow.json.items.at(-1).reason, '投资方战略调整，项目取消');
});

test('board: drag and drop a card onto a column', async () => {
  const third = await api.post('/api/leads', { code: `E2E${run}-3`, project_name: `e2e拖放项目${run}`, planned_investment: 8000 });
  assert.equal(third.status, 201, third.text);
  await page.reload();
  const card = page.locator(`.inv-col[data-stage=clue] .inv-card[data-id="${third.json.id}"]`);
  await card.waitFor();
  await card.dragTo(page.locator('.inv-col[data-stage=negotiating]'));
  const dlg = page.locator('dialog.inv-move-dialog');
  await dlg.waitFor();
  assert.equal(await dlg.locator('[name=stage]').inputValue(), 'negotiating');
  await dlg.locator('button[type=submit]').click();
  await page.locator(`.inv-col[data-stage=negotiating] .inv-card[data-id="${third.json.id}"]`).waitFor();
});

test('后备库 ranks the pool by score with the four parts', async () => {
  await navClick('后备库');
  await hashIs(/^#\/invest\/pool/);
  const row = page.locator('.inv-pool-list tbody tr', { hasText: name });
  await row.waitFor();
  assert.equal(await page.locator('.inv-pool-list th[aria-sort=descending] button[data-sort=score]').count(), 1);
  assert.equal(await row.locator('.inv-score-cell').count(), 4);
  const scores = await page.locator('.inv-pool-list td.inv-total-col').allTextContents();
  const nums = scores.map(Number);
  assert.deepEqual(nums, [...nums].sort((a, b) => b - a), `ranked by score: ${scores}`);
  assert.equal(await page.locator('.inv-pool-list tbody tr', { hasText: `e2e备选项目${run}` }).count(), 0, 'terminated leads are not in the pool');
  await shot('pool-desktop');
});

const eventTitle = `e2e重点项目云签约${run}`;

test('create a signing event, sign the lead there, see the total change', async () => {
  await navClick('签约活动');
  await hashIs(/^#\/invest\/events/);
  await page.locator('.list-view .pager-total').waitFor();
  await page.click('.page-actions a.btn-primary'); // 新建活动
  await hashIs(/^#\/invest\/events\/new$/);
  await page.fill('form.form [name=title]', eventTitle);
  assert.equal(await page.inputValue('form.form [name=date]'), today());
  assert.equal(await page.inputValue('form.form [name=kind]'), 'signing');
  await page.selectOption('form.form [name=mode]', 'online');
  await page.fill('form.form [name=location]', '线上');
  await page.click('form.form button[type=submit]');
  await hashIs(/^#\/invest\/events\/\d+$/);
  await page.locator('.page-header h1', { hasText: eventTitle }).waitFor();
  const total = page.locator('.inv-event-total');
  await total.waitFor();
  assert.equal((await total.textContent()).trim(), '0个项目，总投资0.0亿元');

  // choose the lead among the pool and sign
  const pick = page.locator('.inv-pick', { hasText: name });
  await pick.waitFor();
  assert.ok(await page.locator('.inv-sign-submit').isDisabled(), 'nothing chosen yet');
  await pick.locator('input[type=checkbox]').check();
  await page.locator('.inv-pick-sum', { hasText: '已选 1 个项目，计划投资合计 61.3 亿元' }).waitFor();
  await shot('event-sign-desktop');
  await page.click('.inv-sign-submit');
  await page.waitForFunction(() => document.querySelector('.inv-event-total')?.textContent.trim() === '1个项目，总投资61.3亿元');
  await page.locator('.inv-event-leads tbody tr', { hasText: name }).waitFor();
  assert.match(await page.locator('.inv-event-leads tbody tr', { hasText: name }).textContent(), /签约/);
  assert.match(await page.locator('.inv-bychain tbody').textContent(), /61\.3/);
  // the lead is signed on the event's date, with the event on its timeline
  await page.click(`.inv-event-leads a:text("${name}")`);
  await hashIs(/^#\/leads\/\d+$/);
  await page.locator('.inv-step-current[data-stage=signed]').waitFor();
  await page.locator('.inv-tl-item[data-stage=signed] .inv-tl-event', { hasText: eventTitle }).waitFor();
  await go('#/invest/events');
  await page.locator('.data-table td a', { hasText: eventTitle }).click();
  await page.locator('.inv-event-total', { hasText: '61.3' }).waitFor();
  await shot('event-desktop');
  await shot('event-full-desktop', { full: true });
});

test('dashboard: funnel chart, monthly bars, the event total', async () => {
  await navClick('招商分析');
  await hashIs(/^#\/invest\/report/);
  await page.locator('.inv-chart-funnel svg').waitFor();
  await page.locator('.inv-chart-monthly svg').waitFor();
  // the funnel has the period's entries: our lead entered 线索, 洽谈 and 签约
  const funnel = await page.locator('.inv-funnel-table tbody tr[data-stage=signed] td').allTextContents();
  assert.ok(Number(funnel[1]) >= 1, `signed entered: ${funnel}`);
  const ev = page.locator('.inv-events-table tbody tr', { hasText: eventTitle });
  await ev.waitFor();
  assert.match(await ev.textContent(), /61\.3/);
  assert.match(await page.locator('.inv-stat').first().textContent(), /61\.3 亿元/);
  await page.waitForTimeout(300); // chart animation
  await shot('report-desktop');
  await shot('report-full-desktop', { full: true });
  // the stalled count links to the stalled list
  await page.click('a.inv-stat-link');
  await hashIs(/^#\/leads\?.*stalled=1/);
  await page.locator('.list-view .pager-total').waitFor();
  assert.equal(await page.inputValue('.list-toolbar select[name=stalled]'), '1');
});

test('the cohort page follows this year\'s signed leads, each linked to its lead', async () => {
  await navClick('签约项目跟踪');
  await hashIs(/^#\/invest\/cohort/);
  const head = page.locator('.cohort-signed');
  await head.waitFor();
  const y = today().slice(0, 4);
  const r = await api.get(`/api/reports/cohort?from=${y}-01-01&to=${today()}`);
  assert.equal(r.status, 200, r.text);
  assert.equal(Number(await head.getAttribute('data-n')), r.json.signed);
  assert.ok(r.json.signed >= 1, 'the lead signed at the event is in the cohort');
  assert.equal(await page.locator('.cohort-stages tbody tr').count(), r.json.stages.length);
  const row = page.locator('.cohort-leads tbody tr', { hasText: name });
  await row.waitFor();
  await shot('cohort-desktop');
  await row.locator('a').first().click();
  await hashIs(/^#\/leads\/\d+$/);
});

test('lead list: filters, sort by score, stage badges', async () => {
  await go('#/leads');
  await page.locator('.data-table td a', { hasText: name }).waitFor();
  await page.click('.data-table th button[data-sort=score]');
  await hashIs(/[?&]sort=score/);
  await page.selectOption('.list-toolbar select[name=stage]', 'signed');
  await page.waitForFunction(() => document.querySelector('.pager-total')?.textContent === '共 1 条');
  assert.match(await page.locator('.data-table tbody tr').first().textContent(), new RegExp(name));
  assert.equal((await page.locator('.data-table tbody tr .inv-stage').first().textContent()).trim(), '签约');
  await page.click('.list-toolbar button[type=button]'); // 重置
  await page.waitForFunction(() => !/stage=/.test(location.hash));
  await page.locator('.data-table td a', { hasText: name }).waitFor();
  await shot('list-desktop');
});

test('phone width: list, board, lead, event and dashboard fit', async () => {
  await page.setViewportSize(PHONE);
  try {
    const pages = [
      ['#/leads', '.data-table td a', 'list-phone'],
      ['#/invest/board', '.inv-card', 'board-phone'],
      [`#/leads/${leadId}`, '.inv-score-card', 'detail-phone'],
      ['#/invest/events', '.data-table td a', null],
      ['#/invest/report', '.inv-chart-funnel svg', 'report-phone'],
    ];
    for (const [hash, sel, name2] of pages) {
      await go(hash);
      await page.locator(sel).first().waitFor();
      await page.waitForFunction(() => document.getElementById('sidenav').getBoundingClientRect().right <= 0);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `no horizontal overflow on ${hash} (${overflow}px)`);
      if (name2) await shot(name2);
    }
    await page.locator('.data-table td a', { hasText: eventTitle }).click();
    await page.locator('.inv-event-total', { hasText: '61.3' }).waitFor();
    await shot('event-phone');
  } finally {
    await page.setViewportSize(DESKTOP);
  }
});

test('no console errors and no CSP violations', () => {
  assert.deepEqual(consoleErrors, []);
});
