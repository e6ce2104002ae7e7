// The demo inquiries: nothing without published sheets; with them, threads in five states between
// the demo company, METI and the center, which the demo logins see as the API scopes them (the
// exchanged thread's contacts readable by both sides); a second load adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { inquiries, wishSheets } from '../db/schema.ts';
import { createAccount, createCompany, login, orgId, testApp, type Session, type TestApp } from '../test/app.ts';
import { loadDemoInquiries } from './demo-inquiries.ts';
import type { InquiryContacts, InquirySummary } from '../../../common/src/schemas/inquiries.schema.ts';

let t: TestApp;
let company: Session;
let meti: Session;
let center: Session;
let demoCompany = 0;

const sheet = (reference: string, owner: { organisationId: number } | { companyId: number }) =>
  t.db.db.insert(wishSheets).values({
    reference,
    kind: 'companyId' in owner ? 'company' : 'ministry_dispatch',
    direction: 'companyId' in owner ? 'both' : 'dispatch',
    ...owner,
    status: 'published',
    title: `デモシート ${reference}`,
    body: {},
    periodMinMonths: 12,
    periodMaxMonths: 24,
    startFrom: '2027-04',
    startTo: '2027-10',
    publishedAt: '2026-10-01T00:00:00Z',
  });

beforeAll(async () => {
  t = await testApp();
  demoCompany = await createCompany(t, 'デモ商事株式会社');
  const pw = 'correct horse battery staple';
  company = await login(t, (await createAccount(t, 'company_hr', { companyId: demoCompany }, 'company-hr@demo.koryu.jp')).email, pw);
  meti = await login(t, (await createAccount(t, 'ministry_hr', { organisationId: await orgId(t, '経済産業省') }, 'meti-hr@demo.koryu.jp')).email, pw);
  center = await login(t, (await createAccount(t, 'center', { organisationId: await orgId(t, '内閣府') }, 'center@demo.koryu.jp')).email, pw);
});
afterAll(async () => t?.close());

describe('demo inquiries', () => {
  it('are skipped when there is no published sheet', async () => {
    expect(await loadDemoInquiries(t.db)).toBe(0);
    expect(await t.db.db.select().from(inquiries)).toHaveLength(0);
  });

  it('fill the window with threads in five states, scoped as the API scopes them; once', async () => {
    await sheet('WS-800001', { organisationId: await orgId(t, '経済産業省') });
    await sheet('WS-800002', { organisationId: await orgId(t, '国土交通省') });
    await sheet('WS-800003', { companyId: demoCompany });
    await sheet('WS-800004', { companyId: await createCompany(t, '別のデモ株式会社') });
    await t.db.db.update(wishSheets).set({ status: 'draft' }).where(eq(wishSheets.reference, 'WS-800004')); // drafts are never asked about
    await sheet('WS-800005', { companyId: demoCompany });
    expect(await loadDemoInquiries(t.db)).toBe(5);
    expect(await loadDemoInquiries(t.db)).toBe(0);

    const all = (await center.req('GET', '/api/inquiries')).json() as { items: InquirySummary[] };
    expect(all.items.map((i) => i.status).sort()).toEqual(['answered', 'closed', 'contact_exchanged', 'forwarded', 'open']);
    const mine = (await company.req('GET', '/api/inquiries')).json() as { items: InquirySummary[] };
    // The company asked three (exchanged, forwarded, closed) and received the answered one; the open one is not forwarded yet.
    expect(mine.items.map((i) => `${i.mySide}:${i.status}`).sort()).toEqual(['asker:closed', 'asker:contact_exchanged', 'asker:forwarded', 'owner:answered']);
    const exchanged = mine.items.find((i) => i.status === 'contact_exchanged')!;
    const c = (await meti.req('GET', `/api/inquiries/${exchanged.id}/contacts`)).json() as InquiryContacts;
    expect(c.asker.email).toBe('company-hr@demo.koryu.jp');
    expect(c.owner.email).toBe('meti-hr@demo.koryu.jp');
    const thread = (await company.req('GET', `/api/inquiries/${exchanged.id}`)).json() as { messages: { side: string; event: string | null }[] };
    expect(thread.messages.filter((m) => m.side === 'system').map((m) => m.event)).toEqual(['forwarded', 'agreed', 'agreed', 'contacts_exchanged']);
  });
});
