// The only SQL of the public-private statistics from records: the cube in one pass (GROUPING SETS),
// the labels for its codes, and a cheap data version for the cache.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { rowsOf } from '../../db/client.ts';
import {
  AGE_BANDS,
  COUNTED_STATES,
  ENDED_STATES,
  TERM_BANDS,
  UNIT_LEVEL_BY_KIND,
  UNKNOWN,
  bandThresholds,
  type CubeRow,
  type Direction,
  type UnitLevel,
} from './records.cube.ts';
import type { Labels } from './records.views.ts';

const list = (xs: readonly string[]) => sql.join(xs.map((x) => sql`${x}`), sql`, `);
/** width_bucket thresholds as an int[] literal (numbers from the band tables, never user input). */
const thresholds = (xs: readonly number[]) => sql.raw(`array[${xs.map((x) => String(Math.trunc(x))).join(',')}]::int[]`);

const regionalKinds = Object.entries(UNIT_LEVEL_BY_KIND)
  .filter(([, level]) => level === 'regional')
  .map(([kind]) => kind);

type RawCell = {
  g: number;
  start_year: number;
  end_year: number | null;
  direction: Direction;
  organisation_id: number | null;
  regional: boolean | null;
  industry: string | null;
  gender: string | null;
  term_band: number | null;
  age_band: number | null;
  n: number;
};

// GROUPING() bits, leftmost argument = highest bit: 1 = the column is summed over in this row.
const G = { end: 64, org: 32, level: 16, industry: 8, gender: 4, term: 2, age: 1 } as const;

