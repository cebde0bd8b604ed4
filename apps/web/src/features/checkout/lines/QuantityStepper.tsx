import { ActionIcon, Group, Text } from '@mantine/core';
import { IconMinus, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { MAX_QUANTITY } from '../model/draft';

interface Props {
  name: string;
  quantity: number;
  onChange: (delta: number) => void;
}

/** − 2 + with thumb-sized buttons; going below one is removing the line, which has its own button. */
export function QuantityStepper({ name, quantity, onChange }: Props) {
  const { t } = useTranslation('checkout');
  return (
    <Group gap={4} wrap="nowrap" role="group" aria-label={t('lines.quantityOf', { name })}>
      <ActionIcon
        variant="default"
        size="lg"
        radius="xl"
        onClick={() => onChange(-1)}
        disabled={quantity <= 1}
        aria-label={t('lines.decrease', { name })}
      >
        <IconMinus size={16} />
      </ActionIcon>
      <Text fw={600} w={28} ta="center" aria-live="polite" aria-label={t('lines.quantity', { count: quantity })}>
        {quantity}
      </Text>
      <ActionIcon
        variant="default"
        size="lg"
        radius="xl"
        onClick={() => onChange(1)}
        disabled={quantity >= MAX_QUANTITY}
        aria-label={t('lines.increase', { name })}
      >
        <IconPlus size={16} />
      </ActionIcon>
    </Group>
  );
}
