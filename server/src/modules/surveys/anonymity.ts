// What an anonymous round (無記名) keeps of a respondent's attributes with the answer. Pure.
//
// The answer row of an anonymous round has no target, account or time (surveys.repository.ts,
// README "Anonymous rounds"). The attributes it keeps are only those the definition declares (the
// conditions and the results filters read them), and a DATE attribute is coarsened to the largest
// threshold its conditions test that the date reaches — an exact 「最後に交流採用者が在籍していた
// 日」 could single out an organisation, while `onOrAfter` / `before` tests give the same result on
// the coarsened date: for a threshold t, v ≥ t ⇔ c ≥ t and v < t ⇔ c < t, where c = max{t_i ≤ v}
// (or a sentinel below every threshold; null stays null, so `present` is unchanged too).
// Enum and boolean attributes (organisation type, direction) are kept as they are: the results
// filter on them, and the small-n threshold (minN) hides a subgroup too small to be anonymous.
// Number attributes are kept (no template declares one); a definition that did should say so.
import type { RespondentAttributes, SurveyCondition, SurveyDefinition } from '../../../../common/src/schemas/survey-definition.schema.ts';
import { allQuestions } from './definition.ts';

/** Below every threshold: a date that is present but before all the dates the conditions test. */
export const BEFORE_ALL_THRESHOLDS = '0001-01-01';

function dateThresholds(c: SurveyCondition, out: Map<string, Set<string>>): void {
  switch (c.kind) {
    case 'all':
    case 'any':
      c.conditions.forEach((x) => dateThresholds(x, out));
      return;
    case 'not':
      dateThresholds(c.condition, out);
      return;
    case 'attribute':
      if ((c.op === 'onOrAfter' || c.op === 'before') && typeof c.value === 'string') {
        const s = out.get(c.attribute) ?? new Set<string>();
        s.add(c.value);
        out.set(c.attribute, s);
      }
      return;
    default:
      return;
  }
}

/** The attributes an anonymous response keeps (see the header). */
export function anonymousAttributes(def: SurveyDefinition, attrs: RespondentAttributes): RespondentAttributes {
  const thresholds = new Map<string, Set<string>>();
  for (const q of allQuestions(def)) if (q.condition) dateThresholds(q.condition, thresholds);
  const out: RespondentAttributes = {};
  for (const a of def.attributes) {
    const v = attrs[a.id];
    if (v === undefined) continue;
    if (a.type !== 'date' || v === null || typeof v !== 'string') {
      out[a.id] = v;
      continue;
    }
    const ts = [...(thresholds.get(a.id) ?? [])].sort();
    const reached = ts.filter((t) => t <= v);
    out[a.id] = reached.length ? reached[reached.length - 1]! : BEFORE_ALL_THRESHOLDS;
  }
  return out;
}
