import { z } from 'zod';

export const importKinds = ['customers', 'visits'] as const;
export type ImportKind = (typeof importKinds)[number];

export const encodings = ['utf-8', 'shift_jis'] as const;
export const Encoding = z.enum(encodings);
export type Encoding = z.infer<typeof Encoding>;

/** Maps a CSV header (as written in the file) to a Kayoi field name. */
export const ColumnMapping = z.record(z.string().min(1).max(100), z.string().min(1).max(60));
export type ColumnMapping = z.infer<typeof ColumnMapping>;

export const ImportRowError = z
  .object({
    /** 1-based line of the data row in the file, counting the header as row 1. */
    row: z.number().int(),
    column: z.string().nullable(),
    code: z.string(),
    message: z.string(),
  })
  .meta({ id: 'ImportRowError' });
export type ImportRowError = z.infer<typeof ImportRowError>;

export const ImportReport = z
  .object({
    kind: z.enum(importKinds),
    dryRun: z.boolean(),
    status: z.enum(['imported', 'rejected', 'validated']),
    rows: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    /** The header → field mapping that was used, so a user can check it. */
    columns: z.record(z.string(), z.string().nullable()),
    errors: z.array(ImportRowError),
    /** Reported errors stop at a cap; this is the true count. */
    errorCount: z.number().int(),
  })
  .meta({ id: 'ImportReport' });
export type ImportReport = z.infer<typeof ImportReport>;

export const ImportQuery = z.object({
  encoding: Encoding.optional(),
  dryRun: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  mapping: z.string().max(10_000).optional().meta({ description: 'JSON object mapping CSV headers to field names' }),
});

/**
 * The fields an import understands, with the headers shops' POS and booking systems
 * write for them. Headers are compared after NFKC folding, lower-casing and dropping
 * spaces, brackets and punctuation, so "氏名（カナ）", "氏名 カナ" and "氏名カナ" are one.
 */
export const customerFieldHeaders = {
  externalId: [
    '顧客番号',
    '顧客ID',
    '顧客コード',
    '会員番号',
    'お客様番号',
    'カルテ番号',
    'customer id',
    'external id',
    'id',
  ],
  fullName: ['氏名', '名前', 'お名前', '顧客名', 'お客様名', 'name', 'full name', 'customer name'],
  familyName: ['姓', '苗字', '名字', 'family name', 'last name', 'surname'],
  givenName: ['名', 'given name', 'first name'],
  fullNameKana: [
    'フリガナ',
    'ふりがな',
    'カナ',
    '氏名カナ',
    '氏名フリガナ',
    'お名前フリガナ',
    '名前カナ',
    'kana',
    'name kana',
  ],
  familyNameKana: ['セイ', '姓カナ', '姓フリガナ', 'family name kana', 'last name kana'],
  givenNameKana: ['メイ', '名カナ', '名フリガナ', 'given name kana', 'first name kana'],
  email: ['メールアドレス', 'メール', 'eメール', 'email', 'e-mail', 'mail', 'email address'],
  phone: ['電話番号', '電話', '携帯電話', '携帯番号', '携帯', 'tel', 'phone', 'mobile', 'phone number'],
  lineUserId: ['lineid', 'lineユーザーid', 'line user id', 'line userid'],
  gender: ['性別', 'gender', 'sex'],
  birthday: ['生年月日', '誕生日', 'birthday', 'date of birth', 'birth date', 'dob'],
  postalCode: ['郵便番号', '〒', 'postal code', 'zip', 'zip code', 'postcode'],
  area: ['市区町村', '地域', 'エリア', 'area', 'city'],
  address: ['住所', 'address'],
  channel: [
    '来店きっかけ',
    '来店経路',
    '集客経路',
    '来店動機',
    '媒体',
    '流入経路',
    'channel',
    'acquisition channel',
    'source',
  ],
  acquiredOn: [
    '初回来店日',
    '初来店日',
    '登録日',
    '入会日',
    'first visit',
    'first visit date',
    'acquired on',
    'registered',
  ],
  notes: ['備考', 'メモ', '顧客メモ', 'notes', 'note', 'memo'],
  tags: ['タグ', 'tags', 'tag'],
  'consent:email': [
    'メール配信',
    'メール受信',
    'メールdm',
    'dm可否',
    'dm希望',
    'メルマガ',
    'email consent',
    'email opt in',
  ],
  'consent:line': ['line配信', 'line受信', 'line通知', 'line consent', 'line opt in'],
  'consent:sms': ['sms配信', 'sms受信', 'sms consent', 'sms opt in'],
} as const;

export const visitFieldHeaders = {
  visitExternalId: [
    '伝票番号',
    '会計番号',
    '伝票no',
    'レシート番号',
    '取引番号',
    '来店id',
    'receipt',
    'receipt no',
    'visit id',
    'transaction id',
  ],
  customerExternalId: [
    '顧客番号',
    '顧客ID',
    '顧客コード',
    '会員番号',
    'お客様番号',
    'カルテ番号',
    'customer id',
    'customer external id',
  ],
  customerPhone: ['電話番号', '電話', '携帯電話', '携帯番号', 'tel', 'phone', 'customer phone'],
  customerEmail: ['メールアドレス', 'メール', 'email', 'e-mail', 'customer email'],
  visitDate: [
    '来店日',
    '来店日時',
    '日付',
    '利用日',
    '施術日',
    '会計日',
    '会計日時',
    '売上日',
    'date',
    'visit date',
    'visited at',
  ],
  visitTime: ['来店時間', '来店時刻', '時刻', '時間', '開始時間', 'time', 'visit time', 'start time'],
  store: ['店舗', '店舗名', '店名', 'store', 'shop', 'store name'],
  staff: ['担当', '担当者', '担当スタッフ', 'スタッフ', 'スタイリスト', '担当スタイリスト', 'staff', 'stylist'],
  itemName: [
    'メニュー',
    'メニュー名',
    '商品',
    '商品名',
    '品名',
    '施術内容',
    'item',
    'item name',
    'menu',
    'product',
    'service',
  ],
  itemKind: ['種別', '区分', '売上区分', 'kind', 'item kind', 'type'],
  category: ['カテゴリ', 'カテゴリー', '分類', 'category'],
  quantity: ['数量', '個数', 'qty', 'quantity'],
  unitPrice: ['単価', '定価', 'unit price', 'price'],
  discount: ['割引', '値引', '値引き', '割引額', 'discount'],
  amount: ['金額', '売上', '売上金額', '合計', '合計金額', '税込金額', '小計', 'amount', 'total', 'sales'],
  paymentMethod: ['支払方法', '支払い方法', '決済方法', '支払区分', 'payment', 'payment method'],
  note: ['備考', 'メモ', 'note', 'notes', 'memo'],
} as const;
