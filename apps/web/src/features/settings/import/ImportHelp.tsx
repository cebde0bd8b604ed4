import { Accordion, Table, Text } from '@mantine/core';
import type { ImportKind } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { knownHeaders } from './knownHeaders';
import { useFieldLabel } from './useFieldLabel';

/** Which headers are understood without a mapping, for the kind of file being imported. */
export function ImportHelp({ kind }: { kind: ImportKind }) {
  const { t } = useTranslation('settings');
  const fieldLabel = useFieldLabel();
  return (
    <Accordion variant="contained">
      <Accordion.Item value="headers">
        <Accordion.Control>{t('import.helpTitle')}</Accordion.Control>
        <Accordion.Panel>
          <Text size="sm" mb="xs">
            {t(`import.help.${kind}`)}
          </Text>
          <Table.ScrollContainer minWidth={320}>
            <Table aria-label={t('import.helpTitle')} verticalSpacing={4} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('import.kayoiField')}</Table.Th>
                  <Table.Th>{t('import.headersRecognised')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {knownHeaders[kind].map(([field, headers]) => (
                  <Table.Tr key={field}>
                    <Table.Td>{fieldLabel(field)}</Table.Td>
                    <Table.Td>{headers.join('、')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text size="sm" mt="xs" c="dimmed">
            {t('import.help.common')}
          </Text>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
