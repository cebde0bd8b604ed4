import type { Customer, CustomerCreate, Visit, VisitCreate } from '@kayoi/contracts';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { referenceKeys } from '../../api/reference';
import { meKey } from '../../auth/session';

interface CustomerPage {
  items: Customer[];
  nextCursor: string | null;
}

const SEARCH_LIMIT = 10;
const SEARCH_DEBOUNCE_MS = 250;

/** Customer search as the stylist types: waits for a pause so each keystroke is not a request. */
export function useCustomerSearch(text: string) {
  const q = text.trim();
  const [debounced] = useDebouncedValue(q, SEARCH_DEBOUNCE_MS);
  const query = useQuery({
    queryKey: ['customers', 'checkout-search', debounced],
    queryFn: () => api<CustomerPage>('/customers', { query: { q: debounced, limit: SEARCH_LIMIT } }),
    enabled: debounced !== '',
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  return { ...query, settled: debounced === q, searched: debounced };
}

export function useCustomer(customerId: string | null) {
  return useQuery({
    queryKey: ['customers', 'detail', customerId],
    queryFn: () => api<Customer>(`/customers/${encodeURIComponent(customerId ?? '')}`),
    enabled: customerId !== null,
  });
}

const referenceRoots = new Set<unknown>([meKey[0], ...Object.values(referenceKeys).map((key) => key[0])]);

/**
 * A new visit or customer changes lists, kartes, timelines and figures owned by other pages;
 * everything but the session and the reference data is marked stale rather than guessing keys.
 */
function invalidateCustomerData(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ predicate: (query) => !referenceRoots.has(query.queryKey[0]) });
}

export function useCreateCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CustomerCreate) => api<Customer>('/customers', { method: 'POST', body: input }),
    onSuccess: () => invalidateCustomerData(queryClient),
  });
}

export function useRegisterVisit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: VisitCreate) => api<Visit>('/visits', { method: 'POST', body: input }),
    onSuccess: () => invalidateCustomerData(queryClient),
  });
}
