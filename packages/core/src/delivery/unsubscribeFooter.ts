import type { RenderedMessage, TemplateLanguage } from '../messaging/templates/index.js';

const label: Record<TemplateLanguage, string> = {
  ja: '今後のメール配信を希望されない方はこちら',
  en: 'Unsubscribe from these emails',
};

const escapeAttribute = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * Every email carries a visible way to stop, besides the List-Unsubscribe header some mail
 * apps hide: a line at the end of the HTML and the text part. A template that already
 * shows the link is left as it is.
 */
export function appendUnsubscribeFooter(
  message: RenderedMessage,
  url: string,
  language: TemplateLanguage,
): RenderedMessage {
  if (message.channel !== 'email' || message.html.includes(url)) return message;
  const link = `<p style="font-size:12px;color:#666"><a href="${escapeAttribute(url)}">${label[language]}</a></p>`;
  const html = /<\/body>/i.test(message.html)
    ? message.html.replace(/<\/body>/i, `${link}</body>`)
    : `${message.html}\n${link}`;
  return { ...message, html, text: `${message.text}\n\n${label[language]}: ${url}\n` };
}
