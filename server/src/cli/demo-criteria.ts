// Demo facts for the criteria engine (交流基準), added by `koryu demo load` and `start --demo`
// after the generated registry: a small, realistic set around the demo participant (the first
// METI official) so that every rule shows each of its outcomes. Dates are relative to the day of
// loading. Loaded once: a second run finds its marker case and changes nothing.
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Database, Executor } from '../db/client.ts';
import { inTransaction } from '../db/tx.ts';
import {
  companies,
  companyDivisions,
  companySales,
  companySanctions,
  contractInvolvements,
  divisionRevenue,
  exchangeHistory,
  licensingJurisdictions,
  ministryContracts,
  organisations,
  orgUnits,
  people,
  postAssignments,
} from '../db/schema.ts';
import { writeAudit } from '../platform/audit.ts';
import { systemContext } from '../platform/context.ts';
import { makeCorporateNumber } from '../../../common/src/corporate-number.ts';
import { nameCore, normalizeForSearch } from '../../../common/src/text.ts';

export const DEMO_CASE_REF = 'デモ事案-001';

const DAY = 86_400_000;
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const addMonths = (d: string, n: number) => {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCMonth(t.getUTCMonth() + n);
  return t.toISOString().slice(0, 10);
};
const fiscalYearOf = (d: string) => (Number(d.slice(5, 7)) >= 4 ? Number(d.slice(0, 4)) : Number(d.slice(0, 4)) - 1);

export type DemoCriteriaFacts = {
  personId: number;
  /** The unit of the participant's current post (their dispatch unit). */
  currentUnitId: number;
  /** Held in the last two years with licensing duties over `licensing`. */
  licensingUnitId: number;
  /** Unit whose three consecutive exchanges with `consecutive` are on record. */
  consecutiveUnitId: number;
  companies: {
    licensing: { id: number; name: string; subsidiaryId: number | null };
    prosecuted: { id: number; name: string };
    contractDependent: { id: number; name: string };
    involvement: { id: number; name: string };
    publicRevenue: { id: number; name: string; publicDivisionId: number; otherDivisionId: number };
    consecutive: { id: number; name: string };
    ineligible: { id: number; name: string };
  };
};

type CompanyPick = { id: number; name: string };

async function pickCompany(tx: Executor, where: SQL, prefer: SQL, exclude: number[]): Promise<CompanyPick | undefined> {
  const rows = await tx
    .select({ id: companies.id, name: companies.name })
    .from(companies)
    .where(and(eq(companies.status, 'active'), where, exclude.length ? sql`${companies.id} not in (${sql.join(exclude.map((e) => sql`${e}`), sql`, `)})` : undefined))
    .orderBy(sql`case when ${prefer} then 0 else 1 end`, asc(companies.id))
    .limit(1);
  return rows[0];
}

