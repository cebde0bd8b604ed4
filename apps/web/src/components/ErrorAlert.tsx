import { Alert, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

interface Issue {
  path?: string;
  message?: string;
}

function issuesOf(error: ApiError): Issue[] {
  const details = error.details as { issues?: Issue[]; problems?: { key: string; reason: string }[] } | undefined;
  if (details?.issues) return details.issues;
  if (details?.problems) return details.problems.map((p) => ({ path: p.key, message: p.reason }));
  return [];
}

/** Shows an API error in the user's language (the server localises it) with any field issues. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : null;
  const issues = apiError ? issuesOf(apiError) : [];
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('errors.title')} role="alert">
      {apiError ? apiError.message : t('errors.network')}
      {issues.length > 0 && (
        <List size="sm" mt="xs">
          {issues.map((issue, i) => (
            <List.Item key={i}>{[issue.path, issue.message].filter(Boolean).join(': ')}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
