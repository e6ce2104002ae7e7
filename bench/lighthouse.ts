// Browser budget (issue 9, item 8): Lighthouse on the public top page, the public search page
// (交流希望情報の検索, /wishes) and a logged-in dashboard, under Lighthouse's default (mobile,
// simulated Slow 4G + 4x CPU) and its desktop preset; plus the initial JavaScript of the build.
//
//   npm run bench:lighthouse [-- --runs 3 --presets mobile,desktop --pages top,search,dashboard
//                             --dist DIR (reuse a build) --port 3870 --out DIR]
//
// Builds the web app into a temp folder, starts koryu with demo data on a temp PGlite folder,
// runs each page `--runs` times per preset in a fresh Chromium (Debian's, /usr/bin/chromium) and
// prints the medians. The JSON and HTML reports are kept in the printed folder.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, type Config, type Flags } from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { buildWeb, describeBudget, INITIAL_JS_BUDGET_GZIP_KB, kb, measureInitial } from './web-budget.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    presets: { type: 'string', default: 'mobile,desktop' },
    pages: { type: 'string', default: 'top,search,dashboard' },
    dist: { type: 'string' },
    port: { type: 'string', default: String(3870 + Math.floor(Math.random() * 20)) },
    out: { type: 'string' },
    chrome: { type: 'string', default: '/usr/bin/chromium' },
    // Diagnosis: what the web font costs (Lighthouse blocks the woff2 requests; the text stays in the system font).
    'block-fonts': { type: 'boolean', default: false },
  },
});

const DEMO_PASSWORD = 'koryu-demo-2026';
const DASHBOARD_ACCOUNT = 'npa@demo.koryu.jp';
const PAGES: Record<string, { path: string; login: boolean; label: string }> = {
  top: { path: '/', login: false, label: 'top page /' },
  search: { path: '/wishes', login: false, label: 'search /wishes (交流希望情報)' },
  dashboard: { path: '/dashboard', login: true, label: `dashboard /dashboard (${DASHBOARD_ACCOUNT})` },
};
// Without these, Debian's Chromium stalls on a machine without network (component updates, sync …).
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const runs = Number(values.runs);
const presets = values.presets!.split(',').filter(Boolean) as Array<'mobile' | 'desktop'>;
const pages = values.pages!.split(',').filter(Boolean);
for (const p of pages) if (!PAGES[p]) throw new Error(`unknown page ${p} (top, search, dashboard)`);
const outDir = values.out ?? fs.mkdtempSync(path.join(os.tmpdir(), 'koryu-lighthouse-'));
fs.mkdirSync(outDir, { recursive: true });

function startDemo(distDir: string, dataDir: string, port: number): Promise<ChildProcess> {
  const proc = spawn(process.execPath, ['bin/koryu.js', 'start', '--demo'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', KORYU_WEB_DIST: distDir, KORYU_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`koryu did not start:\n${out}`)), 600_000);
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('koryu is running at')) {
        clearTimeout(timer);
        resolve(proc);
      }
    });
    proc.once('exit', (code) => reject(new Error(`koryu exited with ${code}:\n${out}`)));
  });
}

/**
 * A returning signed-in user: logs in inside this Chromium (the session cookie and what the app keeps
 * in localStorage after a visit), opens the page once, then empties the HTTP cache so the measured
 * load is still a cold one. Lighthouse then runs with disableStorageReset (it would clear both).
 */
async function signIn(port: number, base: string, pagePath: string): Promise<void> {
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${port}` });
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/login`, { waitUntil: 'load' });
    const status = await page.evaluate(
      async (email, password) => (await fetch('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) })).status,
      DASHBOARD_ACCOUNT,
      DEMO_PASSWORD,
    );
    if (status !== 200) throw new Error(`login failed: ${status}`);
    await page.goto(`${base}${pagePath}`, { waitUntil: 'networkidle0' });
    const cdp = await page.createCDPSession();
    await cdp.send('Network.clearBrowserCache');
    await page.close();
  } finally {
    await browser.disconnect();
  }
}

type Run = {
  performance: number;
  accessibility: number;
  bestPractices: number;
  lcp: number;
  fcp: number;
  tbt: number;
  cls: number;
  si: number;
  jsTransfer: number;
  totalTransfer: number;
  requests: number;
  /** Lighthouse's CPU benchmark of this machine during the run (higher: faster; busy machine: lower). */
  benchmarkIndex: number;
  /** LCP as it happened in this Chromium on this machine, unthrottled (simulated throttling computes the LCP above from it). */
  observedLcp: number;
  finalUrl: string;
  a11yFailures: string[];
};

