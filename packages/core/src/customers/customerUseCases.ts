import type {
  ConsentChannel,
  ConsentChange,
  Customer,
  CustomerCreate,
  CustomerListQuery,
  CustomerPatch,
  TimelineEntry,
  TimelineQuery,
} from '@kayoi/contracts';
import { checkAttributeValues } from '../attributes/attributeValues.js';
import type { CustomerDetail, Page, TenantRepos } from '../ports.js';
import type { Actor } from '../shared/actor.js';
import { failOrThrow, resultOf, unwrapOrThrow, type Result } from '../shared/result.js';
import { checkCustomerColumns } from './customerFields.js';
import { erasedCustomerColumns } from './erasure.js';
import { foldWidth, normalizePhone } from './normalize.js';
import { endOfLocalDay, localDateOf, startOfLocalDay } from '../time/zonedTime.js';
import { presentCustomer } from './masking.js';

/**
 * A list page this long with readable contact details counts as a bulk read of PII. The
 * dashboard pages by 50, so browsing is not logged; scripts pulling 100–200 a page are.
 */
export const BULK_PII_READ_ROWS = 100;

export interface CustomerDeps {
  repos: TenantRepos;
  actor: Actor;
  now: Date;
}

async function findLiveOrThrow(repos: TenantRepos, id: string): Promise<CustomerDetail> {
  const customer = await repos.customers.findById(id);
  if (!customer) failOrThrow('CUSTOMER_NOT_FOUND', { id });
  if (customer.erasedAt) failOrThrow('CUSTOMER_ERASED', { id });
  return customer;
}

async function applyExtras(
  { repos, actor, now }: CustomerDeps,
  customerId: string,
  input: Pick<CustomerCreate, 'attributes' | 'consents'>,
): Promise<void> {
  if (input.attributes && Object.keys(input.attributes).length > 0) {
    const writes = unwrapOrThrow(checkAttributeValues(await repos.attributes.list(), input.attributes));
    await repos.customers.setAttributeValues(customerId, writes);
  }
  for (const [channel, change] of Object.entries(input.consents ?? {}) as [ConsentChannel, ConsentChange][]) {
    await repos.customers.recordConsent(customerId, { channel, ...change, at: now, actorUserId: actor.userId });
  }
}

/** Nobody is born tomorrow anywhere on Earth (UTC+14 is the first zone to reach a date). */
function ensureBirthdayNotInFuture(input: CustomerCreate | CustomerPatch, now: Date): void {
  if (input.birthday && input.birthday > localDateOf(now, 'Pacific/Kiritimati')) {
    failOrThrow('VALIDATION_FAILED', { issues: [{ in: 'json', path: 'birthday', message: 'in the future' }] });
  }
}

export function createCustomer(deps: CustomerDeps, input: CustomerCreate): Promise<Result<Customer>> {
  return resultOf(async () => {
    ensureBirthdayNotInFuture(input, deps.now);
    const { merged } = unwrapOrThrow(checkCustomerColumns(input));
    const created = await deps.repos.customers.insert(merged);
    await applyExtras(deps, created.id, input);
    const stored = await deps.repos.customers.findById(created.id);
    return presentCustomer(stored ?? created, deps.actor.piiView);
  });
}

export function updateCustomer(deps: CustomerDeps, id: string, input: CustomerPatch): Promise<Result<Customer>> {
  return resultOf(async () => {
    ensureBirthdayNotInFuture(input, deps.now);
    const current = await findLiveOrThrow(deps.repos, id);
    const { changed } = unwrapOrThrow(checkCustomerColumns(input, { ...current, searchText: '' }));
    await deps.repos.customers.update(id, changed);
    await applyExtras(deps, id, input);
    const stored = await deps.repos.customers.findById(id);
    if (!stored) failOrThrow('CUSTOMER_NOT_FOUND', { id });
    return presentCustomer(stored, deps.actor.piiView);
  });
}

export function getCustomer(deps: CustomerDeps, id: string): Promise<Result<Customer>> {
  return resultOf(async () => {
    const customer = await deps.repos.customers.findById(id);
    if (!customer) failOrThrow('CUSTOMER_NOT_FOUND', { id });
    return presentCustomer(customer, deps.actor.piiView);
  });
}

