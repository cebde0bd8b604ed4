import { NativeSelect, Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useMe } from '../../auth/session';
import { settingsSections } from './sections';

/**
 * 設定 with its pages: tabs on a desktop, a native select on a phone (the phone's own picker
 * is the easiest to use with a thumb). A role sees only the pages it may open.
 */
export function SettingsLayout() {
  const { t } = useTranslation('settings');
  const me = useMe().data;
  const navigate = useNavigate();
  const location = useLocation();
  const visible = settingsSections.filter((s) => me?.permissions.includes(s.needs));
  const current = location.pathname.split('/')[2] ?? null;
  const go = (path: string | null) => {
    if (path) void navigate(`/settings/${path}`);
  };
  return (
    <Stack gap="md">
      <Title order={2}>{t('title')}</Title>
      <Tabs value={current} onChange={go} keepMounted={false}>
        <Tabs.List visibleFrom="sm" aria-label={t('nav.label')}>
          {visible.map((s) => (
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
          data={visible.map((s) => ({ value: s.path, label: t(s.label) }))}
        />
        {current ? (
          <Tabs.Panel value={current} pt="md">
            <Outlet />
          </Tabs.Panel>
        ) : (
          // /settings itself: the index route redirects to the first page.
          <Outlet />
        )}
      </Tabs>
    </Stack>
  );
}
