import type { AtRiskCustomer, CustomerScore } from '@kayoi/contracts';
import { sql } from 'drizzle-orm';
import { rowsOf, type Orm } from '../database.js';

interface ScoreRow {
  customer_id: string;
  run_id: string;
  end_date: string;
  low_data: boolean | null;
  p_alive: number | null;
  p_alive_previous: number | null;
  expected_visits_90: number | null;
  expected_visits_365: number | null;
  return_probability_90: number | null;
  next_visit_from: string | null;
  next_visit_to: string | null;
  clv_1y: number | null;
  clv_1y_low: number | null;
  clv_1y_high: number | null;
  clv_3y: number | null;
  historical_revenue: number;
  historical_profit: number;
  visits: number;
  recency_score: number;
  frequency_score: number;
  segment: CustomerScore['segment'];
}

/** Scores of the newest succeeded run, read by customer or down the at-risk list. */
export function scoreQueries(orm: Orm, tenantId: string) {
  const latestRun = sql`(select id from model_runs where tenant_id = ${tenantId} and status = 'succeeded'
                          order by finished_at desc, id desc limit 1)`;
  return {
    async customerScore(customerId: string): Promise<CustomerScore | null> {
      const [r] = await rowsOf<ScoreRow>(
        orm,
        sql`select s.*, r.end_date, (r.diagnostics -> 'count' ->> 'lowData')::boolean as low_data
              from customer_scores s join model_runs r on r.tenant_id = s.tenant_id and r.id = s.run_id
             where s.tenant_id = ${tenantId} and s.run_id = ${latestRun} and s.customer_id = ${customerId}`,
      );
      if (!r) return null;
      return {
        customerId: r.customer_id,
        runId: r.run_id,
        endDate: r.end_date,
        pAlive: r.p_alive,
        pAlivePrevious: r.p_alive_previous,
        expectedVisits90d: r.expected_visits_90,
        expectedVisits365d: r.expected_visits_365,
        returnProbability90d: r.return_probability_90,
        nextVisitFrom: r.next_visit_from,
        nextVisitTo: r.next_visit_to,
        predictedClv1y: r.clv_1y,
        predictedClv1yLow: r.clv_1y_low,
        predictedClv1yHigh: r.clv_1y_high,
        predictedClv3y: r.clv_3y,
        historicalRevenue: r.historical_revenue,
        historicalProfit: r.historical_profit,
        visits: r.visits,
        recencyScore: r.recency_score,
        frequencyScore: r.frequency_score,
        segment: r.segment,
        lowData: r.low_data ?? false,
      };
    },

    /** The at-risk list in rank order, a page at a time (the cursor is the last rank shown). */
    async atRiskPage(query: { limit: number; afterRank: number }): Promise<AtRiskCustomer[]> {
      const rows = await rowsOf<{
        customer_id: string;
        at_risk_rank: number;
        family_name: string | null;
        given_name: string | null;
        visits: number;
        historical_revenue: number;
        last_visit_on: string;
        p_alive: number;
        p_alive_previous: number;
        clv_1y: number;
        value_if_active: number;
        segment: AtRiskCustomer['segment'];
      }>(
        orm,
        sql`select s.customer_id, s.at_risk_rank, c.family_name, c.given_name, s.visits, s.historical_revenue,
                   s.last_visit_on, s.p_alive, s.p_alive_previous, s.clv_1y, s.value_if_active, s.segment
              from customer_scores s join customers c on c.tenant_id = s.tenant_id and c.id = s.customer_id
             where s.tenant_id = ${tenantId} and s.run_id = ${latestRun}
               and s.at_risk_rank is not null and s.at_risk_rank > ${query.afterRank}
             order by s.at_risk_rank limit ${query.limit}`,
      );
      return rows.map((r) => ({
        customerId: r.customer_id,
        rank: r.at_risk_rank,
        displayName: [r.family_name, r.given_name].filter(Boolean).join(' ') || null,
        visits: r.visits,
        revenue: r.historical_revenue,
        lastVisitOn: r.last_visit_on,
        pAlive: r.p_alive,
        pAlivePrevious: r.p_alive_previous,
        predictedClv1y: r.clv_1y,
        valueIfActive: r.value_if_active,
        segment: r.segment,
      }));
    },
  };
}
export type ScoreQueries = ReturnType<typeof scoreQueries>;
