// Test support: stores wish sheets the way the wishes module does (validated body, listing
// columns, a version row per save), without going through its routes, so these tests do not
// depend on its screens. Used by the suggestions and matching tests.
import { eq, sql } from 'drizzle-orm';
import { wishSheets, wishSheetVersions } from '../../db/schema.ts';
import type { Executor } from '../../db/client.ts';
import { wishSheetInputSchema, type WishSheetInput } from '../../../../common/src/schemas/wishes.schema.ts';

export type FixtureSheet = {
  owner: { organisationId: number } | { companyId: number };
  status: 'draft' | 'published' | 'closed';
  expiresOn?: string | null;
  body: Record<string, unknown>; // without kind/owner for a company sheet: filled in here
};

export async function storeSheet(db: Executor, s: FixtureSheet): Promise<{ id: number; reference: string }> {
  const isCompany = 'companyId' in s.owner;
  const input = wishSheetInputSchema.parse({
    ...(isCompany ? { kind: 'company', companyId: (s.owner as { companyId: number }).companyId } : {}),
    ...s.body,
    status: s.status,
    expiresOn: s.expiresOn ?? null,
  }) as WishSheetInput;
  const direction =
    input.kind === 'company' ? (input.hosts.length && input.sends.length ? 'both' : input.hosts.length ? 'dispatch' : 'hire') : input.kind === 'ministry_dispatch' ? 'dispatch' : 'hire';
  const fields = input.kind === 'company' ? [...new Set([...input.hosts.flatMap((h) => h.fields), ...input.sends.flatMap((p) => p.fields)])] : input.fields;
  const [row] = await db
    .insert(wishSheets)
    .values({
      reference: `WS-tmp-${Math.random().toString(36).slice(2)}`,
      kind: input.kind,
      direction,
      organisationId: isCompany ? null : (s.owner as { organisationId: number }).organisationId,
      companyId: isCompany ? (s.owner as { companyId: number }).companyId : null,
      status: s.status,
      title: input.title,
      body: input,
      fieldCodes: fields,
      periodMinMonths: input.periodMonths.min,
      periodMaxMonths: input.periodMonths.max,
      startFrom: input.start.from,
      startTo: input.start.to,
      expiresOn: input.expiresOn,
      publishedAt: s.status === 'published' ? sql`now()` : null,
    })
    .returning({ id: wishSheets.id });
  const id = row!.id;
  const reference = `WS-${String(id).padStart(6, '0')}`;
  await db.update(wishSheets).set({ reference }).where(eq(wishSheets.id, id));
  await db.insert(wishSheetVersions).values({ sheetId: id, version: 1, status: s.status, body: input, note: 'created' });
  return { id, reference };
}

/** A status change, with its version row (as the wishes module's publish/close/reopen do). */
export async function setSheetStatus(db: Executor, id: number, status: 'draft' | 'published' | 'closed'): Promise<void> {
  const [row] = await db
    .update(wishSheets)
    .set({ status, version: sql`${wishSheets.version} + 1`, updatedAt: sql`now()` })
    .where(eq(wishSheets.id, id))
    .returning({ version: wishSheets.version, body: wishSheets.body });
  await db.insert(wishSheetVersions).values({ sheetId: id, version: row!.version, status, body: row!.body, note: status });
}
