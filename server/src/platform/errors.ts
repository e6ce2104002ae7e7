// One error type for the whole server (documenso's AppError): a stable code, messages in
// Japanese and English, and an HTTP status from one table. The domain never throws HTTP errors.

export type Messages = { ja: string; en: string };
export type FieldIssue = { path: string; code: string; message: Messages };

const catalog = {
  validation_failed: { status: 400, ja: '入力内容に誤りがあります。', en: 'The request contains invalid input.' },
  bad_json: { status: 400, ja: 'リクエスト本文が正しいJSONではありません。', en: 'The request body is not valid JSON.' },
  unsupported_media_type: { status: 415, ja: 'この形式の本文は受け付けられません。', en: 'This content type is not accepted.' },
  payload_too_large: { status: 413, ja: 'リクエストが大きすぎます。', en: 'The request is too large.' },
  unauthenticated: { status: 401, ja: 'ログインしてください。', en: 'Please log in.' },
  invalid_credentials: { status: 401, ja: 'メールアドレスまたはパスワードが正しくありません。', en: 'The e-mail address or password is incorrect.' },
  account_pending: { status: 403, ja: 'このアカウントは人事院の承認待ちです。', en: 'This account is awaiting approval by the NPA.' },
  account_disabled: { status: 403, ja: 'このアカウントは利用できません。', en: 'This account is disabled.' },
  account_locked: { status: 423, ja: 'ログインの失敗が続いたため、アカウントを一時的にロックしました。しばらくしてから再度お試しください。', en: 'Too many failed logins: the account is temporarily locked. Try again later.' },
  rate_limited: { status: 429, ja: '試行回数が多すぎます。しばらくしてから再度お試しください。', en: 'Too many attempts. Please try again later.' },
  csrf_failed: { status: 403, ja: '不正なリクエストです（CSRF検証に失敗しました）。ページを再読み込みしてください。', en: 'Request rejected (CSRF check failed). Please reload the page.' },
  forbidden: { status: 403, ja: 'この操作を行う権限がありません。', en: 'You do not have permission to do this.' },
  not_found: { status: 404, ja: '見つかりません。', en: 'Not found.' },
  conflict: { status: 409, ja: '他の更新と競合しました。', en: 'The request conflicts with the current state.' },
  duplicate: { status: 409, ja: '既に登録されています。', en: 'This is already registered.' },
  criteria_not_in_force: {
    status: 422,
    ja: 'この開始予定日に適用される交流基準のパラメータがありません。',
    en: 'No exchange-criteria parameter is in force on this planned start date.',
  },
  transition_blocked: {
    status: 422,
    ja: 'この操作は規則により行えません（理由を確認してください）。',
    en: 'The rules block this step (see the reasons).',
  },
  document_rejected: { status: 422, ja: 'ファイルに誤りがあるため、何も保存しませんでした。', en: 'The file has errors, so nothing was saved.' },
  entity_type_ineligible: {
    status: 422,
    ja: 'この法人の種類は、判断日時点で官民人事交流の対象ではありません。',
    en: 'This type of legal entity is not eligible for public-private exchange on the decision date.',
  },
  content_rejected: { status: 422, ja: '本文に使用できない記述があるため、保存しませんでした。', en: 'The text contains something that cannot be used, so nothing was saved.' },
  import_rejected: { status: 422, ja: 'ファイルに誤りのある行があるため、何も登録しませんでした。', en: 'The file has invalid rows, so nothing was imported.' },
  db_unavailable: { status: 503, ja: 'データベースに接続できません。しばらくしてから再度お試しください。', en: 'The database is unavailable. Please try again shortly.' },
  storage_full: {
    status: 507,
    ja: 'データの保存先の空き容量がないため、保存できませんでした。管理者に連絡してください（保存済みのデータは失われていません）。',
    en: 'The data could not be saved: the database disk is full. Please contact the administrator (data already saved is not lost).',
  },
  storage_unavailable: {
    status: 503,
    ja: 'データの保存先に書き込めないため、保存できませんでした（読み取り専用または権限がありません）。管理者に連絡してください。',
    en: 'The data could not be saved: the database files cannot be written (read-only or no permission). Please contact the administrator.',
  },
  internal: { status: 500, ja: 'システムエラーが発生しました。', en: 'An internal error occurred.' },
} as const satisfies Record<string, { status: number } & Messages>;

export type ErrorCode = keyof typeof catalog;

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly messages: Messages;
  readonly fields: FieldIssue[];
  readonly details: Record<string, unknown> | undefined;
  /** Seconds after which a retry may succeed: sent as Retry-After (429 rate limits, 423 lockouts). */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: ErrorCode,
    opts: { messages?: Messages; fields?: FieldIssue[]; details?: Record<string, unknown>; subcode?: string; retryAfterSeconds?: number } = {},
  ) {
    const entry = catalog[code];
    const messages = opts.messages ?? { ja: entry.ja, en: entry.en };
    super(messages.en);
    this.name = 'AppError';
    this.code = opts.subcode ?? code;
    this.status = entry.status;
    this.messages = messages;
    this.fields = opts.fields ?? [];
    this.details = opts.details;
    this.retryAfterSeconds = opts.retryAfterSeconds;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

export function errorBody(err: AppError, requestId?: string) {
  return {
    error: {
      code: err.code,
      message: err.messages,
      ...(err.fields.length ? { fields: err.fields } : {}),
      ...(err.details ? { details: err.details } : {}),
      ...(requestId ? { requestId } : {}),
    },
  };
}

export const statusOf = (code: ErrorCode) => catalog[code].status;
