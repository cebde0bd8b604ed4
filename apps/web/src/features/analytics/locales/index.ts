import baseEn from './en/base.json';
import atRiskEn from './en/atRisk.json';
import cohortsEn from './en/cohorts.json';
import economicsEn from './en/economics.json';
import forecastEn from './en/forecast.json';
import monitoringEn from './en/monitoring.json';
import overviewEn from './en/overview.json';
import paretoEn from './en/pareto.json';
import rfmEn from './en/rfm.json';
import segmentsEn from './en/segments.json';
import staffEn from './en/staff.json';
import baseJa from './ja/base.json';
import atRiskJa from './ja/atRisk.json';
import cohortsJa from './ja/cohorts.json';
import economicsJa from './ja/economics.json';
import forecastJa from './ja/forecast.json';
import monitoringJa from './ja/monitoring.json';
import overviewJa from './ja/overview.json';
import paretoJa from './ja/pareto.json';
import rfmJa from './ja/rfm.json';
import segmentsJa from './ja/segments.json';
import staffJa from './ja/staff.json';

// One file per page keeps each page's words next to each other; the namespace is one object.
export const analyticsJa = {
  ...baseJa,
  overview: overviewJa,
  cohorts: cohortsJa,
  rfm: rfmJa,
  segments: segmentsJa,
  pareto: paretoJa,
  economics: economicsJa,
  forecast: forecastJa,
  staff: staffJa,
  monitoring: monitoringJa,
  atRisk: atRiskJa,
};

export const analyticsEn: typeof analyticsJa = {
  ...baseEn,
  overview: overviewEn,
  cohorts: cohortsEn,
  rfm: rfmEn,
  segments: segmentsEn,
  pareto: paretoEn,
  economics: economicsEn,
  forecast: forecastEn,
  staff: staffEn,
  monitoring: monitoringEn,
  atRisk: atRiskEn,
};
