// The annual report PDF (年次報告, issue 6 item 8): renderAnnualReport(data) → PDF bytes.
//
//   const data = await collectAnnualReportData(db, { year: 2023, lang: 'ja' });   // annual-report.data.ts
//   const pdf = await renderAnnualReport(data);                                    // Buffer (application/pdf)
//
// Pure: no database, no clock (the date printed is data.generatedOn), so the same data gives the same
// bytes. Laid out like the NPA's 年次報告書 chapter 8 (../shared/seeds/000_4d3b3c34f3ae3940.txt):
// 第1節 narrative paragraphs with the figures filled in, 図1 (the yearly series as a chart); 第2節
// 国際協力・国際交流 (seminars, Mansfield fellowship, visits: 表1, when figures are published); then the
// public-private section (001_5d8d2d8d3392a202.txt: 業種別の交流状況 table and chart, cumulative totals,
// the yearly series from records when there are any), and the appendix 資料1 in the 資料8 layout
// (和暦 and Western years, （ ） and ［ ］ figures). English (lang 'en') has the same layout.
// Charts: the web's option builders (common/src/stat-charts.ts) rendered to SVG by ECharts SSR
// (chart-svg.ts) and drawn as vectors by svg-to-pdfkit, in the embedded Noto Sans JP.
import SVGtoPDF from 'svg-to-pdfkit';
import { JapaneseDocument, warekiDate } from '../../exchanges/documents/pdf.ts';
import {
  chartTextAlternative,
  stackedBreakdownOption,
  yearSeriesOption,
  type BreakdownInput,
  type YearSeriesInput,
} from '../../../../../common/src/stat-charts.ts';
import { eraYear, eraYearText } from '../../../../../common/src/wareki.ts';
import { renderChartSvg, svgFontCallback } from './chart-svg.ts';
import { periodLabels, type AnnualReportData, type InternationalYear, type ReportLang, type ReportSource } from './annual-report.data.ts';

const mm = (n: number) => (n * 72) / 25.4;
const fmt = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : n.toLocaleString('en-US'));
const grey = '#595959';

/** How many fiscal years 図1 shows (the appendix table has them all). */
export const chartYears = 20;

type L = ReportLang;
const fy = (y: number, lang: L) => periodLabels.fiscal(y, lang);
const cy = (y: number, lang: L) => periodLabels.calendar(y, lang);

// ---------------------------------------------------------------- narrative (pure, tested)

/** +5 / −3 / ±0 */
const signed = (n: number) => (n > 0 ? `+${fmt(n)}` : n < 0 ? `−${fmt(-n)}` : '±0');

function change(diff: number, lang: L, unitJa: '人' | '件', prevJa: string, prevEn: string): string {
  if (lang === 'ja') {
    if (diff === 0) return `${prevJa}と同数である`;
    return `${prevJa}と比べると${fmt(Math.abs(diff))}${unitJa}${diff > 0 ? '増加' : '減少'}している`;
  }
  if (diff === 0) return `the same as ${prevEn}`;
  return `${fmt(Math.abs(diff))} ${diff > 0 ? 'more' : 'fewer'} than ${prevEn}`;
}

