import { bernoulli, beta, gamma, type Rng } from '@kayoi/stats';
import { SPEND_SHAPE, type ChannelModel } from './channels.js';
import type { DayTable } from './seasonality.js';
import type { StaffProfile } from './shop.js';

/** The latent parameters of one customer (reported as DemoTruth). */
export interface LatentBehaviour {
  visitRatePerYear: number;
  dropoutProbability: number;
  spendMultiplier: number;
}

/**
 * Inter-visit gaps are Gamma(GAP_SHAPE) with mean 1/λ: shape 1 would be the textbook Poisson
 * process; 2 gives the steadier rhythm of people who rebook when their cut grows out.
 */
export const GAP_SHAPE = 2;
/** Nobody gets a new cut within a week of the last one. */
export const MIN_GAP_DAYS = 7;
/** Bounds on λ: someone who comes less than twice in five years is not a customer any more. */
const MIN_RATE = 0.4;
const MAX_RATE = 20;

function logit(p: number): number {
  return Math.log(p / (1 - p));
}

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export function drawLatentBehaviour(rng: Rng, model: ChannelModel, stylist: StaffProfile): LatentBehaviour {
  const rate = gamma(rng, model.rate.r, 1 / model.rate.alpha);
  const baseDropout = Math.min(1 - 1e-4, Math.max(1e-4, beta(rng, model.dropout.a, model.dropout.b)));
  return {
    visitRatePerYear: Math.min(MAX_RATE, Math.max(MIN_RATE, rate)),
    // The stylist shifts drop-out on the logit scale, so a good one matters most to the undecided.
    dropoutProbability: logistic(logit(baseDropout) + stylist.dropoutShift),
    spendMultiplier: gamma(rng, SPEND_SHAPE, model.spendMean / SPEND_SHAPE),
  };
}

export interface VisitDays {
  /** Local day numbers of the visits, the first being the acquisition day. */
  days: number[];
  /** Day of the visit after which the customer dropped out; null if alive at the end. */
  churnedDay: number | null;
}

/**
 * Runs the modified BG/NBD process on the store's seasonal clock: after each visit the
 * customer leaves for good with probability p; otherwise the next visit comes a Gamma gap
 * later in operational time. Closed days carry no operational time, so no visit lands on one.
 */
export function simulateVisitDays(rng: Rng, firstDay: number, clock: DayTable, latent: LatentBehaviour): VisitDays {
  const days = [firstDay];
  let current = firstDay;
  const gapScale = 1 / (GAP_SHAPE * latent.visitRatePerYear);
  for (;;) {
    if (bernoulli(rng, latent.dropoutProbability)) return { days, churnedDay: current };
    const target = clock.reached(current) + gamma(rng, GAP_SHAPE, gapScale);
    let next = clock.dayReaching(target);
    if (next !== null && next < current + MIN_GAP_DAYS) next = clock.openDayFrom(current + MIN_GAP_DAYS);
    if (next === null) return { days, churnedDay: null };
    days.push(next);
    current = next;
  }
}
