import type { Locale } from '@kayoi/contracts';

export type UnsubscribePageKind = 'confirm' | 'done' | 'invalid';

const texts: Record<Locale, Record<UnsubscribePageKind, { title: string; body: string }> & { button: string }> = {
  ja: {
    confirm: {
      title: 'メール配信の停止',
      body: 'このお店からのメールの配信を停止します。よろしければ下のボタンを押してください。',
    },
    done: {
      title: '配信を停止しました',
      body: 'このお店からのメールはもう届きません。再開したいときはお店にお伝えください。',
    },
    invalid: {
      title: 'リンクが無効です',
      body: 'このリンクは無効です。メールに記載のリンクをそのままお使いください。',
    },
    button: '配信を停止する',
  },
  en: {
    confirm: { title: 'Unsubscribe', body: 'Stop receiving email from this shop? Press the button below to confirm.' },
    done: {
      title: 'You are unsubscribed',
      body: 'You will receive no more email from this shop. Ask the shop if you want it back.',
    },
    invalid: {
      title: 'Invalid link',
      body: 'This link is not valid. Please use the link exactly as it appears in the email.',
    },
    button: 'Unsubscribe',
  },
};

/** Only what this page needs; nothing from the request is written into it except the already-verified path. */
export const UNSUBSCRIBE_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'";

/**
 * A small standalone page (no scripts, no dashboard assets): recipients open it from their
 * mail client on any device. The form posts `List-Unsubscribe=One-Click` like RFC 8058's
 * one-click POST, so both end in the same handler.
 */
export function unsubscribePage(kind: UnsubscribePageKind, locale: Locale): string {
  const t = texts[locale];
  const { title, body } = t[kind];
  const form =
    kind === 'confirm'
      ? `<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${t.button}</button></form>`
      : '';
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.6}button{font-size:1rem;padding:.6rem 1.2rem}</style>
</head><body><h1>${title}</h1><p>${body}</p>${form}</body></html>
`;
}
