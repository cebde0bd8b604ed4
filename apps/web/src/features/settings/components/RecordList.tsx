import { Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../hooks/useIsPhone';

export interface Column<T> {
  key: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** Numbers line up on the right in a table. */
  numeric?: boolean;
}

interface Props<T> {
  /** Names the table for screen readers. */
  label: string;
  rows: T[];
  rowKey: (row: T) => string;
  /** The first column names the row: it becomes the card's title on a phone. */
  columns: Column<T>[];
  actions?: (row: T) => ReactNode;
  empty: string;
  dimmed?: (row: T) => boolean;
}

/**
 * A table on a desktop; on a 375 px phone the same records as cards, because seven columns
 * do not fit and sideways scrolling at the counter hides the buttons.
 */
export function RecordList<T>({ label, rows, rowKey, columns, actions, empty, dimmed }: Props<T>) {
  const { t } = useTranslation('settings');
  const phone = useIsPhone();
  if (rows.length === 0) {
    return (
      <Text c="dimmed" py="lg" ta="center">
        {empty}
      </Text>
    );
  }
  const [first, ...rest] = columns;
  if (phone && first) {
    return (
      <Stack gap="xs" role="list" aria-label={label}>
        {rows.map((row) => (
          <Paper key={rowKey(row)} withBorder p="sm" role="listitem" opacity={dimmed?.(row) ? 0.6 : 1}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <div style={{ minWidth: 0 }}>{first.cell(row)}</div>
              {actions && (
                <Group gap={4} wrap="nowrap">
                  {actions(row)}
                </Group>
              )}
            </Group>
            <SimpleGrid cols={2} spacing="xs" verticalSpacing={4} mt="xs">
              {rest.map((column) => (
                <div key={column.key} style={{ minWidth: 0 }}>
                  <Text size="xs" c="dimmed">
                    {column.header}
                  </Text>
                  <Text size="sm" component="div">
                    {column.cell(row)}
                  </Text>
                </div>
              ))}
            </SimpleGrid>
          </Paper>
        ))}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column.key} ta={column.numeric ? 'right' : undefined}>
                {column.header}
              </Table.Th>
            ))}
            {actions && <Table.Th w={1}>{t('list.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)} opacity={dimmed?.(row) ? 0.6 : 1}>
              {columns.map((column) => (
                <Table.Td key={column.key} ta={column.numeric ? 'right' : undefined}>
                  {column.cell(row)}
                </Table.Td>
              ))}
              {actions && (
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {actions(row)}
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
