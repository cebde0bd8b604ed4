import type { CustomerMetrics } from '../customerMetrics.js';
import type { CountModel, ModelParams } from './countModels.js';
import type { ExistingCustomerForecast } from './scoreCustomers.js';
import type { TimeGrid } from './timeGrid.js';

const Z90 = 1.6448536269514722;
/** New customers per day are the mean of this many recent days: long enough to smooth a month's luck. */
const NEW_CUSTOMER_WINDOW_DAYS = 182;

export interface ForecastMonth {
  /** 'YYYY-MM'; the first may be the rest of the current month. */
  month: string;
  /** Days of the month after the end day (fewer than the month's for the current one). */
  days: number;
  visits: number;
  visitsLow: number;
  visitsHigh: number;
  revenue: number;
  revenueLow: number;
  revenueHigh: number;
  existingVisits: number;
  existingRevenue: number;
  newCustomers: number;
  newCustomerVisits: number;
  newCustomerRevenue: number;
  /** Staff hours the visits need, from the mean service minutes of a visit. */
  staffHours: number | null;
}

export interface NewCustomerAssumptions {
  perDay: number;
  /** Mean value of a first visit day (basis amount). */
  firstVisitValue: number;
  /** Mean value of a later visit (the spend model's population mean). */
  repeatVisitValue: number;
}

/** New customers per day over the last half year, and what a first visit is worth. */
export function newCustomerAssumptions(
  metrics: CustomerMetrics,
  firstVisitValue: Float64Array,
  repeatVisitValue: number,
): NewCustomerAssumptions {
  const windowStart = metrics.endDay - NEW_CUSTOMER_WINDOW_DAYS + 1;
  let earliest = metrics.endDay;
  let recent = 0;
  let firstSum = 0;
  for (let i = 0; i < metrics.n; i++) {
    const first = metrics.firstDay[i]!;
    if (first < earliest) earliest = first;
    if (first >= windowStart) recent++;
    firstSum += firstVisitValue[i]!;
  }
  // A shop younger than the window: divide by the days it has existed.
  const days = Math.max(1, metrics.endDay - Math.max(windowStart, earliest) + 1);
  return {
    perDay: recent / days,
    firstVisitValue: metrics.n > 0 ? firstSum / metrics.n : 0,
    repeatVisitValue,
  };
}

/**
 * Visits and revenue per calendar month ahead: the existing customers' expectations from the
 * model, plus customers not yet acquired, arriving at the recent rate through each month
 * (treated as arriving mid-month) and then buying as the model says a new customer does.
 * The 90 % interval adds parameter and Poisson variance of the existing customers to the
 * Poisson variance of the new ones; revenue's interval follows the visits' proportionally.
 */
export function forecastMonths(input: {
  grid: TimeGrid;
  existing: ExistingCustomerForecast;
  model: CountModel;
  params: ModelParams;
  newCustomers: NewCustomerAssumptions;
  serviceMinutesPerVisit: number | null;
}): ForecastMonth[] {
  const { grid, existing, model, params, newCustomers } = input;
  const months = grid.forecastEnd.length;
  const startOf = (f: number) => grid.times[grid.forecastStart[f]!]!;
  const endOf = (f: number) => grid.times[grid.forecastEnd[f]!]!;
  const result: ForecastMonth[] = [];
  for (let g = 0; g < months; g++) {
    let newVisits = 0;
    let newRevenue = 0;
    for (let f = 0; f <= g; f++) {
      const arriving = newCustomers.perDay * grid.forecastDays[f]!;
      const arrival = (startOf(f) + endOf(f)) / 2;
      const repeats =
        model.expectedTransactions(params, endOf(g) - arrival) -
        model.expectedTransactions(params, Math.max(0, startOf(g) - arrival));
      const first = f === g ? 1 : 0;
      newVisits += arriving * (first + repeats);
      newRevenue += arriving * (first * newCustomers.firstVisitValue + repeats * newCustomers.repeatVisitValue);
    }
    const visits = existing.visits[g]! + newVisits;
    const revenue = existing.revenue[g]! + newRevenue;
    const sd = Math.sqrt(existing.visitsVariance[g]! + newVisits);
    const low = Math.max(0, visits - Z90 * sd);
    const high = visits + Z90 * sd;
    const perVisit = visits > 0 ? revenue / visits : 0;
    result.push({
      month: grid.forecastMonths[g]!,
      days: grid.forecastDays[g]!,
      visits,
      visitsLow: low,
      visitsHigh: high,
      revenue,
      revenueLow: low * perVisit,
      revenueHigh: high * perVisit,
      existingVisits: existing.visits[g]!,
      existingRevenue: existing.revenue[g]!,
      newCustomers: newCustomers.perDay * grid.forecastDays[g]!,
      newCustomerVisits: newVisits,
      newCustomerRevenue: newRevenue,
      staffHours: input.serviceMinutesPerVisit === null ? null : (visits * input.serviceMinutesPerVisit) / 60,
    });
  }
  return result;
}
