import { Loader, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Customer, TemplatePreview } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { CustomerPicker } from './CustomerPicker';
import { RenderedMessage } from './RenderedMessage';

interface Props {
  customer: Customer | null;
  onCustomer: (customer: Customer | null) => void;
  /** Why nothing is asked yet, if so. */
  waiting: 'customer' | 'body' | null;
  preview: TemplatePreview | undefined;
  fetching: boolean;
  /** The draft has syntax problems (shown at the fields). */
  invalid: boolean;
  error: unknown;
}

/** The draft rendered for a real customer, as the API renders it for sending. */
export function PreviewPanel({ customer, onCustomer, waiting, preview, fetching, invalid, error }: Props) {
  const { t } = useTranslation('templates');
  return (
    <Paper withBorder p="md" role="region" aria-label={t('preview.title')}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} size="h5">
            {t('preview.title')}
          </Title>
          {fetching && <Loader size="xs" aria-label={t('preview.rendering')} />}
        </Group>
        <CustomerPicker customer={customer} onChange={onCustomer} />
        {waiting === 'customer' && (
          <Text size="sm" c="dimmed">
            {t('preview.pickCustomer')}
          </Text>
        )}
        {waiting === 'body' && (
          <Text size="sm" c="dimmed">
            {t('preview.needBody')}
          </Text>
        )}
        {waiting === null && invalid && (
          <Text size="sm" c="red" role="status">
            {t('preview.invalid')}
          </Text>
        )}
        {waiting === null && !invalid && error !== null && <ErrorAlert error={error} />}
        {waiting === null && !invalid && error === null && preview && <RenderedMessage preview={preview} />}
      </Stack>
    </Paper>
  );
}
