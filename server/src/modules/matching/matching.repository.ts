// The only SQL for matching rounds: rounds, their participants (wish sheets with a capacity) and
// rankings; it reads wish sheets (owned by the wishes module) and their owners' names.
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Executor } from '../../db/client.ts';
import { idArray } from '../../db/sql.ts';
import { escapeLike } from '../../db/sql.ts';

export type RoundRow = {
  id: number;
  title: string;
  direction: 'dispatch' | 'hire';
  maxRanks: number;
  proposingSide: 'ministry' | 'company';
  status: 'ranking' | 'run' | 'closed';
  rankingClosesOn: string | null;
  report: unknown;
  runAt: string | null;
  createdAt: string;
  ministries: number;
  companies: number;
};

export type SheetRow = {
  sheetId: number;
  reference: string;
  kind: 'ministry_dispatch' | 'ministry_hire' | 'company';
  status: string;
  expiresOn: string | null;
  organisationId: number | null;
  companyId: number | null;
  title: string;
  ownerNameJa: string;
  ownerNameEn: string;
  body: unknown;
};
export type ParticipantRow = SheetRow & { side: 'ministry' | 'company'; capacity: number };

/** Whose sheets: a ministry's (organisation) or a company's. */
export type Owner = { organisationId: number } | { companyId: number };

const sheetColumns = sql`s.id::float8 as "sheetId", s.reference, s.kind, s.status, s.expires_on::text as "expiresOn",
  s.organisation_id::float8 as "organisationId", s.company_id::float8 as "companyId", s.title,
  coalesce(o.name_ja, c.name, '') as "ownerNameJa", coalesce(o.name_en, c.name, '') as "ownerNameEn", s.body`;
const sheetJoins = sql`left join organisations o on o.id = s.organisation_id left join companies c on c.id = s.company_id`;

const roundColumns = sql`r.id::float8 as id, r.title, r.direction, r.max_ranks as "maxRanks", r.proposing_side as "proposingSide", r.status,
  r.ranking_closes_on::text as "rankingClosesOn", r.run_at::text as "runAt", r.created_at::text as "createdAt",
  (select count(*) from matching_participants p where p.round_id = r.id and p.side = 'ministry')::int as ministries,
  (select count(*) from matching_participants p where p.round_id = r.id and p.side = 'company')::int as companies`;

function fixSheets<T extends SheetRow>(list: T[]): T[] {
  for (const r of list) {
    r.sheetId = Number(r.sheetId);
    if (r.organisationId != null) r.organisationId = Number(r.organisationId);
    if (r.companyId != null) r.companyId = Number(r.companyId);
  }
  return list;
}
const ownerCond = (o: Owner): SQL => ('organisationId' in o ? sql`s.organisation_id = ${o.organisationId}` : sql`s.company_id = ${o.companyId}`);