export const recordsRepository = {
  /**
   * The cube: one scan of the started cases joined to their unit, company (industry) and person,
   * grouped by start year × direction and, per grouping set, the end year (the series) or one
   * breakdown dimension. Term: planned_start → planned_end in whole months; age: full years on
   * actual_start. Bands are bucketed in SQL with width_bucket over the bands' lower bounds.
   */
  async cube(db: Executor): Promise<{ rows: CubeRow[]; organisationCodes: Map<number, string> }> {
    // date_part arithmetic instead of age(): age() with extract() cost ~1 s per 700k rows here.
    // JIT off: compiling this query's expressions took longer than running them. work_mem: the
    // grouping sets' sorts stay in memory (a few tens of MB, for this one read-only transaction).
    const query = sql`
        with c as (
          select date_part('year', e.actual_start)::int as start_year,
                 case when e.state in (${list(ENDED_STATES)})
                      then date_part('year', coalesce(e.actual_end, e.planned_end))::int end as end_year,
                 e.direction,
                 e.organisation_id,
                 u.kind in (${list(regionalKinds)}) as regional,
                 coalesce(i.stat_group_ja, ${UNKNOWN}) as industry,
                 coalesce(p.gender, ${UNKNOWN}) as gender,
                 -- whole months from planned_start to the day after planned_end (termMonths)
                 width_bucket(
                   ((date_part('year', e.planned_end + 1) - date_part('year', e.planned_start)) * 12
                    + date_part('month', e.planned_end + 1) - date_part('month', e.planned_start)
                    - case when date_part('day', e.planned_end + 1) < date_part('day', e.planned_start) then 1 else 0 end)::int,
                   ${thresholds(bandThresholds(TERM_BANDS))}) as term_band,
                 -- full years of age on actual_start (ageOn)
                 case when p.birth_date is not null
                      then width_bucket(
                        (date_part('year', e.actual_start) - date_part('year', p.birth_date)
                         - case when date_part('month', e.actual_start) * 100 + date_part('day', e.actual_start)
                                   < date_part('month', p.birth_date) * 100 + date_part('day', p.birth_date) then 1 else 0 end)::int,
                        ${thresholds(bandThresholds(AGE_BANDS))}) end as age_band
          from exchange_cases e
          join org_units u on u.id = e.unit_id
          join companies co on co.id = e.company_id
          left join industries i on i.code = co.industry_code
          left join people p on p.id = e.person_id
          where e.actual_start is not null and e.state in (${list(COUNTED_STATES)})
        )
        select grouping(end_year, organisation_id, regional, industry, gender, term_band, age_band)::int as g,
               start_year, end_year, direction, organisation_id, regional, industry, gender, term_band, age_band,
               count(*)::int as n
        from c
        group by grouping sets (
          (start_year, direction, end_year),
          (start_year, direction, organisation_id),
          (start_year, direction, regional),
          (start_year, direction, industry),
          (start_year, direction, gender),
          (start_year, direction, term_band),
          (start_year, direction, age_band))`;
    const raw = await db.transaction(async (tx) => {
      await tx.execute(sql`set local jit = off`);
      await tx.execute(sql`set local work_mem = '64MB'`);
      return rowsOf<RawCell>(await tx.execute(query));
    });
    const orgIds = new Set<number>();
    for (const r of raw) if (!(r.g & G.org) && r.organisation_id !== null) orgIds.add(Number(r.organisation_id));
    const organisationCodes = new Map<number, string>();
    if (orgIds.size) {
      const orgs = rowsOf<{ id: number; code: string }>(
        await db.execute(sql`select id, code from organisations where id in (${sql.join([...orgIds].map((id) => sql`${id}`), sql`, `)})`),
      );
      for (const o of orgs) organisationCodes.set(Number(o.id), o.code);
    }
    const rows: CubeRow[] = raw.map((r) => {
      const row: CubeRow = { startYear: Number(r.start_year), direction: r.direction, n: Number(r.n) };
      if (!(r.g & G.end)) row.endYear = r.end_year === null ? null : Number(r.end_year);
      if (!(r.g & G.org)) row.ministry = organisationCodes.get(Number(r.organisation_id)) ?? String(r.organisation_id);
      if (!(r.g & G.level)) row.level = (r.regional ? 'regional' : 'head_office') satisfies UnitLevel;
      if (!(r.g & G.industry)) row.industry = r.industry ?? UNKNOWN;
      if (!(r.g & G.gender)) row.gender = r.gender ?? UNKNOWN;
      if (!(r.g & G.term)) row.term = TERM_BANDS[Number(r.term_band)]?.code ?? TERM_BANDS[TERM_BANDS.length - 1]!.code;
      if (!(r.g & G.age)) row.age = r.age_band === null ? UNKNOWN : (AGE_BANDS[Number(r.age_band)]?.code ?? UNKNOWN);
      return row;
    });
    return { rows, organisationCodes };
  },

  /** Names of the ministries (organisations.code) and industry groups (stat_group_ja). */
  async labels(db: Executor): Promise<Labels> {
    const orgs = rowsOf<{ code: string; name_ja: string; name_en: string; sort_order: number }>(
      await db.execute(sql`select code, name_ja, name_en, sort_order from organisations order by sort_order, code`),
    );
    const groups = rowsOf<{ stat_group_ja: string; stat_group_en: string; sort_order: number }>(
      await db.execute(sql`select stat_group_ja, min(stat_group_en) as stat_group_en, min(sort_order)::int as sort_order from industries group by stat_group_ja`),
    );
    return {
      ministries: Object.fromEntries(orgs.map((o) => [o.code, { ja: o.name_ja, en: o.name_en, sortOrder: Number(o.sort_order) }])),
      industries: Object.fromEntries(groups.map((g) => [g.stat_group_ja, { ja: g.stat_group_ja, en: g.stat_group_en, sortOrder: Number(g.sort_order) }])),
    };
  },

  /**
   * A cheap data version (< 1 ms): the per-organisation counts of the counted states in
   * exchange_case_counts, kept in the same transaction as every case create and state change — a
   * start (→ active), an extension, an end (→ returned, ended_early) changes them; review steps of
   * cases not yet started do not. Edits that change no state (dates of a plan, a person's gender, a
   * company's industry) are picked up by the service's TTL.
   */
  async version(db: Executor): Promise<string> {
    const r = rowsOf<{ v: string | null }>(
      await db.execute(sql`
        select string_agg(organisation_id || '/' || state || ':' || n, ',' order by organisation_id, state) as v
        from exchange_case_counts where state in (${list(COUNTED_STATES)}) and n > 0`),
    )[0];
    return r?.v ?? '';
  },
};
