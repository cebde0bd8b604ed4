import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { consentChannels, type ConsentChannel, type Customer } from '@kayoi/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { useTimeZone } from '../display';
import { KarteCard } from './Card';
import { ConsentModal } from './ConsentModal';
import { consentSourceKey } from './consentSources';

const statusColor = { granted: 'teal', withdrawn: 'red', unknown: 'gray' } as const;

/** Whether the shop may send on each channel: the basis of every message it sends later. */
export function ConsentCard({ customer, editable }: { customer: Customer; editable: boolean }) {
  const { t } = useTranslation('customers');
  const timeZone = useTimeZone();
  const [channel, setChannel] = useState<ConsentChannel | null>(null);
  return (
    <KarteCard title={t('consent.title')}>
      <Stack gap="sm">
        {consentChannels.map((ch) => {
          const consent = customer.consents[ch];
          const sourceKey = consentSourceKey(consent.source);
          const label = t(`consent.channel.${ch}`);
          return (
            <Group key={ch} justify="space-between" wrap="nowrap" data-consent={ch}>
              <Stack gap={2} miw={0}>
                <Group gap="xs">
                  <Text size="sm" fw={600} w={48}>
                    {label}
                  </Text>
                  <Badge color={statusColor[consent.status]} variant="light">
                    {t(`consent.status.${consent.status}`)}
                  </Badge>
                </Group>
                {consent.changedAt && (
                  <Text size="xs" c="dimmed">
                    {formatDateTime(consent.changedAt, timeZone)}
                    {consent.source ? ` · ${sourceKey ? t(sourceKey) : consent.source}` : ''}
                  </Text>
                )}
              </Stack>
              {editable && (
                <Button
                  size="compact-sm"
                  variant="default"
                  onClick={() => setChannel(ch)}
                  aria-label={t('consent.recordFor', { channel: label })}
                >
                  {t('consent.record')}
                </Button>
              )}
            </Group>
          );
        })}
      </Stack>
      {editable && <ConsentModal customer={customer} channel={channel} onClose={() => setChannel(null)} />}
    </KarteCard>
  );
}
