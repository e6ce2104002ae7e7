import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FieldIssue } from '../../platform/errors.ts';
import {
  canActivate,
  decisionError,
  dispatchValidationError,
  canRenew,
  consultationsPerFiscalYear,
  durationBetween,
  findOverlaps,
  fiveYearCheck,
  upcomingCrossings,
  validateConsultation,
  validateDispatch,
  type Step,
} from './dispatch-rules.ts';
import { internationalContext } from './international.parameters.ts';
import {
  consultationSchema,
  dispatchOutcomeSchema,
  dispatchSchema,
  hostTypeSchema,
  type Consultation,
  type Dispatch,
  type DispatchRenewal,
} from '../../../../common/src/schemas/international.schema.ts';

type Contains = { ja?: string[]; en?: string[] };
const cases = JSON.parse(readFileSync(join(import.meta.dirname, 'dispatch-rules.cases.json'), 'utf8')) as {
  durations: { name: string; start: string; end: string; expected: object }[];
  fiveYear: { name: string; dispatch: Dispatch; others: Dispatch[]; step: Step; expected: Record<string, unknown> & { total: object } }[];
  validation: { name: string; dispatch: Dispatch; others: Dispatch[]; expected: { path: string; code: string }[]; messageContains?: Contains }[];
  activation: { name: string; dispatch: Dispatch; others: Dispatch[]; consultations: Consultation[]; expected: { ok: boolean; codes: string[] }; messageContains?: Contains }[];
  renewal: { name: string; dispatch: Dispatch; renewal: DispatchRenewal; others: Dispatch[]; consultations: Consultation[]; expected: { ok: boolean; codes: string[] } }[];
  upcoming: { name: string; asOf: string; months: number; dispatches: Dispatch[]; consultations: Consultation[]; expected: object[] }[];
  consultationYears: { name: string; consultations: Consultation[]; expected: [number, number][] }[];
};
const ctx = internationalContext();

