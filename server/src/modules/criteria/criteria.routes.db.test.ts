import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, testApp, type Session, type TestApp } from '../../test/app.ts';
import { loadCases } from './cases.ts';

let t: TestApp;
let npa: Session;
let companyHr: Session;
let participant: Session;
const doc = loadCases().find((c) => c.id === 'licensing.pamphlet_director_with_jurisdiction')!.input as Record<string, any>;

beforeAll(async () => {
  t = await testApp();
  [npa, companyHr, participant] = await Promise.all([loginAs(t, 'npa'), loginAs(t, 'company_hr'), loginAs(t, 'participant')]);
});
afterAll(async () => t?.close());

describe('POST /api/criteria/evaluate', () => {
  it('returns every rule with reasons, parameters, windows and citations', async () => {
    const res = await companyHr.req('POST', '/api/criteria/evaluate', doc);
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.overall).toBe('ineligible');
    expect(d.rules).toHaveLength(8);
    const lic = d.rules.find((r: { ruleId: string }) => r.ruleId === 'licensing_post');
    expect(lic).toMatchObject({ outcome: 'fail', earliestPassDate: '2028-04-01', exception: { available: false, approved: false } });
    expect(lic.reasons[0].message.ja).toContain('許認可等の事務を所掌するポスト');
    expect(lic.reasons[0].message.en).toContain('licences or dispositions');
    expect(lic.parameters[0]).toMatchObject({ id: 'licensing_post.lookback_years', value: 2, effectiveFrom: '2000-03-21' });
    expect(lic.windows[0]).toMatchObject({ from: '2024-04-01', to: '2026-03-31' });
    expect(lic.citations.map((c: { instrument: string }) => c.instrument).join()).toContain('官民人事交流法');
  });

  it('names every bad field in Japanese and English, never a 500', async () => {
    const bad = structuredClone(doc);
    bad.exchange.plannedStart = '2026-02-30';
    bad.exchange.direction = 'sideways';
    bad.facts.contracts = [{ organisationId: 'meti', companyId: 'c1', fiscalYear: 2024, amountYen: -5 }];
    bad.facts.unknownFact = [];
    const res = await npa.req('POST', '/api/criteria/evaluate', bad);
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields as { path: string; message: { ja: string; en: string } }[];
    const paths = fields.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['exchange.plannedStart', 'exchange.direction', 'facts.contracts.0.amountYen']));
    expect(fields.find((f) => f.path === 'exchange.plannedStart')!.message).toEqual({ ja: '存在しない日付です。', en: 'This date does not exist.' });
    for (const f of fields) expect(f.message.ja && f.message.en).toBeTruthy();
    expect(fields.some((f) => f.path === 'facts' || f.path.startsWith('facts'))).toBe(true);
  });

  it('answers 422 when no criteria are in force on the start date', async () => {
    const early = structuredClone(doc);
    early.exchange.plannedStart = '1999-04-01';
    early.exchange.plannedEnd = '2000-03-31';
    const res = await npa.req('POST', '/api/criteria/evaluate', early);
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'criteria_not_in_force', fields: [{ path: 'exchange.plannedStart' }] });
  });

  it('is refused without a login or the permission', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/criteria/evaluate', payload: doc })).statusCode).toBe(401);
    expect((await participant.req('POST', '/api/criteria/evaluate', doc)).statusCode).toBe(403);
  });
});

describe('GET /api/criteria/parameters', () => {
  it('lists every parameter with dated, cited values', async () => {
    const res = await participant.req('GET', '/api/criteria/parameters');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; values: { from: string; value: unknown; citation: { instrument: string } }[] }[];
    expect(items.find((p) => p.id === 'contract_dependence.min_total_yen')!.values[0]).toMatchObject({ from: '2000-03-21', value: 20_000_000 });
    expect(items.find((p) => p.id === 'entity_types.eligible')!.values.map((v) => v.from)).toEqual(['2000-03-21', '2022-12-01']);
  });
});

describe('OpenAPI', () => {
  it('documents the evaluate endpoint with a tested example', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const op = spec.paths['/api/criteria/evaluate'].post;
    const body = op.requestBody.content['application/json'];
    expect(body.schema.example ?? body.example).toMatchObject({ exchange: { direction: 'dispatch' } });
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '400', '422']));
  });
});
