import type { Segment, SegmentPreview, SegmentRuleProblem } from '@kayoi/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../api/client';

export const segmentKeys = {
  all: ['segments'] as const,
  list: ['segments', 'list'] as const,
  one: (id: string) => ['segments', 'one', id] as const,
  preview: (rule: string) => ['segments', 'preview', rule] as const,
};

export const useSegmentList = () =>
  useQuery({ queryKey: segmentKeys.list, queryFn: () => api<{ items: Segment[] }>('/segments').then((r) => r.items) });

export const useSegment = (id: string | undefined) =>
  useQuery({
    queryKey: segmentKeys.one(id ?? ''),
    queryFn: () => api<Segment>(`/segments/${id ?? ''}`),
    enabled: id !== undefined,
  });

/**
 * The live count for a rule (already debounced by the caller, passed as its JSON so equal
 * rules share one request). An invalid rule is an answer too: its problems mark the boxes.
 */
export const usePreview = (ruleJson: string) =>
  useQuery({
    queryKey: segmentKeys.preview(ruleJson),
    queryFn: () =>
      api<SegmentPreview>('/segments/preview', {
        method: 'POST',
        body: { rule: JSON.parse(ruleJson) as unknown, sampleSize: 10 },
      }),
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 30_000,
  });

/** SEGMENT_RULE_INVALID's problems, each with the path of the node it is about. */
export function ruleProblems(error: unknown): SegmentRuleProblem[] {
  if (!(error instanceof ApiError) || error.code !== 'SEGMENT_RULE_INVALID') return [];
  const details = error.details as { problems?: SegmentRuleProblem[] } | undefined;
  return details?.problems ?? [];
}

interface SaveInput {
  id?: string;
  name: string;
  rule: unknown;
}

export function useSaveSegment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, name, rule }: SaveInput) =>
      id
        ? api<Segment>(`/segments/${id}`, { method: 'PATCH', body: { name, rule } })
        : api<Segment>('/segments', { method: 'POST', body: { name, rule } }),
    onSuccess: (segment) => {
      client.setQueryData(segmentKeys.one(segment.id), segment);
      void client.invalidateQueries({ queryKey: segmentKeys.list });
    },
  });
}

export function useArchiveSegment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<Segment>(`/segments/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: segmentKeys.all }),
  });
}
