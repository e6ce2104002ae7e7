import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  seminarBaselineSchema,
  seminarCourseSchema,
  seminarPublishedYearSchema,
  seminarSessionSchema,
  type SeminarBaseline,
  type SeminarCourse,
  type SeminarPublishedYear,
  type SeminarSession,
} from '../../../../common/src/schemas/international.schema.ts';
import { cumulative, lineage, peopleFromCountries, reconcileBaselines, yearFigure, type SeminarData } from './seminars.ts';

type CompactSession = { courseCode: string; fiscalYear: number; participantsByCountry: Record<string, number> };
const data = JSON.parse(readFileSync(join(import.meta.dirname, 'data', 'seminars.json'), 'utf8')) as {
  courses: SeminarCourse[];
  published: SeminarPublishedYear[];
  baselines: SeminarBaseline[];
};
const cases = JSON.parse(readFileSync(join(import.meta.dirname, 'seminars.cases.json'), 'utf8')) as {
  yearFigures: { name: string; sessions: CompactSession[]; courseCode: string; fiscalYear: number; includeRegions: boolean; expected: object; label: { ja: string; en: string } }[];
  cumulative: {
    name: string; sessions: CompactSession[]; omitBaselines: number[]; courseCode: string; throughFy: number; includePredecessors: boolean;
    expected: { newCountries?: string[] } & Record<string, unknown>; missingYears?: Record<string, number[]>; label: string;
  }[];
  reconcile: { name: string; sessions: CompactSession[]; courseCode: string; dropOneParticipantIn: number | null; expected: object[] }[];
};

const expand = (s: CompactSession): SeminarSession => ({
  courseCode: s.courseCode,
  fiscalYear: s.fiscalYear,
  participants: Object.entries(s.participantsByCountry).flatMap(([country, n]) => Array.from({ length: n }, () => ({ country }))),
});
const withSessions = (sessions: CompactSession[], omitBaselines: number[] = []): SeminarData => ({
  ...data,
  baselines: data.baselines.filter((b) => !omitBaselines.includes(b.throughFy)),
  sessions: sessions.map(expand),
});

describe('seminar data', () => {
  it('parses, and every published figure and baseline names a known course and a seed line', () => {
    for (const c of data.courses) expect(seminarCourseSchema.safeParse(c).success, c.code).toBe(true);
    const codes = new Set(data.courses.map((c) => c.code));
    for (const p of data.published) {
      expect(seminarPublishedYearSchema.safeParse(p).success).toBe(true);
      expect(codes.has(p.courseCode)).toBe(true);
      expect(p.source).toMatch(/seed 00[03] lines? \d+/);
    }
    for (const b of data.baselines) {
      expect(seminarBaselineSchema.safeParse(b).success).toBe(true);
      expect(codes.has(b.courseCode)).toBe(true);
      expect(b.source).toMatch(/seed 00[03] lines \d+/);
      expect(b.fromFy).toBe(data.courses.find((c) => c.code === b.courseCode)!.firstFy);
    }
    for (const c of data.courses) if (c.mergedInto) expect(codes.has(c.mergedInto)).toBe(true);
  });
  it('the two HRM courses merged into 人事管理セミナー in FY2024', () => {
    expect(lineage(data.courses, 'hrm_seminar').map((c) => c.code)).toEqual(['senior_hrm_seminar', 'hr_administration_seminar', 'hrm_seminar']);
    expect(lineage(data.courses, 'senior_government_seminar').map((c) => c.code)).toEqual(['senior_government_seminar']);
    expect(lineage(data.courses, 'nope')).toEqual([]);
    for (const c of lineage(data.courses, 'hrm_seminar').slice(0, 2)) expect(c.lastFy).toBe(2023);
  });
  it('session records parse', () => {
    for (const c of cases.cumulative) for (const s of c.sessions) expect(seminarSessionSchema.safeParse(expand(s)).success).toBe(true);
  });
});

describe('yearFigure', () => {
  it.each(cases.yearFigures)('$name', (c) => {
    const f = yearFigure(withSessions(c.sessions), c.courseCode, c.fiscalYear)!;
    expect(f).toMatchObject(c.expected);
    expect(peopleFromCountries(f.people, f.countries, c.includeRegions)).toEqual(c.label);
  });
  it('no record and nothing published: null', () => expect(yearFigure(withSessions([]), 'senior_government_seminar', 2020)).toBeNull());
});

describe('cumulative', () => {
  it.each(cases.cumulative)('$name', (c) => {
    const r = cumulative(withSessions(c.sessions, c.omitBaselines), c.courseCode, c.throughFy, { includePredecessors: c.includePredecessors })!;
    const { newCountries, ...rest } = c.expected;
    expect(r).toMatchObject(rest);
    expect(r.label.ja).toBe(c.label);
    if (newCountries) expect(r.parts.at(-1)!.newCountries).toEqual(newCountries);
    if (c.missingYears) expect(Object.fromEntries(r.parts.map((p) => [p.courseCode, p.missingYears]))).toEqual(c.missingYears);
    expect(r.countries.min).toBeLessThanOrEqual(r.countries.max);
  });
});

describe('reconcileBaselines', () => {
  it.each(cases.reconcile)('$name', (c) => {
    const sessions = structuredClone(c.sessions);
    if (c.dropOneParticipantIn != null) {
      const s = sessions.find((x) => x.fiscalYear === c.dropOneParticipantIn)!;
      const k = Object.keys(s.participantsByCountry)[0]!;
      s.participantsByCountry[k]! -= 1;
    }
    const issues = reconcileBaselines(withSessions(sessions), c.courseCode);
    expect(issues.map(({ code, expected, actual }) => ({ code, expected, actual }))).toEqual(c.expected);
    for (const i of issues) expect(i.messageEn).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });
});
