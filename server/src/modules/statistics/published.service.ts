// Published figures (公表数値): the shipped history, imports (all-or-nothing, consistency-checked),
// and the read models the public API, the web pages, the exports and the annual report use.
// Other modules call internationalSeries / publishedIndustryTable / cumulativeTotals / figureHistory.
import type { Database, Db, Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/tx.ts';
import { writeAudit } from '../../platform/audit.ts';
import { systemContext, type RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { fiscalYearLabel, calendarYearLabel, parseEraYear } from '../../../../common/src/wareki.ts';
import type {
  Breakdown,
  Cumulative,
  FigureHistory,
  FigureSource,
  IndustryTable,
  InternationalSeries,
  InternationalSeriesRow,
  StatsImportResult,
} from '../../../../common/src/schemas/statistics.schema.ts';
import {
  checkLatest,
  issueId,
  keyOf,
  parseRange,
  publicationFromRecord,
  selectLatest,
  validateRecord,
  type FigureInput,
  type FigureKey,
  type PublicationInput,
  type RowError,
  type SeriesIssue,
} from './published.domain.ts';
import { industryFile, shippedHistory } from './published.data.ts';
import { publishedRepository as repo, type PublicationRow, type StoredVersion } from './published.repository.ts';

const safeFiscal = (y: number) => {
  try {
    return fiscalYearLabel(y, 'ja');
  } catch {
    return `${y}年度`;
  }
};
const safeCalendar = (y: number) => {
  try {
    return calendarYearLabel(y, 'ja');
  } catch {
    return `${y}年`;
  }
};

type PubMap = Map<number, PublicationRow>;
const pubMap = async (db: Executor): Promise<PubMap> => new Map((await repo.publications(db)).map((p) => [p.id, p]));

function sourceOf(v: StoredVersion, pubs: PubMap): FigureSource {
  const p = pubs.get(v.publicationId);
  return {
    publicationCode: v.publication,
    document: p?.document ?? v.publication,
    table: v.table,
    edition: p?.edition ?? null,
    publishedYear: v.publishedYear,
    page: v.page,
    lines: v.lines,
  };
}

async function latestOf(db: Executor, series: readonly string[]) {
  const versions = await repo.versions(db, series);
  return selectLatest(versions);
}

// ---------------------------------------------------------------- read models

/** 資料8 series: one row per fiscal year (latest version of each figure), ordered by fiscal year. */
export async function internationalSeries(db: Executor, opts: { from?: number | undefined; to?: number | undefined } = {}): Promise<InternationalSeries> {
  const [latest, pubs] = await Promise.all([latestOf(db, ['international.dispatch', 'international.dispatch.total']), pubMap(db)]);
  const byYear = new Map<number, Map<string, { v: StoredVersion; revised: boolean }>>();
  let totals: InternationalSeries['totals'] = null;
  const totalFigs = new Map<string, StoredVersion[]>();
  for (const { latest: v, revised } of latest.values()) {
    if (v.series === 'international.dispatch.total') {
      const g = totalFigs.get(v.dimension) ?? [];
      g.push(v);
      totalFigs.set(v.dimension, g);
      continue;
    }
    if (v.dimension !== '') continue;
    const m = byYear.get(v.year) ?? new Map();
    m.set(v.measure, { v, revised });
    byYear.set(v.year, m);
  }
  // The totals row of the widest range that ends last.
  const ranges = [...totalFigs.entries()].map(([d, f]) => ({ range: parseRange(d), f })).filter((x) => x.range);
  ranges.sort((a, b) => b.range![1] - a.range![1] || a.range![0] - b.range![0]);
  if (ranges[0]) {
    const { range, f } = ranges[0];
    const val = (m: string) => f.find((x) => x.measure === m)?.value ?? null;
    totals = { fromYear: range![0], toYear: range![1], dispatched: val('dispatched'), returned: val('returned'), notResumed: val('notResumed'), source: sourceOf(f[0]!, pubs) };
  }
  const rows: InternationalSeriesRow[] = [];
  for (const [year, m] of [...byYear.entries()].sort((a, b) => a[0] - b[0])) {
    if (opts.from != null && year < opts.from) continue;
    if (opts.to != null && year > opts.to) continue;
    const get = (k: string) => m.get(k)?.v.value ?? null;
    const main = (m.get('endOfYear') ?? m.get('dispatched') ?? [...m.values()][0])!;
    rows.push({
      fiscalYear: year,
      labelJa: safeFiscal(year),
      dispatched: get('dispatched'),
      returned: get('returned'),
      notResumed: get('notResumed'),
      endOfYear: get('endOfYear'),
      adjustedEndOfYear: get('adjustedEndOfYear'),
      source: sourceOf(main.v, pubs),
      revised: [...m.values()].some((x) => x.revised),
      flaggedRevision: [...m.values()].some((x) => x.v.flaggedRevision),
    });
  }
  return { periodKind: 'fiscal', unit: 'persons', rows, totals };
}

/** A one-measure breakdown (図8-2 by organisation, 図8-3 by region) for a year (default: the latest year stored). */
export async function breakdown(db: Executor, series: string, measure: string, year?: number): Promise<Breakdown> {
  const [latest, pubs] = await Promise.all([latestOf(db, [series]), pubMap(db)]);
  const all = [...latest.values()].map((x) => x.latest).filter((v) => v.measure === measure);
  const years = [...new Set(all.map((v) => v.year))].sort((a, b) => a - b);
  const y = year ?? years.at(-1) ?? null;
  const rows = all
    .filter((v) => v.year === y)
    .sort((a, b) => (a.dimension === 'total' ? 1 : 0) - (b.dimension === 'total' ? 1 : 0) || (b.value ?? 0) - (a.value ?? 0))
    .map((v) => ({ dimension: v.dimension, value: v.value, source: sourceOf(v, pubs) }));
  return { series, periodKind: all[0]?.periodKind === 'calendar' ? 'calendar' : 'fiscal', year: y, measure, years, rows };
}

/** The published industry table of the public-private exchange (業種別の交流状況) for a calendar year. */
export async function publishedIndustryTable(db: Executor, year: number): Promise<IndustryTable> {
  const [latest, pubs] = await Promise.all([latestOf(db, ['publicPrivate.industry']), pubMap(db)]);
  const file = industryFile();
  const names = new Map(file.rows.map((r) => [r.dimension, r]));
  const order = new Map(file.rows.map((r, i) => [r.dimension, i]));
  const dims = new Map<string, Record<string, number | null>>();
  let source: FigureSource | null = null;
  for (const { latest: v } of latest.values()) {
    if (v.year !== year || v.periodKind !== 'calendar') continue;
    dims.set(v.dimension, { ...dims.get(v.dimension), [v.measure]: v.value });
    if (v.dimension === 'total' || !source) source = sourceOf(v, pubs);
  }
  const total = dims.get('total') ?? {};
  const rows = [...dims.entries()]
    .filter(([d]) => d !== 'total')
    .sort((a, b) => (order.get(a[0]) ?? 999) - (order.get(b[0]) ?? 999) || (b[1].total ?? 0) - (a[1].total ?? 0))
    .map(([d, v]) => ({
      dimension: d,
      industryJa: names.get(d)?.industryJa ?? d,
      industryEn: names.get(d)?.industryEn ?? d,
      jsicCodes: names.get(d)?.jsicCodes ?? [],
      hire: v.hire ?? null,
      dispatch: v.dispatch ?? null,
      total: v.total ?? null,
    }));
  return {
    year,
    periodKind: 'calendar',
    labelJa: safeCalendar(year),
    rows,
    total: { hire: total.hire ?? null, dispatch: total.dispatch ?? null, total: total.total ?? null },
    source,
    groupingNoteJa: file.grouping.note,
  };
}

/** Cumulative public-private totals (これまでの交流状況) of the latest year published. */
export async function cumulativeTotals(db: Executor): Promise<Cumulative> {
  const [latest, pubs] = await Promise.all([latestOf(db, ['publicPrivate.cumulative']), pubMap(db)]);
  const figs = [...latest.values()].map((x) => x.latest);
  const year = figs.length ? Math.max(...figs.map((f) => f.year)) : null;
  const progs = ['dispatch', 'hire', 'hireInclFormerJapanPost'];
  const byProg = new Map<string, StoredVersion[]>();
  for (const f of figs.filter((x) => x.year === year)) byProg.set(f.dimension, [...(byProg.get(f.dimension) ?? []), f]);
  const rows = [...byProg.entries()]
    .sort((a, b) => (progs.indexOf(a[0]) + 99) % 99 - ((progs.indexOf(b[0]) + 99) % 99))
    .map(([programme, f]) => ({
      programme,
      ministries: f.find((x) => x.measure === 'ministries')?.value ?? null,
      people: f.find((x) => x.measure === 'people')?.value ?? null,
      source: sourceOf(f[0]!, pubs),
    }));
  return { year, labelJa: year == null ? null : safeCalendar(year), rows };
}

/** Latest version of every figure of a series (seminars, fellowship, visits, …). */
export async function seriesFigures(db: Executor, series: string) {
  const [latest, pubs] = await Promise.all([latestOf(db, [series]), pubMap(db)]);
  return {
    items: [...latest.values()]
      .map(({ latest: v, revised }) => ({ series: v.series, periodKind: v.periodKind, year: v.year, dimension: v.dimension, measure: v.measure, value: v.value, source: sourceOf(v, pubs), revised }))
      .sort((a, b) => b.year - a.year || a.dimension.localeCompare(b.dimension) || a.measure.localeCompare(b.measure)),
  };
}

/** Every published version of one figure, the latest first, each with its source. */
export async function figureHistory(
  db: Executor,
  key: { series: string; year: number; measure: string; dimension?: string | undefined; periodKind?: 'fiscal' | 'calendar' | undefined },
): Promise<FigureHistory | null> {
  const versions = await repo.versionsOf(db, { ...key, dimension: key.dimension ?? '' });
  if (!versions.length) return null;
  const pubs = await pubMap(db);
  const g = selectLatest(versions);
  const first = [...g.values()][0]!;
  return {
    series: first.latest.series,
    periodKind: first.latest.periodKind,
    year: first.latest.year,
    dimension: first.latest.dimension,
    measure: first.latest.measure,
    versions: first.versions.map((v, i) => {
      const p = pubs.get(v.publicationId);
      return {
        value: v.value,
        latest: i === 0,
        flaggedRevision: v.flaggedRevision,
        importedAt: new Date(v.importedAt).toISOString(),
        source: { ...sourceOf(v, pubs), titleJa: p?.titleJa ?? '', titleEn: p?.titleEn ?? '', publisher: p?.publisher ?? '', text: v.text },
      };
    }),
  };
}

/** Consistency issues of every stored series (latest versions). */
export async function checkStored(db: Executor): Promise<SeriesIssue[]> {
  const latest = await latestOf(db, (await repo.versions(db)).map((v) => v.series).filter((s, i, a) => a.indexOf(s) === i));
  return checkLatest([...latest.values()].map((x) => x.latest));
}

// ---------------------------------------------------------------- imports

export class StatsImportRejected extends AppError {
  readonly rowErrors: RowError[];
  readonly issues: SeriesIssue[];
  constructor(rowErrors: RowError[], issues: SeriesIssue[]) {
    const lines = rowErrors.length ? rowErrors.slice(0, 20) : issues;
    super('import_rejected', {
      messages: {
        ja: `取り込みを拒否しました（何も保存していません）。\n${lines.map((l) => l.messageJa).join('\n')}`,
        en: `Import refused (nothing was stored).\n${lines.map((l) => l.messageEn).join('\n')}`,
      },
      details: { rowErrors, issues },
    });
    this.rowErrors = rowErrors;
    this.issues = issues;
  }
}

const toPublicationRow = (p: PublicationInput) => ({
  code: p.code,
  titleJa: p.titleJa,
  titleEn: p.titleEn,
  publisher: p.publisher,
  edition: p.edition,
  publishedYear: p.publishedYear,
  publishedOn: p.publishedOn,
  document: p.document,
  file: p.file,
  note: p.note,
});

/**
 * Stores figures of one or more publications, all or nothing. Refused (StatsImportRejected, nothing
 * stored) when a row is invalid, a publication is unknown without its metadata, a figure conflicts
 * with the same publication's stored figure, or the merged latest series breaks a consistency
 * check that held before — unless `revision` is set: then the figures are stored flagged as an
 * explicit revision (and the issues are returned).
 */
async function store(
  tx: Executor,
  ctx: RequestContext,
  figures: FigureInput[],
  newPubs: PublicationInput[],
  opts: { revision: boolean; label: string; audit: boolean; action: string },
): Promise<StatsImportResult> {
  await repo.lock(tx);
  const pubsBefore = await repo.publications(tx);
  const byCode = new Map(pubsBefore.map((p) => [p.code, p]));
  const rowErrors: RowError[] = [];
  const missingPubs = newPubs.filter((p) => !byCode.has(p.code));
  const knownCodes = new Set([...byCode.keys(), ...missingPubs.map((p) => p.code)]);
  for (const [i, f] of figures.entries()) {
    if (!knownCodes.has(f.publication)) {
      rowErrors.push({
        row: i + 2, column: 'source',
        messageJa: `${i + 2}行目「source」: 公表資料「${f.publication}」は未登録です。source_title_ja と source_published_year を指定してください。`,
        messageEn: `Row ${i + 2}, "source": publication "${f.publication}" is not stored yet; give source_title_ja and source_published_year.`,
      });
    }
  }
  // duplicates within the file
  const seen = new Map<string, number>();
  for (const [i, f] of figures.entries()) {
    const k = `${keyOf(f)}|${f.publication}`;
    if (seen.has(k)) {
      rowErrors.push({ row: i + 2, column: 'measure', messageJa: `${i + 2}行目: ${seen.get(k)}行目と同じ数値が重複しています。`, messageEn: `Row ${i + 2}: duplicates row ${seen.get(k)}.` });
    } else seen.set(k, i + 2);
  }
  if (rowErrors.length) throw new StatsImportRejected(rowErrors, []);

  const series = [...new Set(figures.map((f) => f.series))];
  // the dispatch series and its totals row are checked together
  if (series.some((s) => s.startsWith('international.dispatch'))) series.push('international.dispatch', 'international.dispatch.total');
  const stored = await repo.versions(tx, [...new Set(series)]);
  const storedByKey = new Map(stored.map((v) => [`${keyOf(v)}|${v.publication}`, v]));

  let nextId = 1e12;
  const pubIds = new Map<string, { id: number; publishedYear: number; publishedOn: string | null }>(pubsBefore.map((p) => [p.code, p]));
  missingPubs.forEach((p, i) => pubIds.set(p.code, { id: 1e12 + i, publishedYear: p.publishedYear, publishedOn: p.publishedOn }));
  const fresh: FigureInput[] = [];
  let unchanged = 0;
  for (const [i, f] of figures.entries()) {
    const existing = storedByKey.get(`${keyOf(f)}|${f.publication}`);
    if (!existing) {
      fresh.push(f);
      continue;
    }
    if (existing.value === f.value) unchanged++;
    else
      rowErrors.push({
        row: i + 2, column: 'value',
        messageJa: `${i + 2}行目: ${f.series} ${f.year} ${f.measure}${f.dimension ? `（${f.dimension}）` : ''} は公表資料「${f.publication}」の数値として ${existing.value ?? '（記載なし）'} が登録済みで、${f.value ?? '（記載なし）'} とは異なります。改訂は新しい公表資料として取り込んでください。`,
        messageEn: `Row ${i + 2}: ${f.series} ${f.year} ${f.measure}${f.dimension ? ` (${f.dimension})` : ''} is stored as ${existing.value ?? '(not printed)'} for publication "${f.publication}", not ${f.value ?? '(not printed)'}; import a revision as a new publication.`,
      });
  }
  if (rowErrors.length) throw new StatsImportRejected(rowErrors, []);

  const before = checkLatest([...selectLatest(stored).values()].map((x) => x.latest));
  const merged = [
    ...stored,
    ...fresh.map((f) => {
      const p = pubIds.get(f.publication)!;
      return { ...f, id: nextId++, publicationId: p.id, publishedYear: p.publishedYear, publishedOn: p.publishedOn, flaggedRevision: opts.revision, importedAt: '' };
    }),
  ];
  const after = checkLatest([...selectLatest(merged).values()].map((x) => x.latest));
  const known = new Set(before.map(issueId));
  const introduced = after.filter((i) => !known.has(issueId(i)));
  if (introduced.length && !opts.revision) throw new StatsImportRejected([], introduced);

  const inserted = await repo.insertPublications(tx, missingPubs.map(toPublicationRow));
  for (const p of inserted) pubIds.set(p.code, p);
  const importedBy = ctx.actor?.accountId ? ctx.actor.accountId : null;
  const n = await repo.insertFigures(
    tx,
    fresh.map((f) => ({
      series: f.series,
      periodKind: f.periodKind,
      periodYear: f.year,
      dimension: f.dimension,
      measure: f.measure,
      value: f.value,
      publicationId: pubIds.get(f.publication)!.id,
      sourceTable: f.table,
      sourcePage: f.page,
      sourceLines: f.lines,
      sourceText: f.text,
      flaggedRevision: opts.revision,
      importedBy,
      importLabel: opts.label,
    })),
  );
  const result: StatsImportResult = {
    rows: figures.length,
    inserted: n,
    unchanged,
    publications: [...new Set(figures.map((f) => f.publication))],
    flaggedRevision: opts.revision,
    issues: introduced.map((i) => ({ series: i.series, year: i.year, messageJa: i.messageJa, messageEn: i.messageEn })),
  };
  if (opts.audit && (n > 0 || inserted.length > 0)) {
    await writeAudit(tx, ctx, {
      action: opts.action,
      recordType: 'stat_published_figures',
      recordId: null,
      before: null,
      after: { label: opts.label, inserted: n, unchanged, newPublications: inserted.map((p) => p.code), publications: result.publications, series: [...new Set(fresh.map((f) => f.series))], flaggedRevision: opts.revision, issues: result.issues.map((i) => i.messageEn) },
    });
  }
  return result;
}

/** Import records (CSV rows mapped to column names); see docs/statistics-import.md. */
export async function importFigures(
  db: Db,
  ctx: RequestContext,
  records: readonly Record<string, string>[],
  opts: { revision?: boolean; label?: string } = {},
): Promise<StatsImportResult> {
  const rowErrors: RowError[] = [];
  const figures: FigureInput[] = [];
  const pubs = new Map<string, PublicationInput>();
  if (!records.length) rowErrors.push({ row: 1, column: '', messageJa: 'データ行がありません。', messageEn: 'The file has no data rows.' });
  for (const [i, rec] of records.entries()) {
    const { figure, errors } = validateRecord(rec, i + 2, parseEraYear);
    rowErrors.push(...errors);
    if (figure) figures.push(figure);
    const p = publicationFromRecord(rec);
    if (p && !pubs.has(p.code)) pubs.set(p.code, p);
  }
  if (rowErrors.length) throw new StatsImportRejected(rowErrors, []);
  return inTransaction(db, (tx) =>
    store(tx, ctx, figures, [...pubs.values()], { revision: opts.revision ?? false, label: opts.label ?? 'import', audit: true, action: opts.revision ? 'statistics.import_revision' : 'statistics.import' }),
  );
}

/** Loads the shipped published history (idempotent: only what is missing is inserted). */
export async function seedPublishedStatistics(database: Pick<Database, 'db'>): Promise<number> {
  const { publications, figures } = shippedHistory();
  return inTransaction(database.db, async (tx) => {
    await repo.lock(tx);
    const stored = await repo.versions(tx, [...new Set(figures.map((f) => f.series))]);
    const have = new Set(stored.map((v) => `${keyOf(v)}|${v.publication}`));
    const missing = figures.filter((f) => !have.has(`${keyOf(f)}|${f.publication}`));
    if (!missing.length) return 0;
    const r = await store(tx, systemContext('statistics-seed'), missing, publications, { revision: false, label: 'shipped history', audit: true, action: 'statistics.seed' });
    return r.inserted;
  });
}

export type { FigureKey };
