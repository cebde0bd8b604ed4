/**
 * Every expected failure has a stable code. Clients branch on the code, never on the
 * message; messages exist in Japanese and English and may be reworded freely.
 * HTTP statuses are not here: they belong to the server's edge (apps/server/src/http/errorStatus.ts).
 */
export const errorMessages = {
  VALIDATION_FAILED: { ja: '入力内容に誤りがあります。', en: 'The request is not valid.' },
  UNAUTHENTICATED: { ja: 'ログインが必要です。', en: 'You need to log in.' },
  FORBIDDEN: { ja: 'この操作を行う権限がありません。', en: 'Your role does not allow this.' },
  INVALID_CREDENTIALS: {
    ja: 'メールアドレスまたはパスワードが正しくありません。',
    en: 'The email or password is not correct.',
  },
  TOO_MANY_ATTEMPTS: {
    ja: 'ログインの試行回数が多すぎます。しばらくしてから再度お試しください。',
    en: 'Too many login attempts. Try again later.',
  },
  TENANT_REQUIRED: {
    ja: 'このメールアドレスは複数の事業者に登録されています。事業者を選んでください。',
    en: 'This email belongs to several businesses. Choose one.',
  },
  SESSION_NOT_FOUND: { ja: 'セッションが見つかりません。', en: 'Session not found.' },
  TENANT_NOT_FOUND: { ja: '事業者が見つかりません。', en: 'Business not found.' },
  ROUTE_NOT_FOUND: { ja: 'ページが見つかりません。', en: 'No such endpoint.' },
  CUSTOMER_NOT_FOUND: { ja: '顧客が見つかりません。', en: 'Customer not found.' },
  CUSTOMER_ERASED: {
    ja: 'この顧客の個人情報は削除済みのため変更できません。',
    en: 'This customer was erased and can no longer be changed.',
  },
  CUSTOMER_NOT_IDENTIFIABLE: {
    ja: '氏名・フリガナ・連絡先・外部IDのいずれかを入力してください。',
    en: 'Give a name, a kana reading, a contact or an external id.',
  },
  EXTERNAL_ID_TAKEN: { ja: 'この外部IDは既に使われています。', en: 'This external id is already in use.' },
  LINE_USER_ID_TAKEN: {
    ja: 'このLINEユーザーIDは別の顧客に登録されています。',
    en: 'This LINE user id belongs to another customer.',
  },
  VISIT_NOT_FOUND: { ja: '来店記録が見つかりません。', en: 'Visit not found.' },
  VISIT_VOIDED: { ja: 'この来店記録は取り消し済みです。', en: 'This visit has been voided.' },
  PAYMENTS_MISMATCH: {
    ja: 'お支払いの合計がお会計金額と一致しません。',
    en: 'The payments do not add up to the total.',
  },
  DISCOUNT_EXCEEDS_AMOUNT: {
    ja: '割引額が金額を超えています。',
    en: 'The discount is larger than the amount.',
  },
  STORE_NOT_FOUND: { ja: '店舗が見つかりません。', en: 'Store not found.' },
  USER_NOT_FOUND: { ja: 'スタッフが見つかりません。', en: 'Staff member not found.' },
  EMAIL_TAKEN: { ja: 'このメールアドレスは既に登録されています。', en: 'This email is already registered.' },
  LAST_OWNER: {
    ja: 'オーナーが一人もいなくなるため、この変更はできません。',
    en: 'The business must keep at least one active owner.',
  },
  ITEM_NOT_FOUND: { ja: 'メニュー・商品が見つかりません。', en: 'Catalog item not found.' },
  ATTRIBUTE_NOT_FOUND: { ja: 'カスタム項目が見つかりません。', en: 'Custom attribute not found.' },
  ATTRIBUTE_KEY_TAKEN: { ja: 'この項目キーは既に使われています。', en: 'This attribute key is already in use.' },
  ATTRIBUTE_VALUE_INVALID: {
    ja: 'カスタム項目の値が正しくありません。',
    en: 'A custom attribute value is not valid.',
  },
  CHANNEL_NOT_FOUND: { ja: '集客チャネルが見つかりません。', en: 'Acquisition channel not found.' },
  MODEL_RUN_NOT_FOUND: { ja: '分析の更新履歴が見つかりません。', en: 'Analytics refresh not found.' },
  ANALYTICS_NOT_READY: {
    ja: '分析結果はまだありません。分析を更新すると表示されます。',
    en: 'No analytics yet. They appear once a refresh has finished.',
  },
  LINE_WEBHOOK_UNAUTHORIZED: {
    ja: 'LINEの署名を確認できませんでした。',
    en: 'The LINE signature could not be verified.',
  },
  LINE_NOT_CONFIGURED: {
    ja: 'LINE公式アカウントが設定されていません。',
    en: 'No LINE Official Account is connected.',
  },
  EMAIL_SMTP_PASSWORD_REQUIRED: {
    ja: 'SMTPのユーザー名を指定する場合はパスワードも入力してください。',
    en: 'An SMTP username needs a password.',
  },
  EMAIL_SMTP_INSECURE_AUTH: {
    ja: 'パスワードを暗号化なしで送ることはできません。TLSまたはSTARTTLSを選んでください。',
    en: 'A password cannot be sent unencrypted. Choose TLS or STARTTLS.',
  },
  SEGMENT_NOT_FOUND: { ja: 'セグメントが見つかりません。', en: 'Segment not found.' },
  SEGMENT_RULE_INVALID: {
    ja: 'セグメントの条件に誤りがあります。',
    en: 'The segment rule is not valid.',
  },
  TEMPLATE_NOT_FOUND: { ja: 'テンプレートが見つかりません。', en: 'Template not found.' },
  WEBHOOK_NOT_FOUND: { ja: 'Webhookの送信先が見つかりません。', en: 'Webhook endpoint not found.' },
  BROADCAST_NOT_FOUND: { ja: '一斉配信が見つかりません。', en: 'Broadcast not found.' },
  BROADCAST_NOT_EDITABLE: {
    ja: '配信を始めた一斉配信は変更できません。',
    en: 'A broadcast can no longer be changed once sending has been scheduled.',
  },
  BROADCAST_NOT_CANCELLABLE: {
    ja: '送信を終えた一斉配信は取り消せません。',
    en: 'A broadcast that has finished sending cannot be cancelled.',
  },
  JOURNEY_NOT_FOUND: { ja: 'ジャーニーが見つかりません。', en: 'Journey not found.' },
  JOURNEY_DEFINITION_INVALID: {
    ja: 'ジャーニーのステップ構成に誤りがあります。',
    en: 'The journey definition is not valid.',
  },
  JOURNEY_ARCHIVED: {
    ja: 'アーカイブ済みのジャーニーは変更・再開できません。',
    en: 'An archived journey cannot be changed or restarted.',
  },
  JOURNEY_PRESET_NOT_FOUND: { ja: 'テンプレートジャーニーが見つかりません。', en: 'Journey preset not found.' },
  STAFF_NOTIFICATION_NOT_FOUND: { ja: 'スタッフへのお知らせが見つかりません。', en: 'Staff notification not found.' },
  TEMPLATE_CHANNEL_MISMATCH: {
    ja: 'テンプレートのチャネルが送信先と合いません（LINEにはLINEテンプレート、メールにはメールテンプレート）。',
    en: 'The template is for another channel (LINE templates for LINE, email templates for email).',
  },
  TEMPLATE_ARCHIVED: { ja: 'アーカイブ済みのテンプレートは使えません。', en: 'An archived template cannot be used.' },
  SEGMENT_ARCHIVED: { ja: 'アーカイブ済みのセグメントには送れません。', en: 'An archived segment cannot be sent to.' },
  TEMPLATE_SYNTAX_INVALID: {
    ja: 'テンプレートの書き方に誤りがあります。',
    en: 'The template has a syntax error.',
  },
  NAME_TAKEN: { ja: 'この名前は既に使われています。', en: 'This name is already in use.' },
  IMPORT_REJECTED: {
    ja: 'ファイルに誤りがあるため取り込みませんでした。何も書き込まれていません。',
    en: 'The file was rejected because of errors. Nothing was written.',
  },
  IMPORT_FILE_INVALID: {
    ja: 'ファイルを読み取れません。',
    en: 'The file cannot be read.',
  },
  PAYLOAD_TOO_LARGE: { ja: 'データが大きすぎます。', en: 'The request body is too large.' },
  INTERNAL_ERROR: {
    ja: 'サーバーで問題が発生しました。時間をおいて再度お試しください。',
    en: 'Something went wrong on the server. Try again later.',
  },
} as const satisfies Record<string, { ja: string; en: string }>;

export type ErrorCode = keyof typeof errorMessages;
export type Locale = 'ja' | 'en';
export const errorCodes = Object.keys(errorMessages) as ErrorCode[];

export function errorMessage(code: ErrorCode, locale: Locale): string {
  return errorMessages[code][locale];
}

/** Picks ja or en from an Accept-Language header; Japanese is the default. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return 'ja';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('ja')) return 'ja';
    if (tag.startsWith('en')) return 'en';
  }
  return 'ja';
}
