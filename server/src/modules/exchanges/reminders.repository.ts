// The reminders' reads: the cases a reminder may be due for on a day (with their ministry,
// company, upcoming interviews and open query), and the e-mail addresses of the recipients.
// The SQL only narrows the cases down; reminders.ts decides exactly which reminders are due.
import { and, asc, eq, gte, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { accounts, caseInterviews, companies, exchangeCases, organisations } from '../../db/schema.ts';
import { idArray } from '../../db/sql.ts';
import { addDays, type IsoDate } from '../criteria/dates.ts';
import type { ReminderCase, ReminderSnapshot, reminderWindows } from './reminders.ts';
import type { CaseState } from './workflow.ts';

export type RecipientAccount = { id: number; email: string; role: 'npa' | 'ministry_hr' | 'company_hr'; organisationId: number | null; companyId: number | null };

/** The submission deadline is at most this many months before the start (the parameter is 1). */
const MAX_LEAD_MONTHS = 12;

export const remindersRepository = {
  async snapshot(db: Executor, today: IsoDate, w: ReturnType<typeof reminderWindows>): Promise<ReminderSnapshot> {
    const interviewUntil = addDays(today, w.interviewDays);
    const withInterview = sql`exists (select 1 from ${caseInterviews} i where i.case_id = ${exchangeCases.id} and i.status = 'scheduled'
      and i.scheduled_on between ${today}::date and ${interviewUntil}::date)`;
    const rows = await db
      .select({
        id: exchangeCases.id,
        reference: exchangeCases.reference,
        state: exchangeCases.state,
        direction: exchangeCases.direction,
        organisationId: exchangeCases.organisationId,
        organisationNameJa: organisations.nameJa,
        organisationNameEn: organisations.nameEn,
        companyId: exchangeCases.companyId,
        companyName: companies.name,
        postTitle: exchangeCases.postTitle,
        plannedStart: exchangeCases.plannedStart,
        plannedEnd: exchangeCases.plannedEnd,
        reviewDueOn: exchangeCases.reviewDueOn,
        // The day (in Japan) the case went to the ministry with the NPA's query.
        stateSince: sql<string>`((${exchangeCases.stateChangedAt} at time zone 'UTC') + interval '9 hours')::date::text`,
      })
      .from(exchangeCases)
      .innerJoin(organisations, eq(organisations.id, exchangeCases.organisationId))
      .innerJoin(companies, eq(companies.id, exchangeCases.companyId))
      .where(
        or(
          // review past its target, or a query waiting for the ministry
          and(inArray(exchangeCases.state, ['submitted', 'under_review']), lt(exchangeCases.reviewDueOn, today)),
          eq(exchangeCases.state, 'query_to_ministry'),
          // submission deadline ahead (the start within the lead time plus the window)
          and(
            eq(exchangeCases.state, 'consultation'),
            gte(exchangeCases.plannedStart, today),
            lte(exchangeCases.plannedStart, addDays(today, w.submissionDays + 31 * MAX_LEAD_MONTHS + 1)),
          ),
          // running: the end within its window, or an interview coming up
          and(
            inArray(exchangeCases.state, ['active', 'extended']),
            or(and(gte(exchangeCases.plannedEnd, today), lte(exchangeCases.plannedEnd, addDays(today, w.endDays))), withInterview),
          ),
        ),
      )
      .orderBy(asc(exchangeCases.id));

    const running = rows.filter((r) => r.state === 'active' || r.state === 'extended').map((r) => r.id);
    const interviews = running.length
      ? await db
          .select({ id: caseInterviews.id, caseId: caseInterviews.caseId, scheduledOn: caseInterviews.scheduledOn, status: caseInterviews.status })
          .from(caseInterviews)
          .where(
            and(
              sql`${caseInterviews.caseId} = any(${idArray(running)})`,
              eq(caseInterviews.status, 'scheduled'),
              gte(caseInterviews.scheduledOn, today),
              lte(caseInterviews.scheduledOn, interviewUntil),
            ),
          )
          .orderBy(asc(caseInterviews.scheduledOn), asc(caseInterviews.id))
      : [];

    const cases: ReminderCase[] = rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      state: r.state as CaseState,
      direction: r.direction as ReminderCase['direction'],
      organisationId: r.organisationId,
      organisationName: { ja: r.organisationNameJa, en: r.organisationNameEn },
      companyId: r.companyId,
      companyName: r.companyName,
      postTitle: r.postTitle,
      plannedStart: r.plannedStart,
      plannedEnd: r.plannedEnd,
      reviewDueOn: r.reviewDueOn,
      interviews: interviews
        .filter((i) => i.caseId === r.id)
        .map((i) => ({ id: i.id, scheduledOn: i.scheduledOn, status: i.status as 'scheduled' })),
      openQuerySince: r.state === 'query_to_ministry' ? r.stateSince : null,
    }));
    return { cases };
  },

  /** Active accounts that receive reminders: every NPA account, the HR of the given ministries and companies. */
  async recipients(db: Executor, organisationIds: readonly number[], companyIds: readonly number[]): Promise<RecipientAccount[]> {
    const rows = await db
      .select({ id: accounts.id, email: accounts.email, role: accounts.role, organisationId: accounts.organisationId, companyId: accounts.companyId })
      .from(accounts)
      .where(
        and(
          eq(accounts.status, 'active'),
          or(
            eq(accounts.role, 'npa'),
            and(eq(accounts.role, 'ministry_hr'), sql`${accounts.organisationId} = any(${idArray(organisationIds)})`),
            and(eq(accounts.role, 'company_hr'), sql`${accounts.companyId} = any(${idArray(companyIds)})`),
          ),
        ),
      )
      .orderBy(asc(accounts.id));
    return rows as RecipientAccount[];
  },
};
