import { z } from 'zod';
import { corporateNumberSchema } from './companies.schema.ts';
import { criteriaDate, directionSchema } from './criteria.schema.ts';

// 入力支援シート (input-support sheet): what a ministry submits to the NPA for one exchange case,
// with the draft agreement (取決め書(案)), at least a month before the planned start (seed 001,
// 官民人事交流の利用の流れ). One schema serves the xlsx the ministry downloads and uploads
// (server/src/modules/exchanges/documents/input-sheet.ts) and the on-screen form; the field list,
// labels, hints and choice labels below drive both.
//
// Messages are keys of common/src/messages.ts (fieldMessages), resolved to ja/en by the server
// and the web app.

export type Bilingual = { ja: string; en: string };

const wellFormed = (s: string): boolean =>
  (s as string & { isWellFormed(): boolean }).isWellFormed() && !s.includes('\u0000');

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: 'text.required' })
    .max(max)
    .refine(wellFormed, { message: 'text.invalid_characters' });
const optionalText = (max: number) =>
  z.string().trim().max(max).refine(wellFormed, { message: 'text.invalid_characters' }).optional();

// Readings of names: katakana (hiragana and half-width kana are folded to it), spaces and ・ー.
const kana = z
  .string()
  .trim()
  .min(1, { message: 'text.required' })
  .max(100)
  .transform((s) => s.normalize('NFKC').replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60)))
  .refine((s) => /^[\u30A1-\u30FA\u30FC\u30FB\s]+$/u.test(s), { message: 'kana.format' });

const email = z.string().trim().toLowerCase().max(254).pipe(z.email({ message: 'email.format' }));

// Japanese phone numbers as people write them: 03-3581-0755, (03)3581-0755, +81-3-…, full width.
const phone = z
  .string()
  .trim()
  .max(40)
  .transform((s) => s.normalize('NFKC').replace(/[‐－—–]/g, '-'))
  .refine((s) => /^\+?[0-9][0-9\-() ]{7,24}[0-9]$/.test(s) && (s.match(/[0-9]/g)?.length ?? 0) >= 9, {
    message: 'phone.format',
  });

const yen = z
  .number({ message: 'integer.nonnegative' })
  .int({ message: 'integer.nonnegative' })
  .min(0, { message: 'integer.nonnegative' })
  .max(1_000_000_000);

export const sheetHireTypeSchema = z.enum(['continued', 'resigned']); // 雇用継続型 / 退職型
export const payerSchema = z.enum(['company', 'state']); // 民間企業等 / 国

// 服務 constraints each side acknowledges (PRODUCT.md §4.8; seed 001 Q&A). Keys per direction.
export const dutyConstraintKeys = {
  dispatch: ['dispatchNoLobbying', 'dispatchConfidentiality', 'dispatchReturn'],
  hire: ['hireNoHomeCompanyBusiness', 'hireNoLicensingPost', 'hireNoPayFromHomeCompany'],
} as const;
export type DutyConstraintKey = (typeof dutyConstraintKeys)[keyof typeof dutyConstraintKeys][number];

const constraintsShape = Object.fromEntries(
  [...dutyConstraintKeys.dispatch, ...dutyConstraintKeys.hire].map((k) => [k, z.boolean().optional()]),
) as Record<DutyConstraintKey, z.ZodOptional<z.ZodBoolean>>;

const contact = z.strictObject({
  name: text(100),
  department: optionalText(200),
  email,
  phone,
});

