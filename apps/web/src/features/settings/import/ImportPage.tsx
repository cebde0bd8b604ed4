import { Box, Stack } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { ImportForm, type ImportDraft } from './ImportForm';
import { ImportHelp } from './ImportHelp';
import { ImportDone } from './ImportDone';
import { ImportPreview } from './ImportPreview';
import { ImportRejected } from './ImportRejected';
import { useImportRun, type ImportOutcome, type ImportRequest } from './useImportRun';

const emptyDraft: ImportDraft = { kind: 'customers', file: null, encoding: 'auto', mappingText: '' };

/**
 * CSV取り込み: check first (a dry run that writes nothing), look at the mapping and counts,
 * then import. A refused file shows every bad row; the whole file is all or nothing.
 */
export function ImportPage() {
  const { t } = useTranslation('settings');
  const [draft, setDraft] = useState<ImportDraft>(emptyDraft);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const run = useImportRun();
  const resultRef = useRef<HTMLDivElement>(null);
  // The answer appears below the form, out of sight on a phone: bring it into view.
  useEffect(() => {
    if (outcome) resultRef.current?.scrollIntoView({ block: 'start' });
  }, [outcome]);
  // A preview belongs to one file read one way; any change makes it stale.
  const change = (partial: Partial<ImportDraft>) => {
    setDraft((d) => ({ ...d, ...partial }));
    setOutcome(null);
    run.reset();
  };
  const start = (request: ImportRequest) => {
    // The preview stays on screen while the real import runs: its button shows the progress.
    if (request.dryRun) setOutcome(null);
    run.mutate(request, { onSuccess: setOutcome });
  };
  const again = () => {
    setDraft(emptyDraft);
    setOutcome(null);
    run.reset();
  };
  const checking = run.isPending && run.variables.dryRun;
  const importing = run.isPending && !run.variables.dryRun;

  return (
    <Stack>
      <PageHeader title={t('import.title')} description={t('import.description')} />
      {outcome && !outcome.request.dryRun && outcome.rejection === null ? (
        <ImportDone report={outcome.report} onAgain={again} />
      ) : (
        <>
          <ImportForm draft={draft} onChange={change} onCheck={start} checking={checking} />
          <ErrorAlert error={run.error} />
          <Box ref={resultRef} style={{ scrollMarginTop: 72 }}>
            {outcome?.rejection != null && <ImportRejected report={outcome.report} message={outcome.rejection} />}
            {outcome && outcome.rejection === null && outcome.request.dryRun && (
              <ImportPreview
                report={outcome.report}
                importing={importing}
                onImport={() => start({ ...outcome.request, dryRun: false })}
              />
            )}
          </Box>
          <ImportHelp kind={draft.kind} />
        </>
      )}
    </Stack>
  );
}
