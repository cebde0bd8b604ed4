import { Box, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A chart with a text summary of what it draws: screen readers (and tests) read the summary,
 * everyone else sees the picture. The full numbers are always in a table next to it.
 */
export function ChartFrame({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <Box component="figure" m={0} miw={0}>
      {children}
      <VisuallyHidden component="figcaption">{summary}</VisuallyHidden>
    </Box>
  );
}
