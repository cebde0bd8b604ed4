import { Badge } from '@mantine/core';
import type { JourneyStatus } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';

const color: Record<JourneyStatus, string> = { draft: 'gray', active: 'teal', paused: 'yellow', archived: 'dark' };

export function JourneyStatusBadge({ status }: { status: JourneyStatus }) {
  const { t } = useTranslation('journeys');
  return (
    <Badge color={color[status]} variant="light" data-status={status} style={{ minWidth: 'max-content' }}>
      {t(`status.${status}`)}
    </Badge>
  );
}
