import { useTranslation } from 'react-i18next';
import { useAttributes } from '../../../api/reference';

/**
 * A field name of the importer in words: "attr:hair_type" becomes the attribute's own label,
 * "consent:line" its channel (":" would be read by i18next as a namespace, hence the care).
 */
export function useFieldLabel(): (field: string) => string {
  const { t } = useTranslation('settings');
  const attributes = useAttributes().data ?? [];
  return (field) => {
    if (field.startsWith('attr:')) {
      const key = field.slice(5);
      const label = attributes.find((a) => a.key === key)?.label ?? key;
      return t('import.fields.attribute', { label });
    }
    if (field.startsWith('consent:')) return t(`import.fields.consent_${field.slice(8)}`, { defaultValue: field });
    return t(`import.fields.${field}`, { defaultValue: field });
  };
}
