import { SMTP_PASSWORD_MASK, type EmailSettings, type EmailSettingsUpdate } from '@kayoi/contracts';
import type { EmailChannelRecord, TenantRepos } from '../ports.js';
import type { Actor } from '../shared/actor.js';
import { fail, ok, type Result } from '../shared/result.js';

export interface EmailSettingsDeps {
  repos: TenantRepos;
  actor: Actor;
  now: Date;
}

/** What a client may see: everything but the password, of which only whether it is set. */
export function presentEmailSettings(record: EmailChannelRecord | null): EmailSettings {
  if (!record) {
    return {
      configured: false,
      fromName: null,
      fromAddress: null,
      replyTo: null,
      smtpHost: null,
      smtpPort: null,
      smtpSecurity: null,
      smtpUsername: null,
      smtpPassword: { configured: false, masked: null },
      updatedAt: null,
    };
  }
  const { smtpPassword, updatedAt, ...visible } = record;
  return {
    configured: true,
    ...visible,
    smtpPassword: smtpPassword ? { configured: true, masked: SMTP_PASSWORD_MASK } : { configured: false, masked: null },
    updatedAt: updatedAt.toISOString(),
  };
}

export async function getEmailSettings(deps: Pick<EmailSettingsDeps, 'repos'>): Promise<EmailSettings> {
  return presentEmailSettings(await deps.repos.email.settings());
}

/** Omitted keeps the stored password, so the settings form can be saved without retyping it. */
function passwordAfter(before: EmailChannelRecord | null, input: EmailSettingsUpdate): string | null {
  if (input.smtpPassword === undefined) return before?.smtpPassword ?? null;
  return input.smtpPassword;
}

/**
 * Replaces the sender and SMTP settings. Refused: a username without a password (the relay
 * would answer 535 on every send), and a password over an unencrypted connection (anyone on
 * the path could read it). The audit entry names what changed, never the password.
 */
export async function updateEmailSettings(
  deps: EmailSettingsDeps,
  input: EmailSettingsUpdate,
): Promise<Result<EmailSettings>> {
  const before = await deps.repos.email.settings();
  const smtpPassword = input.smtpUsername === null ? null : passwordAfter(before, input);
  if (input.smtpUsername !== null && smtpPassword === null) return fail('EMAIL_SMTP_PASSWORD_REQUIRED');
  if (smtpPassword !== null && input.smtpSecurity === 'none') return fail('EMAIL_SMTP_INSECURE_AUTH');
  const record: Omit<EmailChannelRecord, 'updatedAt'> = {
    fromName: input.fromName,
    fromAddress: input.fromAddress,
    replyTo: input.replyTo,
    smtpHost: input.smtpHost,
    smtpPort: input.smtpPort,
    smtpSecurity: input.smtpSecurity,
    smtpUsername: input.smtpUsername,
    smtpPassword,
  };
  await deps.repos.email.saveSettings(record, deps.now, deps.actor.userId);
  await deps.repos.audit.record({
    actorUserId: deps.actor.userId,
    action: 'channels.email_changed',
    targetType: 'email_channel',
    targetId: null,
    details: {
      fromAddress: input.fromAddress,
      previousFromAddress: before?.fromAddress ?? null,
      smtpHost: input.smtpHost,
      previousSmtpHost: before?.smtpHost ?? null,
      passwordChanged: (before?.smtpPassword ?? null) !== smtpPassword,
    },
  });
  return ok(presentEmailSettings(await deps.repos.email.settings()));
}
