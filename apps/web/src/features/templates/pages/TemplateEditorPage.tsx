import { Anchor, Loader, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useTemplate } from '../api';
import { TemplateEditor } from '../components/TemplateEditor';

/** /templates/new and /templates/:templateId: the editor, once a saved template has loaded. */
export function TemplateEditorPage() {
  const { t } = useTranslation('templates');
  const { templateId } = useParams();
  const template = useTemplate(templateId);
  const back = (
    <Anchor component={Link} to="/templates" size="sm">
      {t('back')}
    </Anchor>
  );
  if (templateId && template.isPending) return <Loader size="sm" aria-label={t('common:common.loading')} />;
  if (templateId && template.isError) {
    return (
      <Stack>
        {back}
        <ErrorAlert error={template.error} />
      </Stack>
    );
  }
  const loaded = templateId ? template.data : undefined;
  return (
    <Stack gap="md">
      {back}
      {/* Keyed by id so opening another template starts from its own text, not the last one's. */}
      <TemplateEditor key={loaded?.id ?? 'new'} template={loaded} />
    </Stack>
  );
}
