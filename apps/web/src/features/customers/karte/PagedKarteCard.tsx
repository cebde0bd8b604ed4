import { Center, Loader, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadMoreButton, type PagedQuery } from '../../../components/LoadMoreButton';
import { KarteCard } from './Card';

interface Props<T> {
  title: string;
  query: PagedQuery & { data?: { pages: { items: T[] }[] }; error: unknown; isPending: boolean };
  empty: string;
  children: (rows: T[]) => ReactNode;
}

/** A karte block over a paged history: loading, error, empty, the rows, and "more". */
export function PagedKarteCard<T>({ title, query, empty, children }: Props<T>) {
  const { t } = useTranslation('common');
  const rows = query.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <KarteCard title={title}>
      <ErrorAlert error={query.error} />
      {query.isPending ? (
        <Center p="md">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      ) : rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        children(rows)
      )}
      {query.hasNextPage && (
        <Center mt="md">
          <LoadMoreButton query={query} />
        </Center>
      )}
    </KarteCard>
  );
}
