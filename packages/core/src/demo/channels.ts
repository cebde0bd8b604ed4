import type { DemoChannel } from './types.js';

/**
 * How a channel's customers behave, as hyperparameters of the modified BG/NBD process
 * (see DemoTruth): visit rate λ ~ Gamma(shape r, rate α) in visits per year, so mean r/α;
 * per-visit drop-out p ~ Beta(a, b), mean a/(a+b). Beta shapes below 1 make the U-shape a
 * salon has: many one-time customers (p near 1) next to a core of regulars (p near 0).
 */
export interface ChannelModel {
  channel: DemoChannel;
  rate: { r: number; alpha: number };
  dropout: { a: number; b: number };
  /** Mean of the customer's spend multiplier (Gamma with shape SPEND_SHAPE). */
  spendMean: number;
  /** Share of new customers at the start and the end of the history (drifts linearly). */
  share: { start: number; end: number };
  /** Typical age of the channel's customers at their first visit. */
  meanAge: number;
  /** How the shop pays for the channel, for the monthly ad spend. */
  cost: ChannelCost;
  /** First-visit coupon: how often it is used and what it takes off. */
  firstVisitCoupon: { probability: number; percent: number; yen: number };
  /** Share of later visits that use a repeat coupon from the same channel. */
  repeatCouponProbability: number;
}

export type ChannelCost =
  /** A fixed monthly plan, revised once a year to the expected volume × target CAC. */
  | { kind: 'plan'; targetCac: number }
  /** Paid posts and ads budgeted month by month around a target CAC. */
  | { kind: 'campaign'; targetCac: number }
  /** Flyer print-and-post runs in FLYER_MONTHS only. */
  | { kind: 'flyer'; targetCac: number }
  /** A thank-you to the referrer for each referred customer. */
  | { kind: 'reward'; perCustomer: number }
  | { kind: 'free' };

/** Spend multiplier shape: CV = 1/√6 ≈ 0.41 across customers of one channel. */
export const SPEND_SHAPE = 6;

/** Flyers go out before the busy seasons; their customers arrive that month and the next. */
export const FLYER_MONTHS: readonly number[] = [2, 5, 9, 11];

export const CHANNEL_MODELS: readonly ChannelModel[] = [
  {
    // Coupon hunters: cheap first visit, then the next coupon elsewhere.
    channel: { key: 'portal', name: '予約ポータル', kind: 'portal' },
    rate: { r: 3, alpha: 0.6 },
    dropout: { a: 1.0, b: 0.38 },
    spendMean: 0.85,
    share: { start: 0.38, end: 0.28 },
    meanAge: 29,
    cost: { kind: 'plan', targetCac: 9_500 },
    firstVisitCoupon: { probability: 0.8, percent: 25, yen: 0 },
    repeatCouponProbability: 0.3,
  },
  {
    channel: { key: 'instagram', name: 'Instagram', kind: 'sns' },
    rate: { r: 3, alpha: 0.5 },
    dropout: { a: 0.7, b: 0.6 },
    spendMean: 1.0,
    share: { start: 0.1, end: 0.2 },
    meanAge: 27,
    cost: { kind: 'campaign', targetCac: 6_500 },
    firstVisitCoupon: { probability: 0.45, percent: 15, yen: 0 },
    repeatCouponProbability: 0.05,
  },
  {
    channel: { key: 'google_maps', name: 'Google マップ', kind: 'search' },
    rate: { r: 3, alpha: 0.5 },
    dropout: { a: 0.65, b: 0.65 },
    spendMean: 1.0,
    share: { start: 0.11, end: 0.13 },
    meanAge: 35,
    cost: { kind: 'plan', targetCac: 5_000 },
    firstVisitCoupon: { probability: 0.2, percent: 10, yen: 0 },
    repeatCouponProbability: 0,
  },
  {
    // Trust comes with the introduction: they return most and spend more.
    channel: { key: 'referral', name: '紹介', kind: 'referral' },
    rate: { r: 4, alpha: 0.57 },
    dropout: { a: 0.45, b: 0.9 },
    spendMean: 1.15,
    share: { start: 0.18, end: 0.19 },
    meanAge: 37,
    cost: { kind: 'reward', perCustomer: 1_000 },
    firstVisitCoupon: { probability: 0.9, percent: 0, yen: 1_000 },
    repeatCouponProbability: 0,
  },
  {
    channel: { key: 'walk_in', name: '通りがかり', kind: 'walk_in' },
    rate: { r: 3.5, alpha: 0.6 },
    dropout: { a: 0.6, b: 0.7 },
    spendMean: 0.95,
    share: { start: 0.15, end: 0.13 },
    meanAge: 38,
    cost: { kind: 'free' },
    firstVisitCoupon: { probability: 0, percent: 0, yen: 0 },
    repeatCouponProbability: 0,
  },
  {
    channel: { key: 'flyer', name: 'チラシ', kind: 'print' },
    rate: { r: 3.5, alpha: 0.6 },
    dropout: { a: 0.8, b: 0.65 },
    spendMean: 0.95,
    share: { start: 0.08, end: 0.07 },
    meanAge: 50,
    cost: { kind: 'flyer', targetCac: 8_000 },
    firstVisitCoupon: { probability: 0.6, percent: 0, yen: 1_000 },
    repeatCouponProbability: 0,
  },
];

export function channelModel(key: string): ChannelModel {
  const model = CHANNEL_MODELS.find((m) => m.channel.key === key);
  if (!model) throw new Error(`unknown demo channel '${key}'`);
  return model;
}

/**
 * A channel's weight among new customers on a day: the linear drift over the history
 * (`t` from 0 to 1) and, for flyers, the month a run lands and the one after.
 */
export function channelWeight(model: ChannelModel, t: number, month: number): number {
  const base = model.share.start + (model.share.end - model.share.start) * t;
  if (model.cost.kind !== 'flyer') return base;
  const previous = month === 1 ? 12 : month - 1;
  const inRun = FLYER_MONTHS.includes(month) || FLYER_MONTHS.includes(previous);
  return base * (inRun ? 1.9 : 0.15);
}
