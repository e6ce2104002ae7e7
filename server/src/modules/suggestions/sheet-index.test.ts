// The sheet index against a fake repository: it follows the version feed (new, changed, closed
// sheets), applies a version that commits late below the high-water mark, keeps saved sheets in
// the overlay (their old rows dead), rebuilds the base past the overlay limit, and reloads when
// the feed jumps by more than it reads at once.
import { describe, expect, it } from 'vitest';
import type { IndexRow, SuggestionsRepository } from './suggestions.repository.ts';
import { createSheetIndex, type SheetIndexSnapshot } from './sheet-index.ts';
import { todayNumber } from './fast-score.ts';

type Row = IndexRow;
function fakeRepo() {
  const sheets = new Map<number, Row>();
  const versions: { id: number; sheetId: number }[] = [];
  let nextVersion = 1;
  const calls = { pages: 0, byIds: 0 };
  const body = (fields: string[]) => ({ hosts: [{ place: 'x', fields, skills: [], ageBands: [] }], sends: [], periodMonths: { min: 12, max: 12 }, start: { from: '2027-04', to: '2027-04' } });
  const repo = {
    async latestVersionId() {
      return versions.reduce((m, v) => Math.max(m, v.id), 0);
    },
    async versionsAfter(after: number, limit: number) {
      return versions.filter((v) => v.id > after).sort((a, b) => a.id - b.id).slice(0, limit);
    },
    async publishedPage(after: number, limit: number) {
      calls.pages++;
      return [...sheets.values()].filter((s) => s.status === 'published' && s.id > after).sort((a, b) => a.id - b.id).slice(0, limit);
    },
    async sheetsByIds(ids: readonly number[]) {
      calls.byIds++;
      return ids.map((id) => sheets.get(id)).filter((x): x is Row => x !== undefined);
    },
  } as unknown as SuggestionsRepository;
  return {
    repo,
    calls,
    /** Saves a sheet; the version is numbered now and visible now, or later (`commit` returned). */
    save(id: number, status: 'published' | 'closed', fields = ['digital'], visible = true) {
      sheets.set(id, { id, kind: 'company', status, organisationId: null, companyId: id, expiresOn: null, body: body(fields) });
      const v = { id: nextVersion++, sheetId: id };
      if (visible) versions.push(v);
      return () => versions.push(v);
    },
    /** A row written without a version (a bulk loader). */
    sneak(id: number) {
      sheets.set(id, { id, kind: 'company', status: 'published', organisationId: null, companyId: id, expiresOn: null, body: body(['data']) });
    },
  };
}

const today = todayNumber('2026-12-01');
/** The open (live) sheet ids of the hosts table, base and overlay together. */
const openIds = (s: SheetIndexSnapshot) =>
  s
    .tables()
    .hosts.flatMap((t) => Array.from({ length: t.n }, (_, i) => (t.expires[i]! >= today ? t.ids[i]! : -1)))
    .filter((x) => x > 0)
    .sort((a, b) => a - b);

describe('the sheet index', () => {
  it('loads the published sheets once, then follows the version feed', async () => {
    const f = fakeRepo();
    for (let id = 1; id <= 5; id++) f.save(id, 'published');
    f.save(6, 'closed');
    const index = createSheetIndex(f.repo, { pageSize: 2, resyncMs: 0 });
    expect(openIds(await index.current())).toEqual([1, 2, 3, 4, 5]);
    const pages = f.calls.pages;
    f.save(7, 'published');
    f.save(2, 'closed');
    f.save(3, 'published', ['data']); // edited: its old row dies, the new one is in the overlay
    const s = await index.current();
    expect(openIds(s)).toEqual([1, 3, 4, 5, 7]);
    expect(s.tables().hosts).toHaveLength(2);
    expect((s.get(3) as { hosts: { fields: string[] }[] }).hosts[0]!.fields).toEqual(['data']);
    expect(f.calls.pages).toBe(pages); // no reload
    expect(await index.current()).toBe(s); // nothing new: the same snapshot
  });

  it('applies a version that becomes visible after a higher one', async () => {
    const f = fakeRepo();
    f.save(1, 'published');
    const index = createSheetIndex(f.repo, { resyncMs: 0 });
    await index.current();
    const commitLate = f.save(2, 'published', ['digital'], false); // numbered first, committed last
    f.save(3, 'published');
    expect(openIds(await index.current())).toEqual([1, 3]);
    commitLate();
    expect(openIds(await index.current())).toEqual([1, 2, 3]);
  });

  it('rebuilds the base past the overlay limit, and reloads after a jump in the feed', async () => {
    const f = fakeRepo();
    for (let id = 1; id <= 3; id++) f.save(id, 'published');
    const index = createSheetIndex(f.repo, { resyncMs: 0, overlayLimit: 2 });
    (await index.current()).tables(); // the base is built on first use
    f.save(4, 'published');
    f.save(5, 'published');
    const before = (await index.current()).tables().hosts.length;
    expect(before).toBe(2);
    f.save(6, 'published');
    const after = await index.current();
    expect(after.tables().hosts).toHaveLength(1);
    expect(openIds(after)).toEqual([1, 2, 3, 4, 5, 6]);
    const pages = f.calls.pages;
    for (let id = 100; id < 100 + 5001; id++) f.save(id, 'published');
    expect((await index.current()).size).toBe(6 + 5001);
    expect(f.calls.pages).toBeGreaterThan(pages);
  });

  it('a row written without a version appears at the periodic resync', async () => {
    const f = fakeRepo();
    f.save(1, 'published');
    let clock = 0;
    const index = createSheetIndex(f.repo, { resyncMs: 1000, now: () => clock });
    await index.current();
    f.sneak(2);
    expect(openIds(await index.current())).toEqual([1]);
    clock = 2000;
    await index.current(); // starts the rebuild in the background
    await new Promise((r) => setTimeout(r, 20));
    expect(openIds(await index.current())).toEqual([1, 2]);
  });
});
