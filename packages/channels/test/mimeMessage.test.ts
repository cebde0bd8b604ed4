import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { simpleParser } from 'mailparser';
import { buildMimeMessage, encodedWords } from '@kayoi/channels';

const base = {
  from: { name: 'ヘアサロン通い 渋谷店', address: 'info@salon.example.jp' },
  to: 'hanako@example.com',
  html: '<p>山田 花子様</p><p>前回は2026年3月3日にカット、カラーをご利用いただきました。</p>',
  text: '山田 花子様\n前回は2026年3月3日にカット、カラーをご利用いただきました。',
  messageId: '<abc.kayoi@salon.example.jp>',
  date: new Date('2026-11-22T05:30:00Z'),
  headers: {
    'List-Unsubscribe': '<https://salon.example.jp/u/' + 'x'.repeat(200) + '>',
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  },
};

describe('buildMimeMessage, read back by mailparser (an independent parser)', () => {
  it('keeps a long Japanese subject with emoji, the names, both parts and the headers intact', async () => {
    const subject = '【秋の特別なご案内】山田 花子様へ、カラーとトリートメントのセットを20%オフでご用意しました 🍁✨';
    const raw = buildMimeMessage({ ...base, subject, replyTo: 'reply@salon.example.jp' });
    const parsed = await simpleParser(raw);
    assert.equal(parsed.subject, subject);
    assert.deepEqual(parsed.from?.value, [{ name: 'ヘアサロン通い 渋谷店', address: 'info@salon.example.jp' }]);
    assert.equal(parsed.replyTo?.text, 'reply@salon.example.jp');
    assert.equal(parsed.messageId, '<abc.kayoi@salon.example.jp>');
    assert.equal(parsed.date?.toISOString(), '2026-11-22T05:30:00.000Z');
    assert.equal(parsed.html, base.html);
    assert.equal(parsed.text, base.text);
    assert.match(raw, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
    assert.match(raw, /^List-Unsubscribe:\r\n <https:\/\/salon\.example\.jp\/u\/x{200}>\r$/m);
    for (const line of raw.split('\r\n')) assert.ok(line.length <= 998, 'RFC 5322 line limit');
    const headerLines = raw.split('\r\n\r\n')[0]!.split('\r\n');
    assert.ok(
      headerLines.filter((l) => !l.includes('/u/xxx')).every((l) => l.length <= 78),
      'folded',
    );
  });

  it('quotes an ASCII display name with specials and leaves a plain subject readable', async () => {
    const raw = buildMimeMessage({
      ...base,
      from: { name: 'Salon "Kayoi", Shibuya', address: 'a@b.example' },
      subject: 'Hello',
    });
    assert.match(raw, /^Subject: Hello$/m);
    const parsed = await simpleParser(raw);
    assert.deepEqual(parsed.from?.value, [{ name: 'Salon "Kayoi", Shibuya', address: 'a@b.example' }]);
  });

  it('never splits a character across encoded words and keeps each word within 75 characters', () => {
    const words = encodedWords('あ'.repeat(40) + '🍁'.repeat(20));
    for (const word of words) {
      assert.ok(word.length <= 75, word);
      const bytes = Buffer.from(word.slice(10, -2), 'base64');
      assert.equal(Buffer.from(bytes.toString('utf8'), 'utf8').length, bytes.length, 'whole characters only');
    }
    assert.equal(
      words.map((w) => Buffer.from(w.slice(10, -2), 'base64').toString('utf8')).join(''),
      'あ'.repeat(40) + '🍁'.repeat(20),
    );
    assert.deepEqual(encodedWords(''), ['=?UTF-8?B??=']);
  });
});
