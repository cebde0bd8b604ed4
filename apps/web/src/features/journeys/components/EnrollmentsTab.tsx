import { Anchor, Badge, Center, Loader, Stack, Table, Text } from '@mantine/core';
import type { Journey, JourneyEnrollment } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadMoreButton } from '../../../components/LoadMoreButton';
import { formatDateTime, fullName } from '../../../lib/format';
import { useCustomer } from '../../customers/api';
import { useJourneyEnrollments, useJourneyVersions } from '../api';
import { describeStep } from '../describe';

const statusColor: Record<JourneyEnrollment['status'], string> = { active: 'blue', completed: 'teal', exited: 'gray' };

function CustomerLink({ id }: { id: string }) {
  const customer = useCustomer(id);
  const name = customer.data ? fullName(customer.data) : '';
  return (
    <Anchor component={Link} to={`/customers/${id}`}>
      {name || id.slice(0, 8)}
    </Anchor>
  );
}

/** Who is in the journey, on which version and arm, and where; pages as the API pages. */
export function EnrollmentsTab({ journey, timeZone }: { journey: Journey; timeZone: string }) {
  const { t } = useTranslation(['journeys', 'common']);
  const query = useJourneyEnrollments(journey.id);
  const versions = useJourneyVersions(journey.id);
  /** The step in words, read from the version the customer is on (not necessarily the current one). */
  const stepOf = (e: JourneyEnrollment) => {
    const definition = versions.data?.find((v) => v.version === e.version)?.definition;
    const step = definition?.steps.find((s) => s.id === e.stepId);
    return step ? describeStep(t, step) : (e.stepId ?? '—');
  };
  if (query.isPending) {
    return (
      <Center p="md">
        <Loader size="sm" aria-label={t('common:common.loading')} />
      </Center>
    );
  }
  if (query.isError) return <ErrorAlert error={query.error} />;
  const rows = query.data.pages.flatMap((p) => p.items);
  if (rows.length === 0) return <Text c="dimmed">{t('enrollments.empty')}</Text>;
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={0}>
        <Table aria-label={t('enrollments.title')} highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('enrollments.customer')}</Table.Th>
              <Table.Th>{t('enrollments.version')}</Table.Th>
              <Table.Th visibleFrom="xs">{t('enrollments.arm')}</Table.Th>
              <Table.Th>{t('enrollments.status')}</Table.Th>
              <Table.Th visibleFrom="sm">{t('enrollments.step')}</Table.Th>
              <Table.Th visibleFrom="sm">{t('enrollments.wakeAt')}</Table.Th>
              <Table.Th visibleFrom="md">{t('enrollments.enteredAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((e) => (
              <Table.Tr key={e.id} data-enrollment={e.id}>
                <Table.Td>
                  <CustomerLink id={e.customerId} />
                </Table.Td>
                <Table.Td>{t('versionLabel', { version: e.version })}</Table.Td>
                <Table.Td visibleFrom="xs">{t(`enrollments.arms.${e.arm}`)}</Table.Td>
                <Table.Td>
                  <Badge color={statusColor[e.status]} variant="light" style={{ minWidth: 'max-content' }}>
                    {t(`enrollments.statuses.${e.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td visibleFrom="sm" data-step-id={e.stepId ?? ''}>
                  {stepOf(e)}
                </Table.Td>
                <Table.Td visibleFrom="sm">{formatDateTime(e.wakeAt, timeZone)}</Table.Td>
                <Table.Td visibleFrom="md">{formatDateTime(e.enteredAt, timeZone)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMoreButton query={query} label={t('enrollments.more')} />
    </Stack>
  );
}
