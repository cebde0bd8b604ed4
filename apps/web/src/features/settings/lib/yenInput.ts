/** Whole yen, never negative, grouped by thousands as a receipt writes them. */
export const yenInputProps = {
  min: 0,
  max: 100_000_000,
  allowDecimal: false,
  allowNegative: false,
  thousandSeparator: ',',
  hideControls: true,
} as const;
