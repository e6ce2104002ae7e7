// Demo data for the public call (公募・応募・名簿) and consultations (事前相談), added by
// `koryu demo load` and `start --demo` after the demo accounts: a roster of accepted applicants
// (stock companies with an industry and a prefecture), two applications awaiting review (one from an
// 独立行政法人, which the NPA cannot accept), one returned with its reason, and a consultation between
// the demo company and METI. The demo company itself has no application, so its HR can apply.
// Loaded once: a second run finds applications and changes nothing. All names are fictional.
import { and, asc, eq, isNotNull, ne, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { inTransaction } from '../db/tx.ts';
import { accounts, callApplications, companies, consultationMessages, consultations, organisations } from '../db/schema.ts';
import { writeAudit } from '../platform/audit.ts';
import { systemContext } from '../platform/context.ts';

const DAY = 86_400_000;
const daysAgo = (n: number, now: number) => new Date(now - n * DAY).toISOString();

type Wish = { dispatch: boolean; hire: boolean; divisions: string; conditions: string };
const wishes: Wish[] = [
  { dispatch: true, hire: true, divisions: '経営企画部、研究開発本部', conditions: '期間は2年程度。交流派遣は政策立案の経験者を希望。' },
  { dispatch: true, hire: false, divisions: 'デジタル推進部', conditions: '行政のデジタル化に知見のある職員の受入れを希望。4月開始。' },
  { dispatch: false, hire: true, divisions: '海外事業部', conditions: '通商政策に関わる部署への送り出しを希望。期間は2〜3年。' },
  { dispatch: true, hire: true, divisions: '環境・エネルギー事業本部', conditions: '脱炭素関連の政策・事業に関わる交流を希望。' },
  { dispatch: false, hire: true, divisions: '人事部、法務部', conditions: '若手社員の育成の機会として、府省等での勤務を希望。' },
  { dispatch: true, hire: false, divisions: '地域創生事業部', conditions: '地方支分部局との交流も可。期間は1〜2年。' },
];

/** Adds the demo applications and consultation unless there are applications already; returns how many it added. */
export async function loadDemoPublicCall(database: Database, now = Date.now()): Promise<number> {
  return inTransaction(database.db, async (tx) => {
    const existing = await tx.select({ id: callApplications.id }).from(callApplications).limit(1);
    if (existing.length) return 0;
    const accountId = async (email: string) => (await tx.select({ id: accounts.id, companyId: accounts.companyId }).from(accounts).where(eq(accounts.email, email)).limit(1))[0];
    const npa = await accountId('npa@demo.koryu.jp');
    const companyHr = await accountId('company-hr@demo.koryu.jp');
    const metiHr = await accountId('meti-hr@demo.koryu.jp');
    const demoCompany = companyHr?.companyId ?? -1;

    // Stock companies with an industry and a prefecture, other than the demo company, spread over industries.
    const candidates = await tx
      .select({ id: companies.id })
      .from(companies)
      .where(
        and(
          eq(companies.status, 'active'),
          eq(companies.legalTypeCode, 'kabushiki_kaisha'),
          isNotNull(companies.industryCode),
          isNotNull(companies.prefectureCode),
          ne(companies.id, demoCompany),
        ),
      )
      .orderBy(sql`${companies.industryCode}`, asc(companies.id))
      .limit(400);
    const step = Math.max(1, Math.floor(candidates.length / 9));
    const picked = candidates.filter((_, i) => i % step === 0).slice(0, 9);
    if (picked.length < 4) return 0;

    const contact = (i: number) => ({ contactName: `人事部 交流担当${i + 1}`, contactEmail: `koryu-${i + 1}@example.jp`, contactPhone: `03-5000-${String(1000 + i).slice(-4)}` });
    const rows: (typeof callApplications.$inferInsert)[] = [];
    picked.forEach((c, i) => {
      const w = wishes[i % wishes.length]!;
      const base = { companyId: c.id, wantsDispatch: w.dispatch, wantsHire: w.hire, divisions: w.divisions, conditions: w.conditions, ...contact(i) };
      if (i < picked.length - 3) {
        // Accepted over the past year, one every few weeks.
        rows.push({ ...base, status: 'accepted', submittedAt: daysAgo(30 + i * 40 + 14, now), decidedAt: daysAgo(30 + i * 40, now), decidedBy: npa?.id ?? null });
      } else if (i === picked.length - 3) {
        rows.push({
          ...base,
          status: 'returned',
          returnReason: '連絡先のメールアドレスに届きませんでした。正しい連絡先で再度応募してください。',
          submittedAt: daysAgo(20, now),
          decidedAt: daysAgo(18, now),
          decidedBy: npa?.id ?? null,
        });
      } else {
        rows.push({ ...base, status: 'submitted', submittedAt: daysAgo(picked.length - i, now) });
      }
    });
    // An 独立行政法人 (outside the scheme, see demo-criteria.ts) applies too: the NPA cannot accept it.
    const agency = (
      await tx
        .select({ id: companies.id })
        .from(companies)
        .where(and(eq(companies.status, 'active'), eq(companies.legalTypeCode, 'incorporated_administrative_agency')))
        .orderBy(asc(companies.id))
        .limit(1)
    )[0];
    if (agency) rows.push({ companyId: agency.id, wantsDispatch: true, wantsHire: true, divisions: '企画部', conditions: '研究職の交流を希望。', ...contact(picked.length), status: 'submitted', submittedAt: daysAgo(1, now) });
    await tx.insert(callApplications).values(rows);

    // A consultation between the demo company and METI, answered once.
    const meti = (await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.nameJa, '経済産業省')).limit(1))[0];
    let consultationId: number | null = null;
    if (meti && companyHr?.companyId) {
      consultationId = (
        await tx
          .insert(consultations)
          .values({ companyId: companyHr.companyId, organisationId: meti.id, subject: '交流採用の受入れ時期について', status: 'open', createdBy: companyHr.id, createdAt: daysAgo(6, now), updatedAt: daysAgo(5, now) })
          .returning({ id: consultations.id })
      )[0]!.id;
      await tx.insert(consultationMessages).values([
        {
          consultationId,
          authorAccountId: companyHr.id,
          authorRole: 'company_hr',
          body: '来年4月から、当社の若手社員1名を交流採用で送り出すことを検討しています。受入れの可能性と、準備を始める時期を教えてください。',
          createdAt: daysAgo(6, now),
        },
        {
          consultationId,
          authorAccountId: metiHr?.id ?? null,
          authorRole: 'ministry_hr',
          body: 'ご相談ありがとうございます。4月開始の場合、10月末までに受入れ部署との調整を始めるのが目安です。人事院の公募への応募も併せてお願いします。',
          createdAt: daysAgo(5, now),
        },
      ]);
    }
    await writeAudit(tx, { ...systemContext('demo-load'), ip: 'cli' }, { action: 'demo.public_call', recordType: 'demo', after: { applications: rows.length, consultationId } });
    return rows.length;
  });
}
