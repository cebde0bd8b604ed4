import { Text } from '@mantine/core';
import type { Customer } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { usePiiView } from '../display';
import { KarteCard } from './Card';

export function NotesCard({ customer }: { customer: Customer }) {
  const { t } = useTranslation('customers');
  const view = usePiiView();
  const hidden = customer.masked.includes('notes') || view === 'none';
  return (
    <KarteCard title={t('field.notes')}>
      <Text size="sm" c={customer.notes ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
        {hidden ? t('masked.value') : (customer.notes ?? t('karte.noNotes'))}
      </Text>
    </KarteCard>
  );
}
