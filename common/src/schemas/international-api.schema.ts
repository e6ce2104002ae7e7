// International side API (issue 8): request and response shapes of /api/international/* and
// /api/statistics/international/records-series. The contract the web pages code against:
// additive changes only. The domain shapes are in ./international.schema.ts.
//
// Permissions: international:register (ministry HR: its own organisation's dispatches; the NPA has
// it too and sees every ministry), international:manage (NPA: host organisations, consultation
// answers, seminars, fellowships, delegations, network events). Reading routes marked [read] need
// international:register (ministry HR and NPA); aggregates show every ministry, lists of dispatches
// are scoped to the caller's organisation for ministry HR.
//
// Reference
//   GET    /api/international/reference                      [read]    → intlReferenceSchema (host types, outcomes, regions, seminar courses, threshold)
//   GET    /api/international/organisations                  [read]    query intlOrganisationQuerySchema → intlOrganisationListSchema
//   POST   /api/international/organisations                  [manage]  body intlOrganisationInputSchema → 201 intlOrganisationSchema
//   PATCH  /api/international/organisations/:id              [manage]  body intlOrganisationPatchSchema → intlOrganisationSchema
// Dispatch registry (派遣法)
//   GET    /api/international/dispatches                     [read]    query intlDispatchQuerySchema → intlDispatchListSchema
//   GET    /api/international/dispatches.csv | .xlsx         [read]    same filters (no paging) → file (BOM; sheet 「派遣一覧」)
//   POST   /api/international/dispatches                     [register] body intlDispatchInputSchema → 201 intlDispatchDetailSchema (state draft)
//   GET    /api/international/dispatches/:id                 [read]    → intlDispatchDetailSchema (audited: personal data)
//   PATCH  /api/international/dispatches/:id                 [register] body intlDispatchPatchSchema (draft only) → intlDispatchDetailSchema
//   POST   /api/international/dispatches/:id/activate        [register] body intlVersionSchema → intlDispatchDetailSchema
//          422 transition_blocked (international.consultation_required / consultation_not_agreed / consent_missing), ja/en in error.fields
//   POST   /api/international/dispatches/:id/renewals        [register] body intlRenewalInputSchema → intlDispatchDetailSchema (active only; 422 like activate)
//   POST   /api/international/dispatches/:id/end             [register] body intlEndInputSchema → intlDispatchDetailSchema
//   POST   /api/international/dispatches/:id/cancel          [register] body intlVersionSchema → intlDispatchDetailSchema (draft only)
//   POST   /api/international/dispatches/:id/consultations   [register] body intlConsultationInputSchema → 201 intlConsultationSchema (協議の提出)
//   POST   /api/international/dispatches/check               [register] body intlDispatchInputSchema → intlDispatchCheckSchema (dry run: issues + 5-year checks, nothing stored)
// Consultations (協議)
//   GET    /api/international/consultations                  [read]    query intlConsultationQuerySchema → intlConsultationListSchema
//   POST   /api/international/consultations/:id/answer       [manage]  body intlConsultationAnswerInputSchema → intlConsultationSchema
//   POST   /api/international/consultations/:id/withdraw     [register] body intlVersionSchema → intlConsultationSchema
//   GET    /api/international/consultations/years            [read]    → intlConsultationYearsSchema (published before records)
//   GET    /api/international/upcoming                       [read]    query intlUpcomingQuerySchema → intlUpcomingListSchema (crossing 5 years in N months)
// Year figures (資料8, 図8-2, 図8-3 from records)
//   GET    /api/international/figures                        [read]    query intlFiguresQuerySchema → intlFiguresSchema
//   GET    /api/international/figures.csv | .xlsx            [read]    same query → file (one row per fiscal year)
//   GET    /api/statistics/international/records-series      [statistics:read (NPA)] query intlFiguresQuerySchema → intlRecordsSeriesSchema
// Seminars for foreign officials
//   GET    /api/international/seminars                       [read]    query intlSeminarQuerySchema → intlSeminarOverviewSchema (courses, per-year, cumulative)
//   GET    /api/international/seminars/sessions              [read]    query intlSeminarQuerySchema → intlSeminarSessionListSchema
//   POST   /api/international/seminars/sessions              [manage]  body intlSeminarSessionInputSchema → 201 intlSeminarSessionSchema
// Fellowships (Mike Mansfield)
//   GET    /api/international/fellowships                    [read]    → intlFellowshipListSchema
//   POST   /api/international/fellowships                    [manage]  body intlFellowshipInputSchema → 201 intlFellowshipSchema
// Foreign delegations
//   GET    /api/international/delegations                    [read]    query intlYearQuerySchema → intlDelegationListSchema (visits + yearly counts)
//   POST   /api/international/delegations                    [manage]  body intlDelegationInputSchema → 201 intlDelegationSchema
//   GET    /api/international/delegations.csv | .xlsx        [read]    yearly counts
// Networks (ACCSM+3, 日中韓)
//   GET    /api/international/network-events                 [read]    query intlNetworkQuerySchema → intlNetworkEventListSchema
//   POST   /api/international/network-events                 [manage]  body intlNetworkEventInputSchema → 201 intlNetworkEventSchema
//
// Errors: 400 validation_failed with error.fields [{ path, code: 'international.*', message: { ja, en } }]
// (end before start, unknown region, a person on two dispatches at once, …); 409 stale_version;
// 404 not_found (also for another ministry's dispatch); nothing is stored on any error.
import { z } from 'zod';
import { isoDate } from './common.schema.ts';
import { consultationAnswerSchema, dispatchOutcomeSchema, dispatchStatusSchema, hostTypeSchema } from './international.schema.ts';

