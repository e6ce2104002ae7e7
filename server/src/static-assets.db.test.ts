// The built web app as koryu serves it (issue 9, item 8): the precompressed copy the browser accepts,
// hashed assets cached for a year, index.html revalidated.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from './test/app.ts';

let t: TestApp;
let web: string;
const code = `export const answer = ${JSON.stringify('官民人事交流 '.repeat(400))};\n`;

beforeAll(async () => {
  web = fs.mkdtempSync(path.join(os.tmpdir(), 'koryu-static-'));
  fs.writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>koryu</title>');
  fs.mkdirSync(path.join(web, 'assets'));
  const file = path.join(web, 'assets', 'index-AbC123.js');
  fs.writeFileSync(file, code);
  fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(code));
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(code));
  t = await testApp({ KORYU_WEB_DIST: web });
}, 120_000);
afterAll(async () => {
  await t?.close();
  fs.rmSync(web, { recursive: true, force: true });
});

describe('static files of the web app', () => {
  it('sends the brotli copy to a browser that accepts br, gzip to one that accepts only gzip, the plain file otherwise', async () => {
    const br = await t.app.inject({ method: 'GET', url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(String(br.headers['content-type'])).toMatch(/javascript/);
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(code);

    const gz = await t.app.inject({ method: 'GET', url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(code);

    const plain = await t.app.inject({ method: 'GET', url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(code);
  });

  it('caches hashed assets for a year (immutable) and revalidates index.html and the app routes', async () => {
    const asset = await t.app.inject({ method: 'GET', url: '/assets/index-AbC123.js' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const index = await t.app.inject({ method: 'GET', url: '/' });
    expect(index.statusCode).toBe(200);
    expect(String(index.headers['cache-control'])).not.toMatch(/immutable|max-age=[1-9]/);
    const route = await t.app.inject({ method: 'GET', url: '/wishes' });
    expect(route.headers['cache-control']).toBe('no-cache');
  });
});