export function createMatchingRepository(db: Executor) {
  const rows = async <T>(q: SQL, on: Executor = db) => rowsOf<T>(await on.execute(q));
  const fixRound = (r: RoundRow): RoundRow => ({ ...r, id: Number(r.id) });
  return {
    async insertRound(tx: Executor, v: { title: string; direction: string; maxRanks: number; proposingSide: string; rankingClosesOn: string | null; createdBy: number }): Promise<number> {
      const r = await rows<{ id: number }>(
        sql`insert into matching_rounds (title, direction, max_ranks, proposing_side, ranking_closes_on, created_by)
            values (${v.title}, ${v.direction}, ${v.maxRanks}, ${v.proposingSide}, ${v.rankingClosesOn}, ${v.createdBy}) returning id::float8 as id`,
        tx,
      );
      return Number(r[0]!.id);
    },

    /** Every round (newest first), or only those in which `owner` has a participating sheet. */
    async rounds(owner?: Owner): Promise<Omit<RoundRow, 'report'>[]> {
      const where = owner
        ? sql`where exists (select 1 from matching_participants p join wish_sheets s on s.id = p.sheet_id where p.round_id = r.id and ${ownerCond(owner)})`
        : sql``;
      return (await rows<RoundRow>(sql`select ${roundColumns} from matching_rounds r ${where} order by r.id desc`)).map(fixRound);
    },

    /** One round; `lock` takes its row lock (changes to one round are serialised). */
    async round(id: number, on: Executor = db, lock = false): Promise<RoundRow | null> {
      const r = await rows<RoundRow>(sql`select ${roundColumns}, r.report from matching_rounds r where r.id = ${id} ${lock ? sql`for update of r` : sql``}`, on);
      return r[0] ? fixRound(r[0]) : null;
    },

    async participants(roundId: number, on: Executor = db): Promise<ParticipantRow[]> {
      return fixSheets(
        await rows<ParticipantRow>(
          sql`select ${sheetColumns}, p.side, p.capacity
              from matching_participants p join wish_sheets s on s.id = p.sheet_id ${sheetJoins}
              where p.round_id = ${roundId} order by p.side desc, s.id`,
          on,
        ),
      );
    },

    async rankings(roundId: number, on: Executor = db): Promise<{ sheetId: number; rankedSheetId: number; rank: number }[]> {
      const r = await rows<{ sheetId: number; rankedSheetId: number; rank: number }>(
        sql`select sheet_id::float8 as "sheetId", ranked_sheet_id::float8 as "rankedSheetId", rank
            from matching_rankings where round_id = ${roundId} order by sheet_id, rank`,
        on,
      );
      return r.map((x) => ({ sheetId: Number(x.sheetId), rankedSheetId: Number(x.rankedSheetId), rank: x.rank }));
    },

    async sheets(ids: readonly number[], on: Executor = db): Promise<SheetRow[]> {
      if (!ids.length) return [];
      return fixSheets(await rows<SheetRow>(sql`select ${sheetColumns} from wish_sheets s ${sheetJoins} where s.id = any(${idArray(ids)})`, on));
    },

    /**
     * Published sheets that could join a round of this direction (ministry wishes of that kind,
     * company sheets with a direction covering it), not yet in it; optional title/owner text.
     */
    async eligibleSheets(a: { roundId: number; direction: 'dispatch' | 'hire'; side?: 'ministry' | 'company' | undefined; q?: string | undefined; limit: number }): Promise<SheetRow[]> {
      const conds: SQL[] = [
        sql`s.status = 'published'`,
        sql`not exists (select 1 from matching_participants p where p.round_id = ${a.roundId} and p.sheet_id = s.id)`,
      ];
      const ministryKind = a.direction === 'dispatch' ? 'ministry_dispatch' : 'ministry_hire';
      const ministry = sql`s.kind = ${ministryKind}`;
      const company = sql`(s.kind = 'company' and s.direction in (${a.direction}, 'both'))`;
      conds.push(a.side === 'ministry' ? ministry : a.side === 'company' ? company : sql`(${ministry} or ${company})`);
      if (a.q) {
        const like = `%${escapeLike(a.q)}%`;
        conds.push(sql`(s.title ilike ${like} or coalesce(o.name_ja, c.name, '') ilike ${like} or s.reference ilike ${like})`);
      }
      return fixSheets(
        await rows<SheetRow>(sql`select ${sheetColumns} from wish_sheets s ${sheetJoins} where ${sql.join(conds, sql` and `)} order by s.id desc limit ${a.limit}`),
      );
    },

    async insertParticipants(tx: Executor, roundId: number, list: readonly { sheetId: number; side: string; capacity: number }[]): Promise<void> {
      for (const p of list) {
        await tx.execute(sql`insert into matching_participants (round_id, sheet_id, side, capacity) values (${roundId}, ${p.sheetId}, ${p.side}, ${p.capacity})`);
      }
    },

    async setCapacity(tx: Executor, roundId: number, sheetId: number, capacity: number): Promise<boolean> {
      const r = await rows<{ n: number }>(
        sql`update matching_participants set capacity = ${capacity} where round_id = ${roundId} and sheet_id = ${sheetId} returning 1 as n`,
        tx,
      );
      return r.length > 0;
    },

    /** Removes a participant, its ranking and its place in the others' rankings (which close up). */
    async removeParticipant(tx: Executor, roundId: number, sheetId: number): Promise<boolean> {
      await tx.execute(sql`delete from matching_rankings where round_id = ${roundId} and (sheet_id = ${sheetId} or ranked_sheet_id = ${sheetId})`);
      const r = await rows<{ n: number }>(sql`delete from matching_participants where round_id = ${roundId} and sheet_id = ${sheetId} returning 1 as n`, tx);
      // Renumber the remaining rankings 1..n, through ranks above any real one so the unique index holds row by row.
      await tx.execute(
        sql`update matching_rankings m set rank = x.n + 100000
            from (select sheet_id, ranked_sheet_id, row_number() over (partition by sheet_id order by rank) as n
                  from matching_rankings where round_id = ${roundId}) x
            where m.round_id = ${roundId} and m.sheet_id = x.sheet_id and m.ranked_sheet_id = x.ranked_sheet_id`,
      );
      await tx.execute(sql`update matching_rankings set rank = rank - 100000 where round_id = ${roundId} and rank > 100000`);
      return r.length > 0;
    },

    async replaceRanking(tx: Executor, roundId: number, sheetId: number, ranked: readonly number[]): Promise<void> {
      await tx.execute(sql`delete from matching_rankings where round_id = ${roundId} and sheet_id = ${sheetId}`);
      for (const [i, id] of ranked.entries()) {
        await tx.execute(sql`insert into matching_rankings (round_id, sheet_id, ranked_sheet_id, rank) values (${roundId}, ${sheetId}, ${id}, ${i + 1})`);
      }
    },

    /** Stores the run's result; false when the round is no longer open for a run. */
    async markRun(tx: Executor, roundId: number, report: unknown): Promise<boolean> {
      const r = await rows<{ n: number }>(
        sql`update matching_rounds set status = 'run', report = ${JSON.stringify(report)}::jsonb, run_at = now(), updated_at = now()
            where id = ${roundId} and status = 'ranking' returning 1 as n`,
        tx,
      );
      return r.length > 0;
    },
  };
}

export type MatchingRepository = ReturnType<typeof createMatchingRepository>;
