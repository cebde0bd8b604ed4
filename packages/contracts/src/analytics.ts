import { z } from 'zod';
import { Id, Instant, LocalDate, Month } from './common.js';

/** Sums of yen (a month's revenue can pass any per-visit cap); still whole yen. */
const YenAmount = z.number().int().meta({ description: 'Yen (integer), may be a sum or negative' });
const Share = z.number().min(0).max(1).meta({ description: 'A share from 0 to 1' });
const Probability = z.number().min(0).max(1);

export const spendBases = ['revenue', 'gross_profit'] as const;
export const SpendBasis = z.enum(spendBases).meta({ id: 'SpendBasis' });
export type SpendBasis = z.infer<typeof SpendBasis>;

const analyticsSettingsFields = {
  /** What CLV counts: revenue, or gross profit (revenue minus the cost of what was sold). */
  spendBasis: SpendBasis,
  /** Yearly discount rate applied to future value (0.1 = 10 %). */
  discountRatePerYear: z.number().min(0).max(1),
  /** Refresh every night in the shop's time zone. */
  nightlyRefresh: z.boolean(),
  /** Local hour (0–23) after which the nightly refresh runs. */
  nightlyHour: z.number().int().min(0).max(23),
};

export const AnalyticsSettings = z
  .object({
    spendBasis: analyticsSettingsFields.spendBasis.default('revenue'),
    discountRatePerYear: analyticsSettingsFields.discountRatePerYear.default(0.1),
    nightlyRefresh: analyticsSettingsFields.nightlyRefresh.default(true),
    nightlyHour: analyticsSettingsFields.nightlyHour.default(3),
  })
  .meta({ id: 'AnalyticsSettings' });
/** A change to some of the settings: absent fields stay as they are (no defaults here). */
export const AnalyticsSettingsPatch = z
  .object(analyticsSettingsFields)
  .partial()
  .strict()
  .meta({ id: 'AnalyticsSettingsPatch' });
export type AnalyticsSettingsPatch = z.infer<typeof AnalyticsSettingsPatch>;
export type AnalyticsSettings = z.infer<typeof AnalyticsSettings>;

// ---------------------------------------------------------------- model runs

export const modelRunStatuses = ['queued', 'running', 'succeeded', 'failed'] as const;
export const ModelRunStatus = z.enum(modelRunStatuses).meta({ id: 'ModelRunStatus' });
export const modelRunTriggers = ['manual', 'nightly', 'cli'] as const;
export const ModelRunTrigger = z.enum(modelRunTriggers).meta({ id: 'ModelRunTrigger' });

export const rfmSegments = [
  'champions',
  'loyal',
  'potential_loyalists',
  'new',
  'at_risk',
  'cant_lose',
  'hibernating',
  'lost',
] as const;
export const RfmSegmentName = z.enum(rfmSegments).meta({ id: 'RfmSegment' });

export const CandidateCheck = z.object({
  model: z.enum(['bg-nbd', 'pareto-nbd']),
  mae: z.number(),
  aggregateError: z.number(),
  converged: z.boolean(),
});

export const ModelDiagnostics = z
  .object({
    customers: z.number().int(),
    repeatCustomers: z.number().int(),
    visitDays: z.number().int(),
    skipped: z.enum(['no_customers', 'too_few_repeat_customers']).nullable(),
    count: z
      .object({
        model: z.enum(['bg-nbd', 'pareto-nbd']),
        reason: z.enum(['holdout', 'short_history', 'few_customers']),
        lowData: z.boolean(),
        penalizer: z.number(),
        params: z.record(z.string(), z.number()),
        stdErr: z.record(z.string(), z.number().nullable()),
        logLik: z.number(),
        converged: z.boolean(),
        iterations: z.number().int(),
        holdout: z
          .object({ calibrationEndDate: LocalDate, days: z.number().int(), candidates: z.array(CandidateCheck) })
          .nullable(),
      })
      .nullable(),
    spend: z
      .object({
        basis: SpendBasis,
        kind: z.enum(['gamma-gamma', 'mean']),
        params: z.record(z.string(), z.number()).nullable(),
        populationMean: z.number(),
      })
      .nullable(),
    discountRatePerYear: z.number(),
    seconds: z.record(z.string(), z.number()).meta({ description: 'Time spent per phase' }),
  })
  .meta({ id: 'ModelDiagnostics' });
