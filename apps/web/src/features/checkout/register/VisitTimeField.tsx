import { Button, Group, Text, TextInput } from '@mantine/core';
import { IconClock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { instantOfWallTime, wallTimeIn } from '../model/time';

interface Props {
  /** Wall-clock time in the shop's zone, or null for "when Register is pressed". */
  value: string | null;
  timeZone: string;
  onChange: (value: string | null) => void;
}

const deviceZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Visits are normally registered as they end; a past one (written on paper) gets its own time. */
export function VisitTimeField({ value, timeZone, onChange }: Props) {
  const { t } = useTranslation('checkout');
  if (value === null) {
    return (
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Group gap={6} wrap="nowrap">
          <IconClock size={18} aria-hidden />
          <Text size="sm">{t('time.now')}</Text>
        </Group>
        <Button variant="subtle" size="compact-sm" onClick={() => onChange(wallTimeIn(new Date(), timeZone))}>
          {t('time.change')}
        </Button>
      </Group>
    );
  }
  const invalid = instantOfWallTime(value, timeZone) === null;
  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <TextInput
        type="datetime-local"
        label={t('time.label')}
        description={deviceZone === timeZone ? undefined : t('time.zone', { zone: timeZone })}
        value={value}
        max={wallTimeIn(new Date(), timeZone)}
        onChange={(event) => onChange(event.currentTarget.value)}
        error={invalid ? t('problems.startedAt') : undefined}
        style={{ flex: 1 }}
      />
      <Button variant="default" onClick={() => onChange(null)}>
        {t('time.reset')}
      </Button>
    </Group>
  );
}
