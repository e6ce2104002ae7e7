// CI size check (issue 9, item 8): the JavaScript a first visit must download before the app can
// render — index.html's entry script, its modulepreloads and everything they import statically —
// stays within 170 KB gzip. Builds the web app into a temp folder (a few seconds on a quiet machine).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb, describeBudget, INITIAL_JS_BUDGET_GZIP_KB, measureInitial, staticImports, type Budget } from './web-budget.ts';

describe('initial JavaScript budget', () => {
  let dist = '';
  let budget: Budget;

  beforeAll(() => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'koryu-web-budget-'));
    buildWeb(dist);
    budget = measureInitial(dist);
    console.log(describeBudget(budget));
  }, 300_000);

  afterAll(() => {
    if (dist) fs.rmSync(dist, { recursive: true, force: true });
  });

  it(`stays within ${INITIAL_JS_BUDGET_GZIP_KB} KB gzip`, () => {
    const gzipKb = budget.total.js.gzip / 1024;
    console.log(`initial JS: ${gzipKb.toFixed(1)} KB gzip, ${(budget.total.js.brotli / 1024).toFixed(1)} KB brotli (budget ${INITIAL_JS_BUDGET_GZIP_KB} KB gzip)`);
    expect(gzipKb).toBeLessThanOrEqual(INITIAL_JS_BUDGET_GZIP_KB);
  });

  it('counts what a first visit loads: the entry, React, the Japanese messages; not the pages behind routes nor English', () => {
    const code = budget.js.map((f) => fs.readFileSync(path.join(dist, f.file), 'utf8')).join('\n');
    expect(budget.js.length).toBeGreaterThan(1);
    expect(code).toContain('官民人事交流'); // ja.json is in the first download
    // Pages behind a route and the English messages are separate chunks, loaded on demand.
    const assets = fs.readdirSync(path.join(dist, 'assets'));
    const pattern = /^(dashboard\.page|wishes\.page|en|echarts-lazy)-[\w-]+\.js$/;
    const lazy = assets.filter((f) => pattern.test(f));
    expect(lazy.map((f) => pattern.exec(f)![1]).sort()).toEqual(['dashboard.page', 'echarts-lazy', 'en', 'wishes.page']);
    for (const f of lazy) expect(budget.js.map((j) => j.file)).not.toContain(`assets/${f}`);
  });

  it('precompresses the built text files (.br and .gz beside them) for the static server', () => {
    const big = budget.js.filter((f) => f.raw >= 1024); // smaller files are not worth a Content-Encoding
    expect(big.length).toBeGreaterThan(1);
    for (const f of big) {
      expect(fs.existsSync(path.join(dist, `${f.file}.br`)), `${f.file}.br`).toBe(true);
      expect(fs.existsSync(path.join(dist, `${f.file}.gz`)), `${f.file}.gz`).toBe(true);
    }
  });

  it('follows static imports but not dynamic ones', () => {
    expect(staticImports('import{a as b}from"./api-X1.js";import"./side-Y2.js";const c=()=>import("./lazy-Z3.js");')).toEqual(['./api-X1.js', './side-Y2.js']);
  });
});
