import { useMediaQuery } from '@mantine/hooks';

/**
 * Below Mantine's `sm` breakpoint (48em), where `hiddenFrom="sm"` elements show. Read at
 * the first render: the dashboard is never rendered on a server, and a table that turns
 * into cards a frame later would flicker.
 */
export function useIsPhone(): boolean {
  return useMediaQuery('(max-width: 47.99em)', undefined, { getInitialValueInEffect: false });
}
