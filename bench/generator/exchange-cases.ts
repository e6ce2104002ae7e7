// Synthetic exchange cases at national scale, for the queue and pipeline benchmarks: N cases over
// the ministries' divisions, the registry's companies and its officials, with a state mix like a
// programme that has run for years (most cases returned, about a tenth awaiting the NPA) and start
// dates spread over 2015–2028. Deterministic for a seed (PostgreSQL's setseed + row numbers).
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
    }
    await tx.execute(sql`select setseed(${(opts.seed % 1000) / 1000})`);
    await tx.execute(sql`
      create temp table bench_units on commit drop as
        select row_number() over (order by id) as k, id, organisation_id from org_units where kind = 'division'`);
    await tx.execute(sql`
      create temp table bench_officials on commit drop as
        select row_number() over (order by id) as k, id from people where kind = 'official'`);
    await tx.execute(sql`
      insert into exchange_cases (reference, direction, hire_type, organisation_id, unit_id, post_title, company_id, person_id,
        planned_start, planned_end, state, submitted_on, review_due_on, informally_approved_on, certified_on, actual_start, actual_end,
        state_changed_at, created_at, updated_at)
      select 'KB-' || lpad(g::text, 7, '0'),
             d.direction,
             case when d.direction = 'hire' then (case when random() < 0.8 then 'continued' else 'resigned' end) end,
             u.organisation_id, u.id, case when d.direction = 'hire' then '専門職' else '課長補佐' end,
             c.id,
             case when d.direction = 'dispatch' then o.id end,
             d.start, (d.start + interval '2 years' - interval '1 day')::date,
             d.state,
             -- cases awaiting review were submitted in the last 40 days (some past their 2-week target)
             case when d.state in ('submitted','under_review','query_to_ministry') then (current_date - (floor(s0.r2 * 40))::int)
                  when d.state not in ('consultation') then (d.start - interval '45 days')::date end,
             case when d.state in ('submitted','under_review','query_to_ministry') then (current_date - (floor(s0.r2 * 40))::int + 14)
                  when d.state not in ('consultation') then (d.start - interval '31 days')::date end,
             case when d.state not in ('consultation','submitted','under_review','query_to_ministry','rejected') then (d.start - interval '30 days')::date end,
             case when d.state in ('certified','agreement_signed','active','extended','returned','ended_early') then (d.start - interval '15 days')::date end,
             case when d.state in ('active','extended','returned','ended_early') then d.start end,
             case when d.state = 'returned' then (d.start + interval '2 years' - interval '1 day')::date
                  when d.state = 'ended_early' then (d.start + interval '1 year')::date end,
             now() - (random() * interval '400 days'), now() - interval '500 days', now() - (random() * interval '400 days')
      from generate_series(1, ${opts.count}) g
      cross join lateral (
        select case when random() + 0 * g < 0.2 then 'dispatch' else 'hire' end as direction,
               -- open cases start in the future, closed ones in the past
               ${stateCase} as state, random() as r2
        from (select random() + 0 * g as r) x
      ) s0
      cross join lateral (
        select s0.direction, s0.state,
               case when s0.state in ('returned','ended_early','withdrawn','rejected','active','extended')
                    then date '2015-04-01' + (floor(s0.r2 * 3650))::int
                    else date '2027-01-04' + (floor(s0.r2 * 600))::int end as start
      ) d
      join bench_units u on u.k = 1 + (g * 7919) % (select count(*) from bench_units)
      join companies c on c.id = (select min(id) from companies) + (g::bigint * 104729) % (select count(*) from companies)
      left join bench_officials o on o.k = 1 + (g::bigint * 15485863) % (select count(*) from bench_officials)`);
    await tx.execute(sql`update exchange_cases set reference = 'KR-' || extract(year from created_at)::int || '-' || lpad(id::text, 6, '0') where reference like 'KB-%'`);
    await exchangesRepository.rebuildCounts(tx);
  });
  // The reference update left a dead version of every row: vacuum so index-only scans work.
  await db.execute(sql`vacuum (analyze) exchange_cases`);
  const inserted = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from exchange_cases`))[0]!.n;
  return { inserted, ms: Math.round(performance.now() - t0) };
}
