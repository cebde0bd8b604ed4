import type { CampaignOutcome, MeasurementReport } from '@kayoi/contracts';
import { abVerdict, binaryUplift, revenueUplift, type RevenueGroupSummary } from '@kayoi/stats';

/** One arm's outcome within the window, as the database sums it (yen squared for the variance). */
export interface ArmTotals {
  readonly customers: number;
  readonly converted: number;
  readonly visits: number;
  readonly revenue: number;
  readonly revenueSquares: number;
}

export interface ReportInput {
  readonly campaignId: string;
  readonly outcome: CampaignOutcome;
  /** When sending started: the window opens then for every arm, the holdout included. */
  readonly startedAt: Date | null;
  readonly now: Date;
  readonly arms: { readonly a: ArmTotals; readonly b: ArmTotals; readonly holdout: ArmTotals };
  readonly hasVariantB: boolean;
}

const DAY_MS = 86_400_000;
const empty: ArmTotals = { customers: 0, converted: 0, visits: 0, revenue: 0, revenueSquares: 0 };

const plus = (x: ArmTotals, y: ArmTotals): ArmTotals => ({
  customers: x.customers + y.customers,
  converted: x.converted + y.converted,
  visits: x.visits + y.visits,
  revenue: x.revenue + y.revenue,
  revenueSquares: x.revenueSquares + y.revenueSquares,
});

const armOutcome = (t: ArmTotals) => ({
  customers: t.customers,
  converted: t.converted,
  rate: t.customers > 0 ? t.converted / t.customers : null,
  visits: t.visits,
  revenue: t.revenue,
});

/** Mean and sample variance from sums, so 100,000 customers need not leave the database. */
function revenueSummary(t: ArmTotals): RevenueGroupSummary {
  const mean = t.customers > 0 ? t.revenue / t.customers : 0;
  const variance =
    t.customers > 1 ? Math.max(0, (t.revenueSquares - t.customers * mean * mean) / (t.customers - 1)) : 0;
  return { customers: t.customers, meanYen: mean, varianceYen: variance };
}

/**
 * Treated (arms A and B, everyone assigned to be sent, whether or not a message went out:
 * intent to treat, so skips cannot flatter the result) against the holdout. The uplift and
 * the A/B verdict use the statistics of packages/stats; nothing is called significant unless
 * its 95 % interval excludes zero.
 */
export function buildMeasurementReport(input: ReportInput): MeasurementReport {
  const { a, b, holdout } = input.arms;
  const treated = plus(a, input.hasVariantB ? b : empty);
  const windowEndsAt = input.startedAt ? new Date(input.startedAt.getTime() + input.outcome.days * DAY_MS) : null;
  const binary = binaryUplift(
    { events: treated.converted, customers: treated.customers },
    { events: holdout.converted, customers: holdout.customers },
  );
  const revenue = revenueUplift(revenueSummary(treated), revenueSummary(holdout));
  const upliftInterval = binary.ok ? binary.absoluteUplift : null;
  const revenueInterval = revenue.ok ? revenue.upliftYenPerCustomer : null;
  const primary = input.outcome.kind === 'visit' ? upliftInterval : revenueInterval;
  let abTest: MeasurementReport['abTest'] = null;
  if (input.hasVariantB) {
    const verdict = abVerdict(
      { events: a.converted, customers: a.customers },
      { events: b.converted, customers: b.customers },
    );
    const difference = verdict.comparison.ok
      ? { estimate: verdict.comparison.difference, ...verdict.comparison.newcombe }
      : null;
    abTest = { a: armOutcome(a), b: armOutcome(b), difference, winner: verdict.verdict };
  }
  const incrementalVisits =
    binary.ok && holdout.customers > 0
      ? treated.visits - (holdout.visits / holdout.customers) * treated.customers
      : null;
  return {
    campaignId: input.campaignId,
    outcome: input.outcome,
    windowEndsAt: windowEndsAt?.toISOString() ?? null,
    complete: windowEndsAt !== null && input.now >= windowEndsAt,
    treated: armOutcome(treated),
    holdout: armOutcome(holdout),
    uplift: upliftInterval,
    revenueUpliftPerCustomer: revenueInterval,
    significant: primary !== null && (primary.lower > 0 || primary.upper < 0),
    incrementalVisits,
    incrementalRevenue: revenue.ok ? Math.round(revenue.incrementalYen.estimate) : null,
    abTest,
    notEnoughData: binary.ok ? (revenue.ok || input.outcome.kind === 'visit' ? null : revenue.reason) : binary.reason,
  };
}
