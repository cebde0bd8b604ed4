import { Alert } from '@mantine/core';
import { IconEyeOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { usePiiView } from '../display';

/**
 * Says why contact details look like 090-****-5678, so nobody thinks the data is broken.
 * Given `masked` (one karte), it shows only when that record actually has something hidden.
 */
export function MaskedHint({ masked }: { masked?: string[] }) {
  const { t } = useTranslation('customers');
  const view = usePiiView();
  if (view === 'full' || (view === 'contactsMasked' && masked?.length === 0)) return null;
  return (
    <Alert variant="light" color="gray" icon={<IconEyeOff size={18} />} py="xs">
      {t(view === 'none' ? 'masked.hintNone' : 'masked.hintContacts')}
    </Alert>
  );
}
