// Synthetic exchange cases at national scale, for the queue, pipeline and statistics benchmarks: N
// cases over the ministries' units (本府省 divisions and, for a quarter, 地方支分部局 regional offices),
// the registry's companies and its officials, with a state mix like a programme that has run for
// years (most cases returned, about a tenth awaiting the NPA). Cases that started (returned,
// ended_early, active, extended) have actual starts spread over calendar years 2000–2025, more in
// later years (the programme grew); active/extended ones started within their term before 2026. Terms are
// 1, 2, 3 or 5 years (原則3年以内、最長5年). Dispatches name an official (distinct ones for ongoing
// cases, so the one-active-exchange-per-person index holds); hires get one synthetic employee each
// (gender and birth date drawn, age 25–55 at start), so the statistics' gender and age breakdowns
// have data. Deterministic for a seed (PostgreSQL's setseed + row numbers).
// Needs a database with companies, officials and units (bench/load-scale.ts).
import { sql } from 'drizzle-orm';
import type { Database } from '../../server/src/db/client.ts';
import { rowsOf } from '../../server/src/db/client.ts';
import { exchangesRepository } from '../../server/src/modules/exchanges/exchanges.repository.ts';

/** State shares (sum 1): the order is the cumulative draw. */
export const STATE_MIX: readonly [string, number][] = [
  ['returned', 0.55],
  ['active', 0.12],
  ['extended', 0.03],
  ['ended_early', 0.03],
  ['withdrawn', 0.04],
  ['rejected', 0.01],
  ['consultation', 0.08],
  ['submitted', 0.03],
  ['under_review', 0.04],
  ['query_to_ministry', 0.015],
  ['informally_approved', 0.02],
  ['formal_application', 0.015],
  ['certified', 0.01],
  ['agreement_signed', 0.01],
];