/** 第1節 paragraphs: new, returned (of which not resumed), year end, changes; consultations. */
export function internationalNarrative(data: AnnualReportData): string[] {
  const { lang } = data;
  const { current: c, previous: p, fiscalYear: y } = data.international;
  const label = fy(y, lang);
  const out: string[] = [];
  const prevStock = p ? (p.adjustedEndOfYear ?? p.endOfYear) : null;
  if (lang === 'ja') {
    out.push(
      '各府省は、派遣法に基づき、国際協力の一環として、条約その他の国際約束や我が国が加盟している国際機関、外国政府の機関等の要請に応じ、職員をその同意の下にこれらの機関に派遣している。',
    );
    const newPart =
      p && p.dispatched !== null && c.dispatched !== null
        ? `${label}において新たに国際機関等に派遣された職員は${fmt(c.dispatched)}人で、${change(c.dispatched - p.dispatched, lang, '人', '前年度', '')}。`
        : `${label}において新たに国際機関等に派遣された職員は${fmt(c.dispatched)}人である。`;
    const notResumed = c.notResumed !== null ? `（うち派遣期間中又は職務復帰と同時に退職した者は${fmt(c.notResumed)}人）` : '';
    const endPart =
      prevStock !== null && c.endOfYear !== null
        ? `${label}末における派遣職員は${fmt(c.endOfYear)}人で、${change(c.endOfYear - prevStock, lang, '人', '前年度末', '')}`
        : `${label}末における派遣職員は${fmt(c.endOfYear)}人である`;
    out.push(`${newPart}一方、${label}中に派遣を終了した職員は${fmt(c.returned)}人${notResumed}であり、${endPart}（図1、資料1）。`);
  } else {
    out.push(
      'As part of international cooperation, ministries dispatch officials, with their consent, to international organisations and foreign government bodies at their request under the Act on the Dispatch of National Public Officers to International Organisations.',
    );
    const newPart =
      p && p.dispatched !== null && c.dispatched !== null
        ? `In ${label}, ${fmt(c.dispatched)} officials were newly dispatched to international organisations etc., ${change(c.dispatched - p.dispatched, lang, '人', '', 'in the previous fiscal year')}.`
        : `In ${label}, ${fmt(c.dispatched)} officials were newly dispatched to international organisations etc.`;
    const notResumed = c.notResumed !== null ? ` (of whom ${fmt(c.notResumed)} retired during the dispatch or on returning to duty)` : '';
    const endPart =
      prevStock !== null && c.endOfYear !== null
        ? `${fmt(c.endOfYear)} officials were on dispatch at the end of ${label}, ${change(c.endOfYear - prevStock, lang, '人', '', 'at the end of the previous fiscal year')}`
        : `${fmt(c.endOfYear)} officials were on dispatch at the end of ${label}`;
    out.push(`${newPart} ${fmt(c.returned)} officials ended their dispatch during ${label}${notResumed}, and ${endPart} (Figure 1, Supplementary table 1).`);
  }
  const k = data.consultations;
  if (lang === 'ja') {
    out.push(
      `なお、派遣期間が5年を超える新たな派遣又は更新の場合には人事院に協議することとされており、${
        k.count === null ? `${fy(k.fiscalYear, lang)}の協議件数は集計されていない。` : k.count === 0 ? `${fy(k.fiscalYear, lang)}には協議はなかった。` : `${fy(k.fiscalYear, lang)}には${fmt(k.count)}件の協議があった。`
      }`,
    );
  } else {
    out.push(
      `A new dispatch or renewal for more than five years requires consultation with the NPA; ${
        k.count === null
          ? `the number of consultations in ${fy(k.fiscalYear, lang)} has not been compiled.`
          : `there ${k.count === 1 ? 'was 1 consultation' : `were ${fmt(k.count)} consultations`} in ${fy(k.fiscalYear, lang)}.`
      }`,
    );
  }
  return out;
}

