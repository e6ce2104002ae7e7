import { z } from 'zod';
import { criteriaDate } from './criteria.schema.ts';

// Information sessions for companies (説明会, seed 001 別添5 民間企業に対する説明会実施状況): an event
// with on-site sessions (実地開催: date, place, capacity, programme) and an online replay period
// (オンライン開催: 録画のオンライン配信), company staff registering, attendance, the ministries taking
// part (some for the exchange of views only, 意見交換のみ), contact exchanges after the event
// (名刺交換、情報交換等) and their follow-up, and the figures computed from those records.
// Request and response shapes of /api/public/events, /api/events and /api/event-registrations.

const recordId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const refId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1, { message: 'text.required' }).max(max);
/** An optional second-language text: blank becomes null. */
const optionalText = (max: number) =>
  text(max)
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional();

export const eventStatusSchema = z.enum(['planned', 'open', 'closed', 'held']); // 準備中 / 受付中 / 受付終了 / 開催済み
export type EventStatus = z.infer<typeof eventStatusSchema>;
export const participationSchema = z.enum(['talks', 'views_only']); // 意向紹介・個別の意見交換 / 意見交換のみ
export type Participation = z.infer<typeof participationSchema>;
export const followUpSchema = z.enum(['contacted', 'in_talks', 'case_opened', 'no_further']);
export type FollowUp = z.infer<typeof followUpSchema>;
export const FOLLOW_UPS: readonly FollowUp[] = followUpSchema.options;
export const registrationModeSchema = z.enum(['onsite', 'online']); // 実地 / オンライン（録画配信）
export type RegistrationMode = z.infer<typeof registrationModeSchema>;

export const eventParamsSchema = z.strictObject({ id: recordId });
export const sessionParamsSchema = z.strictObject({ id: recordId, sessionId: recordId });
export const contactParamsSchema = z.strictObject({ id: recordId, contactId: recordId });
export const registrationParamsSchema = z.strictObject({ id: recordId });

/**
 * A moment as typed in a form (YYYY-MM-DDTHH:mm, Japan time) or an ISO instant with its offset;
 * always returned as an ISO instant.
 */
export const eventInstant = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/, { message: 'event.datetime_format' })
  .transform((s) => (/(Z|[+-]\d{2}:\d{2})$/.test(s) ? s : `${s.length === 16 ? `${s}:00` : s}+09:00`))
  .refine((s) => {
    const d = new Date(s);
    return !Number.isNaN(d.getTime()) && d.getUTCFullYear() >= 2000 && d.getUTCFullYear() <= 2100 && criteriaDate.safeParse(s.slice(0, 10)).success;
  }, { message: 'date.invalid' })
  .transform((s) => new Date(s).toISOString());

// ---------------------------------------------------------------- events (center / NPA)

const eventFields = {
  title: required(200),
  titleEn: optionalText(200),
  description: text(4000).default(''),
  descriptionEn: optionalText(4000),
  replayFrom: criteriaDate.nullable().optional(), // オンライン配信の実施期間
  replayUntil: criteriaDate.nullable().optional(),
  replayCapacity: z.number().int({ message: 'event.capacity_range' }).min(1, { message: 'event.capacity_range' }).max(100_000, { message: 'event.capacity_range' }).nullable().optional(),
  status: eventStatusSchema.default('planned'),
};

const replayRule = <T extends { replayFrom?: string | null; replayUntil?: string | null }>(v: T) => !v.replayFrom || !v.replayUntil || v.replayUntil >= v.replayFrom;

export const eventInputSchema = z
  .strictObject(eventFields)
  .refine(replayRule, { message: 'date.end_before_start', path: ['replayUntil'] })
  .refine((v) => !v.replayUntil || v.replayFrom, { message: 'event.replay_from_required', path: ['replayFrom'] });
export type EventInput = z.infer<typeof eventInputSchema>;

export const eventPatchSchema = z
  .strictObject({
    title: eventFields.title.optional(),
    titleEn: eventFields.titleEn,
    description: text(4000).optional(),
    descriptionEn: eventFields.descriptionEn,
    replayFrom: eventFields.replayFrom,
    replayUntil: eventFields.replayUntil,
    replayCapacity: eventFields.replayCapacity,
    status: eventStatusSchema.optional(),
  })
  .refine(replayRule, { message: 'date.end_before_start', path: ['replayUntil'] });
