// International side over the API (issue 8): a ministry registers a dispatch that will pass 5
// years; activation is refused (422, ja/en) until the NPA agrees the consultation; then it counts in
// the year's figures. Bad input (end before start, unknown region, a person on two dispatches at
// once) gets a clear ja/en message and stores nothing. Year figures from generated records are
// continuous and equal the by-type / by-region / by-organisation totals and a direct SQL count.
// Seminar cumulative figures combine the seed's published baseline (FY1986–FY2024: 397 people from
// 85 countries/regions) with a recorded session.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, sql } from 'drizzle-orm';
import { auditLog, intlConsultations, intlDispatches, intlHostOrganisations, people } from '../../db/schema.ts';
import { rowsOf } from '../../db/client.ts';
import { createPerson, loginAs, orgId, testApp, type Session, type TestApp } from '../../test/app.ts';
import type {
  IntlConsultation,
  IntlDelegationList,
  IntlDispatchDetail,
  IntlDispatchList,
  IntlFigures,
  IntlRecordsSeries,
  IntlSeminarOverview,
  IntlUpcomingList,
} from '../../../../common/src/schemas/international-api.schema.ts';
import { addDays, fiscalYearEnd } from '../criteria/dates.ts';

let t: TestApp;
let npa: Session;
let metiHr: Session;
let mofHr: Session;
let metiId = 0;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'koryu-intl-'));
const clockFile = path.join(tmp, 'today');
fs.writeFileSync(clockFile, '2025-03-01');

const ok = <T>(res: { statusCode: number; body: string; json: () => unknown }, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};
const dispatchCount = async () => Number((await t.db.db.select({ n: count() }).from(intlDispatches))[0]!.n);
const auditCount = async () => Number((await t.db.db.select({ n: count() }).from(auditLog))[0]!.n);
const hostId = async (code: string) => (await t.db.db.select({ id: intlHostOrganisations.id }).from(intlHostOrganisations).where(eq(intlHostOrganisations.code, code)))[0]!.id;
const bilingual = (res: { json: () => unknown }, code: string) => {
  const body = res.json() as { error: { fields?: { code: string; message: { ja: string; en: string } }[] } };
  const f = body.error.fields?.find((x) => x.code === code);
  expect(f, JSON.stringify(body)).toBeDefined();
  expect(f!.message.ja).toMatch(/[ぁ-んァ-ン一-龯]/);
  expect(f!.message.en).toMatch(/[a-z]/);
};