const recordId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const label = z.object({ ja: z.string(), en: z.string() });
const reqText = (max: number) => z.string().trim().min(1, { message: 'text.required' }).max(max);
const optText = (max: number) => z.string().trim().max(max).nullable().optional();
const fy = z.coerce.number().int().min(1950).max(2200);
const issueSchema = z.object({ path: z.string(), code: z.string(), message: label });

export const intlVersionSchema = z.strictObject({ version: z.number().int().min(1) });
export type IntlVersion = z.infer<typeof intlVersionSchema>;
export const intlIdParamsSchema = z.strictObject({ id: recordId });

// ---------------------------------------------------------------- reference

export const intlCodeLabelSchema = z.object({ code: z.string(), ja: z.string(), en: z.string() });
export const intlReferenceSchema = z.object({
  hostTypes: z.array(intlCodeLabelSchema),
  outcomes: z.array(intlCodeLabelSchema.extend({ resumed: z.boolean() })),
  regions: z.array(intlCodeLabelSchema),
  seminarCourses: z.array(z.object({ code: z.string(), ja: z.string(), en: z.string(), firstFy: z.number().int(), lastFy: z.number().int().nullable(), mergedInto: z.string().nullable() })),
  networks: z.array(intlCodeLabelSchema),
  networkEventKinds: z.array(intlCodeLabelSchema),
  /** consultation.threshold_years in force today (5) */
  thresholdYears: z.number().int(),
});
export type IntlReference = z.infer<typeof intlReferenceSchema>;

// ---------------------------------------------------------------- host organisations

