// The generated PDFs open and show Japanese: rendered with poppler (pdftoppm, pdftotext, pdffonts,
// pdfinfo from Debian's poppler-utils), the first page decoded from PNG and checked for ink.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import sheets from './input-sheet.cases.json' with { type: 'json' };
import cases from './pdf.cases.json' with { type: 'json' };
import { renderAgreementPdf, type AgreementFacts } from './agreement.pdf.ts';
import { renderCertificationPdf, type CertificationFacts } from './certification.pdf.ts';
import { japaneseFonts, missingGlyphs, openFont, periodLength, warekiDate } from './pdf.ts';
import { inputSheetSchema } from '../../../../../common/src/schemas/exchange-sheet.schema.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koryu-pdf-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const createdAt = new Date('2026-02-10T01:00:00Z'); // 令和8年2月10日 in Japan
const dispatchSheet = inputSheetSchema.parse(sheets.sheets.dispatch);
const hireSheet = inputSheetSchema.parse(sheets.sheets.hire);
const extras = cases.agreementExtras;

const dispatchFacts: AgreementFacts = {
  ...dispatchSheet,
  caseReference: extras.caseReference,
  ministry: { ...dispatchSheet.ministry, ...extras.ministry },
  company: { ...dispatchSheet.company, ...extras.company },
  welfareRows: cases.welfareRows.dispatch,
};
const hireFacts: AgreementFacts = { ...hireSheet, welfareRows: cases.welfareRows.hire };
const certificationFacts: CertificationFacts = {
  ...cases.certification,
  direction: 'dispatch',
  ministry: dispatchFacts.ministry,
  company: dispatchSheet.company,
  person: dispatchSheet.person,
  period: dispatchSheet.period,
};

function save(name: string, pdf: Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, pdf);
  return file;
}
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });
// Text in drawing order; whitespace is dropped before comparing, since line wrapping and the
// full-width space (drawn as a gap, extracted as a space) are layout, not content.
const pdfText = (file: string) => run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']);
const pageCount = (file: string) => Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))?.[1]);

// ---------------------------------------------------------------- a small PNG reader

type Gray = { width: number; height: number; at: (x: number, y: number) => number };

