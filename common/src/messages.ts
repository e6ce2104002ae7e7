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
  'date.planner_range': {
    ja: '2001年1月1日から2099年12月31日までの日付を入力してください。',
    en: 'Enter a date from 1 January 2001 to 31 December 2099.',
  },
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
  'exchange.hire_type_required': {
    ja: '交流採用では雇用継続型か退職型かを選んでください。',
    en: 'For a hire, choose employment-continued (雇用継続型) or resigned (退職型).',
  },
  'exchange.hire_type_dispatch': { ja: '交流派遣には雇用継続型・退職型の区分はありません。', en: 'A dispatch has no hire type.' },
  'exchange.division_unknown': { ja: 'この法人の部門ではありません。', en: 'This division does not belong to the company.' },
  'exchange.person_mismatch': {
    ja: '交流派遣では自府省等の職員を、交流採用では相手方企業の従業員を指定してください。',
    en: 'A dispatch names an official of the ministry; a hire names an employee of the company.',
  },
  'exchange.held_in_future': { ja: '実施日に未来の日付は指定できません。', en: 'The date held cannot be in the future.' },
  'exchange.end_reason_required': { ja: '中途終了の理由を選んでください。', en: 'Choose why the exchange ended early.' },
  // 入力支援シート (common/src/schemas/exchange-sheet.schema.ts)
  'phone.format': { ja: '電話番号の形式が正しくありません（例: 03-3581-0755）。', en: 'This is not a valid phone number (e.g. 03-3581-0755).' },
  'exchange_sheet.leave_days_range': { ja: '年次休暇の日数は0から40までの整数で入力してください。', en: 'Enter the annual leave as a whole number of days from 0 to 40.' },
  'exchange_sheet.end_not_after_start': { ja: '終了予定日は開始予定日より後の日付にしてください。', en: 'The planned end must be after the planned start.' },
  'exchange_sheet.period_over_limit': {
    ja: '交流期間は原則3年以内です（延長の場合は「期間の延長」を「はい」にしてください）。',
    en: 'The term is at most 3 years in principle (for an extension, answer “Yes” to Extension).',
  },
  'exchange_sheet.period_over_total_limit': { ja: '延長する場合も交流期間は開始から5年以内です。', en: 'Even with an extension the term ends within 5 years of the start.' },
  'exchange_sheet.birth_date_after_start': { ja: '生年月日が交流開始予定日以降になっています。', en: 'The date of birth is not before the planned start.' },
  'exchange_sheet.payer_dispatch': { ja: '交流派遣では給与は派遣先の民間企業等が支給します。', en: 'In a dispatch the host company pays the salary.' },
  'exchange_sheet.payer_hire': { ja: '交流採用では給与は国が支給します（出身企業からは受けられません）。', en: 'In a hire the state pays the salary (nothing may come from the home company).' },
  'exchange_sheet.constraint_required': { ja: 'この服務上の制約を確認し「はい」を選んでください。', en: 'Acknowledge this duty constraint by answering “Yes”.' },
  // 公募・応募 (common/src/schemas/public-call.schema.ts)
  'call_application.direction_required': {
    ja: '交流派遣・交流採用のいずれか又は両方を選んでください。',
    en: 'Choose dispatch, hire, or both.',
  },
  'call_application.open_exists': {
    ja: '審査中又は受理済みの応募があります。新たに応募するには、その応募を取り下げるか差戻しを受けてください。',
    en: 'An application is already under review or accepted. Withdraw it (or wait for it to be returned) before applying again.',
  },
  'age_band.unknown': { ja: '年齢層の区分が正しくありません。', en: 'Unknown age band.' },
  'company_sheet.empty': { ja: '受入れ可能な業務又は送り出す人材を1件以上入力してください。', en: 'Add at least one hosting place or one person the company would send.' },
  'field_of_work.unknown': { ja: '業務分野の区分が正しくありません。', en: 'Unknown field of work.' },
  'fields.required': { ja: '業務分野を1つ以上選んでください。', en: 'Choose at least one field of work.' },
  'period.range': { ja: '期間は1か月から60か月までの月数で入力してください。', en: 'Enter the period as 1 to 60 months.' },
  'position_level.unknown': { ja: '役職段階の区分が正しくありません。', en: 'Unknown position level.' },
  'start_window.range': { ja: '開始時期の終わりは始まり以降の月にしてください。', en: 'The end of the start window must not be before its beginning.' },
  'year_month.format': { ja: '年月はYYYY-MMの形式で入力してください。', en: 'Enter the month as YYYY-MM.' },
  // 交流希望シート (common/src/schemas/wishes.schema.ts, server/src/modules/wishes)
  'wish.owner_forbidden': {
    ja: '自府省等又は自社のシートだけを作成・編集できます。',
    en: 'You can only create and edit sheets of your own ministry or company.',
  },
  'wish.owner_fixed': {
    ja: 'シートの作成者（府省等・企業）と府省等／企業の別は変更できません。',
    en: 'The owner of a sheet (ministry or company) and its side cannot be changed.',
  },
  'wish.expires_past': {
    ja: '掲載期限が過ぎています。今日以降の日付にしてから公開してください。',
    en: 'The expiry date has passed. Set it to today or later before publishing.',
  },
  'wish.region_unknown': {
    ja: '地域又は都道府県が正しくありません（例: 13、Kanto、関東）。',
    en: 'Unknown region or prefecture (e.g. 13, Kanto, 関東).',
  },
  'wish.reference_format': { ja: 'シート番号の形式が正しくありません（例: WS-000123）。', en: 'This is not a sheet reference (e.g. WS-000123).' },
  // 説明会 (common/src/schemas/events.schema.ts)
  'event.datetime_format': { ja: '日時はYYYY-MM-DDTHH:MMの形式で入力してください（日本時間）。', en: 'Enter the date and time as YYYY-MM-DDTHH:MM (Japan time).' },
  'event.capacity_range': { ja: '定員は1以上の整数（人数）で入力してください。', en: 'Enter the capacity as a whole number of people, 1 or more.' },
  'event.replay_from_required': { ja: 'オンライン配信の終了日を入れる場合は開始日も入力してください。', en: 'Enter the start of the online replay as well as its end.' },
  'event.ends_before_start': { ja: '終了日時は開始日時より後にしてください。', en: 'The end must be after the start.' },
  'event.ministry_twice': { ja: '同じ府省等が2回選ばれています。', en: 'The same ministry is chosen twice.' },
  'event.attendees_required': { ja: '参加者を1名以上入力してください。', en: 'Add at least one attendee.' },
  'event.session_required': { ja: '参加する会場（回）を選んでください。', en: 'Choose the session to attend.' },
  'event.online_no_session': { ja: 'オンライン配信の申込みでは会場を選びません。', en: 'An online (replay) registration has no session.' },
  'event.ministry_not_talking': {
    ja: '意見交換を希望できるのは、この説明会で意向紹介・意見交換を行う府省等だけです（意見交換のみの府省等は個別の希望を受け付けていません）。',
    en: 'You can only ask to talk with ministries that present and take talks at this session (ministries there for the exchange of views only take no individual requests).',
  },
  'event.ministry_not_participating': { ja: 'この府省等はこの説明会に参加していません。', en: 'This ministry is not taking part in this event.' },
  'event.company_not_registered': { ja: 'この法人はこの説明会に申し込んでいません。', en: 'This company has not registered for this event.' },
  'event.attended_over_registered': { ja: '出席者数が申込人数を超えています。', en: 'More attendees than registered.' },
  'event.registration_unknown': { ja: 'この説明会の申込みではありません。', en: 'Not a registration for this event.' },
  // マッチングラウンド (common/src/schemas/matching.schema.ts)
  'matching.max_ranks_range': { ja: '希望順位の上限（N）は1〜20の整数で入力してください。', en: 'The ranking limit N must be a whole number from 1 to 20.' },
  'matching.capacity_range': { ja: '受入・派遣可能数は1〜100の整数で入力してください。', en: 'The capacity must be a whole number from 1 to 100.' },
  // 知識ページ (common/src/schemas/knowledge.schema.ts)
  'knowledge.slug_format': {
    ja: 'スラッグ（URL）は半角英小文字・数字をハイフンでつないだ80文字以内で入力してください（例: qa-travel-expenses）。',
    en: 'The slug (URL) must be lower-case letters and digits joined by hyphens, at most 80 characters (e.g. qa-travel-expenses).',
  },
  'knowledge.slug_reserved': { ja: 'このスラッグ（URL）はガイドの画面が使用しているため指定できません。', en: 'This slug (URL) is used by the guide itself and cannot be chosen.' },
  'knowledge.section_unknown': { ja: 'ページの区分が正しくありません。', en: 'Unknown page section.' },
  'knowledge.audience_unknown': { ja: '対象（府省等・民間企業等）の区分が正しくありません。', en: 'Unknown audience.' },
  'knowledge.group_unknown': { ja: 'Q&Aの分類が正しくありません。', en: 'Unknown Q&A topic.' },
  'knowledge.group_format': { ja: '分類は半角英小文字・数字・ハイフン・下線の40文字以内で入力してください。', en: 'The group must be at most 40 lower-case letters, digits, hyphens or underscores.' },
  'knowledge.qa_audience': { ja: 'Q&Aは府省等向け又は民間企業等向けのいずれかを選んでください。', en: 'A Q&A is either the ministries’ or the companies’ question: choose one.' },
} as const;

export type FieldMessageKey = keyof typeof fieldMessages;

export const isFieldMessageKey = (s: string): s is FieldMessageKey => s in fieldMessages;
