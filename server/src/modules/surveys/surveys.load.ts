// Bulk loading of generated answers (generate.ts) into a round: the demo's closed 2023 round, the
// tests' 49 organisations and 552 participants, the 10,000-respondent bench. Writes what a
// submission writes (the response, the target's "has submitted" marker), in one transaction,
// without the per-answer API round trip. Anonymous rounds: no target, account or time, coarsened
// attributes (anonymity.ts), exactly as surveys.service.ts' submit.
import { randomUUID } from 'node:crypto';
import type { Executor } from '../../db/client.ts';
import type { RespondentAttributes, SurveyAnswerSet, SurveyDefinition } from '../../../../common/src/schemas/survey-definition.schema.ts';
import { anonymousAttributes } from './anonymity.ts';
import { surveysRepository as repo } from './surveys.repository.ts';

export type LoadedAnswer = { targetId?: number | null; attributes: RespondentAttributes; answers: SurveyAnswerSet };

/** Inserts the answers (identified rounds: each with its target, marked submitted). Returns how many. */
export async function loadAnswers(tx: Executor, round: { id: number; anonymous: boolean }, def: SurveyDefinition, answers: readonly LoadedAnswer[], submittedAt = new Date().toISOString()): Promise<number> {
  const rows = answers.map((a) =>
    round.anonymous
      ? { id: randomUUID(), roundId: round.id, anonymous: true, attributes: anonymousAttributes(def, a.attributes), answers: a.answers }
      : { id: randomUUID(), roundId: round.id, anonymous: false, targetId: a.targetId!, submittedAt, attributes: a.attributes, answers: a.answers },
  );
  await repo.insertResponses(tx, rows);
  const targetIds = answers.map((a) => a.targetId).filter((x): x is number => typeof x === 'number');
  for (let i = 0; i < targetIds.length; i += 1000) await repo.markSubmittedMany(tx, targetIds.slice(i, i + 1000));
  return rows.length;
}
