import { Anchor, Loader, Stack } from '@mantine/core';
import type { Segment } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useSegment } from '../api';
import { SegmentEditor } from '../components/SegmentEditor';

/** /segments/new and /segments/:segmentId: the editor, once a saved segment has loaded. */
export function SegmentBuilderPage() {
  const { t } = useTranslation('segments');
  const { segmentId } = useParams();
  const segment = useSegment(segmentId);
  const back = (
    <Anchor component={Link} to="/segments" size="sm">
      {t('back')}
    </Anchor>
  );
  if (segmentId && segment.isPending) return <Loader size="sm" aria-label={t('common:common.loading')} />;
  if (segmentId && segment.isError) {
    return (
      <Stack>
        {back}
        <ErrorAlert error={segment.error} />
      </Stack>
    );
  }
  const loaded: Segment | undefined = segmentId ? segment.data : undefined;
  return (
    <Stack gap="md">
      {back}
      {/* Keyed by id so opening another segment starts from its own rule, not the last one's. */}
      <SegmentEditor key={loaded?.id ?? 'new'} segment={loaded} />
    </Stack>
  );
}
