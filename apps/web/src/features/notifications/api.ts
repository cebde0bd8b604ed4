import type { StaffNotification } from '@kayoi/contracts';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export const notificationKeys = {
  all: ['staff-notifications'] as const,
  list: (unreadOnly: boolean) => ['staff-notifications', 'list', unreadOnly] as const,
  unread: ['staff-notifications', 'unread'] as const,
};

export const NOTIFICATION_PAGE_SIZE = 20;
/** The bell counts up to this many unread and shows "99+" beyond: the API has no count. */
export const UNREAD_COUNT_CAP = 99;

interface NotificationPage {
  items: StaffNotification[];
  nextCursor: string | null;
}

/** The bell's figure: unread notifications, capped; polls so a journey's new note shows up at the counter. */
export const useUnreadCount = (enabled: boolean) =>
  useQuery({
    queryKey: notificationKeys.unread,
    queryFn: () =>
      api<NotificationPage>('/staff-notifications', { query: { unread: 'true', limit: UNREAD_COUNT_CAP } }).then(
        (r) => ({ count: r.items.length, more: r.nextCursor !== null }),
      ),
    enabled,
    refetchInterval: 60_000,
  });

/** Newest first, paged as the API pages; `unreadOnly` keeps those nobody has read. */
export const useNotifications = (unreadOnly: boolean) =>
  useInfiniteQuery({
    queryKey: notificationKeys.list(unreadOnly),
    queryFn: ({ pageParam }) =>
      api<NotificationPage>('/staff-notifications', {
        query: { unread: unreadOnly ? 'true' : undefined, cursor: pageParam, limit: NOTIFICATION_PAGE_SIZE },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<StaffNotification>(`/staff-notifications/${id}/read`, { method: 'POST', body: {} }),
    onSuccess: () => void client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
