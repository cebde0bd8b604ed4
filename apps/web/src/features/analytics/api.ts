import type {
  AtRiskCustomer,
  CohortsView,
  ForecastView,
  ModelRun,
  MonitoringDimension,
  MonitoringView,
  Overview,
  ParetoView,
  RfmView,
  SegmentDimension,
  SegmentsView,
  StaffView,
  UnitEconomicsView,
  ViewRun,
  WhatIfResult,
} from '@kayoi/contracts';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

/** Every view answers with the run it was computed in, so a page can say how fresh it is. */
export interface ViewResponse<T> {
  run: ViewRun;
  view: T;
}

/** The stored views, by their path under /analytics. */
export interface AnalyticsViews {
  overview: Overview;
  cohorts: CohortsView;
  rfm: RfmView;
  pareto: ParetoView;
  'unit-economics': UnitEconomicsView;
  forecast: ForecastView;
  staff: StaffView;
}

export const analyticsKeys = {
  all: ['analytics'] as const,
  view: (path: string, query?: Record<string, string | number>) => ['analytics', 'view', path, query ?? {}] as const,
  runs: ['analytics', 'runs'] as const,
  atRisk: ['analytics', 'at-risk'] as const,
  score: (customerId: string) => ['analytics', 'score', customerId] as const,
};

export function useAnalyticsView<P extends keyof AnalyticsViews>(path: P) {
  return useQuery({
    queryKey: analyticsKeys.view(path),
    queryFn: () => api<ViewResponse<AnalyticsViews[P]>>(`/analytics/${path}`),
  });
}

export function useSegments(dimension: SegmentDimension) {
  return useQuery({
    queryKey: analyticsKeys.view('segments', { dimension }),
    queryFn: () => api<ViewResponse<SegmentsView>>('/analytics/segments', { query: { dimension } }),
    placeholderData: keepPreviousData,
  });
}

export function useMonitoring(dimension: MonitoringDimension) {
  return useQuery({
    queryKey: analyticsKeys.view('monitoring', { dimension }),
    queryFn: () => api<ViewResponse<MonitoringView>>('/analytics/monitoring', { query: { dimension } }),
    placeholderData: keepPreviousData,
  });
}

export interface WhatIfLevers {
  secondVisitRatePoints: number;
  retentionPercent: number;
  acquisitionPercent: number;
}

export function useWhatIf(levers: WhatIfLevers) {
  return useQuery({
    queryKey: analyticsKeys.view('unit-economics/what-if', { ...levers }),
    queryFn: () =>
      api<{ run: ViewRun; result: WhatIfResult }>('/analytics/unit-economics/what-if', { query: { ...levers } }),
    placeholderData: keepPreviousData,
  });
}

interface AtRiskPage {
  run: ViewRun;
  items: AtRiskCustomer[];
  nextCursor: string | null;
}

export const AT_RISK_PAGE_SIZE = 50;

export function useAtRisk() {
  return useInfiniteQuery({
    queryKey: analyticsKeys.atRisk,
    queryFn: ({ pageParam }) =>
      api<AtRiskPage>('/analytics/at-risk', { query: { cursor: pageParam, limit: AT_RISK_PAGE_SIZE } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/**
 * The latest refreshes. While one is queued or running the list is polled, so the page
 * notices when it finishes and reloads every view.
 */
export function useRuns() {
  return useQuery({
    queryKey: analyticsKeys.runs,
    queryFn: () => api<{ items: ModelRun[] }>('/analytics/runs', { query: { limit: 5 } }),
    refetchInterval: (query) =>
      query.state.data?.items.some((r) => r.status === 'queued' || r.status === 'running') ? 2_000 : false,
  });
}

export function useRefresh() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ run: ModelRun; created: boolean }>('/analytics/refresh', { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: analyticsKeys.runs }),
  });
}
