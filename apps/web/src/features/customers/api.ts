import type {
  ConsentChange,
  ConsentChannel,
  Customer,
  CustomerCreate,
  CustomerSort,
  TimelineEntry,
} from '@kayoi/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient, keepPreviousData } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client';
import { referenceKeys } from '../../api/reference';

/** What the list screen asks for; every field maps one to one onto the API's query. */
export interface CustomerListParams {
  q?: string;
  tag?: string;
  storeId?: string;
  channelId?: string;
  lastVisitFrom?: string;
  lastVisitTo?: string;
  birthdayMonth?: number;
  includeErased?: boolean;
  sort: CustomerSort;
}

/** What a form sends: the API trims, normalises and turns '' into "no value" itself. */
export type CustomerInput = z.input<typeof CustomerCreate>;

interface CustomerPage {
  items: Customer[];
  nextCursor: string | null;
}

export const customerKeys = {
  all: ['customers'] as const,
  list: (params: CustomerListParams) => ['customers', 'list', params] as const,
  detail: (id: string) => ['customers', 'detail', id] as const,
  timeline: (id: string) => ['customers', 'timeline', id] as const,
};

export const LIST_PAGE_SIZE = 50;
export const TIMELINE_PAGE_SIZE = 20;

export function useCustomerList(params: CustomerListParams) {
  return useInfiniteQuery({
    queryKey: customerKeys.list(params),
    queryFn: ({ pageParam }) =>
      api<CustomerPage>('/customers', {
        query: {
          ...params,
          includeErased: params.includeErased ? 'true' : undefined,
          cursor: pageParam,
          limit: LIST_PAGE_SIZE,
        },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Typing a search keeps the previous rows on screen instead of flashing an empty table.
    placeholderData: keepPreviousData,
  });
}

export function useCustomer(id: string) {
  return useQuery({ queryKey: customerKeys.detail(id), queryFn: () => api<Customer>(`/customers/${id}`) });
}

/** Entry ids are unique within one customer's timeline. */
export function timelineEntryKey(e: TimelineEntry): string {
  return `${e.kind}|${e.id}`;
}

export function useCustomerTimeline(id: string) {
  return useInfiniteQuery({
    queryKey: customerKeys.timeline(id),
    queryFn: ({ pageParam }) =>
      api<{ items: TimelineEntry[]; nextCursor: string | null }>(`/customers/${id}/timeline`, {
        query: { cursor: pageParam, limit: TIMELINE_PAGE_SIZE },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

function useCustomerMutation<Input>(request: (input: Input) => Promise<Customer>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (customer) => {
      queryClient.setQueryData(customerKeys.detail(customer.id), customer);
      void queryClient.invalidateQueries({ queryKey: customerKeys.all });
      void queryClient.invalidateQueries({ queryKey: referenceKeys.tags });
    },
  });
}

export const useCreateCustomer = () =>
  useCustomerMutation((body: CustomerInput) => api<Customer>('/customers', { method: 'POST', body }));

export const useUpdateCustomer = (id: string) =>
  useCustomerMutation((body: CustomerInput) => api<Customer>(`/customers/${id}`, { method: 'PATCH', body }));

export const useRecordConsent = (id: string) =>
  useCustomerMutation(({ channel, change }: { channel: ConsentChannel; change: ConsentChange }) =>
    api<Customer>(`/customers/${id}/consents/${channel}`, { method: 'PUT', body: change }),
  );

export const useEraseCustomer = (id: string) =>
  useCustomerMutation(() => api<Customer>(`/customers/${id}`, { method: 'DELETE' }));
