// The annual report PDF: narrative figures from the shipped published data, then the rendered PDF
// checked with poppler — pdftotext shows the Japanese (or English) text, pdftoppm's page image has
// ink where the charts are drawn (a blank SVG conversion would leave the box white).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.ts';
import { annualReportDataFromPublished, type ReportLang } from './annual-report.data.ts';
import { cooperationRows, internationalNarrative, publicPrivateNarrative, renderAnnualReport, type ChartPlacement } from './annual-report.ts';

type Cases = {
  ja: { international: string[]; publicPrivate: string[]; cooperation: string[] };
  en: { international: string[]; publicPrivate: string[]; cooperation: string[] };
  changes: { year: number; ja: string; en: string }[];
};
const cases = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'annual-report.cases.json'), 'utf8')) as Cases;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koryu-annual-report-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });
const data = (year: number, lang: ReportLang) => annualReportDataFromPublished({ year, lang, generatedOn: '2026-11-23' });

/** Page `page` (1-based) as an 8-bit greyscale image: pdftoppm -gray writes binary PGM (P5). */
function pageImage(file: string, page: number, dpi: number): { width: number; height: number; at: (x: number, y: number) => number } {
  const prefix = path.join(dir, `p${page}-${path.basename(file, '.pdf')}`);
  run('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  const buf = fs.readFileSync(`${prefix}.pgm`);
  // header: P5 <w> <h> <max> then one whitespace byte
  const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 64).toString('latin1'));
  expect(m).not.toBeNull();
  const [width, height] = [Number(m![1]), Number(m![2])];
  const start = m![0].length;
  return { width, height, at: (x, y) => buf[start + y * width + x]! };
}

function inkShare(file: string, c: ChartPlacement, dpi: number): number {
  const img = pageImage(file, c.page + 1, dpi);
  const k = dpi / 72;
  let dark = 0;
  let all = 0;
  for (let y = Math.floor(c.y * k); y < Math.floor((c.y + c.height) * k); y++) {
    for (let x = Math.floor(c.x * k); x < Math.floor((c.x + c.width) * k); x++) {
      all++;
      if (img.at(x, y) < 200) dark++;
    }
  }
  return dark / all;
}

describe('annual report narrative (published figures)', () => {
  for (const lang of ['ja', 'en'] as const) {
    it(`${lang}: FY2023 international sentences match the seed`, () => {
      const text = internationalNarrative(data(2023, lang)).join(' ');
      for (const s of cases[lang].international) expect(text).toContain(s);
    });
    it(`${lang}: 2024 public-private sentences (industry table, cumulative)`, () => {
      const text = publicPrivateNarrative(data(2023, lang)).join(' ');
      for (const s of cases[lang].publicPrivate) expect(text).toContain(s);
    });
    it(`${lang}: FY2024 international cooperation rows (seminars, fellowship, visits)`, () => {
      const rows = cooperationRows(data(2023, lang)).map((r) => `${r.name}|${r.text}`);
      for (const s of cases[lang].cooperation) expect(rows).toContain(s);
    });
        it.each(cases.changes)(`${lang}: change from the previous year, FY%s`, (c) => {
      expect(internationalNarrative(data(c.year, lang)).join(' ')).toContain(c[lang]);
    });
  }

  it('a year without figures is refused with a ja/en message naming it', () => {
    let err: unknown;
    try {
      data(2030, 'ja');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('not_found');
    expect((err as AppError).messages.ja).toContain('令和12年度');
    expect((err as AppError).messages.en).toContain('FY2030');
  });

  it('the FY1970 report has no previous year and no printed totals', () => {
    const d = data(1970, 'ja');
    expect(d.international.previous).toBeNull();
    expect(d.international.totals).toBeNull();
    expect(internationalNarrative(d).join('')).toContain('昭和45年度（1970年度）において新たに国際機関等に派遣された職員は159人である。');
  });
});

describe('annual report PDF', () => {
  it('ja: Japanese text, embedded fonts, charts with ink, deterministic bytes', async () => {
    const charts: ChartPlacement[] = [];
    const pdf = await renderAnnualReport(data(2023, 'ja'), { collectCharts: charts });
    const file = path.join(dir, 'annual-2023-ja.pdf');
    fs.writeFileSync(file, pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = run('pdftotext', ['-enc', 'UTF-8', file, '-']).replace(/\s+/g, '');
    for (const s of ['派遣', '令和5年度', '令和6年', '138人', '342人', '資料1', '平成元（1989）', '8,857', '（546）', '業種別の交流状況', '4,012', '国際協力・国際交流', 'マンスフィールド研修']) {
      expect(text).toContain(s);
    }
    const fonts = run('pdffonts', [file]);
    expect(fonts).toMatch(/NotoSans(JP|CJKjp)-Regular\s+CID/);
    expect(charts.map((c) => c.caption)).toEqual([
      '図1　派遣職員数の推移（平成16年度（2004年度）～令和5年度（2023年度））',
      '図2　業種別の交流状況（令和6年（2024年））',
    ]);
    for (const c of charts) {
      const share = inkShare(file, c, 60);
      expect(share, c.caption).toBeGreaterThan(0.03);
    }
    // control: the same box further down the (otherwise empty) last chart page is blank
    const last = charts[charts.length - 1]!;
    expect(inkShare(file, { ...last, y: 480, height: last.height }, 60)).toBeLessThan(0.005);
    // the same data gives the same bytes (no clock inside the renderer)
    expect((await renderAnnualReport(data(2023, 'ja'))).equals(pdf)).toBe(true);
  });

  it('en: English text and a chart', async () => {
    const charts: ChartPlacement[] = [];
    const pdf = await renderAnnualReport(data(2023, 'en'), { collectCharts: charts });
    const file = path.join(dir, 'annual-2023-en.pdf');
    fs.writeFileSync(file, pdf);
    const text = run('pdftotext', ['-enc', 'UTF-8', file, '-']).replace(/\s+/g, ' ');
    for (const s of ['Annual report', 'FY2023', 'Figure 1', 'Table 1', 'Manufacturing', 'On dispatch at year end']) expect(text).toContain(s);
    expect(text).not.toMatch(/[ぁ-んァ-ヶ]/); // no Japanese left in the English report
    expect(charts).toHaveLength(2);
    for (const c of charts) expect(inkShare(file, c, 40), c.caption).toBeGreaterThan(0.03);
  });
});
