import type { LineSettings, LineSettingsUpdate } from '@kayoi/contracts';
import type { LineCredentials, TenantRepos } from '../ports.js';
import type { Actor } from '../shared/actor.js';
import { ok, type Result } from '../shared/result.js';

export interface LineSettingsDeps {
  repos: TenantRepos;
  actor: Actor;
  now: Date;
}

const last4 = (secret: string) => secret.slice(-4);

/** What a client may see of the credentials: that they exist, and enough to recognise them. */
export function presentLineSettings(credentials: LineCredentials | null): LineSettings {
  if (!credentials) {
    return {
      configured: false,
      channelId: null,
      channelSecretLast4: null,
      channelAccessTokenLast4: null,
      updatedAt: null,
    };
  }
  return {
    configured: true,
    channelId: credentials.channelId,
    channelSecretLast4: last4(credentials.channelSecret),
    channelAccessTokenLast4: last4(credentials.channelAccessToken),
    updatedAt: credentials.updatedAt.toISOString(),
  };
}

export async function getLineSettings(deps: Pick<LineSettingsDeps, 'repos'>): Promise<LineSettings> {
  return presentLineSettings(await deps.repos.line.credentials());
}

/**
 * Replaces the LINE credentials. The audit entry says which ones changed but never holds them,
 * so the audit log can be shown to a manager without handing over the account.
 */
export async function updateLineSettings(
  deps: LineSettingsDeps,
  input: LineSettingsUpdate,
): Promise<Result<LineSettings>> {
  const before = await deps.repos.line.credentials();
  await deps.repos.line.saveCredentials(input, deps.now, deps.actor.userId);
  await deps.repos.audit.record({
    actorUserId: deps.actor.userId,
    action: 'channels.line_changed',
    targetType: 'line_channel',
    targetId: input.channelId,
    details: {
      channelId: input.channelId,
      previousChannelId: before?.channelId ?? null,
      secretChanged: before?.channelSecret !== input.channelSecret,
      accessTokenChanged: before?.channelAccessToken !== input.channelAccessToken,
    },
  });
  return ok(presentLineSettings(await deps.repos.line.credentials()));
}
