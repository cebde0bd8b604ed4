import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYen } from '../../../lib/format';
import type { Problem } from '../model/problems';

interface Props {
  total: number;
  count: number;
  problems: readonly Problem[];
  pending: boolean;
  onRegister: () => void;
}

/**
 * Kept at the bottom of the screen while the stylist scrolls the menu, so the total and the
 * button are always under the thumb. It says what is still missing instead of failing later.
 */
export function RegisterBar({ total, count, problems, pending, onRegister }: Props) {
  const { t } = useTranslation('checkout');
  const hintId = useId();
  const blocked = problems.length > 0;
  return (
    <Paper
      withBorder
      shadow="md"
      radius="md"
      p="sm"
      pos="sticky"
      bottom={8}
      style={{ zIndex: 2 }}
      bg="var(--mantine-color-body)"
    >
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t('register.totalLabel', { count })}
          </Text>
          <Text fw={800} fz={24} lh={1.2}>
            {formatYen(total)}
          </Text>
        </Stack>
        <Button
          size="lg"
          leftSection={<IconCheck size={20} aria-hidden />}
          onClick={onRegister}
          disabled={blocked}
          loading={pending}
          aria-describedby={blocked ? hintId : undefined}
        >
          {t('register.submit')}
        </Button>
      </Group>
      {blocked && (
        <Text id={hintId} size="xs" c="dimmed" mt={4} aria-live="polite">
          {t(`problems.${problems[0]}`)}
        </Text>
      )}
    </Paper>
  );
}
