import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const ctx = await browser.newContext({ baseURL: 'http://127.0.0.1:3913', locale: 'ja-JP', viewport: { width: 1280, height: 1000 } });
const page = await ctx.newPage();
await page.goto('/login');
await page.evaluate(() => window.localStorage.setItem('koryu.locale', 'ja'));
await page.locator('input[type=email]').fill('meti-hr@demo.koryu.jp');
await page.locator('input[type=password]').fill('koryu-demo-2026');
await page.getByTestId('login-submit').click();
await page.getByTestId('dashboard').waitFor();
await page.goto('/matching/1');
const editor = page.locator('[data-testid^=ranking-editor-]').first();
await page.waitForTimeout(4000); await page.screenshot({ path: '/tmp/h3/shots/debug.png' }); await editor.waitFor();
for (let i = 0; i < 3; i++) {
  const select = editor.locator('select');
  const options = await select.locator('option').allTextContents();
  await select.selectOption({ index: 1 });
  await editor.getByRole('button', { name: '末尾に加える' }).click();
  console.log('added', options[1]);
}
console.log('add disabled when full:', await editor.locator('select').isDisabled());
await editor.getByRole('button', { name: /一つ上へ/ }).nth(1).click();
await editor.getByRole('button', { name: '希望順位を保存' }).click();
await editor.getByRole('status').waitFor();
await editor.screenshot({ path: '/tmp/h3/shots/rank-saved.png' });
const saved = await page.evaluate(async () => (await fetch('/api/matching/my-rounds/1')).json());
console.log(JSON.stringify(saved.mySheets.map((s: { reference: string; ranking: { reference: string }[] }) => [s.reference, s.ranking.map((r) => r.reference)])));
await browser.close();
