import type {
  Customer,
  Segment,
  SegmentCreate,
  SegmentCustomersQuery,
  SegmentListQuery,
  SegmentPatch,
  SegmentPreview,
  SegmentPreviewRequest,
  SegmentRule,
} from '@kayoi/contracts';
import { BULK_PII_READ_ROWS } from '../customers/customerUseCases.js';
import { presentCustomer } from '../customers/masking.js';
import type { Page, SavedSegment, TenantRepos } from '../ports.js';
import type { Actor } from '../shared/actor.js';
import { failOrThrow, resultOf, unwrapOrThrow, type Result } from '../shared/result.js';
import { checkSegmentRule, type SegmentVocabulary } from './checkSegmentRule.js';
import { planSegmentRule } from './planSegmentRule.js';
import type { SegmentPlan } from './segmentPlan.js';
import { forEachSegmentCondition } from './walkSegmentRule.js';

export interface SegmentDeps {
  repos: TenantRepos;
  actor: Actor;
  now: Date;
  /** The business's time zone: "days since" and "this month" are counted in it. */
  timeZone: string;
}

export async function loadSegmentVocabulary(repos: TenantRepos): Promise<SegmentVocabulary> {
  // One after another: inside a transaction the repositories share one connection.
  const attributes = await repos.attributes.list();
  const stores = await repos.stores.list();
  const users = await repos.users.list();
  const items = await repos.catalog.list();
  const channels = await repos.channels.list();
  return {
    attributes: new Map(attributes.map((a) => [a.id, a])),
    storeIds: new Set(stores.map((s) => s.id)),
    staffIds: new Set(users.map((u) => u.id)),
    itemIds: new Set(items.map((i) => i.id)),
    channelIds: new Set(channels.map((c) => c.id)),
  };
}

async function checkedPlanOrThrow(deps: SegmentDeps, rule: SegmentRule): Promise<SegmentPlan> {
  const vocabulary = await loadSegmentVocabulary(deps.repos);
  unwrapOrThrow(checkSegmentRule(rule, vocabulary));
  return planSegmentRule(rule, { now: deps.now, timeZone: deps.timeZone, attributes: vocabulary.attributes });
}

async function planOf(deps: Omit<SegmentDeps, 'actor'>, rule: SegmentRule): Promise<SegmentPlan> {
  const attributes = new Map((await deps.repos.attributes.list()).map((a) => [a.id, a]));
  return planSegmentRule(rule, { now: deps.now, timeZone: deps.timeZone, attributes });
}

/**
 * Fields that tell something personal about whoever matches. A viewer who may see no
 * personal data (analysts) may count them but not list who matches, as with the customer
 * list's birthday-month filter: the list would say whose birthday falls in April.
 */
const personalFields = new Set<SegmentRule['type']>(['age', 'birthdayMonth', 'tag', 'attribute']);

function ensureMembersViewableOrThrow(actor: Actor, rule: SegmentRule): void {
  if (actor.piiView !== 'none') return;
  const paths: string[] = [];
  forEachSegmentCondition(rule, (condition, path) => {
    if (personalFields.has(condition.type)) paths.push(path);
  });
  if (paths.length > 0) failOrThrow('FORBIDDEN', { reason: 'personal fields in the rule', paths });
}

async function withCount(deps: SegmentDeps, segment: SavedSegment): Promise<Segment> {
  if (segment.archived) return { ...segment, customerCount: null };
  return { ...segment, customerCount: await deps.repos.segments.count(await planOf(deps, segment.rule)) };
}

async function findOrThrow(deps: SegmentDeps, id: string): Promise<SavedSegment> {
  const segment = await deps.repos.segments.findById(id);
  if (!segment) failOrThrow('SEGMENT_NOT_FOUND', { id });
  return segment;
}

/** The live count and the first matching customers while a rule is being edited. */
export function previewSegment(deps: SegmentDeps, request: SegmentPreviewRequest): Promise<Result<SegmentPreview>> {
  return resultOf(async () => {
    const plan = await checkedPlanOrThrow(deps, request.rule);
    const count = await deps.repos.segments.count(plan);
    if (request.sampleSize === 0) return { count, sample: [] };
    ensureMembersViewableOrThrow(deps.actor, request.rule);
    const page = await deps.repos.segments.customers(plan, { limit: request.sampleSize });
    return { count, sample: page.items.map((c) => presentCustomer(c, deps.actor.piiView)) };
  });
}