export type ModelDiagnostics = z.infer<typeof ModelDiagnostics>;

export const ModelRun = z
  .object({
    id: Id,
    status: ModelRunStatus,
    trigger: ModelRunTrigger,
    /** The last local day the run observed. */
    endDate: LocalDate.nullable(),
    createdAt: Instant,
    startedAt: Instant.nullable(),
    finishedAt: Instant.nullable(),
    error: z.string().nullable(),
    diagnostics: ModelDiagnostics.nullable(),
  })
  .meta({ id: 'ModelRun' });
export type ModelRun = z.infer<typeof ModelRun>;

// ---------------------------------------------------------------- views

export const Overview = z
  .object({
    /** By days since the last visit: active ≤ 90, at risk 91–365, lost > 365. */
    activeCustomers: z.number().int(),
    atRiskCustomers: z.number().int(),
    lostCustomers: z.number().int(),
    revenueMonthToDate: YenAmount,
    /** The same days of the same month a year earlier. */
    revenueSamePeriodLastYear: YenAmount,
    revenueSameMonthLastYear: YenAmount,
    month: Month,
    averagePredictedClv1y: YenAmount.nullable(),
    secondVisitRate: Share.nullable(),
    medianDaysToSecondVisit: z.number().nullable(),
    /** Share of the last 365 days' revenue from visits that were not a customer's first. */
    returningRevenueShare: Share.nullable(),
    customers: z.number().int(),
  })
  .meta({ id: 'AnalyticsOverview' });
export type Overview = z.infer<typeof Overview>;

export const CohortCell = z.object({
  monthsSince: z.number().int(),
  activeCustomers: z.number().int(),
  retention: Share,
  revenuePerCustomer: YenAmount,
  cumulativeRevenuePerCustomer: YenAmount,
  partial: z.boolean(),
});
export const SecondVisitGroup = z.object({
  group: z.string(),
  label: z.string(),
  customers: z.number().int(),
  repeatCustomers: z.number().int(),
  rate: Share.nullable(),
  medianDaysToSecondVisit: z.number().nullable(),
});
export const secondVisitDimensions = ['channel', 'firstService', 'firstStaff', 'store'] as const;
export const CohortsView = z
  .object({
    cohorts: z.array(z.object({ month: Month, customers: z.number().int(), cells: z.array(CohortCell) })),
    secondVisit: z.object({
      channel: z.array(SecondVisitGroup),
      firstService: z.array(SecondVisitGroup),
      firstStaff: z.array(SecondVisitGroup),
      store: z.array(SecondVisitGroup),
    }),
  })
  .meta({ id: 'AnalyticsCohorts' });
export type CohortsView = z.infer<typeof CohortsView>;

export const RfmView = z
  .object({
    cells: z.array(
      z.object({
        recency: z.number().int().min(1).max(5),
        frequency: z.number().int().min(1).max(5),
        segment: RfmSegmentName,
        customers: z.number().int(),
        revenue: YenAmount,
      }),
    ),
    segments: z.array(
      z.object({
        segment: RfmSegmentName,
        cells: z.array(z.tuple([z.number().int(), z.number().int()])),
        customers: z.number().int(),
        revenue: YenAmount,
        averagePredictedClv1y: YenAmount.nullable(),
      }),
    ),
    thresholds: z.object({
      recencyDays: z.array(z.number().int()).length(4),
      frequencyVisits: z.array(z.number().int()).length(4),
    }),
  })
  .meta({ id: 'AnalyticsRfm' });
export type RfmView = z.infer<typeof RfmView>;

export const segmentDimensions = ['ageBand', 'gender', 'area', 'channel', 'firstService', 'store', 'staff'] as const;
export const SegmentDimension = z.enum(segmentDimensions).meta({ id: 'SegmentDimension' });
export type SegmentDimension = z.infer<typeof SegmentDimension>;
export const SegmentRow = z.object({
  group: z.string(),
  label: z.string(),
  customers: z.number().int(),
  historicalRevenuePerCustomer: YenAmount,
  /** Revenue less the cost of what was sold (menu and product costs), per customer. */
  historicalProfitPerCustomer: YenAmount,
  predictedClv1y: YenAmount.nullable(),
  predictedClv3y: YenAmount.nullable(),
  returnProbability90d: Probability.nullable(),
});
export const SegmentsView = z
  .object({ dimension: SegmentDimension, rows: z.array(SegmentRow) })
  .meta({ id: 'AnalyticsSegments' });
