// The browser budget of the built web app (issue 9, item 8): which files a first visit must load
// before the app can render, and their compressed size. Used by the CI size check
// (web-budget.test.ts) and by bench/lighthouse.ts.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** The most gzip-compressed initial JavaScript a first visit may download (KB = 1024 bytes). */
export const INITIAL_JS_BUDGET_GZIP_KB = 170;

export type AssetSize = { file: string; raw: number; gzip: number; brotli: number };
export type Budget = {
  /** The entry script and every chunk it imports statically (what index.html modulepreloads), in load order. */
  js: AssetSize[];
  /** The stylesheets index.html links (render-blocking). */
  css: AssetSize[];
  total: { js: Omit<AssetSize, 'file'>; css: Omit<AssetSize, 'file'> };
};

const repoRoot = path.resolve(import.meta.dirname, '..');

/** `vite build` of the web app into `outDir` (absolute; emptied first), as the README's build does. */
export function buildWeb(outDir: string): void {
  execFileSync(process.execPath, [path.join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: repoRoot,
    // Under vitest NODE_ENV is 'test', which would make Vite bundle React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

/** Raw, gzip (level 9) and brotli (quality 11) sizes of a file's bytes. */
export function sizes(file: string, bytes: Buffer): AssetSize {
  return {
    file,
    raw: bytes.length,
    gzip: zlib.gzipSync(bytes, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const sum = (xs: AssetSize[]) => ({
  raw: xs.reduce((a, x) => a + x.raw, 0),
  gzip: xs.reduce((a, x) => a + x.gzip, 0),
  brotli: xs.reduce((a, x) => a + x.brotli, 0),
});

/** Chunks a built ES module imports statically (`import … from"./x.js"`, `import"./x.js"`); dynamic `import("./x.js")` is left out. */
export function staticImports(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*)["'](\.\/[^"']+\.js)["']/g)) out.push(m[1]!);
  return out;
}

/**
 * The initial JavaScript of a built app: the module scripts and modulepreloads of index.html, and
 * (so a missing preload cannot hide a chunk) everything they import statically, transitively.
 */
export function measureInitial(distDir: string): Budget {
  const html = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]+)"`).exec(tag)?.[1];
  const roots: string[] = [];
  const css: string[] = [];
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/g)) {
    if (tag.startsWith('<script') && /type="module"/.test(tag) && attr(tag, 'src')) roots.push(attr(tag, 'src')!);
    else if (/rel="modulepreload"/.test(tag) && attr(tag, 'href')) roots.push(attr(tag, 'href')!);
    else if (/rel="stylesheet"/.test(tag) && attr(tag, 'href')) css.push(attr(tag, 'href')!);
  }
  if (roots.length === 0) throw new Error(`no module script in ${distDir}/index.html`);
  const seen = new Set<string>();
  const queue = roots.map((u) => u.replace(/^\//, ''));
  const js: AssetSize[] = [];
  while (queue.length > 0) {
    const rel = queue.shift()!;
    if (seen.has(rel)) continue;
    seen.add(rel);
    const bytes = fs.readFileSync(path.join(distDir, rel));
    js.push(sizes(rel, bytes));
    for (const imp of staticImports(bytes.toString('utf8'))) queue.push(path.posix.join(path.posix.dirname(rel), imp));
  }
  const cssSizes = css.map((u) => sizes(u.replace(/^\//, ''), fs.readFileSync(path.join(distDir, u.replace(/^\//, '')))));
  return { js, css: cssSizes, total: { js: sum(js), css: sum(cssSizes) } };
}

export const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** A few lines for the console: each initial chunk and the totals, raw / gzip / brotli in KB. */
export function describeBudget(b: Budget): string {
  const line = (s: Omit<AssetSize, 'file'>, label: string) => `${label.padEnd(52)} ${kb(s.raw).padStart(8)} ${kb(s.gzip).padStart(8)} ${kb(s.brotli).padStart(8)}`;
  return [
    `${'initial file'.padEnd(52)} ${'raw KB'.padStart(8)} ${'gzip KB'.padStart(8)} ${'br KB'.padStart(8)}`,
    ...b.js.map((s) => line(s, s.file)),
    line(b.total.js, `initial JS (${b.js.length} files), budget ${INITIAL_JS_BUDGET_GZIP_KB} KB gzip`),
    ...b.css.map((s) => line(s, s.file)),
    line(b.total.css, `render-blocking CSS (${b.css.length} files)`),
  ].join('\n');
}
