import { Alert, Anchor } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatYen } from '../../../lib/format';
import { kartePath, type Registered } from './notifyRegistered';

/** The notification fades; this stays so the karte of the customer just served is one tap away. */
export function LastRegistered({ registered, onClose }: { registered: Registered; onClose: () => void }) {
  const { t } = useTranslation('checkout');
  return (
    <Alert
      color="teal"
      variant="light"
      icon={<IconCircleCheck size={18} />}
      role="status"
      title={t('register.last')}
      withCloseButton
      closeButtonLabel={t('register.dismiss')}
      onClose={onClose}
    >
      {t('register.doneMessage', { name: registered.customerName, total: formatYen(registered.total) })}{' '}
      <Anchor component={Link} to={kartePath(registered.customerId)} size="sm" fw={600}>
        {t('register.openKarte')}
      </Anchor>
    </Alert>
  );
}