const baseSchema = z.strictObject({
  direction: directionSchema, // 交流派遣 / 交流採用
  hireType: sheetHireTypeSchema.optional(), // only for a hire
  period: z.strictObject({
    start: criteriaDate,
    end: criteriaDate,
    extension: z.boolean().optional(), // 延長: the term may then reach the overall limit (5 years)
  }),
  ministry: z.strictObject({
    name: text(100), // 府省等名
    unit: text(200), // 部局・課等
    postTitle: text(200), // 官職 (the official's post for a dispatch; the post offered for a hire)
  }),
  company: z.strictObject({
    name: text(200),
    corporateNumber: corporateNumberSchema, // 法人番号
    division: text(200), // 部署 (host division for a dispatch; home division for a hire)
    postTitle: optionalText(200), // 役職
  }),
  person: z.strictObject({
    familyName: text(50),
    givenName: text(50),
    familyNameKana: kana,
    givenNameKana: kana,
    birthDate: criteriaDate,
  }),
  duties: z.strictObject({
    purpose: text(2000), // 交流の目的
    description: text(2000), // 業務内容 at the host
    selectionReason: text(2000), // 人選・ポストの選定理由
  }),
  pay: z.strictObject({
    monthlySalaryYen: yen, // 月額給与
    bonus: optionalText(500), // 賞与
    allowances: optionalText(500), // 諸手当
    payer: payerSchema, // 給与の支給者
  }),
  hours: z.strictObject({
    workingHours: text(300), // 勤務時間
    holidays: optionalText(300), // 休日
    annualLeaveDays: z
      .number({ message: 'exchange_sheet.leave_days_range' })
      .int({ message: 'exchange_sheet.leave_days_range' })
      .min(0, { message: 'exchange_sheet.leave_days_range' })
      .max(40, { message: 'exchange_sheet.leave_days_range' }), // 年次休暇（日）
  }),
  welfare: z.strictObject({
    notes: optionalText(2000), // 福利厚生に関する特記事項
  }),
  constraints: z.strictObject(constraintsShape),
  contacts: z.strictObject({
    ministry: contact, // 府省等の人事担当者
    company: contact, // 民間企業等の人事担当者
  }),
});

type BaseSheet = z.infer<typeof baseSchema>;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Last day of a period of `years` starting on `start` (民法第143条; as criteria/dates.ts periodEnd). */
export function sheetPeriodEnd(start: string, years: number): string {
  const y = +start.slice(0, 4) + years;
  const md = start.slice(5);
  if (md === '02-29' && !isLeap(y)) return `${pad(y, 4)}-02-28`;
  const t = new Date(Date.UTC(y, +start.slice(5, 7) - 1, +start.slice(8, 10) - 1));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/**
 * The term limits: 3 years in principle, 5 at most with an extension (官民人事交流法 第8条, 第19条第5項).
 * They are dated parameters on the server (duration.max_years, duration.max_total_years); the
 * server builds the schema with the values in force on the start date, and the workflow's guards
 * check again. The defaults are the values in force since 2000.
 */
export type SheetLimits = { maxYears: number; maxTotalYears: number };
export const defaultSheetLimits: SheetLimits = { maxYears: 3, maxTotalYears: 5 };

export function makeInputSheetSchema(limits: SheetLimits = defaultSheetLimits) {
  return baseSchema.superRefine((v: BaseSheet, ctx) => {
    if (v.direction === 'hire' && !v.hireType) {
      ctx.addIssue({ code: 'custom', message: 'exchange.hire_type_required', path: ['hireType'] });
    }
    if (v.direction === 'dispatch' && v.hireType) {
      ctx.addIssue({ code: 'custom', message: 'exchange.hire_type_dispatch', path: ['hireType'] });
    }
    // Refinements also run when a field failed a non-fatal check: compare only well-formed dates.
    const iso = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d);
    if (!iso(v.period.start) || !iso(v.period.end)) {
      // reported on the field itself
    } else if (v.period.end <= v.period.start) {
      ctx.addIssue({ code: 'custom', message: 'exchange_sheet.end_not_after_start', path: ['period', 'end'] });
    } else {
      const years = v.period.extension ? limits.maxTotalYears : limits.maxYears;
      if (v.period.end > sheetPeriodEnd(v.period.start, years)) {
        ctx.addIssue({
          code: 'custom',
          message: v.period.extension ? 'exchange_sheet.period_over_total_limit' : 'exchange_sheet.period_over_limit',
          path: ['period', 'end'],
        });
      }
    }
    if (iso(v.person.birthDate) && iso(v.period.start) && v.person.birthDate >= v.period.start) {
      ctx.addIssue({ code: 'custom', message: 'exchange_sheet.birth_date_after_start', path: ['person', 'birthDate'] });
    }
    // A dispatched official is paid by the host company, a hired employee by the state; a hire
    // may receive nothing from the home company (PRODUCT.md §4.8).
    const expectedPayer = v.direction === 'dispatch' ? 'company' : 'state';
    if (v.pay.payer !== expectedPayer) {
      ctx.addIssue({ code: 'custom', message: `exchange_sheet.payer_${v.direction}`, path: ['pay', 'payer'] });
    }
    for (const k of dutyConstraintKeys[v.direction]) {
      if (v.constraints[k] !== true) {
        ctx.addIssue({ code: 'custom', message: 'exchange_sheet.constraint_required', path: ['constraints', k] });
      }
    }
  });
}

