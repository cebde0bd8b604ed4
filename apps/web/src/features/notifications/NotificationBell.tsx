import { ActionIcon, Indicator } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../auth/session';
import { UNREAD_COUNT_CAP, useUnreadCount } from './api';

/** The header's bell: how many notes nobody has read; nothing for roles without customers.read. */
export function NotificationBell() {
  const { t } = useTranslation('notifications');
  const allowed = useCan('customers.read');
  const unread = useUnreadCount(allowed);
  if (!allowed) return null;
  const count = unread.data?.count ?? 0;
  const label = unread.data?.more ? `${UNREAD_COUNT_CAP}+` : String(count);
  return (
    <Indicator label={label} size={16} disabled={count === 0} offset={4} data-testid="unread-count" data-value={count}>
      <ActionIcon
        component={Link}
        to="/notifications"
        variant="subtle"
        color="gray"
        size="lg"
        aria-label={t('bell', { count })}
      >
        <IconBell size={20} />
      </ActionIcon>
    </Indicator>
  );
}
