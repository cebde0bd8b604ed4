import { Alert, Badge, Center, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { MeasurementReport } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDate, formatYen } from '../../../lib/format';
import { useBroadcastReport } from '../api';
import { formatPoints, formatRate } from '../display';

type Arm = MeasurementReport['treated'];

function ArmTable({ label, arms }: { label: string; arms: [string, string, Arm][] }) {
  const { t } = useTranslation('broadcasts');
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table aria-label={label} withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('report.group')}</Table.Th>
            <Table.Th ta="right">{t('report.customers')}</Table.Th>
            <Table.Th ta="right">{t('report.converted')}</Table.Th>
            <Table.Th ta="right">{t('report.rate')}</Table.Th>
            <Table.Th ta="right">{t('report.visits')}</Table.Th>
            <Table.Th ta="right">{t('report.revenue')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {arms.map(([key, name, arm]) => (
            <Table.Tr key={key} data-arm={key}>
              <Table.Th scope="row">{name}</Table.Th>
              <Table.Td ta="right">{arm.customers}</Table.Td>
              <Table.Td ta="right">{arm.converted}</Table.Td>
              <Table.Td ta="right">{formatRate(arm.rate)}</Table.Td>
              <Table.Td ta="right">{arm.visits}</Table.Td>
              <Table.Td ta="right">{formatYen(arm.revenue)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Treated against held out on the declared outcome, in words an owner can act on. */
export function ReportPanel({
  broadcastId,
  started,
  timeZone,
}: {
  broadcastId: string;
  started: boolean;
  timeZone: string;
}) {
  const { t } = useTranslation(['broadcasts', 'common']);
  const query = useBroadcastReport(broadcastId, started);
  if (!started) return <Text c="dimmed">{t('report.notSent')}</Text>;
  if (query.isPending) {
    return (
      <Center p="md">
        <Loader size="sm" aria-label={t('common:common.loading')} />
      </Center>
    );
  }
  if (query.isError) return <ErrorAlert error={query.error} />;
  return <ReportView report={query.data} timeZone={timeZone} />;
}

/** The report itself, for any campaign that is measured the same way (journeys too). */
export function ReportView({ report: r, timeZone }: { report: MeasurementReport; timeZone: string }) {
  const { t } = useTranslation(['broadcasts', 'common']);
  const points = (x: number) => formatPoints(x);
  return (
    <Stack gap="md" data-testid="report">
      <Title order={3} size="h5">
        {t('report.title')}
      </Title>
      {r.windowEndsAt && (
        <Alert color={r.complete ? 'teal' : 'blue'} variant="light">
          {t(r.complete ? 'report.closed' : 'report.open', { date: formatDate(r.windowEndsAt, timeZone) })}
        </Alert>
      )}
      <ArmTable
        label={t('report.title')}
        arms={[
          ['treated', t('report.treated'), r.treated],
          ['holdout', t('report.holdout'), r.holdout],
        ]}
      />
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Group gap="xs" wrap="wrap">
            <Text data-testid="report-uplift" fw={600}>
              {r.uplift
                ? t('report.uplift', {
                    points: points(r.uplift.estimate),
                    lower: points(r.uplift.lower),
                    upper: points(r.uplift.upper),
                  })
                : t('report.noUplift')}
            </Text>
            {r.uplift && (
              <Badge color={r.significant ? 'teal' : 'gray'} variant="light" data-testid="report-significance">
                {r.significant ? t('report.significant') : t('report.notSignificant')}
              </Badge>
            )}
          </Group>
          {r.uplift && (
            <Text size="sm" c="dimmed">
              {r.significant ? t('report.significantText') : t('report.notSignificantText')}
            </Text>
          )}
          {r.revenueUpliftPerCustomer && (
            <Text size="sm" data-testid="report-revenue-uplift">
              {t('report.revenuePerCustomer', {
                amount: formatYen(Math.round(r.revenueUpliftPerCustomer.estimate)),
                lower: formatYen(Math.round(r.revenueUpliftPerCustomer.lower)),
                upper: formatYen(Math.round(r.revenueUpliftPerCustomer.upper)),
              })}
            </Text>
          )}
          {r.incrementalVisits !== null && (
            <Text size="sm" data-testid="report-incremental-visits">
              {t('report.incrementalVisits', { visits: r.incrementalVisits.toFixed(1) })}
            </Text>
          )}
          {r.incrementalRevenue !== null && (
            <Text size="sm" data-testid="report-incremental-revenue">
              {t('report.incrementalRevenue', { amount: formatYen(r.incrementalRevenue) })}
            </Text>
          )}
          {r.notEnoughData && (
            <Text size="sm" c="dimmed" data-testid="report-not-enough">
              {t('report.notEnoughData')}
            </Text>
          )}
        </Stack>
      </Paper>
      {r.abTest && (
        <Stack gap="xs">
          <Title order={4} size="h6">
            {t('report.abTitle')}
          </Title>
          <ArmTable
            label={t('report.abTitle')}
            arms={[
              ['a', t('arm.a'), r.abTest.a],
              ['b', t('arm.b'), r.abTest.b],
            ]}
          />
          {r.abTest.difference && (
            <Text size="sm">
              {t('report.difference', {
                points: points(r.abTest.difference.estimate),
                lower: points(r.abTest.difference.lower),
                upper: points(r.abTest.difference.upper),
              })}
            </Text>
          )}
          <Badge color={r.abTest.winner === 'no_winner' ? 'gray' : 'teal'} variant="light" data-testid="report-winner">
            {t(`report.winner.${r.abTest.winner}`)}
          </Badge>
        </Stack>
      )}
    </Stack>
  );
}
