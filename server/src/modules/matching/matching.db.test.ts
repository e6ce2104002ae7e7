// Matching rounds through the API on both databases: the worked example (matching.worked-example.json)
// from creation to run, ranking limits and refusals (as data), scoping of rankings and proposals,
// the transparency report, and the audit trail.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog, companySales, ministryContracts } from '../../db/schema.ts';
import { systemContext } from '../../platform/context.ts';
import { loginAs, newCorporateNumber, orgId, testApp, type Session, type TestApp } from '../../test/app.ts';
import type { MyRound, RoundDetail } from '../../../../common/src/schemas/matching.schema.ts';
import { storeSheet } from '../suggestions/sheets.fixture.ts';

type Example = {
  today: string;
  round: { title: string; direction: 'dispatch' | 'hire'; maxRanks: number; proposingSide: 'ministry' | 'company'; rankingClosesOn: string };
  companies: Record<string, { name: string; capitalYen?: number; employees?: number; sales?: { fiscalYear: number; amountYen: number }[]; contracts?: { organisation: string; fiscalYear: number; amountYen: number }[] }>;
  sheets: { key: string; owner: string; body: Record<string, unknown> }[];
  rankings: Record<string, string[]>;
  expect: {
    capacities: Record<string, number>;
    proposals: { ministry: string; company: string; ministryRank: number; companyRank: number }[];
    figures: Record<string, number>;
    barred: { ministry: string; company: string; ruleId: string; mutuallyListed: boolean }[];
    bestMissed: Record<string, { reference: string; rank: number; code: string } | null>;
  };
};
const ex = JSON.parse(readFileSync(join(import.meta.dirname, 'matching.worked-example.json'), 'utf8')) as Example;

let t: TestApp;
const orgs: Record<string, number> = {};
const companyIds: Record<string, number> = {};
const sheets: Record<string, { id: number; reference: string }> = {};
const as: Record<string, Session> = {};
let roundId = 0;
let clockFile = '';
const seedActor = { ...systemContext('test'), actor: { accountId: 0, role: 'npa' as const, displayName: 'seed', organisationId: null, companyId: null, personId: null, locale: 'ja' as const } };
const keyOfRef = (ref: string) => Object.entries(sheets).find(([, v]) => v.reference === ref)?.[0] ?? ref;
const ownerSession: Record<string, string> = {};

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'koryu-matching-'));
  clockFile = join(dir, 'today');
  writeFileSync(clockFile, ex.today);
  t = await testApp({ KORYU_CLOCK_FILE: clockFile });
  const db = t.db.db;
  for (const name of ['経済産業省', '財務省', '国土交通省', '環境省']) orgs[name] = await orgId(t, name);
  for (const [key, c] of Object.entries(ex.companies)) {
    const created = await t.app.services.companies.create(
      { corporateNumber: newCorporateNumber(), name: c.name, legalTypeCode: 'kabushiki_kaisha', capitalYen: c.capitalYen ?? null, employees: c.employees ?? null },
      seedActor,
    );
    companyIds[key] = created.id;
    for (const s of c.sales ?? []) await db.insert(companySales).values({ companyId: created.id, fiscalYear: s.fiscalYear, amountYen: s.amountYen });
    for (const x of c.contracts ?? []) await db.insert(ministryContracts).values({ organisationId: orgs[x.organisation]!, companyId: created.id, fiscalYear: x.fiscalYear, amountYen: x.amountYen });
  }
  for (const s of ex.sheets) {
    const owner = orgs[s.owner] ? { organisationId: orgs[s.owner]! } : { companyId: companyIds[s.owner]! };
    sheets[s.key] = await storeSheet(db, { owner, status: 'published', body: s.body });
    ownerSession[s.key] = s.owner;
  }
  // Sheets that may not join a dispatch round.
  const wish = (title: string) => ({ kind: 'ministry_dispatch', organisationCode: 'meti', title, fields: ['data'], periodMonths: { min: 12, max: 12 }, start: { from: '2027-04', to: '2027-04' } });
  sheets.DRAFT = await storeSheet(db, { owner: { organisationId: orgs['経済産業省']! }, status: 'draft', body: wish('下書きの希望') });
  sheets.EXPIRED = await storeSheet(db, { owner: { organisationId: orgs['経済産業省']! }, status: 'published', expiresOn: '2026-11-30', body: wish('期限切れの希望') });
  sheets.HIRE = await storeSheet(db, {
    owner: { organisationId: orgs['経済産業省']! },
    status: 'published',
    body: { kind: 'ministry_hire', organisationCode: 'meti', title: '採用の希望', post: '課長補佐', duties: '企画', fields: ['data'], periodMonths: { min: 24, max: 36 }, start: { from: '2027-04', to: '2027-04' } },
  });
  sheets.SENDER = await storeSheet(db, {
    owner: { companyId: companyIds.hokkaido! },
    status: 'published',
    body: { title: '人材の送り出し', sends: [{ fields: ['logistics'] }], periodMonths: { min: 24, max: 24 }, start: { from: '2027-04', to: '2027-04' } },
  });

  as.center = await loginAs(t, 'center');
  as.npa = await loginAs(t, 'npa');
  as.participant = await loginAs(t, 'participant');
  as.envHr = await loginAs(t, 'ministry_hr', { organisationId: orgs['環境省']! });
  for (const name of ['経済産業省', '財務省', '国土交通省']) as[name] = await loginAs(t, 'ministry_hr', { organisationId: orgs[name]! });
  for (const key of Object.keys(ex.companies)) as[key] = await loginAs(t, 'company_hr', { companyId: companyIds[key]! });
});
afterAll(async () => t?.close());

