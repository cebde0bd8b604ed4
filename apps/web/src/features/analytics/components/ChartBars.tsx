import { BarChart, type ChartReferenceLineProps } from '@mantine/charts';
import { ChartFrame } from './ChartFrame';

export interface ChartBar {
  label: string;
  value: number;
}

interface Props {
  bars: ChartBar[];
  /** What the value is ("LTV/CAC"), for the tooltip and the summary. */
  name: string;
  format: (value: number) => string;
  color?: string;
  referenceLines?: ChartReferenceLineProps[];
}

const ROW_HEIGHT = 36;

/**
 * One value per named thing (channel, staff member) as horizontal bars: long Japanese names
 * stay readable on the left at 375 px, where upright bars would squeeze their labels.
 */
export function ChartBars({ bars, name, format, color = 'teal.6', referenceLines }: Props) {
  const summary = `${name}: ${bars.map((b) => `${b.label} ${format(b.value)}`).join('、')}`;
  return (
    <ChartFrame summary={summary}>
      <BarChart
        h={Math.max(120, bars.length * ROW_HEIGHT + 40)}
        data={bars}
        dataKey="label"
        orientation="vertical"
        series={[{ name: 'value', label: name, color }]}
        valueFormatter={format}
        yAxisProps={{ width: 96 }}
        gridAxis="y"
        referenceLines={referenceLines}
        barProps={{ isAnimationActive: false }}
      />
    </ChartFrame>
  );
}
