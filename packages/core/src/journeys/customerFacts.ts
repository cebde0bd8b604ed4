import type { AttributeValue, JourneyCondition, rfmSegments } from '@kayoi/contracts';

/**
 * What the engine may know about a customer when a branch runs, gathered by the worker.
 * Attributes are keyed by attribute id (conditions name ids, so a renamed key keeps working).
 */
export interface CustomerFacts {
  readonly attributes: Readonly<Record<string, AttributeValue | null | undefined>>;
  readonly tags: readonly string[];
  readonly visitCount: number;
  /** Items and categories of the latest non-voided visit. */
  readonly lastVisit: { readonly itemIds: readonly string[]; readonly categories: readonly string[] } | null;
  /** From the latest LTV scores; null until the customer is scored. */
  readonly pAlive: number | null;
  /** Predicted 1-year customer value in yen. */
  readonly predictedClv: number | null;
  readonly rfmSegment: (typeof rfmSegments)[number] | null;
}

function inBounds(value: number | null, bounds: { gte?: number | undefined; lte?: number | undefined }): boolean {
  if (value === null) return false;
  return (bounds.gte === undefined || value >= bounds.gte) && (bounds.lte === undefined || value <= bounds.lte);
}

function isSet(value: AttributeValue | null | undefined): boolean {
  if (value === null || value === undefined || value === '') return false;
  return !Array.isArray(value) || value.length > 0;
}

/** True when the customer's facts satisfy the condition; missing facts never match. */
export function checkJourneyCondition(condition: JourneyCondition, facts: CustomerFacts): boolean {
  switch (condition.type) {
    case 'all':
      return condition.conditions.every((c) => checkJourneyCondition(c, facts));
    case 'any':
      return condition.conditions.some((c) => checkJourneyCondition(c, facts));
    case 'not':
      return !checkJourneyCondition(condition.condition, facts);
    case 'attribute': {
      const value = facts.attributes[condition.attributeId];
      if (condition.op === 'is_set') return isSet(value);
      // A single choice is stored as its option value, a multi choice as an array of them.
      if (condition.op === 'includes')
        return Array.isArray(value) ? value.includes(condition.value) : value === condition.value;
      return !Array.isArray(value) && value === condition.value;
    }
    case 'tag':
      return facts.tags.includes(condition.tag);
    case 'visit_count':
      return inBounds(facts.visitCount, condition);
    case 'last_visit_category':
      return facts.lastVisit?.categories.some((c) => condition.categories.includes(c)) ?? false;
    case 'last_visit_item':
      return facts.lastVisit?.itemIds.some((id) => condition.itemIds.includes(id)) ?? false;
    case 'rfm_segment':
      return facts.rfmSegment !== null && condition.segments.includes(facts.rfmSegment);
    case 'predicted_clv':
      return inBounds(facts.predictedClv, condition);
    case 'p_alive':
      return inBounds(facts.pAlive, condition);
  }
}
