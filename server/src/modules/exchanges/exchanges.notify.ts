// Writes the e-mails a workflow step sends (notifications.ts decides who and what) to the outbox,
// inside the step's transaction: one row per recipient, keyed so a retried transaction never
// sends twice.
import type { Executor } from '../../db/client.ts';
import type { CaseEventName } from '../../../../common/src/schemas/exchanges.schema.ts';
import { enqueueMail } from '../mail/mail.service.ts';
import { exchangesRepository as repo, type CaseRow } from './exchanges.repository.ts';
import { noticeFor } from './notifications.ts';

export async function notifyParties(tx: Executor, c: CaseRow, event: CaseEventName, note: string | null): Promise<number> {
  const n = noticeFor(event, c, note);
  if (!n) return 0;
  const to = await repo.recipients(tx, {
    npa: n.to.includes('npa'),
    ...(n.to.includes('ministry') ? { organisationId: c.organisationId } : {}),
    ...(n.to.includes('company') ? { companyId: c.companyId } : {}),
  });
  let written = 0;
  for (const r of to) {
    const fresh = await enqueueMail(tx, {
      dedupeKey: `case.${event}:case=${c.id}:v=${c.version}:to=${r.id}`,
      toAddress: r.email,
      toAccountId: r.id,
      subject: `${n.subject.ja} / ${n.subject.en}`,
      body: `${n.body.ja}\n\n----\n\n${n.body.en}`,
      kind: `case.${event}`,
      caseId: c.id,
    });
    if (fresh) written++;
  }
  return written;
}
