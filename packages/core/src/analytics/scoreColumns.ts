import type { AnalyticsResults, ModelDiagnostics } from '@kayoi/contracts';
import type { ComputedAnalytics } from './computeAnalytics.js';

/**
 * A refresh's per-customer output as plain columns: what crosses from the worker thread
 * (structured clone, typed arrays transferred) to the database writer. NaN marks "none".
 */
export interface ScoreColumns {
  ids: string[];
  firstDay: Int32Array;
  lastDay: Int32Array;
  visits: Int32Array;
  revenue: Float64Array;
  profit: Float64Array;
  recency: Uint8Array;
  frequency: Uint8Array;
  segment: string[];
  atRiskRank: Int32Array;
  model: {
    pAlive: Float64Array;
    pAlivePrevious: Float64Array;
    expectedVisits90: Float64Array;
    expectedVisits365: Float64Array;
    returnProbability90: Float64Array;
    /** Days after the end day. */
    nextVisitFrom: Float64Array;
    nextVisitTo: Float64Array;
    clv1y: Float64Array;
    clv1yLow: Float64Array;
    clv1yHigh: Float64Array;
    clv3y: Float64Array;
  } | null;
}

export interface RefreshOutput {
  endDay: number;
  results: AnalyticsResults;
  diagnostics: ModelDiagnostics;
  scores: ScoreColumns;
}

export function refreshOutputOf(computed: ComputedAnalytics): RefreshOutput {
  const { metrics, scores } = computed.run;
  return {
    endDay: computed.histories.endDay,
    results: computed.results,
    diagnostics: computed.diagnostics,
    scores: {
      ids: [...computed.histories.ids],
      firstDay: metrics.firstDay,
      lastDay: metrics.lastDay,
      visits: metrics.visitDays,
      revenue: metrics.revenue,
      profit: metrics.profit,
      recency: computed.rfm.recency,
      frequency: computed.rfm.frequency,
      segment: computed.rfm.segment,
      atRiskRank: computed.atRiskRank,
      model:
        scores && computed.run.pAlivePrevious
          ? {
              pAlive: scores.pAlive,
              pAlivePrevious: computed.run.pAlivePrevious,
              expectedVisits90: scores.expectedVisits90,
              expectedVisits365: scores.expectedVisits365,
              returnProbability90: scores.returnProbability90,
              nextVisitFrom: scores.nextVisitFrom,
              nextVisitTo: scores.nextVisitTo,
              clv1y: scores.clv1y,
              clv1yLow: scores.clv1yLow,
              clv1yHigh: scores.clv1yHigh,
              clv3y: scores.clv3y,
            }
          : null,
    },
  };
}

/** Buffers to transfer (not copy) to another thread. */
export function transferablesOf(output: RefreshOutput): ArrayBuffer[] {
  const s = output.scores;
  const arrays: ArrayBufferView[] = [
    s.firstDay,
    s.lastDay,
    s.visits,
    s.revenue,
    s.profit,
    s.recency,
    s.frequency,
    s.atRiskRank,
  ];
  if (s.model) arrays.push(...Object.values(s.model));
  const buffers = new Set<ArrayBuffer>();
  for (const a of arrays) if (a.buffer instanceof ArrayBuffer) buffers.add(a.buffer);
  return [...buffers];
}