export type SegmentsView = z.infer<typeof SegmentsView>;

export const ParetoView = z
  .object({
    customers: z.number().int(),
    totalRevenue: YenAmount,
    top20Share: Share.nullable(),
    curve: z.array(z.object({ customerShare: Share, revenueShare: Share })),
  })
  .meta({ id: 'AnalyticsPareto' });
export type ParetoView = z.infer<typeof ParetoView>;

export const ChannelEconomics = z.object({
  channelId: z.string(),
  label: z.string(),
  adSpend: YenAmount,
  newCustomers: z.number().int(),
  acquisitionCost: YenAmount.nullable(),
  /** Mean first-year value of these customers: observed where a year has passed, predicted otherwise. */
  firstYearValue: YenAmount.nullable(),
  ltvToCac: z.number().nullable(),
  /** Months until cumulative value per customer passes the acquisition cost; null if not within 24. */
  paybackMonths: z.number().int().nullable(),
});
export const UnitEconomicsView = z
  .object({
    from: Month,
    to: Month,
    channels: z.array(ChannelEconomics),
    monthly: z.array(
      z.object({ month: Month, channelId: z.string(), adSpend: YenAmount, newCustomers: z.number().int() }),
    ),
    /** The inputs of the what-if, from the same run. */
    baseline: z.object({
      newCustomersNext12Months: z.number(),
      adSpendLast12Months: YenAmount,
      existingRevenueNext12Months: YenAmount,
      newCustomerRevenueNext12Months: YenAmount,
      /** First-year value of a customer who came back / never came back (customers acquired 1–2 years ago, or modelled). */
      firstYearValueRepeater: YenAmount.nullable(),
      firstYearValueOneTimer: YenAmount.nullable(),
      firstYearValueNewCustomer: YenAmount.nullable(),
      secondVisitRate: Share.nullable(),
    }),
  })
  .meta({ id: 'AnalyticsUnitEconomics' });
export type UnitEconomicsView = z.infer<typeof UnitEconomicsView>;

export const WhatIfQuery = z
  .object({
    secondVisitRatePoints: z.coerce.number().min(0).max(50).default(0),
    retentionPercent: z.coerce.number().min(0).max(100).default(0),
    acquisitionPercent: z.coerce.number().min(0).max(200).default(0),
  })
  .meta({ id: 'WhatIfQuery' });
export type WhatIfQuery = z.infer<typeof WhatIfQuery>;
export const WhatIfResult = z
  .object({
    secondVisit: z.object({ extraRepeaters: z.number(), revenue: YenAmount }),
    retention: z.object({ revenue: YenAmount }),
    acquisition: z.object({ extraCustomers: z.number(), revenue: YenAmount, cost: YenAmount, net: YenAmount }),
  })
  .meta({ id: 'WhatIfResult' });
export type WhatIfResult = z.infer<typeof WhatIfResult>;

export const ForecastView = z
  .object({
    months: z.array(
      z.object({
        month: Month,
        days: z.number().int(),
        partial: z.boolean(),
        visits: z.number(),
        visitsLow: z.number(),
        visitsHigh: z.number(),
        revenue: YenAmount,
        revenueLow: YenAmount,
        revenueHigh: YenAmount,
        existingRevenue: YenAmount,
        newCustomerRevenue: YenAmount,
        newCustomers: z.number(),
        staffHours: z.number().nullable(),
      }),
    ),
    serviceMinutesPerVisit: z.number().nullable(),
  })
  .meta({ id: 'AnalyticsForecast' });
export type ForecastView = z.infer<typeof ForecastView>;

export const StaffView = z
  .object({
    rows: z.array(
      z.object({
        staffId: z.string(),
        label: z.string(),
        customersServed: z.number().int(),
        newCustomers: z.number().int(),
        /** Of their new customers first served 90+ days ago, the share who came back. */
        newCustomerReturnRate: Share.nullable(),
        averagePredictedClv1y: YenAmount.nullable(),
        revenue: YenAmount,
      }),
    ),
    windowDays: z.number().int(),
  })
  .meta({ id: 'AnalyticsStaff' });
export type StaffView = z.infer<typeof StaffView>;

