import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { webhookSignatureOf } from '@kayoi/core';
import { checkPublicAddress } from '../src/webhook/publicAddress.js';
import { webhookClient } from '../src/webhook/webhookClient.js';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

describe('webhook client', () => {
  let server: Server;
  let port: number;
  const received: Received[] = [];
  let answer = 200;
  before(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(answer, answer === 302 ? { location: 'http://127.0.0.1:1/elsewhere' } : {}).end('ignored');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const event = (url: string) => ({
    url,
    secret: 'whsec_test',
    eventId: 'evt_1',
    eventType: 'webhook.test',
    body: JSON.stringify({ type: 'webhook.test', note: 'テスト' }),
  });

  it('posts the signed event where private targets are allowed, and reads the answer', async () => {
    const client = webhookClient({ targets: 'any', clock: () => 1_790_000_000 });
    answer = 200;
    const sent = event(`http://127.0.0.1:${port}/kayoi`);
    assert.deepEqual(await client.post(sent), { status: 'accepted', httpStatus: 200 });
    const last = received.at(-1)!;
    assert.equal(last.body, sent.body);
    assert.equal(last.headers['kayoi-event-id'], 'evt_1');
    assert.equal(last.headers['kayoi-signature'], webhookSignatureOf('whsec_test', 1_790_000_000, sent.body));
    const outcomes = [];
    for (const status of [404, 302, 429, 503]) {
      answer = status;
      outcomes.push(await client.post(sent));
    }
    assert.deepEqual(
      outcomes.map((o) => [o.status, o.httpStatus]),
      [
        ['permanent_failure', 404],
        ['permanent_failure', 302],
        ['transient_failure', 429],
        ['transient_failure', 503],
      ],
    );
  });

  it('refuses loopback and private targets by default, by address or by name, without connecting', async () => {
    const client = webhookClient();
    const before = received.length;
    for (const url of [
      `http://127.0.0.1:${port}/kayoi`,
      `http://localhost:${port}/kayoi`,
      `http://[::1]:${port}/kayoi`,
      'https://169.254.169.254/latest/meta-data',
      'https://10.0.0.8/hook',
    ]) {
      const outcome = await client.post(event(url));
      assert.ok(outcome.status === 'permanent_failure', url);
      assert.equal(outcome.httpStatus, null);
      assert.match(outcome.message, /not a public internet address/, url);
    }
    assert.equal(received.length, before);
  });

  it('counts as transient a target that does not answer', async () => {
    const client = webhookClient({ targets: 'any' });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const freePort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const outcome = await client.post(event(`http://127.0.0.1:${freePort}/`));
    assert.deepEqual([outcome.status, outcome.httpStatus], ['transient_failure', null]);
  });
});

describe('public addresses', () => {
  it('tells the public internet from private, loopback, link-local and special ranges', () => {
    const publicOnes = ['8.8.8.8', '172.32.0.1', '100.128.0.1', '2001:4860:4860::8888', '::ffff:8.8.8.8'];
    const privateOnes = [
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '127.0.0.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      '::1',
      '::',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      'localhost',
      '',
    ];
    assert.deepEqual(
      publicOnes.filter((a) => !checkPublicAddress(a)),
      [],
    );
    assert.deepEqual(
      privateOnes.filter((a) => checkPublicAddress(a)),
      [],
    );
  });
});
