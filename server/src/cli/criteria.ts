// `koryu criteria evaluate FILE.json`: the stateless engine on a facts document, no database.
// Exit codes: 0 eligible, 1 ineligible, 3 needs review, 2 the document could not be evaluated.
import fs from 'node:fs';
import { criteriaRequestSchema } from '../../../common/src/schemas/criteria.schema.ts';
import { defaultParameters } from '../modules/criteria/parameters.ts';
import { evaluateOrThrow } from '../modules/criteria/evaluate.ts';
import { isAppError } from '../platform/errors.ts';
import { parseOrThrow } from '../platform/validation.ts';

const mark = { pass: '適合 pass', fail: '抵触 FAIL', not_applicable: '対象外 n/a', indeterminate: '判定不能 ?' } as const;
export const exitCodes = { eligible: 0, ineligible: 1, needs_review: 3 } as const;

export function criteriaEvaluate(file: string, opts: { json: boolean; lang: 'ja' | 'en' | 'both' }, out = console.log, err = console.error): number {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    err(`JSONとして読めません / cannot read as JSON: ${file}: ${(e as Error).message}`);
    return 2;
  }
  try {
    const decision = evaluateOrThrow(parseOrThrow(criteriaRequestSchema, raw), defaultParameters());
    if (opts.json) {
      out(JSON.stringify(decision, null, 2));
      return exitCodes[decision.overall];
    }
    const say = (m: { ja: string; en: string }) => (opts.lang === 'both' ? `${m.ja}\n    ${m.en}` : m[opts.lang]);
    out(say(decision.summary));
    for (const r of decision.rules) {
      out(`\n[${mark[r.outcome]}] ${say(r.title)}`);
      for (const reason of r.reasons) out(`  - ${say(reason.message)}`);
      if (r.earliestPassDate) out(`  → ${r.earliestPassDate} 以降に開始すれば適合 / passes for a start on or after ${r.earliestPassDate}`);
      for (const c of r.citations) out(`  出典 source: ${c.instrument}${c.article ? ` ${c.article}` : ''}${c.page ? `; ${c.page}` : ''}${c.verified ? '' : ' [条番号未確認 unverified]'}`);
    }
    return exitCodes[decision.overall];
  } catch (e) {
    if (!isAppError(e)) throw e;
    err(`${e.messages.ja}\n${e.messages.en}`);
    for (const f of e.fields) err(`  ${f.path || '(document)'}: ${f.message.ja} / ${f.message.en}`);
    return 2;
  }
}