/** 第2節 paragraphs: the year's exchanges (records and/or industry table) and cumulative totals. */
export function publicPrivateNarrative(data: AnnualReportData): string[] {
  const { lang } = data;
  const pp = data.publicPrivate;
  const label = cy(pp.year, lang);
  const out: string[] = [];
  const row = pp.series.find((r) => r.year === pp.year);
  const prev = pp.series.find((r) => r.year === pp.year - 1);
  if (row && row.newDispatches !== null && row.newHires !== null) {
    if (lang === 'ja') {
      const d = prev?.newDispatches != null ? `（前年比${signed(row.newDispatches - prev.newDispatches)}人）` : '';
      const h = prev?.newHires != null ? `（前年比${signed(row.newHires - prev.newHires)}人）` : '';
      out.push(
        `${label}に新たに開始された官民人事交流は、交流派遣${fmt(row.newDispatches)}人${d}、交流採用${fmt(row.newHires)}人${h}であり、${label}末において交流派遣中の職員は${fmt(row.dispatchesAtYearEnd)}人、交流採用により在職している者は${fmt(row.hiresAtYearEnd)}人である（図3）。`,
      );
    } else {
      const d = prev?.newDispatches != null ? ` (${change(row.newDispatches - prev.newDispatches, lang, '人', '', `in ${pp.year - 1}`)})` : '';
      const h = prev?.newHires != null ? ` (${change(row.newHires - prev.newHires, lang, '人', '', `in ${pp.year - 1}`)})` : '';
      out.push(
        `In ${label}, ${fmt(row.newDispatches)} officials were newly dispatched to private companies${d} and ${fmt(row.newHires)} private-sector employees were newly hired by ministries${h}; at the end of ${label}, ${fmt(row.dispatchesAtYearEnd)} officials were on dispatch and ${fmt(row.hiresAtYearEnd)} hired employees were in post (Figure 3).`,
      );
    }
  }
  if (pp.industry) {
    const t = pp.industry.total;
    out.push(
      lang === 'ja'
        ? `${label}の業種別の交流状況は、交流採用${fmt(t.hire)}人、交流派遣${fmt(t.dispatch)}人、計${fmt(t.total)}人である（表2、図2）。`
        : `By industry, exchanges in ${label} numbered ${fmt(t.hire)} hires and ${fmt(t.dispatch)} dispatches, ${fmt(t.total)} in total (Table 2, Figure 2).`,
    );
  }
  const c = pp.cumulative;
  if (c) {
    const cl = lang === 'ja' ? `${cy(c.year, lang)}末` : `the end of ${c.year}`;
    const jp = c.hirePeopleInclFormerJapanPost;
    out.push(
      lang === 'ja'
        ? `${cl}までに、交流派遣では${fmt(c.dispatchMinistries)}府省${fmt(c.dispatchPeople)}名、交流採用では${fmt(c.hireMinistries)}府省${fmt(c.hirePeople)}名${jp !== null ? `（旧日本郵政公社への交流採用を含めると${fmt(jp)}名）` : ''}の交流が実施されている（表3）。`
        : `By ${cl}, ${fmt(c.dispatchMinistries)} ministries had dispatched ${fmt(c.dispatchPeople)} officials and ${fmt(c.hireMinistries)} ministries had hired ${fmt(c.hirePeople)} private-sector employees${jp !== null ? ` (${fmt(jp)} including hires to the former Japan Post)` : ''} (Table 3).`,
    );
  }
  if (out.length === 0) {
    out.push(lang === 'ja' ? `${label}の官民人事交流の統計はありません。` : `There are no public-private exchange figures for ${label}.`);
  }
  return out;
}

const programmeNames: Record<string, { ja: string; en: string }> = {
  'international.seminars|hrManagementSeminar': { ja: '人事管理セミナー', en: 'HR management seminar' },
  'international.seminars|seniorHrSeminar': { ja: '上級人事管理セミナー', en: 'Senior HR management seminar' },
  'international.seminars|hrAdministrationSeminar': { ja: '人事行政セミナー', en: 'HR administration seminar' },
  'international.seminars|seniorGovernmentSeminar': { ja: '上級国家行政セミナー', en: 'Senior government administration seminar' },
  'international.seminars|vietnamSupport': { ja: 'ベトナム政府への支援（訪日研修）', en: 'Support to Viet Nam (training in Japan)' },
  'international.seminars|uzbekistanSupport': { ja: 'ウズベキスタン政府への支援（訪日研修）', en: 'Support to Uzbekistan (training in Japan)' },
  'international.seminars|kyrgyzSupport': { ja: 'キルギス政府への支援（オンライン・セミナー）', en: 'Support to Kyrgyzstan (online seminar)' },
  'international.fellowship|mansfield': { ja: 'マンスフィールド研修', en: 'Mansfield Fellowship' },
  'international.visits|': { ja: '外国からの調査訪問', en: 'Study visits from abroad' },
  'international.visits|jds': { ja: '人材育成奨学計画（JDS）留学生の来訪', en: 'Visit of JDS scholars' },
};

