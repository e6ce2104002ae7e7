// 取決め書(案): the draft agreement between the ministry (甲) and the company (乙) that goes to the
// NPA with the input-support sheet (seed 001, 官民人事交流の利用の流れ: the NPA publishes a model
// on its site). Generated from the case's facts: parties, person, period, duties, pay, hours and
// leave, welfare, duty constraints, signature blocks. A draft to be reviewed and signed on paper,
// not a legal instrument by itself.
//
// The facts are a subset of the input-support sheet's shape, so a parsed sheet can be passed with
// `{ ...sheet, welfareRows, caseReference }`.
import { dutyConstraintKeys, sheetFieldLabels, type InputSheet } from '../../../../../common/src/schemas/exchange-sheet.schema.ts';
import { formatYen, isoOfDate, JapaneseDocument, periodLength, warekiDate, type RenderOptions } from './pdf.ts';

/** One row of the welfare applicability summary (福利厚生制度等の適用関係) for the case's type. */
export type WelfareRow = { label: string; text: string };

export type AgreementFacts = {
  caseReference?: string; // 事案番号
  direction: InputSheet['direction'];
  hireType?: InputSheet['hireType'];
  ministry: InputSheet['ministry'] & { appointer?: string }; // 任命権者 (e.g. 経済産業大臣)
  company: InputSheet['company'] & { address?: string; representative?: string }; // 所在地, 代表者
  person: Pick<InputSheet['person'], 'familyName' | 'givenName'> & Partial<Pick<InputSheet['person'], 'familyNameKana' | 'givenNameKana' | 'birthDate'>>;
  period: Pick<InputSheet['period'], 'start' | 'end'>;
  duties: Pick<InputSheet['duties'], 'description'> & Partial<Pick<InputSheet['duties'], 'purpose'>>;
  pay: InputSheet['pay'];
  hours: InputSheet['hours'];
  welfare?: { notes?: string };
  /** The welfare applicability summary for this type of exchange, in Japanese. */
  welfareRows: WelfareRow[];
  /** Duty constraints to print; by default the standard ones of the direction. */
  dutyConstraints?: string[];
};

const hireTypeJa = { continued: '雇用継続型', resigned: '退職型' } as const;

export function exchangeKindJa(direction: AgreementFacts['direction'], hireType?: AgreementFacts['hireType']): string {
  if (direction === 'dispatch') return '交流派遣';
  return hireType ? `交流採用（${hireTypeJa[hireType]}）` : '交流採用';
}

const fullName = (p: AgreementFacts['person']) => `${p.familyName}　${p.givenName}`;
const kanaName = (p: AgreementFacts['person']) =>
  p.familyNameKana || p.givenNameKana ? `${p.familyNameKana ?? ''}　${p.givenNameKana ?? ''}`.trim() : undefined;

export const lawName = '国と民間企業との間の人事交流に関する法律（平成11年法律第224号）';

