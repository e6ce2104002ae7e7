// Demo exchange cases (交流案件), added by `koryu demo load` and `start --demo` after the criteria
// facts (demo-criteria.ts): a few METI cases in different states so that the pipeline, the NPA's
// queue and the company's list are not empty, and three named people the browser test walks
// through the workflow. Dates are relative to the day of loading. Loaded once: a second run finds
// its marker person and changes nothing.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database, Executor } from '../db/client.ts';
import { inTransaction } from '../db/tx.ts';
import { companies, exchangeCases, licensingJurisdictions, organisations, orgUnits, people, postAssignments } from '../db/schema.ts';
import { writeAudit } from '../platform/audit.ts';
import { systemContext } from '../platform/context.ts';
import { exchangesRepository as repo } from '../modules/exchanges/exchanges.repository.ts';
import { exchangeParameters } from '../modules/exchanges/exchanges.parameters.ts';
import { reviewDueDate } from '../modules/exchanges/planner.ts';
import { monthsBefore } from '../modules/exchanges/workflow.ts';

/** The people the browser test names (fictional). */
export const demoExchangePeople = {
  /** A METI official, free to be dispatched (交流派遣) to the company HR login's company. */
  official: { familyName: '北条', givenName: '真澄', familyNameKana: 'ホウジョウ', givenNameKana: 'マスミ', birthDate: '1988-06-12', gender: 'female' },
  /** An employee of the company HR login's company, to be hired (交流採用・雇用継続型). */
  employee: { familyName: '早乙女', givenName: '美咲', familyNameKana: 'サオトメ', givenNameKana: 'ミサキ', birthDate: '1991-09-03', gender: 'female' },
  /** An employee of a company one METI unit licenses: hiring them into that unit breaks the 交流基準. */
  barredEmployee: { familyName: '石動', givenName: '大輔', familyNameKana: 'イスルギ', givenNameKana: 'ダイスケ', birthDate: '1985-02-20', gender: 'male' },
} as const;

/** The post title of the seeded hire the criteria bar (the test opens it by this text). */
export const DEMO_BARRED_POST = '電力安全専門職（デモ）';

const DAY = 86_400_000;
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const monthsAfter = (d: string, n: number) => monthsBefore(d, -n);
/** The first day of the month `n` months after `d`'s month. */
const firstOfMonth = (d: string, n: number) => `${monthsAfter(`${d.slice(0, 7)}-01`, n)}`;

type Step = { event: string; from: string; to: string; role: string; note?: string };

