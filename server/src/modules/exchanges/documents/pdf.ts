// PDF documents in Japanese: fonts, dates and a small layout kit on PDFKit, shared by the draft
// agreement (agreement.pdf.ts) and the certification notice (certification.pdf.ts).
//
// Font: Noto Sans JP (SIL OFL 1.1) as full TrueType files from the npm package
// @expo-google-fonts/noto-sans-jp, so a fresh machine needs nothing from the OS; PDFKit embeds a
// subset of the glyphs used. If the package is absent, Debian's fonts-noto-cjk collection is used.
// A character the font lacks is printed as 〓 (geta, the typesetter's mark for a missing
// character) rather than as an empty box.
//
// Output is byte-for-byte deterministic given the same facts and `createdAt`: PDFKit derives the
// file ID from the info dictionary and the subset tags from font ids; nothing reads the clock.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import * as fontkit from 'fontkit';

export type JapaneseFont = { path: string; postscriptName?: string; source: 'npm' | 'system' };

const require = createRequire(import.meta.url);

function npmFont(weight: '400Regular' | '700Bold'): JapaneseFont | undefined {
  try {
    const path = require.resolve(`@expo-google-fonts/noto-sans-jp/${weight}/NotoSansJP_${weight}.ttf`);
    return fs.existsSync(path) ? { path, source: 'npm' } : undefined;
  } catch {
    return undefined;
  }
}

function systemFont(weight: 'Regular' | 'Bold'): JapaneseFont | undefined {
  const path = `/usr/share/fonts/opentype/noto/NotoSansCJK-${weight}.ttc`;
  return fs.existsSync(path) ? { path, postscriptName: `NotoSansCJKjp-${weight}`, source: 'system' } : undefined;
}

let fontsCache: { regular: JapaneseFont; bold: JapaneseFont } | undefined;

/** The fonts documents are set in. Throws (a deployment fault, not user input) if there are none. */
export function japaneseFonts(): { regular: JapaneseFont; bold: JapaneseFont } {
  if (fontsCache) return fontsCache;
  const regular = npmFont('400Regular') ?? systemFont('Regular');
  if (!regular) {
    throw new Error('No Japanese font: install @expo-google-fonts/noto-sans-jp (npm) or fonts-noto-cjk (Debian)');
  }
  const bold = (regular.source === 'npm' ? npmFont('700Bold') : systemFont('Bold')) ?? regular;
  return (fontsCache = { regular, bold });
}

const opened = new Map<string, fontkit.Font>();

/** The font parsed by fontkit (the engine PDFKit embeds with), for glyph checks. */
export function openFont(f: JapaneseFont): fontkit.Font {
  const key = `${f.path}#${f.postscriptName ?? ''}`;
  let font = opened.get(key);
  if (!font) {
    font = fontkit.openSync(f.path, f.postscriptName) as fontkit.Font;
    opened.set(key, font);
  }
  return font;
}

const missingMark = '〓';

/** Characters of `text` (whitespace aside) that `font` has no glyph for. */
export function missingGlyphs(text: string, font: fontkit.Font): string[] {
  const out = new Set<string>();
  for (const ch of text) {
    if (/\s/u.test(ch)) continue;
    if (!font.hasGlyphForCodePoint(ch.codePointAt(0)!)) out.add(ch);
  }
  return [...out];
}

/** Replaces characters the fonts cannot show (and control characters) so nothing prints as tofu. */
function printable(text: string, fonts: fontkit.Font[]): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\n' || ch === ' ' || ch === '\u3000') out += ch;
    else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0xd800 && cp <= 0xdfff)) out += ' ';
    else if (/\s/u.test(ch)) out += ' ';
    else out += fonts.every((f) => f.hasGlyphForCodePoint(cp)) ? ch : missingMark;
  }
  return out;
}

// ---------------------------------------------------------------- dates and numbers

const eras = [
  { name: '令和', start: '2019-05-01', base: 2018 },
  { name: '平成', start: '1989-01-08', base: 1988 },
  { name: '昭和', start: '1926-12-25', base: 1925 },
];

