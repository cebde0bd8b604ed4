import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface PlanColumn<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Numbers line up on the right. */
  numeric?: boolean;
}

interface Props<T> {
  /** Names the table for screen readers (and tests). */
  label: string;
  rows: T[];
  rowKey: (row: T) => string;
  /** The first column names the row: it is a row header. */
  columns: PlanColumn<T>[];
  /** Below this width the table scrolls sideways inside its box; the page itself never does. */
  minWidth?: number;
  empty?: string;
  footer?: ReactNode;
}

/**
 * The numbers behind a chart, as a table. On a phone the analyst's columns do not fit and
 * cards would hide the comparison between rows, so the table scrolls inside its own box.
 */
export function PlanTable<T>({ label, rows, rowKey, columns, minWidth = 640, empty, footer }: Props<T>) {
  if (rows.length === 0 && empty) {
    return (
      <Text c="dimmed" py="md" ta="center">
        {empty}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={minWidth} type="native">
      <Table striped highlightOnHover verticalSpacing="xs" aria-label={label} style={{ whiteSpace: 'nowrap' }}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column.key} ta={column.numeric ? 'right' : undefined} scope="col">
                {column.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)}>
              {columns.map((column, index) =>
                index === 0 ? (
                  <Table.Th key={column.key} scope="row" fw={500}>
                    {column.cell(row)}
                  </Table.Th>
                ) : (
                  <Table.Td key={column.key} ta={column.numeric ? 'right' : undefined}>
                    {column.cell(row)}
                  </Table.Td>
                ),
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
        {footer}
      </Table>
    </Table.ScrollContainer>
  );
}
