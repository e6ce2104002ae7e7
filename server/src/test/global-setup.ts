import { prepareTemplates } from './db.ts';

// Vitest runs global setup in the main process, where a project's `env` is not applied:
// each backend has its own entry (global-setup-pglite / global-setup-postgres).
export const setupFor = (backend: 'pglite' | 'postgres') => async () => {
  await prepareTemplates(backend);
};
