import { Anchor, Badge, Group, List, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { SegmentPreview } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fullName } from '../../../lib/format';

interface Props {
  preview: SegmentPreview | undefined;
  fetching: boolean;
  invalid: boolean;
}

/** The live count and the first matching customers, as masked as the API answered them. */
export function PreviewPanel({ preview, fetching, invalid }: Props) {
  const { t } = useTranslation('segments');
  return (
    <Paper withBorder p="md" aria-label={t('preview.title')} role="region">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} size="h5">
            {t('preview.title')}
          </Title>
          {fetching && <Loader size="xs" aria-label={t('preview.counting')} />}
        </Group>
        {invalid ? (
          <Badge color="red" variant="light">
            {t('preview.invalid')}
          </Badge>
        ) : (
          <Text size="xl" fw={700} data-testid="segment-count" data-count={preview?.count ?? ''}>
            {preview ? t('preview.count', { count: preview.count }) : '—'}
          </Text>
        )}
        {preview && !invalid && preview.sample.length > 0 && (
          <>
            <Text size="sm" c="dimmed">
              {t('preview.sample')}
            </Text>
            <List size="sm" spacing={2} aria-label={t('preview.sample')}>
              {preview.sample.map((c) => (
                <List.Item key={c.id}>
                  <Anchor component={Link} to={`/customers/${c.id}`}>
                    {fullName(c) || t('preview.noName')}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Stack>
    </Paper>
  );
}
