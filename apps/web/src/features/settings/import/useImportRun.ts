import { ImportReport, type ColumnMapping, type Encoding, type ImportKind } from '@kayoi/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../../api/client';

export type EncodingChoice = Encoding | 'auto';

export interface ImportRequest {
  kind: ImportKind;
  file: File;
  encoding: EncodingChoice;
  mapping: ColumnMapping | undefined;
  dryRun: boolean;
}

export interface ImportOutcome {
  request: ImportRequest;
  report: ImportReport;
  /** The server's own words (in the user's language) when it refused the file. */
  rejection: string | null;
}

/**
 * Sends the file as the request body. A rejected file is an expected answer, not a failure:
 * its 422 carries the row-numbered report, which becomes the outcome like any other.
 */
export function useImportRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (request: ImportRequest): Promise<ImportOutcome> => {
      try {
        const report = await api<ImportReport>(`/imports/${request.kind}`, {
          method: 'POST',
          body: request.file,
          contentType: 'text/csv',
          query: {
            dryRun: request.dryRun ? 'true' : undefined,
            encoding: request.encoding === 'auto' ? undefined : request.encoding,
            mapping: request.mapping ? JSON.stringify(request.mapping) : undefined,
          },
        });
        return { request, report, rejection: null };
      } catch (err) {
        if (err instanceof ApiError && err.code === 'IMPORT_REJECTED') {
          const report = ImportReport.safeParse(err.details);
          if (report.success) return { request, report: report.data, rejection: err.message };
        }
        throw err;
      }
    },
    onSuccess: async (outcome) => {
      // An import touches customers, visits, tags, and may add channels and catalog items.
      if (!outcome.request.dryRun && outcome.rejection === null) await queryClient.invalidateQueries();
    },
  });
}
