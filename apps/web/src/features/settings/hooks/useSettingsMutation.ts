import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

export type DoneMessage = 'saved' | 'archived' | 'restored' | 'deactivated' | 'reactivated';

/**
 * A change to reference data: on success the lists that show it (and every picker elsewhere
 * in the dashboard) are refreshed, and the person gets a short confirmation.
 */
export function useSettingsMutation<TVariables, TResult>(
  mutationFn: (variables: TVariables) => Promise<TResult>,
  invalidate: readonly QueryKey[],
  done: DoneMessage = 'saved',
) {
  const queryClient = useQueryClient();
  const { t } = useTranslation('settings');
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await Promise.all(invalidate.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      notifications.show({ color: 'teal', message: t(`done.${done}`) });
    },
  });
}
