// The only SQL for the criteria engine: gathers the facts document (CriteriaRequest) for a check
// on stored records, finds the companies a screening must evaluate, and pages the rest.
// Every fact list that comes from a table is an array, empty meaning "known: none" (the registry
// is the record). A company's id lists (a post's licensingCompanyIds, the receiving post's) are
// limited to the companies in the document (the company, its parents and, for a hire, the
// employee's home company and its parents): the only ones a rule looks up.
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Executor } from '../../db/client.ts';
import { escapeLike, idArray, textArray } from '../../db/sql.ts';
import { normalizeCorporateNumber } from '../../../../common/src/corporate-number.ts';
import { normalizeForSearch } from '../../../../common/src/text.ts';
import type { CompanyFacts, CriteriaRequest, Direction, StoredCheck } from '../../../../common/src/schemas/criteria.schema.ts';
import { addDays, fiscalYearOf, lookback, shiftYears } from './dates.ts';
import { defaultParameters, type ParameterSet } from './parameters.ts';

type Facts = CriteriaRequest['facts'];

async function rows<T>(db: Executor, query: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}

/**
 * The look-back windows a screening uses to find candidates, resolved from the engine's dated
 * parameters as of the planned start (so the candidates always cover what the rules test).
 */
export type ScreeningWindows = {
  licensingFrom: string; // posts overlapping [licensingFrom, the day before the start]
  involvementFrom: string; // contract involvement overlapping [involvementFrom, the day before the start]
  contractFiscalYears: [number, number]; // fiscal years of contract totals, inclusive
  contractMinTotalYen: number; // a year's total below this never restricts
  sanctionsFrom: string; // restricting sanctions on or after this day (and not after the start)
  sanctionKinds: string[];
  eligibleTypeCodes: string[]; // legal-entity types eligible as of the start
  starredTypeCodes: string[]; // of those, the `*` types (public-revenue divisions excluded)
};

export function screeningWindows(plannedStart: string, params: ParameterSet = defaultParameters()): ScreeningWindows {
  const value = <T>(id: string) => params.resolve<T>(id, plannedStart).value;
  const licensing = lookback(plannedStart, value<number>('licensing_post.lookback_years'));
  const involvement = lookback(plannedStart, value<number>('contract_involvement.lookback_years'));
  const contracts = lookback(plannedStart, value<number>('contract_dependence.lookback_years'));
  const types = value<{ code: string; starred: boolean }[]>('entity_types.eligible');
  return {
    licensingFrom: licensing.from,
    involvementFrom: involvement.from,
    contractFiscalYears: [fiscalYearOf(contracts.from), fiscalYearOf(contracts.to)],
    contractMinTotalYen: value<number>('contract_dependence.min_total_yen'),
    // One day wider than the restriction itself: the boundary belongs to the engine, not here.
    sanctionsFrom: addDays(shiftYears(plannedStart, -value<number>('prosecution.restriction_years')), -1),
    sanctionKinds: value<string[]>('prosecution.restricting_kinds'),
    eligibleTypeCodes: types.map((t) => t.code),
    starredTypeCodes: types.filter((t) => t.starred).map((t) => t.code),
  };
}

export type GatherManyArgs = {
  personId: number | null; // null: screening a post before a person is chosen (hire)
  unitId: number;
  plannedStart: string;
  plannedEnd: string;
  companyIds: number[];
  direction?: Direction; // default 'dispatch' (a screening is for an official)
};

export type CompanyPageArgs = {
  ids: readonly number[];
  mode: 'exclude' | 'only'; // companies not in `ids` (the "open" list) or only those in it
  q?: string | undefined;
  statuses?: readonly string[]; // default: active
  page: number;
  pageSize: number;
  countCap?: number; // default 10,000
};
export type CompanyPageItem = { id: number; corporateNumber: string; name: string; legalTypeCode: string };

type BuildArgs = GatherManyArgs & {
  direction: Direction;
  divisionId?: number | undefined;
  extensionApprovedByNpa?: boolean | undefined;
};

