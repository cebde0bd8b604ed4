import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { analyticsEn, analyticsJa } from '../features/analytics/locales';
import broadcastsEn from '../features/broadcasts/locales/en.json';
import broadcastsJa from '../features/broadcasts/locales/ja.json';
import checkoutEn from '../features/checkout/locales/en.json';
import checkoutJa from '../features/checkout/locales/ja.json';
import customersEn from '../features/customers/locales/en.json';
import customersJa from '../features/customers/locales/ja.json';
import journeysEn from '../features/journeys/locales/en.json';
import journeysJa from '../features/journeys/locales/ja.json';
import notificationsEn from '../features/notifications/locales/en.json';
import notificationsJa from '../features/notifications/locales/ja.json';
import segmentsEn from '../features/segments/locales/en.json';
import segmentsJa from '../features/segments/locales/ja.json';
import settingsEn from '../features/settings/locales/en.json';
import settingsJa from '../features/settings/locales/ja.json';
import templatesEn from '../features/templates/locales/en.json';
import templatesJa from '../features/templates/locales/ja.json';
import commonEn from './en.json';
import commonJa from './ja.json';

export type Language = 'ja' | 'en';
const STORAGE_KEY = 'kayoi.language';

/** Japanese unless the person switched to English on this device. */
export function initialLanguage(): Language {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ja';
}

export function rememberLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
}

void i18n.use(initReactI18next).init({
  resources: {
    ja: {
      common: commonJa,
      customers: customersJa,
      checkout: checkoutJa,
      settings: settingsJa,
      analytics: analyticsJa,
      segments: segmentsJa,
      templates: templatesJa,
      broadcasts: broadcastsJa,
      journeys: journeysJa,
      notifications: notificationsJa,
    },
    en: {
      common: commonEn,
      customers: customersEn,
      checkout: checkoutEn,
      settings: settingsEn,
      analytics: analyticsEn,
      segments: segmentsEn,
      templates: templatesEn,
      broadcasts: broadcastsEn,
      journeys: journeysEn,
      notifications: notificationsEn,
    },
  },
  lng: initialLanguage(),
  fallbackLng: 'ja',
  defaultNS: 'common',
  ns: [
    'common',
    'customers',
    'checkout',
    'settings',
    'analytics',
    'segments',
    'templates',
    'broadcasts',
    'journeys',
    'notifications',
  ],
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18n.language;

export default i18n;
