import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface Props {
  title: string;
  description?: string;
  /** Shown only to roles that may add: read-only roles see no button at all. */
  addLabel?: string | null;
  onAdd?: () => void;
  children?: ReactNode;
}

export function PageHeader({ title, description, addLabel, onAdd, children }: Props) {
  return (
    <Group justify="space-between" align="flex-end" gap="sm">
      <Stack gap={4} style={{ flex: '1 1 260px' }}>
        <Title order={3}>{title}</Title>
        {description && (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        )}
      </Stack>
      <Group gap="sm">
        {children}
        {addLabel && onAdd && (
          <Button leftSection={<IconPlus size={16} />} onClick={onAdd}>
            {addLabel}
          </Button>
        )}
      </Group>
    </Group>
  );
}
