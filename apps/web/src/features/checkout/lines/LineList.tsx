import { Badge, Box, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Section } from '../components/Section';
import { itemCount, type DraftLine } from '../model/draft';
import type { DraftAction } from '../model/draftReducer';
import { LineRow } from './LineRow';

export function LineList({
  lines,
  dispatch,
}: {
  lines: readonly DraftLine[];
  dispatch: (action: DraftAction) => void;
}) {
  const { t } = useTranslation('checkout');
  const count = itemCount(lines);
  return (
    <Section
      title={t('lines.section')}
      action={count > 0 ? <Badge variant="light">{t('lines.count', { count })}</Badge> : undefined}
    >
      {lines.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('lines.empty')}
        </Text>
      ) : (
        <Box
          component="ul"
          m={0}
          p={0}
          aria-label={t('lines.section')}
          style={{ display: 'flex', flexDirection: 'column', gap: 'var(--mantine-spacing-xs)' }}
        >
          {lines.map((line) => (
            <LineRow key={line.key} line={line} dispatch={dispatch} />
          ))}
        </Box>
      )}
    </Section>
  );
}
