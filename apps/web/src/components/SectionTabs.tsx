import { NativeSelect, Tabs } from '@mantine/core';
import type { IconUsers } from '@tabler/icons-react';
import { Outlet, useLocation, useNavigate } from 'react-router';

export interface SectionTab {
  path: string;
  /** Already translated. */
  label: string;
  icon: typeof IconUsers;
}

/**
 * The pages of one section (設定, 分析): tabs on a desktop, a native select on a phone (the
 * phone's own picker is the easiest to use with a thumb), and the current page below.
 */
export function SectionTabs({ base, label, tabs }: { base: string; label: string; tabs: SectionTab[] }) {
  const navigate = useNavigate();
  const location = useLocation();
  const current = location.pathname.split('/')[2] ?? null;
  const go = (path: string | null) => {
    if (path) void navigate(`/${base}/${path}`);
  };
  return (
    <Tabs value={current} onChange={go} keepMounted={false}>
      <Tabs.List visibleFrom="sm" aria-label={label}>
        {tabs.map((s) => (
          <Tabs.Tab key={s.path} value={s.path} leftSection={<s.icon size={16} />}>
            {s.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      <NativeSelect
        hiddenFrom="sm"
        label={label}
        value={current ?? ''}
        onChange={(event) => go(event.currentTarget.value)}
        data={tabs.map((s) => ({ value: s.path, label: s.label }))}
      />
      {current ? (
        <Tabs.Panel value={current} pt="md">
          <Outlet />
        </Tabs.Panel>
      ) : (
        // The section's own address: its index route redirects to the first page.
        <Outlet />
      )}
    </Tabs>
  );
}
