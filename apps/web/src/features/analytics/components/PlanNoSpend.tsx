import { Alert, Anchor } from '@mantine/core';
import { IconCoinYen } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../../auth/session';

/**
 * Acquisition cost needs what was spent on each channel; without it the page says so and
 * points to where spend is entered (only those who may enter it get the link).
 */
export function PlanNoSpend() {
  const { t } = useTranslation('analytics');
  const canEnter = useCan('settings.manage');
  return (
    <Alert color="blue" icon={<IconCoinYen size={18} />} title={t('economics.noSpend.title')}>
      {t('economics.noSpend.body')}{' '}
      {canEnter ? (
        <Anchor component={Link} to="/settings/channels" size="sm">
          {t('economics.noSpend.link')}
        </Anchor>
      ) : (
        t('economics.noSpend.ask')
      )}
    </Alert>
  );
}
