import type {
  MessageTemplate,
  TemplateCreate,
  TemplateDraftPreviewRequest,
  TemplatePatch,
  TemplatePreview,
} from '@kayoi/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../api/client';

export const templateKeys = {
  all: ['templates'] as const,
  list: ['templates', 'list'] as const,
  one: (id: string) => ['templates', 'one', id] as const,
  preview: (request: string) => ['templates', 'preview', request] as const,
};

/** Archived ones too: the list filters them on the screen, so the switch shows how many there are. */
export const useTemplateList = () =>
  useQuery({
    queryKey: templateKeys.list,
    queryFn: () =>
      api<{ items: MessageTemplate[] }>('/templates', { query: { includeArchived: 'true' } }).then((r) => r.items),
  });

export const useTemplate = (id: string | undefined) =>
  useQuery({
    queryKey: templateKeys.one(id ?? ''),
    queryFn: () => api<MessageTemplate>(`/templates/${id ?? ''}`),
    enabled: id !== undefined,
  });

/**
 * The draft rendered for one customer: `requestJson` is already debounced by the caller and
 * passed as JSON, so equal drafts share one request. Null asks nothing (no customer yet).
 */
export const useDraftPreview = (requestJson: string | null) =>
  useQuery({
    queryKey: templateKeys.preview(requestJson ?? ''),
    queryFn: () =>
      api<TemplatePreview>('/templates/preview', {
        method: 'POST',
        body: JSON.parse(requestJson ?? '{}') as TemplateDraftPreviewRequest,
      }),
    enabled: requestJson !== null,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 30_000,
  });

export interface SyntaxProblem {
  /** "ja.body", "en.subject", … */
  field: string;
  line: number;
  column: number;
  message: string;
}

/** TEMPLATE_SYNTAX_INVALID's problems, each naming the part of the template and where in it. */
export function syntaxProblems(error: unknown): SyntaxProblem[] {
  if (!(error instanceof ApiError) || error.code !== 'TEMPLATE_SYNTAX_INVALID') return [];
  const details = error.details as { problems?: SyntaxProblem[] } | undefined;
  return details?.problems ?? [];
}

type SaveInput = { id: string; patch: TemplatePatch } | { id?: undefined; create: TemplateCreate };

export function useSaveTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveInput) =>
      input.id === undefined
        ? api<MessageTemplate>('/templates', { method: 'POST', body: input.create })
        : api<MessageTemplate>(`/templates/${input.id}`, { method: 'PATCH', body: input.patch }),
    onSuccess: (template) => {
      client.setQueryData(templateKeys.one(template.id), template);
      void client.invalidateQueries({ queryKey: templateKeys.list });
    },
  });
}

/** Archive (DELETE) or restore (PATCH archived: false). */
export function useArchiveTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, archived }: { id: string; archived: boolean }) =>
      archived
        ? api<MessageTemplate>(`/templates/${id}`, { method: 'DELETE' })
        : api<MessageTemplate>(`/templates/${id}`, { method: 'PATCH', body: { archived: false } }),
    onSuccess: (template) => {
      client.setQueryData(templateKeys.one(template.id), template);
      void client.invalidateQueries({ queryKey: templateKeys.list });
    },
  });
}
