import type { Gender } from '@kayoi/contracts';
import { categorical, type Rng } from '@kayoi/stats';
import { MENU, durationOf, priceOf, type MenuKey } from './catalog.js';
import type { ChannelModel } from './channels.js';
import type { Habits } from './habits.js';
import type { DemoVisitItem } from './types.js';

export interface VisitContext {
  gender: Gender;
  student: boolean;
  /** 0 for the first visit. */
  visitIndex: number;
  /** 1–12, local. */
  month: number;
  birthdayMonth: boolean;
  /** Birthday coupons go out on LINE, so only customers who follow the shop get them. */
  lineFollower: boolean;
  channel: ChannelModel;
  spendMultiplier: number;
}

export interface Basket {
  items: DemoVisitItem[];
  discount: number;
  durationMinutes: number;
}

/** Coupon and set discounts are floored to 10 yen, as registers round in the customer's favour. */
function percentOff(amount: number, percent: number): number {
  return Math.floor((amount * percent) / 100 / 10) * 10;
}

function line(key: MenuKey, quantity = 1): DemoVisitItem {
  return { name: MENU[key], quantity, unitPrice: priceOf(key), discount: 0 };
}

/** The main service of the visit; at most one of straightening, perm or colour leads. */
function mainServices(rng: Rng, habits: Habits, ctx: VisitContext): MenuKey[] {
  const male = ctx.gender === 'male';
  const cut: MenuKey = ctx.student ? 'studentCut' : male ? 'mensCut' : 'cut';
  if (rng.next() < habits.straightening) return [rng.next() < 0.75 ? 'cutStraightening' : 'straightening'];
  const perm = rng.next() < habits.perm;
  const colour = rng.next() < habits.colour;
  if (male) {
    const keys: MenuKey[] = [cut];
    if (perm) keys.push('perm');
    if (colour) keys.push('colour');
    return keys;
  }
  if (perm) return colour ? ['cutPerm', 'retouch'] : ['cutPerm'];
  if (colour) {
    const keys: MenuKey[] = [
      (['cutColour', 'retouch', 'colour'] as const)[categorical(rng, [0.65, 0.25, 0.1])] ?? 'cutColour',
    ];
    if (rng.next() < habits.highlight) keys.push('highlight');
    return keys;
  }
  return [cut];
}

function addOns(rng: Rng, habits: Habits, ctx: VisitContext): MenuKey[] {
  const keys: MenuKey[] = [];
  if (rng.next() < habits.treatment)
    keys.push(ctx.spendMultiplier > 1.2 && rng.next() < 0.4 ? 'intensiveTreatment' : 'treatment');
  if (rng.next() < habits.headSpa)
    keys.push(ctx.spendMultiplier > 1.2 && rng.next() < 0.35 ? 'longHeadSpa' : 'headSpa');
  // Coming-of-age day in January and graduations in March bring the hair-set bookings.
  const setBoost = ctx.month === 1 || ctx.month === 3 ? 5 : 1;
  if (rng.next() < habits.hairSet * setBoost) keys.push('hairSet');
  return keys;
}

function products(rng: Rng, habits: Habits, ctx: VisitContext): DemoVisitItem[] {
  if (rng.next() >= habits.product) return [];
  const male = ctx.gender === 'male';
  const choices: readonly MenuKey[] = ['shampoo', 'homeTreatment', 'oil', 'mist', 'wax'];
  const weights = male ? [3, 0.5, 1, 0.5, 4] : [3, 2.5, 3, 1.5, 0.4];
  const first = choices[categorical(rng, weights)] ?? 'shampoo';
  const lines = [line(first, first === 'shampoo' && rng.next() < 0.12 ? 2 : 1)];
  if (rng.next() < 0.2) {
    const second = choices[categorical(rng, weights)] ?? 'oil';
    if (second !== first) lines.push(line(second));
  }
  // Two or more products earn the home-care set price: 10% off each product line.
  const units = lines.reduce((sum, l) => sum + l.quantity, 0);
  if (units >= 2) for (const l of lines) l.discount = percentOff(l.unitPrice * l.quantity, 10);
  return lines;
}

function visitDiscount(rng: Rng, ctx: VisitContext, serviceTotal: number): number {
  const coupon = ctx.channel.firstVisitCoupon;
  if (ctx.visitIndex === 0) {
    if (rng.next() >= coupon.probability) return 0;
    return Math.min(serviceTotal, percentOff(serviceTotal, coupon.percent) + coupon.yen);
  }
  if (rng.next() < ctx.channel.repeatCouponProbability) return percentOff(serviceTotal, 10);
  if (ctx.birthdayMonth && ctx.lineFollower && rng.next() < 0.5) return percentOff(serviceTotal, 10);
  return 0;
}

export function buildBasket(rng: Rng, habits: Habits, ctx: VisitContext): Basket {
  let serviceKeys: MenuKey[];
  if (ctx.visitIndex > 0 && rng.next() < habits.fringeOnly) {
    serviceKeys = ['fringeCut'];
  } else {
    serviceKeys = [...mainServices(rng, habits, ctx), ...addOns(rng, habits, ctx)];
  }
  if (rng.next() < habits.kidsCut) serviceKeys.push('kidsCut');
  const items = serviceKeys.map((key) => line(key));
  const serviceTotal = items.reduce((sum, i) => sum + i.unitPrice * i.quantity, 0);
  items.push(...products(rng, habits, ctx));
  // Coupons apply to services only; products are never discounted by them.
  const discount = serviceKeys[0] === 'fringeCut' ? 0 : visitDiscount(rng, ctx, serviceTotal);
  // The child's cut runs alongside the parent's, so it does not lengthen the booking.
  const durationMinutes = serviceKeys.filter((k) => k !== 'kidsCut').reduce((sum, k) => sum + durationOf(k), 0);
  return { items, discount, durationMinutes };
}
