import { Alert, Loader } from '@mantine/core';
import type { Permission } from '@kayoi/contracts';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../auth/session';

/** A page opened by its address by someone whose role may not see it: say so instead of a broken page. */
export function RequirePermission({ needs, children }: { needs: Permission; children: ReactNode }) {
  const { t } = useTranslation('settings');
  const me = useMe();
  if (me.isPending) return <Loader size="sm" aria-label={t('common:common.loading')} />;
  if (!me.data?.permissions.includes(needs)) {
    return (
      <Alert color="gray" icon={<IconLock size={18} />} title={t('forbidden.title')}>
        {t('forbidden.body')}
      </Alert>
    );
  }
  return children;
}
