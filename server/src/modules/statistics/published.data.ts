// The published history shipped with koryu (./published/*.json, transcribed from the seeds, each
// figure with its seed file and line) as publications + figures, ready to load into the database.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FigureInput, PublicationInput } from './published.domain.ts';

const dir = join(import.meta.dirname, 'published');
const readJson = <T>(name: string): T => JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;

export const SHIPPED_FILES = ['international-dispatch.json', 'public-private-industry-2024.json', 'published-figures.json'] as const;

interface DispatchFile {
  rows: {
    fiscalYear: number;
    dispatched: number;
    returned: number;
    notResumed: number | null;
    endOfYear: number;
    adjustedEndOfYear: number | null;
    source: { file: string; table: string; line: number; text: string };
  }[];
  totals: { dispatched: number; returned: number; notResumed: number; source: { line: number; text: string } };
}
interface IndustryFile {
  code: string;
  year: number;
  source: { table: string };
  rows: { dimension: string; industryJa: string; industryEn: string; jsicCodes: string[]; hire: number; dispatch: number; total: number; source: { lines: number[]; text: string[] } }[];
  totals: { hire: number; dispatch: number; total: number; source: { lines: number[]; text: string[] } };
  grouping: { note: string };
}
interface OtherFile {
  publications: PublicationInput[];
  figures: { series: string; periodKind: 'fiscal' | 'calendar'; year: number; dimension: string; measure: string; value: number | null; publication: string; table: string; lines: number[]; text: string }[];
}

export const ANNUAL_REPORT_FY2024 = 'npa-annual-report-fy2024-ch8';
export const PAMPHLET_2025 = 'kanmin-kouryu-pamphlet-2025';

export function industryFile(): IndustryFile {
  return readJson<IndustryFile>('public-private-industry-2024.json');
}

/** Every shipped publication and figure. */
export function shippedHistory(): { publications: PublicationInput[]; figures: FigureInput[] } {
  const dispatch = readJson<DispatchFile>('international-dispatch.json');
  const industry = industryFile();
  const other = readJson<OtherFile>('published-figures.json');
  const figures: FigureInput[] = [];

  // 資料8 派遣職員数の推移 (seed 000): each printed row; a measure not printed on the row is null.
  for (const r of dispatch.rows) {
    for (const measure of ['dispatched', 'returned', 'notResumed', 'endOfYear', 'adjustedEndOfYear'] as const) {
      figures.push({
        series: 'international.dispatch', periodKind: 'fiscal', year: r.fiscalYear, dimension: '', measure, value: r[measure],
        publication: ANNUAL_REPORT_FY2024, table: '資料8 派遣職員数の推移', page: null, lines: String(r.source.line), text: r.source.text,
      });
    }
  }
  const years = dispatch.rows.map((r) => r.fiscalYear);
  const [first, last] = [Math.min(...years), Math.max(...years)];
  for (const measure of ['dispatched', 'returned', 'notResumed'] as const) {
    figures.push({
      series: 'international.dispatch.total', periodKind: 'fiscal', year: last, dimension: `FY${first}-FY${last}`, measure, value: dispatch.totals[measure],
      publication: ANNUAL_REPORT_FY2024, table: '資料8 派遣職員数の推移（計）', page: null, lines: String(dispatch.totals.source.line), text: dispatch.totals.source.text,
    });
  }

  // 業種別の交流状況(令和6年) (seed 001), rows and the 計 row.
  const industryRow = (dimension: string, v: { hire: number; dispatch: number; total: number; source: { lines: number[]; text: string[] } }) => {
    for (const measure of ['hire', 'dispatch', 'total'] as const) {
      figures.push({
        series: 'publicPrivate.industry', periodKind: 'calendar', year: industry.year, dimension, measure, value: v[measure],
        publication: PAMPHLET_2025, table: industry.source.table, page: null, lines: v.source.lines.join(','), text: v.source.text.join(' / '),
      });
    }
  };
  for (const r of industry.rows) industryRow(r.dimension, r);
  industryRow('total', industry.totals);

  for (const f of other.figures) {
    figures.push({
      series: f.series, periodKind: f.periodKind, year: f.year, dimension: f.dimension, measure: f.measure, value: f.value,
      publication: f.publication, table: f.table, page: null, lines: f.lines[0] === f.lines[1] ? String(f.lines[0]) : f.lines.join('-'), text: f.text,
    });
  }
  return { publications: other.publications, figures };
}