type CompanyRow = { id: number; name: string; legalTypeCode: string; capitalYen: number | null; employees: number | null; parentId: number | null };

export function createCriteriaRepository(db: Executor) {
  /** Builds one document per requested company that exists; none when the person or unit does not. */
  async function build(a: BuildArgs): Promise<Map<number, CriteriaRequest>> {
    const out = new Map<number, CriteriaRequest>();
    const targets = [...new Set(a.companyIds)];
    if (targets.length === 0) return out;

    // The companies with the person and the unit (and, for a hire, the person's home company)…
    const companyColumns = sql`c.id::float8 as id, c.name, c.legal_type_code as "legalTypeCode", c.capital_yen::float8 as "capitalYen",
                               c.employees, c.parent_id::float8 as "parentId"`;
    const home = a.direction === 'hire' ? sql` or c.id = base."personCompanyId"` : sql``;
    const first = await rows<Partial<CompanyRow> & { personFound: boolean; personCompanyId: number | null; unitOrganisationId: number | null }>(
      db,
      sql`with base as materialized (
            select exists (select 1 from people p where p.id = ${a.personId}) as "personFound",
                   (select p.company_id from people p where p.id = ${a.personId}) as "personCompanyId",
                   (select u.organisation_id::float8 from org_units u where u.id = ${a.unitId}) as "unitOrganisationId"
          )
          select base."personFound", base."personCompanyId"::float8 as "personCompanyId", base."unitOrganisationId", ${companyColumns}
          from base left join companies c on (c.id = any(${idArray(targets)})${home})`,
    );
    const base = first[0];
    if ((a.personId !== null && !base?.personFound) || base?.unitOrganisationId == null) return out;
    const organisationId = Number(base.unitOrganisationId);
    const homeId = a.direction === 'hire' && base.personCompanyId != null ? Number(base.personCompanyId) : null;
    const byId = new Map<number, CompanyRow>();
    const keep = (list: Partial<CompanyRow>[]) => {
      for (const c of list) {
        if (c.id == null) continue;
        byId.set(Number(c.id), { ...(c as CompanyRow), id: Number(c.id), parentId: c.parentId == null ? null : Number(c.parentId) });
      }
    };
    keep(first);
    // …then every company above them, a level at a time (a primary-key lookup each). A cycle or
    // a parent id with no row ends the walk.
    const looked = new Set<number>();
    for (;;) {
      const missing = [...new Set([...byId.values()].map((c) => c.parentId).filter((p): p is number => p !== null && !byId.has(p) && !looked.has(p)))];
      if (!missing.length) break;
      for (const id of missing) looked.add(id);
      keep(await rows<CompanyRow>(db, sql`select ${companyColumns} from companies c where c.id = any(${idArray(missing)})`));
    }
    const found = targets.filter((id) => byId.has(id));
    if (found.length === 0) return out;
    const lineage = (id: number): number[] => {
      const chain: number[] = [];
      for (let cur: number | null = id; cur !== null && byId.has(cur) && !chain.includes(cur); cur = byId.get(cur)!.parentId) chain.push(cur);
      return chain;
    };
    const homeChain = homeId === null ? [] : lineage(homeId);
    const allIds = [...byId.keys()];
    const all = idArray(allIds);
    const only = idArray(found);

    // One query at a time: callers may pass a transaction, and a connection runs one query at once.
    const sales = await rows<{ companyId: number; fiscalYear: number; amountYen: number }>(
      db,
      sql`select company_id::float8 as "companyId", fiscal_year as "fiscalYear", amount_yen::float8 as "amountYen"
          from company_sales where company_id = any(${all}) order by company_id, fiscal_year`,
    );
    const posts = await rows<{ unitId: number; title: string; from: string; to: string | null; handlesLicensing: boolean }>(
      db,
      sql`select unit_id::float8 as "unitId", post_title_ja as title, start_date::text as "from", end_date::text as "to",
                 handles_licensing as "handlesLicensing"
          from post_assignments where person_id = ${a.personId} order by start_date, id`,
    );
    // Jurisdiction over the document's companies, of the exchange unit and of every unit whose
    // post handled licensing: one lookup by company.
    const units = [...new Set([a.unitId, ...posts.filter((p) => p.handlesLicensing).map((p) => Number(p.unitId))])];
    const jurisdictionRows = await rows<{ unitId: number; companyId: number; from: string | null; to: string | null }>(
      db,
      sql`select unit_id::float8 as "unitId", company_id::float8 as "companyId", start_date::text as "from", end_date::text as "to"
          from licensing_jurisdictions where company_id = any(${all}) and unit_id = any(${idArray(units)}) order by company_id, id`,
    );
    const involvements = await rows<{ organisationId: number; companyId: number; from: string; to: string | null; role: string | null }>(
      db,
      sql`select organisation_id::float8 as "organisationId", company_id::float8 as "companyId", start_date::text as "from",
                 end_date::text as "to", role
          from contract_involvements where person_id = ${a.personId} order by start_date, id`,
    );
    const contracts = await rows<{ companyId: number; fiscalYear: number; amountYen: number }>(
      db,
      sql`select company_id::float8 as "companyId", fiscal_year as "fiscalYear", amount_yen::float8 as "amountYen"
          from ministry_contracts where organisation_id = ${organisationId} and company_id = any(${only})
          order by company_id, fiscal_year`,
    );
    const sanctions = await rows<{ companyId: number; caseRef: string; kind: string; subject: string; date: string; description: string | null }>(
      db,
      sql`select company_id::float8 as "companyId", case_ref as "caseRef", kind, subject, occurred_on::text as date, description
          from company_sanctions where company_id = any(${only}) order by company_id, occurred_on, id`,
    );
    const jurisdictions = jurisdictionRows.filter((j) => Number(j.unitId) === a.unitId);
    const priors = await rows<{ companyId: number; direction: Direction; start: string; end: string | null }>(
      db,
      sql`select company_id::float8 as "companyId", direction, start_date::text as start, end_date::text as "end"
          from exchange_history where unit_id = ${a.unitId} and company_id = any(${only}) order by company_id, start_date, id`,
    );
    const divisions = await rows<{ id: number; companyId: number; name: string; revenue: { fiscalYear: number; publicYen: number; totalYen: number }[] }>(
      db,
      sql`select d.id::float8 as id, d.company_id::float8 as "companyId", d.name,
                 coalesce((select json_agg(json_build_object('fiscalYear', r.fiscal_year, 'publicYen', r.public_yen::float8, 'totalYen', r.total_yen::float8)
                                   order by r.fiscal_year)
                           from division_revenue r where r.division_id = d.id), '[]'::json) as revenue
          from company_divisions d where d.company_id = any(${only}) order by d.company_id, d.id`,
    );

    const group = <T extends { companyId: number }>(list: T[]) => {
      const m = new Map<number, T[]>();
      for (const r of list) {
        const k = Number(r.companyId);
        const g = m.get(k);
        if (g) g.push(r);
        else m.set(k, [r]);
      }
      return m;
    };
    const salesBy = group(sales);
    const contractsBy = group(contracts);
    const sanctionsBy = group(sanctions);
    const priorsBy = group(priors);
    const divisionsBy = group(divisions);
    const key = String;
    const unitKey = key(a.unitId);
    const orgKey = key(organisationId);

    const companyFacts = (id: number): CompanyFacts => {
      const c = byId.get(id)!;
      return {
        id: key(id),
        name: c.name,
        legalTypeCode: c.legalTypeCode,
        capitalYen: c.capitalYen == null ? null : Number(c.capitalYen),
        employees: c.employees,
        parentId: c.parentId == null ? null : key(c.parentId),
        sales: (salesBy.get(id) ?? []).map((s) => ({ fiscalYear: s.fiscalYear, amountYen: Number(s.amountYen) })),
      };
    };
    const activeOn = (j: { from: string | null; to: string | null }, day: string) => (j.from == null || j.from <= day) && (j.to == null || j.to >= day);

    /**
     * A post as the engine sees it: for each span in which its unit had jurisdiction over
     * companies of the document (the post's period intersected with each jurisdiction's), an entry
     * naming them; a post without any such span is one entry naming none.
     */
    const postPeriods = (p: (typeof posts)[number], inDoc: Set<number>) => {
      const base = { unitId: key(Number(p.unitId)), title: p.title };
      const spans = new Map<string, { from: string; to: string | null; ids: Set<number> }>();
      if (p.handlesLicensing) {
        for (const j of jurisdictionRows) {
          if (Number(j.unitId) !== Number(p.unitId) || !inDoc.has(Number(j.companyId))) continue;
          const from = j.from != null && j.from > p.from ? j.from : p.from;
          const to = j.to == null ? p.to : p.to == null || j.to < p.to ? j.to : p.to;
          if (to != null && to < from) continue;
          const k = `${from}|${to}`;
          const span = spans.get(k) ?? { from, to, ids: new Set<number>() };
          span.ids.add(Number(j.companyId));
          spans.set(k, span);
        }
      }
      if (!spans.size) return [{ ...base, from: p.from, to: p.to, licensingCompanyIds: [] as string[] }];
      return [...spans.values()]
        .sort((x, y) => (x.from < y.from ? -1 : x.from > y.from ? 1 : 0))
        .map((sp) => ({ ...base, from: sp.from, to: sp.to, licensingCompanyIds: [...sp.ids].sort((x, y) => x - y).map(key) }));
    };

    for (const id of found) {
      const relevant = [...new Set([...lineage(id), ...homeChain])];
      const inDoc = new Set(relevant);
      const docDivisions = divisionsBy.get(id) ?? [];
      const exchange: CriteriaRequest['exchange'] = {
        direction: a.direction,
        organisationId: orgKey,
        unitId: unitKey,
        companyId: key(id),
        ...(a.divisionId !== undefined ? { divisionId: key(a.divisionId) } : {}),
        ...(a.personId !== null ? { personId: key(a.personId) } : {}),
        plannedStart: a.plannedStart,
        plannedEnd: a.plannedEnd,
        ...(a.extensionApprovedByNpa !== undefined ? { extensionApprovedByNpa: a.extensionApprovedByNpa } : {}),
      };
      const docJurisdictions = jurisdictions.filter((j) => inDoc.has(Number(j.companyId)));
      if (a.direction === 'hire') {
        // The receiving post handles what its unit has jurisdiction over on the planned start.
        exchange.post = {
          licensingCompanyIds: [...new Set(docJurisdictions.filter((j) => activeOn(j, a.plannedStart)).map((j) => key(Number(j.companyId))))],
        };
      }
      const facts: Facts = {
        companies: relevant.map(companyFacts),
        // No person (a post's screening): the person's facts are left out, not "none".
        ...(a.personId === null
          ? {}
          : {
              postHistory: posts.flatMap((p) => postPeriods(p, inDoc)),
              contractInvolvements: involvements.map((c) => ({
                organisationId: key(Number(c.organisationId)),
                companyId: key(Number(c.companyId)),
                from: c.from,
                to: c.to,
                ...(c.role != null ? { role: c.role } : {}),
              })),
            }),
        contracts: (contractsBy.get(id) ?? []).map((c) => ({ organisationId: orgKey, companyId: key(id), fiscalYear: c.fiscalYear, amountYen: Number(c.amountYen) })),
        sanctions: (sanctionsBy.get(id) ?? []).map((s) => ({
          companyId: key(id),
          caseId: s.caseRef,
          kind: s.kind as NonNullable<Facts['sanctions']>[number]['kind'],
          subject: s.subject as 'company' | 'officer',
          date: s.date,
          ...(s.description != null ? { description: s.description } : {}),
        })),
        jurisdictions: docJurisdictions.map((j) => ({ unitId: unitKey, companyId: key(Number(j.companyId)), from: j.from, to: j.to })),
        priorExchanges: (priorsBy.get(id) ?? []).map((p) => ({ companyId: key(id), unitId: unitKey, direction: p.direction, start: p.start, end: p.end })),
        divisions: docDivisions.map((d) => ({
          id: key(Number(d.id)),
          companyId: key(id),
          name: d.name,
          revenue: d.revenue.map((r) => ({ fiscalYear: r.fiscalYear, publicYen: Number(r.publicYen), totalYen: Number(r.totalYen) })),
        })),
      };
      out.set(id, { exchange, facts });
    }
    return out;
  }

  return {
    /** The facts document for one check; null when the person, unit, company or division is not found. */
    async gather(check: StoredCheck): Promise<CriteriaRequest | null> {
      const docs = await build({
        direction: check.direction,
        personId: check.personId,
        unitId: check.unitId,
        plannedStart: check.plannedStart,
        plannedEnd: check.plannedEnd,
        companyIds: [check.companyId],
        divisionId: check.divisionId,
        extensionApprovedByNpa: check.extensionApprovedByNpa,
      });
      const doc = docs.get(check.companyId);
      if (!doc) return null;
      if (check.divisionId !== undefined && !doc.facts.divisions?.some((d) => d.id === String(check.divisionId))) return null;
      return doc;
    },

    /** The same documents for many companies at once (ten queries whatever the count); missing ids are left out. */
    async gatherMany(args: GatherManyArgs): Promise<Map<number, CriteriaRequest>> {
      return build({ ...args, direction: args.direction ?? 'dispatch' });
    },

    /**
     * Every company for which a stored fact could make a rule fail or be indeterminate for this
     * official (ascending ids). Every other company passes every company-specific rule, so a
     * screening need only evaluate these. A superset is safe (the engine decides); each branch
     * is an index walk over a small table, except the legal-entity types (index on companies).
     */
    async screeningCandidates(args: {
      personId: number | null; // null: a post's screening (no person's posts or involvements)
      unitId: number;
      organisationId: number;
      plannedStart: string;
      windows?: ScreeningWindows;
      /**
       * true (default): include every company whose legal-entity type alone restricts it (not
       * eligible on the start, or `*`). false: leave those out, because the caller evaluates one
       * document per type for the companies without facts of their own; `*` companies with
       * division revenue on record are then still included (their documents differ from the type's).
       */
      typeClasses?: boolean;
    }): Promise<number[]> {
      const w = args.windows ?? screeningWindows(args.plannedStart);
      const start = args.plannedStart;
      const dayBefore = addDays(start, -1);
      const out = new Set<number>();
      const add = (list: { id: number }[]) => {
        for (const r of list) out.add(Number(r.id));
      };
      // Separate small queries rather than one union: each stays an index walk with a modest cost
      // estimate (a big one would also pay for JIT compilation on a PostgreSQL server).

      // 1. Companies the official's licensing posts in the look-back, or the unit on the start, had jurisdiction over…
      const licensed = await rows<{ id: number }>(
        db,
        sql`select j.company_id::float8 as id
            from post_assignments pa join licensing_jurisdictions j on j.unit_id = pa.unit_id
            where pa.person_id = ${args.personId} and pa.handles_licensing
              and pa.start_date <= ${dayBefore}::date and (pa.end_date is null or pa.end_date >= ${w.licensingFrom}::date)
              and (j.start_date is null or pa.end_date is null or j.start_date <= pa.end_date)
              and (j.end_date is null or j.end_date >= pa.start_date)
            union
            select company_id::float8 from licensing_jurisdictions
            where unit_id = ${args.unitId} and (start_date is null or start_date <= ${start}::date)
              and (end_date is null or end_date >= ${start}::date)`,
      );
      add(licensed);
      // …and every company below them (a subsidiary is barred wherever its parent is).
      let frontier = licensed.map((r) => Number(r.id));
      for (let depth = 0; frontier.length > 0 && depth < 100; depth++) {
        const children = await rows<{ id: number }>(db, sql`select id::float8 as id from companies where parent_id = any(${idArray(frontier)})`);
        frontier = children.map((r) => Number(r.id)).filter((id) => !out.has(id));
        for (const id of frontier) out.add(id);
      }

      // 2. Contract involvement, contract totals at or above the threshold, restricting sanctions, past exchanges with the unit.
      add(
        await rows<{ id: number }>(
          db,
          sql`select company_id::float8 as id from contract_involvements
              where person_id = ${args.personId} and start_date <= ${dayBefore}::date
                and (end_date is null or end_date >= ${w.involvementFrom}::date)
              union all
              select company_id::float8 from ministry_contracts
              where organisation_id = ${args.organisationId}
                and fiscal_year between ${w.contractFiscalYears[0]} and ${w.contractFiscalYears[1]}
                and amount_yen >= ${w.contractMinTotalYen}
              union all
              select company_id::float8 from company_sanctions
              where occurred_on between ${w.sanctionsFrom}::date and ${start}::date and kind = any(${textArray(w.sanctionKinds)})
              union all
              select company_id::float8 from exchange_history where unit_id = ${args.unitId}`,
        ),
      );

      // 3. Legal-entity types not eligible on the start, or `*` (the public-revenue rule applies).
      if (args.typeClasses ?? true) {
        const types = await rows<{ code: string }>(db, sql`select code from legal_entity_types`);
        const clean = new Set(w.eligibleTypeCodes.filter((c) => !w.starredTypeCodes.includes(c)));
        const restricted = types.map((t) => t.code).filter((c) => !clean.has(c));
        if (restricted.length) {
          add(await rows<{ id: number }>(db, sql`select id::float8 as id from companies where legal_type_code = any(${textArray(restricted)})`));
        }
      } else if (w.starredTypeCodes.length) {
        add(
          await rows<{ id: number }>(
            db,
            sql`select distinct d.company_id::float8 as id
                from division_revenue r join company_divisions d on d.id = r.division_id join companies c on c.id = d.company_id
                where c.legal_type_code = any(${textArray(w.starredTypeCodes)})`,
          ),
        );
      }
      return [...out].sort((x, y) => x - y);
    },

    /**
     * A page of companies (ascending id) outside `ids` ("open" companies) or inside it, optionally
     * filtered by name (normalised, trigram-indexed for 3+ characters) or a 13-digit 法人番号.
     */
    async companyPage(args: CompanyPageArgs): Promise<{ items: CompanyPageItem[]; total: number; totalCapped: boolean }> {
      const conds: SQL[] = [sql`c.status = any(${textArray(args.statuses ?? ['active'])})`];
      // "not in (subquery)" is a hashed lookup per row, so a page walks the primary key and stops early.
      if (args.mode === 'only') conds.push(sql`c.id = any(${idArray(args.ids)})`);
      else if (args.ids.length) conds.push(sql`c.id not in (select unnest(${idArray(args.ids)}))`);
      const text = args.q?.trim();
      if (text) {
        const digits = normalizeCorporateNumber(text);
        if (/^[0-9]{13}$/.test(digits)) conds.push(sql`c.corporate_number = ${digits}`);
        else conds.push(sql`c.name_normalized like ${`%${escapeLike(normalizeForSearch(text))}%`}`);
      }
      const where = sql.join(conds, sql` and `);
      const items = await rows<CompanyPageItem>(
        db,
        sql`select c.id::float8 as id, c.corporate_number as "corporateNumber", c.name, c.legal_type_code as "legalTypeCode"
            from companies c where ${where} order by c.id limit ${args.pageSize} offset ${(args.page - 1) * args.pageSize}`,
      );
      // Counting stops at the cap (as the directory's search does): "10,000+" is answer enough.
      const cap = args.countCap ?? 10_000;
      const counted = await rows<{ n: number }>(db, sql`select count(*)::float8 as n from (select 1 from companies c where ${where} limit ${cap + 1}) t`);
      const n = Number(counted[0]?.n ?? 0);
      return { items: items.map((i) => ({ ...i, id: Number(i.id) })), total: Math.min(n, cap), totalCapped: n > cap };
    },
  };
}

export type CriteriaRepository = ReturnType<typeof createCriteriaRepository>;
