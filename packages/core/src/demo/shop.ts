import type { DemoStaff, DemoStore } from './types.js';

/** A store's weekly closing day (0 = Sunday); most Tokyo salons close on Monday or Tuesday. */
export interface StoreProfile extends DemoStore {
  closedWeekday: number;
  /** Share of new customers who make this store their home store. */
  customerShare: number;
}

export const STORES: readonly StoreProfile[] = [
  {
    key: 'store-1',
    name: '表参道本店',
    address: '東京都渋谷区神宮前4-12-8 神宮前テラス2F',
    phone: '03-6450-3821',
    closedWeekday: 2,
    customerShare: 0.58,
  },
  {
    key: 'store-2',
    name: '吉祥寺店',
    address: '東京都武蔵野市吉祥寺本町2-18-5 本町ミヤコビル3F',
    phone: '0422-27-6148',
    closedWeekday: 1,
    customerShare: 0.42,
  },
];

/**
 * Stylists differ in how well they keep customers: `dropoutShift` moves each of their
 * customers' per-visit drop-out probability on the logit scale (negative = keeps more), so
 * the staff view can find the gap. `bookingWeight` is how many new customers they take.
 */
export interface StaffProfile extends DemoStaff {
  dropoutShift: number;
  bookingWeight: Readonly<Record<string, number>>;
}

export const STAFF: readonly StaffProfile[] = [
  {
    key: 'staff-1',
    name: '中村 亮介',
    nameKana: 'ナカムラ リョウスケ',
    role: 'owner',
    storeKeys: ['store-1', 'store-2'],
    email: 'nakamura@example.jp',
    // The owner also runs the business, so takes fewer new customers, mostly at the main store.
    dropoutShift: -0.6,
    bookingWeight: { 'store-1': 0.55, 'store-2': 0.2 },
  },
  {
    key: 'staff-2',
    name: '高橋 美咲',
    nameKana: 'タカハシ ミサキ',
    role: 'staff',
    storeKeys: ['store-1'],
    email: 'takahashi@example.jp',
    dropoutShift: -0.4,
    bookingWeight: { 'store-1': 1 },
  },
  {
    key: 'staff-3',
    name: '小林 翔太',
    nameKana: 'コバヤシ ショウタ',
    role: 'staff',
    storeKeys: ['store-1'],
    email: 'kobayashi@example.jp',
    dropoutShift: 0.05,
    bookingWeight: { 'store-1': 1 },
  },
  {
    key: 'staff-4',
    name: '森 彩花',
    nameKana: 'モリ アヤカ',
    role: 'staff',
    storeKeys: ['store-1'],
    email: null,
    // A junior stylist: booked through the portal's free slots, loses more customers.
    dropoutShift: 0.8,
    bookingWeight: { 'store-1': 0.9 },
  },
  {
    key: 'staff-5',
    name: '佐々木 遥',
    nameKana: 'ササキ ハルカ',
    role: 'staff',
    storeKeys: ['store-2'],
    email: 'sasaki@example.jp',
    dropoutShift: -0.4,
    bookingWeight: { 'store-2': 1 },
  },
  {
    key: 'staff-6',
    name: '井上 大輔',
    nameKana: 'イノウエ ダイスケ',
    role: 'staff',
    storeKeys: ['store-2'],
    email: 'inoue@example.jp',
    dropoutShift: 0.1,
    bookingWeight: { 'store-2': 1 },
  },
  {
    key: 'staff-7',
    name: '石田 結衣',
    nameKana: 'イシダ ユイ',
    role: 'staff',
    storeKeys: ['store-2'],
    email: null,
    dropoutShift: 0.7,
    bookingWeight: { 'store-2': 0.9 },
  },
];

export function staffAt(storeKey: string): StaffProfile[] {
  return STAFF.filter((s) => s.storeKeys.includes(storeKey));
}

export function publicStore(store: StoreProfile): DemoStore {
  return { key: store.key, name: store.name, address: store.address, phone: store.phone };
}

export function publicStaff(staff: StaffProfile): DemoStaff {
  return {
    key: staff.key,
    name: staff.name,
    nameKana: staff.nameKana,
    role: staff.role,
    storeKeys: [...staff.storeKeys],
    email: staff.email,
  };
}
