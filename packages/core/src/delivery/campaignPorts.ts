import type {
  Broadcast,
  BroadcastStatus,
  CampaignOutcome,
  CampaignTemplates,
  Delivery,
  DeliveryChannel,
  DeliveryListQuery,
} from '@kayoi/contracts';
import type { Page } from '../ports.js';
import type { SegmentPlan } from '../segments/segmentPlan.js';
import type { ArmTotals } from './measurementReport.js';

export interface BroadcastWrite {
  name: string;
  segmentId: string;
  templates: CampaignTemplates;
  variantB: CampaignTemplates | null;
  channelOrder: DeliveryChannel[] | null;
  holdoutPercent: number;
  outcome: CampaignOutcome;
}

/** One tenant's broadcasts and their delivery log (the worker's cross-tenant queue is in packages/db). */
export interface CampaignRepository {
  list(options: { includeCancelled: boolean }): Promise<Broadcast[]>;
  findById(id: string): Promise<Broadcast | null>;
  insert(input: BroadcastWrite, actorUserId: string | null): Promise<Broadcast>;
  /** Changes a draft; null when there is no draft with this id (gone, or already scheduled). */
  updateDraft(id: string, patch: Partial<BroadcastWrite>, actorUserId: string | null): Promise<Broadcast | null>;
  /** draft → scheduled at `sendAt`; null when it is not a draft. */
  schedule(id: string, sendAt: Date, actorUserId: string | null): Promise<Broadcast | null>;
  /** Stops a broadcast that has not finished: its messages not yet sent are cancelled. */
  cancel(id: string, actorUserId: string | null): Promise<Broadcast | null>;
  deliveries(
    filter: { campaignId?: string; customerId?: string },
    query: Omit<DeliveryListQuery, 'limit'> & { limit: number },
  ): Promise<Page<Delivery>>;
  /** Outcome totals per arm from `from` for `days` days (visits completed in the window). */
  armTotals(campaignId: string, from: Date, days: number): Promise<Record<'a' | 'b' | 'holdout', ArmTotals>>;
  /** Of the plan's members, how many there are and how many visited since `since` (a baseline rate). */
  audienceBaseline(plan: SegmentPlan, since: Date): Promise<{ audience: number; visited: number }>;
  /** Counts a click on a tracked link; answers where it goes, or null for an unknown token. */
  followLink(token: string, at: Date): Promise<string | null>;
}

export type { BroadcastStatus };
