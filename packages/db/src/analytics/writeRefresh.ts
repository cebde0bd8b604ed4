import type { RefreshOutput } from '@kayoi/core';
import { civilFromEpochDay } from '@kayoi/stats';
import type { Database } from '../database.js';

/** Rows per statement: each insert is short, so the embedded database answers others between. */
const BATCH = 5_000;

const orNull = (v: number) => (Number.isFinite(v) ? v : null);
const yenOrNull = (v: number) => (Number.isFinite(v) ? Math.round(v) : null);

/**
 * Stores a refresh: the run's own score rows first (invisible until the run is marked
 * succeeded), then in one short transaction the run's results and status, then the older
 * runs' score rows are deleted in batches. A crash at any point leaves the previous
 * results in place and at most some orphan rows of an unfinished run, which its retry
 * deletes first.
 */
export async function writeRefresh(
  db: Database,
  tenantId: string,
  runId: string,
  output: RefreshOutput,
): Promise<void> {
  const s = output.scores;
  const m = s.model;
  const end = output.endDay;
  const date = (day: number) => civilFromEpochDay(day);
  const daysAhead = (days: number) => (Number.isFinite(days) ? civilFromEpochDay(end + Math.round(days)) : null);
  await db.query(`delete from customer_scores where tenant_id = $1 and run_id = $2`, [tenantId, runId]);
  for (let from = 0; from < s.ids.length; from += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, s.ids.length - from) }, (_, k) => from + k);
    const col = <T>(f: (i: number) => T) => rows.map(f);
    await db.query(
      `insert into customer_scores (tenant_id, run_id, customer_id, p_alive, p_alive_previous, expected_visits_90,
         expected_visits_365, return_probability_90, next_visit_from, next_visit_to, clv_1y, clv_1y_low, clv_1y_high,
         clv_3y, value_if_active, historical_revenue, historical_profit, visits, first_visit_on, last_visit_on,
         recency_score, frequency_score, segment, at_risk_rank)
       select $1, $2, u.* from unnest($3::uuid[], $4::float8[], $5::float8[], $6::float8[], $7::float8[], $8::float8[],
         $9::date[], $10::date[], $11::int[], $12::int[], $13::int[], $14::int[], $15::int[], $16::int[], $17::int[],
         $18::int[], $19::date[], $20::date[], $21::int2[], $22::int2[], $23::text[], $24::int[]) as u`,
      [
        tenantId,
        runId,
        col((i) => s.ids[i]!),
        col((i) => (m ? orNull(m.pAlive[i]!) : null)),
        col((i) => (m ? orNull(m.pAlivePrevious[i]!) : null)),
        col((i) => (m ? orNull(m.expectedVisits90[i]!) : null)),
        col((i) => (m ? orNull(m.expectedVisits365[i]!) : null)),
        col((i) => (m ? orNull(m.returnProbability90[i]!) : null)),
        col((i) => (m ? daysAhead(m.nextVisitFrom[i]!) : null)),
        col((i) => (m ? daysAhead(m.nextVisitTo[i]!) : null)),
        col((i) => (m ? yenOrNull(m.clv1y[i]!) : null)),
        col((i) => (m ? yenOrNull(m.clv1yLow[i]!) : null)),
        col((i) => (m ? yenOrNull(m.clv1yHigh[i]!) : null)),
        col((i) => (m ? yenOrNull(m.clv3y[i]!) : null)),
        col((i) => (m && m.pAlive[i]! > 0 ? yenOrNull(m.clv1y[i]! / m.pAlive[i]!) : null)),
        col((i) => Math.round(s.revenue[i]!)),
        col((i) => Math.round(s.profit[i]!)),
        col((i) => s.visits[i]!),
        col((i) => date(s.firstDay[i]!)),
        col((i) => date(s.lastDay[i]!)),
        col((i) => s.recency[i]!),
        col((i) => s.frequency[i]!),
        col((i) => s.segment[i]!),
        col((i) => (s.atRiskRank[i]! > 0 ? s.atRiskRank[i]! : null)),
      ],
    );
  }
  await db.query(
    `update model_runs set status = 'succeeded', finished_at = now(), end_date = $3, diagnostics = $4, results = $5, error = null
      where tenant_id = $1 and id = $2`,
    [tenantId, runId, date(end), JSON.stringify(output.diagnostics), JSON.stringify(output.results)],
  );
  for (;;) {
    const deleted = await db.query<{ one: number }>(
      `delete from customer_scores where (tenant_id, run_id, customer_id) in (
         select tenant_id, run_id, customer_id from customer_scores where tenant_id = $1 and run_id <> $2 limit $3)
       returning 1 as one`,
      [tenantId, runId, BATCH],
    );
    if (deleted.length < BATCH) break;
  }
}
