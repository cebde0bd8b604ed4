import { Anchor, Button, Stack } from '@mantine/core';
import type { Journey } from '@kayoi/contracts';
import { IconSparkles } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../../auth/session';
import { PageHeader } from '../../settings/components/PageHeader';
import { QueryState } from '../../settings/components/QueryState';
import { RecordList, type Column } from '../../settings/components/RecordList';
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
  const columns: Column<Journey>[] = [
    {
      key: 'name',
      header: t('columns.name'),
      cell: (j) => (
        <Anchor component={Link} to={`/journeys/${j.id}`}>
          {j.name}
        </Anchor>
      ),
    },
    { key: 'status', header: t('columns.status'), cell: (j) => <JourneyStatusBadge status={j.status} /> },
    { key: 'trigger', header: t('columns.trigger'), cell: (j) => describeTrigger(t, j.definition.trigger, names) },
    { key: 'version', header: t('columns.version'), cell: (j) => t('versionLabel', { version: j.version }) },
    { key: 'active', header: t('columns.active'), numeric: true, cell: (j) => j.activeEnrollments },
  ];
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
        {(items) => (
          <RecordList label={t('title')} rows={items} rowKey={(j) => j.id} columns={columns} empty={t('empty')} />
        )}
      </QueryState>
      {canManage && <NewJourneyDialog opened={creating} onClose={() => setCreating(false)} />}
    </Stack>
  );
}
