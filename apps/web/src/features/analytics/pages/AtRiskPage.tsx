import { Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import type { AtRiskCustomer } from '@kayoi/contracts';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../../auth/session';
import { formatYen } from '../../../lib/format';
import { formatLocalDate, usePiiView } from '../../customers/display';
import { MaskedHint } from '../../customers/parts/MaskedHint';
import { RecordList, type Column } from '../../settings/components/RecordList';
import { useAtRisk } from '../api';
import { formatCount, formatShare } from '../components/StatFormat';
import { ViewState } from '../components/ViewState';
import { segmentColor } from './rfmRules';

/** The whole list, as the API sends it to this user (names already removed for analysts). */
const CSV_URL = '/api/v1/analytics/at-risk.csv';

/** The name opens the karte; a hidden name still does, labelled as the customer list labels it. */
function CustomerLink({ row }: { row: AtRiskCustomer }) {
  const { t } = useTranslation(['analytics', 'customers']);
  const piiView = usePiiView();
  const hidden = row.displayName === null;
  const label = row.displayName ?? t(piiView === 'none' ? 'customers:masked.name' : 'customers:noName');
  return (
    <Group gap={6} wrap="nowrap" style={{ whiteSpace: 'nowrap' }}>
      <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {t('atRisk.rank', { rank: row.rank })}
      </Text>
      <Anchor
        component={Link}
        to={`/customers/${row.customerId}`}
        fw={hidden ? 400 : 600}
        c={hidden ? 'dimmed' : undefined}
      >
        {label}
      </Anchor>
    </Group>
  );
}

function useColumns(): Column<AtRiskCustomer>[] {
  const { t } = useTranslation('analytics');
  return [
    { key: 'name', header: t('atRisk.columns.name'), cell: (row) => <CustomerLink row={row} /> },
    {
      key: 'segment',
      header: t('atRisk.columns.segment'),
      cell: (row) => (
        <Badge variant="light" color={segmentColor[row.segment]} style={{ textTransform: 'none' }}>
          {t(`rfm.segments.${row.segment}.name`)}
        </Badge>
      ),
    },
    {
      key: 'visits',
      header: t('atRisk.columns.visits'),
      numeric: true,
      cell: (row) => formatCount(row.visits),
    },
    { key: 'revenue', header: t('atRisk.columns.revenue'), numeric: true, cell: (row) => formatYen(row.revenue) },
    { key: 'lastVisit', header: t('atRisk.columns.lastVisit'), cell: (row) => formatLocalDate(row.lastVisitOn) },
    {
      key: 'pAlive',
      header: t('atRisk.columns.pAlive'),
      numeric: true,
      cell: (row) => (
        <>
          {formatShare(row.pAlive)}
          <Text size="xs" c="dimmed">
            {t('atRisk.pAlivePrevious', { share: formatShare(row.pAlivePrevious) })}
          </Text>
        </>
      ),
    },
    { key: 'clv', header: t('atRisk.columns.clv'), numeric: true, cell: (row) => formatYen(row.predictedClv1y) },
    {
      key: 'valueIfActive',
      header: t('atRisk.columns.valueIfActive'),
      numeric: true,
      cell: (row) => (
        <Text fw={600} inherit>
          {formatYen(row.valueIfActive)}
        </Text>
      ),
    },
  ];
}

/** 離反リスク: valuable customers slipping away, best worth a call first; CSV for those allowed to export. */
export function AtRiskPage() {
  const { t } = useTranslation(['analytics', 'common']);
  const canExport = useCan('analytics.export');
  const columns = useColumns();
  const list = useAtRisk();
  const pages = list.data?.pages ?? [];
  // The first page says which run the list comes from; ViewState captions the page with it.
  const query = {
    isPending: list.isPending,
    isError: list.isError,
    error: list.error,
    data: pages[0] && { run: pages[0].run, items: pages.flatMap((p) => p.items) },
  };
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 260px' }}>
          <Title order={3}>{t('atRisk.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('atRisk.description')}
          </Text>
        </Stack>
        {canExport && (
          <Button component="a" href={CSV_URL} download variant="default" leftSection={<IconDownload size={16} />}>
            {t('atRisk.csv')}
          </Button>
        )}
      </Group>
      <MaskedHint masked={[]} />
      <ViewState query={query}>
        {({ items }) => (
          <Stack gap="sm">
            <RecordList
              label={t('atRisk.table')}
              rows={items}
              rowKey={(row) => row.customerId}
              columns={columns}
              empty={t('atRisk.empty')}
            />
            <Text size="xs" c="dimmed">
              {t('atRisk.help')}
            </Text>
            {items.length > 0 && (
              <Stack align="center" gap="xs">
                <Text size="sm" c="dimmed" aria-live="polite">
                  {t('atRisk.shown', { count: items.length })}
                </Text>
                {list.hasNextPage && (
                  <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                    {t('common:actions.more')}
                  </Button>
                )}
              </Stack>
            )}
          </Stack>
        )}
      </ViewState>
    </Stack>
  );
}