/** Adds the demo cases unless they are there; returns how many cases it added. */
export async function loadDemoExchanges(database: Database, today = new Date().toISOString().slice(0, 10)): Promise<number> {
  return inTransaction(database.db, async (tx) => {
    const marker = await tx
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.familyName, demoExchangePeople.official.familyName), eq(people.givenName, demoExchangePeople.official.givenName)))
      .limit(1);
    if (marker.length) return 0;
    const meti = (await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.nameJa, '経済産業省')).limit(1))[0];
    if (!meti) return 0;
    // The company HR demo login's company (demo.ts: the first active one).
    const hrCompany = (await tx.select({ id: companies.id }).from(companies).where(eq(companies.status, 'active')).orderBy(asc(companies.id)).limit(1))[0];
    if (!hrCompany) return 0;
    const divisions = await tx
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(and(eq(orgUnits.organisationId, meti.id), eq(orgUnits.kind, 'division')))
      .orderBy(asc(orgUnits.sortOrder), asc(orgUnits.id))
      .limit(6);
    if (divisions.length < 3) return 0;
    // The unit demo-criteria gave licensing jurisdiction (電気事業法) over a company.
    const licensing = (
      await tx
        .select({ unitId: licensingJurisdictions.unitId, companyId: licensingJurisdictions.companyId })
        .from(licensingJurisdictions)
        .innerJoin(orgUnits, eq(orgUnits.id, licensingJurisdictions.unitId))
        .where(and(eq(orgUnits.organisationId, meti.id), sql`${licensingJurisdictions.basis} like '電気事業法%'`))
        .orderBy(asc(licensingJurisdictions.id))
        .limit(1)
    )[0];

    const insertPerson = async (p: (typeof demoExchangePeople)[keyof typeof demoExchangePeople], where: { organisationId?: number; companyId?: number }) =>
      (
        await tx
          .insert(people)
          .values({ kind: where.organisationId ? 'official' : 'employee', ...p, organisationId: where.organisationId ?? null, companyId: where.companyId ?? null })
          .returning({ id: people.id })
      )[0]!.id;
    const officialId = await insertPerson(demoExchangePeople.official, { organisationId: meti.id });
    await tx.insert(postAssignments).values({ personId: officialId, unitId: divisions[1]!.id, postTitleJa: '課長補佐', postTitleEn: 'Deputy Director', startDate: '2022-04-01', handlesLicensing: false });
    await insertPerson(demoExchangePeople.employee, { companyId: hrCompany.id });
    const barredId = licensing ? await insertPerson(demoExchangePeople.barredEmployee, { companyId: licensing.companyId }) : null;

    // Other METI officials for the background cases (never the demo participant, the first one).
    const officials = await tx
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.organisationId, meti.id), eq(people.kind, 'official'), sql`${people.id} <> ${officialId}`))
      .orderBy(asc(people.id))
      .offset(5)
      .limit(3);
    const others = await tx
      .select({ id: companies.id })
      .from(companies)
      .where(and(eq(companies.status, 'active'), eq(companies.legalTypeCode, 'kabushiki_kaisha'), sql`${companies.id} <> ${hrCompany.id}`))
      .orderBy(asc(companies.id))
      .offset(20)
      .limit(3);
    const employee = (await tx.select({ id: people.id, companyId: people.companyId }).from(people).where(and(eq(people.kind, 'employee'), sql`${people.companyId} is not null`)).orderBy(asc(people.id)).limit(1))[0];

    const params = exchangeParameters();
    const year = +today.slice(0, 4);
    let added = 0;
    const open = async (
      c: { direction: 'dispatch' | 'hire'; hireType?: 'continued' | 'resigned'; unitId: number; postTitle: string; companyId: number; personId: number | null; plannedStart: string; plannedEnd: string },
      state: string,
      steps: Step[],
      extra: Partial<typeof exchangeCases.$inferInsert> = {},
    ) => {
      const row = await repo.insertCase(
        tx,
        { direction: c.direction, hireType: c.hireType ?? null, organisationId: meti.id, unitId: c.unitId, postTitle: c.postTitle, companyId: c.companyId, personId: c.personId, plannedStart: c.plannedStart, plannedEnd: c.plannedEnd, interviewIntervalMonths: 3 },
        year,
      );
      await tx.update(exchangeCases).set({ state, ...extra }).where(eq(exchangeCases.id, row.id));
      await repo.moveCount(tx, meti.id, 'consultation', state);
      await repo.insertEvent(tx, { caseId: row.id, event: 'open', fromState: 'consultation', toState: 'consultation', actorRole: 'ministry_hr', note: null });
      for (const s of steps) await repo.insertEvent(tx, { caseId: row.id, event: s.event, fromState: s.from, toState: s.to, actorRole: s.role, note: s.note ?? null });
      added++;
      return row.id;
    };
    const path: Step[] = [
      { event: 'submit', from: 'consultation', to: 'submitted', role: 'ministry_hr' },
      { event: 'start_review', from: 'submitted', to: 'under_review', role: 'npa' },
      { event: 'approve_informally', from: 'under_review', to: 'informally_approved', role: 'npa' },
      { event: 'apply_formally', from: 'informally_approved', to: 'formal_application', role: 'ministry_hr' },
      { event: 'certify', from: 'formal_application', to: 'certified', role: 'npa' },
      { event: 'sign_agreement', from: 'certified', to: 'agreement_signed', role: 'ministry_hr' },
      { event: 'begin', from: 'agreement_signed', to: 'active', role: 'ministry_hr' },
    ];

    // 1. A dispatch under way since the start of the month six months ago.
    if (officials[0] && others[0]) {
      const start = firstOfMonth(today, -6);
      const end = addDays(monthsAfter(start, 24), -1);
      const submitted = monthsBefore(start, 3);
      const id = await open(
        { direction: 'dispatch', unitId: divisions[2]!.id, postTitle: '係長', companyId: others[0].id, personId: officials[0].id, plannedStart: start, plannedEnd: end },
        'active',
        path,
        { submittedOn: submitted, reviewDueOn: reviewDueDate(submitted, params), informallyApprovedOn: addDays(submitted, 10), certifiedOn: addDays(submitted, 30), actualStart: start, criteriaVerdict: 'eligible', criteriaCheckedAt: new Date(`${submitted}T10:00:00+09:00`).toISOString() },
      );
      const interviews = [];
      for (let k = 1; k < 8; k++) {
        const on = monthsAfter(start, 3 * k);
        if (on >= end) break;
        interviews.push({ caseId: id, scheduledOn: on, ...(on < today ? { status: 'held', heldOn: on, interviewer: '秘書課 人事担当', notes: '業務に順調に適応している。' } : {}) });
      }
      await repo.insertInterviews(tx, interviews);
    }
    // 2. A dispatch waiting for the NPA: submitted three weeks ago, past its review target.
    if (officials[1] && others[1]) {
      const start = firstOfMonth(today, 4);
      const submitted = addDays(today, -21);
      await open(
        { direction: 'dispatch', unitId: divisions[0]!.id, postTitle: '課長補佐', companyId: others[1].id, personId: officials[1].id, plannedStart: start, plannedEnd: addDays(monthsAfter(start, 24), -1) },
        'under_review',
        path.slice(0, 2),
        { submittedOn: submitted, reviewDueOn: reviewDueDate(submitted, params), criteriaVerdict: 'eligible', criteriaCheckedAt: new Date(`${submitted}T10:00:00+09:00`).toISOString() },
      );
    }
    // 3. A hire (退職型) that ended as planned last year.
    if (employee?.companyId != null) {
      const start = firstOfMonth(today, -36);
      const end = addDays(monthsAfter(start, 24), -1);
      await open(
        { direction: 'hire', hireType: 'resigned', unitId: divisions[1]!.id, postTitle: '専門職', companyId: employee.companyId, personId: employee.id, plannedStart: start, plannedEnd: end },
        'returned',
        [...path, { event: 'return', from: 'active', to: 'returned', role: 'ministry_hr' }],
        { submittedOn: monthsBefore(start, 3), informallyApprovedOn: addDays(monthsBefore(start, 3), 12), certifiedOn: monthsBefore(start, 2), actualStart: start, actualEnd: end, returnPost: '民間企業等へ再雇用' },
      );
    }
    // 4. A dispatch to the company HR login's company, being discussed.
    if (officials[2]) {
      const start = firstOfMonth(today, 7);
      await open(
        { direction: 'dispatch', unitId: divisions[2]!.id, postTitle: '係長', companyId: hrCompany.id, personId: officials[2].id, plannedStart: start, plannedEnd: addDays(monthsAfter(start, 24), -1) },
        'consultation',
        [],
      );
    }
    // 5. A hire (雇用継続型) into the unit that licenses the employee's company: the criteria bar it.
    if (licensing && barredId) {
      const start = firstOfMonth(today, 5);
      await open(
        { direction: 'hire', hireType: 'continued', unitId: licensing.unitId, postTitle: DEMO_BARRED_POST, companyId: licensing.companyId, personId: barredId, plannedStart: start, plannedEnd: addDays(monthsAfter(start, 24), -1) },
        'consultation',
        [],
      );
    }
    await writeAudit(tx, { ...systemContext('demo-load'), ip: 'cli' }, { action: 'demo.exchange_cases', recordType: 'demo', after: { cases: added } });
    return added;
  });
}
