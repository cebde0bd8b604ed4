import { Paper, Stack, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

interface Props {
  title: string;
  description?: ReactNode;
  /** Controls (a metric or dimension picker) shown beside the title. */
  action?: ReactNode;
  children: ReactNode;
}

/** A titled block of a planning page; the title names the region for screen readers. */
export function PlanSection({ title, description, action, children }: Props) {
  const id = useId();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Stack gap={4}>
          <Title order={3} size="h4" id={id}>
            {title}
          </Title>
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
        </Stack>
        {action}
        {children}
      </Stack>
    </Paper>
  );
}
