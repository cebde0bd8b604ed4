import { Anchor, Button, Stack, Table, Text } from '@mantine/core';
import { IconSparkles } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../../auth/session';
import { PageHeader } from '../../settings/components/PageHeader';
import { QueryState } from '../../settings/components/QueryState';
import { useJourneyList } from '../api';
import { JourneyStatusBadge } from '../components/JourneyStatusBadge';
import { NewJourneyDialog } from '../components/NewJourneyDialog';
import { describeTrigger } from '../describe';
import { useNames } from '../useNames';

/** /journeys: every journey, newest first, with its trigger in words and who is in it now. */
export function JourneysListPage() {
  const { t } = useTranslation('journeys');
  const navigate = useNavigate();
  const canManage = useCan('journeys.manage');
  const journeys = useJourneyList();
  const names = useNames();
  const [creating, setCreating] = useState(false);
  return (
    <Stack gap="md">
      <PageHeader
        title={t('title')}
        description={t('description')}
        addLabel={canManage ? t('new') : null}
        onAdd={() => setCreating(true)}
      >
        {canManage && (
          <Button
            variant="default"
            leftSection={<IconSparkles size={16} />}
            onClick={() => void navigate('/journeys/presets')}
          >
            {t('fromPreset')}
          </Button>
        )}
      </PageHeader>
      <QueryState query={journeys}>
        {(items) =>
          items.length === 0 ? (
            <Text c="dimmed">{t('empty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={0}>
              <Table aria-label={t('title')} highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('columns.name')}</Table.Th>
                    <Table.Th>{t('columns.status')}</Table.Th>
                    <Table.Th visibleFrom="sm">{t('columns.trigger')}</Table.Th>
                    <Table.Th visibleFrom="xs">{t('columns.version')}</Table.Th>
                    <Table.Th ta="right">{t('columns.active')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((j) => (
                    <Table.Tr key={j.id} data-journey={j.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/journeys/${j.id}`}>
                          {j.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <JourneyStatusBadge status={j.status} />
                      </Table.Td>
                      <Table.Td visibleFrom="sm">{describeTrigger(t, j.definition.trigger, names)}</Table.Td>
                      <Table.Td visibleFrom="xs">{t('versionLabel', { version: j.version })}</Table.Td>
                      <Table.Td ta="right">{j.activeEnrollments}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
      {canManage && <NewJourneyDialog opened={creating} onClose={() => setCreating(false)} />}
    </Stack>
  );
}