/** Decodes an 8-bit grayscale or RGB PNG (what pdftoppm writes) into luminance values. */
function readPng(buf: Buffer): Gray {
  expect(buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  let off = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (off < buf.length) {
    const len = buf.readUInt32BE(off);
    const type = buf.toString('latin1', off + 4, off + 8);
    const data = buf.subarray(off + 8, off + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect(data[8]).toBe(8); // bit depth
      const colorType = data[9]!;
      channels = colorType === 0 ? 1 : colorType === 2 ? 3 : colorType === 6 ? 4 : 0;
      expect(channels).toBeGreaterThan(0);
      expect(data[12]).toBe(0); // not interlaced
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    off += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? out[y * stride + i - channels]! : 0;
      const b = y > 0 ? out[(y - 1) * stride + i]! : 0;
      const c = y > 0 && i >= channels ? out[(y - 1) * stride + i - channels]! : 0;
      let v = line[i]!;
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[y * stride + i] = v & 0xff;
    }
  }
  const at = (x: number, y: number) => {
    const i = y * stride + x * channels;
    return channels === 1 ? out[i]! : Math.round(0.299 * out[i]! + 0.587 * out[i + 1]! + 0.114 * out[i + 2]!);
  };
  return { width, height, at };
}

/** Share of dark pixels in a box given as fractions of the page. */
function inkShare(img: Gray, box: { x0: number; y0: number; x1: number; y1: number }): number {
  let dark = 0;
  let all = 0;
  for (let y = Math.floor(box.y0 * img.height); y < Math.floor(box.y1 * img.height); y++) {
    for (let x = Math.floor(box.x0 * img.width); x < Math.floor(box.x1 * img.width); x++) {
      all++;
      if (img.at(x, y) < 128) dark++;
    }
  }
  return dark / all;
}

function firstPage(file: string): Gray {
  const prefix = file.replace(/\.pdf$/, '');
  run('pdftoppm', ['-gray', '-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, prefix]);
  return readPng(fs.readFileSync(`${prefix}.png`));
}

function expectEmbeddedJapaneseFonts(file: string): void {
  const rows = run('pdffonts', [file]).split('\n').slice(2).filter((l) => l.trim());
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    // name, type "CID TrueType", encoding Identity-H, emb yes, sub yes, uni yes
    expect(row).toMatch(/^[A-Z]{6}\+NotoSans(JP|CJKjp)-(Regular|Bold)\s+CID (TrueType|Type 0C)\s+Identity-H\s+yes\s+yes\s+yes/);
  }
}

function expectEveryGlyph(texts: string[]): void {
  const { regular, bold } = japaneseFonts();
  const all = texts.join('');
  expect(all.length).toBeGreaterThan(100);
  expect(missingGlyphs(all, openFont(regular))).toEqual([]);
  expect(missingGlyphs(all, openFont(bold))).toEqual([]);
}

const squash = (s: string) => s.replace(/[\s\u3000]+/gu, '');

// Rendering takes a fraction of a second warm, but the first one parses the font and CI has two cores.
const slow = { timeout: 30_000 };

describe('PDF fonts', slow, () => {
  it('Noto Sans JP comes from the npm package, with 髙 and 𠮷', () => {
    const { regular, bold } = japaneseFonts();
    expect(regular.source).toBe('npm');
    expect(path.basename(regular.path)).toBe('NotoSansJP_400Regular.ttf');
    expect(path.basename(bold.path)).toBe('NotoSansJP_700Bold.ttf');
    expect(missingGlyphs('髙𠮷﨑取決め書認定通知', openFont(regular))).toEqual([]);
  });
});

describe('取決め書(案) PDF', slow, () => {
  it('a dispatch: opens, embeds a Japanese font subset, shows the facts in Japanese, has ink in the title area', async () => {
    const printed: string[] = [];
    const file = save('agreement-dispatch.pdf', await renderAgreementPdf(dispatchFacts, { createdAt, collectText: printed }));
    expect(pageCount(file)).toBeGreaterThanOrEqual(2);
    const text = squash(pdfText(file));
    for (const s of cases.expectedText.agreementDispatch) expect(text).toContain(squash(s));
    expectEmbeddedJapaneseFonts(file);
    expectEveryGlyph(printed);

    const page = firstPage(file);
    expect(page.width).toBeGreaterThan(400);
    expect(inkShare(page, { x0: 0, y0: 0, x1: 1, y1: 1 })).toBeGreaterThan(0.01); // not blank
    expect(inkShare(page, { x0: 0.3, y0: 0.1, x1: 0.7, y1: 0.16 })).toBeGreaterThan(0.05); // the title 取決め書（案）
    expect(inkShare(page, { x0: 0, y0: 0, x1: 0.08, y1: 0.08 })).toBe(0); // the margin stays white
  });

  it('a hire (雇用継続型) names the hire type, the state as payer and the hire-side constraints', async () => {
    const printed: string[] = [];
    const file = save('agreement-hire.pdf', await renderAgreementPdf(hireFacts, { createdAt, collectText: printed }));
    const text = squash(pdfText(file));
    for (const s of cases.expectedText.agreementHire) expect(text).toContain(squash(s));
    expect(text).not.toContain('派遣元府省等に対し');
    expectEveryGlyph(printed);
  });

  it('is byte-for-byte the same for the same facts and creation date', async () => {
    const a = await renderAgreementPdf(dispatchFacts, { createdAt });
    const b = await renderAgreementPdf(dispatchFacts, { createdAt });
    expect(a.equals(b)).toBe(true);
    const c = await renderAgreementPdf(dispatchFacts, { createdAt: new Date('2026-02-11T01:00:00Z') });
    expect(c.equals(a)).toBe(false);
    expect(squash(pdfText(save('agreement-later.pdf', c)))).toContain('令和8年2月11日');
  });

  it('prints a character the font lacks as 〓, never as an empty box', async () => {
    const { regular } = japaneseFonts();
    const absent = '😀';
    expect(missingGlyphs(absent, openFont(regular))).toEqual([absent]);
    const printed: string[] = [];
    const facts = { ...dispatchFacts, person: { ...dispatchFacts.person, givenName: `𠮷${absent}郎` } };
    const file = save('agreement-missing-glyph.pdf', await renderAgreementPdf(facts, { createdAt, collectText: printed }));
    expect(squash(pdfText(file))).toContain('髙橋𠮷〓郎');
    expectEveryGlyph(printed);
  });

  it('long duties flow over pages with numbered footers', async () => {
    const long = '新規事業の企画立案及びデータ利活用プロジェクトの推進に関する業務に従事する。'.repeat(60);
    const file = save('agreement-long.pdf', await renderAgreementPdf({ ...dispatchFacts, duties: { ...dispatchFacts.duties, description: long } }, { createdAt }));
    const pages = pageCount(file);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(squash(pdfText(file))).toContain(`${pages}/${pages}`);
  });
});

describe('認定通知 PDF', slow, () => {
  it('opens, embeds the font, shows the notice in Japanese and is not blank', async () => {
    const printed: string[] = [];
    const file = save('certification.pdf', await renderCertificationPdf(certificationFacts, { createdAt, collectText: printed }));
    expect(pageCount(file)).toBe(1);
    const text = squash(pdfText(file));
    for (const s of cases.expectedText.certification) expect(text).toContain(squash(s));
    expectEmbeddedJapaneseFonts(file);
    expectEveryGlyph(printed);
    const page = firstPage(file);
    expect(inkShare(page, { x0: 0, y0: 0, x1: 1, y1: 1 })).toBeGreaterThan(0.005);
    expect(inkShare(page, { x0: 0.6, y0: 0.06, x1: 0.92, y1: 0.12 })).toBeGreaterThan(0.02); // number and date, top right
  });

  it('is deterministic too', async () => {
    const a = await renderCertificationPdf(certificationFacts, { createdAt });
    expect(a.equals(await renderCertificationPdf(certificationFacts, { createdAt }))).toBe(true);
  });
});

describe('dates in documents', () => {
  it.each([
    ['2026-04-01', '令和8年4月1日'],
    ['2019-05-01', '令和元年5月1日'],
    ['2019-04-30', '平成31年4月30日'],
    ['1989-01-08', '平成元年1月8日'],
    ['1989-01-07', '昭和64年1月7日'],
    ['1926-12-24', '1926年12月24日'],
  ])('%s → %s', (iso, ja) => expect(warekiDate(iso)).toBe(ja));

  it.each([
    ['2026-04-01', '2028-03-31', '2年'],
    ['2026-10-01', '2029-09-30', '3年'],
    ['2026-04-01', '2027-09-30', '1年6か月'],
    ['2026-01-31', '2026-02-27', undefined],
    ['2024-02-29', '2025-02-28', undefined],
  ])('%s – %s → %s', (s, e, len) => expect(periodLength(s, e)).toBe(len));
});