async function runOnce(base: string, pagePath: string, preset: 'mobile' | 'desktop', login: boolean, name: string): Promise<Run> {
  const chrome = await chromeLauncher.launch({ chromePath: values.chrome, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  try {
    if (login) await signIn(chrome.port, base, pagePath);
    const url = `${base}${pagePath}`;
    const flags: Flags = {
      port: chrome.port,
      output: ['json', 'html'],
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
      ...(login ? { disableStorageReset: true } : {}),
      ...(values['block-fonts'] ? { blockedUrlPatterns: ['*.woff2', '*.woff'] } : {}),
    };
    const config: Config | undefined = preset === 'desktop' ? desktopConfig : undefined;
    const result = await lighthouse(url, flags, config);
    if (!result) throw new Error('lighthouse returned nothing');
    const [json, html] = result.report as string[];
    fs.writeFileSync(path.join(outDir, `${name}.json`), json!);
    fs.writeFileSync(path.join(outDir, `${name}.html`), html!);
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const num = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
    const score = (id: string) => Math.round((lhr.categories[id]?.score ?? NaN) * 100);
    const items = ((lhr.audits['network-requests']?.details as { items?: Array<{ resourceType?: string; transferSize?: number }> } | undefined)?.items ?? []);
    const a11yFailures = (lhr.categories.accessibility?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score !== null && (lhr.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => ref.id);
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      lcp: num('largest-contentful-paint'),
      fcp: num('first-contentful-paint'),
      tbt: num('total-blocking-time'),
      cls: num('cumulative-layout-shift'),
      si: num('speed-index'),
      jsTransfer: items.filter((i) => i.resourceType === 'Script').reduce((a, i) => a + (i.transferSize ?? 0), 0),
      totalTransfer: items.reduce((a, i) => a + (i.transferSize ?? 0), 0),
      requests: items.length,
      benchmarkIndex: lhr.environment.benchmarkIndex,
      observedLcp: (lhr.audits.metrics?.details as { items?: Array<{ observedLargestContentfulPaint?: number }> } | undefined)?.items?.[0]?.observedLargestContentfulPaint ?? NaN,
      finalUrl: lhr.finalDisplayedUrl,
      a11yFailures,
    };
  } finally {
    chrome.kill();
  }
}

const chromeVersion = () => execFileSync(values.chrome!, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function main() {
  let distDir = values.dist ? path.resolve(values.dist) : '';
  if (!distDir) {
    distDir = path.join(outDir, 'dist');
    const t0 = performance.now();
    buildWeb(distDir);
    console.log(`built the web app into ${distDir} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const budget = measureInitial(distDir);
  console.log(describeBudget(budget));

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'koryu-lighthouse-data-'));
  const port = Number(values.port);
  const base = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  const server = await startDemo(distDir, dataDir, port);
  console.log(`koryu --demo ready at ${base} in ${((performance.now() - t0) / 1000).toFixed(1)} s (PGlite in ${dataDir})`);
  const rows: string[] = [];
  const a11y = new Map<string, Set<string>>();
  try {
    for (const preset of presets) {
      for (const page of pages) {
        const spec = PAGES[page]!;
        const results: Run[] = [];
        for (let i = 1; i <= runs; i++) {
          // A fresh Chromium per run; the signed-in page logs in again in it.
          let r: Run | null = null;
          // On a busy machine Chromium's trace now and then misses the navigation (NO_NAVSTART): retry that run.
          for (let attempt = 1; !r; attempt++) {
            try {
              r = await runOnce(base, spec.path, preset, spec.login, `${preset}-${page}-${i}`);
            } catch (e) {
              if (attempt >= 3) throw e;
              console.log(`  ${preset} ${page} run ${i}: ${(e as Error).message.split('\n')[0]} — retrying`);
            }
          }
          if (spec.login && !new URL(r.finalUrl).pathname.startsWith(spec.path)) throw new Error(`${page}: landed on ${r.finalUrl}, not ${spec.path} (not logged in?)`);
          results.push(r);
          console.log(
            `  ${preset} ${page} run ${i}: perf ${r.performance} a11y ${r.accessibility} bp ${r.bestPractices} LCP ${Math.round(r.lcp)} ms FCP ${Math.round(r.fcp)} ms TBT ${Math.round(r.tbt)} ms CLS ${r.cls.toFixed(3)} JS ${kb(r.jsTransfer)} KB, observed LCP ${Math.round(r.observedLcp)} ms (CPU benchmark ${Math.round(r.benchmarkIndex)})`,
          );
          for (const f of r.a11yFailures) (a11y.get(page) ?? a11y.set(page, new Set()).get(page)!).add(f);
        }
        const m = (k: keyof Run) => median(results.map((r) => r[k] as number));
        rows.push(
          `| ${preset} | ${spec.label} | ${m('performance')} | ${m('accessibility')} | ${m('bestPractices')} | ${Math.round(m('lcp'))} | ${Math.round(m('fcp'))} | ${Math.round(m('tbt'))} | ${m('cls').toFixed(3)} | ${Math.round(m('si'))} | ${kb(m('jsTransfer'))} | ${kb(m('totalTransfer'))} | ${Math.round(m('observedLcp'))} | ${Math.round(m('benchmarkIndex'))} |`,
        );
      }
    }
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  const lhVersion = (JSON.parse(fs.readFileSync(createRequire(import.meta.url).resolve('lighthouse/package.json'), 'utf8')) as { version: string }).version;
  console.log(`\nLighthouse ${lhVersion}, Chromium ${chromeVersion()}, ${runs} runs each, medians:`);
  console.log('| preset | page | performance | accessibility | best practices | LCP ms | FCP ms | TBT ms | CLS | Speed Index ms | JS transferred KB | all transferred KB | observed LCP ms | CPU benchmark |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) console.log(r);
  for (const [page, ids] of a11y) console.log(`accessibility audits failing on ${page} (any run): ${[...ids].join(', ')}`);
  console.log(
    `\ninitial JS: ${kb(budget.total.js.gzip)} KB gzip, ${kb(budget.total.js.brotli)} KB brotli, ${kb(budget.total.js.raw)} KB raw (${budget.js.length} files; budget ${INITIAL_JS_BUDGET_GZIP_KB} KB gzip)`,
  );
  console.log(`reports (JSON + HTML): ${outDir}`);
}

await main();
