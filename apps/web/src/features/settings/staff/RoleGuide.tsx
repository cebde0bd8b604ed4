import { Accordion, Badge, Group, Radio, Stack, Text } from '@mantine/core';
import { roles, type Role } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';

const roleColor: Record<Role, string> = { owner: 'grape', manager: 'blue', staff: 'teal', analyst: 'orange' };

export function RoleBadge({ role }: { role: Role }) {
  const { t } = useTranslation('common');
  return (
    <Badge color={roleColor[role]} variant="light">
      {t(`roles.${role}`)}
    </Badge>
  );
}

/** The role picker says what each role may do, so an owner does not have to guess. */
export function RoleRadios({
  value,
  onChange,
  error,
}: {
  value: Role;
  onChange: (role: Role) => void;
  error?: string;
}) {
  const { t } = useTranslation('settings');
  return (
    <Radio.Group label={t('staff.role')} value={value} onChange={(v) => onChange(v as Role)} error={error} withAsterisk>
      <Stack gap="xs" mt="xs">
        {roles.map((role) => (
          <Radio key={role} value={role} label={t(`common:roles.${role}`)} description={t(`roles.${role}`)} />
        ))}
      </Stack>
    </Radio.Group>
  );
}

/** The same explanations under the staff list, for roles that only read it. */
export function RoleGuide() {
  const { t } = useTranslation('settings');
  return (
    <Accordion variant="contained">
      <Accordion.Item value="roles">
        <Accordion.Control>{t('staff.aboutRoles')}</Accordion.Control>
        <Accordion.Panel>
          <Stack gap="xs">
            {roles.map((role) => (
              <Group key={role} gap="sm" wrap="nowrap" align="flex-start">
                <RoleBadge role={role} />
                <Text size="sm">{t(`roles.${role}`)}</Text>
              </Group>
            ))}
          </Stack>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