export const inputSheetSchema = makeInputSheetSchema();
export type InputSheet = z.infer<typeof inputSheetSchema>;

type DeepPartial<T> = T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;
/** What a download is pre-filled with: any part of a sheet (Partial<InputSheet> is one). */
export type InputSheetPrefill = DeepPartial<InputSheet>;

// ---------------------------------------------------------------- fields, labels, hints

export type SheetFieldKind = 'enum' | 'date' | 'boolean' | 'integer' | 'text' | 'longText' | 'corporateNumber' | 'kana' | 'email' | 'phone';

export const sheetSections = {
  exchange: { ja: '1. 交流の概要', en: '1. The exchange' },
  ministry: { ja: '2. 府省等', en: '2. Ministry' },
  company: { ja: '3. 民間企業等', en: '3. Company' },
  person: { ja: '4. 交流する者', en: '4. The person' },
  duties: { ja: '5. 目的・業務内容', en: '5. Purpose and duties' },
  pay: { ja: '6. 給与', en: '6. Pay' },
  hours: { ja: '7. 勤務時間・休暇', en: '7. Working hours and leave' },
  welfare: { ja: '8. 福利厚生', en: '8. Welfare' },
  constraints: { ja: '9. 服務上の制約（確認）', en: '9. Duty constraints (acknowledged)' },
  contacts: { ja: '10. 連絡先', en: '10. Contacts' },
} as const satisfies Record<string, Bilingual>;
export type SheetSection = keyof typeof sheetSections;

export type SheetField = {
  path: string;
  section: SheetSection;
  kind: SheetFieldKind;
  required: boolean;
  /** Only for one direction (hire type, each side's duty constraints). */
  direction?: 'dispatch' | 'hire';
  options?: readonly string[];
};

const f = (
  path: string,
  section: SheetSection,
  kind: SheetFieldKind,
  required = true,
  extra: Partial<Pick<SheetField, 'direction' | 'options'>> = {},
): SheetField => ({ path, section, kind, required, ...extra });

/** Every field in sheet order. The xlsx has one row per entry; the form one input. */
export const sheetFields: readonly SheetField[] = [
  f('direction', 'exchange', 'enum', true, { options: directionSchema.options }),
  f('hireType', 'exchange', 'enum', false, { direction: 'hire', options: sheetHireTypeSchema.options }),
  f('period.start', 'exchange', 'date'),
  f('period.end', 'exchange', 'date'),
  f('period.extension', 'exchange', 'boolean', false),
  f('ministry.name', 'ministry', 'text'),
  f('ministry.unit', 'ministry', 'text'),
  f('ministry.postTitle', 'ministry', 'text'),
  f('company.name', 'company', 'text'),
  f('company.corporateNumber', 'company', 'corporateNumber'),
  f('company.division', 'company', 'text'),
  f('company.postTitle', 'company', 'text', false),
  f('person.familyName', 'person', 'text'),
  f('person.givenName', 'person', 'text'),
  f('person.familyNameKana', 'person', 'kana'),
  f('person.givenNameKana', 'person', 'kana'),
  f('person.birthDate', 'person', 'date'),
  f('duties.purpose', 'duties', 'longText'),
  f('duties.description', 'duties', 'longText'),
  f('duties.selectionReason', 'duties', 'longText'),
  f('pay.monthlySalaryYen', 'pay', 'integer'),
  f('pay.bonus', 'pay', 'text', false),
  f('pay.allowances', 'pay', 'text', false),
  f('pay.payer', 'pay', 'enum', true, { options: payerSchema.options }),
  f('hours.workingHours', 'hours', 'text'),
  f('hours.holidays', 'hours', 'text', false),
  f('hours.annualLeaveDays', 'hours', 'integer'),
  f('welfare.notes', 'welfare', 'longText', false),
  ...dutyConstraintKeys.dispatch.map((k) => f(`constraints.${k}`, 'constraints', 'boolean', false, { direction: 'dispatch' })),
  ...dutyConstraintKeys.hire.map((k) => f(`constraints.${k}`, 'constraints', 'boolean', false, { direction: 'hire' })),
  ...(['ministry', 'company'] as const).flatMap((side) => [
    f(`contacts.${side}.name`, 'contacts', 'text'),
    f(`contacts.${side}.department`, 'contacts', 'text', false),
    f(`contacts.${side}.email`, 'contacts', 'email'),
    f(`contacts.${side}.phone`, 'contacts', 'phone'),
  ]),
];

