import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { lockDataDir } from './client.ts';

const clientModule = new URL('./client.ts', import.meta.url).pathname;

/** Tries to lock `dir` from another process: resolves to its exit code (0 locked, 3 refused). */
function lockFromChild(dir: string, holdMs = 0): Promise<number> {
  const code = `import(${JSON.stringify(clientModule)}).then((m) => { try { m.lockDataDir(${JSON.stringify(dir)}); setTimeout(() => process.exit(0), ${holdMs}); } catch (e) { console.error(e.message); process.exit(3); } })`;
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['--import', 'tsx', '-e', code], { stdio: ['ignore', 'ignore', 'pipe'] });
    p.on('exit', (c) => resolve(c ?? -1));
  });
}

describe('PGlite data-folder lock', () => {
  it('refuses another process while held, and frees on release', { timeout: 30_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koryu-lock-'));
    const release = lockDataDir(dir);
    expect(await lockFromChild(dir)).toBe(3);
    release();
    expect(await lockFromChild(dir)).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("takes over a dead owner's lock, or one holding its own pid (a restarted container)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koryu-lock-'));
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)']).stdout.toString().trim();
    fs.writeFileSync(path.join(dir, 'koryu.lock'), dead);
    const a = lockDataDir(dir);
    expect(fs.readFileSync(path.join(dir, 'koryu.lock'), 'utf8')).toBe(String(process.pid));
    a();
    fs.writeFileSync(path.join(dir, 'koryu.lock'), String(process.pid));
    const b = lockDataDir(dir);
    b();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lets exactly one of several processes take over a stale lock at the same moment', async () => {
    for (let round = 0; round < 3; round++) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koryu-lock-'));
      const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)']).stdout.toString().trim();
      fs.writeFileSync(path.join(dir, 'koryu.lock'), dead);
      const codes = await Promise.all([lockFromChild(dir, 1500), lockFromChild(dir, 1500), lockFromChild(dir, 1500)]);
      expect(codes.filter((c) => c === 0), String(codes)).toHaveLength(1);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
