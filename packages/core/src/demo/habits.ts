import type { Gender, PaymentMethod } from '@kayoi/contracts';
import { beta, categorical, type Rng } from '@kayoi/stats';
import type { CareProfile } from './attributes.js';
import { DYE_ALLERGY } from './attributes.js';

export type TimeOfDay = 'morning' | 'midday' | 'evening';

/**
 * What a customer tends to order and how they pay, fixed per customer so that their history
 * has a recognisable pattern (the colour regular, the men's-cut-only, the head-spa lover).
 * Per-visit probabilities; add-ons scale with the spend multiplier, which is how spend per
 * visit comes to differ between customers as the Gamma-Gamma model assumes.
 */
export interface Habits {
  colour: number;
  highlight: number;
  perm: number;
  straightening: number;
  treatment: number;
  headSpa: number;
  product: number;
  fringeOnly: number;
  kidsCut: number;
  hairSet: number;
  sameStylist: number;
  payment: PaymentMethod;
  timeOfDay: TimeOfDay;
}

function capped(p: number, max: number): number {
  return Math.min(max, Math.max(0, p));
}

const PAYMENTS: readonly PaymentMethod[] = ['cash', 'card', 'qr'];
const TIMES: readonly TimeOfDay[] = ['morning', 'midday', 'evening'];

export function drawHabits(
  rng: Rng,
  gender: Gender,
  age: number,
  care: CareProfile,
  spend: number,
  parent: boolean,
): Habits {
  const male = gender === 'male';
  const colourer = care.allergy !== DYE_ALLERGY && rng.next() < (male ? 0.15 : age >= 45 ? 0.8 : 0.62);
  const permer = rng.next() < (male ? (age < 35 ? 0.18 : 0.06) : 0.12);
  const straightener = rng.next() < (care.hairType === 'curly' ? 0.55 : 0.03);
  const treatmentBase = care.hairType === 'damaged' ? 0.32 : care.hairType === 'fine' ? 0.18 : 0.1;
  const spaBase = care.scalp === 'normal' ? 0.05 : 0.16;
  const productBase = male ? 0.05 : 0.08;
  // Paying habits follow age: students pay by QR, older customers in cash.
  const paymentWeights = age < 30 ? [0.22, 0.38, 0.4] : age < 50 ? [0.28, 0.5, 0.22] : [0.52, 0.42, 0.06];
  const timeWeights = age <= 22 ? [0.2, 0.4, 0.4] : age < 55 ? [0.25, 0.3, 0.45] : [0.5, 0.4, 0.1];
  return {
    colour: colourer ? beta(rng, 6, 3) : 0,
    highlight: colourer && !male ? capped(0.08 * spend, 0.3) : 0,
    perm: permer ? beta(rng, 3, 4) : 0,
    straightening: straightener ? beta(rng, 2, 4) : 0,
    treatment: capped(treatmentBase * Math.pow(spend, 1.3), 0.85),
    headSpa: capped(spaBase * spend, 0.6),
    product: capped(productBase * Math.pow(spend, 1.5), 0.5),
    fringeOnly: male ? 0 : 0.04,
    kidsCut: parent ? 0.35 : 0,
    hairSet: !male && age <= 35 ? 0.012 : 0,
    sameStylist: 0.8 + 0.17 * rng.next(),
    payment: PAYMENTS[categorical(rng, paymentWeights)] ?? 'cash',
    timeOfDay: TIMES[categorical(rng, timeWeights)] ?? 'midday',
  };
}