/** 国際協力・国際交流: one row per programme, its figures as a phrase (ja 「13か国・地域から13人」). */
export function cooperationRows(data: AnnualReportData): { name: string; text: string }[] {
  const c = data.cooperation;
  if (!c) return [];
  const ja = data.lang === 'ja';
  const groups = new Map<string, Map<string, number | null>>();
  for (const f of c.figures) {
    const k = `${f.series}|${f.dimension}`;
    const g = groups.get(k) ?? new Map<string, number | null>();
    g.set(f.measure, f.value);
    groups.set(k, g);
  }
  const rows: { name: string; text: string }[] = [];
  const order = Object.keys(programmeNames);
  const sorted = [...groups].sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]));
  for (const [k, m] of sorted) {
    const name = programmeNames[k];
    if (!name) continue; // a programme the report has no wording for
    const v = (measure: string) => (m.has(measure) ? m.get(measure)! : undefined);
    const parts: string[] = [];
    const countries = v('countries') ?? v('countriesRegions');
    const people = v('participants') ?? v('fellows') ?? v('visitors');
    const cohort = v('cohort');
    if (k === 'international.visits|') {
      const visits = v('visits');
      const orgs = v('organisations');
      parts.push(
        ja
          ? `${countries != null ? `${fmt(countries)}か国・地域` : ''}${orgs != null ? `と${fmt(orgs)}機関` : ''}から合計${fmt(visits ?? people)}回`
          : `${fmt(visits ?? people)} visits from ${countries != null ? `${fmt(countries)} countries and regions` : 'abroad'}${orgs != null ? ` and ${fmt(orgs)} organisations` : ''}`,
      );
    } else {
      if (cohort != null) parts.push(ja ? `第${fmt(cohort)}期研修員` : `cohort ${fmt(cohort)}`);
      if (countries != null && people != null) parts.push(ja ? `${fmt(countries)}か国・地域から${fmt(people)}人` : `${fmt(people)} participants from ${fmt(countries)} countries and regions`);
      else if (people != null) parts.push(ja ? `${fmt(people)}人` : `${fmt(people)} participants`);
      const sessions = v('sessions');
      if (sessions != null) parts.push(ja ? `（${fmt(sessions)}回）` : `(${fmt(sessions)} sessions)`);
      const cp = v('cumulativeParticipants');
      const cc = v('cumulativeCountries');
      if (cp != null) parts.push(ja ? `（開始からの累計 ${cc != null ? `${fmt(cc)}か国・地域 ` : ''}${fmt(cp)}人）` : `(since the start: ${fmt(cp)} participants${cc != null ? ` from ${fmt(cc)} countries and regions` : ''})`);
    }
    rows.push({ name: ja ? name.ja : name.en, text: parts.join(ja ? '' : ', ').replace(/, \(/g, ' (') });
  }
  return rows;
}

// ---------------------------------------------------------------- chart inputs (shared with the web)

export function internationalChartInput(data: AnnualReportData): YearSeriesInput {
  const { lang } = data;
  const rows = data.international.series.slice(-chartYears);
  return {
    years: rows.map((r) => r.fiscalYear),
    yearKind: 'fiscal',
    lang,
    unit: lang === 'ja' ? '人' : 'persons',
    bars: [
      { name: lang === 'ja' ? '派遣職員数' : 'Dispatched', values: rows.map((r) => r.dispatched) },
      { name: lang === 'ja' ? '派遣終了職員数' : 'Returned', values: rows.map((r) => r.returned) },
    ],
    lines: [{ name: lang === 'ja' ? '年度末派遣中の職員数' : 'On dispatch at year end', values: rows.map((r) => r.endOfYear) }],
  };
}

export function industryChartInput(data: AnnualReportData): BreakdownInput | null {
  const ind = data.publicPrivate.industry;
  if (!ind) return null;
  const { lang } = data;
  return {
    categories: ind.rows.map((r) => (lang === 'ja' ? r.nameJa : r.nameEn)),
    series: [
      { name: lang === 'ja' ? '交流採用' : 'Hired', values: ind.rows.map((r) => r.hire ?? 0) },
      { name: lang === 'ja' ? '交流派遣' : 'Dispatched', values: ind.rows.map((r) => r.dispatch ?? 0) },
    ],
    lang,
    unit: lang === 'ja' ? '人' : 'persons',
    horizontal: true,
  };
}

export function publicPrivateChartInput(data: AnnualReportData): YearSeriesInput | null {
  const s = data.publicPrivate.series.filter((r) => r.year <= data.publicPrivate.year);
  if (s.length === 0) return null;
  const { lang } = data;
  return {
    years: s.map((r) => r.year),
    yearKind: 'calendar',
    lang,
    unit: lang === 'ja' ? '人' : 'persons',
    bars: [
      { name: lang === 'ja' ? '交流採用（新規）' : 'New hires', values: s.map((r) => r.newHires) },
      { name: lang === 'ja' ? '交流派遣（新規）' : 'New dispatches', values: s.map((r) => r.newDispatches) },
    ],
  };
}

// ---------------------------------------------------------------- layout

type Column = { header: string; width: number; align: 'left' | 'right' | 'center' };