export const intlOrganisationSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: label,
  hostType: hostTypeSchema,
  region: z.string(),
  seat: z.string().nullable(),
  source: z.string(),
  active: z.boolean(),
  version: z.number().int(),
});
export type IntlOrganisation = z.infer<typeof intlOrganisationSchema>;
export const intlOrganisationListSchema = z.object({ items: z.array(intlOrganisationSchema) });
export const intlOrganisationQuerySchema = z.strictObject({
  hostType: hostTypeSchema.optional(),
  region: z.string().max(50).optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
});
export const intlOrganisationInputSchema = z.strictObject({
  code: z.string().regex(/^[a-z0-9_]{2,60}$/),
  nameJa: reqText(300),
  nameEn: reqText(300),
  hostType: hostTypeSchema,
  region: z.string().min(1).max(50),
  seat: optText(200),
  source: reqText(1000),
});
export type IntlOrganisationInput = z.infer<typeof intlOrganisationInputSchema>;
export const intlOrganisationPatchSchema = z.strictObject({
  version: z.number().int().min(1),
  nameJa: reqText(300).optional(),
  nameEn: reqText(300).optional(),
  hostType: hostTypeSchema.optional(),
  region: z.string().min(1).max(50).optional(),
  seat: optText(200),
  source: reqText(1000).optional(),
  active: z.boolean().optional(),
});
export type IntlOrganisationPatch = z.infer<typeof intlOrganisationPatchSchema>;

// ---------------------------------------------------------------- dispatches

export const intlDispatchStateSchema = dispatchStatusSchema; // draft | active | ended | cancelled

export const intlDispatchInputSchema = z.strictObject({
  /** the official (people.kind = 'official') */
  personId: recordId,
  /** 派遣元府省; ministry HR: defaults to (and must be) its own organisation */
  sendingOrganisationId: recordId.optional(),
  /** host from the organisations list; or hostName + hostType + region for a body not in the list */
  hostOrganisationId: recordId.nullable().optional(),
  hostName: optText(300),
  /** defaults to the organisation's */
  hostType: hostTypeSchema.optional(),
  /** world_regions code; defaults to the organisation's */
  region: z.string().min(1).max(50).optional(),
  post: optText(300),
  start: isoDate,
  plannedEnd: isoDate,
  /** 職員の同意 recorded on this date (派遣法第2条第2項); null = not yet */
  consentRecordedOn: isoDate.nullable().optional(),
  note: optText(2000),
});
export type IntlDispatchInput = z.infer<typeof intlDispatchInputSchema>;

export const intlDispatchPatchSchema = intlDispatchInputSchema.partial().extend({ version: z.number().int().min(1) }).strict();
export type IntlDispatchPatch = z.infer<typeof intlDispatchPatchSchema>;

export const intlRenewalInputSchema = z.strictObject({ version: z.number().int().min(1), plannedEnd: isoDate, decidedOn: isoDate.nullable().optional() });
export type IntlRenewalInput = z.infer<typeof intlRenewalInputSchema>;
export const intlEndInputSchema = z.strictObject({ version: z.number().int().min(1), actualEnd: isoDate, outcome: dispatchOutcomeSchema });
export type IntlEndInput = z.infer<typeof intlEndInputSchema>;

export const intlFiveYearCheckSchema = z.object({
  step: z.union([z.literal('initial'), z.number().int()]),
  periodStart: isoDate,
  lastDayWithin: isoDate,
  crossesOn: isoDate,
  plannedEnd: isoDate,
  total: z.object({ years: z.number().int(), months: z.number().int(), days: z.number().int(), totalDays: z.number().int() }),
  consultationRequired: z.boolean(),
  /** an agreed consultation covers this step */
  consulted: z.boolean(),
  thresholdYears: z.number().int(),
});
export type IntlFiveYearCheck = z.infer<typeof intlFiveYearCheckSchema>;

export const intlDispatchSummarySchema = z.object({
  id: z.number().int(),
  person: z.object({ id: z.number().int(), name: z.string() }),
  sendingOrganisation: z.object({ id: z.number().int(), code: z.string(), name: label }),
  hostOrganisation: z.object({ id: z.number().int(), code: z.string(), name: label }).nullable(),
  hostName: z.string().nullable(),
  hostType: hostTypeSchema,
  region: z.string(),
  post: z.string().nullable(),
  start: isoDate,
  plannedEnd: isoDate,
  /** the latest renewal's planned end, else plannedEnd */
  currentPlannedEnd: isoDate,
  actualEnd: isoDate.nullable(),
  outcome: dispatchOutcomeSchema.nullable(),
  state: intlDispatchStateSchema,
  /** the 5-year mark (first day beyond) counted with continuous earlier dispatches */
  crossesOn: isoDate,
  consultationRequired: z.boolean(),
  consulted: z.boolean(),
  version: z.number().int(),
});
export type IntlDispatchSummary = z.infer<typeof intlDispatchSummarySchema>;

