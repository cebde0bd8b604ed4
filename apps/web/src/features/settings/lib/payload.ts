/** Form inputs hold '' for "nothing typed"; the API wants null (clear) for optional text. */
export function textOrNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** Mantine's NumberInput gives '' when empty: left out, so the schema reports a required field. */
export function numberOrUndefined(value: number | string): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

export function numberOrNull(value: number | string): number | null {
  return typeof value === 'number' ? value : null;
}
