// International side (issue 8): dispatch to international organisations under 派遣法, the
// 5-year consultations (協議), seminars for foreign officials, foreign delegations.
// Shapes shared by the domain (server/src/modules/international) and, later, the routes and pages.
// The code lists (outcomes, host types) are dated parameters with citations
// (server/src/modules/international/parameters); the enums here must match them (tested).
import { z } from 'zod';
import { isoDate } from './common.schema.ts';

/** 派遣終了時の区分 (資料8 注1): returned to duty, or did not resume duty. */
export const dispatchOutcomeSchema = z.enum(['returned_to_duty', 'resigned_during_dispatch', 'resigned_on_return', 'died']);
export type DispatchOutcome = z.infer<typeof dispatchOutcomeSchema>;

/** 派遣先機関の種類 (派遣法第2条第1項各号). */
export const hostTypeSchema = z.enum(['international_organisation', 'foreign_government', 'equivalent_body']);
export type HostType = z.infer<typeof hostTypeSchema>;

/**
 * draft: registered, not started; active: 派遣中 (activated); ended: 派遣終了; cancelled: never started.
 * Only active and ended dispatches count in the year figures.
 */
export const dispatchStatusSchema = z.enum(['draft', 'active', 'ended', 'cancelled']);
export type DispatchStatus = z.infer<typeof dispatchStatusSchema>;

/** 更新: each renewal sets a new planned end. */
export const dispatchRenewalSchema = z.strictObject({
  plannedEnd: isoDate,
  decidedOn: isoDate.nullable().optional(),
});
export type DispatchRenewal = z.infer<typeof dispatchRenewalSchema>;

/** A dispatch (派遣) as the domain sees it. */
export const dispatchSchema = z.strictObject({
  id: z.string().min(1),
  /** the official (a person id; the registry keeps no name in the domain) */
  personId: z.string().min(1),
  /** 派遣元府省 (organisation code) */
  ministry: z.string().min(1).optional(),
  /** code from the organisations list; null for a body not (yet) in the list */
  organisationCode: z.string().min(1).nullable().optional(),
  hostName: z.string().max(300).optional(),
  hostType: hostTypeSchema,
  /** world_regions code (地域) of the post */
  region: z.string().min(1),
  post: z.string().max(300).optional(),
  start: isoDate,
  plannedEnd: isoDate,
  renewals: z.array(dispatchRenewalSchema).default([]),
  actualEnd: isoDate.nullable().optional(),
  outcome: dispatchOutcomeSchema.nullable().optional(),
  /** 職員の同意 (派遣法第2条第2項) */
  consentRecorded: z.boolean(),
  status: dispatchStatusSchema.default('draft'),
});
export type Dispatch = z.input<typeof dispatchSchema>;

/**
 * 協議: filed by the ministry before a step that takes the period beyond 5 years.
 * step 'initial' = the dispatch itself; a number = that renewal (0-based index in `renewals`).
 */
export const consultationAnswerSchema = z.enum(['pending', 'agreed', 'not_agreed', 'withdrawn']);
export type ConsultationAnswer = z.infer<typeof consultationAnswerSchema>;
export const consultationSchema = z.strictObject({
  id: z.string().min(1),
  dispatchId: z.string().min(1),
  step: z.union([z.literal('initial'), z.number().int().min(0)]),
  filedOn: isoDate,
  reason: z.string().min(1).max(4000),
  answer: consultationAnswerSchema,
  answeredOn: isoDate.nullable().optional(),
  /** the planned end the consultation was about (a later change needs a new one) */
  plannedEnd: isoDate,
});
export type Consultation = z.infer<typeof consultationSchema>;

// ---- seminars for foreign officials (JICA courses) ----

export const seminarCourseSchema = z.strictObject({
  code: z.string().regex(/^[a-z_]+$/),
  nameJa: z.string().min(1),
  nameEn: z.string().min(1),
  /** first fiscal year held */
  firstFy: z.number().int(),
  /** last fiscal year held (merged, ended); null while running */
  lastFy: z.number().int().nullable(),
  /** the course it was merged into (統合) */
  mergedInto: z.string().nullable(),
  /** earlier names: [{ name, untilFy }] */
  formerNames: z.array(z.strictObject({ nameJa: z.string().optional(), nameEn: z.string(), untilFy: z.number().int() })).default([]),
  /** the dimension code of the course in the statistics series international.seminars */
  statisticsDimension: z.string().optional(),
  source: z.string().min(1),
});
export type SeminarCourse = z.input<typeof seminarCourseSchema>;

export const seminarParticipantSchema = z.strictObject({
  /** ISO 3166-1 alpha-2 code of the country or region (国・地域) */
  country: z.string().regex(/^[A-Z]{2}$/),
  organisation: z.string().max(300).optional(),
  /** 職位 e.g. director, deputy_director */
  level: z.string().max(100).optional(),
});
export type SeminarParticipant = z.infer<typeof seminarParticipantSchema>;

export const seminarSessionSchema = z.strictObject({
  courseCode: z.string().min(1),
  fiscalYear: z.number().int(),
  startDate: isoDate.nullable().optional(),
  endDate: isoDate.nullable().optional(),
  /** 期間 as published when the dates are unknown, e.g. 約2週間 */
  lengthLabel: z.string().max(100).optional(),
  participants: z.array(seminarParticipantSchema),
});
export type SeminarSession = z.infer<typeof seminarSessionSchema>;

/** A published per-year figure (e.g. 13か国・地域から13人), for years without participant records. */
export const seminarPublishedYearSchema = z.strictObject({
  courseCode: z.string().min(1),
  fiscalYear: z.number().int(),
  people: z.number().int().min(0),
  countries: z.number().int().min(0),
  /** the publication says 国・地域 (countries and regions) rather than 国 */
  countriesIncludeRegions: z.boolean(),
  lengthLabel: z.string().optional(),
  source: z.string().min(1),
});
export type SeminarPublishedYear = z.infer<typeof seminarPublishedYearSchema>;

/** A published cumulative figure (累計) for a course up to a fiscal year. */
export const seminarBaselineSchema = z.strictObject({
  courseCode: z.string().min(1),
  fromFy: z.number().int(),
  throughFy: z.number().int(),
  people: z.number().int().min(0),
  countries: z.number().int().min(0),
  /** the distinct country codes when published (rarely): makes the country union exact */
  countryList: z.array(z.string().regex(/^[A-Z]{2}$/)).nullable(),
  source: z.string().min(1),
});
export type SeminarBaseline = z.infer<typeof seminarBaselineSchema>;

// ---- foreign delegations (外国からの調査訪問) ----

export const delegationPartySchema = z.strictObject({
  kind: z.enum(['country', 'organisation']),
  /** ISO alpha-2 for a country or region; organisation code for an international organisation */
  code: z.string().min(1),
});
export const delegationVisitSchema = z.strictObject({
  id: z.string().min(1),
  date: isoDate,
  parties: z.array(delegationPartySchema).min(1),
  /** number of visitors; null when not recorded */
  visitors: z.number().int().min(0).nullable(),
  topic: z.string().max(1000).optional(),
  npaStaff: z.array(z.string()).default([]),
});
export type DelegationVisit = z.input<typeof delegationVisitSchema>;
