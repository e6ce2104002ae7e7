// Reading a published-figures CSV (`koryu stats import FILE`, the NPA upload): UTF-8 (BOM allowed),
// a header row, one figure per row. Columns in docs/statistics-import.md; Japanese headers accepted.
import { parse } from 'csv-parse/sync';

const headerAliases: Record<string, string> = {
  系列: 'series',
  series: 'series',
  期間区分: 'period_kind',
  period_kind: 'period_kind',
  年: 'year',
  年度: 'year',
  year: 'year',
  区分: 'dimension',
  dimension: 'dimension',
  項目: 'measure',
  measure: 'measure',
  数値: 'value',
  value: 'value',
  出典: 'source',
  source: 'source',
  publication: 'source',
  表: 'table',
  table: 'table',
  頁: 'page',
  page: 'page',
  行: 'lines',
  lines: 'lines',
  記載: 'text',
  text: 'text',
  source_title_ja: 'source_title_ja',
  source_title_en: 'source_title_en',
  source_publisher: 'source_publisher',
  source_edition: 'source_edition',
  source_published_year: 'source_published_year',
  source_published_on: 'source_published_on',
  source_document: 'source_document',
};

export class CsvFormatError extends Error {
  constructor(
    readonly messageJa: string,
    readonly messageEn: string,
  ) {
    super(messageEn);
  }
}

/** CSV text → records keyed by the canonical column names. Throws CsvFormatError on a bad file. */
export function parseFiguresCsv(text: string): Record<string, string>[] {
  let rows: string[][];
  try {
    rows = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: false, skip_empty_lines: true, trim: false }) as string[][];
  } catch (err) {
    const m = err instanceof Error ? err.message : String(err);
    throw new CsvFormatError(`CSVとして読み取れません: ${m}`, `Not a readable CSV file: ${m}`);
  }
  if (!rows.length) throw new CsvFormatError('ファイルが空です。', 'The file is empty.');
  const header = rows[0]!.map((h) => headerAliases[h.trim()] ?? headerAliases[h.trim().toLowerCase()] ?? '');
  const unknown = rows[0]!.filter((_, i) => !header[i]);
  if (unknown.length) throw new CsvFormatError(`不明な列があります: ${unknown.join(', ')}`, `Unknown columns: ${unknown.join(', ')}`);
  for (const required of ['series', 'year', 'measure', 'value', 'source']) {
    if (!header.includes(required)) throw new CsvFormatError(`必須の列「${required}」がありません。`, `The required column "${required}" is missing.`);
  }
  return rows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}
