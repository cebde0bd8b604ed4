import {
  IconAlertTriangle,
  IconCalendarStats,
  IconChartBar,
  IconChartLine,
  IconChartPie,
  IconCoinYen,
  IconGauge,
  IconGridDots,
  IconTable,
  IconUserStar,
} from '@tabler/icons-react';

export type AnalyticsPath =
  | 'overview'
  | 'cohorts'
  | 'rfm'
  | 'segments'
  | 'pareto'
  | 'economics'
  | 'forecast'
  | 'staff'
  | 'monitoring'
  | 'at-risk';

export interface AnalyticsSection {
  path: AnalyticsPath;
  /** Key in the analytics namespace. */
  label: string;
  icon: typeof IconGauge;
}

/** From the one-glance summary to the lists someone acts on. Every page needs analytics.read. */
export const analyticsSections: AnalyticsSection[] = [
  { path: 'overview', label: 'nav.overview', icon: IconGauge },
  { path: 'cohorts', label: 'nav.cohorts', icon: IconTable },
  { path: 'rfm', label: 'nav.rfm', icon: IconGridDots },
  { path: 'segments', label: 'nav.segments', icon: IconChartBar },
  { path: 'pareto', label: 'nav.pareto', icon: IconChartPie },
  { path: 'economics', label: 'nav.economics', icon: IconCoinYen },
  { path: 'forecast', label: 'nav.forecast', icon: IconChartLine },
  { path: 'staff', label: 'nav.staff', icon: IconUserStar },
  { path: 'monitoring', label: 'nav.monitoring', icon: IconCalendarStats },
  { path: 'at-risk', label: 'nav.atRisk', icon: IconAlertTriangle },
];
