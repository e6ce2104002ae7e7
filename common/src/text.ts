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
