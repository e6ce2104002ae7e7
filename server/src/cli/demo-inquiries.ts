// Demo data for the single contact window (問合せ窓口), added by `koryu demo load` and
// `start --demo` after the wish sheets' demo (demo-wishes.ts): a few threads between the demo
// company, METI and the center, in different states — contacts exchanged, forwarded and waiting
// for the owner's answer, answered, just received (open) and closed. Threads are built only from
// published sheets; with none (or no demo accounts) nothing is added. Loaded once: a second run
// finds inquiries and changes nothing. All names are fictional.
import { and, asc, eq, gte, isNull, or } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import type { Database } from '../db/client.ts';
import { inTransaction } from '../db/tx.ts';
import { accounts, inquiries, inquiryMessages, wishSheets } from '../db/schema.ts';
import { writeAudit } from '../platform/audit.ts';
import { systemContext } from '../platform/context.ts';
import { todayInJapan } from '../platform/time.ts';

const DAY = 86_400_000;

type Sheet = { id: number; kind: string; organisationId: number | null; companyId: number | null };
type Account = { id: number; organisationId: number | null; companyId: number | null };

type Thread = {
  sheet: Sheet;
  asker: Account;
  subject: string;
  question: string;
  createdDaysAgo: number;
  forward?: { daysAgo: number; note?: string };
  answer?: { daysAgo: number; body: string };
  exchange?: { daysAgo: number };
  close?: { daysAgo: number; message: string };
};

