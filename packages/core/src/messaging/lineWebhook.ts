import { LINE_LINK_CODE, type LineWebhookBody, type LineWebhookEvent } from '@kayoi/contracts';
import type { TenantRepos } from '../ports.js';
import type { LinkCodeSecrets } from './lineLinkCodes.js';

export interface LineWebhookDeps {
  repos: TenantRepos;
  now: Date;
  codes: Pick<LinkCodeSecrets, 'hash'>;
}

/** What happened to each event, stored with it and returned for tests and logs. */
export type LineEventOutcome =
  | 'duplicate'
  | 'consent_granted'
  | 'consent_withdrawn'
  | 'linked'
  | 'link_code_unknown'
  | 'line_user_taken'
  | 'unknown_user'
  | 'ignored';

const SOURCE = 'line_webhook';

async function setConsent(deps: LineWebhookDeps, lineUserId: string, status: 'granted' | 'withdrawn', at: Date) {
  const customerId = await deps.repos.line.findCustomerIdByLineUserId(lineUserId);
  if (!customerId) return 'unknown_user';
  await deps.repos.customers.recordConsent(customerId, {
    channel: 'line',
    status,
    source: SOURCE,
    at,
    actorUserId: null,
  });
  return status === 'granted' ? 'consent_granted' : 'consent_withdrawn';
}

/**
 * A text that is a live link code links the sender to the code's customer (and counts as
 * consent: they wrote to the shop's account after following it). A LINE user already linked
 * to a customer keeps that link; staff can change it on the karte.
 */
async function linkByCode(deps: LineWebhookDeps, lineUserId: string, code: string, at: Date) {
  const linked = await deps.repos.line.findCustomerIdByLineUserId(lineUserId);
  if (linked) return 'line_user_taken';
  const customerId = await deps.repos.line.consumeLinkCode(deps.codes.hash(code), deps.now);
  if (!customerId) return 'link_code_unknown';
  const customer = await deps.repos.customers.findById(customerId);
  // A customer erased after the code was shown must not get a LINE id back.
  if (!customer || customer.erasedAt) return 'link_code_unknown';
  await deps.repos.customers.update(customerId, { lineUserId });
  await deps.repos.customers.recordConsent(customerId, {
    channel: 'line',
    status: 'granted',
    source: SOURCE,
    at,
    actorUserId: null,
  });
  return 'linked';
}

async function outcomeOf(deps: LineWebhookDeps, event: LineWebhookEvent): Promise<LineEventOutcome> {
  const userId = event.source?.userId;
  if (!userId) return 'ignored';
  // When Kayoi learned it, not LINE's event time: the current state is the last event applied,
  // and the history must read in that order even when LINE redelivers an older event late.
  const at = deps.now;
  if (event.type === 'follow') return setConsent(deps, userId, 'granted', at);
  if (event.type === 'unfollow') return setConsent(deps, userId, 'withdrawn', at);
  if (event.type === 'message' && 'message' in event && event.message.type === 'text') {
    const text = event.message.text?.trim() ?? '';
    if (LINE_LINK_CODE.test(text)) return linkByCode(deps, userId, text, at);
  }
  return 'ignored';
}

/**
 * Applies one verified webhook body. Each event is recorded by its webhookEventId first, so a
 * redelivery (LINE retries when the answer is slow or lost) finds it stored and changes nothing.
 * Events about LINE users no customer is linked to are stored and otherwise left alone.
 */
export async function handleLineWebhook(deps: LineWebhookDeps, body: LineWebhookBody): Promise<LineEventOutcome[]> {
  const outcomes: LineEventOutcome[] = [];
  for (const event of body.events) {
    const fresh = await deps.repos.line.recordWebhookEvent({
      webhookEventId: event.webhookEventId,
      type: event.type,
      lineUserId: event.source?.userId ?? null,
      occurredAt: new Date(event.timestamp),
      receivedAt: deps.now,
      redelivery: event.deliveryContext?.isRedelivery ?? false,
    });
    if (!fresh) {
      outcomes.push('duplicate');
      continue;
    }
    const outcome = await outcomeOf(deps, event);
    await deps.repos.line.setWebhookEventOutcome(event.webhookEventId, outcome);
    outcomes.push(outcome);
  }
  return outcomes;
}
