// Bilingual messages for validation rules that zod's own locales do not cover. Schemas put a
// key from this table in `message`; the server and the web app both resolve it to ja/en.
export const fieldMessages = {
  'corporate_number.format': {
    ja: '法人番号は13桁の数字で入力してください。',
    en: 'The corporate number must be 13 digits.',
  },
  'corporate_number.check_digit': {
    ja: '法人番号のチェックデジット（先頭の1桁）が正しくありません。番号をご確認ください。',
    en: 'The corporate number’s check digit (its first digit) is wrong. Please check the number.',
  },
  'email.format': { ja: 'メールアドレスの形式が正しくありません。', en: 'This is not a valid e-mail address.' },
  'password.too_short': {
    ja: 'パスワードは12文字以上にしてください。',
    en: 'The password must have at least 12 characters.',
  },
  'text.required': { ja: '入力してください。', en: 'This field is required.' },
  'text.invalid_characters': {
    ja: '使用できない文字（NUL文字や不正なUnicode）が含まれています。',
    en: 'Contains characters that cannot be stored (NUL or malformed Unicode).',
  },
  'kana.format': {
    ja: 'フリガナはカタカナで入力してください。',
    en: 'Enter the reading in katakana.',
  },
  'date.format': { ja: '日付はYYYY-MM-DDの形式で入力してください。', en: 'Enter the date as YYYY-MM-DD.' },
  'criteria.person_or_unit': {
    ja: '職員（派遣先のスクリーニング）又は課等（受入れポストのスクリーニング）を指定してください。',
    en: 'Choose an official (to screen where they could go) or a unit (to screen whom its post could take).',
  },
  'date.invalid': { ja: '存在しない日付です。', en: 'This date does not exist.' },
  'legal_type.unknown': { ja: '法人の種類が正しくありません。', en: 'Unknown legal-entity type.' },
  'legal_type.ineligible': {
    ja: 'この法人の種類は官民人事交流の対象外です。',
    en: 'This type of legal entity is not eligible for public-private exchange.',
  },
  'industry.unknown': { ja: '業種（日本標準産業分類）が正しくありません。', en: 'Unknown industry (JSIC) code.' },
  'prefecture.unknown': { ja: '都道府県が正しくありません。', en: 'Unknown prefecture.' },
  'company.parent_unknown': {
    ja: '親会社の法人番号が登録されていません。',
    en: 'The parent company’s corporate number is not registered.',
  },
  'integer.nonnegative': { ja: '0以上の整数で入力してください。', en: 'Enter a whole number of 0 or more.' },
  'date.end_before_start': { ja: '終了日は開始日以降の日付にしてください。', en: 'The end date must not be before the start date.' },
  'fiscal_year.range': { ja: '年度は1900から2200までの整数（西暦）で入力してください。', en: 'Enter the fiscal year as a whole number from 1900 to 2200.' },
  'revenue.public_exceeds_total': {
    ja: '国等の事務・事業による収益が総収益を超えています。',
    en: 'Revenue from government work exceeds the total revenue.',
  },
  'company.unknown': { ja: 'この法人は登録されていません。', en: 'This company is not registered.' },
  'organisation.unknown': { ja: '府省等が正しくありません。', en: 'Unknown ministry or agency.' },
  'organisation.forbidden': {
    ja: '自府省等以外の記録は登録できません。',
    en: 'You can only record data for your own ministry or agency.',
  },
  'org_unit.unknown': { ja: '課等が正しくありません。', en: 'Unknown unit (division or office).' },
  'person.unknown': { ja: 'この職員は登録されていません。', en: 'This person is not registered.' },
  'person.organisation_required': {
    ja: '府省等を指定してください（この人物には所属府省等がありません）。',
    en: 'Name the ministry or agency (this person belongs to none).',
  },
} as const;

export type FieldMessageKey = keyof typeof fieldMessages;

export const isFieldMessageKey = (s: string): s is FieldMessageKey => s in fieldMessages;
