import type { EmailSendOutcome } from '@kayoi/core';
import { z } from 'zod';

/** The fields nodemailer puts on its errors; anything else about them is not relied on. */
const SmtpError = z.object({
  message: z.string(),
  code: z.string().optional(),
  responseCode: z.number().int().optional(),
  response: z.string().optional(),
});

/**
 * Nodemailer's own refusals without a server reply that retrying cannot fix: a message it
 * cannot build, an envelope without a valid recipient, credentials missing for AUTH.
 */
const PERMANENT_WITHOUT_REPLY = new Set(['EENVELOPE', 'EMESSAGE', 'EAUTH']);

/**
 * SMTP's own rule (RFC 5321 §4.2.1): 5yz is permanent, 4yz transient. No reply at all
 * (refused, reset, timed out, DNS) is transient: the server may be back in a minute.
 */
export function emailOutcomeOfError(error: unknown, messageId: string): EmailSendOutcome {
  const parsed = SmtpError.safeParse(error);
  if (!parsed.success) {
    return { status: 'transient_failure', messageId, smtpCode: null, message: String(error) };
  }
  const { code, responseCode, response, message } = parsed.data;
  const text = response ?? message;
  if (responseCode !== undefined && responseCode >= 500) {
    return { status: 'permanent_failure', messageId, smtpCode: responseCode, message: text };
  }
  if (responseCode !== undefined && responseCode >= 400) {
    return { status: 'transient_failure', messageId, smtpCode: responseCode, message: text };
  }
  const permanent = code !== undefined && PERMANENT_WITHOUT_REPLY.has(code);
  return {
    status: permanent ? 'permanent_failure' : 'transient_failure',
    messageId,
    smtpCode: responseCode ?? null,
    message: text,
  };
}
