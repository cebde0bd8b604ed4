import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

/** The CDNOW 1/10 sample summary (2,357 customers, weeks; calibration = first 39 weeks). */
export function cdnowSummary(): {
  id: string[];
  frequency: number[];
  recency: number[];
  T: number[];
  monetary: number[];
} {
  const rows = readFileSync(fixture('cdnow_customers_summary_with_transactions.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));
  return {
    id: rows.map((r) => r[0]!),
    frequency: rows.map((r) => Number(r[1])),
    recency: rows.map((r) => Number(r[2])),
    T: rows.map((r) => Number(r[3])),
    monetary: rows.map((r) => Number(r[4])),
  };
}

/** The raw CDNOW sample transactions: sample id, date (YYYYMMDD), CDs, dollar value. */
export function cdnowSampleTransactions(): { id: string; date: string; amount: number }[] {
  return readFileSync(fixture('CDNOW_sample.txt'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .map((f) => ({
      id: f[1]!,
      date: `${f[2]!.slice(0, 4)}-${f[2]!.slice(4, 6)}-${f[2]!.slice(6, 8)}`,
      amount: Number(f[4]),
    }));
}
