// A minimal valid value for a JSON schema of the OpenAPI document: required properties only, the
// first enum value, a date for date patterns. The security tests send it to write routes so that
// a refusal comes from the scope check, not from validation. Routes whose schema this cannot
// satisfy get a hand-written body in the test.
type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minItems?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  pattern?: string;
  format?: string;
  minimum?: number;
  exclusiveMinimum?: boolean | number;
  minLength?: number;
  nullable?: boolean;
  default?: unknown;
};

export function sampleOf(s: Schema | undefined): unknown {
  if (!s) return {};
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  if (s.anyOf?.length) return sampleOf(s.anyOf.find((x) => x.type !== 'null') ?? s.anyOf[0]);
  if (s.oneOf?.length) return sampleOf(s.oneOf[0]);
  if (s.allOf?.length) return Object.assign({}, ...s.allOf.map((x) => sampleOf(x) as object));
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const k of s.required ?? []) out[k] = sampleOf(s.properties?.[k]);
      return out;
    }
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sampleOf(s.items));
    case 'integer':
    case 'number': {
      const min = typeof s.minimum === 'number' ? s.minimum : 1;
      return s.exclusiveMinimum === true || typeof s.exclusiveMinimum === 'number' ? Math.floor(min) + 1 : Math.max(min, 1);
    }
    case 'boolean':
      return false;
    case 'string': {
      if (s.format === 'email') return 'sample@example.jp';
      if (s.format === 'date-time') return '2026-04-01T00:00:00.000Z';
      if (s.format === 'date' || s.pattern?.includes('\\d{4}-\\d{2}-\\d{2}')) return '2026-04-01';
      if (s.pattern === '^\\d{4}$') return '2026';
      const len = Math.max(s.minLength ?? 1, 1);
      return 'テスト'.repeat(len).slice(0, Math.max(len, 3));
    }
    default:
      return s.default ?? {};
  }
}