const owner = (sheetKey: string) => as[ownerSession[sheetKey]!]!;
const rank = (who: Session, sheetKey: string, ranked: number[]) => who.req('PUT', `/api/matching/my-rounds/${roundId}/rankings/${sheets[sheetKey]!.id}`, { rankedSheetIds: ranked });
const ids = (keys: string[]) => keys.map((k) => sheets[k]!.id);
const auditCount = async (action: string) =>
  (await t.db.db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.recordId, String(roundId)))))[0]!.n;

describe('a matching round, worked example (matching.worked-example.json)', () => {
  it('the center creates the round; a close date in the past is refused', async () => {
    const past = await as.center!.req('POST', '/api/matching/rounds', { ...ex.round, rankingClosesOn: '2026-11-30' });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.fields[0]).toMatchObject({ path: 'rankingClosesOn', code: 'matching.closes_in_past' });
    const res = await as.center!.req('POST', '/api/matching/rounds', ex.round);
    expect(res.statusCode, res.body).toBe(201);
    const round = res.json() as RoundDetail;
    roundId = round.id;
    expect(round).toMatchObject({ status: 'ranking', rankingOpen: true, maxRanks: 3, participants: { ministry: 0, company: 0 } });
    expect(await auditCount('matching_round.create')).toBe(1);
  });

  it('refuses sheets that cannot take part, listing each, and adds none', async () => {
    const res = await as.center!.req('POST', `/api/matching/rounds/${roundId}/participants`, { sheetIds: [...ids(['METI', 'DRAFT', 'EXPIRED', 'HIRE', 'SENDER']), 999999] });
    expect(res.statusCode).toBe(422);
    const fields = res.json().error.fields as { path: string; code: string; message: { ja: string; en: string } }[];
    expect(fields.map((f) => [f.path, f.code])).toEqual([
      ['sheetIds.1', 'matching.sheet_not_published'],
      ['sheetIds.2', 'matching.sheet_not_published'],
      ['sheetIds.3', 'matching.sheet_direction'],
      ['sheetIds.4', 'matching.sheet_direction'],
      ['sheetIds.5', 'matching.sheet_unknown'],
    ]);
    expect(fields[2]!.message.ja).toContain('交流派遣のラウンド');
    const round = (await as.center!.req('GET', `/api/matching/rounds/${roundId}`)).json() as RoundDetail;
    expect(round.participantList).toEqual([]);
  });

  it('adds the participants with capacities from headcount and host places', async () => {
    const eligible = (await as.center!.req('GET', `/api/matching/rounds/${roundId}/eligible-sheets`)).json() as { items: { reference: string; defaultCapacity: number }[] };
    expect(eligible.items.map((i) => keyOfRef(i.reference)).sort()).toEqual(ex.sheets.map((s) => s.key).sort());
    const res = await as.center!.req('POST', `/api/matching/rounds/${roundId}/participants`, { sheetIds: ids(ex.sheets.map((s) => s.key)) });
    expect(res.statusCode, res.body).toBe(200);
    const round = res.json() as RoundDetail;
    expect(Object.fromEntries(round.participantList.map((p) => [keyOfRef(p.reference), p.capacity]))).toEqual(ex.expect.capacities);
    const again = await as.center!.req('POST', `/api/matching/rounds/${roundId}/participants`, { sheetIds: ids(['ABC']) });
    expect(again.json().error.fields[0].code).toBe('matching.already_participant');
    expect((await as.center!.req('GET', `/api/matching/rounds/${roundId}/eligible-sheets`)).json().items).toEqual([]);
  });

  it('the center edits a capacity (1–100), audited', async () => {
    expect((await as.center!.req('PATCH', `/api/matching/rounds/${roundId}/participants/${sheets.KANTO!.id}`, { capacity: 0 })).statusCode).toBe(400);
    const up = await as.center!.req('PATCH', `/api/matching/rounds/${roundId}/participants/${sheets.KANTO!.id}`, { capacity: 3 });
    expect((up.json() as RoundDetail).participantList.find((p) => p.reference === sheets.KANTO!.reference)!.capacity).toBe(3);
    await as.center!.req('PATCH', `/api/matching/rounds/${roundId}/participants/${sheets.KANTO!.id}`, { capacity: 2 });
    expect(await auditCount('matching_round.capacity')).toBe(2);
    expect((await as.center!.req('PATCH', `/api/matching/rounds/${roundId}/participants/${sheets.DRAFT!.id}`, { capacity: 2 })).statusCode).toBe(404);
  });

  const refusals: [string, string, string, string[], number, string[]][] = [
    // who, for which sheet, why, ranked sheets, status, field codes
    ['経済産業省', 'METI', 'more than N (3)', ['DEPENDENT', 'ABC', 'KANTO', 'HOKKAIDO'], 422, ['matching.ranking_too_long']],
    ['経済産業省', 'METI', 'the same sheet twice', ['ABC', 'KANTO', 'ABC'], 422, ['matching.ranking_duplicate']],
    ['経済産業省', 'METI', 'a ministry ranking a ministry', ['MOF'], 422, ['matching.ranking_own_side']],
    ['経済産業省', 'METI', 'a sheet not in the round', ['DRAFT'], 422, ['matching.ranking_not_participant']],
    ['abc', 'ABC', 'a company ranking a company', ['KANTO', 'MLIT'], 422, ['matching.ranking_own_side']],
    ['経済産業省', 'MOF', "another ministry's sheet", ['ABC'], 404, []],
    ['abc', 'KANTO', "another company's sheet", ['MOF'], 404, []],
    ['envHr', 'METI', 'a ministry not in the round', ['ABC'], 404, []],
  ];
  it.each(refusals)('%s ranking for %s: %s → %i', async (who, sheet, _why, ranked, status, codes) => {
    const res = await rank(as[who]!, sheet, ids(ranked));
    expect(res.statusCode).toBe(status);
    const err = res.json().error;
    expect(err.message.ja).toBeTruthy();
    expect((err.fields ?? []).map((f: { code: string }) => f.code)).toEqual(codes);
  });

  it('each owner ranks its sheet; the ranking is kept in order and audited', async () => {
    for (const [sheet, ranked] of Object.entries(ex.rankings)) {
      const res = await rank(owner(sheet), sheet, ids(ranked));
      expect(res.statusCode, `${sheet}: ${res.body}`).toBe(200);
      const mine = res.json() as MyRound;
      expect(mine.mySheets.find((s) => s.reference === sheets[sheet]!.reference)!.ranking.map((r) => keyOfRef(r.reference))).toEqual(ranked);
    }
    expect(await auditCount('matching_round.ranking')).toBe(Object.keys(ex.rankings).length);
    const round = (await as.center!.req('GET', `/api/matching/rounds/${roundId}`)).json() as RoundDetail;
    for (const p of round.participantList) expect(p.ranking.map(keyOfRef)).toEqual(ex.rankings[keyOfRef(p.reference)]);
  });

  it('participants see their own sheets and the other side, never the others’ rankings', async () => {
    const mine = (await as['経済産業省']!.req('GET', `/api/matching/my-rounds/${roundId}`)).json() as MyRound;
    expect(mine.mySheets.map((s) => keyOfRef(s.reference))).toEqual(['METI']);
    expect(mine.otherSide.map((s) => keyOfRef(s.reference)).sort()).toEqual(['ABC', 'DEPENDENT', 'HOKKAIDO', 'KANTO']);
    expect(mine.mySheets[0]!.proposals).toEqual([]);
    expect(mine.algorithm).toBeNull();
    for (const other of mine.otherSide) expect(other).not.toHaveProperty('ranking');
    expect((await as.envHr!.req('GET', `/api/matching/my-rounds/${roundId}`)).statusCode).toBe(404);
    expect((await as.envHr!.req('GET', '/api/matching/my-rounds')).json().items).toEqual([]);
    expect((await as.abc!.req('GET', '/api/matching/my-rounds')).json().items.map((r: { id: number }) => r.id)).toEqual([roundId]);
    expect((await as['経済産業省']!.req('GET', `/api/matching/rounds/${roundId}`)).statusCode).toBe(403);
    expect((await as.participant!.req('GET', '/api/matching/my-rounds')).statusCode).toBe(403);
  });

  it('the center runs the round: proposals, figures, barred pair and each participant’s best missed partner', async () => {
    const res = await as.center!.req('POST', `/api/matching/rounds/${roundId}/run`, {});
    expect(res.statusCode, res.body).toBe(200);
    const round = res.json() as RoundDetail;
    expect(round.status).toBe('run');
    expect(round.proposals.map((p) => ({ ministry: keyOfRef(p.ministry.reference), company: keyOfRef(p.company.reference), ministryRank: p.ministryRank, companyRank: p.companyRank }))).toEqual(ex.expect.proposals);
    const report = round.report!;
    expect(report.figures).toEqual(ex.expect.figures);
    expect(report.barred.map((b) => ({ ministry: keyOfRef(b.ministry), company: keyOfRef(b.company), ruleId: b.ruleId, mutuallyListed: b.mutuallyListed }))).toEqual(ex.expect.barred);
    expect(report.barred[0]!.reason.ja).toContain('契約関係にある国の機関');
    expect(
      Object.fromEntries(report.participants.map((p) => [keyOfRef(p.reference), p.bestMissed && { reference: keyOfRef(p.bestMissed.reference), rank: p.bestMissed.rank, code: p.bestMissed.code }])),
    ).toEqual(ex.expect.bestMissed);
    expect(report.algorithm.name.ja).toContain('受入保留');
    expect(report.algorithm.guarantee.ja).toContain('拘束力はありません');
    // No held proposal is displaced here, so each proposal is followed by exactly one hold or reject.
    expect(report.steps.length).toBe(2 * report.figures.proposals);
    expect(report.steps.filter((x) => x.action === 'reject')).toHaveLength(ex.expect.figures.rejections!);
    expect(await auditCount('matching_round.run')).toBe(1);
  });

  it('each owner sees only its own proposals; the reasons it missed a partner name nobody else', async () => {
    const seen = async (who: Session) => ((await who.req('GET', `/api/matching/my-rounds/${roundId}`)).json() as MyRound).mySheets;
    const meti = (await seen(as['経済産業省']!))[0]!;
    expect(meti.proposals.map((p) => [keyOfRef(p.partner.reference), p.myRank, p.theirRank])).toEqual([['KANTO', 3, 2]]);
    expect(meti.missed!.message.ja).toContain('交流基準');
    const kanto = (await seen(as.kanto!))[0]!;
    expect(kanto.proposals.map((p) => keyOfRef(p.partner.reference)).sort()).toEqual(['METI', 'MOF']);
    const hokkaido = await seen(as.hokkaido!);
    expect(hokkaido.map((s) => keyOfRef(s.reference))).toEqual(['HOKKAIDO']); // the send-only sheet is not in the round
    expect(hokkaido[0]!.proposals).toEqual([]);
    expect(hokkaido[0]!.missed!.message.ja).not.toMatch(/WS-/);
    const mine = (await as.abc!.req('GET', `/api/matching/my-rounds/${roundId}`)).json() as MyRound;
    expect(mine.algorithm!.guarantee.en).toContain('not binding');
    expect(mine.mySheets.flatMap((s) => s.proposals.map((p) => keyOfRef(p.partner.reference)))).toEqual(['MLIT']);
  });

  it('after the run nothing changes: rankings, participants and a second run are refused', async () => {
    const r1 = await rank(as['経済産業省']!, 'METI', ids(['ABC']));
    expect(r1.statusCode).toBe(409);
    expect(r1.json().error.code).toBe('matching.round_status');
    expect((await as.center!.req('POST', `/api/matching/rounds/${roundId}/participants`, { sheetIds: ids(['DRAFT']) })).statusCode).toBe(409);
    expect((await as.center!.req('DELETE', `/api/matching/rounds/${roundId}/participants/${sheets.ABC!.id}`)).statusCode).toBe(409);
    expect((await as.center!.req('POST', `/api/matching/rounds/${roundId}/run`, {})).statusCode).toBe(409);
  });
});

