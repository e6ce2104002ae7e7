// The public call's pure rules, as table-driven cases (public-call.cases.json): every status ×
// event, and entity-type eligibility on dates around the act's start and the December 2022 revision.
import { describe, expect, it } from 'vitest';
import { defaultParameters } from '../criteria/parameters.ts';
import type { CallApplicationStatus } from '../../../../common/src/schemas/public-call.schema.ts';
import { entityTypeEligibility, isOpen, nextStatus, refusal, type ApplicationEvent, type TypeNames } from './public-call.rules.ts';
import cases from './public-call.cases.json' with { type: 'json' };

type EligibilityCase = { name: string; code: string; asOf: string; eligible: boolean; eligibleFrom: string | null; names?: TypeNames };
type TransitionCase = { status: CallApplicationStatus; event: ApplicationEvent; next: CallApplicationStatus | null };

describe('entity-type eligibility on the decision date', () => {
  it.each(cases.eligibility as EligibilityCase[])('$name', (c) => {
    const r = entityTypeEligibility(defaultParameters(), c.code, c.asOf, c.names);
    expect(r).toMatchObject({ eligible: c.eligible, eligibleFrom: c.eligibleFrom, asOf: c.asOf, legalTypeCode: c.code });
    expect(r.message.ja).toContain(c.asOf);
    expect(r.message.en).toContain(c.asOf);
    if (c.names) expect(r.message.ja).toContain(c.names.nameJa);
    if (c.eligibleFrom) expect(r.message.en).toContain(`eligible from ${c.eligibleFrom}`);
  });
});

describe('application statuses', () => {
  it('covers every status and event', () => {
    const statuses = new Set((cases.transitions as TransitionCase[]).map((c) => `${c.status}/${c.event}`));
    expect(statuses.size).toBe(4 * 3);
  });

  it.each(cases.transitions as TransitionCase[])('$status + $event → $next', (c) => {
    expect(nextStatus(c.status, c.event)).toBe(c.next);
    if (c.next === null) {
      const m = refusal(c.status, c.event);
      expect(m.ja.length).toBeGreaterThan(0);
      expect(m.en.length).toBeGreaterThan(0);
    }
  });

  it('only submitted and accepted applications are open', () => {
    expect(['submitted', 'accepted', 'returned', 'withdrawn'].filter(isOpen)).toEqual(['submitted', 'accepted']);
  });
});
