// Search normalisation: NFKC folds full/half width, then lower-case for Latin letters, then
// hiragana → katakana so that readings match either way. The original text is kept for display.
export function normalizeForSearch(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))
    .replace(/\s+/g, ' ')
    .trim();
}

// Legal-form words that open or close a company name. Stripped to get the "core" name, which
// short (1–2 character) searches match by prefix: 「東洋」 finds 株式会社東洋精機 and 東洋建設株式会社.
// Migration 0002 backfills with the same list; companies.db.test.ts checks the two agree.
export const legalFormWords = [
  '特定非営利活動法人',
  '一般社団法人',
  '一般財団法人',
  '公益社団法人',
  '公益財団法人',
  '医療法人社団',
  '医療法人財団',
  '社会福祉法人',
  '医療法人',
  '学校法人',
  '株式会社',
  '有限会社',
  '合同会社',
  '合名会社',
  '合資会社',
  '(株)',
  '(有)',
] as const;

const alternation = legalFormWords.map((w) => w.replace(/[()]/g, (c) => `\\${c}`)).join('|');
const legalFormRe = new RegExp(`^(${alternation}) ?| ?(${alternation})$`, 'g');

/** The normalised name without its legal-form word. Input must already be normalizeForSearch'd. */
export function nameCore(normalized: string): string {
  return normalized.replace(legalFormRe, '').trim();
}