export const intlDispatchQuerySchema = z.strictObject({
  state: intlDispatchStateSchema.optional(),
  sendingOrganisationId: recordId.optional(),
  hostOrganisationId: recordId.optional(),
  hostType: hostTypeSchema.optional(),
  region: z.string().max(50).optional(),
  /** on dispatch at some time in this fiscal year */
  fiscalYear: fy.optional(),
  /** name of the official or the host */
  q: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  lang: z.enum(['ja', 'en']).default('ja'),
});
export type IntlDispatchQuery = z.infer<typeof intlDispatchQuerySchema>;
export const intlDispatchListSchema = z.object({ items: z.array(intlDispatchSummarySchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const intlConsultationSchema = z.object({
  id: z.number().int(),
  dispatchId: z.number().int(),
  /** 'initial' = the dispatch itself; a number = that renewal (0-based) */
  step: z.union([z.literal('initial'), z.number().int()]),
  plannedEnd: isoDate,
  reason: z.string(),
  filedOn: isoDate,
  filedBy: z.string().nullable(),
  answer: consultationAnswerSchema,
  answeredOn: isoDate.nullable(),
  answeredBy: z.string().nullable(),
  note: z.string().nullable(),
  /** for lists: the official and ministry */
  personName: z.string().optional(),
  sendingOrganisation: label.optional(),
  version: z.number().int(),
});
export type IntlConsultation = z.infer<typeof intlConsultationSchema>;

export const intlDispatchDetailSchema = intlDispatchSummarySchema.extend({
  consentRecordedOn: isoDate.nullable(),
  consentRecordedBy: z.string().nullable(),
  note: z.string().nullable(),
  renewals: z.array(z.object({ seq: z.number().int(), plannedEnd: isoDate, decidedOn: isoDate.nullable() })),
  consultations: z.array(intlConsultationSchema),
  checks: z.array(intlFiveYearCheckSchema),
  /** why activation (draft) or the next renewal would be refused now; empty = allowed */
  blockers: z.array(issueSchema),
});
export type IntlDispatchDetail = z.infer<typeof intlDispatchDetailSchema>;

export const intlDispatchCheckSchema = z.object({ issues: z.array(issueSchema), checks: z.array(intlFiveYearCheckSchema) });

export const intlConsultationInputSchema = z.strictObject({
  version: z.number().int().min(1),
  step: z.union([z.literal('initial'), z.number().int().min(0)]).default('initial'),
  /** the planned end the consultation is about; default: that of the step */
  plannedEnd: isoDate.optional(),
  reason: reqText(4000),
  filedOn: isoDate.optional(),
});
export type IntlConsultationInput = z.infer<typeof intlConsultationInputSchema>;
export const intlConsultationAnswerInputSchema = z.strictObject({
  version: z.number().int().min(1),
  answer: z.enum(['agreed', 'not_agreed']),
  answeredOn: isoDate.optional(),
  note: optText(2000),
});
export type IntlConsultationAnswerInput = z.infer<typeof intlConsultationAnswerInputSchema>;
export const intlConsultationQuerySchema = z.strictObject({
  answer: consultationAnswerSchema.optional(),
  fiscalYear: fy.optional(),
  dispatchId: recordId.optional(),
});
export const intlConsultationListSchema = z.object({ items: z.array(intlConsultationSchema) });
export const intlConsultationYearsSchema = z.object({
  rows: z.array(z.object({ fiscalYear: z.number().int(), count: z.number().int(), source: z.enum(['records', 'published']), citation: z.string().optional() })),
  recordsFromFy: z.number().int(),
});

export const intlUpcomingQuerySchema = z.strictObject({ months: z.coerce.number().int().min(1).max(120).default(12), asOf: isoDate.optional() });
export const intlUpcomingSchema = z.object({
  dispatchId: z.number().int(),
  personName: z.string(),
  sendingOrganisation: label,
  host: label,
  periodStart: isoDate,
  crossesOn: isoDate,
  currentPlannedEnd: isoDate,
  kind: z.enum(['planned_beyond', 'renewal_would_cross']),
  consulted: z.boolean(),
  state: intlDispatchStateSchema,
});
export const intlUpcomingListSchema = z.object({ asOf: isoDate, until: isoDate, items: z.array(intlUpcomingSchema) });

// ---------------------------------------------------------------- year figures

export const intlFiguresQuerySchema = z.strictObject({
  fromFy: fy.optional(),
  toFy: fy.optional(),
  lang: z.enum(['ja', 'en']).default('ja'),
});
export type IntlFiguresQuery = z.infer<typeof intlFiguresQuerySchema>;
export const intlYearRowSchema = z.object({
  fiscalYear: z.number().int(),
  dispatched: z.number().int(),
  returned: z.number().int(),
  notResumed: z.number().int(),
  endOfYear: z.number().int(),
  byHostType: z.record(z.string(), z.number().int()),
  byRegion: z.record(z.string(), z.number().int()),
  /** by host organisation code ('' = a host not in the list) */
  byOrganisation: z.record(z.string(), z.number().int()),
});
export type IntlYearRow = z.infer<typeof intlYearRowSchema>;
export const intlConsistencyIssueSchema = z.object({ code: z.string(), year: z.number().int().nullable().optional(), message: label });
export const intlFiguresSchema = z.object({
  openingStock: z.number().int(),
  rows: z.array(intlYearRowSchema),
  issues: z.array(intlConsistencyIssueSchema),
  hostTypes: z.array(intlCodeLabelSchema),
  regions: z.array(intlCodeLabelSchema),
});
export type IntlFigures = z.infer<typeof intlFiguresSchema>;

/** Published history (資料8) before the records, records after; where both exist, the difference. */
export const intlRecordsSeriesRowSchema = z.object({
  fiscalYear: z.number().int(),
  source: z.enum(['published', 'records']),
  dispatched: z.number().int().nullable(),
  returned: z.number().int().nullable(),
  notResumed: z.number().int().nullable(),
  endOfYear: z.number().int().nullable(),
  /** the figures from the records (null = no records for the year) */
  records: z.object({ dispatched: z.number().int(), returned: z.number().int(), notResumed: z.number().int(), endOfYear: z.number().int() }).nullable(),
  /** both exist for the year: the published figures and records − published */
  published: z.object({ dispatched: z.number().int().nullable(), returned: z.number().int().nullable(), notResumed: z.number().int().nullable(), endOfYear: z.number().int().nullable() }).nullable(),
  difference: z.object({ dispatched: z.number().int().nullable(), returned: z.number().int().nullable(), notResumed: z.number().int().nullable(), endOfYear: z.number().int().nullable() }).nullable(),
});
export type IntlRecordsSeriesRow = z.infer<typeof intlRecordsSeriesRowSchema>;
export const intlRecordsSeriesSchema = z.object({
  /** first fiscal year whose main figures come from the records: the year after the last published one (null = no records after it) */
  recordsFromFy: z.number().int().nullable(),
  rows: z.array(intlRecordsSeriesRowSchema),
  issues: z.array(intlConsistencyIssueSchema),
});
export type IntlRecordsSeries = z.infer<typeof intlRecordsSeriesSchema>;

// ---------------------------------------------------------------- seminars

export const intlSeminarQuerySchema = z.strictObject({ courseCode: z.string().max(60).optional(), fiscalYear: fy.optional(), throughFy: fy.optional() });
export const intlSeminarParticipantInputSchema = z.strictObject({
  country: z.string().regex(/^[A-Z]{2}$/),
  organisation: optText(300),
  level: optText(100),
});
export const intlSeminarSessionInputSchema = z.strictObject({
  courseCode: z.string().min(1).max(60),
  fiscalYear: fy,
  startDate: isoDate.nullable().optional(),
  endDate: isoDate.nullable().optional(),
  lengthLabel: optText(100),
  participants: z.array(intlSeminarParticipantInputSchema).max(500),
});
export type IntlSeminarSessionInput = z.infer<typeof intlSeminarSessionInputSchema>;
export const intlSeminarSessionSchema = z.object({
  id: z.number().int(),
  courseCode: z.string(),
  fiscalYear: z.number().int(),
  startDate: isoDate.nullable(),
  endDate: isoDate.nullable(),
  lengthLabel: z.string().nullable(),
  participants: z.array(z.object({ country: z.string(), organisation: z.string().nullable(), level: z.string().nullable() })),
});
export const intlSeminarSessionListSchema = z.object({ items: z.array(intlSeminarSessionSchema) });
const countryBounds = z.object({ min: z.number().int(), max: z.number().int(), exact: z.number().int().nullable() });
export const intlSeminarOverviewSchema = z.object({
  throughFy: z.number().int(),
  courses: z.array(
    z.object({
      code: z.string(),
      name: label,
      firstFy: z.number().int(),
      lastFy: z.number().int().nullable(),
      mergedInto: z.string().nullable(),
      years: z.array(z.object({ fiscalYear: z.number().int(), people: z.number().int(), countries: z.number().int(), source: z.enum(['records', 'published']), label })),
      cumulative: z
        .object({ fromFy: z.number().int(), throughFy: z.number().int(), people: z.number().int(), countries: countryBounds, complete: z.boolean(), missingYears: z.array(z.number().int()), label })
        .nullable(),
    }),
  ),
});
export type IntlSeminarOverview = z.infer<typeof intlSeminarOverviewSchema>;

// ---------------------------------------------------------------- fellowships

export const intlFellowInputSchema = z.strictObject({
  name: reqText(200),
  homeAgency: optText(300),
  placements: z.array(z.strictObject({ organisationId: recordId, from: isoDate.nullable().optional(), to: isoDate.nullable().optional(), note: optText(500) })).max(20).default([]),
});
export const intlFellowshipInputSchema = z.strictObject({
  cohortNumber: z.number().int().min(1).max(1000),
  fiscalYear: fy,
  programmeMonths: z.number().int().min(1).max(36).nullable().optional(),
  /** NPA's arrangements: orientation, study tours, … */
  arrangements: z.array(z.strictObject({ kind: z.enum(['orientation', 'study_tour', 'training', 'other']), date: isoDate.nullable().optional(), description: reqText(1000) })).max(50).default([]),
  fellows: z.array(intlFellowInputSchema).max(100).default([]),
  note: optText(2000),
});
export type IntlFellowshipInput = z.infer<typeof intlFellowshipInputSchema>;
export const intlFellowshipSchema = z.object({
  id: z.number().int(),
  cohortNumber: z.number().int(),
  fiscalYear: z.number().int(),
  programmeMonths: z.number().int().nullable(),
  arrangements: z.array(z.object({ kind: z.string(), date: isoDate.nullable(), description: z.string() })),
  fellows: z.array(z.object({
    id: z.number().int(),
    name: z.string(),
    homeAgency: z.string().nullable(),
    placements: z.array(z.object({ organisationId: z.number().int(), organisation: label, from: isoDate.nullable(), to: isoDate.nullable(), note: z.string().nullable() })),
  })),
  note: z.string().nullable(),
});
export type IntlFellowship = z.infer<typeof intlFellowshipSchema>;
export const intlFellowshipListSchema = z.object({ items: z.array(intlFellowshipSchema) });

// ---------------------------------------------------------------- delegations

export const intlYearQuerySchema = z.strictObject({ fiscalYear: fy.optional(), lang: z.enum(['ja', 'en']).default('ja') });
export const intlDelegationInputSchema = z.strictObject({
  date: isoDate,
  parties: z.array(z.strictObject({ kind: z.enum(['country', 'organisation']), code: z.string().min(1).max(60) })).min(1).max(20),
  visitors: z.number().int().min(0).max(10_000).nullable().optional(),
  topic: optText(1000),
  npaStaff: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
});
export type IntlDelegationInput = z.infer<typeof intlDelegationInputSchema>;
export const intlDelegationSchema = z.object({
  id: z.number().int(),
  date: isoDate,
  fiscalYear: z.number().int(),
  parties: z.array(z.object({ kind: z.enum(['country', 'organisation']), code: z.string() })),
  visitors: z.number().int().nullable(),
  topic: z.string().nullable(),
  npaStaff: z.array(z.string()),
});
export const intlDelegationYearSchema = z.object({
  fiscalYear: z.number().int(),
  source: z.enum(['records', 'published']),
  visits: z.number().int().nullable(),
  countries: z.number().int().nullable(),
  organisations: z.number().int().nullable(),
  people: z.number().int().nullable(),
  label,
});
export const intlDelegationListSchema = z.object({ items: z.array(intlDelegationSchema), years: z.array(intlDelegationYearSchema) });
export type IntlDelegationList = z.infer<typeof intlDelegationListSchema>;

// ---------------------------------------------------------------- networks

export const intlNetworkSchema = z.enum(['accsm_plus3', 'china_japan_korea']);
export const intlNetworkEventKindSchema = z.enum(['meeting', 'symposium', 'workshop', 'joint_training', 'other']);
export const intlNetworkQuerySchema = z.strictObject({ network: intlNetworkSchema.optional(), fiscalYear: fy.optional() });
export const intlNetworkEventInputSchema = z.strictObject({
  network: intlNetworkSchema,
  kind: intlNetworkEventKindSchema,
  startDate: isoDate,
  endDate: isoDate.nullable().optional(),
  place: reqText(300),
  theme: reqText(1000),
  host: reqText(300),
  /** countries (ISO alpha-2) or bodies taking part */
  participants: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
  note: optText(2000),
});
export type IntlNetworkEventInput = z.infer<typeof intlNetworkEventInputSchema>;
export const intlNetworkEventSchema = z.object({
  id: z.number().int(),
  network: intlNetworkSchema,
  kind: intlNetworkEventKindSchema,
  startDate: isoDate,
  endDate: isoDate.nullable(),
  fiscalYear: z.number().int(),
  place: z.string(),
  theme: z.string(),
  host: z.string(),
  participants: z.array(z.string()),
  note: z.string().nullable(),
});
export const intlNetworkEventListSchema = z.object({ items: z.array(intlNetworkEventSchema) });

export type IntlDispatchList = z.infer<typeof intlDispatchListSchema>;
export type IntlUpcomingList = z.infer<typeof intlUpcomingListSchema>;
export type IntlConsultationList = z.infer<typeof intlConsultationListSchema>;
export type IntlConsultationYears = z.infer<typeof intlConsultationYearsSchema>;
export type IntlSeminarSession = z.infer<typeof intlSeminarSessionSchema>;
export type IntlDelegation = z.infer<typeof intlDelegationSchema>;
export type IntlNetworkEvent = z.infer<typeof intlNetworkEventSchema>;
export type IntlOrganisationList = z.infer<typeof intlOrganisationListSchema>;
export type IntlDispatchCheck = z.infer<typeof intlDispatchCheckSchema>;
