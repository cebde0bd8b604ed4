import { Anchor, Loader, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCan } from '../../../auth/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useBroadcast } from '../api';
import { BroadcastDetail } from '../components/BroadcastDetail';
import { BroadcastEditor } from '../components/BroadcastEditor';

/** /broadcasts/new and /broadcasts/:broadcastId: a draft opens in the editor, anything else in the detail. */
export function BroadcastPage() {
  const { t } = useTranslation('broadcasts');
  const { broadcastId } = useParams();
  const canManage = useCan('broadcasts.manage');
  const broadcast = useBroadcast(broadcastId);
  const back = (
    <Anchor component={Link} to="/broadcasts" size="sm">
      {t('back')}
    </Anchor>
  );
  if (broadcastId && broadcast.isPending) return <Loader size="sm" aria-label={t('common:common.loading')} />;
  if (broadcastId && broadcast.isError) {
    return (
      <Stack>
        {back}
        <ErrorAlert error={broadcast.error} />
      </Stack>
    );
  }
  const loaded = broadcastId ? broadcast.data : undefined;
  return (
    <Stack gap="md">
      {back}
      {loaded && (loaded.status !== 'draft' || !canManage) ? (
        <BroadcastDetail broadcast={loaded} />
      ) : (
        // Keyed by id so opening another draft starts from its own fields.
        <BroadcastEditor key={loaded?.id ?? 'new'} broadcast={loaded} />
      )}
    </Stack>
  );
}
