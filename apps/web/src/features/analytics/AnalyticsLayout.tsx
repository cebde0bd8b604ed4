import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SectionTabs } from '../../components/SectionTabs';
import { RefreshPanel } from './components/RefreshPanel';
import { analyticsSections } from './sections';

/** 分析 with its pages, and the refresh state above every page. */
export function AnalyticsLayout() {
  const { t } = useTranslation('analytics');
  return (
    <Stack gap="md">
      <Title order={2}>{t('title')}</Title>
      <RefreshPanel />
      <SectionTabs
        base="analytics"
        label={t('nav.label')}
        tabs={analyticsSections.map((s) => ({ ...s, label: t(s.label) }))}
      />
    </Stack>
  );
}
