// The small text markup of the knowledge pages (知識ページ): a Markdown subset parsed into a tree
// that the web app renders as React elements (never as HTML strings), so an editor's text can never
// inject markup or script. Pure functions, shared by the server (validation, search text) and the web.
//
//   ## Heading / ### Subheading
//   - item / 1. item          (lists; a line indented by two spaces continues the item)
//   > quoted text             (a quotation)
//   Table: caption            (optional, right above a table)
//   | head | head |           (a table: header row, separator row |---|---|, body rows;
//   |------|------|            the first cell of each body row is the row's header)
//   **bold**, [text](url), <https://…>, {{param:criteria.parameter_id}} or {{param:id|number}}
//
// A blank line ends a block; a single line break inside a paragraph is kept as a line break.
// Links go only to https:, http:, mailto:, tel: and paths on this site ("/guide/qa").

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'param'; id: string; format: 'value' | 'number' };

export type Block =
  | { type: 'heading'; level: 2 | 3; content: Inline[] }
  | { type: 'paragraph'; lines: Inline[][] }
  | { type: 'list'; ordered: boolean; items: Inline[][][] } // item → its lines
  | { type: 'quote'; lines: Inline[][] }
  | { type: 'table'; caption: Inline[] | null; head: Inline[][]; rows: Inline[][][] };

const PARAM = /\{\{param:([a-z_]+\.[a-z_]+)(?:\|(number))?\}\}/;
const PARAM_ALL = new RegExp(PARAM.source, 'g');
const STRONG = /\*\*(.+?)\*\*/;
const LINK = /\[([^\]\n]+)\]\(([^)\s]+)\)/;
const AUTOLINK = /<((?:https?:\/\/|mailto:)[^>\s]+)>/;

/** Whether a link target is allowed: web and mail links, phone numbers, and paths on this site. */
export function isSafeHref(href: string): boolean {
  if (/^(https?:\/\/|mailto:|tel:)[^\s]+$/i.test(href)) return true;
  return href.startsWith('/') && !href.startsWith('//') && !href.includes('\\');
}

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let rest = text;
  const pushText = (s: string) => {
    if (!s) return;
    const last = out[out.length - 1];
    if (last?.type === 'text') last.text += s;
    else out.push({ type: 'text', text: s });
  };
  while (rest) {
    const candidates = [
      { kind: 'param' as const, m: PARAM.exec(rest) },
      { kind: 'strong' as const, m: STRONG.exec(rest) },
      { kind: 'link' as const, m: LINK.exec(rest) },
      { kind: 'autolink' as const, m: AUTOLINK.exec(rest) },
    ].filter((c): c is { kind: typeof c.kind; m: RegExpExecArray } => c.m !== null);
    if (!candidates.length) {
      pushText(rest);
      break;
    }
    // The earliest match wins; at the same place, the order above.
    const first = candidates.reduce((a, b) => (b.m.index < a.m.index ? b : a));
    const { m } = first;
    pushText(rest.slice(0, m.index));
    if (first.kind === 'param') out.push({ type: 'param', id: m[1]!, format: m[2] === 'number' ? 'number' : 'value' });
    else if (first.kind === 'strong') out.push({ type: 'strong', children: parseInline(m[1]!) });
    else if (first.kind === 'link') {
      // An unsafe target is not a link: its text stays, the target is dropped.
      if (isSafeHref(m[2]!)) out.push({ type: 'link', href: m[2]!, children: parseInline(m[1]!) });
      else pushText(m[1]!);
    } else out.push({ type: 'link', href: m[1]!, children: [{ type: 'text', text: m[1]!.replace(/^mailto:/, '') }] });
    rest = rest.slice(m.index + m[0].length);
  }
  return out;
}

const HEADING = /^(#{2,3})\s+(.+)$/;
const BULLET = /^[-*]\s+(.*)$/;
const NUMBERED = /^\d{1,3}[.)]\s+(.*)$/;
const QUOTE = /^>\s?(.*)$/;
const CAPTION = /^Table:\s*(.+)$/;
const TABLE_ROW = /^\|.*\|$/;
const SEPARATOR = /^\|(\s*:?-{3,}:?\s*\|)+$/;

const cellsOf = (row: string) =>
  row
    .slice(1, -1)
    .split('|')
    .map((c) => parseInline(c.trim()));

