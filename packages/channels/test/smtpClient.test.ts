import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { EmailMessage } from '@kayoi/core';
import { emailMessageIdFor, smtpClient, type SmtpClientOptions } from '../src/index.js';
import { startSmtpTestServer, type SmtpTestServer } from './support/smtpTestServer.js';

const FIXED_DATE = new Date('2026-11-22T01:02:03Z');
const message = (overrides: Partial<EmailMessage> = {}): EmailMessage => ({
  from: { name: 'ヘアサロン通い 渋谷店', address: 'info@salon.example.jp' },
  to: 'hanako@example.jp',
  replyTo: 'front@salon.example.jp',
  subject: '【ご来店ありがとうございました】次回のご予約はお早めに',
  html: '<p>山田 花子 様</p><p>先日はご来店いただき、誠にありがとうございました。</p>',
  text: '山田 花子 様\n先日はご来店いただき、誠にありがとうございました。',
  idempotencyKey: 'journey:thanks:step1:customer-0001',
  unsubscribe: { url: 'https://app.kayoi.example/u/TOKEN123', mailto: 'unsubscribe@salon.example.jp' },
  ...overrides,
});
const clientFor = (port: number, extra: Partial<SmtpClientOptions> = {}) =>
  smtpClient({ host: '127.0.0.1', port, security: 'none', clock: () => FIXED_DATE, ...extra });

