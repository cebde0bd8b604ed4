import { createRng } from '@kayoi/stats';
import { drawAcquisitions, expectedAcquisitions } from './acquisition.js';
import { buildAdSpend } from './adSpend.js';
import { ATTRIBUTE_DEFINITIONS } from './attributes.js';
import { historyWindow } from './calendar.js';
import { CATALOG } from './catalog.js';
import { CHANNEL_MODELS } from './channels.js';
import { ShopClock } from './clock.js';
import { ContactBook } from './contacts.js';
import { liveCustomerLife, type CustomerLife } from './customerLife.js';
import { acquisitionTable, visitClock, type DayTable } from './seasonality.js';
import { STAFF, STORES, publicStaff, publicStore } from './shop.js';
import type { DemoDataset, DemoOptions, DemoVisit } from './types.js';

/** The top spenders the shop has marked as VIP: this share of customers by lifetime revenue. */
export const VIP_SHARE = 0.05;

const MAX_CUSTOMERS = 1_000_000;
const MAX_YEARS = 30;

function validate(options: DemoOptions): void {
  if (!Number.isInteger(options.seed)) throw new RangeError(`seed must be an integer, got ${options.seed}`);
  if (!Number.isInteger(options.customers) || options.customers < 0 || options.customers > MAX_CUSTOMERS) {
    throw new RangeError(`customers must be an integer from 0 to ${MAX_CUSTOMERS}, got ${options.customers}`);
  }
  if (!(options.years > 0 && options.years <= MAX_YEARS)) {
    throw new RangeError(`years must be above 0 and at most ${MAX_YEARS}, got ${options.years}`);
  }
  try {
    new Intl.DateTimeFormat('en', { timeZone: options.timeZone });
  } catch {
    throw new RangeError(`unknown time zone '${options.timeZone}'`);
  }
}

function customerId(n: number): string {
  return `DEMO-${String(n).padStart(6, '0')}`;
}

function visitId(n: number): string {
  return `DEMO-V-${String(n).padStart(7, '0')}`;
}

function markVips(lives: CustomerLife[]): void {
  const count = Math.round(lives.length * VIP_SHARE);
  const ranked = lives
    .map((life, index) => ({ index, revenue: life.revenue }))
    .filter((r) => r.revenue > 0)
    .sort((a, b) => b.revenue - a.revenue || a.index - b.index)
    .slice(0, count);
  for (const { index } of ranked) lives[index]?.customer.tags.unshift('VIP');
}

/**
 * A believable two-store Tokyo hair salon with `customers` customers over `years` years up to
 * `endDate`. Pure: the same options always give a deep-equal dataset. Every customer draws
 * from a stream forked by their number, so changing one part of the model leaves the other
 * customers' draws where they were.
 */
export function generateDemoDataset(options: DemoOptions): DemoDataset {
  validate(options);
  const window = historyWindow(options.endDate, options.years);
  const root = createRng(options.seed);
  const acquisitionTables = new Map<string, DayTable>(STORES.map((s) => [s.key, acquisitionTable(s, window)]));
  const clocks = new Map<string, DayTable>(STORES.map((s) => [s.key, visitClock(s, window)]));

  const acquisitions = drawAcquisitions(root.fork('acquisitions'), options.customers, window, acquisitionTables);
  const expected = expectedAcquisitions(options.customers, window, acquisitionTables);
  const adSpend = buildAdSpend(root.fork('ad-spend'), window, expected, acquisitions);

  const context = { clocks, shopClock: new ShopClock(options.timeZone), contacts: new ContactBook() };
  const lives = acquisitions.map((acquisition, i) => {
    const externalId = customerId(i + 1);
    return liveCustomerLife(root.fork(`customer:${externalId}`), externalId, acquisition, context);
  });
  markVips(lives);

  const unnumbered = lives.flatMap((life) => life.visits);
  unnumbered.sort((a, b) =>
    a.startedAt < b.startedAt
      ? -1
      : a.startedAt > b.startedAt
        ? 1
        : a.customerExternalId < b.customerExternalId
          ? -1
          : 1,
  );
  const visits: DemoVisit[] = unnumbered.map((v, i) => ({ externalId: visitId(i + 1), ...v }));

  return {
    stores: STORES.map(publicStore),
    staff: STAFF.map(publicStaff),
    catalog: CATALOG.map((item) => ({ ...item })),
    channels: CHANNEL_MODELS.map((m) => ({ ...m.channel })),
    adSpend,
    attributes: ATTRIBUTE_DEFINITIONS.map((d) => ({ ...d, options: d.options.map((o) => ({ ...o })) })),
    customers: lives.map((life) => life.customer),
    visits,
    truth: lives.map((life) => life.truth),
  };
}
