// Builds the web app, starts koryu on a fresh embedded database with demo data (exactly what the
// README's first command does), and hands the URL to the browser tests.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

let server: ChildProcess | null = null;
let dataDir = '';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** A file holding a date (YYYY-MM-DD) the server takes as today (server/src/platform/clock.ts); absent: the real date. */
    clockFile: string;
  }
}

export default async function setup(project: TestProject) {
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'koryu-e2e-'));
  // Tests that walk a case through time write a date here and delete the file when done.
  const clockFile = path.join(dataDir, 'today');
  const port = 3900 + Math.floor(Math.random() * 90);
  server = spawn(process.execPath, ['bin/koryu.js', 'start', '--demo'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', KORYU_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn', KORYU_CLOCK_FILE: clockFile },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`koryu did not start:\n${out}`)), 170_000);
    server!.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('koryu is running at')) {
        clearTimeout(timer);
        resolve();
      }
    });
    server!.once('exit', (code) => reject(new Error(`koryu exited with ${code}:\n${out}`)));
  });
  project.provide('baseUrl', `http://127.0.0.1:${port}`);
  project.provide('clockFile', clockFile);
  return async () => {
    server?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
