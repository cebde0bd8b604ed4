import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** A short "what is stored" table: a label and its value per row. */
export function StatusTable({ label, rows }: { label: string; rows: readonly [string, ReactNode][] }) {
  return (
    <Table aria-label={label} variant="vertical" withTableBorder layout="fixed">
      <Table.Tbody>
        {rows.map(([name, value]) => (
          <Table.Tr key={name}>
            <Table.Th w={{ base: 140, sm: 220 }}>{name}</Table.Th>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