/** 2026-04-01 → 令和8年4月1日 (元年 for the first year); before 昭和, the Gregorian year. */
export function warekiDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [y, mo, d] = [+m[1]!, +m[2]!, +m[3]!];
  const era = eras.find((e) => iso >= e.start);
  if (!era) return `${y}年${mo}月${d}日`;
  const n = y - era.base;
  return `${era.name}${n === 1 ? '元' : n}年${mo}月${d}日`;
}

/** The same, with the Gregorian date in brackets: 令和8年4月1日（2026年4月1日）. */
export const warekiWithSeireki = (iso: string): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${warekiDate(iso)}（${+m[1]!}年${+m[2]!}月${+m[3]!}日）` : iso;
};

export const isoOfDate = (d: Date): string => {
  // The creation date as a Japanese calendar day (UTC+9, no daylight saving).
  const t = new Date(d.getTime() + 9 * 3_600_000);
  return `${String(t.getUTCFullYear()).padStart(4, '0')}-${String(t.getUTCMonth() + 1).padStart(2, '0')}-${String(t.getUTCDate()).padStart(2, '0')}`;
};

export const formatYen = (n: number): string => `${Math.round(n).toLocaleString('en-US')}円`;

/** The length of [start, end] as years and months when it is whole months (2026-04-01 – 2028-03-31 → 2年). */
export function periodLength(start: string, end: string): string | undefined {
  const s = /^(\d{4})-(\d{2})-(\d{2})$/.exec(start);
  const e = /^(\d{4})-(\d{2})-(\d{2})$/.exec(end);
  if (!s || !e) return undefined;
  const next = new Date(Date.UTC(+e[1]!, +e[2]! - 1, +e[3]! + 1));
  if (next.getUTCDate() !== +s[3]!) return undefined;
  const months = (next.getUTCFullYear() - +s[1]!) * 12 + next.getUTCMonth() + 1 - +s[2]!;
  if (months <= 0) return undefined;
  const y = Math.floor(months / 12);
  const mo = months % 12;
  return `${y ? `${y}年` : ''}${mo ? `${mo}か月` : ''}`;
}

// ---------------------------------------------------------------- layout kit

export type RenderOptions = {
  /** The document's creation date (PDF info and the date printed on it). */
  createdAt: Date;
  /** Test hook: receives every string printed, after substitution. */
  collectText?: string[];
};

export type DocumentMeta = { title: string; subject?: string; keywords?: string; /** PDF /Lang, default ja-JP */ lang?: string };

const mm = (n: number) => (n * 72) / 25.4;
const ink = '#1a1a1a';
const rule = '#4d4d4d';

/** A4 portrait writer with Japanese fonts, headings, wrapped paragraphs, two-column tables and page numbers. */
export class JapaneseDocument {
  readonly doc: PDFKit.PDFDocument;
  private readonly fonts: fontkit.Font[];
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;
  private readonly collect: string[] | undefined;
  readonly left: number;
  readonly width: number;

  constructor(meta: DocumentMeta, opts: RenderOptions) {
    const { regular, bold } = japaneseFonts();
    this.fonts = [openFont(regular), openFont(bold)];
    this.collect = opts.collectText;
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: mm(22), bottom: mm(22), left: mm(22), right: mm(22) },
      bufferPages: true,
      pdfVersion: '1.7',
      lang: meta.lang ?? 'ja-JP',
      displayTitle: true,
      // The default font too, so that PDFKit never loads Helvetica (it reuses this one for 'jp').
      font: this.fonts[0] as unknown as string,
      info: {
        Title: meta.title,
        Subject: meta.subject,
        Keywords: meta.keywords,
        Author: 'koryu',
        Creator: 'koryu',
        Producer: 'koryu (PDFKit)',
        CreationDate: opts.createdAt,
        ModDate: opts.createdAt,
      },
    });
    // PDFKit takes a parsed fontkit font as well as a file: parsing Noto Sans JP's tables costs
    // far more than laying out a document, so each font is parsed once per process and shared
    // (fontkit fonts are read-only; each document makes its own subset).
    this.doc.registerFont('jp', this.fonts[0] as unknown as Buffer);
    this.doc.registerFont('jp-bold', this.fonts[1] as unknown as Buffer);
    this.doc.font('jp').fillColor(ink).strokeColor(rule);
    this.left = this.doc.page.margins.left;
    this.width = this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
    this.done = new Promise((resolve, reject) => {
      this.doc.on('data', (c: Buffer) => this.chunks.push(c));
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
  }

  /** The text as it will be printed; recorded for the glyph test. */
  t(text: string): string {
    const s = printable(text, this.fonts);
    this.collect?.push(s);
    return s;
  }

  get y(): number {
    return this.doc.y;
  }

  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  space(points: number): void {
    this.doc.y += points;
  }

  title(text: string, size = 18): void {
    this.doc.font('jp-bold').fontSize(size).text(this.t(text), this.left, this.doc.y, { width: this.width, align: 'center' });
    this.doc.font('jp').moveDown(0.4);
  }

  /** A line aligned right (dates, document numbers, the sender). */
  right(text: string, size = 10.5): void {
    this.doc.font('jp').fontSize(size).text(this.t(text), this.left, this.doc.y, { width: this.width, align: 'right' });
  }

  heading(text: string, size = 11.5): void {
    this.ensureSpace(size * 4);
    this.space(size * 0.6);
    this.doc.font('jp-bold').fontSize(size).text(this.t(text), this.left, this.doc.y, { width: this.width });
    this.doc.font('jp').moveDown(0.2);
  }

  paragraph(text: string, opts: { size?: number; indent?: number; align?: 'left' | 'center' | 'right' | 'justify' } = {}): void {
    const size = opts.size ?? 10.5;
    const indent = opts.indent ?? 0;
    this.doc.font('jp').fontSize(size);
    this.ensureSpace(size * 1.8);
    this.doc.text(this.t(text), this.left + indent, this.doc.y, { width: this.width - indent, align: opts.align ?? 'left', lineGap: size * 0.35 });
    this.doc.moveDown(0.3);
  }

  /** Items numbered （1）（2）… with a hanging indent. */
  numbered(items: string[], indent = 12): void {
    items.forEach((item, i) => {
      const mark = `（${i + 1}）`;
      const size = 10.5;
      this.doc.font('jp').fontSize(size);
      const markWidth = size * 2.6;
      const h = this.doc.heightOfString(item, { width: this.width - indent - markWidth, lineGap: size * 0.35 });
      this.ensureSpace(Math.min(h, size * 3));
      const y = this.doc.y;
      this.doc.text(this.t(mark), this.left + indent, y, { width: markWidth, lineBreak: false });
      this.doc.text(this.t(item), this.left + indent + markWidth, y, { width: this.width - indent - markWidth, lineGap: size * 0.35 });
      this.doc.moveDown(0.2);
    });
  }

  /** A ruled two-column table: label | value. Rows do not split across pages unless taller than one. */
  table(rows: { label: string; value: string }[], opts: { labelWidth?: number; size?: number; indent?: number } = {}): void {
    const size = opts.size ?? 10;
    const indent = opts.indent ?? 0;
    const x = this.left + indent;
    const total = this.width - indent;
    const labelWidth = opts.labelWidth ?? mm(42);
    const pad = 4;
    const lineGap = size * 0.3;
    this.doc.fontSize(size);
    for (const row of rows) {
      const label = this.t(row.label);
      const value = this.t(row.value === '' ? '—' : row.value);
      this.doc.font('jp-bold');
      const hl = this.doc.heightOfString(label, { width: labelWidth - 2 * pad, lineGap });
      this.doc.font('jp');
      const hv = this.doc.heightOfString(value, { width: total - labelWidth - 2 * pad, lineGap });
      const h = Math.max(hl, hv) + 2 * pad;
      if (h <= this.bottom - this.doc.page.margins.top) this.ensureSpace(h);
      const y = this.doc.y;
      this.doc.save().rect(x, y, labelWidth, h).fillAndStroke('#f2f2f2', rule).restore();
      this.doc.rect(x + labelWidth, y, total - labelWidth, h).lineWidth(0.6).stroke(rule);
      this.doc.fillColor(ink).font('jp-bold').text(label, x + pad, y + pad, { width: labelWidth - 2 * pad, lineGap });
      this.doc.font('jp').text(value, x + labelWidth + pad, y + pad, { width: total - labelWidth - 2 * pad, lineGap });
      this.doc.x = this.left;
      this.doc.y = y + h;
    }
    this.doc.moveDown(0.5);
  }

  /** Height of a signatures() block with this many lines, to keep it with what precedes it. */
  static signaturesHeight(lines: number): number {
    return (lines + 1) * 24 + mm(10);
  }

  /** Boxes side by side for signatures (記名押印): each a role, label/value lines and a seal circle. */
  signatures(blocks: { role: string; lines: { label: string; value: string }[] }[]): void {
    const size = 10;
    const gap = mm(6);
    const w = (this.width - gap * (blocks.length - 1)) / blocks.length;
    const lineH = 24;
    const labelW = 46;
    const h = JapaneseDocument.signaturesHeight(Math.max(...blocks.map((b) => b.lines.length)));
    this.ensureSpace(h + 10);
    const y0 = this.doc.y;
    blocks.forEach((b, i) => {
      const x = this.left + i * (w + gap);
      this.doc.rect(x, y0, w, h).lineWidth(0.6).stroke(rule);
      this.doc.font('jp-bold').fontSize(size + 1).fillColor(ink).text(this.t(b.role), x + 8, y0 + 8, { width: w - 16, lineBreak: false });
      b.lines.forEach((l, j) => {
        const y = y0 + 8 + (j + 1) * lineH;
        this.doc.font('jp').fontSize(size - 1.5).fillColor('#555555').text(this.t(l.label), x + 8, y + 1.5, { width: labelW, lineBreak: false });
        const vx = x + 8 + labelW;
        const vw = w - 16 - labelW - mm(14);
        // A long value (an address) is set smaller to fit its line, down to 7 pt, then cut with …
        const value = this.t(l.value);
        this.doc.fillColor(ink).fontSize(size);
        const natural = this.doc.widthOfString(value);
        const fitted = natural > vw ? Math.max(7, (size * vw) / natural - 0.05) : size;
        this.doc.fontSize(fitted).text(value, vx, y + (size - fitted) / 2, { width: vw, height: lineH - 4, ellipsis: true, lineBreak: false });
        this.doc.moveTo(vx, y + lineH - 8).lineTo(vx + vw, y + lineH - 8).lineWidth(0.3).stroke('#aaaaaa');
      });
      // 印: the seal's place.
      const cx = x + w - mm(11);
      const cy = y0 + h - mm(12);
      this.doc.circle(cx, cy, mm(6)).lineWidth(0.5).dash(2, { space: 2 }).stroke('#888888').undash();
      this.doc.font('jp').fontSize(9).fillColor('#888888').text(this.t('印'), cx - 5, cy - 6, { width: 10, align: 'center', lineBreak: false });
      this.doc.fillColor(ink);
    });
    this.doc.x = this.left;
    this.doc.y = y0 + h + 8;
  }

  /** Page numbers at the foot of every page, then the finished file. */
  async end(footer?: string): Promise<Buffer> {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const bottomMargin = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0; // writing in the margin must not open a new page
      const y = this.doc.page.height - mm(14);
      const text = `${footer ? `${footer}　` : ''}${i + 1} / ${range.count}`;
      this.doc.font('jp').fontSize(8).fillColor('#666666').text(this.t(text), this.left, y, { width: this.width, align: 'center', lineBreak: false });
      this.doc.page.margins.bottom = bottomMargin;
    }
    this.doc.end();
    return this.done;
  }
}