export type EventPatch = z.infer<typeof eventPatchSchema>;

/** 定員 (people). */
const sessionCapacity = z.number().int({ message: 'event.capacity_range' }).min(1, { message: 'event.capacity_range' }).max(10_000, { message: 'event.capacity_range' });

export const sessionInputSchema = z
  .strictObject({
    startsAt: eventInstant,
    endsAt: eventInstant,
    place: required(200),
    capacity: sessionCapacity,
    programme: text(4000).default(''),
  })
  .refine((v) => v.endsAt > v.startsAt, { message: 'event.ends_before_start', path: ['endsAt'] });
export type SessionInput = z.infer<typeof sessionInputSchema>;

export const sessionPatchSchema = z
  .strictObject({
    startsAt: eventInstant.optional(),
    endsAt: eventInstant.optional(),
    place: required(200).optional(),
    capacity: sessionCapacity.optional(),
    programme: text(4000).optional(),
  })
  .refine((v) => !v.startsAt || !v.endsAt || v.endsAt > v.startsAt, { message: 'event.ends_before_start', path: ['endsAt'] });
export type SessionPatch = z.infer<typeof sessionPatchSchema>;

export const ministriesInputSchema = z
  .strictObject({
    ministries: z.array(z.strictObject({ organisationId: refId, participation: participationSchema })).max(100),
  })
  .refine((v) => new Set(v.ministries.map((m) => m.organisationId)).size === v.ministries.length, { message: 'event.ministry_twice', path: ['ministries'] });
export type MinistriesInput = z.infer<typeof ministriesInputSchema>;

// ---------------------------------------------------------------- registration (company HR)

export const attendeeSchema = z.strictObject({ name: required(100), title: text(100).default('') }); // 氏名・役職
export type Attendee = z.infer<typeof attendeeSchema>;

export const registrationInputSchema = z
  .strictObject({
    mode: registrationModeSchema,
    sessionId: refId.nullable().optional(), // on site: the session; online: none
    attendees: z.array(attendeeSchema).min(1, { message: 'event.attendees_required' }).max(50),
    wantedOrganisationIds: z.array(refId).max(50).default([]), // 意見交換を希望する府省等
  })
  .refine((v) => v.mode === 'online' || v.sessionId != null, { message: 'event.session_required', path: ['sessionId'] })
  .refine((v) => v.mode === 'onsite' || v.sessionId == null, { message: 'event.online_no_session', path: ['sessionId'] })
  .refine((v) => new Set(v.wantedOrganisationIds).size === v.wantedOrganisationIds.length, { message: 'event.ministry_twice', path: ['wantedOrganisationIds'] });
export type RegistrationInput = z.infer<typeof registrationInputSchema>;

export const emptyBodySchema = z.strictObject({});

// ---------------------------------------------------------------- after the event (center / NPA)

export const attendanceInputSchema = z.strictObject({
  items: z
    .array(
      z.strictObject({
        registrationId: refId,
        // null: not recorded yet; 0: nobody came (or watched)
        attendedCount: z.number().int({ message: 'integer.nonnegative' }).min(0, { message: 'integer.nonnegative' }).max(1000).nullable(),
      }),
    )
    .min(1)
    .max(2000),
});
export type AttendanceInput = z.infer<typeof attendanceInputSchema>;

export const contactInputSchema = z.strictObject({
  companyId: refId,
  organisationId: refId,
  followUp: followUpSchema.default('contacted'),
  note: text(2000).default(''),
});
export type ContactInput = z.infer<typeof contactInputSchema>;

export const contactPatchSchema = z.strictObject({ followUp: followUpSchema.optional(), note: text(2000).optional() });
export type ContactPatch = z.infer<typeof contactPatchSchema>;

// ---------------------------------------------------------------- responses

const names = { nameJa: z.string(), nameEn: z.string() };

