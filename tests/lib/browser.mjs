// Helpers for the browser tests (tests/e2e): headless Debian Chromium through playwright-core, and the
// steps every suite takes (log in and out, click the navigation also on a phone, wait for a route,
// screenshots at desktop and phone width with a check for horizontal overflow).
//
//   const { browser, page } = await launch({ onError })   onError(text): a console error or page error
//   const ui = helpers(page, { url, prefix: 'svc', password })
//   ui.login(username) / ui.logout() / ui.navClick(label) / ui.hashIs(/re/) / ui.goHash('#/…')
//   ui.shot(name) / ui.both(name)          $ZD_SHOTS (default /tmp/zd/shots)/<prefix>-<name>[-desktop|-phone].png
//   const add = userAdder(srv, password); await add(username, name, role, ['--org', id])
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../../web/package.json', import.meta.url));
const { chromium } = require('playwright-core');

export const SHOTS = process.env.ZD_SHOTS || '/tmp/zd/shots';
export const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
export const DESKTOP = { width: 1366, height: 768 };
export const PHONE = { width: 375, height: 812 };

/** Chromium in Chinese at desktop size; onError({text, url}) for console errors and page errors. */
export async function launch({ onError } = {}) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    env: { ...process.env, LANG: 'zh_CN.UTF-8', LANGUAGE: 'zh_CN:zh' },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--lang=zh-CN'],
  });
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  page.setDefaultTimeout(10000);
  page.on('console', (msg) => {
    if (msg.type() === 'error' && onError) onError({ text: msg.text(), url: (msg.location() && msg.location().url) || '' });
  });
  page.on('pageerror', (err) => onError && onError({ text: `pageerror: ${err.message}`, url: '' }));
  return { browser, context, page };
}

export function helpers(page, { url, prefix, password }) {
  async function shot(name, { full = true } = {}) {
    fs.mkdirSync(SHOTS, { recursive: true });
    if (full) await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(SHOTS, `${prefix}-${name}.png`), fullPage: full });
  }
  async function both(name) {
    await shot(`${name}-desktop`);
    await page.setViewportSize(PHONE);
    await page.waitForTimeout(200);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${name}: no horizontal overflow on a phone (${overflow}px)`);
    await shot(`${name}-phone`);
    await page.setViewportSize(DESKTOP);
    await page.waitForTimeout(100);
  }
  const hashIs = (re) => page.waitForFunction((src) => new RegExp(src).test(location.hash), re.source);
  const goHash = (hash) => page.evaluate((h) => { location.hash = h; }, hash);
  async function navClick(label) {
    const toggle = page.locator('.menu-toggle');
    if (await toggle.isVisible()) {
      if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    }
    await page.locator('#sidenav a.nav-link', { hasText: label }).first().click();
  }
  async function login(username) {
    await page.goto(url + '/#/login');
    await page.locator('#login-username').waitFor();
    await page.fill('#login-username', username);
    await page.fill('#login-password', password);
    await page.click('.login-form button[type=submit]');
    await page.locator('.topbar .user-name').waitFor();
  }
  async function logout() {
    await page.click('.topbar .logout');
    await page.locator('#login-username').waitFor();
  }
  return { shot, both, hashIs, goHash, navClick, login, logout };
}

/** add(username, name, role, extra?) through the CLI with the suite's password; asserts exit 0. */
export function userAdder(srv, password) {
  return async (username, name, role, extra = []) => {
    const r = await srv.cli(['user', 'add', '--zone', 'za', '--username', username, '--name', name,
      '--role', role, '--password-stdin', ...extra], { stdin: password + '\n' });
    assert.equal(r.code, 0, `user add ${username}: ${r.stderr}`);
  };
}