beforeAll(async () => {
  t = await testApp({ KORYU_CLOCK_FILE: clockFile });
  npa = await loginAs(t, 'npa');
  metiId = await orgId(t, '経済産業省');
  metiHr = await loginAs(t, 'ministry_hr', { organisationId: metiId });
  mofHr = await loginAs(t, 'ministry_hr', { organisationId: await orgId(t, '財務省') });
}, 60_000);
afterAll(async () => {
  await t?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('registry and the 5-year consultation', () => {
  let personId = 0;
  let d: IntlDispatchDetail;

  it('lists the starter host organisations with regions', async () => {
    const list = ok<{ items: { code: string; region: string }[] }>(await metiHr.req('GET', '/api/international/organisations'));
    expect(list.items.find((o) => o.code === 'oecd')).toBeDefined();
  });

  it('a ministry registers a dispatch that passes 5 years (draft)', async () => {
    personId = await createPerson(t, metiId);
    d = ok<IntlDispatchDetail>(
      await metiHr.req('POST', '/api/international/dispatches', {
        personId,
        hostOrganisationId: await hostId('oecd'),
        post: 'Policy Analyst',
        start: '2025-04-01',
        plannedEnd: '2030-09-30',
        consentRecordedOn: '2025-02-20',
      }),
      201,
    );
    expect(d.state).toBe('draft');
    expect(d.hostType).toBe('international_organisation');
    expect(d.crossesOn).toBe('2030-04-01');
    expect(d.consultationRequired).toBe(true);
    expect(d.blockers.map((b) => b.code)).toContain('international.consultation_required');
  });

  it('another ministry does not see it', async () => {
    expect((await mofHr.req('GET', `/api/international/dispatches/${d.id}`)).statusCode).toBe(404);
    const list = ok<IntlDispatchList>(await mofHr.req('GET', '/api/international/dispatches'));
    expect(list.items.map((i) => i.id)).not.toContain(d.id);
  });

  it('activation is refused without a consultation (422, ja/en)', async () => {
    const res = await metiHr.req('POST', `/api/international/dispatches/${d.id}/activate`, { version: d.version });
    expect(res.statusCode, res.body).toBe(422);
    bilingual(res, 'international.consultation_required');
  });

  it('the upcoming list shows it', async () => {
    const u = ok<IntlUpcomingList>(await metiHr.req('GET', '/api/international/upcoming?months=72&asOf=2025-03-01'));
    expect(u.items.find((i) => i.dispatchId === d.id)).toMatchObject({ kind: 'planned_beyond', consulted: false, crossesOn: '2030-04-01' });
  });

  let c: IntlConsultation;
  it('the ministry files a consultation; activation is still refused while pending', async () => {
    c = ok<IntlConsultation>(
      await metiHr.req('POST', `/api/international/dispatches/${d.id}/consultations`, { version: d.version, reason: '国際会議の議長国業務のため、5年を超えて派遣を継続する必要がある。' }),
      201,
    );
    expect(c).toMatchObject({ answer: 'pending', step: 'initial', plannedEnd: '2030-09-30', filedOn: '2025-03-01' });
    const res = await metiHr.req('POST', `/api/international/dispatches/${d.id}/activate`, { version: d.version });
    expect(res.statusCode).toBe(422);
    bilingual(res, 'international.consultation_not_agreed');
    // only the NPA answers
    expect((await metiHr.req('POST', `/api/international/consultations/${c.id}/answer`, { version: c.version, answer: 'agreed' })).statusCode).toBe(403);
  });

  it('after the NPA agrees, activation succeeds and the dispatch counts in FY2025', async () => {
    c = ok<IntlConsultation>(await npa.req('POST', `/api/international/consultations/${c.id}/answer`, { version: c.version, answer: 'agreed', answeredOn: '2025-03-10' }));
    expect(c.answer).toBe('agreed');
    const before = ok<IntlFigures>(await npa.req('GET', '/api/international/figures?fromFy=2025&toFy=2025'));
    expect(before.rows[0]!.dispatched).toBe(0);
    d = ok<IntlDispatchDetail>(await metiHr.req('POST', `/api/international/dispatches/${d.id}/activate`, { version: d.version }));
    expect(d.state).toBe('active');
    expect(d.consulted).toBe(true);
    const after = ok<IntlFigures>(await npa.req('GET', '/api/international/figures?fromFy=2025&toFy=2025'));
    expect(after.rows[0]).toMatchObject({ fiscalYear: 2025, dispatched: 1, returned: 0, endOfYear: 1 });
    expect(after.rows[0]!.byRegion.europe ?? Object.values(after.rows[0]!.byRegion).reduce((a, b) => a + b, 0)).toBe(1);
    // 協議の件数: the published figures (FY2024: 2, seed 000) for the years they cover, the records after them
    const years = ok<{ rows: { fiscalYear: number; count: number; source: string }[]; recordsFromFy: number }>(await npa.req('GET', '/api/international/consultations/years'));
    const fy2024 = years.rows.find((r) => r.fiscalYear === 2024)!;
    if (years.recordsFromFy <= 2024) expect(fy2024).toMatchObject({ count: 1, source: 'records' });
    else expect(fy2024).toMatchObject({ count: 2, source: 'published' });
  });

  it('audits the state changes and the read of the dispatch', async () => {
    ok(await npa.req('GET', `/api/international/dispatches/${d.id}`));
    const actions = rowsOf<{ action: string }>(await t.db.db.execute(sql`select action from audit_log where record_type in ('intl_dispatch','intl_consultation') order by id`)).map((r) => r.action);
    for (const a of ['intl_dispatch.create', 'intl_consultation.file', 'intl_consultation.answer', 'intl_dispatch.activate', 'intl_dispatch.read']) expect(actions).toContain(a);
  });

  it('bad input gets ja/en messages and stores nothing', async () => {
    const n0 = await dispatchCount();
    const a0 = await auditCount();
    const base = { personId, hostOrganisationId: await hostId('oecd'), consentRecordedOn: '2025-02-20' };
    // end before start
    let res = await metiHr.req('POST', '/api/international/dispatches', { ...base, personId: await createPerson(t, metiId), start: '2025-06-01', plannedEnd: '2025-05-01' });
    expect(res.statusCode, res.body).toBe(400);
    bilingual(res, 'international.end_before_start');
    // unknown region
    res = await metiHr.req('POST', '/api/international/dispatches', { ...base, personId: await createPerson(t, metiId), region: 'atlantis', start: '2025-06-01', plannedEnd: '2026-05-31' });
    expect(res.statusCode, res.body).toBe(400);
    bilingual(res, 'international.unknown_region');
    // the same official on two dispatches at once
    res = await metiHr.req('POST', '/api/international/dispatches', { ...base, start: '2026-01-01', plannedEnd: '2027-12-31' });
    expect(res.statusCode, res.body).toBe(400);
    bilingual(res, 'international.overlapping_dispatch');
    // another ministry's official
    res = await mofHr.req('POST', '/api/international/dispatches', { ...base, start: '2031-01-01', plannedEnd: '2031-12-31' });
    expect(res.statusCode, res.body).toBe(400);
    expect(await dispatchCount()).toBe(n0);
    expect(await auditCount()).toBe(a0);
  });

  it('ends the dispatch with an outcome', async () => {
    const res = await metiHr.req('POST', `/api/international/dispatches/${d.id}/end`, { version: d.version, actualEnd: '2024-01-01', outcome: 'returned_to_duty' });
    expect(res.statusCode).toBe(400);
    bilingual(res, 'international.actual_end_before_start');
    d = ok<IntlDispatchDetail>(await metiHr.req('POST', `/api/international/dispatches/${d.id}/end`, { version: d.version, actualEnd: '2026-03-31', outcome: 'returned_to_duty' }));
    expect(d.state).toBe('ended');
    const f = ok<IntlFigures>(await npa.req('GET', '/api/international/figures?fromFy=2025&toFy=2025'));
    expect(f.rows[0]).toMatchObject({ dispatched: 1, returned: 1, notResumed: 0, endOfYear: 0 });
    const csv = await npa.req('GET', '/api/international/dispatches.csv?lang=ja');
    expect(csv.statusCode).toBe(200);
    expect(csv.body.startsWith('\uFEFF')).toBe(true);
  });
});

describe('renewal beyond 5 years and concurrent registrations', () => {
  it('a renewal past the 5-year mark needs its own agreed consultation', async () => {
    const personId = await createPerson(t, metiId);
    let d = ok<IntlDispatchDetail>(
      await metiHr.req('POST', '/api/international/dispatches', { personId, hostOrganisationId: await hostId('adb'), start: '2022-04-01', plannedEnd: '2025-03-31', consentRecordedOn: '2022-03-01' }),
      201,
    );
    expect(d.consultationRequired).toBe(false);
    d = ok<IntlDispatchDetail>(await metiHr.req('POST', `/api/international/dispatches/${d.id}/activate`, { version: d.version }));
    // to 2027-03-31 = exactly 5 years: allowed without a consultation
    d = ok<IntlDispatchDetail>(await metiHr.req('POST', `/api/international/dispatches/${d.id}/renewals`, { version: d.version, plannedEnd: '2027-03-31' }));
    expect(d.renewals).toHaveLength(1);
    // one more year crosses 2027-04-01
    const n = (await t.db.db.select({ n: count() }).from(intlDispatches)).length;
    let res = await metiHr.req('POST', `/api/international/dispatches/${d.id}/renewals`, { version: d.version, plannedEnd: '2028-03-31' });
    expect(res.statusCode, res.body).toBe(422);
    bilingual(res, 'international.consultation_required');
    const c = ok<IntlConsultation>(await metiHr.req('POST', `/api/international/dispatches/${d.id}/consultations`, { version: d.version, step: 1, plannedEnd: '2028-03-31', reason: '事業の継続のため' }), 201);
    ok(await npa.req('POST', `/api/international/consultations/${c.id}/answer`, { version: c.version, answer: 'agreed' }));
    res = await metiHr.req('POST', `/api/international/dispatches/${d.id}/renewals`, { version: d.version, plannedEnd: '2028-03-31' });
    d = ok<IntlDispatchDetail>(res);
    expect(d.currentPlannedEnd).toBe('2028-03-31');
    expect(d.checks.find((k) => k.step === 1)).toMatchObject({ consultationRequired: true, consulted: true });
    expect((await t.db.db.select({ n: count() }).from(intlDispatches)).length).toBe(n);
    // a stale version is refused
    expect((await metiHr.req('POST', `/api/international/dispatches/${d.id}/renewals`, { version: 1, plannedEnd: '2028-06-30' })).statusCode).toBe(409);
  });

  it('a draft is edited (not past its start) and cancelled; a foreign government body needs type and region', async () => {
    const personId = await createPerson(t, metiId);
    let d = ok<IntlDispatchDetail>(
      await metiHr.req('POST', '/api/international/dispatches', { personId, hostName: 'ドイツ連邦経済・気候保護省', hostType: 'foreign_government', region: 'europe', start: '2030-04-01', plannedEnd: '2031-03-31' }),
      201,
    );
    expect(d.blockers.map((b) => b.code)).toContain('international.consent_missing');
    const bad = await metiHr.req('PATCH', `/api/international/dispatches/${d.id}`, { version: d.version, plannedEnd: '2030-01-01' });
    expect(bad.statusCode).toBe(400);
    bilingual(bad, 'international.end_before_start');
    d = ok<IntlDispatchDetail>(await metiHr.req('PATCH', `/api/international/dispatches/${d.id}`, { version: d.version, plannedEnd: '2032-03-31', consentRecordedOn: '2030-03-01' }));
    expect(d).toMatchObject({ plannedEnd: '2032-03-31', consentRecordedOn: '2030-03-01', blockers: [] });
    d = ok<IntlDispatchDetail>(await metiHr.req('POST', `/api/international/dispatches/${d.id}/cancel`, { version: d.version }));
    expect(d.state).toBe('cancelled');
    expect((await metiHr.req('POST', `/api/international/dispatches/${d.id}/activate`, { version: d.version })).statusCode).toBe(422);
  });

  it('two concurrent registrations of one official for overlapping periods store one', async () => {
    const personId = await createPerson(t, metiId);
    const body = (start: string) => ({ personId, hostOrganisationId: 1, start, plannedEnd: '2029-03-31', consentRecordedOn: '2026-01-01' });
    const rs = await Promise.all([metiHr.req('POST', '/api/international/dispatches', body('2026-04-01')), metiHr.req('POST', '/api/international/dispatches', body('2026-10-01'))]);
    expect(rs.map((r) => r.statusCode).sort()).toEqual([201, 400]);
    const stored = rowsOf<{ n: number }>(await t.db.db.execute(sql`select count(*)::int as n from intl_dispatches where person_id = ${personId}`))[0]!.n;
    expect(Number(stored)).toBe(1);
  });
});

describe('year figures from generated records (db level)', () => {
  it('are continuous and equal the breakdown totals and a direct count', async () => {
    // a deterministic generator: 240 officials, dispatched FY2015–FY2024 to random hosts
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const hosts = await t.db.db.select().from(intlHostOrganisations);
    const ids = (await t.db.db.insert(people).values(Array.from({ length: 240 }, (_, i) => ({ kind: 'official', familyName: '試験', givenName: `${i}`, organisationId: metiId }))).returning({ id: people.id })).map((r) => r.id);
    const outcomes = ['returned_to_duty', 'returned_to_duty', 'returned_to_duty', 'resigned_during_dispatch', 'resigned_on_return', 'died'];
    const rows = ids.map((pid) => {
      const h = hosts[Math.floor(rnd() * hosts.length)]!;
      const start = addDays('2015-04-01', Math.floor(rnd() * 3650));
      const plannedEnd = addDays(start, 365 + Math.floor(rnd() * 1800));
      const ended = rnd() < 0.6 && plannedEnd < '2025-03-01';
      const actualEnd = ended ? addDays(start, Math.floor(rnd() * (Number(new Date(plannedEnd)) - Number(new Date(start))) / 86_400_000)) : null;
      return {
        personId: pid, sendingOrganisationId: metiId, hostOrganisationId: h.id, hostType: h.hostType, regionCode: h.regionCode,
        startDate: start, plannedEnd, currentPlannedEnd: plannedEnd, actualEnd, outcome: ended ? outcomes[Math.floor(rnd() * outcomes.length)]! : null,
        consentRecordedOn: start, state: ended ? 'ended' : 'active',
      };
    });
    await t.db.db.insert(intlDispatches).values(rows);
    const f = ok<IntlFigures>(await npa.req('GET', '/api/international/figures?fromFy=2014&toFy=2026'));
    expect(f.issues).toEqual([]);
    expect(f.openingStock).toBe(0);
    let prev = f.openingStock;
    for (const r of f.rows) {
      expect(r.endOfYear, `FY${r.fiscalYear}`).toBe(prev + r.dispatched - r.returned);
      prev = r.endOfYear;
      const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
      expect(sum(r.byHostType)).toBe(r.endOfYear);
      expect(sum(r.byRegion)).toBe(r.endOfYear);
      expect(sum(r.byOrganisation)).toBe(r.endOfYear);
      const end = fiscalYearEnd(r.fiscalYear);
      const direct = rowsOf<{ n: number }>(
        await t.db.db.execute(sql`select count(*)::int as n from intl_dispatches where state in ('active','ended') and start_date <= ${end} and (actual_end is null or actual_end > ${end})`),
      )[0]!.n;
      expect(r.endOfYear, `FY${r.fiscalYear} direct`).toBe(Number(direct));
      const byRegion = rowsOf<{ region_code: string; n: number }>(
        await t.db.db.execute(sql`select region_code, count(*)::int as n from intl_dispatches where state in ('active','ended') and start_date <= ${end} and (actual_end is null or actual_end > ${end}) group by region_code`),
      );
      for (const g of byRegion) expect(r.byRegion[g.region_code], `FY${r.fiscalYear} ${g.region_code}`).toBe(Number(g.n));
    }
    const activated = rowsOf<{ n: number }>(await t.db.db.execute(sql`select count(*)::int as n from intl_dispatches where state in ('active','ended')`))[0]!.n;
    expect(f.rows.reduce((s, r) => s + r.dispatched, 0)).toBe(Number(activated));
    expect(Number(activated)).toBeGreaterThanOrEqual(241);
    // the statistics series: published years first (none stored in this database), then the records
    const s = ok<IntlRecordsSeries>(await npa.req('GET', '/api/statistics/international/records-series'));
    const published = s.rows.filter((r) => r.source === 'published');
    const lastPublished = published.length ? Math.max(...published.map((r) => r.fiscalYear)) : null;
    expect(s.recordsFromFy).toBe(lastPublished == null ? 2015 : lastPublished + 1);
    for (const r of s.rows) {
      if (r.source === 'records') expect(r.fiscalYear).toBeGreaterThanOrEqual(s.recordsFromFy!);
      if (r.records && r.published) expect(r.difference!.dispatched).toBe(r.records.dispatched - (r.published.dispatched ?? r.records.dispatched));
    }
    // the annual report takes the years after the published series from the records
    expect(s.recordsFromFy).toBe(2024); // the stored 資料8 series ends with FY2023
    {
      const { collectAnnualReportData } = await import('../statistics/report/annual-report.data.ts');
      const report = await collectAnnualReportData(t.db.db, { year: 2024, lang: 'ja', today: '2025-06-01' });
      expect(report.international.current.endOfYear).toBe(f.rows.find((r) => r.fiscalYear === 2024)!.endOfYear);
      expect(report.international.source.kind).toBe('records');
    }
    const fy2020 = s.rows.find((r) => r.fiscalYear === 2020)!;
    expect(fy2020.records).toMatchObject({ endOfYear: f.rows.find((r) => r.fiscalYear === 2020)!.endOfYear });
    expect((await metiHr.req('GET', '/api/statistics/international/records-series')).statusCode).toBe(403);
  });
});

describe('seminars, delegations, networks', () => {
  it('cumulative figures combine the published baseline (397 people, 85 countries to FY2024) with a recorded session', async () => {
    const base = ok<IntlSeminarOverview>(await npa.req('GET', '/api/international/seminars?courseCode=senior_government_seminar&throughFy=2024'));
    expect(base.courses[0]!.cumulative).toMatchObject({ people: 397, countries: { min: 85, max: 85, exact: 85 } });
    ok(
      await npa.req('POST', '/api/international/seminars/sessions', {
        courseCode: 'senior_government_seminar',
        fiscalYear: 2025,
        startDate: '2025-10-06',
        endDate: '2025-10-17',
        participants: [{ country: 'TH', level: 'director' }, { country: 'VN' }, { country: 'TH' }],
      }),
      201,
    );
    const after = ok<IntlSeminarOverview>(await npa.req('GET', '/api/international/seminars?courseCode=senior_government_seminar&throughFy=2025'));
    const cum = after.courses[0]!.cumulative!;
    expect(cum.people).toBe(400);
    expect(cum.countries).toEqual({ min: 85, max: 87, exact: null });
    expect(after.courses[0]!.years.find((y) => y.fiscalYear === 2025)).toMatchObject({ people: 3, countries: 2, source: 'records' });
    const bad = await npa.req('POST', '/api/international/seminars/sessions', { courseCode: 'senior_government_seminar', fiscalYear: 2025, startDate: '2025-10-06', endDate: '2025-10-01', participants: [] });
    expect(bad.statusCode).toBe(400);
    bilingual(bad, 'international.end_before_start');
  });

  it('delegation visits count per year; unknown organisations are refused', async () => {
    ok(await npa.req('POST', '/api/international/delegations', { date: '2025-05-12', parties: [{ kind: 'country', code: 'TH' }], visitors: 5, topic: '人事評価' }), 201);
    ok(await npa.req('POST', '/api/international/delegations', { date: '2025-06-02', parties: [{ kind: 'organisation', code: 'oecd' }], visitors: 2 }), 201);
    const bad = await npa.req('POST', '/api/international/delegations', { date: '2025-06-02', parties: [{ kind: 'organisation', code: 'nowhere' }] });
    expect(bad.statusCode).toBe(400);
    const l = ok<IntlDelegationList>(await metiHr.req('GET', '/api/international/delegations'));
    expect(l.years.find((y) => y.fiscalYear === 2025)).toMatchObject({ source: 'records', visits: 2, countries: 1, organisations: 1, people: 7 });
    expect(l.years.find((y) => y.fiscalYear === 2024)).toMatchObject({ source: 'published', visits: 20, countries: 14, organisations: 2 });
  });

  it('network events are recorded (NPA only)', async () => {
    const ev = { network: 'accsm_plus3', kind: 'meeting', startDate: '2025-11-10', place: 'Tokyo', theme: 'Digital HR', host: '人事院', participants: ['TH', 'CN', 'KR'] };
    expect((await metiHr.req('POST', '/api/international/network-events', ev)).statusCode).toBe(403);
    ok(await npa.req('POST', '/api/international/network-events', ev), 201);
    const l = ok<{ items: unknown[] }>(await metiHr.req('GET', '/api/international/network-events?network=accsm_plus3'));
    expect(l.items).toHaveLength(1);
    const consultations = Number((await t.db.db.select({ n: count() }).from(intlConsultations))[0]!.n);
    expect(consultations).toBe(2); // the two filed above, nothing from refused requests
  });
});
