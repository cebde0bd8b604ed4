import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { appendUnsubscribeFooter, trackLinks } from '@kayoi/core';

const base = 'https://salon.example.jp/r/tenant';

describe('trackLinks', () => {
  it('rewrites links in LINE text, leaving Japanese punctuation after them outside the link', () => {
    const { message, links } = trackLinks(
      {
        channel: 'line_text',
        text: 'ご予約は https://salon.example.jp/book。メニュー（https://salon.example.jp/menu?x=1）',
      },
      'delivery-1',
      base,
    );
    assert.equal(links.length, 2);
    assert.deepEqual(
      links.map((l) => l.url),
      ['https://salon.example.jp/book', 'https://salon.example.jp/menu?x=1'],
    );
    assert.equal(
      message.channel === 'line_text' && message.text,
      `ご予約は ${base}/${links[0]!.token}。メニュー（${base}/${links[1]!.token}）`,
    );
  });
  it('rewrites href in email HTML with &amp; undone, and the text part; the unsubscribe link stays', () => {
    const unsubscribe = 'https://salon.example.jp/u/token';
    const { message, links } = trackLinks(
      {
        channel: 'email',
        subject: 's',
        html: `<a href="https://x.example/a?b=1&amp;c=2">a</a> <a href='${unsubscribe}'>stop</a>`,
        text: `a https://x.example/a?b=1&c=2 stop ${unsubscribe}`,
      },
      'delivery-1',
      base,
      (url) => url === unsubscribe,
    );
    assert.deepEqual(
      links.map((l) => l.url),
      ['https://x.example/a?b=1&c=2'],
    );
    assert.ok(message.channel === 'email');
    assert.equal(message.html, `<a href="${base}/${links[0]!.token}">a</a> <a href='${unsubscribe}'>stop</a>`);
    assert.equal(message.text, `a ${base}/${links[0]!.token} stop ${unsubscribe}`);
  });
  it('rewrites uri actions anywhere in a Flex message and gives the same tokens every time', () => {
    const flex = {
      channel: 'line_flex' as const,
      message: {
        type: 'flex' as const,
        altText: 'alt',
        contents: {
          type: 'bubble' as const,
          footer: { contents: [{ action: { type: 'uri', uri: 'https://x.example/b' } }] },
        },
      },
    };
    const first = trackLinks(flex, 'd', base);
    const second = trackLinks(flex, 'd', base);
    assert.deepEqual(first, second);
    assert.equal(first.links.length, 1);
    assert.match(JSON.stringify(first.message), new RegExp(`${base}/${first.links[0]!.token}`));
    assert.notDeepEqual(trackLinks(flex, 'other delivery', base).links, first.links);
  });
});

describe('appendUnsubscribeFooter', () => {
  it('adds a visible unsubscribe link to HTML (inside body) and text, in the message language', () => {
    const out = appendUnsubscribeFooter(
      { channel: 'email', subject: 's', html: '<html><body><p>hi</p></body></html>', text: 'hi' },
      'https://s.example/u/t?a=1&b=2',
      'en',
    );
    assert.ok(out.channel === 'email');
    assert.equal(
      out.html,
      '<html><body><p>hi</p><p style="font-size:12px;color:#666"><a href="https://s.example/u/t?a=1&amp;b=2">Unsubscribe from these emails</a></p></body></html>',
    );
    assert.equal(out.text, 'hi\n\nUnsubscribe from these emails: https://s.example/u/t?a=1&b=2\n');
  });
  it('leaves a message that already shows the link', () => {
    const message = {
      channel: 'email' as const,
      subject: 's',
      html: '<a href="https://s.example/u/t">停止</a>',
      text: 't',
    };
    assert.equal(appendUnsubscribeFooter(message, 'https://s.example/u/t', 'ja'), message);
  });
});
