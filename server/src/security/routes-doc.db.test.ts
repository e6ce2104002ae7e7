// docs/routes.md is what `npm run routes -- --write` would write now.
import { readFileSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { testApp, type TestApp } from '../test/app.ts';
import { ROUTES_DOC, routesMarkdown } from './routes-doc.ts';

let t: TestApp | undefined;
afterAll(async () => t?.close());

it('docs/routes.md lists every route as the app declares it (npm run routes -- --write)', async () => {
  t = await testApp();
  const md = routesMarkdown(t.app.routeInventory);
  expect(md).not.toContain('**unclassified**');
  expect(md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| method')).length).toBe(t.app.routeInventory.length);
  expect(readFileSync(ROUTES_DOC, 'utf8')).toBe(md);
});
