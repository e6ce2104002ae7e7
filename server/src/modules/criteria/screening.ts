// Bulk screening (派遣先スクリーニング): for one official, which companies of the whole registry
// are open, barred or need review, and why. Every verdict comes from the engine:
//  - candidates: companies with any stored fact a rule could fail on for this official (found by
//    set-based SQL from the same dated parameters) — each gets its own gathered document;
//  - every other active company has no company-specific facts, so its verdict depends only on its
//    legal-entity type: the engine evaluates one document per type and the class shares it.
import type { Decision, RuleId, ScreeningQuery, ScreeningResponse } from '../../../../common/src/schemas/criteria.schema.ts';
import { AppError } from '../../platform/errors.ts';
import { periodEnd } from './dates.ts';
import type { ParameterSet } from './parameters.ts';
import type { CriteriaRepository } from './criteria.repository.ts';
import { screeningWindows } from './criteria.repository.ts';
import type { createScreeningRepository } from './screening.repository.ts';
import { evaluateOrThrow } from './evaluate.ts';

type Status = 'open' | 'barred' | 'needs_review';
type Failing = ScreeningResponse['items'][number]['failing'];
export type Verdict = { status: Status; failing: Failing };

const statusOf: Record<Decision['overall'], Status> = { eligible: 'open', ineligible: 'barred', needs_review: 'needs_review' };

export function verdictOf(d: Decision): Verdict {
  const failing = d.rules
    .filter((r) => (r.outcome === 'fail' && !r.exception.approved) || r.outcome === 'indeterminate')
    .map((r) => ({ ruleId: r.ruleId, outcome: r.outcome as 'fail' | 'indeterminate', reason: r.reasons[0]!.message, earliestPassDate: r.earliestPassDate }));
  return { status: statusOf[d.overall], failing };
}

const touches = (v: Verdict, rule: RuleId | undefined) => !rule || v.failing.some((f) => f.ruleId === rule);

export async function screen(
  deps: { repo: CriteriaRepository; screening: ReturnType<typeof createScreeningRepository>; params: ParameterSet },
  args: Omit<ScreeningQuery, 'personId' | 'unitId'> & { plannedStart: string; personId: number | null; unitId: number; organisationId: number },
  chunk = 2000,
): Promise<ScreeningResponse> {
  const { repo, screening, params } = deps;
  const start = args.plannedStart;
  const end = args.plannedEnd ?? periodEnd(start, params.resolve<number>('duration.max_years', start).value);
  if (end < start) throw new AppError('validation_failed', { fields: [{ path: 'plannedEnd', code: 'date.end_before_start', message: { ja: '終了予定日は開始予定日以降にしてください。', en: 'The planned end must not be before the planned start.' } }] });
  const windows = screeningWindows(start, params);
  // An official: where could they be dispatched? A post (no person): whose employees could it hire?
  const direction = args.personId === null ? 'hire' : 'dispatch';

  const candidates = await repo.screeningCandidates({ personId: args.personId, unitId: args.unitId, organisationId: args.organisationId, plannedStart: start, windows, typeClasses: false });
  const verdicts = new Map<number, Verdict>();
  for (let i = 0; i < candidates.length; i += chunk) {
    const docs = await repo.gatherMany({ personId: args.personId, unitId: args.unitId, plannedStart: start, plannedEnd: end, companyIds: candidates.slice(i, i + chunk), direction });
    for (const [id, doc] of docs) verdicts.set(id, verdictOf(evaluateOrThrow(doc, params)));
  }
  const candidateIds = [...verdicts.keys()];

  // One document per legal-entity type for the companies without facts of their own.
  const byType = await screening.countByType(candidateIds);
  const typeVerdicts = new Map<string, Verdict>();
  for (const code of byType.keys()) {
    typeVerdicts.set(
      code,
      verdictOf(
        evaluateOrThrow(
          {
            exchange: {
              direction,
              organisationId: String(args.organisationId),
              unitId: String(args.unitId),
              companyId: 'company',
              ...(args.personId === null ? { post: { licensingCompanyIds: [] } } : { personId: String(args.personId) }),
              plannedStart: start,
              plannedEnd: end,
            },
            facts: {
              companies: [{ id: 'company', legalTypeCode: code, capitalYen: null, employees: null, parentId: null, sales: [] }],
              ...(args.personId === null ? {} : { postHistory: [], contractInvolvements: [] }),
              contracts: [],
              sanctions: [],
              jurisdictions: [],
              priorExchanges: [],
              divisions: [],
            },
          },
          params,
        ),
      ),
    );
  }

  const counts = { total: 0, open: 0, barred: 0, needsReview: 0 };
  const add = (s: Status, n: number) => {
    counts.total += n;
    if (s === 'open') counts.open += n;
    else if (s === 'barred') counts.barred += n;
    else counts.needsReview += n;
  };
  for (const [code, n] of byType) add(typeVerdicts.get(code)!.status, n.all - n.inIds);
  const activeCandidates = new Set(await screening.activeOf(candidateIds));
  for (const id of activeCandidates) add(verdicts.get(id)!.status, 1);

  const wanted = (v: Verdict) => (!args.status || v.status === args.status) && touches(v, args.ruleId);
  const types = [...typeVerdicts].filter(([, v]) => wanted(v)).map(([code]) => code);
  const include = [...activeCandidates].filter((id) => wanted(verdicts.get(id)!));
  const countFromTotals = !args.q && !args.ruleId;
  const page = await screening.page({ types, exclude: candidateIds, include, q: args.q, page: args.page, pageSize: args.pageSize, count: !countFromTotals });
  const total = countFromTotals
    ? args.status === 'open' ? counts.open : args.status === 'barred' ? counts.barred : args.status === 'needs_review' ? counts.needsReview : counts.total
    : page.total!;

  return {
    direction,
    personId: args.personId,
    unitId: args.unitId,
    plannedStart: start,
    plannedEnd: end,
    counts,
    items: page.items.map((c) => {
      const v = verdicts.get(c.id) ?? typeVerdicts.get(c.legalTypeCode)!;
      return { companyId: c.id, corporateNumber: c.corporateNumber, name: c.name, legalTypeCode: c.legalTypeCode, status: v.status, failing: v.failing };
    }),
    total,
    page: args.page,
    pageSize: args.pageSize,
  };
}
