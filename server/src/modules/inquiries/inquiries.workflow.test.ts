import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowedActions, decide, inquiryActions, inquiryStatuses, type InquiryAction, type InquiryFacts, type InquirySide, type InquiryStatus } from './inquiries.workflow.ts';

type Case = {
  id: string;
  status: InquiryStatus;
  action: InquiryAction;
  side: InquirySide;
  facts: InquiryFacts;
  expect: { ok: true; to: InquiryStatus } | { ok: false; status: 403 | 409; code: string };
};
const data = JSON.parse(readFileSync(join(import.meta.dirname, 'inquiries.workflow.cases.json'), 'utf8')) as { cases: Case[] };
const sides: InquirySide[] = ['asker', 'owner', 'center'];
const factSets: InquiryFacts[] = [
  { askerAgreed: false, ownerAgreed: false },
  { askerAgreed: true, ownerAgreed: false },
  { askerAgreed: false, ownerAgreed: true },
  { askerAgreed: true, ownerAgreed: true },
];

describe('inquiry workflow', () => {
  it.each(data.cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const d = decide(c.status, c.action, c.side, c.facts);
    if (c.expect.ok) expect(d).toEqual({ ok: true, to: c.expect.to });
    else {
      expect(d.ok).toBe(false);
      if (!d.ok) {
        expect({ status: d.refusal.status, code: d.refusal.code }).toEqual({ status: c.expect.status, code: c.expect.code });
        expect(d.refusal.message.ja.length * d.refusal.message.en.length).toBeGreaterThan(0);
      }
    }
  });

  it('covers every action with an accepted and a refused case', () => {
    for (const a of inquiryActions) {
      expect(data.cases.some((c) => c.action === a && c.expect.ok), a).toBe(true);
      expect(data.cases.some((c) => c.action === a && !c.expect.ok), a).toBe(true);
    }
  });

  it('never leaves a closed inquiry, and only two agreements lead to contact_exchanged', () => {
    for (const status of inquiryStatuses)
      for (const action of inquiryActions)
        for (const side of sides)
          for (const facts of factSets) {
            const d = decide(status, action, side, facts);
            if (status === 'closed') expect(d.ok).toBe(false);
            if (d.ok && d.to === 'contact_exchanged' && status !== 'contact_exchanged') {
              expect(action).toBe('agree');
              expect(side === 'asker' ? facts.ownerAgreed : facts.askerAgreed).toBe(true);
            }
            if (!d.ok) expect(d.refusal.message.ja && d.refusal.message.en).toBeTruthy();
          }
  });

  it('offers the owner nothing before the center forwards, and the center never agrees', () => {
    const none = { askerAgreed: false, ownerAgreed: false };
    expect(Object.values(allowedActions('open', 'owner', none)).some(Boolean)).toBe(false);
    for (const status of inquiryStatuses) expect(allowedActions(status, 'center', none).agree).toBe(false);
    expect(allowedActions('open', 'center', none)).toEqual({ forward: true, reply: true, agree: false, withdraw_agreement: false, close: true });
  });
});
