import { Button, Group, Modal, Radio, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ConsentChannel, ConsentStatus, Customer } from '@kayoi/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useRecordConsent } from '../api';
import { staffConsentSources } from './consentSources';

interface Props {
  customer: Customer;
  channel: ConsentChannel | null;
  onClose: () => void;
}

/** Records what the customer said, and how: a consent record has to say where it came from. */
export function ConsentModal({ customer, channel, onClose }: Props) {
  const { t } = useTranslation('customers');
  return (
    <Modal
      opened={channel !== null}
      onClose={onClose}
      title={channel ? t('consent.modalTitle', { channel: t(`consent.channel.${channel}`) }) : ''}
      closeButtonProps={{ 'aria-label': t('common:actions.cancel') }}
    >
      {channel && <ConsentForm key={channel} customer={customer} channel={channel} onClose={onClose} />}
    </Modal>
  );
}

function ConsentForm({ customer, channel, onClose }: Props & { channel: ConsentChannel }) {
  const { t } = useTranslation('customers');
  const current = customer.consents[channel].status;
  const [status, setStatus] = useState<ConsentStatus>(current === 'granted' ? 'withdrawn' : 'granted');
  const [source, setSource] = useState<string>('staff');
  const record = useRecordConsent(customer.id);
  const save = () =>
    record.mutate(
      { channel, change: { status, source } },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('consent.saved') });
          onClose();
        },
      },
    );
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('consent.current', { status: t(`consent.status.${current}`) })}
      </Text>
      <Radio.Group label={t('consent.newStatus')} value={status} onChange={(v) => setStatus(v as ConsentStatus)}>
        <Group mt="xs">
          <Radio value="granted" label={t('consent.status.granted')} />
          <Radio value="withdrawn" label={t('consent.status.withdrawn')} />
        </Group>
      </Radio.Group>
      <Select
        label={t('consent.how')}
        data={staffConsentSources.map((s) => ({ value: s, label: t(`consent.source.${s}`) }))}
        value={source}
        onChange={(v) => setSource(v ?? 'staff')}
        allowDeselect={false}
      />
      <ErrorAlert error={record.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common:actions.cancel')}
        </Button>
        <Button onClick={save} loading={record.isPending}>
          {t('consent.save')}
        </Button>
      </Group>
    </Stack>
  );
}
