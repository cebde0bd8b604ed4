import { SegmentedControl } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { rememberLanguage, type Language } from '../i18n';

/** 日本語 / English. The API answers errors in the chosen language too, so queries are refetched. */
export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <SegmentedControl
      aria-label={t('language.label')}
      size="xs"
      value={i18n.language}
      onChange={(value) => {
        rememberLanguage(value as Language);
        void i18n.changeLanguage(value).then(() => queryClient.invalidateQueries());
      }}
      data={[
        { value: 'ja', label: '日本語' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
}