export async function loadExchangeCases(database: Database, opts: { count: number; seed: number; replace: boolean }): Promise<{ inserted: number; ms: number }> {
  const t0 = performance.now();
  const { db } = database;
  const existing = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from exchange_cases`))[0]!.n;
  if (existing && !opts.replace) throw new Error(`exchange_cases already holds ${existing} rows (pass --replace)`);
  const cum: string[] = [];
  let acc = 0;
  for (const [state, share] of STATE_MIX) {
    acc += share;
    cum.push(`when r < ${acc.toFixed(4)} then '${state}'`);
  }
  const stateCase = sql.raw(`case ${cum.join(' ')} else 'returned' end`);
  await db.transaction(async (tx) => {
    if (opts.replace) {
      for (const t of ['mail_outbox', 'exchange_case_counts', 'case_events', 'case_messages', 'case_documents', 'case_interviews', 'case_extensions', 'exchange_cases'])
        await tx.execute(sql.raw(`delete from ${t}`));
      // the synthetic employees of earlier loads' hires
      await tx.execute(sql`delete from people where kind = 'employee' and email like '%@hire.bench.invalid'`);
    }
    await tx.execute(sql`select setseed(${(opts.seed % 1000) / 1000})`);
    // Units: 本府省 (division) for three cases in four, 地方支分部局 (regional_office) for the rest.
    await tx.execute(sql`
      create temp table bench_units on commit drop as
        select row_number() over (partition by kind = 'regional_office' order by id) as k, id, organisation_id,
               kind = 'regional_office' as regional
        from org_units where kind in ('division','regional_office')`);
    await tx.execute(sql`
      create temp table bench_officials on commit drop as
        select row_number() over (order by id) as k, id from people where kind = 'official'`);
    const unitCounts = rowsOf<{ regional: boolean; n: number }>(await tx.execute(sql`select regional, count(*)::int as n from bench_units group by regional`));
    const divisions = unitCounts.find((u) => !u.regional)?.n ?? 0;
    const regionals = unitCounts.find((u) => u.regional)?.n ?? 0;
    if (!divisions) throw new Error('no division units: load the registry first (bench/load-scale.ts)');
    // 1, 2, 3, 4 or 5 years (原則3年以内、最長5年): planned term in years by a cumulative draw.
    const termYears = sql.raw(`case when s0.r3 < 0.10 then 1 when s0.r3 < 0.60 then 2 when s0.r3 < 0.92 then 3 when s0.r3 < 0.96 then 4 else 5 end`);
    await tx.execute(sql`
      insert into exchange_cases (reference, direction, hire_type, organisation_id, unit_id, post_title, company_id, person_id,
        planned_start, planned_end, state, submitted_on, review_due_on, informally_approved_on, certified_on, actual_start, actual_end,
        state_changed_at, created_at, updated_at)
      select 'KB-' || lpad(g::text, 7, '0'),
             d.direction,
             case when d.direction = 'hire' then (case when random() < 0.8 then 'continued' else 'resigned' end) end,
             u.organisation_id, u.id, case when d.direction = 'hire' then '専門職' else '課長補佐' end,
             c.id,
             -- ongoing dispatches get distinct officials below; hires get an employee each below
             case when d.direction = 'dispatch' and d.state not in ('active','extended') then o.id end,
             d.start, (d.start + make_interval(years => d.term) - interval '1 day')::date,
             d.state,
             -- cases awaiting review were submitted in the last 40 days (some past their 2-week target)
             case when d.state in ('submitted','under_review','query_to_ministry') then (current_date - (floor(s0.r2 * 40))::int)
                  when d.state not in ('consultation') then (d.start - interval '45 days')::date end,
             case when d.state in ('submitted','under_review','query_to_ministry') then (current_date - (floor(s0.r2 * 40))::int + 14)
                  when d.state not in ('consultation') then (d.start - interval '31 days')::date end,
             case when d.state not in ('consultation','submitted','under_review','query_to_ministry','rejected') then (d.start - interval '30 days')::date end,
             case when d.state in ('certified','agreement_signed','active','extended','returned','ended_early') then (d.start - interval '15 days')::date end,
             case when d.state in ('active','extended','returned','ended_early') then d.start end,
             case when d.state = 'returned' then (d.start + make_interval(years => d.term) - interval '1 day')::date
                  when d.state = 'ended_early' then (d.start + make_interval(months => 6 * d.term))::date end,
             now() - (random() * interval '400 days'), now() - interval '500 days', now() - (random() * interval '400 days')
      from generate_series(1, ${opts.count}) g
      cross join lateral (
        select case when random() + 0 * g < 0.2 then 'dispatch' else 'hire' end as direction,
               -- open cases start in the future, closed ones in the past
               ${stateCase} as state, random() as r2, random() as r3
        from (select random() + 0 * g as r) x
      ) s0
      cross join lateral (select ${termYears} as term) t
      cross join lateral (
        select s0.direction, s0.state, t.term,
               case
                 -- finished: started 2000-01-01 onwards (sqrt: more in later years), ended by 2025-12-31
                 when s0.state in ('returned','ended_early')
                   then date '2000-01-01' + (floor(sqrt(s0.r2) * (9497 - 366 * t.term)))::int
                 -- ongoing: started within their term before the end of 2025
                 when s0.state in ('active','extended') then date '2025-12-31' - (floor(s0.r2 * 365 * t.term))::int
                 -- withdrawn/rejected: planned in the past, never started
                 when s0.state in ('withdrawn','rejected') then date '2000-01-01' + (floor(sqrt(s0.r2) * 9496))::int
                 else date '2027-01-04' + (floor(s0.r2 * 600))::int end as start
      ) d
      join bench_units u on u.regional = (${sql.raw(String(regionals))} > 0 and g % 4 = 0)
        and u.k = 1 + (g::bigint * 7919) % (case when ${sql.raw(String(regionals))} > 0 and g % 4 = 0 then ${sql.raw(String(regionals))} else ${sql.raw(String(divisions))} end)
      join companies c on c.id = (select min(id) from companies) + (g::bigint * 104729) % (select count(*) from companies)
      left join bench_officials o on o.k = 1 + (g::bigint * 15485863) % (select count(*) from bench_officials)`);
    // Ongoing dispatches: the k-th gets the k-th official (distinct while there are enough officials).
    await tx.execute(sql`
      create temp table bench_ongoing on commit drop as
        select a.id as case_id, o.id as person_id
        from (select id, row_number() over (order by id) as k from exchange_cases
              where reference like 'KB-%' and direction = 'dispatch' and state in ('active','extended')) a
        join bench_officials o on o.k = a.k`);
    // Hires: one synthetic employee (民間企業等の従業員) each, aged 25–55 at the start, about a quarter women.
    await tx.execute(sql`
      create temp table bench_hires on commit drop as
        select id as case_id, nextval(pg_get_serial_sequence('people', 'id')) as person_id, company_id,
               coalesce(actual_start, planned_start) as start, random() as ra, random() as rg
        from exchange_cases where reference like 'KB-%' and direction = 'hire'`);
    await tx.execute(sql`
      insert into people (id, kind, family_name, given_name, birth_date, gender, company_id, email, created_at, updated_at)
      overriding system value
      select person_id, 'employee', '交流', '採用' || case_id,
             ((start - make_interval(years => 25 + floor(ra * 31)::int))::date - (floor(rg * 360))::int),
             case when rg < 0.27 then 'female' else 'male' end, company_id,
             'c' || case_id || '@hire.bench.invalid', now(), now()
      from bench_hires`);
    await tx.execute(sql`
      update exchange_cases e
      set reference = 'KR-' || extract(year from e.created_at)::int || '-' || lpad(e.id::text, greatest(6, length(e.id::text)), '0'),
          person_id = coalesce(e.person_id, x.hire_person, x.ongoing_person)
      from (select c.id, h.person_id as hire_person, og.person_id as ongoing_person
            from exchange_cases c
            left join bench_hires h on h.case_id = c.id
            left join bench_ongoing og on og.case_id = c.id
            where c.reference like 'KB-%') x
      where e.id = x.id`);
    await exchangesRepository.rebuildCounts(tx);
  });
  // The reference update left a dead version of every row: vacuum so index-only scans work.
  await db.execute(sql`vacuum (analyze) exchange_cases`);
  await db.execute(sql`vacuum (analyze) people`);
  const inserted = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from exchange_cases`))[0]!.n;
  return { inserted, ms: Math.round(performance.now() - t0) };
}
