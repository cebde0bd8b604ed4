import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The part of a paged (infinite) query the button needs. */
export interface PagedQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** "More" under a paged list; nothing once the last page is loaded. */
export function LoadMoreButton({ query, label }: { query: PagedQuery; label?: string }) {
  const { t } = useTranslation('common');
  if (!query.hasNextPage) return null;
  return (
    <Button variant="default" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
      {label ?? t('actions.more')}
    </Button>
  );
}