export const eventSessionSchema = z.object({
  id: z.number().int(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  capacity: z.number().int(),
  programme: z.string(),
  /** People registered (cancelled registrations excluded). Not personal data. */
  registeredPeople: z.number().int(),
  seatsLeft: z.number().int(),
  /** Registration is possible now: the event is open and the session has not started. */
  open: z.boolean(),
});
export type EventSession = z.infer<typeof eventSessionSchema>;

export const eventMinistrySchema = z.object({ organisationId: z.number().int(), ...names, participation: participationSchema });
export type EventMinistry = z.infer<typeof eventMinistrySchema>;

export const eventSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  titleEn: z.string().nullable(),
  description: z.string(),
  descriptionEn: z.string().nullable(),
  replayFrom: z.string().nullable(),
  replayUntil: z.string().nullable(),
  replayCapacity: z.number().int().nullable(),
  replayRegisteredPeople: z.number().int(),
  /** Online registration is possible now. */
  replayOpen: z.boolean(),
  status: eventStatusSchema,
  sessions: z.array(eventSessionSchema),
  ministries: z.array(eventMinistrySchema),
  /** At most this many people in one registration (dated parameter events.max_attendees). */
  maxAttendees: z.number().int(),
});
export type InfoEvent = z.infer<typeof eventSchema>;

export const publicEventsQuerySchema = z.strictObject({ when: z.enum(['upcoming', 'past', 'all']).default('upcoming') });
export type PublicEventsQuery = z.infer<typeof publicEventsQuerySchema>;
export const eventListSchema = z.object({ items: z.array(eventSchema) });

export const wantedSchema = z.object({ organisationId: z.number().int(), ...names });

export const registrationSchema = z.object({
  id: z.number().int(),
  eventId: z.number().int(),
  eventTitle: z.string(),
  eventTitleEn: z.string().nullable(),
  mode: registrationModeSchema,
  sessionId: z.number().int().nullable(),
  sessionStartsAt: z.string().nullable(),
  sessionPlace: z.string().nullable(),
  companyId: z.number().int(),
  companyName: z.string(),
  attendees: z.array(z.object({ name: z.string(), title: z.string() })),
  attendeeCount: z.number().int(),
  wanted: z.array(wantedSchema),
  status: z.enum(['registered', 'cancelled']),
  attendedCount: z.number().int().nullable(),
  createdAt: z.string(),
  canCancel: z.boolean(),
});
export type Registration = z.infer<typeof registrationSchema>;
export const registrationListSchema = z.object({ items: z.array(registrationSchema) });

export const contactSchema = z.object({
  id: z.number().int(),
  eventId: z.number().int(),
  companyId: z.number().int(),
  companyName: z.string(),
  organisationId: z.number().int(),
  ...names,
  followUp: followUpSchema,
  note: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EventContact = z.infer<typeof contactSchema>;
export const contactListSchema = z.object({ items: z.array(contactSchema) });

const headcount = z.object({ organisations: z.number().int(), people: z.number().int() });
export type Headcount = z.infer<typeof headcount>;

/** Figures per event, computed from the records (server/src/modules/events/event-figures.ts). */
export const eventFiguresSchema = z.object({
  onsite: z.object({
    registered: headcount,
    attended: headcount,
    cancelled: z.number().int(), // registrations
    attendancePending: z.number().int(), // registrations without a recorded attendance
  }),
  online: z.object({ registered: headcount, attended: headcount, cancelled: z.number().int(), attendancePending: z.number().int() }),
  /** Organisations that attended on site or watched online, each counted once (the seed's 62法人). */
  organisationsTotal: z.number().int(),
  ministries: z.object({ total: z.number().int(), talks: z.number().int(), viewsOnly: z.number().int() }),
  contacts: z.object({
    total: z.number().int(),
    organisations: z.number().int(),
    ministries: z.number().int(),
    byFollowUp: z.object({ contacted: z.number().int(), in_talks: z.number().int(), case_opened: z.number().int(), no_further: z.number().int() }),
  }),
});
export type EventFigures = z.infer<typeof eventFiguresSchema>;

/** The management list: each event with its figures. */
export const managedEventListSchema = z.object({ items: z.array(eventSchema.extend({ figures: eventFiguresSchema })) });
