import { Badge, Group, Stack, Text } from '@mantine/core';
import type { Customer } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { displayName, kanaOf } from '../display';

/**
 * Name in kanji with its reading beneath, as a karte card shows it. For a viewer who may not
 * see names, what is left to tell customers apart: gender, birth year, area.
 */
export function CustomerName({ customer, size = 'sm' }: { customer: Customer; size?: 'sm' | 'md' }) {
  const { t } = useTranslation('customers');
  const name = displayName(customer, t);
  const secondary = name.hidden
    ? [
        customer.gender !== 'unspecified' ? t(`gender.${customer.gender}`) : null,
        customer.birthYear ? t('profile.bornIn', { year: customer.birthYear }) : null,
        customer.area,
      ]
        .filter(Boolean)
        .join(' · ')
    : kanaOf(customer);
  return (
    <Stack gap={0} miw={0}>
      <Group gap={6} wrap="nowrap">
        <Text size={size} fw={name.hidden ? 400 : 600} c={name.hidden ? 'dimmed' : undefined} truncate>
          {name.text}
        </Text>
        {customer.erasedAt && (
          <Badge size="xs" color="gray" variant="outline">
            {t('erased.badge')}
          </Badge>
        )}
      </Group>
      {secondary && (
        <Text size="xs" c="dimmed" truncate>
          {secondary}
        </Text>
      )}
    </Stack>
  );
}
