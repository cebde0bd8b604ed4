/**
 * Every customer's visits as columns, one entry per local calendar day: the input of every
 * analytics number and of the purchase models. Days are "epoch days" (days since 1970-01-01)
 * of the shop's time zone, so "a later calendar day", "this month" and cohorts follow the
 * shop's calendar, not UTC.
 *
 * Visits on the same day are one entry with their amounts summed: a customer who pays twice
 * in one afternoon made one trip (and the purchase models count trips). The trip's store,
 * staff and main service are those of its first visit.
 */
export interface CustomerHistories {
  /** Customer keys, in the order of `start`. */
  readonly ids: readonly string[];
  /** For each customer, its index in the input (the builder's or the columns' customer list). */
  readonly source: Int32Array;
  /** Customer i's days are day[start[i]] … day[start[i + 1] − 1], increasing. Length ids + 1. */
  readonly start: Int32Array;
  readonly day: Int32Array;
  /** Yen per day (integers, kept as float64 so sums never wrap). */
  readonly revenue: Float64Array;
  /** Gross profit per day: revenue − cost of what was sold. */
  readonly profit: Float64Array;
  /** Codes (indexes into the caller's lists) of the trip's store, staff and main service; −1 if none. */
  readonly store: Int32Array;
  readonly staff: Int32Array;
  readonly service: Int32Array;
  /** The last observed local day, inclusive. */
  readonly endDay: number;
}

/** Visits as columns; `customer` indexes `ids`. Optional code columns default to −1. */
export interface VisitColumns {
  readonly ids: readonly string[];
  readonly customer: Int32Array;
  readonly day: Int32Array;
  readonly revenue: Float64Array;
  readonly profit: Float64Array;
  readonly store?: Int32Array | undefined;
  readonly staff?: Int32Array | undefined;
  readonly service?: Int32Array | undefined;
}

/**
 * Builds histories from visits in any order (a CSV is not sorted): a counting sort by
 * customer, then each customer's few visits by day, then same-day visits merged.
 * O(visits) plus the per-customer sorts. Visits after `endDay` are left out, and so are
 * customers without any visit by then: they have no first visit, so nothing to analyse.
 */
export function historiesFromColumns(columns: VisitColumns, endDay: number): CustomerHistories {
  const customers = columns.ids.length;
  const visits = columns.customer.length;
  const { customer, day: visitDay, revenue: visitRevenue, profit: visitProfit } = columns;
  const code = (column: Int32Array | undefined, v: number) => (column ? column[v]! : -1);
  const counts = new Int32Array(customers + 1);
  for (let v = 0; v < visits; v++) if (visitDay[v]! <= endDay) counts[customer[v]! + 1]!++;
  for (let c = 0; c < customers; c++) counts[c + 1]! += counts[c]!;
  const order = new Int32Array(counts[customers]!);
  const fill = counts.slice(0, customers);
  for (let v = 0; v < visits; v++) if (visitDay[v]! <= endDay) order[fill[customer[v]!]!++] = v;

  const ids: string[] = [];
  const source: number[] = [];
  const start: number[] = [0];
  const n = order.length;
  const day = new Int32Array(n);
  const revenue = new Float64Array(n);
  const profit = new Float64Array(n);
  const store = new Int32Array(n);
  const staff = new Int32Array(n);
  const service = new Int32Array(n);
  let out = 0;
  const slice: number[] = [];
  for (let c = 0; c < customers; c++) {
    const from = counts[c]!;
    const to = counts[c + 1]!;
    if (from === to) continue;
    slice.length = 0;
    for (let k = from; k < to; k++) slice.push(order[k]!);
    slice.sort((a, b) => visitDay[a]! - visitDay[b]! || a - b);
    let last = Number.NaN;
    for (const v of slice) {
      const d = visitDay[v]!;
      if (d === last) {
        revenue[out - 1]! += visitRevenue[v]!;
        profit[out - 1]! += visitProfit[v]!;
        continue;
      }
      day[out] = d;
      revenue[out] = visitRevenue[v]!;
      profit[out] = visitProfit[v]!;
      store[out] = code(columns.store, v);
      staff[out] = code(columns.staff, v);
      service[out] = code(columns.service, v);
      last = d;
      out++;
    }
    ids.push(columns.ids[c]!);
    source.push(c);
    start.push(out);
  }
  return {
    ids,
    source: Int32Array.from(source),
    start: Int32Array.from(start),
    day: day.slice(0, out),
    revenue: revenue.slice(0, out),
    profit: profit.slice(0, out),
    store: store.slice(0, out),
    staff: staff.slice(0, out),
    service: service.slice(0, out),
    endDay,
  };
}

/** Growable typed columns, so two million visits cost a few arrays, not two million objects. */
class GrowableColumn<T extends Int32Array | Float64Array> {
  private data: T;
  length = 0;
  constructor(private readonly make: (n: number) => T) {
    this.data = make(1024);
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  /** The filled part (a view: no copy). */
  values(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

/** Collects visits one at a time (a CSV reader, a database cursor) into VisitColumns. */
export class CustomerHistoriesBuilder {
  private readonly index = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly customer = new GrowableColumn((n) => new Int32Array(n));
  private readonly day = new GrowableColumn((n) => new Int32Array(n));
  private readonly revenue = new GrowableColumn((n) => new Float64Array(n));
  private readonly profit = new GrowableColumn((n) => new Float64Array(n));
  private readonly store = new GrowableColumn((n) => new Int32Array(n));
  private readonly staff = new GrowableColumn((n) => new Int32Array(n));
  private readonly service = new GrowableColumn((n) => new Int32Array(n));

  get visitCount(): number {
    return this.customer.length;
  }

  get customerCount(): number {
    return this.ids.length;
  }

  /** The index of a customer, registering it (without visits) the first time. */
  addCustomer(id: string): number {
    let i = this.index.get(id);
    if (i === undefined) {
      i = this.ids.length;
      this.index.set(id, i);
      this.ids.push(id);
    }
    return i;
  }

  addVisit(
    customer: number,
    day: number,
    revenue: number,
    profit: number,
    codes?: { store: number; staff: number; service: number },
  ): void {
    this.customer.push(customer);
    this.day.push(day);
    this.revenue.push(revenue);
    this.profit.push(profit);
    this.store.push(codes?.store ?? -1);
    this.staff.push(codes?.staff ?? -1);
    this.service.push(codes?.service ?? -1);
  }

  add(id: string, day: number, revenue: number, profit = revenue): void {
    this.addVisit(this.addCustomer(id), day, revenue, profit);
  }

  columns(): VisitColumns {
    return {
      ids: this.ids,
      customer: this.customer.values(),
      day: this.day.values(),
      revenue: this.revenue.values(),
      profit: this.profit.values(),
      store: this.store.values(),
      staff: this.staff.values(),
      service: this.service.values(),
    };
  }

  build(endDay: number): CustomerHistories {
    return historiesFromColumns(this.columns(), endDay);
  }
}
