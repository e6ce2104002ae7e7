import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:3913';
const out = '/tmp/h3/shots';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
async function as(email: string, lang: 'ja' | 'en' = 'ja') {
  const ctx = await browser.newContext({ baseURL: base, locale: 'ja-JP', viewport: { width: 1280, height: 1000 } });
  const page = await ctx.newPage();
  await page.goto('/login');
  await page.evaluate((l) => window.localStorage.setItem('koryu.locale', l), lang);
  await page.reload();
  await page.locator('input[type=email]').fill(email);
  await page.locator('input[type=password]').fill('koryu-demo-2026');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('dashboard').waitFor();
  return page;
}
const [email, lang, path, ...parts] = process.argv.slice(2);
const page = await as(email!, lang as 'ja' | 'en');
await page.goto(path!);
await page.waitForLoadState('networkidle');
await page.evaluate(() => document.fonts.ready);
for (const part of parts) {
  const i = part.indexOf('='); const name = part.slice(0, i); const selector = part.slice(i + 1);
  const loc = page.locator(selector!).first();
  await loc.scrollIntoViewIfNeeded();
  await loc.screenshot({ path: `${out}/${name}.png` });
  console.log('shot', name);
}
await browser.close();
