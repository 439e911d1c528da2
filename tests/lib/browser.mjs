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

/**
 * Chromium in Chinese at desktop size; onError({text, url}) for console errors and page errors;
 * contextOptions add to the browser context's (e.g. acceptDownloads).
 */
export async function launch({ onError, contextOptions = {} } = {}) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    env: { ...process.env, LANG: 'zh_CN.UTF-8', LANGUAGE: 'zh_CN:zh' },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--lang=zh-CN'],
  });
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...contextOptions });
  const page = await context.newPage();
  page.setDefaultTimeout(10000);
  page.on('console', (msg) => {
    if (msg.type() === 'error' && onError) onError({ text: msg.text(), url: (msg.location() && msg.location().url) || '' });
  });
  page.on('pageerror', (err) => onError && onError({ text: `pageerror: ${err.message}`, url: '' }));
  return { browser, context, page };
}

/**
 * The steps on one page. page and url may be functions, for suites that open the page and the
 * server in before(); full is shot()'s default; an empty prefix names shots by name alone.
 */
export function helpers(page, { url, prefix, password, full: fullDefault = true }) {
  const pg = () => (typeof page === 'function' ? page() : page);
  const base = () => (typeof url === 'function' ? url() : url);
  async function shot(name, { full = fullDefault } = {}) {
    fs.mkdirSync(SHOTS, { recursive: true });
    if (full) await pg().evaluate(() => window.scrollTo(0, 0));
    await pg().screenshot({ path: path.join(SHOTS, `${prefix ? `${prefix}-` : ''}${name}.png`), fullPage: full });
  }
  async function both(name) {
    await shot(`${name}-desktop`);
    await pg().setViewportSize(PHONE);
    await pg().waitForTimeout(200);
    const overflow = await pg().evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${name}: no horizontal overflow on a phone (${overflow}px)`);
    await shot(`${name}-phone`);
    await pg().setViewportSize(DESKTOP);
    await pg().waitForTimeout(100);
  }
  const hashIs = (re) => pg().waitForFunction((src) => new RegExp(src).test(location.hash), re.source);
  const goHash = (hash) => pg().evaluate((h) => { location.hash = h; }, hash);
  async function navClick(label) {
    const toggle = pg().locator('.menu-toggle');
    if (await toggle.isVisible()) {
      if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    }
    await pg().locator('#sidenav a.nav-link', { hasText: label }).first().click();
  }
  async function login(username) {
    await pg().goto(base() + '/#/login');
    await pg().locator('#login-username').waitFor();
    await pg().fill('#login-username', username);
    await pg().fill('#login-password', password);
    await pg().click('.login-form button[type=submit]');
    await pg().locator('.topbar .user-name').waitFor();
  }
  async function logout() {
    await pg().click('.topbar .logout');
    await pg().locator('#login-username').waitFor();
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