/** Parses the markup into blocks. Never throws: anything it does not recognise is paragraph text. */
export function parseMarkup(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const raw = lines[i]!;
    const line = raw.trim();
    if (!line) {
      i++;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ type: 'heading', level: heading[1]!.length === 2 ? 2 : 3, content: parseInline(heading[2]!.trim()) });
      i++;
      continue;
    }
    // A table, with an optional caption line right above it.
    const caption = CAPTION.exec(line);
    const tableStart = caption ? i + 1 : i;
    if (TABLE_ROW.test(lines[tableStart]?.trim() ?? '') && SEPARATOR.test((lines[tableStart + 1] ?? '').trim().replace(/\s+/g, ''))) {
      const head = cellsOf(lines[tableStart]!.trim());
      const rows: Inline[][][] = [];
      let j = tableStart + 2;
      while (j < lines.length && TABLE_ROW.test(lines[j]!.trim())) {
        rows.push(cellsOf(lines[j]!.trim()));
        j++;
      }
      blocks.push({ type: 'table', caption: caption ? parseInline(caption[1]!.trim()) : null, head, rows });
      i = j;
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      const ordered = !bullet;
      const items: Inline[][][] = [];
      const indentOf = (l: string) => l.length - l.trimStart().length;
      // Items start at the first item's indentation; a line indented two more continues the item.
      const base = indentOf(raw);
      while (i < lines.length) {
        const l = lines[i]!;
        if (!l.trim()) break;
        const m = ordered ? NUMBERED.exec(l.trim()) : BULLET.exec(l.trim());
        const indent = indentOf(l);
        if (m && (indent < base + 2 || !items.length)) {
          items.push([parseInline(m[1]!.trim())]);
        } else if (indent >= base + 2 && items.length) {
          items[items.length - 1]!.push(parseInline(l.trim()));
        } else break;
        i++;
      }
      blocks.push({ type: 'list', ordered, items });
      continue;
    }
    if (QUOTE.test(line)) {
      const quoted: Inline[][] = [];
      while (i < lines.length && QUOTE.test(lines[i]!.trim())) {
        quoted.push(parseInline(QUOTE.exec(lines[i]!.trim())![1]!.trim()));
        i++;
      }
      blocks.push({ type: 'quote', lines: quoted });
      continue;
    }
    const paragraph: Inline[][] = [];
    while (i < lines.length) {
      const l = lines[i]!.trim();
      if (!l || HEADING.test(l) || BULLET.test(l) || NUMBERED.test(l) || QUOTE.test(l) || TABLE_ROW.test(l) || CAPTION.test(l)) break;
      paragraph.push(parseInline(l));
      i++;
    }
    if (!paragraph.length) {
      // A line that only looked like the start of a block (e.g. a lone table row): keep it as text.
      paragraph.push(parseInline(line));
      i++;
    }
    blocks.push({ type: 'paragraph', lines: paragraph });
  }
  return blocks;
}

/** The criteria parameters a text refers to, each once, in order of first use. */
export function placeholderIds(source: string): string[] {
  return [...new Set([...source.matchAll(PARAM_ALL)].map((m) => m[1]!))];
}

/** Link targets that would be dropped (not https:, http:, mailto:, tel: or a path on this site). */
export function unsafeLinks(source: string): string[] {
  const all = [...source.matchAll(new RegExp(LINK.source, 'g'))].map((m) => m[2]!);
  return all.filter((href) => !isSafeHref(href));
}

const inlineText = (inlines: Inline[]): string =>
  inlines.map((n) => (n.type === 'text' ? n.text : n.type === 'param' ? '' : inlineText(n.children))).join('');

/** The words of a text without its markup (for search and summaries). */
export function plainText(source: string): string {
  return parseMarkup(source)
    .map((b) => {
      switch (b.type) {
        case 'heading':
          return inlineText(b.content);
        case 'paragraph':
        case 'quote':
          return b.lines.map(inlineText).join(' ');
        case 'list':
          return b.items.map((item) => item.map(inlineText).join(' ')).join(' ');
        case 'table':
          return [b.caption ? inlineText(b.caption) : '', ...b.head.map(inlineText), ...b.rows.flatMap((r) => r.map(inlineText))].join(' ');
      }
    })
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}
