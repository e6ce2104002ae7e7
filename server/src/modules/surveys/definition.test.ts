// Checking definitions, as data (definition.cases.json): each case changes the answers.cases.json
// fixture at a path and names the issues expected.
import { describe, expect, it } from 'vitest';
import fixture from './answers.cases.json' with { type: 'json' };
import cases from './definition.cases.json' with { type: 'json' };
import { parseDefinition } from './definition.ts';

function setAt(obj: unknown, path: string, value: unknown) {
  const keys = path.split('.');
  let cur = obj as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) cur = cur[k] as Record<string, unknown>;
  cur[keys[keys.length - 1]!] = value;
}

describe('definition checks', () => {
  it.each(cases.cases)('$why', (c) => {
    const def = structuredClone(fixture.definition) as unknown;
    for (const [path, value] of c.set as [string, unknown][]) setAt(def, path, value);
    const res = parseDefinition(def);
    const got = res.ok ? [] : res.issues.map((i) => [i.path, i.code]);
    const want = 'schemaOnly' in c ? c.issues.filter((i) => i[1] === 'survey.schema') : c.issues;
    expect(got).toEqual(want);
    if (!res.ok) for (const i of res.issues) expect(i.message.ja && i.message.en).toBeTruthy();
  });
});