export async function listSegments(deps: SegmentDeps, query: SegmentListQuery): Promise<Segment[]> {
  const saved = await deps.repos.segments.list({ includeArchived: query.includeArchived ?? false });
  const segments: Segment[] = [];
  for (const segment of saved) segments.push(await withCount(deps, segment));
  return segments;
}

export function getSegment(deps: SegmentDeps, id: string): Promise<Result<Segment>> {
  return resultOf(async () => withCount(deps, await findOrThrow(deps, id)));
}

export function createSegment(deps: SegmentDeps, input: SegmentCreate): Promise<Result<Segment>> {
  return resultOf(async () => {
    await checkedPlanOrThrow(deps, input.rule);
    const created = await deps.repos.segments.insert(
      { name: input.name, description: input.description ?? null, rule: input.rule },
      deps.actor.userId,
    );
    await deps.repos.audit.record({
      actorUserId: deps.actor.userId,
      action: 'segments.created',
      targetType: 'segment',
      targetId: created.id,
      details: { name: created.name, rule: created.rule },
    });
    return withCount(deps, created);
  });
}

/** Renames, redescribes, changes the rule, archives or restores; every change is audited. */
export function updateSegment(deps: SegmentDeps, id: string, patch: SegmentPatch): Promise<Result<Segment>> {
  return resultOf(async () => {
    const before = await findOrThrow(deps, id);
    if (patch.rule) await checkedPlanOrThrow(deps, patch.rule);
    const updated = await deps.repos.segments.update(
      id,
      {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.description !== undefined ? { description: patch.description } : {}),
        ...(patch.rule !== undefined ? { rule: patch.rule } : {}),
        ...(patch.archived !== undefined ? { archived: patch.archived } : {}),
      },
      deps.actor.userId,
    );
    if (!updated) failOrThrow('SEGMENT_NOT_FOUND', { id });
    const archivedNow = patch.archived === true && !before.archived;
    await deps.repos.audit.record({
      actorUserId: deps.actor.userId,
      action: archivedNow ? 'segments.archived' : 'segments.changed',
      targetType: 'segment',
      targetId: id,
      details: {
        before: { name: before.name, description: before.description, rule: before.rule, archived: before.archived },
        patch,
      },
    });
    return withCount(deps, updated);
  });
}

export function archiveSegment(deps: SegmentDeps, id: string): Promise<Result<Segment>> {
  return updateSegment(deps, id, { archived: true });
}

/** Who is in a saved segment now, a page at a time, masked for the viewer. */
export function listSegmentCustomers(
  deps: SegmentDeps,
  id: string,
  query: SegmentCustomersQuery,
): Promise<Result<Page<Customer>>> {
  return resultOf(async () => {
    const segment = await findOrThrow(deps, id);
    ensureMembersViewableOrThrow(deps.actor, segment.rule);
    const page = await deps.repos.segments.customers(await planOf(deps, segment.rule), query);
    const items = page.items.map((c) => presentCustomer(c, deps.actor.piiView));
    if (deps.actor.piiView === 'full' && items.length >= BULK_PII_READ_ROWS) {
      await deps.repos.audit.record({
        actorUserId: deps.actor.userId,
        action: 'customers.bulk_read',
        targetType: 'segment',
        targetId: id,
        details: { rows: items.length },
      });
    }
    return { items, nextCursor: page.nextCursor };
  });
}

/**
 * Every member id of a saved segment, a page at a time, for sending to it. The rule is
 * resolved once, so a run that crosses midnight keeps the audience it started with.
 */
export async function* segmentMemberIdPages(
  deps: Omit<SegmentDeps, 'actor'>,
  id: string,
  pageSize = 1000,
): AsyncGenerator<string[]> {
  const segment = await deps.repos.segments.findById(id);
  if (!segment) failOrThrow('SEGMENT_NOT_FOUND', { id });
  const plan = await planOf(deps, segment.rule);
  let afterId: string | null = null;
  for (;;) {
    const ids = await deps.repos.segments.memberIds(plan, { afterId, limit: pageSize });
    if (ids.length === 0) return;
    yield ids;
    if (ids.length < pageSize) return;
    afterId = ids.at(-1)!;
  }
}
