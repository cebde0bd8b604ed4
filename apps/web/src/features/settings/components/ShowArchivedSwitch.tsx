import { Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function ShowArchivedSwitch({
  checked,
  onChange,
  count,
  label,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  count: number;
  label?: string;
}) {
  const { t } = useTranslation('settings');
  if (count === 0) return null;
  return (
    <Switch
      checked={checked}
      onChange={(event) => onChange(event.currentTarget.checked)}
      label={label ?? t('list.showArchived', { count })}
    />
  );
}
