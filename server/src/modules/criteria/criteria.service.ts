// Use cases of the criteria domain: evaluate a facts document, list the parameters, check stored
// records (facts gathered from the database), screen the registry for one official.
import type { CriteriaRequest, ScreeningQuery, StoredCheck } from '../../../../common/src/schemas/criteria.schema.ts';
import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/tx.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { defaultParameters, type ParameterSet } from './parameters.ts';
import { evaluateOrThrow, withParametersInForce } from './evaluate.ts';
import { createCriteriaRepository } from './criteria.repository.ts';
import { canCheckForOrganisation } from './criteria.policy.ts';
import { createScreeningRepository } from './screening.repository.ts';
import { screen } from './screening.ts';
import { createPairScreeningRepository } from './pair-screening.repository.ts';
import { jurisdictionCautions, screenPairs, type PairGroup } from './pair-screening.ts';
import { todayInJapan } from '../../platform/time.ts';

export function createCriteriaService(database: Database, params: ParameterSet = defaultParameters()) {
  const repo = createCriteriaRepository(database.db);
  const screening = createScreeningRepository(database.db);
  const pairs = createPairScreeningRepository(database.db);
  return {
    params,
    evaluate: (req: CriteriaRequest) => evaluateOrThrow(req, params),
    parameters: () => ({ items: [...params.all] }),

    /**
     * Organisation × company pairs the criteria bar before a person or post is chosen (matching
     * suggestions and rounds); see pair-screening.ts. The caller scopes and audits.
     */
    screenPairs: (groups: readonly PairGroup[]) =>
      withParametersInForce(() => screenPairs({ repo: pairs, params, evaluate: (req) => evaluateOrThrow(req, params) }, groups)),
    /** Licensing jurisdiction of the organisations' units over the companies on a day: cautions, not bars. */
    pairCautions: (q: { organisationIds: readonly number[] | null; companyIds: readonly number[] | null; asOf: string }) =>
      withParametersInForce(() => jurisdictionCautions({ repo: pairs, params }, q)),

    /**
     * Fresh facts for a stored exchange, evaluated with the exceptions the NPA approved; for the
     * exchange workflow's guards (the caller scopes and audits). null when a record is missing.
     */
    async evaluateStored(input: StoredCheck, approvedExceptions: CriteriaRequest['approvedExceptions'] = []) {
      const request = await repo.gather(input);
      if (!request) return null;
      const withExceptions: CriteriaRequest = approvedExceptions.length ? { ...request, approvedExceptions } : request;
      return { request: withExceptions, decision: evaluateOrThrow(withExceptions, params) };
    },

    /** Gathers the facts of stored records and evaluates them; the read is audited. */
    async check(ctx: RequestContext, input: StoredCheck) {
      const request = await repo.gather(input);
      if (!request) throw new AppError('not_found');
      if (!canCheckForOrganisation(ctx.actor!, Number(request.exchange.organisationId))) throw new AppError('not_found');
      const decision = evaluateOrThrow(request, params);
      await inTransaction(database.db, (tx) =>
        writeAudit(tx, ctx, {
          action: 'criteria.check',
          recordType: 'person',
          recordId: input.personId,
          after: { ...input, overall: decision.overall, failing: decision.rules.filter((r) => r.outcome === 'fail').map((r) => r.ruleId) },
        }),
      );
      return { request, decision };
    },

    /**
     * Screens the whole registry for one official (default: their unit on the start date) or,
     * with a unit and no person, for that unit's post (hire). Start date default: today in Japan.
     */
    async screen(ctx: RequestContext, q: ScreeningQuery) {
      const plannedStart = q.plannedStart ?? todayInJapan();
      const field = (path: string, code: string, ja: string, en: string) => new AppError('validation_failed', { fields: [{ path, code, message: { ja, en } }] });
      let unitId = q.unitId;
      if (q.personId !== undefined) {
        const official = await screening.official(q.personId, plannedStart);
        if (!official) throw new AppError('not_found');
        if (official.kind !== 'official') throw field('personId', 'criteria.official_only', 'スクリーニングは国の職員について行います。', 'Screening is for government officials.');
        unitId ??= official.unitId ?? undefined;
        if (unitId === undefined) throw field('unitId', 'criteria.unit_required', '所属する課等を指定してください（官職歴がありません）。', 'Choose the unit (the official has no post history).');
      }
      if (unitId === undefined) throw field('personId', 'criteria.person_or_unit', '職員又は課等を指定してください。', 'Choose an official or a unit.');
      const organisationId = await screening.unitOrganisation(unitId);
      if (organisationId == null || !canCheckForOrganisation(ctx.actor!, organisationId)) throw new AppError('not_found');
      const personId = q.personId ?? null;
      const result = await withParametersInForce(() => screen({ repo, screening, params }, { ...q, plannedStart, personId, unitId, organisationId }));
      await inTransaction(database.db, (tx) =>
        writeAudit(tx, ctx, {
          action: 'criteria.screen',
          recordType: personId === null ? 'org_unit' : 'person',
          recordId: personId ?? unitId,
          after: { unitId, plannedStart, plannedEnd: result.plannedEnd, status: q.status ?? null, ruleId: q.ruleId ?? null, page: q.page, counts: result.counts },
        }),
      );
      return result;
    },
  };
}

export type CriteriaService = ReturnType<typeof createCriteriaService>;
