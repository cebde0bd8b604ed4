import { Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { PowerPreview } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { formatPoints, formatRate } from '../display';

interface Props {
  preview: PowerPreview | undefined;
  fetching: boolean;
  /** No segment chosen yet: nothing to count. */
  idle: boolean;
  days: number;
}

function Figure({ label, value, testId }: { label: string; value: number | undefined; testId: string }) {
  const { t } = useTranslation('broadcasts');
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg" data-testid={testId} data-value={value ?? ''}>
        {value === undefined ? '—' : t('people', { count: value })}
      </Text>
    </Stack>
  );
}

/** Before sending: how many get it, how many are held out, and the smallest effect that could show. */
export function PowerPanel({ preview, fetching, idle, days }: Props) {
  const { t } = useTranslation('broadcasts');
  const mdu = preview?.minimumDetectableUplift ?? null;
  return (
    <Paper withBorder p="md" role="region" aria-label={t('power.title')}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} size="h5">
            {t('power.title')}
          </Title>
          {fetching && <Loader size="xs" aria-label={t('power.counting')} />}
        </Group>
        {idle ? (
          <Text size="sm" c="dimmed">
            {t('power.pickSegment')}
          </Text>
        ) : (
          <>
            <SimpleGrid cols={3} spacing="xs">
              <Figure label={t('power.audience')} value={preview?.audience} testId="power-audience" />
              <Figure label={t('power.treated')} value={preview?.treated} testId="power-treated" />
              <Figure label={t('power.holdout')} value={preview?.holdout} testId="power-holdout" />
            </SimpleGrid>
            {preview && preview.baselineRate !== null && (
              <Text size="sm" c="dimmed">
                {t('power.baseline', { days, rate: formatRate(preview.baselineRate) })}
              </Text>
            )}
            {preview && (
              <Text size="sm" data-testid="power-detectable" data-value={mdu ?? ''}>
                {mdu === null
                  ? t('power.notDetectable')
                  : t('power.detectable', { points: formatPoints(mdu).replace(/^\+/, '') })}
              </Text>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
