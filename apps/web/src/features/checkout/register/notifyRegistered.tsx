import { Anchor, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { formatYen } from '../../../lib/format';

export interface Registered {
  visitId: string;
  customerId: string;
  customerName: string;
  total: number;
}

export const kartePath = (customerId: string) => `/customers/${customerId}`;

/**
 * Notifications are drawn outside the router, so the karte link is a plain link whose click
 * goes through the page's navigate (no reload) and which still opens in a new tab on demand.
 */
export function notifyRegistered(registered: Registered, t: TFunction<'checkout'>, navigate: (to: string) => void) {
  const id = `visit-${registered.visitId}`;
  const href = kartePath(registered.customerId);
  notifications.show({
    id,
    color: 'teal',
    icon: <IconCheck size={18} />,
    title: t('register.done'),
    autoClose: 10_000,
    message: (
      <Stack gap={2}>
        <Text size="sm">
          {t('register.doneMessage', { name: registered.customerName, total: formatYen(registered.total) })}
        </Text>
        <Anchor
          href={href}
          size="sm"
          fw={600}
          onClick={(event) => {
            if (event.metaKey || event.ctrlKey || event.shiftKey) return;
            event.preventDefault();
            notifications.hide(id);
            navigate(href);
          }}
        >
          {t('register.openKarte')}
        </Anchor>
      </Stack>
    ),
  });
}
