import { DataList, Group, Text, Tooltip } from '@mantine/core';
import { IconEyeOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export interface Fact {
  label: string;
  value: React.ReactNode;
  /** The API hid or partly hid it for this viewer. */
  masked?: boolean;
}

/** Label–value pairs (a <dl>), side by side on a desktop and still readable at 375 px. */
export function Facts({ facts }: { facts: Fact[] }) {
  const { t, i18n } = useTranslation('customers');
  return (
    <DataList size="sm" gap={6} labelWidth={i18n.language === 'en' ? 150 : 110}>
      {facts.map((f) => (
        <DataList.Item key={f.label}>
          <DataList.ItemLabel c="dimmed">{f.label}</DataList.ItemLabel>
          <DataList.ItemValue>
            {f.masked ? (
              <Group gap={4} wrap="nowrap">
                <Text size="sm" c="dimmed" span>
                  {f.value || t('masked.value')}
                </Text>
                <Tooltip label={t('masked.tooltip')}>
                  <IconEyeOff size={14} aria-label={t('masked.tooltip')} />
                </Tooltip>
              </Group>
            ) : (
              (f.value ?? '—')
            )}
          </DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}