/** Field path → label, for the xlsx and the UI. */
export const sheetFieldLabels: Record<string, Bilingual> = {
  direction: { ja: '交流の種別', en: 'Type of exchange' },
  hireType: { ja: '交流採用の型', en: 'Type of hire' },
  'period.start': { ja: '交流開始予定日', en: 'Planned start' },
  'period.end': { ja: '交流終了予定日', en: 'Planned end' },
  'period.extension': { ja: '期間の延長（3年を超える場合）', en: 'Extension (term beyond 3 years)' },
  'ministry.name': { ja: '府省等名', en: 'Ministry or agency' },
  'ministry.unit': { ja: '部局・課等名', en: 'Bureau / division' },
  'ministry.postTitle': { ja: '官職名', en: 'Post (official title)' },
  'company.name': { ja: '民間企業等の名称', en: 'Company name' },
  'company.corporateNumber': { ja: '法人番号', en: 'Corporate number' },
  'company.division': { ja: '部署名', en: 'Division' },
  'company.postTitle': { ja: '役職', en: 'Position in the company' },
  'person.familyName': { ja: '氏名（氏）', en: 'Family name' },
  'person.givenName': { ja: '氏名（名）', en: 'Given name' },
  'person.familyNameKana': { ja: 'フリガナ（氏）', en: 'Family name (katakana)' },
  'person.givenNameKana': { ja: 'フリガナ（名）', en: 'Given name (katakana)' },
  'person.birthDate': { ja: '生年月日', en: 'Date of birth' },
  'duties.purpose': { ja: '交流の目的', en: 'Purpose of the exchange' },
  'duties.description': { ja: '交流先での業務内容', en: 'Duties at the host' },
  'duties.selectionReason': { ja: '人選及びポストの選定理由', en: 'Why this person and this post' },
  'pay.monthlySalaryYen': { ja: '給与月額（円）', en: 'Monthly salary (yen)' },
  'pay.bonus': { ja: '賞与', en: 'Bonus' },
  'pay.allowances': { ja: '諸手当', en: 'Allowances' },
  'pay.payer': { ja: '給与の支給者', en: 'Paid by' },
  'hours.workingHours': { ja: '勤務時間', en: 'Working hours' },
  'hours.holidays': { ja: '休日', en: 'Days off' },
  'hours.annualLeaveDays': { ja: '年次休暇（日数）', en: 'Annual leave (days)' },
  'welfare.notes': { ja: '福利厚生に関する特記事項', en: 'Welfare notes' },
  'constraints.dispatchNoLobbying': {
    ja: '派遣元府省等に対し、派遣先企業のための働きかけを行わないこと',
    en: 'Will not lobby the home ministry on the host company’s behalf',
  },
  'constraints.dispatchConfidentiality': {
    ja: '派遣中も国家公務員として職務上知り得た秘密を守ること',
    en: 'Keeps official secrets during the dispatch, as a national public employee',
  },
  'constraints.dispatchReturn': {
    ja: '派遣期間の満了後は派遣元府省等に復帰すること',
    en: 'Returns to the home ministry when the dispatch ends',
  },
  'constraints.hireNoHomeCompanyBusiness': {
    ja: '出身企業の事業又は事務に従事しないこと',
    en: 'Will not work on the home company’s business',
  },
  'constraints.hireNoLicensingPost': {
    ja: '出身企業に対する処分等を所掌するポストに就かないこと',
    en: 'Will not hold a post that handles licences or dispositions over the home company',
  },
  'constraints.hireNoPayFromHomeCompany': {
    ja: '出身企業から給与その他の報酬・利益を受けないこと',
    en: 'Will receive no pay or other benefit from the home company',
  },
  'contacts.ministry.name': { ja: '府省等担当者氏名', en: 'Ministry HR contact' },
  'contacts.ministry.department': { ja: '府省等担当者所属', en: 'Ministry contact’s office' },
  'contacts.ministry.email': { ja: '府省等担当者メールアドレス', en: 'Ministry contact e-mail' },
  'contacts.ministry.phone': { ja: '府省等担当者電話番号', en: 'Ministry contact phone' },
  'contacts.company.name': { ja: '企業人事担当者氏名', en: 'Company HR contact' },
  'contacts.company.department': { ja: '企業人事担当者所属', en: 'Company contact’s department' },
  'contacts.company.email': { ja: '企業人事担当者メールアドレス', en: 'Company contact e-mail' },
  'contacts.company.phone': { ja: '企業人事担当者電話番号', en: 'Company contact phone' },
};