export const monitoringDimensions = ['segment', 'store', 'channel', 'ageBand', 'gender'] as const;
export const MonitoringDimension = z.enum(monitoringDimensions).meta({ id: 'MonitoringDimension' });
export type MonitoringDimension = z.infer<typeof MonitoringDimension>;
export const MonitoringPoint = z.object({
  weekEnd: LocalDate,
  /** Of customers who visited 90–180 days before, the share who visited in the last 90 days. */
  returnRate: Share.nullable(),
  base: z.number().int(),
  visits: z.number().int(),
  spendPerVisit: YenAmount.nullable(),
  /** Share of repeat visits served by the same staff as the customer's previous visit. */
  sameStaffShare: Share.nullable(),
  /** Share of repeat visits at the same store as the customer's previous visit. */
  sameStoreShare: Share.nullable(),
  averagePredictedClv1y: YenAmount.nullable(),
});
export const MonitoringAlert = z.object({
  dimension: MonitoringDimension,
  group: z.string(),
  label: z.string(),
  metric: z.enum(['returnRate', 'predictedClv']),
  before: z.number(),
  now: z.number(),
  change: z.number(),
  drivers: z.array(
    z.object({
      kind: z.enum(['spendPerVisit', 'visits', 'sameStaffShare', 'sameStoreShare', 'contacts']),
      before: z.number().nullable(),
      now: z.number().nullable(),
    }),
  ),
});
export const MonitoringView = z
  .object({
    dimension: MonitoringDimension,
    groups: z.array(z.object({ group: z.string(), label: z.string(), points: z.array(MonitoringPoint) })),
    alerts: z.array(MonitoringAlert),
    thresholds: z.object({ returnRatePoints: z.number(), clvPercent: z.number() }),
  })
  .meta({ id: 'AnalyticsMonitoring' });
export type MonitoringView = z.infer<typeof MonitoringView>;

export const AtRiskQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z.string().max(50).optional(),
  })
  .meta({ id: 'AtRiskQuery' });
export const AtRiskCustomer = z
  .object({
    customerId: Id,
    rank: z.number().int(),
    displayName: z.string().nullable(),
    visits: z.number().int(),
    revenue: YenAmount,
    lastVisitOn: LocalDate,
    pAlive: Probability,
    pAlivePrevious: Probability,
    predictedClv1y: YenAmount,
    valueIfActive: YenAmount,
    segment: RfmSegmentName,
  })
  .meta({ id: 'AtRiskCustomer' });
export type AtRiskCustomer = z.infer<typeof AtRiskCustomer>;

export const CustomerScore = z
  .object({
    customerId: Id,
    runId: Id,
    endDate: LocalDate,
    pAlive: Probability.nullable(),
    pAlivePrevious: Probability.nullable(),
    expectedVisits90d: z.number().nullable(),
    expectedVisits365d: z.number().nullable(),
    returnProbability90d: Probability.nullable(),
    /** Quartiles of the next visit date, if the customer still comes. */
    nextVisitFrom: LocalDate.nullable(),
    nextVisitTo: LocalDate.nullable(),
    predictedClv1y: YenAmount.nullable(),
    predictedClv1yLow: YenAmount.nullable(),
    predictedClv1yHigh: YenAmount.nullable(),
    predictedClv3y: YenAmount.nullable(),
    historicalRevenue: YenAmount,
    historicalProfit: YenAmount,
    visits: z.number().int(),
    recencyScore: z.number().int(),
    frequencyScore: z.number().int(),
    segment: RfmSegmentName,
    lowData: z.boolean(),
  })
  .meta({ id: 'CustomerScore' });
export type CustomerScore = z.infer<typeof CustomerScore>;

/** Every stored view of one run. */
export const AnalyticsResults = z.object({
  overview: Overview,
  cohorts: CohortsView,
  rfm: RfmView,
  segments: z.array(SegmentsView),
  pareto: ParetoView,
  unitEconomics: UnitEconomicsView,
  forecast: ForecastView,
  staff: StaffView,
  monitoring: z.array(MonitoringView),
});
export type AnalyticsResults = z.infer<typeof AnalyticsResults>;

/** What every view response carries: which run it comes from. */
export const ViewRun = z.object({
  runId: Id,
  endDate: LocalDate,
  finishedAt: Instant,
  lowData: z.boolean(),
  model: z.enum(['bg-nbd', 'pareto-nbd']).nullable(),
});
export type ViewRun = z.infer<typeof ViewRun>;
export function viewResponse<T extends z.ZodType>(view: T, id: string) {
  return z.object({ run: ViewRun, view }).meta({ id });
}
