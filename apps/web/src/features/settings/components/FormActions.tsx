import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Cancel and save, at the end of every settings form. */
export function FormActions({
  onCancel,
  saving,
  saveLabel,
}: {
  onCancel: () => void;
  saving: boolean;
  saveLabel?: string;
}) {
  const { t } = useTranslation('common');
  return (
    <Group justify="flex-end" mt="md">
      <Button variant="default" onClick={onCancel} disabled={saving}>
        {t('actions.cancel')}
      </Button>
      <Button type="submit" loading={saving}>
        {saveLabel ?? t('actions.save')}
      </Button>
    </Group>
  );
}
