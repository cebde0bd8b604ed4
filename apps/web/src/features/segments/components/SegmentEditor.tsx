import { Button, Code, Grid, Group, Stack, Switch, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { Segment } from '@kayoi/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCan } from '../../../auth/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ruleProblems, usePreview, useSaveSegment } from '../api';
import { emptyGroup, fromRule, nodeAt, toRule, type GroupNode } from '../ruleTree';
import { ArchiveButton } from './ArchiveButton';
import { GroupEditor } from './GroupEditor';
import { PreviewPanel } from './PreviewPanel';
import { useFieldOptions } from './useFieldOptions';

/** The rule tree, its live count, and saving it under a name. */
export function SegmentEditor({ segment }: { segment: Segment | undefined }) {
  const { t } = useTranslation('segments');
  const navigate = useNavigate();
  const canManage = useCan('segments.manage');
  const options = useFieldOptions();
  const [root, setRoot] = useState<GroupNode>(() => (segment ? fromRule(segment.rule) : emptyGroup()));
  const [name, setName] = useState(segment?.name ?? '');
  const [showJson, setShowJson] = useState(false);
  const { rule, paths } = useMemo(() => toRule(root), [root]);
  const ruleJson = useMemo(() => JSON.stringify(rule), [rule]);
  // 400 ms after the last change, so typing "180" asks once, not for 1, 18 and 180.
  const [debouncedJson] = useDebouncedValue(ruleJson, 400);
  const preview = usePreview(debouncedJson);
  const save = useSaveSegment();
  const readOnly = segment?.archived === true;

  const problems = ruleProblems(preview.error).length > 0 ? ruleProblems(preview.error) : ruleProblems(save.error);
  const problemsFor = (id: string) =>
    problems.filter((p) => (nodeAt(paths, p.path) ?? root.id) === id).map((p) => p.message);
  const invalid = ruleProblems(preview.error).length > 0;

  const onSave = () =>
    save.mutate(
      { id: segment?.id, name, rule },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', message: t('saved') });
          if (!segment) void navigate(`/segments/${saved.id}`, { replace: true });
        },
      },
    );

  return (
    <Stack gap="md">
      <Title order={3}>{segment ? segment.name : t('newTitle')}</Title>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <GroupEditor
              node={root}
              depth={0}
              options={options}
              problemsFor={problemsFor}
              readOnly={readOnly}
              onChange={setRoot}
            />
            <Switch label={t('showJson')} checked={showJson} onChange={(e) => setShowJson(e.currentTarget.checked)} />
            {showJson && (
              <Code block aria-label={t('json')} style={{ overflowX: 'auto', maxWidth: '100%' }}>
                {JSON.stringify(rule, null, 2)}
              </Code>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <PreviewPanel preview={preview.data} fetching={preview.isFetching} invalid={invalid} />
            {preview.isError && !invalid && <ErrorAlert error={preview.error} />}
            {canManage && !readOnly && (
              <Stack gap="xs">
                <TextInput label={t('name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required />
                {save.isError && ruleProblems(save.error).length === 0 && <ErrorAlert error={save.error} />}
                <Group gap="xs">
                  <Button onClick={onSave} loading={save.isPending} disabled={name.trim() === ''}>
                    {t('save')}
                  </Button>
                  {segment && <ArchiveButton segment={segment} />}
                </Group>
              </Stack>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
