import type {
  Broadcast,
  BroadcastCreate,
  BroadcastPatch,
  Delivery,
  DeliveryStatus,
  MeasurementReport,
  MessageTemplate,
  PowerPreview,
} from '@kayoi/contracts';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client';

export const broadcastKeys = {
  all: ['broadcasts'] as const,
  list: ['broadcasts', 'list'] as const,
  one: (id: string) => ['broadcasts', 'one', id] as const,
  power: (request: string) => ['broadcasts', 'power', request] as const,
  deliveries: (id: string, status: DeliveryStatus | null) => ['broadcasts', 'deliveries', id, status] as const,
  report: (id: string) => ['broadcasts', 'report', id] as const,
  templateOptions: ['broadcasts', 'template-options'] as const,
};

export const DELIVERY_PAGE_SIZE = 50;

interface DeliveryPage {
  items: Delivery[];
  nextCursor: string | null;
}

/** Cancelled ones too: the list shows every broadcast the business has made. */
export const useBroadcastList = () =>
  useQuery({
    queryKey: broadcastKeys.list,
    queryFn: () =>
      api<{ items: Broadcast[] }>('/broadcasts', { query: { includeCancelled: 'true' } }).then((r) => r.items),
  });

/** Polls while the worker is still sending, so the counts move on their own. */
export const useBroadcast = (id: string | undefined) =>
  useQuery({
    queryKey: broadcastKeys.one(id ?? ''),
    queryFn: () => api<Broadcast>(`/broadcasts/${id ?? ''}`),
    enabled: id !== undefined,
    refetchInterval: (query) => (inFlight(query.state.data?.status) ? 3_000 : false),
  });

export const inFlight = (status: Broadcast['status'] | undefined) =>
  status === 'scheduled' || status === 'preparing' || status === 'sending';

/** Templates a broadcast can use: not archived; the editor splits them by channel. */
export const useTemplateOptions = () =>
  useQuery({
    queryKey: broadcastKeys.templateOptions,
    queryFn: () => api<{ items: MessageTemplate[] }>('/templates').then((r) => r.items.filter((t) => !t.archived)),
  });

export interface PowerRequest {
  segmentId: string;
  holdoutPercent: number;
  outcome: { kind: 'visit' | 'revenue'; days: number };
}

/** The audience and what it can detect, for `requestJson` (debounced by the caller); null asks nothing. */
export const usePowerPreview = (requestJson: string | null) =>
  useQuery({
    queryKey: broadcastKeys.power(requestJson ?? ''),
    queryFn: () =>
      api<PowerPreview>('/broadcasts/power-preview', {
        method: 'POST',
        body: JSON.parse(requestJson ?? '{}') as PowerRequest,
      }),
    enabled: requestJson !== null,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 30_000,
  });

export type BroadcastInput = z.input<typeof BroadcastCreate>;

export function useSaveBroadcast() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: BroadcastInput }) =>
      id
        ? api<Broadcast>(`/broadcasts/${id}`, { method: 'PATCH', body: input satisfies z.input<typeof BroadcastPatch> })
        : api<Broadcast>('/broadcasts', { method: 'POST', body: input }),
    onSuccess: (saved) => {
      client.setQueryData(broadcastKeys.one(saved.id), saved);
      void client.invalidateQueries({ queryKey: broadcastKeys.list });
    },
  });
}

function useBroadcastAction(path: (id: string) => string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body?: unknown }) =>
      api<Broadcast>(path(id), { method: 'POST', body: body ?? {} }),
    onSuccess: (saved) => {
      client.setQueryData(broadcastKeys.one(saved.id), saved);
      void client.invalidateQueries({ queryKey: broadcastKeys.all });
    },
  });
}

/** `{}` sends now, `{ sendAt }` at a time. */
export const useScheduleBroadcast = () => useBroadcastAction((id) => `/broadcasts/${id}/schedule`);
export const useCancelBroadcast = () => useBroadcastAction((id) => `/broadcasts/${id}/cancel`);

export function useBroadcastDeliveries(id: string, status: DeliveryStatus | null, live: boolean) {
  return useInfiniteQuery({
    queryKey: broadcastKeys.deliveries(id, status),
    queryFn: ({ pageParam }) =>
      api<DeliveryPage>(`/broadcasts/${id}/deliveries`, {
        query: { status, cursor: pageParam, limit: DELIVERY_PAGE_SIZE },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    refetchInterval: live ? 3_000 : false,
  });
}

export const useBroadcastReport = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: broadcastKeys.report(id),
    queryFn: () => api<MeasurementReport>(`/broadcasts/${id}/report`),
    enabled,
  });

export const KARTE_DELIVERY_PAGE_SIZE = 10;

/** The karte's messages: every delivery to one customer, newest first (customers.read). */
export function useCustomerDeliveries(customerId: string) {
  return useInfiniteQuery({
    queryKey: ['customers', 'deliveries', customerId],
    queryFn: ({ pageParam }) =>
      api<DeliveryPage>(`/customers/${customerId}/deliveries`, {
        query: { cursor: pageParam, limit: KARTE_DELIVERY_PAGE_SIZE },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
