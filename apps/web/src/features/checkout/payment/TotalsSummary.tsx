import { Divider, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatYen } from '../../../lib/format';
import { YenInput } from '../components/YenInput';

interface Props {
  subtotal: number;
  discount: number;
  total: number;
  onDiscount: (discount: number) => void;
}

/** The visit discount (a coupon, a first-visit offer) comes off the sum of the lines. */
export function TotalsSummary({ subtotal, discount, total, onDiscount }: Props) {
  const { t } = useTranslation('checkout');
  const tooLarge = discount > subtotal;
  return (
    <Stack gap={6}>
      <YenInput
        label={t('totals.discount')}
        description={t('totals.discountHint')}
        value={discount}
        max={Math.max(subtotal, discount)}
        onChange={onDiscount}
        error={tooLarge ? t('problems.visitDiscount') : undefined}
      />
      <Group justify="space-between">
        <Text size="sm">{t('totals.subtotal')}</Text>
        <Text size="sm">{formatYen(subtotal)}</Text>
      </Group>
      {discount > 0 && (
        <Group justify="space-between">
          <Text size="sm">{t('totals.discountRow')}</Text>
          <Text size="sm" c="red.7">
            −{formatYen(discount)}
          </Text>
        </Group>
      )}
      <Divider />
      <Group justify="space-between" aria-live="polite">
        <Text fw={700}>{t('totals.total')}</Text>
        <Text fw={700} fz="xl" data-testid="checkout-total">
          {formatYen(total)}
        </Text>
      </Group>
    </Stack>
  );
}
