import type { LoginRequest, LoginResponse, Me, Permission } from '@kayoi/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../api/client';

export const meKey = ['me'] as const;

/** Who is signed in; null when nobody is (401), so pages can send them to the login screen. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await api<Me>('/auth/me');
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: 60_000,
  });
}

/** The shop's zone: visit times and "today" are the shop's, wherever the browser is. */
export function useTimeZone(): string {
  return useMe().data?.tenant.timeZone ?? 'Asia/Tokyo';
}

export function useCan(permission: Permission): boolean {
  const me = useMe().data;
  return me?.permissions.includes(permission) ?? false;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: LoginRequest) => api<LoginResponse>('/auth/login', { method: 'POST', body: request }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meKey }),
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api('/auth/logout', { method: 'POST' }),
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(meKey, null);
    },
  });
}
