import type { AnalyticsSettings } from '@kayoi/contracts';
import { CustomerHistoriesBuilder, type AnalyticsInput, type CodeList, type EarlierRunSnapshot } from '@kayoi/core';
import { parseDay } from '@kayoi/stats';
import type { Database } from '../database.js';

/**
 * Visits are read this many at a time, in primary-key order: on the embedded database each
 * page is one short query, and requests from the dashboard are served between pages.
 */
const DEFAULT_PAGE = 20_000;

interface VisitPageRow {
  id: string;
  customer_id: string;
  day: number;
  total: number;
  store_id: string;
  staff_id: string | null;
}

interface VisitLinesRow {
  visit_id: string;
  cost: number;
  service_id: string | null;
}

/** Codes for ids met while reading (stores, staff…), with their labels from a lookup. */
function codeBook(labels: Map<string, string>) {
  const index = new Map<string, number>();
  const ids: string[] = [];
  return {
    code(id: string | null): number {
      if (id === null) return -1;
      let c = index.get(id);
      if (c === undefined) {
        c = ids.length;
        index.set(id, c);
        ids.push(id);
      }
      return c;
    },
    list(): CodeList {
      return { ids: [...ids], labels: ids.map((id) => labels.get(id) ?? id) };
    },
  };
}

async function labelsOf(
  db: Database,
  table: 'stores' | 'users' | 'acquisition_channels' | 'catalog_items',
  tenantId: string,
) {
  const rows = await db.query<{ id: string; name: string }>(`select id, name from ${table} where tenant_id = $1`, [
    tenantId,
  ]);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Everything a refresh reads for one tenant, as columns (see AnalyticsInput). Completed
 * visits only; each visit's local day in the tenant's zone, its total, its cost (gross
 * profit = total − cost of the lines) and its first service line.
 */
export async function loadAnalyticsInput(
  db: Database,
  input: {
    tenantId: string;
    timeZone: string;
    endDate: string;
    settings: AnalyticsSettings;
    earlierRuns: EarlierRunSnapshot[];
    /** Rows per page; tests make it tiny to cross page boundaries. */
    pageSize?: number;
  },
  onProgress: (visits: number) => void = () => undefined,
): Promise<AnalyticsInput> {
  const { tenantId, timeZone } = input;
  const pageSize = input.pageSize ?? DEFAULT_PAGE;
  const endDay = parseDay(input.endDate)!;
  const stores = codeBook(await labelsOf(db, 'stores', tenantId));
  const staff = codeBook(await labelsOf(db, 'users', tenantId));
  const channels = codeBook(await labelsOf(db, 'acquisition_channels', tenantId));
  const services = codeBook(await labelsOf(db, 'catalog_items', tenantId));
  const areas = codeBook(new Map());
  const builder = new CustomerHistoriesBuilder();

  // Customers first, so every customer has an index even before their first visit.
  const gender: AnalyticsInput['customers']['gender'][number][] = [];
  const birthYear: number[] = [];
  const area: number[] = [];
  const channel: number[] = [];
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db.query<{
      id: string;
      gender: 'female' | 'male' | 'other' | 'unspecified';
      birth_year: number | null;
      area: string | null;
      channel: string | null;
    }>(
      `select id, gender, birth_year, area, acquisition_channel_id as channel from customers
        where tenant_id = $1 and id > $2 order by id limit $3`,
      [tenantId, after, pageSize],
    );
    for (const r of rows) {
      builder.addCustomer(r.id);
      gender.push(r.gender);
      birthYear.push(r.birth_year ?? 0);
      area.push(areas.code(r.area));
      channel.push(channels.code(r.channel));
    }
    if (rows.length < pageSize) break;
    after = rows.at(-1)!.id;
  }

  const visitsAfter = (id: string) =>
    db.query<VisitPageRow>(
      `select id, customer_id, ((started_at at time zone $2)::date - date '1970-01-01') as day, total, store_id, staff_id
         from visits
        where tenant_id = $1 and status = 'completed' and id > $3
        order by id limit $4`,
      [tenantId, timeZone, id, pageSize],
    );
  // A page's lines in one range scan of their primary key, rather than a lookup per visit:
  // at two million visits the per-visit lookups were most of the refresh's reading time.
  const linesBetween = (from: string, to: string) =>
    db.query<VisitLinesRow>(
      `select visit_id, sum(unit_cost * quantity)::float8 as cost,
              (array_agg(item_id order by position) filter (where kind = 'service' and item_id is not null))[1] as service_id
         from visit_line_items
        where tenant_id = $1 and visit_id > $2 and visit_id <= $3
        group by visit_id`,
      [tenantId, from, to],
    );

  after = '00000000-0000-0000-0000-000000000000';
  let read = 0;
  let rows = await visitsAfter(after);
  while (rows.length > 0) {
    const last = rows.at(-1)!.id;
    // On PostgreSQL the next page is read on a second connection while this one's lines are.
    const [lines, next] = await Promise.all([
      linesBetween(after, last),
      rows.length < pageSize ? Promise.resolve([]) : visitsAfter(last),
    ]);
    const linesOf = new Map(lines.map((l) => [l.visit_id, l]));
    for (const r of rows) {
      const l = linesOf.get(r.id);
      builder.addVisit(builder.addCustomer(r.customer_id), r.day, r.total, r.total - (l?.cost ?? 0), {
        store: stores.code(r.store_id),
        staff: staff.code(r.staff_id),
        service: services.code(l?.service_id ?? null),
      });
    }
    read += rows.length;
    onProgress(read);
    after = last;
    rows = next;
  }

  const adSpend = await db.query<{ channel_id: string; month: string; amount: number }>(
    `select channel_id, to_char(month, 'YYYY-MM') as month, amount from ad_spend where tenant_id = $1`,
    [tenantId],
  );
  // Mean booked minutes of the services in last year's visits, for staffing the forecast.
  const [minutes] = await db.query<{ minutes: number | null }>(
    `select (sum(coalesce(ci.duration_minutes, 0) * li.quantity)::float8 / nullif(count(distinct v.id), 0)) as minutes
       from visits v
       join visit_line_items li on li.tenant_id = v.tenant_id and li.visit_id = v.id and li.kind = 'service'
       join catalog_items ci on ci.tenant_id = li.tenant_id and ci.id = li.item_id
      where v.tenant_id = $1 and v.status = 'completed' and v.started_at >= (($2::date - 365)::timestamp at time zone $3)`,
    [tenantId, input.endDate, timeZone],
  );
  const adRows = adSpend.map((r) => ({ channel: channels.code(r.channel_id), month: r.month, amount: r.amount }));
  return {
    endDay,
    visits: builder.columns(),
    customers: {
      gender,
      birthYear: Int32Array.from(birthYear),
      area: Int32Array.from(area),
      channel: Int32Array.from(channel),
    },
    stores: stores.list(),
    staff: staff.list(),
    channels: channels.list(),
    services: services.list(),
    areas: { ids: areas.list().ids, labels: areas.list().ids },
    adSpend: adRows,
    serviceMinutesPerVisit: minutes?.minutes && minutes.minutes > 0 ? minutes.minutes : null,
    settings: input.settings,
    earlierRuns: input.earlierRuns,
  };
}
