import { Anchor, Badge, Button, Center, Group, Loader, Paper, Stack, Switch, Text } from '@mantine/core';
import type { StaffNotification } from '@kayoi/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTimeZone } from '../../../auth/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadMoreButton } from '../../../components/LoadMoreButton';
import { formatDateTime } from '../../../lib/format';
import { PageHeader } from '../../settings/components/PageHeader';
import { useMarkRead, useNotifications } from '../api';

function NotificationCard({ n, timeZone }: { n: StaffNotification; timeZone: string }) {
  const { t } = useTranslation('notifications');
  const markRead = useMarkRead();
  const unread = n.readAt === null;
  return (
    <Paper
      withBorder
      p="sm"
      data-notification={n.id}
      data-unread={unread}
      bg={unread ? 'var(--mantine-color-yellow-light)' : undefined}
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Text fw={unread ? 600 : 400} style={{ overflowWrap: 'anywhere' }}>
            {n.message}
          </Text>
          {unread && (
            <Badge color="yellow" variant="filled" style={{ flexShrink: 0 }}>
              {t('unread')}
            </Badge>
          )}
        </Group>
        <Group gap="md" wrap="wrap">
          <Text size="sm" data-testid="customer">
            {t('customer')}:{' '}
            {n.customerName === null ? (
              '—'
            ) : (
              <Anchor component={Link} to={`/customers/${n.customerId}`}>
                {n.customerName}
              </Anchor>
            )}
          </Text>
          {n.journeyName !== null && (
            <Text size="sm" c="dimmed">
              {t('journey')}: {n.journeyName}
            </Text>
          )}
          <Text size="sm" c="dimmed">
            {formatDateTime(n.createdAt, timeZone)}
          </Text>
        </Group>
        {unread && (
          <Group justify="flex-end">
            <Button size="xs" variant="light" onClick={() => markRead.mutate(n.id)} loading={markRead.isPending}>
              {t('markRead')}
            </Button>
          </Group>
        )}
        {markRead.isError && <ErrorAlert error={markRead.error} />}
      </Stack>
    </Paper>
  );
}

/** /notifications: what journeys asked the staff to do, newest first, unread ones highlighted. */
export function NotificationsPage() {
  const { t } = useTranslation(['notifications', 'common']);
  const timeZone = useTimeZone();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const query = useNotifications(unreadOnly);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="md">
      <PageHeader title={t('title')} description={t('description')}>
        <Switch label={t('unreadOnly')} checked={unreadOnly} onChange={(e) => setUnreadOnly(e.currentTarget.checked)} />
      </PageHeader>
      {query.isPending ? (
        <Center py="xl">
          <Loader size="sm" aria-label={t('common:common.loading')} />
        </Center>
      ) : query.isError ? (
        <ErrorAlert error={query.error} />
      ) : items.length === 0 ? (
        <Text c="dimmed">{unreadOnly ? t('emptyUnread') : t('empty')}</Text>
      ) : (
        <Stack gap="xs" aria-label={t('title')} role="list">
          {items.map((n) => (
            <div role="listitem" key={n.id}>
              <NotificationCard n={n} timeZone={timeZone} />
            </div>
          ))}
        </Stack>
      )}
      {query.hasNextPage && (
        <Group justify="center">
          <LoadMoreButton query={query} label={t('more')} />
        </Group>
      )}
    </Stack>
  );
}
