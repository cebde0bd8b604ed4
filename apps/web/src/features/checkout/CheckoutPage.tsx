import { Alert, Loader, Stack, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCan, useMe } from '../../auth/session';
import { Checkout } from './Checkout';

/** お会計: registering a visit at the counter. The navigation hides it from roles that may not. */
export function CheckoutPage() {
  const { t } = useTranslation('checkout');
  const me = useMe().data;
  const canRegister = useCan('visits.write');
  let body;
  if (!me) body = <Loader aria-label={t('loading')} />;
  else if (!canRegister)
    body = (
      <Alert color="gray" icon={<IconLock size={18} />} role="status">
        {t('notAllowed')}
      </Alert>
    );
  else body = <Checkout me={me} />;
  return (
    <Stack gap="sm" maw={1200} mx="auto">
      <Title order={2}>{t('title')}</Title>
      {body}
    </Stack>
  );
}
