// Where things are in a JSON document typed by hand: the offset of a syntax error (browsers word
// JSON.parse errors differently, some without a position) and the span of the value at a field
// path reported by the server, so an error can take the reader to the place in the text.

export type Span = { start: number; end: number };
export type JsonParse = { ok: true; value: unknown } | { ok: false; offset: number; line: number; column: number };

class Scanner {
  i = 0;
  constructor(readonly s: string) {}

  ws(): void {
    while (this.i < this.s.length && ' \t\n\r'.includes(this.s[this.i]!)) this.i++;
  }

  fail(): never {
    throw new SyntaxAt(this.i);
  }

  expect(ch: string): void {
    if (this.s[this.i] !== ch) this.fail();
    this.i++;
  }

  string(): string {
    this.expect('"');
    let out = '';
    while (this.i < this.s.length) {
      const c = this.s[this.i]!;
      if (c === '"') {
        this.i++;
        return out;
      }
      if (c === '\\') {
        const n = this.s[this.i + 1];
        if (n === 'u') {
          const hex = this.s.slice(this.i + 2, this.i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
            this.i += 2;
            this.fail();
          }
          out += String.fromCharCode(parseInt(hex, 16));
          this.i += 6;
          continue;
        }
        const map: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (n === undefined || !(n in map)) {
          this.i++;
          this.fail();
        }
        out += map[n]!;
        this.i += 2;
        continue;
      }
      if (c < ' ') this.fail();
      out += c;
      this.i++;
    }
    return this.fail();
  }

  /** Scans one value; calls `visit` with each value's path and span. */
  value(path: string[], visit: (path: string[], span: Span) => void): void {
    this.ws();
    const start = this.i;
    const c = this.s[this.i];
    if (c === '{') {
      this.i++;
      this.ws();
      if (this.s[this.i] === '}') this.i++;
      else {
        for (;;) {
          this.ws();
          const key = this.string();
          this.ws();
          this.expect(':');
          this.value([...path, key], visit);
          this.ws();
          if (this.s[this.i] === ',') {
            this.i++;
            continue;
          }
          this.expect('}');
          break;
        }
      }
    } else if (c === '[') {
      this.i++;
      this.ws();
      if (this.s[this.i] === ']') this.i++;
      else {
        for (let n = 0; ; n++) {
          this.value([...path, String(n)], visit);
          this.ws();
          if (this.s[this.i] === ',') {
            this.i++;
            continue;
          }
          this.expect(']');
          break;
        }
      }
    } else if (c === '"') {
      this.string();
    } else {
      const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(this.s.slice(this.i, this.i + 400));
      if (!m) this.fail();
      this.i += m[0].length;
    }
    visit(path, { start, end: this.i });
  }
}

class SyntaxAt extends Error {
  constructor(readonly offset: number) {
    super(`JSON syntax error at ${offset}`);
  }
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

function scan(text: string, visit: (path: string[], span: Span) => void): number | null {
  const sc = new Scanner(text);
  try {
    sc.value([], visit);
    sc.ws();
    if (sc.i < text.length) sc.fail();
    return null;
  } catch (e) {
    if (e instanceof SyntaxAt) return Math.min(e.offset, text.length);
    throw e;
  }
}

export function parseJson(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    const offset = scan(text, () => undefined) ?? text.length;
    return { ok: false, offset, ...lineColumn(text, offset) };
  }
}

/** The span of the value at a dotted path ('facts.companies.0.sales'), or of its nearest ancestor present in the text. */
export function locatePath(text: string, path: string): Span | null {
  const want = path === '' ? [] : path.split('.');
  let best: { depth: number; span: Span } | null = null;
  scan(text, (p, span) => {
    if (p.length > want.length || (best && p.length <= best.depth)) return;
    if (p.every((seg, i) => seg === want[i])) best = { depth: p.length, span };
  });
  return (best as { depth: number; span: Span } | null)?.span ?? null;
}
