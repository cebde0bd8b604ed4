import type { z } from 'zod';
import i18n from '../i18n';

type Issue = z.core.$ZodIssue;

function messageFor(issue: Issue): string {
  const t = i18n.t.bind(i18n);
  switch (issue.code) {
    case 'invalid_type':
      return t('validation.required');
    case 'too_small':
      if (issue.origin === 'string') {
        return issue.minimum === 1
          ? t('validation.required')
          : t('validation.tooShort', { minimum: String(issue.minimum) });
      }
      return t('validation.tooSmall', { minimum: String(issue.minimum) });
    case 'too_big':
      return issue.origin === 'string'
        ? t('validation.tooLong', { maximum: String(issue.maximum) })
        : t('validation.tooBig', { maximum: String(issue.maximum) });
    case 'invalid_union': {
      // "An email, or empty": the first alternative says what was meant.
      const first = issue.errors[0]?.[0];
      return first ? messageFor(first) : t('validation.invalid');
    }
    case 'invalid_format':
      return issue.format === 'email' ? t('validation.email') : t('validation.format');
    default:
      return t('validation.invalid');
  }
}

/**
 * A Mantine form validator from a contract schema: the form checks exactly what the API
 * will check, before sending, with messages in the user's language.
 */
export function validateWith<T>(schema: z.ZodType<T>) {
  return (values: unknown): Record<string, string> => {
    const result = schema.safeParse(values);
    if (result.success) return {};
    const errors: Record<string, string> = {};
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join('.');
      errors[path] ??= messageFor(issue);
    }
    return errors;
  };
}
