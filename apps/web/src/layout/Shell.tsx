import { AppShell, Burger, Group, Menu, NavLink, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconCash,
  IconChartDots,
  IconChevronDown,
  IconFilter,
  IconRoute,
  IconSend,
  IconLogout,
  IconMessage,
  IconSettings,
  IconUsers,
} from '@tabler/icons-react';
import type { Permission } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, Outlet, ScrollRestoration, useLocation, useNavigate } from 'react-router';
import { useLogout, useMe } from '../auth/session';
import { NotificationBell } from '../features/notifications';
import { LanguageSwitch } from './LanguageSwitch';

interface Section {
  to: string;
  label: string;
  icon: typeof IconUsers;
  needs: Permission;
}

/**
 * Messages, loyalty and bookings come with later work: a section appears here
 * when it exists and the person's role may use it.
 */
const sections: Section[] = [
  { to: '/customers', label: 'nav.customers', icon: IconUsers, needs: 'customers.read' },
  { to: '/checkout', label: 'nav.checkout', icon: IconCash, needs: 'visits.write' },
  { to: '/analytics', label: 'nav.analytics', icon: IconChartDots, needs: 'analytics.read' },
  { to: '/segments', label: 'nav.segments', icon: IconFilter, needs: 'segments.read' },
  { to: '/templates', label: 'nav.templates', icon: IconMessage, needs: 'templates.read' },
  { to: '/broadcasts', label: 'nav.broadcasts', icon: IconSend, needs: 'broadcasts.read' },
  { to: '/journeys', label: 'nav.journeys', icon: IconRoute, needs: 'journeys.read' },
  { to: '/settings', label: 'nav.settings', icon: IconSettings, needs: 'settings.read' },
];

export function Shell() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const me = useMe().data;
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const visible = sections.filter((s) => me?.permissions.includes(s.needs));
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} />
            <Text fw={700}>{t('app.name')}</Text>
            <Text c="dimmed" size="sm" visibleFrom="xs" truncate>
              {me?.tenant.name}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <NotificationBell />
            <Menu position="bottom-end">
              <Menu.Target>
                <UnstyledButton aria-label={t('nav.account')}>
                  <Group gap={4} wrap="nowrap">
                    <Text size="sm" truncate maw={140}>
                      {me?.user.name}
                    </Text>
                    <IconChevronDown size={14} />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{me ? t(`roles.${me.user.role}`) : ''}</Menu.Label>
                <Menu.Item
                  leftSection={<IconLogout size={16} />}
                  onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}
                >
                  {t('nav.logout')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.sections')}>
        {visible.map((s) => (
          <NavLink
            key={s.to}
            component={RouterLink}
            to={s.to}
            label={t(s.label)}
            leftSection={<s.icon size={18} />}
            active={location.pathname.startsWith(s.to)}
            onClick={close}
          />
        ))}
        <Group mt="auto" p="xs">
          <LanguageSwitch />
        </Group>
      </AppShell.Navbar>
      <AppShell.Main>
        {/* Back from a karte to the list lands where the list was left. */}
        <ScrollRestoration />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
