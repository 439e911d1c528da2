// Browser helpers for tests/e2e: launching Debian's Chromium through playwright-core and
// logging in and out of the web app. Other suites may move to these instead of their own copies.
import { createRequire } from 'node:module';

const require = createRequire(new URL('../../web/package.json', import.meta.url));
const { chromium } = require('playwright-core');

export const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';

/** Headless Chromium with the flags the suites use (no sandbox, no network chatter). */
export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--lang=zh-CN'],
  });
}

/** Logs in through the login page and waits for the shell. */
export async function login(page, url, username, password) {
  await page.goto(url + '/#/login');
  await page.locator('#login-username').waitFor();
  await page.fill('#login-username', username);
  await page.fill('#login-password', password);
  await page.click('.login-form button[type=submit]');
  await page.locator('.topbar .user-name').waitFor();
}

/** Logs out through the header button and waits for the login page. */
export async function logout(page) {
  await page.click('.topbar .logout');
  await page.locator('#login-username').waitFor();
}
