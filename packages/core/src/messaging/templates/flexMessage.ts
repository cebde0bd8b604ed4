import { z } from 'zod';
import type { FlexMessage } from './templateTypes.js';

/**
 * The top-level shape LINE requires of a Flex message. The bubble's inside is LINE's to
 * check (its API answers 400 with the path); we catch what breaks every send.
 */
export const flexMessageSchema = z.object({
  type: z.literal('flex'),
  altText: z.string().min(1).max(400),
  contents: z.looseObject({ type: z.enum(['bubble', 'carousel']) }),
});

export function checkFlexMessage(
  rendered: string,
): { ok: true; message: FlexMessage } | { ok: false; message: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rendered);
  } catch (err) {
    return { ok: false, message: `not JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  const checked = flexMessageSchema.safeParse(parsed);
  if (!checked.success) {
    return {
      ok: false,
      message: checked.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '),
    };
  }
  return { ok: true, message: checked.data };
}
