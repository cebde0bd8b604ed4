import { createHash } from 'node:crypto';
import type { RenderedMessage } from '../messaging/templates/index.js';

export interface TrackedLink {
  readonly token: string;
  readonly url: string;
}

/** A bare http(s) URL in text: ASCII only (Japanese text runs straight on after a link). */
const URL_IN_TEXT = /https?:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/g;

/** Sentence punctuation after a link is not part of it; a closing bracket only when unopened. */
function trimUrl(match: string): { url: string; rest: string } {
  let url = match;
  for (;;) {
    const last = url.at(-1)!;
    if (".,!?;:'".includes(last) || (last === ')' && !url.includes('('))) url = url.slice(0, -1);
    else return { url, rest: match.slice(url.length) };
  }
}
const HREF = /(href\s*=\s*)(["'])(https?:\/\/[^"']+)\2/gi;

/**
 * Rewrites every link of a rendered message to `{base}/{token}`, so a click is counted
 * before the redirect. Tokens come from the delivery id and the URL (not random): a message
 * sent again after a crash carries the same links. The unsubscribe link is left alone.
 */
export function trackLinks(
  message: RenderedMessage,
  deliveryId: string,
  redirectBase: string,
  keep: (url: string) => boolean = () => false,
): { message: RenderedMessage; links: TrackedLink[] } {
  const links = new Map<string, TrackedLink>();
  const rewrite = (url: string): string => {
    if (keep(url) || url.startsWith(redirectBase)) return url;
    const token = createHash('sha256').update(`${deliveryId}\n${url}`).digest('base64url').slice(0, 22);
    links.set(token, { token, url });
    return `${redirectBase}/${token}`;
  };
  const inText = (text: string) =>
    text.replace(URL_IN_TEXT, (match) => {
      const { url, rest } = trimUrl(match);
      return rewrite(url) + rest;
    });
  let out: RenderedMessage;
  if (message.channel === 'line_text') out = { ...message, text: inText(message.text) };
  else if (message.channel === 'email')
    out = {
      ...message,
      html: message.html.replace(HREF, (_m, lead: string, quote: string, url: string) => {
        // The HTML escaped & as &amp; inside the attribute; the redirect must go to the real URL.
        const real = url.replace(/&amp;/g, '&');
        return `${lead}${quote}${rewrite(real)}${quote}`;
      }),
      text: inText(message.text),
    };
  else out = { ...message, message: rewriteUris(message.message, rewrite) };
  return { message: out, links: [...links.values()] };
}

/** Flex messages carry links as `uri` fields of actions, at any depth. */
function rewriteUris<T>(value: T, rewrite: (url: string) => string): T {
  if (Array.isArray(value)) return value.map((v: unknown) => rewriteUris(v, rewrite)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) {
      out[key] =
        key === 'uri' && typeof field === 'string' && /^https?:\/\//.test(field)
          ? rewrite(field)
          : rewriteUris(field, rewrite);
    }
    return out as T;
  }
  return value;
}
