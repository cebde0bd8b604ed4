import { ActionIcon, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYen } from '../../../lib/format';
import { YenInput } from '../components/YenInput';
import { lineAmount, lineGross, type DraftLine } from '../model/draft';
import type { DraftAction } from '../model/draftReducer';
import { FreeLineFields } from './FreeLineFields';
import { QuantityStepper } from './QuantityStepper';

interface Props {
  line: DraftLine;
  dispatch: (action: DraftAction) => void;
}

export function LineRow({ line, dispatch }: Props) {
  const { t } = useTranslation('checkout');
  // Most lines have no discount, so its field stays out of the way until asked for.
  const [discountOpen, setDiscountOpen] = useState(line.discount > 0);
  const name = line.name.trim() || t('lines.unnamed');
  const gross = lineGross(line);
  const update = (patch: Partial<DraftLine>) => dispatch({ type: 'updateLine', key: line.key, patch });
  return (
    <Paper withBorder radius="md" p="xs" component="li" aria-label={name} style={{ listStyle: 'none' }}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
          <Text fw={600} style={{ flex: 1 }} lh={1.35}>
            {line.itemId ? line.name : t('lines.freeTitle')}
          </Text>
          <Text fw={700} data-testid="line-amount">
            {formatYen(lineAmount(line))}
          </Text>
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            onClick={() => dispatch({ type: 'removeLine', key: line.key })}
            aria-label={t('lines.remove', { name })}
          >
            <IconTrash size={18} />
          </ActionIcon>
        </Group>
        {line.itemId === null && <FreeLineFields line={line} onChange={update} />}
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <QuantityStepper
            name={name}
            quantity={line.quantity}
            onChange={(delta) => dispatch({ type: 'changeQuantity', key: line.key, delta })}
          />
          <Text size="sm" c="dimmed">
            × {formatYen(line.unitPrice)}
          </Text>
          {!discountOpen && (
            <Button variant="subtle" size="compact-sm" onClick={() => setDiscountOpen(true)}>
              {t('lines.addDiscount')}
            </Button>
          )}
        </Group>
        {discountOpen && (
          <YenInput
            label={t('lines.discountOf', { name })}
            value={line.discount}
            max={Math.max(gross, line.discount)}
            onChange={(discount) => update({ discount })}
            error={line.discount > gross ? t('problems.lineDiscount') : undefined}
            size="sm"
          />
        )}
      </Stack>
    </Paper>
  );
}
