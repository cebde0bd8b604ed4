import { Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconCash, IconPencil, IconTrash } from '@tabler/icons-react';
import type { Customer } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useCan } from '../../../auth/session';
import { displayName, kanaOf } from '../display';
import { TagBadges } from '../parts/TagBadges';

interface Props {
  customer?: Customer;
  /** Absent when the viewer may not do it, or the customer was erased. */
  onEdit?: () => void;
  onErase?: () => void;
}

export function KarteHeader({ customer, onEdit, onErase }: Props) {
  const { t } = useTranslation('customers');
  // Back to the list as it was left: same search, same filters.
  const from = (useLocation().state as { from?: string } | null)?.from ?? '';
  const name = customer ? displayName(customer, t) : null;
  const canCheckout = useCan('visits.write');
  return (
    <Stack gap="xs">
      <Anchor component={Link} to={`/customers${from}`} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('karte.back')}
        </Group>
      </Anchor>
      {customer && name && (
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={2} miw={0}>
            <Group gap="xs">
              <Title order={2} c={name.hidden ? 'dimmed' : undefined}>
                {name.text}
              </Title>
              {customer.erasedAt && <Badge color="gray">{t('erased.badge')}</Badge>}
            </Group>
            {kanaOf(customer) && (
              <Text c="dimmed" size="sm">
                {kanaOf(customer)}
              </Text>
            )}
            <TagBadges tags={customer.tags} max={10} />
          </Stack>
          <Group gap="xs">
            {canCheckout && !customer.erasedAt && (
              <Button component={Link} to={`/checkout?customerId=${customer.id}`} leftSection={<IconCash size={16} />}>
                {t('karte.checkout')}
              </Button>
            )}
            {onEdit && (
              <Button variant="default" leftSection={<IconPencil size={16} />} onClick={onEdit}>
                {t('common:actions.edit')}
              </Button>
            )}
            {onErase && (
              <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={onErase}>
                {t('erase.button')}
              </Button>
            )}
          </Group>
        </Group>
      )}
    </Stack>
  );
}
