import type {
  Journey,
  JourneyCreate,
  JourneyEnrollment,
  JourneyPatch,
  JourneyPreset,
  JourneyPresetKey,
  JourneyVersion,
  MeasurementReport,
  MessageTemplate,
} from '@kayoi/contracts';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client';

export const journeyKeys = {
  all: ['journeys'] as const,
  list: ['journeys', 'list'] as const,
  one: (id: string) => ['journeys', 'one', id] as const,
  versions: (id: string) => ['journeys', 'versions', id] as const,
  enrollments: (id: string) => ['journeys', 'enrollments', id] as const,
  report: (id: string) => ['journeys', 'report', id] as const,
  presets: ['journeys', 'presets'] as const,
  templates: ['journeys', 'templates'] as const,
};

export const ENROLLMENT_PAGE_SIZE = 50;

export const useJourneyList = () =>
  useQuery({
    queryKey: journeyKeys.list,
    queryFn: () => api<{ items: Journey[] }>('/journeys').then((r) => r.items),
  });

export const useJourney = (id: string) =>
  useQuery({ queryKey: journeyKeys.one(id), queryFn: () => api<Journey>(`/journeys/${id}`) });

export const useJourneyVersions = (id: string) =>
  useQuery({
    queryKey: journeyKeys.versions(id),
    queryFn: () => api<{ items: JourneyVersion[] }>(`/journeys/${id}/versions`).then((r) => r.items),
  });

export const useJourneyPresets = () =>
  useQuery({
    queryKey: journeyKeys.presets,
    queryFn: () => api<{ items: JourneyPreset[] }>('/journey-presets').then((r) => r.items),
    staleTime: Infinity,
  });

/** Every template, archived ones too: a running journey may still name one, and the page names it. */
export const useJourneyTemplates = () =>
  useQuery({
    queryKey: journeyKeys.templates,
    queryFn: () => api<{ items: MessageTemplate[] }>('/templates').then((r) => r.items),
  });

export const useJourneyReport = (id: string) =>
  useQuery({ queryKey: journeyKeys.report(id), queryFn: () => api<MeasurementReport>(`/journeys/${id}/report`) });

export function useJourneyEnrollments(id: string) {
  return useInfiniteQuery({
    queryKey: journeyKeys.enrollments(id),
    queryFn: ({ pageParam }) =>
      api<{ items: JourneyEnrollment[]; nextCursor: string | null }>(`/journeys/${id}/enrollments`, {
        query: { cursor: pageParam, limit: ENROLLMENT_PAGE_SIZE },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

function useSaved() {
  const client = useQueryClient();
  return (saved: Journey) => {
    client.setQueryData(journeyKeys.one(saved.id), saved);
    void client.invalidateQueries({ queryKey: journeyKeys.list });
    void client.invalidateQueries({ queryKey: journeyKeys.versions(saved.id) });
  };
}

export function useCreateJourney() {
  const onSuccess = useSaved();
  return useMutation({
    mutationFn: (input: z.input<typeof JourneyCreate>) => api<Journey>('/journeys', { method: 'POST', body: input }),
    onSuccess,
  });
}

/** A new definition makes a new version; running enrollments keep theirs. */
export function useUpdateJourney() {
  const onSuccess = useSaved();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: z.input<typeof JourneyPatch> }) =>
      api<Journey>(`/journeys/${id}`, { method: 'PATCH', body: patch }),
    onSuccess,
  });
}

export type StatusVerb = 'activate' | 'pause' | 'archive';

export function useJourneyStatus() {
  const onSuccess = useSaved();
  return useMutation({
    mutationFn: ({ id, verb }: { id: string; verb: StatusVerb }) =>
      api<Journey>(`/journeys/${id}/${verb}`, { method: 'POST', body: {} }),
    onSuccess,
  });
}

/** Creates the preset's templates and a draft journey that uses them. */
export function useInstallPreset() {
  const client = useQueryClient();
  const onSuccess = useSaved();
  return useMutation({
    mutationFn: (key: JourneyPresetKey) =>
      api<Journey>(`/journey-presets/${key}/install`, { method: 'POST', body: {} }),
    onSuccess: (saved) => {
      onSuccess(saved);
      void client.invalidateQueries({ queryKey: journeyKeys.templates });
      void client.invalidateQueries({ queryKey: ['templates'] });
    },
  });
}
