#!/usr/bin/env node
// The koryu CLI: runs the TypeScript sources through tsx's loader (no build step needed).
import { register } from 'tsx/esm/api';

register();
process.env.KORYU_CLI = '1';
await import('../server/src/cli/main.ts');
