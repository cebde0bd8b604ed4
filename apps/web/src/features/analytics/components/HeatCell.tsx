import { Table, type MantineColor } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';

/**
 * Background for a heat-map cell: the theme colour mixed in proportion to the value, so the
 * table reads like a chart while every number stays text (copyable, read aloud). Past the
 * middle the text turns white to stay legible on the dark end.
 */
export function heatStyle(intensity: number, color: MantineColor = 'blue'): CSSProperties {
  const level = Math.min(1, Math.max(0, Number.isFinite(intensity) ? intensity : 0));
  const percent = Math.round(6 + level * 84);
  return {
    backgroundColor: `color-mix(in srgb, var(--mantine-color-${color}-7) ${percent}%, transparent)`,
    color: level > 0.55 ? 'var(--mantine-color-white)' : undefined,
  };
}

interface Props {
  /** 0 = lightest, 1 = darkest. */
  intensity: number;
  color?: MantineColor;
  /** The full figure when the cell shows a short one, as a tooltip. */
  title?: string;
  /** A cell whose period is not over yet: shown in italics (see the page's note). */
  partial?: boolean;
  children: ReactNode;
}

export function HeatCell({ intensity, color, title, partial, children }: Props) {
  return (
    <Table.Td
      ta="right"
      title={title}
      style={{
        ...heatStyle(intensity, color),
        whiteSpace: 'nowrap',
        fontVariantNumeric: 'tabular-nums',
        fontStyle: partial ? 'italic' : undefined,
      }}
    >
      {children}
    </Table.Td>
  );
}