export async function loadDemoInquiries(database: Database, now = Date.now()): Promise<number> {
  const at = (daysAgo: number, hour = 10) => new Date(now - daysAgo * DAY + (hour - 12) * 3_600_000).toISOString();
  return inTransaction(database.db, async (tx) => {
    if ((await tx.select({ id: inquiries.id }).from(inquiries).limit(1)).length) return 0;
    const account = async (email: string): Promise<Account | undefined> =>
      (await tx.select({ id: accounts.id, organisationId: accounts.organisationId, companyId: accounts.companyId }).from(accounts).where(eq(accounts.email, email)).limit(1))[0];
    const companyHr = await account('company-hr@demo.koryu.jp');
    const metiHr = await account('meti-hr@demo.koryu.jp');
    const center = await account('center@demo.koryu.jp');
    if (!companyHr || !metiHr || !center) return 0;

    const today = todayInJapan(now);
    const sheets: Sheet[] = await tx
      .select({ id: wishSheets.id, kind: wishSheets.kind, organisationId: wishSheets.organisationId, companyId: wishSheets.companyId })
      .from(wishSheets)
      .where(and(eq(wishSheets.status, 'published'), or(isNull(wishSheets.expiresOn), gte(wishSheets.expiresOn, today))))
      .orderBy(asc(wishSheets.id))
      .limit(500);
    const ministrySheets = sheets.filter((s) => s.kind !== 'company');
    const companySheets = sheets.filter((s) => s.kind === 'company');
    const metiSheets = ministrySheets.filter((s) => s.organisationId === metiHr.organisationId);
    const otherMinistrySheets = ministrySheets.filter((s) => s.organisationId !== metiHr.organisationId);
    const ownCompanySheets = companySheets.filter((s) => s.companyId === companyHr.companyId);
    const otherCompanySheets = companySheets.filter((s) => s.companyId !== companyHr.companyId);

    /** An HR account of the sheet's owner (the demo accounts first), to answer and agree. */
    const ownerAccount = async (s: Sheet): Promise<Account | undefined> => {
      if (s.companyId === companyHr.companyId) return companyHr;
      if (s.organisationId !== null && s.organisationId === metiHr.organisationId) return metiHr;
      const where = s.companyId !== null ? and(eq(accounts.role, 'company_hr'), eq(accounts.companyId, s.companyId)) : and(eq(accounts.role, 'ministry_hr'), eq(accounts.organisationId, s.organisationId!));
      return (await tx.select({ id: accounts.id, organisationId: accounts.organisationId, companyId: accounts.companyId }).from(accounts).where(and(where, eq(accounts.status, 'active'))).orderBy(asc(accounts.id)).limit(1))[0];
    };

    const threads: Thread[] = [];
    const metiOrAny = metiSheets[0] ?? otherMinistrySheets[0];
    if (metiOrAny) {
      // The company's question follows what the ministry wants: to hire from companies, or to dispatch its officials.
      const hire = metiOrAny.kind === 'ministry_hire';
      threads.push({
        sheet: metiOrAny,
        asker: companyHr,
        subject: hire ? '交流採用の受入れ部署と業務内容について' : '交流派遣の受入れについて',
        question: hire
          ? '当社経営企画部の社員（30歳代、データ分析の実務経験5年）を交流採用で送り出すことを検討しています。想定されている業務の具体的な内容と、開始時期の幅を教えてください。'
          : '当社のデジタル推進部で、貴省の職員の方を交流派遣として受け入れることを検討しています。経験していただきたい業務分野と、派遣の時期・期間の幅を教えてください。',
        createdDaysAgo: 20,
        forward: { daysAgo: 19, note: '先週の説明会で関心を示された企業です。ご対応をお願いします。' },
        answer: {
          daysAgo: 15,
          body: hire
            ? 'お問合せありがとうございます。統計データを用いた政策効果の分析と、関係事業者へのヒアリングを担当いただく想定です。開始は来年4月又は7月を考えています。詳細は直接ご相談させてください。'
            : 'お問合せありがとうございます。係長級の職員1名について、データ分析を用いた新規事業の企画を経験させたいと考えています。来年4月から2年間を想定しています。詳細は直接ご相談させてください。',
        },
        exchange: { daysAgo: 12 },
      });
    }
    const elsewhere = otherMinistrySheets[0] ?? metiSheets[1];
    if (elsewhere) {
      threads.push({
        sheet: elsewhere,
        asker: companyHr,
        subject: '派遣期間と開始時期の調整について',
        question: '掲載されている期間より短い1年半での交流は可能でしょうか。当社の事業年度の都合上、10月開始を希望しています。',
        createdDaysAgo: 12,
        forward: { daysAgo: 10 },
      });
    }
    const toCompany = ownCompanySheets[0] ?? otherCompanySheets[0];
    if (toCompany) {
      threads.push({
        sheet: toCompany,
        asker: metiHr,
        subject: '受入れ可能な部署の業務について',
        question: '掲載されている受入れ部署での業務について、職員が担当する案件の規模と、出張の頻度を教えてください。課長補佐級の職員1名の派遣を検討しています。',
        createdDaysAgo: 8,
        forward: { daysAgo: 7 },
        answer: { daysAgo: 5, body: '新規事業の立上げ案件（数千万円規模）を2〜3件担当いただく想定です。出張は月に1〜2回程度です。' },
      });
    }
    const newest = otherCompanySheets.find((s) => s !== toCompany) ?? ownCompanySheets.find((s) => s !== toCompany);
    if (newest) {
      threads.push({
        sheet: newest,
        asker: metiHr,
        subject: '交流派遣の受入れ条件について',
        question: '当省の係長級職員の派遣先として関心があります。勤務地と、在宅勤務の可否を教えてください。',
        createdDaysAgo: 1,
      });
    }
    if (metiOrAny) {
      threads.push({
        sheet: metiOrAny,
        asker: companyHr,
        subject: '応募手続の流れについて',
        question: 'このシートへの応募に当たり、人事院の公募への応募は先に済ませておく必要がありますか。',
        createdDaysAgo: 40,
        close: { daysAgo: 38, message: '公募への応募は並行して進めていただけます。手続の詳細は人事院のページをご覧ください。ご質問の内容が一般的な手続に関するものでしたので、窓口で回答し、終了とします。' },
      });
    }

    for (const th of threads) await insertThread(tx, th, center, await ownerAccount(th.sheet), at);
    await writeAudit(tx, { ...systemContext('demo-load'), ip: 'cli' }, { action: 'demo.inquiries', recordType: 'demo', after: { inquiries: threads.length } });
    return threads.length;
  });
}