/** Phones are stored in domestic form, so "+81 90-1234-5678" is searched as "09012345678". */
function searchableQuery(q: string): string {
  return /^\+81[\d\s()\-‐－]*$/.test(foldWidth(q).trim()) ? (normalizePhone(q) ?? q) : q;
}

/**
 * Last-visit filters are calendar days in the business's time zone. A viewer who may see
 * no personal data may not filter by it either: a search for a name or phone number, or a
 * birthday month, would tell them whose record (and which birthday) it is.
 */
export async function listCustomers(
  deps: CustomerDeps,
  query: CustomerListQuery,
  timeZone: string,
): Promise<Page<Customer>> {
  if (deps.actor.piiView === 'none') {
    const personal = [
      query.q ? 'q' : null,
      query.birthdayMonth ? 'birthdayMonth' : null,
      // Names in kana order are a list of names, one position at a time.
      query.sort === 'kana' ? 'sort' : null,
    ].filter((f) => f !== null);
    if (personal.length > 0) failOrThrow('FORBIDDEN', { filters: personal });
  }
  const { lastVisitFrom, lastVisitTo, ...rest } = query;
  const page = await deps.repos.customers.list({
    ...rest,
    ...(rest.q ? { q: searchableQuery(rest.q) } : {}),
    ...(lastVisitFrom ? { lastVisitFromInstant: startOfLocalDay(lastVisitFrom, timeZone) } : {}),
    ...(lastVisitTo ? { lastVisitToInstant: endOfLocalDay(lastVisitTo, timeZone) } : {}),
  });
  const items = page.items.map((c) => presentCustomer(c, deps.actor.piiView));
  if (deps.actor.piiView === 'full' && items.length >= BULK_PII_READ_ROWS) {
    await deps.repos.audit.record({
      actorUserId: deps.actor.userId,
      action: 'customers.bulk_read',
      details: { rows: items.length, query: { ...query, cursor: undefined } },
    });
  }
  return { items, nextCursor: page.nextCursor };
}

export function recordConsent(
  deps: CustomerDeps,
  id: string,
  channel: ConsentChannel,
  change: ConsentChange,
): Promise<Result<Customer>> {
  return resultOf(async () => {
    await findLiveOrThrow(deps.repos, id);
    await applyExtras(deps, id, { consents: { [channel]: change } });
    const stored = await deps.repos.customers.findById(id);
    if (!stored) failOrThrow('CUSTOMER_NOT_FOUND', { id });
    return presentCustomer(stored, deps.actor.piiView);
  });
}

/**
 * Erasure for a privacy request: personal data goes, anonymised history stays for
 * statistics, consents are withdrawn so nothing is ever sent again, and the audit log
 * keeps who did it and when (not what was removed).
 */
export function eraseCustomer(deps: CustomerDeps, id: string): Promise<Result<Customer>> {
  return resultOf(async () => {
    const current = await deps.repos.customers.findById(id);
    if (!current) failOrThrow('CUSTOMER_NOT_FOUND', { id });
    if (current.erasedAt) return presentCustomer(current, deps.actor.piiView);
    for (const channel of ['email', 'line', 'sms'] as const) {
      if (current.consents[channel].status === 'granted') {
        await deps.repos.customers.recordConsent(id, {
          channel,
          status: 'withdrawn',
          source: 'erasure',
          at: deps.now,
          actorUserId: deps.actor.userId,
        });
      }
    }
    const erased = await deps.repos.customers.erase(id, deps.now);
    if (!erased) failOrThrow('CUSTOMER_NOT_FOUND', { id });
    await deps.repos.audit.record({
      actorUserId: deps.actor.userId,
      action: 'customers.erased',
      targetType: 'customer',
      targetId: id,
      details: { erasedFields: Object.keys(erasedCustomerColumns) },
    });
    return presentCustomer(erased, deps.actor.piiView);
  });
}

export function customerTimeline(
  deps: CustomerDeps,
  id: string,
  query: TimelineQuery,
): Promise<Result<Page<TimelineEntry>>> {
  return resultOf(async () => {
    const customer = await deps.repos.customers.findById(id);
    if (!customer) failOrThrow('CUSTOMER_NOT_FOUND', { id });
    const page = await deps.repos.customers.timeline(id, query);
    if (deps.actor.piiView !== 'none') return page;
    return { ...page, items: page.items.map((e) => (e.visit ? { ...e, visit: { ...e.visit, note: null } } : e)) };
  });
}
