import type { PaymentMethod } from '@kayoi/contracts';
import { IconCash, IconCoins, IconCreditCard, IconDots, IconQrcode, IconWallet } from '@tabler/icons-react';

export const methodIcons: Record<PaymentMethod, typeof IconCash> = {
  cash: IconCash,
  card: IconCreditCard,
  qr: IconQrcode,
  prepaid: IconWallet,
  points: IconCoins,
  other: IconDots,
};
