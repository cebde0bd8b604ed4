import { createCategorical, type Rng } from '@kayoi/stats';
import { civilOf, monthKeyOfDay, type HistoryWindow } from './calendar.js';
import { CHANNEL_MODELS, channelWeight } from './channels.js';
import type { DayTable } from './seasonality.js';
import { STORES } from './shop.js';

export interface Acquisition {
  day: number;
  storeKey: string;
  channelKey: string;
}

function fractionOfWindow(window: HistoryWindow, day: number): number {
  const span = window.lastDay - window.firstDay;
  return span > 0 ? (day - window.firstDay) / span : 1;
}

function channelWeightsOn(window: HistoryWindow, day: number): number[] {
  const t = fractionOfWindow(window, day);
  const { month } = civilOf(day);
  return CHANNEL_MODELS.map((m) => channelWeight(m, t, month));
}

/**
 * Who arrives when, where and from which channel, sorted by day so that customer numbers
 * follow arrival order as in a real register. The channel depends on the day because shares
 * drift and flyers come in runs.
 */
export function drawAcquisitions(
  rng: Rng,
  count: number,
  window: HistoryWindow,
  tables: ReadonlyMap<string, DayTable>,
): Acquisition[] {
  const drawStore = createCategorical(STORES.map((s) => s.customerShare));
  const drawn: { order: number; acquisition: Acquisition }[] = [];
  for (let i = 0; i < count; i++) {
    const store = STORES[drawStore(rng)] ?? STORES[0];
    const table = store ? tables.get(store.key) : undefined;
    if (!store || !table) throw new Error('demo stores and day tables are out of step');
    // 1 − u lies in (0, 1], so the target is positive and lands on an open day.
    const day = table.dayReaching((1 - rng.next()) * table.total) ?? table.lastDay;
    const channelIndex = createCategorical(channelWeightsOn(window, day))(rng);
    const channelKey = CHANNEL_MODELS[channelIndex]?.channel.key ?? 'walk_in';
    drawn.push({ order: i, acquisition: { day, storeKey: store.key, channelKey } });
  }
  drawn.sort((x, y) => x.acquisition.day - y.acquisition.day || x.order - y.order);
  return drawn.map((d) => d.acquisition);
}

/**
 * Expected new customers per channel and month (keys 'channel|YYYY-MM'), from the same
 * weights the draws use: what a shop would budget for, as opposed to what happened.
 */
export function expectedAcquisitions(
  count: number,
  window: HistoryWindow,
  tables: ReadonlyMap<string, DayTable>,
): Map<string, number> {
  const expected = new Map<string, number>();
  for (const store of STORES) {
    const table = tables.get(store.key);
    if (!table || table.total <= 0) continue;
    for (let day = window.firstDay; day <= window.lastDay; day++) {
      const dayShare = table.weightOn(day) / table.total;
      if (dayShare === 0) continue;
      const weights = channelWeightsOn(window, day);
      const weightSum = weights.reduce((a, b) => a + b, 0);
      const month = monthKeyOfDay(day);
      CHANNEL_MODELS.forEach((model, index) => {
        const key = `${model.channel.key}|${month}`;
        const add = count * store.customerShare * dayShare * ((weights[index] ?? 0) / weightSum);
        expected.set(key, (expected.get(key) ?? 0) + add);
      });
    }
  }
  return expected;
}