/** Where a chart was drawn (PDF points, origin top-left of its page; page from 0): for the render test. */
export type ChartPlacement = { caption: string; page: number; x: number; y: number; width: number; height: number };

export type RenderReportOptions = { collectText?: string[]; collectCharts?: ChartPlacement[] };

class ReportWriter {
  constructor(
    readonly jd: JapaneseDocument,
    readonly lang: L,
    readonly charts?: ChartPlacement[],
  ) {}

  get doc() {
    return this.jd.doc;
  }

  private get bottom() {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** A body paragraph; Japanese paragraphs start with a one-character indent (字下げ). */
  paragraph(text: string, size = 10): void {
    this.doc.font('jp').fontSize(size).fillColor('#1a1a1a');
    this.jd.ensureSpace(size * 1.8);
    const ja = this.lang === 'ja';
    this.doc.text(this.jd.t(text), this.jd.left, this.doc.y, { width: this.jd.width, align: ja ? 'justify' : 'left', indent: ja ? size : 0, lineGap: size * 0.4 });
    this.doc.moveDown(0.3);
  }

  small(text: string, color = grey, size = 8.5): void {
    this.doc.font('jp').fontSize(size).fillColor(color);
    this.doc.text(this.jd.t(text), this.jd.left, this.doc.y, { width: this.jd.width, lineGap: 2 });
    this.doc.fillColor('#1a1a1a');
  }

  caption(text: string): void {
    this.doc.font('jp-bold').fontSize(10).fillColor('#1a1a1a');
    this.doc.text(this.jd.t(text), this.jd.left, this.doc.y, { width: this.jd.width, align: 'center' });
    this.doc.moveDown(0.3);
  }

  source(s: ReportSource | null, extra?: string | null): void {
    const lead = s?.kind === 'records' ? (this.lang === 'ja' ? '集計元：' : 'Computed from: ') : this.lang === 'ja' ? '出典：' : 'Source: ';
    const text = s ? `${lead}${this.lang === 'ja' ? s.ja : s.en}` : '';
    if (text) this.small(text);
    if (extra) this.small(extra);
    this.doc.moveDown(0.6);
  }

  /** A chart (SVG from ECharts SSR) at full width, with its caption and text alternative. */
  chart(caption: string, svg: string, heightPt: number, alt: string): void {
    const w = this.jd.width;
    this.jd.ensureSpace(heightPt + 60);
    this.caption(caption);
    const y = this.doc.y;
    SVGtoPDF(this.doc, svg, this.jd.left, y, {
      width: w,
      height: heightPt,
      preserveAspectRatio: 'xMidYMid meet',
      fontCallback: svgFontCallback('jp', 'jp-bold'),
      warningCallback: () => undefined,
    });
    const range = this.doc.bufferedPageRange();
    this.charts?.push({ caption, page: range.start + range.count - 1, x: this.jd.left, y, width: w, height: heightPt });
    this.doc.x = this.jd.left;
    this.doc.y = y + heightPt + 4;
    // The chart's text alternative, printed (readers of the PDF without the picture; tagged text).
    this.small(alt, grey, 8);
    this.doc.moveDown(0.2);
  }

  /** A ruled table; the header row repeats after a page break. */
  table(caption: string, columns: Column[], rows: string[][], opts: { boldLast?: boolean; size?: number } = {}): void {
    const size = opts.size ?? 9;
    const pad = 3;
    const rowH = size + 2 * pad + 3;
    const total = columns.reduce((a, c) => a + c.width, 0);
    const x0 = this.jd.left + (this.jd.width - total) / 2;
    // keep a table on one page when it fits on one; else start it with at least a few rows
    const rowHeight = (r: string[], bold: boolean) => {
      this.doc.font(bold ? 'jp-bold' : 'jp').fontSize(size);
      return Math.max(rowH, ...columns.map((c, j) => this.doc.heightOfString(this.jd.t(r[j] ?? ''), { width: c.width - 2 * pad, lineGap: 1 }) + 2 * pad + 2));
    };
    const heights = rows.map((r, i) => rowHeight(r, Boolean(opts.boldLast) && i === rows.length - 1));
    const whole = heights.reduce((a, b) => a + b, 0) + rowH * 2 + 30;
    const usable = this.doc.page.height - this.doc.page.margins.top - this.doc.page.margins.bottom;
    this.jd.ensureSpace(whole <= usable ? whole : rowH * 6 + 24);
    this.caption(caption);
    const headerH = (() => {
      this.doc.font('jp-bold').fontSize(size);
      return Math.max(...columns.map((c) => this.doc.heightOfString(this.jd.t(c.header), { width: c.width - 2 * pad }))) + 2 * pad;
    })();
    const header = () => {
      const y = this.doc.y;
      let x = x0;
      this.doc.save().rect(x0, y, total, headerH).fill('#f0f0f0').restore();
      this.doc.font('jp-bold').fontSize(size).fillColor('#1a1a1a');
      for (const c of columns) {
        this.doc.text(this.jd.t(c.header), x + pad, y + pad, { width: c.width - 2 * pad, align: 'center' });
        x += c.width;
      }
      this.doc.moveTo(x0, y).lineTo(x0 + total, y).lineWidth(0.8).stroke('#4d4d4d');
      this.doc.moveTo(x0, y + headerH).lineTo(x0 + total, y + headerH).lineWidth(0.6).stroke('#4d4d4d');
      this.doc.y = y + headerH;
    };
    header();
    rows.forEach((r, i) => {
      const last = opts.boldLast && i === rows.length - 1;
      this.doc.font(last ? 'jp-bold' : 'jp').fontSize(size).fillColor('#1a1a1a');
      // a cell wraps within its column; the row is as tall as its tallest cell
      const texts = columns.map((_, j) => this.jd.t(r[j] ?? ''));
      const h = heights[i]!;
      if (this.doc.y + h > this.bottom) {
        this.doc.addPage();
        header();
        this.doc.font(last ? 'jp-bold' : 'jp').fontSize(size).fillColor('#1a1a1a');
      }
      const y = this.doc.y;
      if (last) this.doc.moveTo(x0, y).lineTo(x0 + total, y).lineWidth(0.6).stroke('#4d4d4d');
      let x = x0;
      columns.forEach((c, j) => {
        this.doc.text(texts[j]!, x + pad, y + pad + 1, { width: c.width - 2 * pad, align: c.align, lineGap: 1 });
        x += c.width;
      });
      this.doc.moveTo(x0, y + h).lineTo(x0 + total, y + h).lineWidth(last ? 0.8 : 0.25).stroke(last ? '#4d4d4d' : '#bfbfbf');
      this.doc.y = y + h;
    });
    this.doc.x = this.jd.left;
    this.doc.moveDown(0.4);
  }
}

/** 「令和5」 (and 「令和元」) — the short era-year of 資料8's first column. */
const eraShort = (y: number) => eraYearText(eraYear(y));

function appendixRows(series: InternationalYear[], lang: L): string[][] {
  return series.map((r) => [
    lang === 'ja' ? `${eraShort(r.fiscalYear)}（${r.fiscalYear}）` : `FY${r.fiscalYear}`,
    fmt(r.dispatched),
    fmt(r.returned),
    r.notResumed === null ? '' : `（${fmt(r.notResumed)}）`,
    fmt(r.endOfYear),
    r.adjustedEndOfYear === null ? '' : `［${fmt(r.adjustedEndOfYear)}］`,
  ]);
}

/** Renders the report. Async only because PDFKit streams; no I/O. */
export async function renderAnnualReport(data: AnnualReportData, opts: RenderReportOptions = {}): Promise<Buffer> {
  const { lang } = data;
  const ja = lang === 'ja';
  const title = ja ? '国際機関等派遣・官民人事交流 年次報告' : 'Annual report: dispatch to international organisations and public-private personnel exchange';
  const createdAt = new Date(`${data.generatedOn}T00:00:00+09:00`);
  const jd = new JapaneseDocument(
    { title: `${title} ${ja ? fy(data.year, lang) : fy(data.year, lang)}`, subject: ja ? '統計' : 'Statistics', keywords: 'koryu, statistics, annual report', lang: ja ? 'ja-JP' : 'en-GB' },
    { createdAt, collectText: opts.collectText },
  );
  const w = new ReportWriter(jd, lang, opts.collectCharts);
  const doc = jd.doc;

  // ---- title block
  jd.title(title, ja ? 16 : 14);
  jd.right(ja ? fy(data.year, lang) : `${fy(data.year, lang)} report`);
  jd.right(ja ? `作成日　${warekiDate(data.generatedOn)}（${data.generatedOn}）` : `Produced on ${data.generatedOn}`, 9);
  jd.space(4);
  const pp = data.publicPrivate;
  w.small(
    ja
      ? `対象期間：国際機関等への派遣は${fy(data.year, lang)}（${data.year}年4月～${data.year + 1}年3月）、人事院への協議は${fy(data.consultations.fiscalYear, lang)}、官民人事交流は${cy(pp.year, lang)}（1月～12月）。和暦の年度は、その年度が始まる年の12月31日の元号による。`
      : `Periods: dispatch to international organisations, ${fy(data.year, lang)} (April ${data.year} – March ${data.year + 1}); consultations with the NPA, ${fy(data.consultations.fiscalYear, lang)}; public-private exchange, calendar year ${pp.year}.`,
  );
  jd.space(6);

  // ---- 第1節
  jd.heading(ja ? '第1節　派遣法による派遣状況' : '1. Dispatch under the International Organisations Dispatch Act', 12);
  for (const p of internationalNarrative(data)) w.paragraph(p);
  jd.space(4);
  const intl = internationalChartInput(data);
  w.chart(
    ja ? `図1　派遣職員数の推移（${fy(intl.years[0]!, lang)}～${fy(data.year, lang)}）` : `Figure 1  Officials dispatched, ${fy(intl.years[0]!, lang)}–${fy(data.year, lang)}`,
    renderChartSvg(yearSeriesOption(intl), { width: 680, height: 340 }),
    mm(85),
    chartTextAlternative(intl),
  );
  w.source(data.international.source, ja ? '資料1に全年度の数値を掲げる。' : 'Supplementary table 1 in the appendix lists every fiscal year.');

  // ---- 第2節 国際協力・国際交流 (published figures of FY Y+1)
  doc.addPage();
  const coop = cooperationRows(data);
  let section = 2;
  if (coop.length > 0 && data.cooperation) {
    const cfy = fy(data.cooperation.fiscalYear, lang);
    jd.heading(ja ? `第${section}節　国際協力・国際交流` : `${section}. International cooperation and exchange`, 12);
    w.paragraph(
      ja
        ? `人事院は、開発途上国等の政府職員を対象とした研修への協力や、外国政府職員等の調査訪問への対応等を行っている。${cfy}の実施状況は表1のとおりである。`
        : `The NPA runs seminars for government officials of developing countries, supports fellowship programmes and receives study visits from abroad. Table 1 shows ${cfy}.`,
    );
    w.table(
      ja ? `表1　国際協力・国際交流の実施状況（${cfy}）` : `Table 1  International cooperation and exchange, ${cfy}`,
      [
        { header: ja ? '事業' : 'Programme', width: ja ? 200 : 190, align: 'left' },
        { header: ja ? '実績' : 'Figures', width: ja ? 260 : 290, align: 'left' },
      ],
      coop.map((r) => [r.name, r.text]),
    );
    w.source(data.cooperation.source);
    section++;
  }

  // ---- 官民人事交流
  jd.heading(ja ? `第${section}節　官民人事交流の実施状況` : `${section}. Public-private personnel exchange`, 12);
  for (const p of publicPrivateNarrative(data)) w.paragraph(p);
  jd.space(4);
  if (pp.industry) {
    const ind = pp.industry;
    // the seed prints 「—」 for an industry without exchanges
    const cell = (n: number | null) => (n === 0 ? '—' : fmt(n));
    const rows = [...ind.rows, ind.total].map((r) => [ja ? r.nameJa : r.nameEn, cell(r.hire), cell(r.dispatch), cell(r.total)]);
    w.table(
      ja ? `表2　業種別の交流状況（${cy(pp.year, lang)}）` : `Table 2  Exchanges by industry, ${pp.year}`,
      [
        { header: ja ? '業種' : 'Industry', width: ja ? 190 : 230, align: 'left' },
        { header: ja ? '交流採用' : 'Hired', width: 72, align: 'right' },
        { header: ja ? '交流派遣' : 'Dispatched', width: 72, align: 'right' },
        { header: ja ? '計（人）' : 'Total (persons)', width: 80, align: 'right' },
      ],
      rows,
      { boldLast: true },
    );
    w.source(ind.source, ja ? `（注）${ind.noteJa ?? ''}` : ind.noteEn ? `Note: ${ind.noteEn}` : null);
  }
  if (pp.cumulative) {
    const c = pp.cumulative;
    w.table(
      ja ? `表3　これまでの交流状況（${cy(c.year, lang)}末まで）` : `Table 3  Exchanges to the end of ${c.year}`,
      [
        { header: ja ? '区分' : 'Programme', width: ja ? 262 : 302, align: 'left' },
        { header: ja ? '府省数' : 'Ministries', width: 72, align: 'right' },
        { header: ja ? '人数' : 'Persons', width: 80, align: 'right' },
      ],
      [
        [ja ? '交流派遣' : 'Dispatch (ministries → companies)', fmt(c.dispatchMinistries), fmt(c.dispatchPeople)],
        [ja ? '交流採用' : 'Hire (companies → ministries)', fmt(c.hireMinistries), fmt(c.hirePeople)],
        ...(c.hirePeopleInclFormerJapanPost !== null
          ? [[ja ? '交流採用（旧日本郵政公社への交流採用を含む）' : 'Hire, incl. the former Japan Post', '—', fmt(c.hirePeopleInclFormerJapanPost)]]
          : []),
      ],
    );
    w.source(c.source);
  }
  const industryInput = industryChartInput(data);
  if (industryInput) {
    w.chart(
      ja ? `図2　業種別の交流状況（${cy(pp.year, lang)}）` : `Figure 2  Exchanges by industry, ${pp.year}`,
      renderChartSvg(stackedBreakdownOption(industryInput), { width: 680, height: 400 }),
      mm(100),
      chartTextAlternative(industryInput),
    );
    w.source(pp.industry!.source);
  }
  const ppInput = publicPrivateChartInput(data);
  if (ppInput) {
    w.chart(
      ja ? `図3　官民人事交流の新規交流者数の推移` : 'Figure 3  New public-private exchanges by calendar year',
      renderChartSvg(yearSeriesOption(ppInput), { width: 680, height: 340 }),
      mm(85),
      chartTextAlternative(ppInput),
    );
    w.source(pp.seriesSource);
  }

  // ---- appendix: 資料1 (資料8 layout)
  doc.addPage();
  jd.heading(ja ? '補足資料' : 'Appendix', 12);
  const s = data.international;
  const rows = appendixRows(s.series, lang);
  if (s.totals) rows.push([ja ? '計' : 'Total', fmt(s.totals.dispatched), fmt(s.totals.returned), s.totals.notResumed === null ? '' : `（${fmt(s.totals.notResumed)}）`, '', '']);
  w.table(
    ja ? '資料1　派遣職員数の推移' : 'Supplementary table 1  Officials dispatched to international organisations etc., by fiscal year',
    [
      { header: ja ? '年度' : 'Fiscal year', width: 92, align: 'left' },
      { header: ja ? '年度内の派遣職員数' : 'Dispatched', width: 78, align: 'right' },
      { header: ja ? '年度内に派遣を終了した職員数' : 'Returned', width: 92, align: 'right' },
      { header: ja ? '（うち復帰せず）' : '(not resumed)', width: 62, align: 'right' },
      { header: ja ? '年度末現在派遣中の職員数' : 'On dispatch at year end', width: 90, align: 'right' },
      { header: ja ? '［調整後］' : '[adjusted]', width: 58, align: 'right' },
    ],
    rows,
    { boldLast: s.totals !== null, size: 8 },
  );
  w.small(
    ja
      ? '（注）1　（ ）内の数は、派遣期間中に死亡し、又は退職したため職務に復帰しなかった者及び職務復帰と同時に退職した者の数で、派遣を終了した職員数の内数である。2　［ ］内の数は、国立大学法人の発足や特定独立行政法人の非特定独立法人化等に伴い、派遣中に派遣法の対象外となった職員を除いた人数である。年度の和暦は年度が始まる年による（令和元年度＝2019年度）。'
      : 'Notes: 1. Figures in ( ) are officials who did not return to duty (died or retired during the dispatch, or retired on returning), included in "Returned". 2. Figures in [ ] exclude officials who left the scope of the Act while on dispatch (e.g. when national universities became corporations).',
  );
  w.source(s.source);

  return jd.end(ja ? 'koryu 年次報告' : 'koryu annual report');
}
