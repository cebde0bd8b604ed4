import { Alert, Button, Group, List, Modal, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { Customer } from '@kayoi/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useEraseCustomer } from '../api';
import { displayName } from '../display';

/** Exactly what the server's erasure removes and keeps (core/customers/erasure.ts). */
const removed = [
  'name',
  'kana',
  'phone',
  'email',
  'lineUserId',
  'birthday',
  'postalCode',
  'notes',
  'tags',
  'attributes',
  'externalId',
  'visitNotes',
  'consents',
] as const;
const kept = ['gender', 'birthYear', 'area', 'channel', 'visits'] as const;

interface Props {
  opened: boolean;
  onClose: () => void;
  customer: Customer;
}

/** A privacy request cannot be undone: the person types a word to confirm they mean it. */
export function EraseModal({ opened, onClose, customer }: Props) {
  const { t } = useTranslation('customers');
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('erase.title', { name: displayName(customer, t).text })}
      fullScreen={phone}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common:actions.cancel') }}
    >
      <EraseForm customer={customer} onClose={onClose} />
    </Modal>
  );
}

function EraseForm({ customer, onClose }: Omit<Props, 'opened'>) {
  const { t } = useTranslation('customers');
  const [typed, setTyped] = useState('');
  const erase = useEraseCustomer(customer.id);
  const word = t('erase.word');
  const confirmed = typed.trim().toLowerCase() === word.toLowerCase();
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!confirmed) return;
        erase.mutate(undefined, {
          onSuccess: () => {
            notifications.show({ color: 'teal', message: t('erase.done') });
            onClose();
          },
        });
      }}
    >
      <Stack>
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
          {t('erase.warning')}
        </Alert>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <div>
            <Title order={4} size="h6" mb={4}>
              {t('erase.removedTitle')}
            </Title>
            <List size="sm" spacing={2}>
              {removed.map((k) => (
                <List.Item key={k}>{t(`erase.removed.${k}`)}</List.Item>
              ))}
            </List>
          </div>
          <div>
            <Title order={4} size="h6" mb={4}>
              {t('erase.keptTitle')}
            </Title>
            <List size="sm" spacing={2}>
              {kept.map((k) => (
                <List.Item key={k}>{t(`erase.kept.${k}`)}</List.Item>
              ))}
            </List>
            <Text size="xs" c="dimmed" mt="xs">
              {t('erase.keptWhy')}
            </Text>
          </div>
        </SimpleGrid>
        <TextInput
          label={t('erase.typeLabel', { word })}
          value={typed}
          onChange={(e) => setTyped(e.currentTarget.value)}
          autoComplete="off"
          data-autofocus
        />
        <ErrorAlert error={erase.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" color="red" disabled={!confirmed} loading={erase.isPending}>
            {t('erase.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