/** The draft agreement as a PDF. */
export async function renderAgreementPdf(facts: AgreementFacts, opts: RenderOptions): Promise<Buffer> {
  const kind = exchangeKindJa(facts.direction, facts.hireType);
  const dispatch = facts.direction === 'dispatch';
  const staff = dispatch ? '交流派遣職員' : '交流採用職員';
  const w = new JapaneseDocument(
    { title: '取決め書（案）', subject: `${kind}に関する取決め書（案）${facts.caseReference ? ` ${facts.caseReference}` : ''}`, keywords: '官民人事交流, 取決め書' },
    opts,
  );
  const ministryParty = facts.ministry.appointer ?? facts.ministry.name;

  w.right(`作成日　${warekiDate(isoOfDate(opts.createdAt))}`, 9.5);
  if (facts.caseReference) w.right(`事案番号　${facts.caseReference}`, 9.5);
  w.space(10);
  w.title('取決め書（案）');
  w.paragraph(`${kind}に関する取決め書`, { align: 'center', size: 12 });
  w.space(6);

  w.paragraph(
    `${ministryParty}（以下「甲」という。）と${facts.company.name}（以下「乙」という。）とは、${lawName}（以下「法」という。）に基づく${
      dispatch ? '交流派遣' : '交流採用'
    }に関し、次のとおり取り決める。`,
  );

  w.heading('第1条（当事者及び交流する者）');
  const kana = kanaName(facts.person);
  w.table([
    { label: '甲（府省等）', value: `${facts.ministry.name}\n${facts.ministry.unit}` },
    { label: dispatch ? '甲における官職' : '採用後の官職', value: facts.ministry.postTitle },
    {
      label: dispatch ? '乙（派遣先）' : '乙（出身企業）',
      value: `${facts.company.name}（法人番号 ${facts.company.corporateNumber}）${facts.company.address ? `\n${facts.company.address}` : ''}`,
    },
    { label: dispatch ? '派遣先の部署・役職' : '出身の部署・役職', value: [facts.company.division, facts.company.postTitle].filter(Boolean).join('　') },
    { label: '交流する者の氏名', value: kana ? `${fullName(facts.person)}（${kana}）` : fullName(facts.person) },
    ...(facts.person.birthDate ? [{ label: '生年月日', value: warekiDate(facts.person.birthDate) }] : []),
    { label: '交流の種別', value: kind },
  ]);

  w.heading('第2条（交流の期間）');
  const len = periodLength(facts.period.start, facts.period.end);
  w.paragraph(
    `${dispatch ? '交流派遣' : '交流採用'}の期間は、${warekiDate(facts.period.start)}から${warekiDate(facts.period.end)}まで${
      len ? `（${len}）` : ''
    }とする。ただし、甲乙協議の上、法の定めるところにより、人事院の承認を得て延長することができる。`,
  );

  w.heading('第3条（目的及び業務内容）');
  w.table([
    ...(facts.duties.purpose ? [{ label: '交流の目的', value: facts.duties.purpose }] : []),
    { label: dispatch ? '乙において従事する業務' : '甲において従事する業務', value: facts.duties.description },
  ]);

  w.heading('第4条（給与）');
  w.paragraph(
    dispatch
      ? `乙は、${staff}に対し、乙の給与に関する規程に基づき、次のとおり給与を支給する。甲は、交流派遣の期間中、${staff}に給与を支給しない。`
      : `${staff}の給与は、一般職の職員の給与に関する法律等に基づき国が支給する。乙は、交流採用の期間中、${staff}に対し、給与その他いかなる名目の報酬も支給しない。`,
  );
  w.table([
    { label: '給与月額', value: formatYen(facts.pay.monthlySalaryYen) },
    ...(facts.pay.allowances ? [{ label: '諸手当', value: facts.pay.allowances }] : []),
    ...(facts.pay.bonus ? [{ label: '賞与', value: facts.pay.bonus }] : []),
    { label: '支給者', value: facts.pay.payer === 'company' ? `乙（${facts.company.name}）` : '国' },
  ]);

  w.heading('第5条（勤務時間及び休暇）');
  w.table([
    { label: '勤務時間', value: facts.hours.workingHours },
    ...(facts.hours.holidays ? [{ label: '休日', value: facts.hours.holidays }] : []),
    { label: '年次休暇', value: `年${facts.hours.annualLeaveDays}日` },
  ]);

  w.heading('第6条（福利厚生）');
  w.paragraph(`${staff}に対する社会保険その他の福利厚生制度等の適用は、次のとおりとする。`);
  if (facts.welfareRows.length) w.table(facts.welfareRows.map((r) => ({ label: r.label, value: r.text })));
  if (facts.welfare?.notes) w.table([{ label: '特記事項', value: facts.welfare.notes }]);

  w.heading('第7条（服務）');
  const constraints = facts.dutyConstraints ?? dutyConstraintKeys[facts.direction].map((k) => sheetFieldLabels[`constraints.${k}`]!.ja);
  w.paragraph(`甲及び乙は、${staff}が次の事項を遵守するよう、相互に協力する。`);
  w.numbered(constraints);

  w.heading('第8条（協議）');
  w.paragraph('この取決めに定めのない事項及びこの取決めの解釈について疑義が生じた事項は、法その他の関係法令に従い、甲乙協議の上定める。');

  // The closing words, the date line and the signatures stay together on one page.
  w.space(8);
  w.ensureSpace(90 + JapaneseDocument.signaturesHeight(3));
  w.paragraph('この取決めの成立を証するため、本書2通を作成し、甲乙記名押印の上、各自1通を保有する。');
  w.space(4);
  w.paragraph('令和　　年　　月　　日', { indent: 24 });
  w.space(6);
  w.signatures([
    {
      role: '甲',
      lines: [
        { label: '府省等', value: facts.ministry.name },
        { label: '任命権者', value: facts.ministry.appointer ?? '' },
        { label: '職・氏名', value: '' },
      ],
    },
    {
      role: '乙',
      lines: [
        { label: '名称', value: facts.company.name },
        { label: '所在地', value: facts.company.address ?? '' },
        { label: '代表者', value: facts.company.representative ?? '' },
      ],
    },
  ]);
  return w.end(`取決め書（案）${facts.caseReference ? `　${facts.caseReference}` : ''}`);
}
