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
} as const;

export type FieldMessageKey = keyof typeof fieldMessages;

export const isFieldMessageKey = (s: string): s is FieldMessageKey => s in fieldMessages;
