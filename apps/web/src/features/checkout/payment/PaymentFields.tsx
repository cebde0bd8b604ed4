import { ActionIcon, Button, Group, NativeSelect, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { paymentMethods, type Payment, type PaymentMethod } from '@kayoi/contracts';
import { IconArrowsSplit, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatYen } from '../../../lib/format';
import { YenInput } from '../components/YenInput';
import { paymentGap, type DraftPayment } from '../model/draft';
import type { DraftAction } from '../model/draftReducer';
import { methodIcons } from './methods';

interface Props {
  payments: readonly DraftPayment[];
  /** The same payments with every amount filled in, as they will be sent. */
  resolved: readonly Payment[];
  total: number;
  dispatch: (action: DraftAction) => void;
}

/**
 * One method by default, its amount following the total. Splitting (points first, the rest by
 * card) adds a second method that takes whatever the first leaves.
 */
export function PaymentFields({ payments, resolved, total, dispatch }: Props) {
  const { t } = useTranslation('checkout');
  const first = payments[0];
  const second = payments[1];
  const gap = paymentGap(resolved, total);
  const amountOf = (index: number) => resolved[index]?.amount ?? 0;
  const setAmount = (index: number) => (amount: number) => dispatch({ type: 'setAmount', index, amount });
  return (
    <Stack gap="sm">
      <Radio.Group
        label={t('payment.method')}
        value={first?.method ?? 'cash'}
        onChange={(method) => dispatch({ type: 'setMethod', index: 0, method: method as PaymentMethod })}
      >
        <SimpleGrid cols={3} spacing={6} mt={6}>
          {paymentMethods.map((method) => {
            const Icon = methodIcons[method];
            // Radio.Card draws no checked state of its own.
            const checked = method === (first?.method ?? 'cash');
            return (
              <Radio.Card
                key={method}
                value={method}
                radius="md"
                p={8}
                mih={52}
                bg={checked ? 'var(--mantine-primary-color-light)' : undefined}
                bd={checked ? '2px solid var(--mantine-primary-color-filled)' : '2px solid var(--mantine-color-gray-3)'}
                c={checked ? 'var(--mantine-primary-color-light-color)' : undefined}
              >
                <Stack gap={2} align="center">
                  <Icon size={20} aria-hidden />
                  <Text size="sm" fw={600}>
                    {t(`payment.methods.${method}`)}
                  </Text>
                </Stack>
              </Radio.Card>
            );
          })}
        </SimpleGrid>
      </Radio.Group>
      <YenInput
        label={
          second
            ? t('payment.firstAmount', { method: t(`payment.methods.${first?.method ?? 'cash'}`) })
            : t('payment.amount')
        }
        value={amountOf(0)}
        onChange={setAmount(0)}
      />
      {second ? (
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <NativeSelect
            label={t('payment.secondMethod')}
            data={paymentMethods.map((m) => ({ value: m, label: t(`payment.methods.${m}`) }))}
            value={second.method}
            onChange={(event) =>
              dispatch({ type: 'setMethod', index: 1, method: event.currentTarget.value as PaymentMethod })
            }
            style={{ flex: 1 }}
          />
          <YenInput label={t('payment.secondAmount')} value={amountOf(1)} onChange={setAmount(1)} style={{ flex: 1 }} />
          <ActionIcon
            variant="subtle"
            size="lg"
            mb={2}
            onClick={() => dispatch({ type: 'unsplit' })}
            aria-label={t('payment.unsplit')}
          >
            <IconX size={18} />
          </ActionIcon>
        </Group>
      ) : (
        <Group>
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconArrowsSplit size={16} aria-hidden />}
            onClick={() => dispatch({ type: 'split', total, method: first?.method === 'cash' ? 'card' : 'cash' })}
          >
            {t('payment.split')}
          </Button>
        </Group>
      )}
      {gap !== 0 && (
        <Group gap="xs" justify="space-between" wrap="nowrap">
          <Text size="sm" c="red.7" fw={600} role="alert">
            {gap < 0 ? t('payment.short', { amount: formatYen(-gap) }) : t('payment.over', { amount: formatYen(gap) })}
          </Text>
          <Button size="compact-sm" variant="light" color="red" onClick={() => dispatch({ type: 'balance', total })}>
            {t('payment.balance')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
