import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { useId, type ReactNode } from 'react';
import { Link } from 'react-router';

interface Props {
  label: string;
  value: string;
  /** What the number counts, in a short sentence (e.g. the day thresholds). */
  description?: ReactNode;
  /** Further figures under the value (last year's revenue, a median). */
  children?: ReactNode;
  /** The page that explains the number, with the words of the link. */
  link?: { to: string; label: string };
}

/**
 * One figure of a dashboard: a label, a big number, what it means and where to read more.
 * A labelled region, so screen readers (and tests) find the number by its label.
 */
export function StatCard({ label, value, description, children, link }: Props) {
  const id = useId();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Stack gap={6} h="100%">
        <Text size="sm" c="dimmed" fw={500} id={id}>
          {label}
        </Text>
        <Text fz={28} fw={700} lh={1.1} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {value}
        </Text>
        {children}
        {description && (
          <Text size="xs" c="dimmed">
            {description}
          </Text>
        )}
        {link && (
          <Group mt="auto" pt={4}>
            <Anchor
              component={Link}
              to={link.to}
              size="sm"
              style={{ display: 'inline-flex', alignItems: 'center', gap: 2 }}
            >
              {link.label}
              <IconChevronRight size={14} aria-hidden />
            </Anchor>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
