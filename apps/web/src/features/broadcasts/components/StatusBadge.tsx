import { Badge } from '@mantine/core';
import type { BroadcastStatus, DeliveryStatus } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { broadcastStatusColor, deliveryStatusColor } from '../display';

/** A badge in a table cell keeps its whole word instead of shrinking to "ホール…". */
const fullWidth = { minWidth: 'max-content' } as const;

export function BroadcastStatusBadge({ status }: { status: BroadcastStatus }) {
  const { t } = useTranslation('broadcasts');
  return (
    <Badge color={broadcastStatusColor[status]} variant="light" data-status={status} style={fullWidth}>
      {t(`status.${status}`)}
    </Badge>
  );
}

export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  const { t } = useTranslation('broadcasts');
  return (
    <Badge color={deliveryStatusColor[status]} variant="light" data-status={status} style={fullWidth}>
      {t(`counts.${status}`)}
    </Badge>
  );
}