describe('a second round: removal, close date, nothing to run', () => {
  let second = 0;
  it('removing a participant takes it out of every ranking, which closes up', async () => {
    const created = (await as.npa!.req('POST', '/api/matching/rounds', { title: '第2回', direction: 'dispatch', maxRanks: 2, proposingSide: 'company', rankingClosesOn: ex.today })).json() as RoundDetail;
    second = created.id;
    await as.npa!.req('POST', `/api/matching/rounds/${second}/participants`, { sheetIds: ids(['METI', 'ABC', 'KANTO']) });
    const put = await as['経済産業省']!.req('PUT', `/api/matching/my-rounds/${second}/rankings/${sheets.METI!.id}`, { rankedSheetIds: ids(['ABC', 'KANTO']) });
    expect(put.statusCode, put.body).toBe(200);
    const after = (await as.npa!.req('DELETE', `/api/matching/rounds/${second}/participants/${sheets.ABC!.id}`)).json() as RoundDetail;
    expect(after.participantList.find((p) => p.reference === sheets.METI!.reference)!.ranking).toEqual([sheets.KANTO!.reference]);
    const mine = (await as['経済産業省']!.req('GET', `/api/matching/my-rounds/${second}`)).json() as MyRound;
    expect(mine.mySheets[0]!.ranking.map((r) => r.reference)).toEqual([sheets.KANTO!.reference]);
  });

  it('rankings close after the close date (409), with the date in the message', async () => {
    writeFileSync(clockFile, '2026-12-02');
    try {
      const res = await as['経済産業省']!.req('PUT', `/api/matching/my-rounds/${second}/rankings/${sheets.METI!.id}`, { rankedSheetIds: [] });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('matching.ranking_closed');
      expect(res.json().error.message.ja).toContain(ex.today);
      const list = (await as['経済産業省']!.req('GET', '/api/matching/my-rounds')).json() as { items: { id: number; rankingOpen: boolean }[] };
      expect(list.items.find((r) => r.id === second)!.rankingOpen).toBe(false);
    } finally {
      writeFileSync(clockFile, ex.today);
    }
  });

  it('a round with only one side cannot run (422)', async () => {
    const created = (await as.center!.req('POST', '/api/matching/rounds', { title: '第3回', direction: 'hire', maxRanks: 1, proposingSide: 'ministry', rankingClosesOn: null })).json() as RoundDetail;
    await as.center!.req('POST', `/api/matching/rounds/${created.id}/participants`, { sheetIds: ids(['HIRE']) });
    const res = await as.center!.req('POST', `/api/matching/rounds/${created.id}/run`, {});
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('matching.nothing_to_run');
    expect(res.json().error.message.en).toContain('both sides');
  });
});
