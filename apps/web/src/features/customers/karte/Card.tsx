import { Group, Paper, Title } from '@mantine/core';
import { useId } from 'react';

interface Props {
  title: string;
  action?: React.ReactNode;
  children: React.ReactNode;
}

/** A titled block of the karte; the title also names the region for screen readers. */
export function KarteCard({ title, action, children }: Props) {
  const id = useId();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={3} size="h5" id={id}>
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Paper>
  );
}
