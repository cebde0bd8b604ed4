import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/session';
import { SectionTabs } from '../../components/SectionTabs';
import { settingsSections } from './sections';

/** 設定 with its pages. A role sees only the pages it may open. */
export function SettingsLayout() {
  const { t } = useTranslation('settings');
  const me = useMe().data;
  const visible = settingsSections.filter((s) => me?.permissions.includes(s.needs));
  return (
    <Stack gap="md">
      <Title order={2}>{t('title')}</Title>
      <SectionTabs base="settings" label={t('nav.label')} tabs={visible.map((s) => ({ ...s, label: t(s.label) }))} />
    </Stack>
  );
}
