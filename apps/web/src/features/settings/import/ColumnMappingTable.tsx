import { Badge, Code, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFieldLabel } from './useFieldLabel';

/** Each header of the file and what it becomes, so a wrong guess is caught before anything is written. */
export function ColumnMappingTable({ columns }: { columns: Record<string, string | null> }) {
  const { t } = useTranslation('settings');
  const fieldLabel = useFieldLabel();
  const entries = Object.entries(columns);
  if (entries.length === 0) return null;
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table striped aria-label={t('import.mappingTable')} verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('import.csvHeader')}</Table.Th>
            <Table.Th>{t('import.kayoiField')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map(([header, field]) => (
            <Table.Tr key={header}>
              <Table.Td>{header}</Table.Td>
              <Table.Td>
                {field === null ? (
                  <Badge color="gray" variant="light">
                    {t('import.ignored')}
                  </Badge>
                ) : (
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm">{fieldLabel(field)}</Text>
                    <Code visibleFrom="xs">{field}</Code>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
