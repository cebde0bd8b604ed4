import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Archived records stay for history (visits point at them) but leave every picker. */
export function StatusBadge({ archived, inactiveLabel }: { archived: boolean; inactiveLabel?: string }) {
  const { t } = useTranslation('settings');
  return archived ? (
    <Badge color="gray" variant="light">
      {inactiveLabel ?? t('list.archived')}
    </Badge>
  ) : (
    <Badge color="teal" variant="light">
      {t('list.active')}
    </Badge>
  );
}