function checkMessages(issues: FieldIssue[], contains?: Contains) {
  const ja = issues.map((i) => i.message.ja).join('\n');
  const en = issues.map((i) => i.message.en).join('\n');
  for (const s of contains?.ja ?? []) expect(ja).toContain(s);
  for (const s of contains?.en ?? []) expect(en).toContain(s);
  for (const i of issues) {
    expect(i.message.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(i.message.en.length).toBeGreaterThan(0);
  }
}

describe('the case data is well-formed', () => {
  it('every dispatch and consultation in the cases parses', () => {
    const all: Dispatch[] = [
      ...cases.fiveYear.flatMap((c) => [c.dispatch, ...c.others]),
      ...cases.activation.flatMap((c) => [c.dispatch, ...c.others]),
      ...cases.renewal.flatMap((c) => [c.dispatch, ...c.others]),
      ...cases.upcoming.flatMap((c) => c.dispatches),
    ];
    for (const d of all) expect(dispatchSchema.safeParse(d).success, d.id).toBe(true);
    for (const c of [...cases.activation, ...cases.renewal, ...cases.upcoming, ...cases.consultationYears].flatMap((x) => x.consultations))
      expect(consultationSchema.safeParse(c).success, c.id).toBe(true);
  });
  it('the schema enums match the dated parameter lists', () => {
    const today = '2026-04-01';
    expect(ctx.params.resolve<{ code: string }[]>('dispatch.outcome_kinds', today).value.map((k) => k.code)).toEqual(dispatchOutcomeSchema.options);
    expect(ctx.params.resolve<{ code: string }[]>('dispatch.host_types', today).value.map((k) => k.code)).toEqual(hostTypeSchema.options);
  });
  it('the organisations list uses known regions and host types, with a source each', () => {
    const regions = new Set(ctx.regions.map((r) => r.code));
    expect(ctx.organisations.length).toBeGreaterThan(20);
    for (const o of ctx.organisations) {
      expect(regions.has(o.region), o.code).toBe(true);
      expect(hostTypeSchema.options).toContain(o.host_type);
      expect(o.source.length).toBeGreaterThan(10);
    }
    expect(new Set(ctx.organisations.map((o) => o.code)).size).toBe(ctx.organisations.length);
    for (const code of ['oecd', 'world_bank', 'adb', 'imf', 'un_secretariat']) expect(ctx.organisations.map((o) => o.code)).toContain(code);
  });
  it('the threshold is 5 years, cited to the seed', () => {
    const p = ctx.params.resolve<number>('consultation.threshold_years', '2024-04-01');
    expect(p.value).toBe(5);
    expect(p.citation.page).toContain('000_4d3b3c34f3ae3940.txt lines 14–15');
  });
});

describe('durationBetween', () => {
  it.each(cases.durations)('$name', (c) => expect(durationBetween(c.start, c.end)).toEqual(c.expected));
});

describe('fiveYearCheck', () => {
  it.each(cases.fiveYear)('$name', (c) => {
    const r = fiveYearCheck(c.dispatch, c.others, ctx, c.step);
    const { total, ...rest } = c.expected;
    expect(r).toMatchObject(rest);
    expect(r.total).toMatchObject(total);
  });
});

describe('validateDispatch', () => {
  it.each(cases.validation)('$name', (c) => {
    const issues = validateDispatch(c.dispatch, c.others, ctx);
    expect(issues.map(({ path, code }) => ({ path, code }))).toEqual(c.expected);
    checkMessages(issues, c.messageContains);
  });
});

describe('canActivate', () => {
  it.each(cases.activation)('$name', (c) => {
    const r = canActivate(c.dispatch, c.others, c.consultations, ctx);
    expect({ ok: r.ok, codes: r.issues.map((i) => i.code) }).toEqual(c.expected);
    checkMessages(r.issues, c.messageContains);
  });
});

describe('canRenew', () => {
  it.each(cases.renewal)('$name', (c) => {
    const r = canRenew(c.dispatch, c.renewal, c.others, c.consultations, ctx);
    expect({ ok: r.ok, codes: r.issues.map((i) => i.code) }).toEqual(c.expected);
  });
});

describe('upcomingCrossings', () => {
  it.each(cases.upcoming)('$name', (c) => {
    const r = upcomingCrossings(c.dispatches, c.consultations, c.asOf, c.months, ctx);
    expect(r.map(({ dispatchId, crossesOn, kind, consulted }) => ({ dispatchId, crossesOn, kind, consulted }))).toEqual(c.expected);
  });
});

describe('consultationsPerFiscalYear', () => {
  it.each(cases.consultationYears)('$name', (c) => expect([...consultationsPerFiscalYear(c.consultations)]).toEqual(c.expected));
});

describe('findOverlaps and validateConsultation', () => {
  it('finds each overlapping pair of the same person once', () => {
    const base = { hostType: 'international_organisation' as const, region: 'europe', consentRecorded: true };
    const ds: Dispatch[] = [
      { ...base, id: 'a', personId: 'p1', start: '2020-04-01', plannedEnd: '2023-03-31' },
      { ...base, id: 'b', personId: 'p1', start: '2023-03-31', plannedEnd: '2024-03-31' },
      { ...base, id: 'c', personId: 'p1', start: '2024-04-01', plannedEnd: '2025-03-31' },
      { ...base, id: 'd', personId: 'p2', start: '2020-04-01', plannedEnd: '2025-03-31' },
      { ...base, id: 'e', personId: 'p1', start: '2021-01-01', plannedEnd: '2021-02-01', status: 'cancelled' },
    ];
    expect(findOverlaps(ds).map(([x, y]) => `${x.id}-${y.id}`)).toEqual(['a-b']);
  });
  it('refuses an answer dated before the filing, and a step that does not exist', () => {
    const d: Dispatch = { id: 'd1', personId: 'p1', hostType: 'international_organisation', region: 'europe', start: '2020-04-01', plannedEnd: '2026-03-31', consentRecorded: true };
    const c: Consultation = { id: 'c1', dispatchId: 'd1', step: 2, filedOn: '2020-02-01', reason: 'r', answer: 'agreed', answeredOn: '2020-01-31', plannedEnd: '2026-03-31' };
    expect(validateConsultation(c, d).map((i) => i.code)).toEqual(['international.consultation_unknown_step', 'international.consultation_answer_date']);
    expect(validateConsultation({ ...c, step: 'initial', answeredOn: '2020-02-01' }, d)).toEqual([]);
  });
});

describe('errors for the routes', () => {
  it('validation issues become 400 validation_failed; a missing consultation 422 transition_blocked', () => {
    const bad = cases.validation.find((c) => c.expected.length)!;
    const e = dispatchValidationError(validateDispatch(bad.dispatch, bad.others, ctx))!;
    expect(e.status).toBe(400);
    expect(e.code).toBe('validation_failed');
    expect(e.fields.length).toBeGreaterThan(0);
    expect(dispatchValidationError([])).toBeNull();
    const refused = cases.activation[0]!;
    const d = canActivate(refused.dispatch, refused.others, refused.consultations, ctx);
    const blocked = decisionError(d)!;
    expect([blocked.status, blocked.code]).toEqual([422, 'transition_blocked']);
    expect(blocked.fields[0]!.message.ja).toContain('協議');
    const ok = cases.activation.find((c) => c.expected.ok)!;
    expect(decisionError(canActivate(ok.dispatch, ok.others, ok.consultations, ctx))).toBeNull();
  });
});
