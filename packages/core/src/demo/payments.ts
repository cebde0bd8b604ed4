import type { PaymentMethod } from '@kayoi/contracts';
import { pick, type Rng } from '@kayoi/stats';
import type { DemoPayment } from './types.js';

const METHODS: readonly PaymentMethod[] = ['cash', 'card', 'qr'];

/**
 * Customers mostly pay the way they always do. Now and then the bill is split: some cash
 * in round thousands, the rest by card or QR, which is the split a salon register sees.
 */
export function drawPayments(rng: Rng, total: number, usual: PaymentMethod): DemoPayment[] {
  if (total <= 0) return [];
  const method = rng.next() < 0.85 ? usual : pick(rng, METHODS);
  if (total >= 4_000 && rng.next() < 0.03) {
    const cash = 1_000 * rng.int(1, Math.floor((total - 1) / 1_000));
    return [
      { method: 'cash', amount: cash },
      { method: method === 'cash' ? 'card' : method, amount: total - cash },
    ];
  }
  return [{ method, amount: total }];
}