/** A port nothing listens on: bind one, then close it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  assert.ok(address && typeof address === 'object');
  return address.port;
}

describe('SMTP adapter against a real SMTP server process', () => {
  let server: SmtpTestServer;
  before(async () => {
    server = await startSmtpTestServer({
      rcptReplies: {
        'bounced@example.jp': { code: 550, message: 'No such user here' },
        'busy@example.jp': { code: 451, message: 'Try again later' },
      },
    });
  });
  after(() => server.close());

  it('delivers a Japanese subject, HTML and text intact, with List-Unsubscribe and a deterministic Message-ID', async () => {
    const client = clientFor(server.port);
    const sent = message();
    const outcome = await client.send(sent);
    await client.close();
    const expectedId = emailMessageIdFor(sent.idempotencyKey, 'info@salon.example.jp');
    assert.equal(outcome.status, 'accepted');
    assert.equal(outcome.messageId, expectedId);
    assert.equal(emailMessageIdFor(sent.idempotencyKey, 'info@salon.example.jp'), expectedId, 'same key, same id');
    assert.notEqual(emailMessageIdFor('another-key', 'info@salon.example.jp'), expectedId);

    const [mail] = await server.waitForMessages(1);
    assert.ok(mail);
    const { parsed } = mail;
    assert.equal(parsed.subject, sent.subject);
    assert.equal(parsed.text?.trim(), sent.text);
    assert.equal(typeof parsed.html === 'string' ? parsed.html.trim() : parsed.html, sent.html);
    assert.equal(parsed.messageId, expectedId);
    assert.equal(parsed.from?.value[0]?.name, 'ヘアサロン通い 渋谷店');
    assert.equal(parsed.from?.value[0]?.address, 'info@salon.example.jp');
    assert.equal(parsed.replyTo?.value[0]?.address, 'front@salon.example.jp');
    assert.deepEqual(mail.rcptTo, ['hanako@example.jp']);
    assert.equal(parsed.date?.toISOString(), FIXED_DATE.toISOString());
    // mailparser folds List-* headers into `list`; the wire form is what mailbox providers read.
    const headerBlock = (mail.raw.split('\r\n\r\n')[0] ?? '').replace(/\r\n[ \t]+/g, ' ');
    assert.match(headerBlock, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    assert.match(
      headerBlock,
      /^List-Unsubscribe: <https:\/\/app\.kayoi\.example\/u\/TOKEN123>, <mailto:unsubscribe@salon\.example\.jp>\r?$/m,
    );
    // Non-ASCII never crosses the wire raw: encoded words in headers, base64 bodies.
    assert.match(headerBlock, /^Subject: =\?UTF-8\?B\?/m);
    assert.match(mail.raw, /^\p{ASCII}*$/u);
  });

  it('a 550 for the recipient is a permanent failure, not an exception', async () => {
    const client = clientFor(server.port);
    const outcome = await client.send(message({ to: 'bounced@example.jp' }));
    await client.close();
    assert.equal(outcome.status, 'permanent_failure');
    assert.equal(outcome.smtpCode, 550);
    assert.match(outcome.message, /No such user/);
  });

  it('a 451 for the recipient is a transient failure', async () => {
    const client = clientFor(server.port);
    const outcome = await client.send(message({ to: 'busy@example.jp' }));
    await client.close();
    assert.equal(outcome.status, 'transient_failure');
    assert.equal(outcome.smtpCode, 451);
  });

  it('a malformed recipient or a header with a line break is refused before connecting, permanently', async () => {
    const client = clientFor(server.port);
    const bad = await client.send(message({ to: 'not-an-address' }));
    const injected = await client.send(message({ subject: 'hello\r\nBcc: victim@example.jp' }));
    await client.close();
    assert.equal(bad.status, 'permanent_failure');
    assert.equal(injected.status, 'permanent_failure');
  });

  it('sends 200 messages through a pool of at most 3 connections; exactly 200 arrive, each once', async () => {
    server.received.length = 0;
    const client = clientFor(server.port, { maxConnections: 3 });
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        client.send(message({ to: `guest${i}@example.jp`, idempotencyKey: `broadcast:42:customer-${i}` })),
      ),
    );
    await client.close();
    assert.equal(outcomes.filter((o) => o.status === 'accepted').length, 200);
    const mails = await server.waitForMessages(200);
    assert.equal(mails.length, 200);
    assert.equal(new Set(mails.map((m) => m.parsed.messageId)).size, 200);
    assert.equal(new Set(mails.map((m) => m.rcptTo[0])).size, 200);
    assert.ok(server.maxOpenConnections() <= 3, `at most 3 connections, saw ${server.maxOpenConnections()}`);
  });
});

describe('SMTP adapter when the server is unreachable', () => {
  it('connection refused is a transient failure', async () => {
    const client = clientFor(await closedPort(), { connectionTimeoutMs: 2000 });
    const outcome = await client.send(message());
    await client.close();
    assert.equal(outcome.status, 'transient_failure');
    assert.equal(outcome.smtpCode, null);
  });

  it('a server that accepts the connection but never greets times out as a transient failure', async () => {
    const silent: Server = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    assert.ok(address && typeof address === 'object');
    const client = clientFor(address.port, { greetingTimeoutMs: 300 });
    const outcome = await client.send(message());
    await client.close();
    silent.close();
    assert.equal(outcome.status, 'transient_failure');
  });
});

describe('SMTP adapter with AUTH', () => {
  let server: SmtpTestServer;
  before(async () => {
    server = await startSmtpTestServer({ auth: { user: 'salon-relay', pass: 'correct horse' } });
  });
  after(() => server.close());

  it('logs in with the right username and password', async () => {
    const client = clientFor(server.port, { auth: { user: 'salon-relay', pass: 'correct horse' } });
    const outcome = await client.send(message());
    await client.close();
    assert.equal(outcome.status, 'accepted');
    const [mail] = await server.waitForMessages(1);
    assert.equal(mail?.user, 'salon-relay');
  });

  it('a wrong password gets 535 from the server: a permanent failure (retrying cannot fix it)', async () => {
    const before = server.received.length;
    const client = clientFor(server.port, { auth: { user: 'salon-relay', pass: 'wrong' } });
    const outcome = await client.send(message());
    await client.close();
    assert.equal(outcome.status, 'permanent_failure');
    assert.equal(outcome.smtpCode, 535);
    assert.equal(server.received.length, before);
  });
});

describe('SMTP adapter with STARTTLS', () => {
  let tlsServer: SmtpTestServer;
  let plainServer: SmtpTestServer;
  before(async () => {
    tlsServer = await startSmtpTestServer({ starttls: true, auth: { user: 'salon-relay', pass: 'correct horse' } });
    plainServer = await startSmtpTestServer();
  });
  after(async () => {
    await tlsServer.close();
    await plainServer.close();
  });

  it('upgrades the connection before logging in and sending', async () => {
    const client = clientFor(tlsServer.port, {
      security: 'starttls',
      auth: { user: 'salon-relay', pass: 'correct horse' },
      // smtp-server's built-in certificate is self-signed.
      rejectUnauthorizedTls: false,
    });
    const outcome = await client.send(message());
    await client.close();
    assert.equal(outcome.status, 'accepted');
    const [mail] = await tlsServer.waitForMessages(1);
    assert.equal(mail?.secure, true);
    assert.equal(mail?.user, 'salon-relay');
  });

  it('refuses to send in clear when STARTTLS is required but not offered: permanent (500 to STARTTLS)', async () => {
    const client = clientFor(plainServer.port, { security: 'starttls' });
    const outcome = await client.send(message());
    await client.close();
    assert.equal(outcome.status, 'permanent_failure');
    assert.equal(outcome.smtpCode, 500);
    assert.equal(plainServer.received.length, 0);
  });
});
