// The engine with its one domain failure mapped to an AppError (422 criteria_not_in_force).
import type { CriteriaRequest, Decision } from '../../../../common/src/schemas/criteria.schema.ts';
import { AppError } from '../../platform/errors.ts';
import { evaluate } from './engine.ts';
import { ParameterNotInForce, type ParameterSet } from './parameters.ts';

export function evaluateOrThrow(req: CriteriaRequest, params: ParameterSet): Decision {
  try {
    return evaluate(req, params);
  } catch (e) {
    if (e instanceof ParameterNotInForce) {
      throw new AppError('criteria_not_in_force', {
        messages: {
          ja: `開始予定日（${e.asOf}）に適用される交流基準のパラメータ「${e.id}」がありません。`,
          en: `No value of the criteria parameter "${e.id}" is in force on the planned start (${e.asOf}).`,
        },
        fields: [{ path: 'exchange.plannedStart', code: 'criteria.not_in_force', message: { ja: '交流基準が適用される日付ではありません。', en: 'No criteria are in force on this date.' } }],
        details: { parameter: e.id, asOf: e.asOf },
      });
    }
    throw e;
  }
}
