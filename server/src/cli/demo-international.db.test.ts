// The demo international data: 20 dispatches loaded through the service (validation, 5-year rule,
// audit), the one crossing 5 years on 2026-12-01 in the upcoming list, a pending consultation for the
// NPA, continuous year figures, a seminar session on top of the published baseline; a second load adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, testApp, type Session, type TestApp } from '../test/app.ts';
import { loadDemoInternational } from './demo-international.ts';
import type { IntlConsultationList, IntlDispatchList, IntlFigures, IntlSeminarOverview, IntlUpcomingList } from '../../../common/src/schemas/international-api.schema.ts';

let t: TestApp;
let npa: Session;
beforeAll(async () => {
  t = await testApp();
  npa = await loginAs(t, 'npa');
}, 60_000);
afterAll(async () => t?.close());

describe('demo international data', () => {
  it('loads 20 dispatches once', async () => {
    expect(await loadDemoInternational(t.db, Date.parse('2026-11-23T00:00:00Z'))).toBe(20);
    expect(await loadDemoInternational(t.db)).toBe(0);
    const list = (await npa.req('GET', '/api/international/dispatches?pageSize=100')).json() as IntlDispatchList;
    expect(list.total).toBe(20);
    const states = list.items.reduce<Record<string, number>>((m, d) => ({ ...m, [d.state]: (m[d.state] ?? 0) + 1 }), {});
    expect(states).toEqual({ ended: 9, active: 9, draft: 2 });
  });

  it('shows the dispatch crossing 5 years and the pending consultation', async () => {
    const u = (await npa.req('GET', '/api/international/upcoming?months=12&asOf=2026-11-23')).json() as IntlUpcomingList;
    expect(u.items.find((i) => i.crossesOn === '2026-12-01')).toMatchObject({ kind: 'renewal_would_cross', state: 'active' });
    const c = (await npa.req('GET', '/api/international/consultations?answer=pending')).json() as IntlConsultationList;
    expect(c.items).toHaveLength(1);
  });

  it('year figures are continuous and the seminar cumulative adds the FY2025 session', async () => {
    const f = (await npa.req('GET', '/api/international/figures')).json() as IntlFigures;
    expect(f.issues).toEqual([]);
    const s = (await npa.req('GET', '/api/international/seminars?courseCode=senior_government_seminar&throughFy=2025')).json() as IntlSeminarOverview;
    expect(s.courses[0]!.cumulative!.people).toBe(397 + 8);
  });
});
