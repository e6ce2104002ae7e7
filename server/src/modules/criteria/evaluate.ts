// The engine with its one domain failure mapped to an AppError (422 criteria_not_in_force).
import type { CriteriaRequest, Decision } from '../../../../common/src/schemas/criteria.schema.ts';
import { AppError } from '../../platform/errors.ts';
import { evaluate } from './engine.ts';
import { ParameterNotInForce, type ParameterSet } from './parameters.ts';

function mapNotInForce(e: unknown): unknown {
  if (!(e instanceof ParameterNotInForce)) return e;
  return new AppError('criteria_not_in_force', {
    messages: {
      ja: `開始予定日（${e.asOf}）に適用される交流基準のパラメータ「${e.id}」がありません。`,
      en: `No value of the criteria parameter "${e.id}" is in force on the planned start (${e.asOf}).`,
    },
    fields: [{ path: 'exchange.plannedStart', code: 'criteria.not_in_force', message: { ja: '交流基準が適用される日付ではありません。', en: 'No criteria are in force on this date.' } }],
    details: { parameter: e.id, asOf: e.asOf },
  });
}

/** Runs `fn` (sync or async), turning a parameter with no value in force into a 422 naming the start date. */
export function withParametersInForce<T>(fn: () => T): T {
  let r: T;
  try {
    r = fn();
  } catch (e) {
    throw mapNotInForce(e);
  }
  if (r instanceof Promise) return r.catch((e: unknown) => Promise.reject(mapNotInForce(e))) as T;
  return r;
}

export const evaluateOrThrow = (req: CriteriaRequest, params: ParameterSet): Decision => withParametersInForce(() => evaluate(req, params));
