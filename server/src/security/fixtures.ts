// Shared fixtures of the security tests: table checksums (nothing written) and the OpenAPI
// request-body samples of the write routes.
import { sql } from 'drizzle-orm';
import { rowsOf } from '../db/client.ts';
import { tableOrder } from '../db/schema.ts';
import type { TestApp } from '../test/app.ts';
import { sampleOf } from './sample-body.ts';

/** Row count and content checksum of every table (sessions and login attempts left out by default). */
export async function tableChecksums(t: TestApp, skip: readonly string[] = ['sessions', 'login_attempts']): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of tableOrder) {
    if (skip.includes(table)) continue;
    const r = rowsOf<{ n: number; h: string | null }>(
      await t.db.db.execute(
        sql`select count(*)::int as n, md5(string_agg(x::text, '|' order by x::text)) as h from ${sql.identifier(table)} x`,
      ),
    );
    out[table] = `${r[0]!.n}:${r[0]!.h ?? ''}`;
  }
  return out;
}

type OpenApi = { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: unknown }> } }>> };

/** For "METHOD /api/x/:id": the JSON body sample of its OpenAPI request schema, or undefined (no JSON body). */
export async function bodySamples(t: TestApp): Promise<(method: string, url: string) => unknown> {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApi;
  return (method, url) => {
    const op = doc.paths[url.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
    const schema = op?.requestBody?.content?.['application/json']?.schema;
    return schema ? sampleOf(schema as never) : undefined;
  };
}

export type ErrorJson = { error?: { code?: string; message?: { ja?: string; en?: string } } };

/** A refusal carries only the error (code, ja, en, request id): never a record's data. */
export function isBareError(body: string): boolean {
  let j: unknown;
  try {
    j = JSON.parse(body);
  } catch {
    return false;
  }
  const e = (j as ErrorJson).error;
  if (!e || Object.keys(j as object).length !== 1) return false;
  const extra = Object.keys(e).filter((k) => !['code', 'message', 'requestId'].includes(k));
  return extra.length === 0 && !!e.code && !!e.message?.ja && !!e.message?.en;
}
