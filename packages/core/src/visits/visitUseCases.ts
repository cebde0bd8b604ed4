import type { CatalogItem, LineItemInput, Visit, VisitCreate, VisitListQuery, VisitPatch } from '@kayoi/contracts';
import type { Page, TenantRepos, VisitWrite } from '../ports.js';
import type { Actor } from '../shared/actor.js';
import { failOrThrow, resultOf, unwrapOrThrow, type Result } from '../shared/result.js';
import { endOfLocalDay, startOfLocalDay } from '../time/zonedTime.js';
import { checkVisitPricing } from './pricing.js';

export interface VisitDeps {
  repos: TenantRepos;
  actor: Actor;
  now: Date;
}

async function catalogFor(repos: TenantRepos, lines: readonly LineItemInput[]): Promise<Map<string, CatalogItem>> {
  const ids = [...new Set(lines.flatMap((l) => (l.itemId ? [l.itemId] : [])))];
  const items = ids.length > 0 ? await repos.catalog.findByIds(ids) : [];
  return new Map(items.map((i) => [i.id, i]));
}

async function ensureCustomerCanVisit(repos: TenantRepos, customerId: string): Promise<void> {
  const customer = await repos.customers.findById(customerId);
  if (!customer) failOrThrow('CUSTOMER_NOT_FOUND', { id: customerId });
  if (customer.erasedAt) failOrThrow('CUSTOMER_ERASED', { id: customerId });
}

function hideNoteFor(actor: Actor, visit: Visit): Visit {
  return actor.piiView === 'none' ? { ...visit, note: null } : visit;
}

/** Registers a completed visit (the counter's checkout) and refreshes the customer's summary. */
export function createVisit(
  deps: VisitDeps,
  input: VisitCreate,
  source: 'counter' | 'api' = 'counter',
): Promise<Result<Visit>> {
  return resultOf(async () => {
    const { repos } = deps;
    await ensureCustomerCanVisit(repos, input.customerId);
    const priced = unwrapOrThrow(
      checkVisitPricing(input.items, await catalogFor(repos, input.items), input.discount, input.payments),
    );
    const visit = await repos.visits.insert({
      customerId: input.customerId,
      storeId: input.storeId,
      staffId: input.staffId ?? null,
      startedAt: new Date(input.startedAt),
      status: 'completed',
      note: input.note ?? null,
      externalId: input.externalId ?? null,
      source,
      ...priced,
    });
    await repos.customers.refreshStats([input.customerId]);
    return visit;
  });
}

export function updateVisit(deps: VisitDeps, id: string, patch: VisitPatch): Promise<Result<Visit>> {
  return resultOf(async () => {
    const { repos } = deps;
    const current = await repos.visits.findById(id);
    if (!current) failOrThrow('VISIT_NOT_FOUND', { id });
    if (current.status === 'voided') failOrThrow('VISIT_VOIDED', { id });
    if (patch.note) {
      // Erasure removed the visit notes; a new one would bring personal data back.
      const customer = await repos.customers.findById(current.customerId);
      if (customer?.erasedAt) failOrThrow('CUSTOMER_ERASED', { id: current.customerId });
    }
    const lines: LineItemInput[] =
      patch.items ??
      current.items.map((i) => ({
        itemId: i.itemId ?? undefined,
        kind: i.kind,
        name: i.name,
        category: i.category,
        quantity: i.quantity,
        unitPrice: i.unitPrice,
        discount: i.discount,
        unitCost: i.unitCost,
      }));
    const priced = unwrapOrThrow(
      checkVisitPricing(
        lines,
        await catalogFor(repos, lines),
        patch.discount ?? current.discount,
        patch.payments ?? current.payments,
      ),
    );
    const write: VisitWrite = {
      customerId: current.customerId,
      storeId: patch.storeId ?? current.storeId,
      staffId: patch.staffId === undefined ? current.staffId : patch.staffId,
      startedAt: new Date(patch.startedAt ?? current.startedAt),
      status: 'completed',
      note: patch.note === undefined ? current.note : patch.note,
      externalId: current.externalId,
      source: current.source,
      ...priced,
    };
    const updated = await repos.visits.replace(id, write);
    if (!updated) failOrThrow('VISIT_NOT_FOUND', { id });
    await repos.customers.refreshStats([current.customerId]);
    return updated;
  });
}

/** Voiding keeps the record (money facts are never deleted) and drops it from every total. */
export function voidVisit(deps: VisitDeps, id: string, reason: string): Promise<Result<Visit>> {
  return resultOf(async () => {
    const { repos } = deps;
    const current = await repos.visits.findById(id);
    if (!current) failOrThrow('VISIT_NOT_FOUND', { id });
    if (current.status === 'voided') failOrThrow('VISIT_VOIDED', { id });
    const voided = await repos.visits.markVoided(id, reason, deps.now);
    if (!voided) failOrThrow('VISIT_NOT_FOUND', { id });
    await repos.customers.refreshStats([current.customerId]);
    return voided;
  });
}

export function getVisit(deps: VisitDeps, id: string): Promise<Result<Visit>> {
  return resultOf(async () => {
    const visit = await deps.repos.visits.findById(id);
    if (!visit) failOrThrow('VISIT_NOT_FOUND', { id });
    return hideNoteFor(deps.actor, visit);
  });
}

/** Date filters are calendar days in the business's time zone. */
export async function listVisits(deps: VisitDeps, query: VisitListQuery, timeZone: string): Promise<Page<Visit>> {
  const { from, to, ...rest } = query;
  const page = await deps.repos.visits.list({
    ...rest,
    ...(from ? { fromInstant: startOfLocalDay(from, timeZone) } : {}),
    ...(to ? { toInstant: endOfLocalDay(to, timeZone) } : {}),
  });
  return { items: page.items.map((v) => hideNoteFor(deps.actor, v)), nextCursor: page.nextCursor };
}
