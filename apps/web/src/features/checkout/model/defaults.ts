import type { Customer, Me, Store, User } from '@kayoi/contracts';
import { fullName } from '../../../lib/format';

const STORE_KEY = 'kayoi.checkout.store';

/** A counter device usually stays in one store, so the last store used is remembered on it. */
export function rememberedStoreId(): string | null {
  return localStorage.getItem(STORE_KEY);
}

export function rememberStoreId(storeId: string): void {
  localStorage.setItem(STORE_KEY, storeId);
}

/** The person's own store if they have exactly one, the only store, or this device's last store. */
export function defaultStoreId(stores: readonly Store[], me: Me, remembered: string | null): string | null {
  const open = stores.filter((s) => !s.archived);
  const own = open.filter((s) => me.user.storeIds.includes(s.id));
  if (own.length === 1) return own[0]!.id;
  if (open.length === 1) return open[0]!.id;
  return open.some((s) => s.id === remembered) ? remembered : null;
}

/** Analysts read figures; everyone else in a salon may be the one who did the hair. */
export function servesCustomers(user: User): boolean {
  return user.active && user.role !== 'analyst';
}

export function defaultStaffId(users: readonly User[], me: Me): string | null {
  return users.some((u) => u.id === me.user.id && servesCustomers(u)) ? me.user.id : null;
}

/** Name as written in Japanese, falling back to the reading for customers registered by kana only. */
export function customerName(customer: Customer): string {
  return fullName(customer) || customerKana(customer);
}

export function customerKana(customer: Customer): string {
  return [customer.familyNameKana, customer.givenNameKana].filter(Boolean).join(' ');
}