/** Adds the demo facts unless they are there; returns what it added (null when it did nothing). */
export async function loadDemoCriteria(database: Database, today = new Date().toISOString().slice(0, 10)): Promise<DemoCriteriaFacts | null> {
  return inTransaction(database.db, async (tx) => {
    const marker = await tx.select({ id: companySanctions.id }).from(companySanctions).where(eq(companySanctions.caseRef, DEMO_CASE_REF)).limit(1);
    if (marker.length) return null;
    const meti = (await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.nameJa, '経済産業省')).limit(1))[0];
    if (!meti) return null;
    // The demo participant (see demo.ts): the first METI official.
    const person = (await tx.select({ id: people.id }).from(people).where(eq(people.organisationId, meti.id)).orderBy(asc(people.id)).limit(1))[0];
    if (!person) return null;
    const posts = await tx.select().from(postAssignments).where(eq(postAssignments.personId, person.id)).orderBy(asc(postAssignments.startDate));
    const current = [...posts].reverse().find((p) => p.endDate === null) ?? posts[posts.length - 1];
    if (!current) return null;
    const twoYearsAgo = addMonths(today, -24);
    // A post left within the last two years (its licensing still bars); else the current one.
    const recent = [...posts].reverse().find((p) => p.endDate !== null && p.endDate >= twoYearsAgo && p.unitId !== current.unitId);
    const licensingUnitId = (recent ?? current).unitId;
    let consecutiveUnitId = current.unitId;
    if (consecutiveUnitId === licensingUnitId) {
      const other = await tx
        .select({ id: orgUnits.id })
        .from(orgUnits)
        .where(and(eq(orgUnits.organisationId, meti.id), eq(orgUnits.kind, 'division'), sql`${orgUnits.id} <> ${licensingUnitId}`))
        .orderBy(asc(orgUnits.sortOrder), asc(orgUnits.id))
        .limit(1);
      consecutiveUnitId = other[0]?.id ?? current.unitId;
    }

    // The company HR demo login's company (demo.ts: the first active one) keeps a plain record.
    const hrCompany = (await tx.select({ id: companies.id }).from(companies).where(eq(companies.status, 'active')).orderBy(asc(companies.id)).limit(1))[0];
    const used: number[] = hrCompany ? [hrCompany.id] : [];
    const kk = sql`${companies.legalTypeCode} = 'kabushiki_kaisha' and ${companies.parentId} is null`;
    const take = async (where: SQL, prefer: SQL) => {
      const c = (await pickCompany(tx, where, prefer, used)) ?? (await pickCompany(tx, kk, sql`true`, used));
      if (!c) throw new Error('demo criteria facts: not enough companies in the registry');
      used.push(c.id);
      return c;
    };
    const hasSubsidiary = sql`exists (select 1 from companies s where s.parent_id = ${companies.id} and s.status = 'active')`;
    const licensing = await take(sql`${kk} and ${hasSubsidiary}`, sql`${companies.industryCode} in ('E','F')`);
    const subsidiary = (
      await tx
        .select({ id: companies.id })
        .from(companies)
        .where(and(eq(companies.parentId, licensing.id), eq(companies.status, 'active')))
        .orderBy(asc(companies.id))
        .limit(1)
    )[0];
    const prosecuted = await take(sql`${kk} and ${companies.industryCode} = 'D'`, sql`coalesce(${companies.employees}, 0) >= 20`);
    const dependent = await take(
      sql`${kk} and ${companies.capitalYen} < 300000000 and ${companies.employees} between 5 and 50`,
      sql`${companies.industryCode} = 'G'`,
    );
    const involvement = await take(sql`${kk} and ${companies.industryCode} in ('G','L')`, sql`coalesce(${companies.employees}, 0) >= 30`);
    const consecutive = await take(sql`${kk} and coalesce(${companies.employees}, 0) >= 100`, sql`${companies.industryCode} in ('E','I')`);
    const association =
      (await pickCompany(tx, sql`${companies.legalTypeCode} = 'general_incorporated_association'`, sql`true`, used)) ??
      (await insertCompany(tx, '一般社団法人日本産業調査協会', 'general_incorporated_association', 900_000_000_101));
    used.push(association.id);
    // Outside the 交流 scheme (独立行政法人): the entity-type rule fails. Fictional.
    const ineligible =
      (await pickCompany(tx, sql`${companies.legalTypeCode} = 'incorporated_administrative_agency'`, sql`true`, used)) ??
      (await insertCompany(tx, '独立行政法人未来産業振興機構', 'incorporated_administrative_agency', 900_000_000_102));

    const fy = fiscalYearOf(today);
    const division = async (name: string) =>
      (await tx.insert(companyDivisions).values({ companyId: association.id, name }).returning({ id: companyDivisions.id }))[0]!.id;
    const publicDivision = await division('受託調査事業部');
    const otherDivision = await division('会員サービス部');

    await tx.insert(licensingJurisdictions).values([
      { unitId: licensingUnitId, companyId: licensing.id, startDate: '2015-04-01', basis: '電気事業法（工事計画の届出・使用前検査）' },
      { unitId: consecutiveUnitId, companyId: consecutive.id, startDate: '2012-04-01', basis: '外国為替及び外国貿易法（輸出許可）' },
    ]);
    // The participant's post in the consecutive-exchange unit is a policy post: it does not handle
    // the unit's licensing (else the licensing rule, not the consecutive rule, would bar).
    if (consecutiveUnitId !== licensingUnitId) {
      await tx
        .update(postAssignments)
        .set({ handlesLicensing: false })
        .where(and(eq(postAssignments.personId, person.id), eq(postAssignments.unitId, consecutiveUnitId)));
    }
    await tx.insert(exchangeHistory).values(
      [6, 4, 2].map((back) => ({
        companyId: consecutive.id,
        unitId: consecutiveUnitId,
        direction: 'dispatch',
        startDate: `${fy - back}-04-01`,
        endDate: `${fy - back + 2}-03-31`,
        note: '交流派遣（過去の実績）',
      })),
    );
    await tx.insert(companySanctions).values({
      companyId: prosecuted.id,
      caseRef: DEMO_CASE_REF,
      kind: 'prosecution',
      subject: 'company',
      occurredOn: addMonths(today, -6),
      description: '公共工事の入札談合事件（独占禁止法違反）で法人が起訴された。',
    });
    await tx.insert(ministryContracts).values([
      { organisationId: meti.id, companyId: dependent.id, fiscalYear: fy - 3, amountYen: 3_000_000, source: 'デモデータ' },
      { organisationId: meti.id, companyId: dependent.id, fiscalYear: fy - 2, amountYen: 4_500_000, source: 'デモデータ' },
      { organisationId: meti.id, companyId: dependent.id, fiscalYear: fy - 1, amountYen: 25_000_000, source: 'デモデータ' },
      { organisationId: meti.id, companyId: involvement.id, fiscalYear: fy - 2, amountYen: 5_000_000, source: 'デモデータ' },
    ]);
    const salesRows = [
      ...[70_000_000, 75_000_000, 80_000_000].map((amountYen, i) => ({ companyId: dependent.id, fiscalYear: fy - 3 + i, amountYen })),
      ...[410_000_000, 430_000_000, 452_000_000].map((amountYen, i) => ({ companyId: involvement.id, fiscalYear: fy - 3 + i, amountYen })),
      ...(hrCompany ? [12_000_000, 13_500_000, 15_000_000].map((amountYen, i) => ({ companyId: hrCompany.id, fiscalYear: fy - 3 + i, amountYen })) : []),
    ];
    await tx.insert(companySales).values(salesRows.map((r) => ({ ...r, source: 'デモデータ' })));
    await tx.insert(contractInvolvements).values({
      personId: person.id,
      organisationId: meti.id,
      companyId: involvement.id,
      startDate: addMonths(today, -36),
      endDate: addDays(addMonths(today, -30), -1),
      role: '契約の締結（情報システムの調達）',
    });
    const revenue = [];
    for (let y = fy - 5; y <= fy; y++) {
      revenue.push({ divisionId: publicDivision, fiscalYear: y, publicYen: 90_000_000, totalYen: 120_000_000 });
      revenue.push({ divisionId: otherDivision, fiscalYear: y, publicYen: 3_000_000, totalYen: 60_000_000 });
    }
    await tx.insert(divisionRevenue).values(revenue);

    const facts: DemoCriteriaFacts = {
      personId: person.id,
      currentUnitId: current.unitId,
      licensingUnitId,
      consecutiveUnitId,
      companies: {
        licensing: { ...licensing, subsidiaryId: subsidiary?.id ?? null },
        prosecuted,
        contractDependent: dependent,
        involvement,
        publicRevenue: { ...association, publicDivisionId: publicDivision, otherDivisionId: otherDivision },
        consecutive,
        ineligible,
      },
    };
    await writeAudit(tx, { ...systemContext('demo-load'), ip: 'cli' }, { action: 'demo.criteria_facts', recordType: 'demo', after: facts });
    return facts;
  });
}

async function insertCompany(tx: Executor, name: string, legalTypeCode: string, base: number): Promise<CompanyPick> {
  const normalized = normalizeForSearch(name);
  const row = await tx
    .insert(companies)
    .values({
      corporateNumber: makeCorporateNumber(String(base).padStart(12, '0')),
      name,
      nameNormalized: normalized,
      nameCore: nameCore(normalized),
      legalTypeCode,
      prefectureCode: '13',
      status: 'active',
    })
    .onConflictDoNothing()
    .returning({ id: companies.id, name: companies.name });
  if (row[0]) return row[0];
  const existing = await tx
    .select({ id: companies.id, name: companies.name })
    .from(companies)
    .where(eq(companies.corporateNumber, makeCorporateNumber(String(base).padStart(12, '0'))));
  return existing[0]!;
}