/** Field path → how to fill it in. */
export const sheetFieldHints: Record<string, Bilingual> = {
  direction: { ja: '一覧から選択してください。', en: 'Choose from the list.' },
  hireType: { ja: '交流採用の場合のみ選択してください。', en: 'For a hire only.' },
  'period.start': { ja: '例: 2026-04-01（和暦・全角数字も可）', en: 'e.g. 2026-04-01' },
  'period.end': { ja: '原則3年以内（延長の場合も開始から5年以内）', en: 'Within 3 years (5 with an extension)' },
  'period.extension': { ja: '延長の場合は「はい」', en: '“Yes” for an extension' },
  'ministry.postTitle': {
    ja: '交流派遣: 派遣される職員の官職 / 交流採用: 採用後の官職',
    en: 'Dispatch: the official’s post / hire: the post offered',
  },
  'company.corporateNumber': { ja: '13桁（国税庁の法人番号）', en: '13 digits (NTA corporate number)' },
  'company.division': {
    ja: '交流派遣: 派遣先の部署 / 交流採用: 出身の部署',
    en: 'Dispatch: host division / hire: home division',
  },
  'person.familyNameKana': { ja: 'カタカナで入力', en: 'In katakana' },
  'person.givenNameKana': { ja: 'カタカナで入力', en: 'In katakana' },
  'person.birthDate': { ja: '例: 1990-05-15', en: 'e.g. 1990-05-15' },
  'duties.description': { ja: '交流先で従事する業務を具体的に', en: 'The work at the host, concretely' },
  'pay.monthlySalaryYen': { ja: '半角数字（円）', en: 'Whole yen' },
  'pay.payer': {
    ja: '交流派遣: 民間企業等 / 交流採用: 国',
    en: 'Dispatch: the company / hire: the state',
  },
  'hours.workingHours': { ja: '例: 9:30～18:15（休憩60分）', en: 'e.g. 9:30–18:15 (60 min break)' },
  'hours.annualLeaveDays': { ja: '年間の日数（0～40）', en: 'Days a year (0–40)' },
  'constraints.dispatchNoLobbying': { ja: '交流派遣の場合「はい」', en: '“Yes” for a dispatch' },
  'constraints.dispatchConfidentiality': { ja: '交流派遣の場合「はい」', en: '“Yes” for a dispatch' },
  'constraints.dispatchReturn': { ja: '交流派遣の場合「はい」', en: '“Yes” for a dispatch' },
  'constraints.hireNoHomeCompanyBusiness': { ja: '交流採用の場合「はい」', en: '“Yes” for a hire' },
  'constraints.hireNoLicensingPost': { ja: '交流採用の場合「はい」', en: '“Yes” for a hire' },
  'constraints.hireNoPayFromHomeCompany': { ja: '交流採用の場合「はい」', en: '“Yes” for a hire' },
  'contacts.ministry.phone': { ja: '例: 03-3581-0755', en: 'e.g. 03-3581-0755' },
  'contacts.company.phone': { ja: '例: 03-1234-5678', en: 'e.g. 03-1234-5678' },
};

/** Labels of enum values, and of yes/no, by field path. */
export const sheetOptionLabels: Record<string, Record<string, Bilingual>> = {
  direction: {
    dispatch: { ja: '交流派遣', en: 'Dispatch (ministry to company)' },
    hire: { ja: '交流採用', en: 'Hire (company to ministry)' },
  },
  hireType: {
    continued: { ja: '雇用継続型', en: 'Employment continued' },
    resigned: { ja: '退職型', en: 'Resigned' },
  },
  'pay.payer': {
    company: { ja: '民間企業等', en: 'The company' },
    state: { ja: '国', en: 'The state' },
  },
};
export const booleanLabels: Record<'true' | 'false', Bilingual> = {
  true: { ja: 'はい', en: 'Yes' },
  false: { ja: 'いいえ', en: 'No' },
};
