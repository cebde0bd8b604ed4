import { NumberInput, type NumberInputProps } from '@mantine/core';
import { formatYen } from '../../../lib/format';

const MAX_YEN = 100_000_000;
/** The same sign as the totals beside the field (the Japanese format uses the full-width ￥). */
const YEN_SIGN = formatYen(0).replace(/[\d\s,.]/g, '');

type YenInputProps = Omit<NumberInputProps, 'value' | 'onChange'> & {
  value: number;
  onChange: (yen: number) => void;
};

/** Whole yen only: no decimals, no minus sign, the phone's number pad, and ¥1,000 grouping. */
export function YenInput({ value, onChange, max = MAX_YEN, ...props }: YenInputProps) {
  return (
    <NumberInput
      prefix={YEN_SIGN}
      thousandSeparator=","
      allowDecimal={false}
      allowNegative={false}
      min={0}
      max={max}
      clampBehavior="strict"
      hideControls
      inputMode="numeric"
      selectAllOnFocus
      {...props}
      value={value}
      onChange={(next) => onChange(typeof next === 'number' ? Math.trunc(next) : 0)}
    />
  );
}
