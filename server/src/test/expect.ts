import { expect } from 'vitest';

type ErrorBody = { error: { code: string; message: { ja: string; en: string }; fields?: { path: string; code: string; message: { ja: string; en: string } }[]; details?: Record<string, unknown> } };

/** A 4xx whose error and every field carry Japanese and English; returns the error. */
export function expectBilingual(res: { statusCode: number; body: string; json: () => unknown }, status: number): ErrorBody['error'] {
  expect(res.statusCode, res.body).toBe(status);
  const err = (res.json() as ErrorBody).error;
  expect(err.message.ja.length).toBeGreaterThan(0);
  expect(err.message.en.length).toBeGreaterThan(0);
  for (const f of err.fields ?? []) {
    expect(f.message.ja.length).toBeGreaterThan(0);
    expect(f.message.en.length).toBeGreaterThan(0);
  }
  return err;
}
