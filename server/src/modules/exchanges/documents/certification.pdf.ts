// 認定通知: the NPA's notice to the ministry that the plan of the exchange (人事交流の実施に関する
// 計画) was certified (seed 001: 計画の「認定」; PRODUCT.md §3 lifecycle). An official-letter
// layout: number and date top right, addressee, sender, subject, body, 記 with the case's facts,
// 以上, and the NPA's contact.
import { exchangeKindJa, lawName } from './agreement.pdf.ts';
import { JapaneseDocument, periodLength, warekiDate, type RenderOptions } from './pdf.ts';
import type { InputSheet } from '../../../../../common/src/schemas/exchange-sheet.schema.ts';

export type CertificationFacts = {
  caseReference: string; // 事案番号
  documentNumber?: string; // 文書番号 (e.g. 人企－123); the case reference when absent
  certifiedOn: string; // 認定日 (ISO)
  appliedOn?: string; // 申請日 (ISO)
  direction: InputSheet['direction'];
  hireType?: InputSheet['hireType'];
  ministry: Pick<InputSheet['ministry'], 'name' | 'unit'> & Partial<Pick<InputSheet['ministry'], 'postTitle'>> & { appointer?: string };
  company: Pick<InputSheet['company'], 'name' | 'corporateNumber' | 'division'>;
  person: Pick<InputSheet['person'], 'familyName' | 'givenName'>;
  period: Pick<InputSheet['period'], 'start' | 'end'>;
  /** Sender and contact; the defaults are the NPA's exchange desk as the seed gives it. */
  issuer?: string;
  contact?: string[];
};

export const defaultIssuer = '人事院';
export const defaultContact = ['人事院人材局企画課（官民人事交流担当）', 'TEL 03-3581-0755', 'E-mail kanmin-kouryuu@jinji.go.jp'];

/** The certification notice as a PDF. */
export async function renderCertificationPdf(facts: CertificationFacts, opts: RenderOptions): Promise<Buffer> {
  const kind = exchangeKindJa(facts.direction, facts.hireType);
  const subject = '人事交流の実施に関する計画の認定について（通知）';
  const w = new JapaneseDocument({ title: subject, subject: `${kind} ${facts.caseReference}`, keywords: '官民人事交流, 認定通知' }, opts);

  w.right(facts.documentNumber ?? facts.caseReference);
  w.right(warekiDate(facts.certifiedOn));
  w.space(14);
  w.paragraph(facts.ministry.appointer ? `${facts.ministry.appointer}　殿` : `${facts.ministry.name}　御中`, { size: 11.5 });
  w.space(6);
  w.right(facts.issuer ?? defaultIssuer, 11.5);
  w.space(22);
  w.title(subject, 14);
  w.space(10);
  w.paragraph(
    `${facts.appliedOn ? `${warekiDate(facts.appliedOn)}付けで申請` : '申請'}のあった下記の${kind}に係る人事交流の実施に関する計画について、${lawName}に基づき、${warekiDate(
      facts.certifiedOn,
    )}付けで認定したので通知します。`,
  );
  w.space(8);
  w.paragraph('記', { align: 'center', size: 11.5 });
  w.space(4);
  const len = periodLength(facts.period.start, facts.period.end);
  w.table(
    [
      { label: '事案番号', value: facts.caseReference },
      { label: '交流の種別', value: kind },
      { label: '府省等', value: `${facts.ministry.name}　${facts.ministry.unit}` },
      ...(facts.ministry.postTitle ? [{ label: '官職', value: facts.ministry.postTitle }] : []),
      { label: '民間企業等', value: `${facts.company.name}（法人番号 ${facts.company.corporateNumber}）` },
      { label: '部署', value: facts.company.division },
      { label: '交流する者', value: `${facts.person.familyName}　${facts.person.givenName}` },
      { label: '交流の期間', value: `${warekiDate(facts.period.start)}から${warekiDate(facts.period.end)}まで${len ? `（${len}）` : ''}` },
      { label: '認定日', value: warekiDate(facts.certifiedOn) },
    ],
    { labelWidth: 100 },
  );
  w.paragraph('計画の内容に変更が生じる場合は、あらかじめ人事院に御相談ください。');
  w.right('以上');
  w.space(30);
  const contact = facts.contact ?? defaultContact;
  w.paragraph(['（連絡先）', ...contact].join('\n'), { size: 9.5, indent: w.width * 0.45 });
  return w.end(`認定通知　${facts.caseReference}`);
}
