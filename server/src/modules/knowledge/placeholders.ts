// Knowledge pages quote the exchange criteria's figures from the criteria engine's own parameters
// (server/src/modules/criteria/parameters/*.json) instead of copying numbers into text: a body says
// {{param:contract_dependence.min_total_yen}} and the page shows the value in force on its date,
// with the parameter's citation. Changing a parameter file (a new dated value) changes the page.
import { placeholderIds, unsafeLinks } from '../../../../common/src/markup.ts';
import type { KnowledgeParameter } from '../../../../common/src/schemas/knowledge.schema.ts';
import { ParameterNotInForce, type ParameterSet } from '../criteria/parameters.ts';

export type Resolved = { parameters: KnowledgeParameter[]; missingParameters: string[] };

/** The parameters the texts refer to, resolved as of `asOf`; ids unknown or not in force on that date are listed as missing. */
export function resolvePlaceholders(texts: readonly string[], params: ParameterSet, asOf: string): Resolved {
  const ids = [...new Set(texts.flatMap(placeholderIds))];
  const byId = new Map(params.all.map((p) => [p.id, p]));
  const parameters: KnowledgeParameter[] = [];
  const missingParameters: string[] = [];
  for (const id of ids) {
    const p = byId.get(id);
    if (!p) {
      missingParameters.push(id);
      continue;
    }
    try {
      const r = params.resolve(id, asOf);
      parameters.push({ id, name: p.name, unit: p.unit, value: r.value, effectiveFrom: r.effectiveFrom, citation: r.citation });
    } catch (err) {
      if (!(err instanceof ParameterNotInForce)) throw err;
      missingParameters.push(id);
    }
  }
  return { parameters, missingParameters };
}

export type TextProblem = { kind: 'unknown_parameter' | 'unsafe_link'; value: string };

/** What an editor must fix before a text is saved: references to parameters that do not exist, and links the pages will not follow. */
export function textProblems(text: string, params: ParameterSet): TextProblem[] {
  const known = new Set(params.all.map((p) => p.id));
  return [
    ...placeholderIds(text)
      .filter((id) => !known.has(id))
      .map((value) => ({ kind: 'unknown_parameter' as const, value })),
    ...unsafeLinks(text).map((value) => ({ kind: 'unsafe_link' as const, value })),
  ];
}
