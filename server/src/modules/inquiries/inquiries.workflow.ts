// The life of an inquiry (問合せ) through the single contact window as a pure state machine: which
// side may do what in which status, and where it leads. No I/O: the service loads the inquiry,
// asks `decide`, and writes the change with its audit row in one transaction.
//
//   open ──forward (center)──▶ forwarded ──reply (owner)──▶ answered
//     │                           │                           │
//     └── agree (asker) ──────────┴── agree (asker, owner) ───┴──▶ contact_exchanged once both agreed
//   any status but closed ──close (center, asker)──▶ closed
import { inquiryStatuses, type InquirySide, type InquiryStatus } from '../../../../common/src/schemas/inquiries.schema.ts';

export { inquiryStatuses, type InquirySide, type InquiryStatus };

export const inquiryActions = ['forward', 'reply', 'agree', 'withdraw_agreement', 'close'] as const;
export type InquiryAction = (typeof inquiryActions)[number];

const live = ['open', 'forwarded', 'answered', 'contact_exchanged'] as const satisfies readonly InquiryStatus[];
const beforeExchange = ['forwarded', 'answered'] as const satisfies readonly InquiryStatus[];

/** For each action, the statuses each side may take it from (a side not listed may not take it at all). */
export const rules: Record<InquiryAction, Partial<Record<InquirySide, readonly InquiryStatus[]>>> = {
  forward: { center: ['open'] },
  reply: { asker: live, owner: ['forwarded', 'answered', 'contact_exchanged'], center: live },
  // The asker may agree when asking; the owner once the inquiry has reached it.
  agree: { asker: ['open', ...beforeExchange], owner: beforeExchange },
  withdraw_agreement: { asker: ['open', ...beforeExchange], owner: beforeExchange },
  close: { center: live, asker: live },
};

/** Facts the decision reads besides the status. */
export type InquiryFacts = { askerAgreed: boolean; ownerAgreed: boolean };

export type Refusal = { status: 403 | 409; code: string; message: { ja: string; en: string } };
export type Decision = { ok: true; to: InquiryStatus } | { ok: false; refusal: Refusal };

const refuse = (status: 403 | 409, code: string, ja: string, en: string): Decision => ({ ok: false, refusal: { status, code, message: { ja, en } } });

const agreedOf = (side: InquirySide, f: InquiryFacts) => (side === 'asker' ? f.askerAgreed : side === 'owner' ? f.ownerAgreed : false);
const otherAgreed = (side: InquirySide, f: InquiryFacts) => (side === 'asker' ? f.ownerAgreed : f.askerAgreed);

/** Whether `side` may take `action` on an inquiry in `status`, and the status it leads to; if not, why. */
export function decide(status: InquiryStatus, action: InquiryAction, side: InquirySide, facts: InquiryFacts): Decision {
  const from = rules[action][side];
  if (!from) return refuse(403, 'inquiry.side_not_allowed', 'この操作はあなたの立場では行えません。', 'Your side in this inquiry cannot take this step.');
  if (status === 'closed') return refuse(409, 'inquiry.closed', 'この問合せは終了しています。', 'This inquiry is closed.');
  if ((action === 'agree' || action === 'withdraw_agreement') && status === 'contact_exchanged') {
    return refuse(409, 'inquiry.contacts_already_exchanged', '連絡先は既に交換されています（同意は取り消せません）。', 'The contacts have already been exchanged (the agreement cannot be withdrawn).');
  }
  if (!from.includes(status)) {
    if (action === 'forward') return refuse(409, 'inquiry.already_forwarded', 'この問合せは既に回送されています。', 'This inquiry has already been forwarded.');
    if (side === 'owner' && status === 'open') return refuse(409, 'inquiry.not_forwarded', 'この問合せはまだ窓口から回送されていません。', 'The contact window has not forwarded this inquiry yet.');
    return refuse(409, 'inquiry.status', 'この問合せの現在の状態では、この操作はできません。', 'This step is not possible in the inquiry’s current status.');
  }
  switch (action) {
    case 'forward':
      return { ok: true, to: 'forwarded' };
    case 'reply':
      // The owner's first reply answers the inquiry.
      return { ok: true, to: side === 'owner' && status === 'forwarded' ? 'answered' : status };
    case 'agree':
      if (agreedOf(side, facts)) return refuse(409, 'inquiry.already_agreed', '既に連絡先の交換に同意しています。', 'You have already agreed to exchange contacts.');
      return { ok: true, to: otherAgreed(side, facts) ? 'contact_exchanged' : status };
    case 'withdraw_agreement':
      if (!agreedOf(side, facts)) return refuse(409, 'inquiry.not_agreed', '連絡先の交換に同意していないため、取り消すものがありません。', 'You have not agreed to exchange contacts, so there is nothing to withdraw.');
      return { ok: true, to: status };
    case 'close':
      return { ok: true, to: 'closed' };
  }
}

/** What each side may do now: the buttons to show. */
export function allowedActions(status: InquiryStatus, side: InquirySide, facts: InquiryFacts): Record<InquiryAction, boolean> {
  return Object.fromEntries(inquiryActions.map((a) => [a, decide(status, a, side, facts).ok])) as Record<InquiryAction, boolean>;
}
