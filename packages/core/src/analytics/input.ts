import type { AnalyticsSettings } from '@kayoi/contracts';
import type { VisitColumns } from './histories.js';

/** A list of things referred to by code (index): stores, staff, channels, services, areas. */
export interface CodeList {
  ids: readonly string[];
  labels: readonly string[];
}

/**
 * Per customer (indexed like VisitColumns.ids): what segments and cohorts are cut by.
 * Codes index the lists of AnalyticsInput; −1 means unknown.
 */
export interface CustomerAttributes {
  gender: readonly ('female' | 'male' | 'other' | 'unspecified')[];
  /** Birth year, or 0 when unknown. */
  birthYear: Int32Array;
  area: Int32Array;
  channel: Int32Array;
}

export interface AdSpendRow {
  channel: number;
  /** 'YYYY-MM' */
  month: string;
  amount: number;
}

/** Everything a refresh reads, as plain columns: the database layer fills it, nothing else. */
export interface AnalyticsInput {
  /** Today in the shop's zone, as an epoch day: the last day observed. */
  endDay: number;
  visits: VisitColumns;
  customers: CustomerAttributes;
  stores: CodeList;
  staff: CodeList;
  channels: CodeList;
  services: CodeList;
  areas: CodeList;
  adSpend: readonly AdSpendRow[];
  /** Mean booked service minutes of a visit over the last year; null without durations. */
  serviceMinutesPerVisit: number | null;
  settings: AnalyticsSettings;
  /** Average predicted CLV per monitoring group from earlier runs, for the CLV trend and alerts. */
  earlierRuns: readonly EarlierRunSnapshot[];
}

export interface EarlierRunSnapshot {
  endDay: number;
  /** dimension → group → mean predicted 1-year CLV */
  clvByGroup: Record<string, Record<string, number>>;
}
