import { NativeSelect, Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { RefreshPanel } from './components/RefreshPanel';
import { analyticsSections } from './sections';

/**
 * 分析 with its pages: scrollable tabs on a desktop, the phone's own picker on a phone (as in
 * 設定), and the refresh state above every page.
 */
export function AnalyticsLayout() {
  const { t } = useTranslation('analytics');
  const navigate = useNavigate();
  const location = useLocation();
  const current = location.pathname.split('/')[2] ?? null;
  const go = (path: string | null) => {
    if (path) void navigate(`/analytics/${path}`);
  };
  return (
    <Stack gap="md">
      <Title order={2}>{t('title')}</Title>
      <RefreshPanel />
      <Tabs value={current} onChange={go} keepMounted={false}>
        <Tabs.List visibleFrom="sm" aria-label={t('nav.label')}>
          {analyticsSections.map((s) => (
            <Tabs.Tab key={s.path} value={s.path} leftSection={<s.icon size={16} />}>
              {t(s.label)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <NativeSelect
          hiddenFrom="sm"
          label={t('nav.label')}
          value={current ?? ''}
          onChange={(event) => go(event.currentTarget.value)}
          data={analyticsSections.map((s) => ({ value: s.path, label: t(s.label) }))}
        />
        {current ? (
          <Tabs.Panel value={current} pt="md">
            <Outlet />
          </Tabs.Panel>
        ) : (
          <Outlet />
        )}
      </Tabs>
    </Stack>
  );
}
