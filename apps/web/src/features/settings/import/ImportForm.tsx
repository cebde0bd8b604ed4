import { Button, FileInput, Group, JsonInput, Paper, Radio, Stack } from '@mantine/core';
import { importKinds, type ImportKind } from '@kayoi/contracts';
import { IconFileTypeCsv, IconSearch } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseMapping } from './mapping';
import type { EncodingChoice, ImportRequest } from './useImportRun';

export interface ImportDraft {
  kind: ImportKind;
  file: File | null;
  encoding: EncodingChoice;
  mappingText: string;
}

const encodings: EncodingChoice[] = ['auto', 'utf-8', 'shift_jis'];

interface Props {
  draft: ImportDraft;
  onChange: (change: Partial<ImportDraft>) => void;
  onCheck: (request: ImportRequest) => void;
  checking: boolean;
}

/** What to import and how to read it; "確認" only ever runs a dry run. */
export function ImportForm({ draft, onChange, onCheck, checking }: Props) {
  const { t } = useTranslation('settings');
  const [errors, setErrors] = useState<{ file?: string; mapping?: string }>({});
  const change = (partial: Partial<ImportDraft>) => {
    setErrors({});
    onChange(partial);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const mapping = parseMapping(draft.mappingText);
    const found = {
      file: draft.file ? undefined : t('import.fileRequired'),
      mapping: mapping.ok ? undefined : t(mapping.reason === 'json' ? 'import.mappingNotJson' : 'import.mappingShape'),
    };
    setErrors(found);
    if (!draft.file || !mapping.ok) return;
    onCheck({ kind: draft.kind, file: draft.file, encoding: draft.encoding, mapping: mapping.mapping, dryRun: true });
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate>
      <Stack>
        <Radio.Group
          label={t('import.kind')}
          value={draft.kind}
          onChange={(kind) => change({ kind: kind as ImportKind })}
        >
          <Group mt="xs">
            {importKinds.map((kind) => (
              <Radio key={kind} value={kind} label={t(`import.kinds.${kind}`)} />
            ))}
          </Group>
        </Radio.Group>
        <FileInput
          label={t('import.file')}
          description={t('import.fileHelp')}
          placeholder={t('import.filePlaceholder')}
          accept=".csv,.tsv,.txt,text/csv,text/plain"
          clearable
          leftSection={<IconFileTypeCsv size={18} />}
          value={draft.file}
          onChange={(file) => change({ file })}
          error={errors.file}
        />
        <Radio.Group
          label={t('import.encoding')}
          value={draft.encoding}
          onChange={(encoding) => change({ encoding: encoding as EncodingChoice })}
        >
          <Group mt="xs">
            {encodings.map((encoding) => (
              <Radio key={encoding} value={encoding} label={t(`import.encodings.${encoding}`)} />
            ))}
          </Group>
        </Radio.Group>
        <JsonInput
          label={t('import.mapping')}
          description={t('import.mappingHelp')}
          placeholder={'{ "お客様No": "externalId", "旧ID": "ignore" }'}
          autosize
          minRows={2}
          maxRows={10}
          formatOnBlur
          validationError={t('import.mappingNotJson')}
          value={draft.mappingText}
          onChange={(mappingText) => change({ mappingText })}
          error={errors.mapping}
        />
        <Group justify="flex-end">
          <Button type="submit" leftSection={<IconSearch size={16} />} loading={checking}>
            {t('import.check')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
