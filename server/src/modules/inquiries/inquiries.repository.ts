// The only SQL for inquiries (問合せ窓口): the inquiries with the sheet they are about and the names
// of both sides, their messages, the accounts mails go to, and what the reminders need. It reads
// wish sheets (owner, title, reference, status) itself: the wishes module owns writing them.
import { and, asc, count, desc, eq, inArray, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import { accounts, companies, inquiries, inquiryMessages, organisations, wishSheets } from '../../db/schema.ts';
import type { Party } from './inquiries.policy.ts';

const askerOrg = alias(organisations, 'asker_org');
const askerCompany = alias(companies, 'asker_company');
const ownerOrg = alias(organisations, 'owner_org');
const ownerCompany = alias(companies, 'owner_company');

const columns = {
  id: inquiries.id,
  sheetId: inquiries.sheetId,
  askerAccountId: inquiries.askerAccountId,
  askerOrganisationId: inquiries.askerOrganisationId,
  askerCompanyId: inquiries.askerCompanyId,
  subject: inquiries.subject,
  status: inquiries.status,
  askerAgreedAt: inquiries.askerAgreedAt,
  ownerAgreedAt: inquiries.ownerAgreedAt,
  askerAgreedBy: inquiries.askerAgreedBy,
  ownerAgreedBy: inquiries.ownerAgreedBy,
  forwardedAt: inquiries.forwardedAt,
  answeredAt: inquiries.answeredAt,
  closedAt: inquiries.closedAt,
  lastActivityAt: inquiries.lastActivityAt,
  version: inquiries.version,
  createdAt: inquiries.createdAt,
  sheetReference: wishSheets.reference,
  sheetTitle: wishSheets.title,
  sheetKind: wishSheets.kind,
  sheetStatus: wishSheets.status,
  ownerOrganisationId: wishSheets.organisationId,
  ownerCompanyId: wishSheets.companyId,
  ownerOrgNameJa: ownerOrg.nameJa,
  ownerOrgNameEn: ownerOrg.nameEn,
  ownerCompanyName: ownerCompany.name,
  askerOrgNameJa: askerOrg.nameJa,
  askerOrgNameEn: askerOrg.nameEn,
  askerCompanyName: askerCompany.name,
};

const first = <T>(r: T[]): T | undefined => r[0];

function joined(db: Executor) {
  return db
    .select(columns)
    .from(inquiries)
    .innerJoin(wishSheets, eq(wishSheets.id, inquiries.sheetId))
    .leftJoin(ownerOrg, eq(ownerOrg.id, wishSheets.organisationId))
    .leftJoin(ownerCompany, eq(ownerCompany.id, wishSheets.companyId))
    .leftJoin(askerOrg, eq(askerOrg.id, inquiries.askerOrganisationId))
    .leftJoin(askerCompany, eq(askerCompany.id, inquiries.askerCompanyId));
}

const askedBy = (p: Party): SQL => (p.type === 'company' ? eq(inquiries.askerCompanyId, p.companyId) : eq(inquiries.askerOrganisationId, p.organisationId));
const receivedBy = (p: Party): SQL =>
  and(p.type === 'company' ? eq(wishSheets.companyId, p.companyId) : eq(wishSheets.organisationId, p.organisationId), isNotNull(inquiries.forwardedAt))!;

export type ListFilter = { party?: Party | undefined; side?: 'asker' | 'owner' | undefined; status?: string | undefined };

export const inquiriesRepository = {
  sheetByReference: (db: Executor, reference: string) =>
    db
      .select({
        id: wishSheets.id,
        reference: wishSheets.reference,
        title: wishSheets.title,
        kind: wishSheets.kind,
        status: wishSheets.status,
        organisationId: wishSheets.organisationId,
        companyId: wishSheets.companyId,
        expiresOn: wishSheets.expiresOn,
      })
      .from(wishSheets)
      .where(eq(wishSheets.reference, reference))
      .limit(1)
      .then(first),

  /** The sheet's own contact, when its body carries one. */
  sheetBody: (db: Executor, sheetId: number) =>
    db
      .select({ body: wishSheets.body })
      .from(wishSheets)
      .where(eq(wishSheets.id, sheetId))
      .limit(1)
      .then((r) => r[0]?.body as unknown),

  insertInquiry: (db: Executor, v: typeof inquiries.$inferInsert) => db.insert(inquiries).values(v).returning({ id: inquiries.id }).then((r) => r[0]!.id),

  insertMessage: (db: Executor, v: typeof inquiryMessages.$inferInsert) =>
    db.insert(inquiryMessages).values(v).returning({ id: inquiryMessages.id }).then((r) => r[0]!.id),

  inquiry: (db: Executor, id: number) => joined(db).where(eq(inquiries.id, id)).limit(1).then(first),

  /** Locks the inquiry's row for the rest of the transaction (two agreements at once see each other). */
  lock: (db: Executor, id: number) => db.select({ id: inquiries.id }).from(inquiries).where(eq(inquiries.id, id)).for('update').then(first),

  /** Applies a change if the inquiry is still at `version`; the new version, or undefined when it moved meanwhile. */
  update: (db: Executor, id: number, version: number, v: Partial<typeof inquiries.$inferInsert>) =>
    db
      .update(inquiries)
      .set({ ...v, version: sql`${inquiries.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(inquiries.id, id), eq(inquiries.version, version)))
      .returning({ version: inquiries.version })
      .then(first),

  async list(db: Executor, f: ListFilter, page: number, pageSize: number) {
    const scope = f.party ? (f.side === 'asker' ? askedBy(f.party) : f.side === 'owner' ? receivedBy(f.party) : or(askedBy(f.party), receivedBy(f.party))) : undefined;
    const where = and(scope, f.status ? eq(inquiries.status, f.status) : undefined);
    const items = await joined(db)
      .where(where)
      .orderBy(desc(inquiries.lastActivityAt), desc(inquiries.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const total = await db.select({ n: count() }).from(inquiries).innerJoin(wishSheets, eq(wishSheets.id, inquiries.sheetId)).where(where);
    return { items, total: Number(total[0]?.n ?? 0) };
  },

  messages: (db: Executor, inquiryId: number, audiences: readonly string[]) =>
    db
      .select({
        id: inquiryMessages.id,
        authorSide: inquiryMessages.authorSide,
        audience: inquiryMessages.audience,
        authorName: accounts.displayName,
        body: inquiryMessages.body,
        createdAt: inquiryMessages.createdAt,
      })
      .from(inquiryMessages)
      .leftJoin(accounts, eq(accounts.id, inquiryMessages.authorAccountId))
      .where(and(eq(inquiryMessages.inquiryId, inquiryId), inArray(inquiryMessages.audience, [...audiences])))
      .orderBy(asc(inquiryMessages.id))
      .limit(2000),

  account: (db: Executor, id: number) =>
    db.select({ id: accounts.id, displayName: accounts.displayName, email: accounts.email }).from(accounts).where(eq(accounts.id, id)).limit(1).then(first),

  /** Active accounts of the contact window (center) that receive its mails. */
  windowAccounts: (db: Executor) =>
    db
      .select({ id: accounts.id, email: accounts.email })
      .from(accounts)
      .where(and(eq(accounts.role, 'center'), eq(accounts.status, 'active')))
      .orderBy(asc(accounts.id)),

  /** Active HR accounts of a company or a ministry. */
  partyAccounts: (db: Executor, p: Party) =>
    db
      .select({ id: accounts.id, email: accounts.email })
      .from(accounts)
      .where(
        and(
          eq(accounts.status, 'active'),
          p.type === 'company' ? and(eq(accounts.role, 'company_hr'), eq(accounts.companyId, p.companyId)) : and(eq(accounts.role, 'ministry_hr'), eq(accounts.organisationId, p.organisationId)),
        ),
      )
      .orderBy(asc(accounts.id)),

  /** Inquiries still waiting at a stage that began before the given instants (open: received; forwarded: forwarded). */
  waiting: (db: Executor, openBefore: string, forwardedBefore: string) =>
    db
      .select({
        id: inquiries.id,
        subject: inquiries.subject,
        status: inquiries.status,
        createdAt: inquiries.createdAt,
        forwardedAt: inquiries.forwardedAt,
        sheetReference: wishSheets.reference,
        sheetTitle: wishSheets.title,
        ownerOrganisationId: wishSheets.organisationId,
        ownerCompanyId: wishSheets.companyId,
      })
      .from(inquiries)
      .innerJoin(wishSheets, eq(wishSheets.id, inquiries.sheetId))
      .where(
        or(
          and(eq(inquiries.status, 'open'), lt(inquiries.createdAt, openBefore)),
          and(eq(inquiries.status, 'forwarded'), lt(inquiries.forwardedAt, forwardedBefore)),
        ),
      )
      .orderBy(asc(inquiries.id)),
};

export type InquiryRow = NonNullable<Awaited<ReturnType<typeof inquiriesRepository.inquiry>>>;
