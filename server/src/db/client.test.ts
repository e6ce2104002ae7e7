import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DataDirLocked, lockDataDir } from './client.ts';

describe('PGlite data-folder lock', () => {
  it('refuses a second opener, frees on release, and takes over a dead owner’s lock', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koryu-lock-'));
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLocked);
    expect(() => lockDataDir(dir)).toThrow(/in use by another koryu process/);
    release();
    const again = lockDataDir(dir);
    again();
    // A lock left by a process that no longer exists is stale.
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)']).stdout.toString().trim();
    fs.writeFileSync(path.join(dir, 'koryu.lock'), dead);
    const takeover = lockDataDir(dir);
    expect(fs.readFileSync(path.join(dir, 'koryu.lock'), 'utf8')).toBe(String(process.pid));
    takeover();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