async function insertThread(tx: Executor, th: Thread, center: Account, owner: Account | undefined, at: (daysAgo: number, hour?: number) => string): Promise<void> {
  const forwarded = th.forward !== undefined;
  const answered = forwarded && th.answer !== undefined && owner !== undefined;
  const exchanged = answered && th.exchange !== undefined;
  const status = th.close ? 'closed' : exchanged ? 'contact_exchanged' : answered ? 'answered' : forwarded ? 'forwarded' : 'open';
  const last = th.close?.daysAgo ?? th.exchange?.daysAgo ?? th.answer?.daysAgo ?? th.forward?.daysAgo ?? th.createdDaysAgo;
  const id = (
    await tx
      .insert(inquiries)
      .values({
        sheetId: th.sheet.id,
        askerAccountId: th.asker.id,
        askerOrganisationId: th.asker.companyId === null ? th.asker.organisationId : null,
        askerCompanyId: th.asker.companyId,
        subject: th.subject,
        status,
        forwardedAt: forwarded ? at(th.forward!.daysAgo) : null,
        answeredAt: answered ? at(th.answer!.daysAgo) : null,
        askerAgreedAt: exchanged ? at(th.exchange!.daysAgo, 11) : null,
        askerAgreedBy: exchanged ? th.asker.id : null,
        ownerAgreedAt: exchanged ? at(th.exchange!.daysAgo, 9) : null,
        ownerAgreedBy: exchanged ? owner!.id : null,
        closedAt: th.close ? at(th.close.daysAgo, 15) : null,
        lastActivityAt: at(last, 15),
        createdAt: at(th.createdDaysAgo, 9),
        updatedAt: at(last, 15),
      })
      .returning({ id: inquiries.id })
  )[0]!.id;
  const m: (typeof inquiryMessages.$inferInsert)[] = [{ inquiryId: id, authorAccountId: th.asker.id, authorSide: 'asker', audience: 'all', body: th.question, createdAt: at(th.createdDaysAgo, 9) }];
  if (forwarded) {
    m.push({ inquiryId: id, authorAccountId: center.id, authorSide: 'system', audience: 'all', body: 'forwarded:center', createdAt: at(th.forward!.daysAgo) });
    if (th.forward!.note) m.push({ inquiryId: id, authorAccountId: center.id, authorSide: 'center', audience: 'owner', body: th.forward!.note, createdAt: at(th.forward!.daysAgo) });
  }
  if (answered) m.push({ inquiryId: id, authorAccountId: owner!.id, authorSide: 'owner', audience: 'all', body: th.answer!.body, createdAt: at(th.answer!.daysAgo) });
  if (exchanged) {
    m.push({ inquiryId: id, authorAccountId: owner!.id, authorSide: 'system', audience: 'all', body: 'agreed:owner', createdAt: at(th.exchange!.daysAgo, 9) });
    m.push({ inquiryId: id, authorAccountId: th.asker.id, authorSide: 'system', audience: 'all', body: 'agreed:asker', createdAt: at(th.exchange!.daysAgo, 11) });
    m.push({ inquiryId: id, authorAccountId: th.asker.id, authorSide: 'system', audience: 'all', body: 'contacts_exchanged:asker', createdAt: at(th.exchange!.daysAgo, 11) });
  }
  if (th.close) {
    m.push({ inquiryId: id, authorAccountId: center.id, authorSide: 'center', audience: 'asker', body: th.close.message, createdAt: at(th.close.daysAgo, 14) });
    m.push({ inquiryId: id, authorAccountId: center.id, authorSide: 'system', audience: 'all', body: 'closed:center', createdAt: at(th.close.daysAgo, 15) });
  }
  await tx.insert(inquiryMessages).values(m);
}
