import { Accordion, Alert, ScrollArea, Stack, Table, Text } from '@mantine/core';
import type { ImportReport } from '@kayoi/contracts';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ColumnMappingTable } from './ColumnMappingTable';

/**
 * The row-numbered error report of a refused file. Row numbers are the file's lines as a
 * spreadsheet shows them (the header is row 1), so the shop can go straight to the cell.
 */
export function ImportRejected({ report, message }: { report: ImportReport; message: string }) {
  const { t } = useTranslation('settings');
  const hidden = report.errorCount - report.errors.length;
  return (
    <Stack>
      <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('import.rejectedTitle')} role="alert">
        <Stack gap={4}>
          <Text size="sm">{message}</Text>
          <Text size="sm" fw={700}>
            {t('import.errorCount', { count: report.errorCount })}
          </Text>
          {hidden > 0 && <Text size="sm">{t('import.moreErrors', { shown: report.errors.length, hidden })}</Text>}
        </Stack>
      </Alert>
      <ScrollArea.Autosize mah={480} type="auto">
        <Table striped stickyHeader aria-label={t('import.errorTable')} verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={64} ta="right">
                {t('import.row')}
              </Table.Th>
              <Table.Th>{t('import.column')}</Table.Th>
              <Table.Th>{t('import.problem')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.errors.map((error, i) => (
              <Table.Tr key={`${error.row}:${error.column ?? ''}:${i}`}>
                <Table.Td ta="right">{error.row}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{error.column ?? '—'}</Table.Td>
                <Table.Td>{error.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {Object.keys(report.columns).length > 0 && (
        <Accordion variant="contained">
          <Accordion.Item value="mapping">
            <Accordion.Control>{t('import.mappingTitle')}</Accordion.Control>
            <Accordion.Panel>
              <ColumnMappingTable columns={report.columns} />
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      )}
    </Stack>
  );
}
