import { createHash } from 'node:crypto';

/**
 * The Message-ID for an idempotency key: the same key always gives the same id, so a send
 * retried after a lost reply carries the id of the first attempt and a receiving system (or
 * our own delivery log) can recognise the duplicate. Hashed, so the key's parts (campaign,
 * customer id) are not shown to the recipient.
 */
export function emailMessageIdFor(idempotencyKey: string, fromAddress: string): string {
  const digest = createHash('sha256').update(idempotencyKey, 'utf8').digest('hex').slice(0, 40);
  const at = fromAddress.lastIndexOf('@');
  const domain = at >= 0 ? fromAddress.slice(at + 1) : 'kayoi.invalid';
  return `<${digest}.kayoi@${domain}>`;
}

/**
 * RFC 2369 List-Unsubscribe plus RFC 8058 List-Unsubscribe-Post: with both, Gmail and Yahoo
 * show their own "unsubscribe" button, which POSTs `List-Unsubscribe=One-Click` to the URL
 * without the recipient opening a page. Bulk senders without them are throttled by those providers.
 */
export function listUnsubscribeHeaders(unsubscribe: {
  url: string;
  mailto?: string | undefined;
}): Record<string, string> {
  const targets = [`<${unsubscribe.url}>`];
  if (unsubscribe.mailto) targets.push(`<mailto:${unsubscribe.mailto}>`);
  return {
    'List-Unsubscribe': targets.join(', '),
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}
