import type { z } from 'zod';
import type { WishKind, WishSheetInput, wishSheetInputSchema } from '../../../../common/src/schemas/wishes.schema.ts';
import { splitWords } from './wish-query.ts';

// The editor's working copy of a sheet: text as typed (numbers and word lists stay strings until
// sent), one shape for the three kinds. `toInput` gives the body the API takes (and the shared
// zod schema checks first); `fromContent` fills the editor from a stored sheet.

/** A sheet as sent (defaults such as `status` left to the schema). */
export type WishSheetBody = z.input<typeof wishSheetInputSchema>;

export type HostDraft = { key: number; place: string; fields: string[]; duties: string; skills: string; ageBands: string[] };
export type SendDraft = { key: number; fields: string[]; skills: string; ageBand: string; positionLevel: string };

export type WishDraft = {
  kind: WishKind;
  organisationCode: string;
  companyId: number | null;
  companyLabel: string;
  title: string;
  post: string;
  duties: string;
  experience: string;
  fields: string[];
  industries: string[];
  skills: string;
  ageBands: string[];
  positionLevels: string[];
  headcount: string;
  industryCode: string;
  prefectureCode: string;
  hosts: HostDraft[];
  sends: SendDraft[];
  wantedMinistries: string[];
  periodMin: string;
  periodMax: string;
  startFrom: string;
  startTo: string;
  expiresOn: string;
  notes: string;
};

let nextKey = 1;
export const newHost = (): HostDraft => ({ key: nextKey++, place: '', fields: [], duties: '', skills: '', ageBands: [] });
export const newSend = (): SendDraft => ({ key: nextKey++, fields: [], skills: '', ageBand: '', positionLevel: '' });

/** A new sheet: a 12–24 month exchange starting with the next fiscal year (April), as most do. */
export function emptyDraft(kind: WishKind, today: string): WishDraft {
  const year = Number(today.slice(0, 4)) + (Number(today.slice(5, 7)) >= 4 ? 1 : 0);
  return {
    kind,
    organisationCode: '',
    companyId: null,
    companyLabel: '',
    title: '',
    post: '',
    duties: '',
    experience: '',
    fields: [],
    industries: [],
    skills: '',
    ageBands: [],
    positionLevels: [],
    headcount: '1',
    industryCode: '',
    prefectureCode: '',
    hosts: kind === 'company' ? [newHost()] : [],
    sends: [],
    wantedMinistries: [],
    periodMin: '12',
    periodMax: '24',
    startFrom: `${year}-04`,
    startTo: `${year}-10`,
    expiresOn: '',
    notes: '',
  };
}

/** A whole number as typed (full-width digits too); anything else is sent as NaN for the schema to refuse. */
export function wholeNumber(text: string): number {
  const s = text.normalize('NFKC').trim();
  return /^\d{1,6}$/.test(s) ? Number(s) : Number.NaN;
}

/** 'YYYY-MM' from a month box (Chromium gives it as is; elsewhere it may be typed as 2026/4). */
export function monthOf(text: string): string {
  const s = text.normalize('NFKC').trim();
  const m = /^(\d{4})[-/](\d{1,2})$/.exec(s);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}` : s;
}

export function toInput(d: WishDraft): WishSheetBody {
  const common = {
    title: d.title,
    expiresOn: d.expiresOn.trim() === '' ? null : d.expiresOn.trim(),
    periodMonths: { min: wholeNumber(d.periodMin), max: wholeNumber(d.periodMax) },
    start: { from: monthOf(d.startFrom), to: monthOf(d.startTo) },
    notes: d.notes,
  };
  if (d.kind === 'company') {
    return {
      kind: 'company',
      companyId: d.companyId ?? 0,
      industryCode: (d.industryCode || null) as never,
      prefectureCode: d.prefectureCode || null,
      hosts: d.hosts.map((h) => ({ place: h.place, fields: h.fields as never, duties: h.duties, skills: splitWords(h.skills), ageBands: h.ageBands as never })),
      sends: d.sends.map((s) => ({ fields: s.fields as never, skills: splitWords(s.skills), ageBand: (s.ageBand || null) as never, positionLevel: (s.positionLevel || null) as never })),
      wantedMinistries: d.wantedMinistries,
      ...common,
    };
  }
  const ministry = {
    organisationCode: d.organisationCode,
    fields: d.fields as never,
    industries: d.industries as never,
    skills: splitWords(d.skills),
    ageBands: d.ageBands as never,
    positionLevels: d.positionLevels as never,
    headcount: wholeNumber(d.headcount),
    ...common,
  };
  if (d.kind === 'ministry_hire') return { kind: 'ministry_hire', post: d.post, duties: d.duties, experience: d.experience, ...ministry };
  return { kind: 'ministry_dispatch', ...ministry };
}

const joinWords = (w: readonly string[]) => w.join('、');

/** The editor's copy of a stored sheet. */
export function fromContent(c: WishSheetInput, companyLabel = ''): WishDraft {
  const base = emptyDraft(c.kind, '2000-01-01');
  const common = {
    title: c.title,
    expiresOn: c.expiresOn ?? '',
    periodMin: String(c.periodMonths.min),
    periodMax: String(c.periodMonths.max),
    startFrom: c.start.from,
    startTo: c.start.to,
    notes: c.notes,
  };
  if (c.kind === 'company') {
    return {
      ...base,
      ...common,
      companyId: c.companyId,
      companyLabel,
      industryCode: c.industryCode ?? '',
      prefectureCode: c.prefectureCode ?? '',
      hosts: c.hosts.map((h) => ({ ...newHost(), place: h.place, fields: [...h.fields], duties: h.duties, skills: joinWords(h.skills), ageBands: [...h.ageBands] })),
      sends: c.sends.map((s) => ({ ...newSend(), fields: [...s.fields], skills: joinWords(s.skills), ageBand: s.ageBand ?? '', positionLevel: s.positionLevel ?? '' })),
      wantedMinistries: [...c.wantedMinistries],
    };
  }
  return {
    ...base,
    ...common,
    organisationCode: c.organisationCode,
    fields: [...c.fields],
    industries: [...c.industries],
    skills: joinWords(c.skills),
    ageBands: [...c.ageBands],
    positionLevels: [...c.positionLevels],
    headcount: String(c.headcount),
    ...(c.kind === 'ministry_hire' ? { post: c.post, duties: c.duties, experience: c.experience } : {}),
  };
}
