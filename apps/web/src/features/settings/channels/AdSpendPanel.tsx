import { Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import type { Channel } from '@kayoi/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan, useTimeZone } from '../../../auth/session';
import { todayIn } from '../../../lib/format';
import { QueryState } from '../components/QueryState';
import { AdSpendYearForm } from './AdSpendYearForm';
import { useAdSpend } from './useAdSpend';

/** Past years for back-filling from old invoices, and next year for budgets already agreed. */
const YEARS_BACK = 5;

/** Monthly advertising spend per channel: what acquisition cost and LTV/CAC are computed from. */
export function AdSpendPanel({ channels }: { channels: Channel[] }) {
  const { t } = useTranslation('settings');
  const canManage = useCan('settings.manage');
  const timeZone = useTimeZone();
  const thisYear = Number(todayIn(timeZone).slice(0, 4));
  const [picked, setPicked] = useState<string | null>(null);
  const [year, setYear] = useState(thisYear);
  const channelId = picked ?? channels.find((c) => !c.archived)?.id ?? channels[0]?.id ?? null;
  const spend = useAdSpend(channelId, year);
  const years = Array.from({ length: YEARS_BACK + 2 }, (_, i) => String(thisYear + 1 - i));

  return (
    <Paper withBorder p="md">
      <Stack>
        <div>
          <Title order={4}>{t('adSpend.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('adSpend.description')}
          </Text>
        </div>
        {channelId === null ? (
          <Text c="dimmed">{t('adSpend.noChannels')}</Text>
        ) : (
          <>
            <Group grow preventGrowOverflow={false} align="flex-start">
              <Select
                label={t('adSpend.channel')}
                allowDeselect={false}
                value={channelId}
                onChange={setPicked}
                data={channels.map((c) => ({
                  value: c.id,
                  label: c.archived ? t('adSpend.archivedChannel', { name: c.name }) : c.name,
                }))}
              />
              <Select
                label={t('adSpend.year')}
                allowDeselect={false}
                value={String(year)}
                onChange={(v) => v && setYear(Number(v))}
                data={years.map((y) => ({ value: y, label: t('adSpend.yearLabel', { year: y }) }))}
                maw={160}
              />
            </Group>
            <QueryState query={spend}>
              {(items) => (
                <AdSpendYearForm
                  key={`${channelId}:${year}:${spend.dataUpdatedAt}`}
                  channelId={channelId}
                  year={year}
                  items={items}
                  readOnly={!canManage}
                />
              )}
            </QueryState>
          </>
        )}
      </Stack>
    </Paper>
  );
}
