// Use cases of the single contact window (問合せ窓口): a company or a ministry asks about a
// published wish sheet of the other side; the center forwards it to the sheet's owner; the owner
// answers; each side may agree to exchange contact details, and only when both have agreed are they
// shown, to the two sides and nobody else. No HTTP, no SQL here. Every change runs in one
// transaction with its audit row and its mails; every read of the contact details is audited.
import { z } from 'zod';
import type { Database, Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/tx.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { pgTimestampToIso, todayInJapan } from '../../platform/time.ts';
import type {
  InquiryActionInput,
  InquiryAudience,
  InquiryContacts,
  InquiryDetail,
  InquiryEvent,
  InquiryForwardInput,
  InquiryInput,
  InquiryListQuery,
  InquiryMessage,
  InquiryMessageInput,
  InquirySide,
  InquiryStatus,
  InquirySummary,
} from '../../../../common/src/schemas/inquiries.schema.ts';
import { notifyInquiry, type InquiryNotice } from './inquiries.notify.ts';
import { listScope, partyOf, readableAudiences, readsContacts, showsAskerName, showsAuthorName, sideOf, writableAudiences, type InquiryRef, type Party } from './inquiries.policy.ts';
import { inquiriesRepository as repo, type InquiryRow } from './inquiries.repository.ts';
import { allowedActions, decide, type InquiryAction } from './inquiries.workflow.ts';

export type InquiriesOptions = {
  /** "Today" for the rules (sheet expiry, reminders); with an overridden clock, timestamps follow it too. */
  clock?: Pick<Clock, 'today' | 'overridden'>;
  /** Runs after a change that wrote mails has committed (delivery). */
  afterCommit?: () => void;
};

const refused = (status: 403 | 409 | 422, subcode: string, messages: { ja: string; en: string }) =>
  new AppError(status === 403 ? 'forbidden' : status === 409 ? 'conflict' : 'transition_blocked', { subcode, messages });

const notPublished = () =>
  refused(422, 'inquiry.sheet_not_published', {
    ja: 'この交流希望シートは公開されていない（又は掲載期限を過ぎている）ため、問合せできません。',
    en: 'This wish sheet is not published (or its listing has expired), so it cannot be asked about.',
  });
const ownSide = (type: Party['type']) =>
  refused(422, 'inquiry.own_side', {
    ja: type === 'company' ? '民間企業等のシートには民間企業等から問合せできません。府省等のシートについて問い合わせてください。' : '府省等のシートには府省等から問合せできません。民間企業等のシートについて問い合わせてください。',
    en: type === 'company' ? 'A company cannot ask about a company’s sheet: ask about a ministry’s sheet.' : 'A ministry cannot ask about a ministry’s sheet: ask about a company’s sheet.',
  });
const staleVersion = () =>
  refused(409, 'inquiry.version', { ja: 'この問合せは他の操作で更新されています。画面を再読み込みしてください。', en: 'This inquiry was changed meanwhile. Reload the page.' });
const audienceRefused = () =>
  refused(422, 'inquiry.audience_not_allowed', { ja: 'この宛先には書き込めません。', en: 'You cannot write to this audience.' });
const contactsNotExchanged = () =>
  refused(409, 'inquiry.contacts_not_exchanged', {
    ja: '連絡先は、双方が交換に同意した後にのみ表示されます。',
    en: 'Contact details are shown only after both sides have agreed to exchange them.',
  });

/** A contact the sheet itself may carry (`contact: {name, email, phone}` or contactName/contactEmail/contactPhone). */
const maybe = z.string().trim().max(300).nullable().optional();
const sheetContactSchema = z.union([
  z.object({ contact: z.object({ name: maybe, email: maybe, phone: maybe }) }).transform((b) => b.contact),
  z.object({ contactName: maybe, contactEmail: maybe, contactPhone: maybe }).transform((b) => ({ name: b.contactName, email: b.contactEmail, phone: b.contactPhone })),
]);
function sheetContactOf(body: unknown): InquiryContacts['sheetContact'] {
  const r = sheetContactSchema.safeParse(body);
  if (!r.success) return null;
  const c = { name: r.data.name || null, email: r.data.email || null, phone: r.data.phone || null };
  return c.name || c.email || c.phone ? c : null;
}

const refOf = (q: InquiryRow): InquiryRef => ({
  askerOrganisationId: q.askerOrganisationId,
  askerCompanyId: q.askerCompanyId,
  ownerOrganisationId: q.ownerOrganisationId,
  ownerCompanyId: q.ownerCompanyId,
  forwardedAt: q.forwardedAt,
});
const factsOf = (q: InquiryRow) => ({ askerAgreed: q.askerAgreedAt !== null, ownerAgreed: q.ownerAgreedAt !== null });
const askerParty = (q: InquiryRow): Party => (q.askerCompanyId !== null ? { type: 'company', companyId: q.askerCompanyId } : { type: 'ministry', organisationId: q.askerOrganisationId! });
const ownerParty = (q: InquiryRow): Party => (q.ownerCompanyId !== null ? { type: 'company', companyId: q.ownerCompanyId } : { type: 'ministry', organisationId: q.ownerOrganisationId! });
const ownerName = (q: InquiryRow) => (q.ownerCompanyId !== null ? { ja: q.ownerCompanyName ?? '', en: q.ownerCompanyName ?? '' } : { ja: q.ownerOrgNameJa ?? '', en: q.ownerOrgNameEn ?? '' });
const askerName = (q: InquiryRow) => (q.askerCompanyId !== null ? { ja: q.askerCompanyName ?? '', en: q.askerCompanyName ?? '' } : { ja: q.askerOrgNameJa ?? '', en: q.askerOrgNameEn ?? '' });
const later = (a: string, b: string) => (Date.parse(pgTimestampToIso(a)) >= Date.parse(pgTimestampToIso(b)) ? a : b);

function summaryView(q: InquiryRow, side: InquirySide): InquirySummary {
  return {
    id: q.id,
    subject: q.subject,
    status: q.status as InquiryStatus,
    version: q.version,
    mySide: side,
    sheet: { id: q.sheetId, reference: q.sheetReference, title: q.sheetTitle, kind: q.sheetKind, status: q.sheetStatus },
    owner: { type: q.ownerCompanyId !== null ? 'company' : 'ministry', name: ownerName(q) },
    asker: { type: q.askerCompanyId !== null ? 'company' : 'ministry', name: showsAskerName(side) ? askerName(q) : null },
    askerAgreed: q.askerAgreedAt !== null,
    ownerAgreed: q.ownerAgreedAt !== null,
    createdAt: pgTimestampToIso(q.createdAt),
    lastActivityAt: pgTimestampToIso(q.lastActivityAt),
  };
}

function timelineOf(q: InquiryRow): InquiryDetail['timeline'] {
  const t: InquiryDetail['timeline'] = [{ status: 'open', at: pgTimestampToIso(q.createdAt) }];
  if (q.forwardedAt) t.push({ status: 'forwarded', at: pgTimestampToIso(q.forwardedAt) });
  if (q.answeredAt) t.push({ status: 'answered', at: pgTimestampToIso(q.answeredAt) });
  if (q.askerAgreedAt && q.ownerAgreedAt) t.push({ status: 'contact_exchanged', at: pgTimestampToIso(later(q.askerAgreedAt, q.ownerAgreedAt)) });
  if (q.closedAt) t.push({ status: 'closed', at: pgTimestampToIso(q.closedAt) });
  return t;
}

export function createInquiriesService(database: Database, opts: InquiriesOptions = {}) {
  const { db } = database;
  const clock = opts.clock ?? { today: () => todayInJapan(), overridden: false };
  const afterCommit = opts.afterCommit ?? (() => {});

  /** Now, as an instant: the real one, or today's time of day on the clock's date when the clock is overridden (tests, training). */
  const now = (): string => {
    if (!clock.overridden) return new Date().toISOString();
    const timeOfDay = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(11, 23);
    return new Date(`${clock.today()}T${timeOfDay}+09:00`).toISOString();
  };

  const actorOf = (ctx: RequestContext): Actor => {
    if (!ctx.actor) throw new AppError('unauthenticated');
    return ctx.actor;
  };

  /** The inquiry and the actor's side in it; 404 when the actor may not see it. */
  async function visible(tx: Executor, actor: Actor, id: number) {
    const q = await repo.inquiry(tx, id);
    const side = q ? sideOf(actor, refOf(q)) : null;
    if (!q || !side) throw new AppError('not_found');
    return { q, side };
  }

  function check(q: InquiryRow, action: InquiryAction, side: InquirySide, version?: number) {
    if (version !== undefined && version !== q.version) throw staleVersion();
    const d = decide(q.status as InquiryStatus, action, side, factsOf(q));
    if (!d.ok) throw refused(d.refusal.status, d.refusal.code, d.refusal.message);
    return d.to;
  }

  /** Runs one step under the inquiry's row lock: load, check, change, audit, mail. */
  async function step<T>(ctx: RequestContext, id: number, fn: (tx: Executor, q: InquiryRow, side: InquirySide, actor: Actor) => Promise<T>): Promise<T> {
    const actor = actorOf(ctx);
    const r = await inTransaction(db, async (tx) => {
      await repo.lock(tx, id);
      const { q, side } = await visible(tx, actor, id);
      return fn(tx, q, side, actor);
    });
    afterCommit();
    return r;
  }

  async function apply(tx: Executor, q: InquiryRow, values: Parameters<typeof repo.update>[3]) {
    const moved = await repo.update(tx, q.id, q.version, values);
    if (!moved) throw staleVersion();
    return moved.version;
  }

  const systemEntry = (tx: Executor, q: InquiryRow, actor: Actor, event: InquiryEvent, side: InquirySide, at: string) =>
    repo.insertMessage(tx, { inquiryId: q.id, authorAccountId: actor.accountId, authorSide: 'system', audience: 'all', body: `${event}:${side}`, createdAt: at });

  const facts = (q: InquiryRow, version: number) => ({ id: q.id, version, subject: q.subject, sheetReference: q.sheetReference, sheetTitle: q.sheetTitle });
  const notify = (tx: Executor, notice: InquiryNotice, q: InquiryRow, version: number, to: Party | null) => notifyInquiry(tx, notice, facts(q, version), to);

  function messageView(m: Awaited<ReturnType<typeof repo.messages>>[number], reader: InquirySide): InquiryMessage {
    const system = m.authorSide === 'system';
    const [event, eventSide] = system ? m.body.split(':') : [];
    return {
      id: m.id,
      side: m.authorSide as InquiryMessage['side'],
      audience: m.audience as InquiryAudience,
      authorName: !system && showsAuthorName(reader, m.authorSide) ? (m.authorName ?? null) : null,
      body: system ? '' : m.body,
      event: system ? (event as InquiryEvent) : null,
      eventSide: system ? ((eventSide as InquirySide | undefined) ?? null) : null,
      createdAt: pgTimestampToIso(m.createdAt),
    };
  }

  async function detail(actor: Actor, id: number): Promise<InquiryDetail> {
    const { q, side } = await visible(db, actor, id);
    const messages = await repo.messages(db, id, readableAudiences[side]);
    const can = allowedActions(q.status as InquiryStatus, side, factsOf(q));
    return {
      ...summaryView(q, side),
      messages: messages.map((m) => messageView(m, side)),
      timeline: timelineOf(q),
      can: { forward: can.forward, reply: can.reply, agree: can.agree, withdrawAgreement: can.withdraw_agreement, close: can.close, readContacts: readsContacts(side, q) },
      audiences: can.reply ? writableAudiences(side, q.status as InquiryStatus) : [],
    };
  }

  return {
    /** A company or a ministry asks about a published sheet of the other side; the inquiry goes to the window. */
    async ask(ctx: RequestContext, input: InquiryInput): Promise<InquiryDetail> {
      const actor = actorOf(ctx);
      const party = partyOf(actor);
      if (!party) throw new AppError('forbidden');
      const id = await inTransaction(db, async (tx) => {
        const sheet = await repo.sheetByReference(tx, input.sheetReference);
        // Unknown, draft, closed and expired sheets answer alike: a draft's existence is not disclosed.
        if (!sheet || sheet.status !== 'published' || (sheet.expiresOn !== null && sheet.expiresOn < clock.today())) throw notPublished();
        const ownerType: Party['type'] = sheet.kind === 'company' ? 'company' : 'ministry';
        if (ownerType === party.type) throw ownSide(party.type);
        const at = now();
        const newId = await repo.insertInquiry(tx, {
          sheetId: sheet.id,
          askerAccountId: actor.accountId,
          askerOrganisationId: party.type === 'ministry' ? party.organisationId : null,
          askerCompanyId: party.type === 'company' ? party.companyId : null,
          subject: input.subject,
          status: 'open',
          lastActivityAt: at,
          createdAt: at,
          updatedAt: at,
        });
        const messageId = await repo.insertMessage(tx, { inquiryId: newId, authorAccountId: actor.accountId, authorSide: 'asker', audience: 'all', body: input.body, createdAt: at });
        await writeAudit(tx, ctx, {
          action: 'inquiry.create',
          recordType: 'inquiry',
          recordId: newId,
          before: null,
          after: { sheetId: sheet.id, sheetReference: sheet.reference, asker: party, subject: input.subject, status: 'open', messageId, body: input.body },
        });
        await notifyInquiry(tx, 'created', { id: newId, version: 1, subject: input.subject, sheetReference: sheet.reference, sheetTitle: sheet.title }, null);
        return newId;
      });
      afterCommit();
      return detail(actor, id);
    },

    async list(ctx: RequestContext, q: InquiryListQuery) {
      const actor = actorOf(ctx);
      const scope = listScope(actor);
      if (!scope) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
      const r = await repo.list(db, { party: 'party' in scope ? scope.party : undefined, side: 'party' in scope ? q.side : undefined, status: q.status }, q.page, q.pageSize);
      return { items: r.items.map((row) => summaryView(row, sideOf(actor, refOf(row))!)), total: r.total, page: q.page, pageSize: q.pageSize };
    },

    inquiry: (ctx: RequestContext, id: number) => detail(actorOf(ctx), id),

    /** A message in the thread; the owner's first one answers the inquiry. */
    async post(ctx: RequestContext, id: number, input: InquiryMessageInput): Promise<InquiryDetail> {
      await step(ctx, id, async (tx, q, side, actor) => {
        const to = check(q, 'reply', side);
        const allowed = writableAudiences(side, q.status as InquiryStatus);
        const audience = input.audience ?? allowed[0]!;
        if (!allowed.includes(audience)) throw audienceRefused();
        const at = now();
        const messageId = await repo.insertMessage(tx, { inquiryId: id, authorAccountId: actor.accountId, authorSide: side, audience, body: input.body, createdAt: at });
        const answers = to !== q.status;
        const version = await apply(tx, q, { lastActivityAt: at, ...(answers ? { status: to, answeredAt: at } : {}) });
        await writeAudit(tx, ctx, {
          action: answers ? 'inquiry.answer' : 'inquiry_message.create',
          recordType: 'inquiry',
          recordId: id,
          before: { status: q.status },
          after: { status: to, messageId, side, audience, body: input.body },
        });
        if (answers) await notify(tx, 'answered', q, version, askerParty(q));
      });
      return detail(actorOf(ctx), id);
    },

    /** The window forwards the inquiry to the sheet's owner, with an optional note for it. */
    async forward(ctx: RequestContext, id: number, input: InquiryForwardInput): Promise<InquiryDetail> {
      await step(ctx, id, async (tx, q, side, actor) => {
        const to = check(q, 'forward', side, input.version);
        const at = now();
        const version = await apply(tx, q, { status: to, forwardedAt: at, lastActivityAt: at });
        await systemEntry(tx, q, actor, 'forwarded', side, at);
        const noteId = input.note ? await repo.insertMessage(tx, { inquiryId: id, authorAccountId: actor.accountId, authorSide: 'center', audience: 'owner', body: input.note, createdAt: at }) : null;
        await writeAudit(tx, ctx, { action: 'inquiry.forward', recordType: 'inquiry', recordId: id, before: { status: q.status }, after: { status: to, noteId, note: input.note || null } });
        await notify(tx, 'forwarded', q, version, ownerParty(q));
      });
      return detail(actorOf(ctx), id);
    },

    /** One side agrees to exchange contacts; the second agreement exchanges them. */
    async agree(ctx: RequestContext, id: number, input: InquiryActionInput): Promise<InquiryDetail> {
      await step(ctx, id, async (tx, q, side, actor) => {
        const to = check(q, 'agree', side, input.version);
        const at = now();
        const mine = side === 'asker' ? { askerAgreedAt: at, askerAgreedBy: actor.accountId } : { ownerAgreedAt: at, ownerAgreedBy: actor.accountId };
        const version = await apply(tx, q, { ...mine, status: to, lastActivityAt: at });
        await systemEntry(tx, q, actor, 'agreed', side, at);
        const exchanged = to === 'contact_exchanged';
        if (exchanged) await systemEntry(tx, q, actor, 'contacts_exchanged', side, at);
        await writeAudit(tx, ctx, {
          action: exchanged ? 'inquiry.exchange_contacts' : 'inquiry.agree',
          recordType: 'inquiry',
          recordId: id,
          before: { status: q.status, askerAgreed: q.askerAgreedAt !== null, ownerAgreed: q.ownerAgreedAt !== null },
          after: { status: to, side, agreedBy: actor.accountId },
        });
        if (exchanged) {
          await notify(tx, 'contacts_exchanged', q, version, askerParty(q));
          await notify(tx, 'contacts_exchanged', q, version, ownerParty(q));
        }
      });
      return detail(actorOf(ctx), id);
    },

    /** A side withdraws its agreement, while the other has not agreed yet. */
    async withdrawAgreement(ctx: RequestContext, id: number, input: InquiryActionInput): Promise<InquiryDetail> {
      await step(ctx, id, async (tx, q, side, actor) => {
        check(q, 'withdraw_agreement', side, input.version);
        const at = now();
        const mine = side === 'asker' ? { askerAgreedAt: null, askerAgreedBy: null } : { ownerAgreedAt: null, ownerAgreedBy: null };
        await apply(tx, q, { ...mine, lastActivityAt: at });
        await systemEntry(tx, q, actor, 'agreement_withdrawn', side, at);
        await writeAudit(tx, ctx, { action: 'inquiry.withdraw_agreement', recordType: 'inquiry', recordId: id, before: { status: q.status, side, agreed: true }, after: { status: q.status, side, agreed: false } });
      });
      return detail(actorOf(ctx), id);
    },

    /** The window or the asker closes the inquiry. */
    async close(ctx: RequestContext, id: number, input: InquiryActionInput): Promise<InquiryDetail> {
      await step(ctx, id, async (tx, q, side, actor) => {
        const to = check(q, 'close', side, input.version);
        const at = now();
        await apply(tx, q, { status: to, closedAt: at, lastActivityAt: at });
        await systemEntry(tx, q, actor, 'closed', side, at);
        await writeAudit(tx, ctx, { action: 'inquiry.close', recordType: 'inquiry', recordId: id, before: { status: q.status }, after: { status: to, side } });
      });
      return detail(actorOf(ctx), id);
    },

    /** Both sides' contacts, to the two sides only and only once both agreed; every read is audited. */
    async contacts(ctx: RequestContext, id: number): Promise<InquiryContacts> {
      const actor = actorOf(ctx);
      const { q, side } = await visible(db, actor, id);
      if (!readsContacts(side, q)) throw contactsNotExchanged();
      const asker = await repo.account(db, q.askerAccountId);
      const owner = await repo.account(db, q.ownerAgreedBy!);
      if (!asker || !owner) throw new AppError('not_found');
      const sheetContact = sheetContactOf(await repo.sheetBody(db, q.sheetId));
      await inTransaction(db, (tx) =>
        writeAudit(tx, ctx, {
          action: 'inquiry.contacts_read',
          recordType: 'inquiry',
          recordId: id,
          after: { side, accountIds: [asker.id, owner.id], sheetContact: sheetContact !== null },
        }),
      );
      const type = (p: Party) => p.type;
      return {
        inquiryId: id,
        exchangedAt: pgTimestampToIso(later(q.askerAgreedAt!, q.ownerAgreedAt!)),
        asker: { side: 'asker', type: type(askerParty(q)), organisationName: askerName(q), displayName: asker.displayName, email: asker.email },
        owner: { side: 'owner', type: type(ownerParty(q)), organisationName: ownerName(q), displayName: owner.displayName, email: owner.email },
        sheetContact,
      };
    },
  };
}

export type InquiriesService = ReturnType<typeof createInquiriesService>;
