import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { lineClient, type LineClientOptions } from '../src/index.js';
import { startLineContractServer, type LineContractServer } from './support/lineContractServer.js';

const TOKEN = 'test-channel-access-token-0123456789';
const messages = [{ type: 'text', text: 'ご来店ありがとうございました' }];
const userId = (n: number) => `U${n.toString(16).padStart(32, '0')}`;

/** Time that passes only when the client sleeps, so backoff and throttling are exact and instant. */
function fakeTime() {
  const time = { now: 1_700_000_000_000, sleeps: [] as number[] };
  return {
    time,
    clock: () => time.now,
    sleep: async (ms: number) => {
      time.sleeps.push(ms);
      time.now += ms;
    },
  };
}

describe('LINE client against the contract server', () => {
  let server: LineContractServer;
  let time: ReturnType<typeof fakeTime>;
  const client = (extra: Partial<LineClientOptions> = {}) =>
    lineClient({
      baseUrl: server.url,
      channelAccessToken: TOKEN,
      clock: time.clock,
      sleep: time.sleep,
      random: () => 0.5,
      ...extra,
    });

  before(async () => {
    time = fakeTime();
    server = await startLineContractServer({
      channelAccessToken: TOKEN,
      quota: { type: 'limited', value: 5000 },
      totalUsage: 1234,
    });
  });
  beforeEach(() => {
    server.accepted.length = 0;
    server.log.length = 0;
    time.time.sleeps.length = 0;
  });
  after(() => server.close());

  it('splits 1,201 recipients into batches of 500, 500 and 201, each with its own retry key', async () => {
    const ids = Array.from({ length: 1201 }, (_, i) => userId(i));
    const keys = [randomUUID(), randomUUID(), randomUUID()];
    const outcomes = await client().multicast(ids, messages, (i) => keys[i]!);
    assert.deepEqual(
      outcomes.map((o) => [o.batchIndex, o.userIds.length, o.retryKey, o.outcome.status]),
      [
        [0, 500, keys[0], 'accepted'],
        [1, 500, keys[1], 'accepted'],
        [2, 201, keys[2], 'accepted'],
      ],
    );
    assert.deepEqual(
      server.accepted.map((a) => [a.endpoint, a.to.length, a.retryKey]),
      keys.map((k, i) => ['multicast', i < 2 ? 500 : 201, k]),
    );
    assert.deepEqual(
      server.accepted.flatMap((a) => a.to),
      ids,
    );
  });

  it('the server refuses more than 500 recipients (the client never sends them)', async () => {
    const res = await fetch(`${server.url}/v2/bot/message/multicast`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ to: Array.from({ length: 501 }, (_, i) => userId(i)), messages }),
    });
    assert.equal(res.status, 400);
    assert.equal(server.accepted.length, 0);
  });

  it('a retry after a lost response is answered 409, counted as sent, and sent once', async () => {
    server.inject({ kind: 'drop_after_accept' });
    const key = randomUUID();
    const outcome = await client().push(userId(7), messages, key);
    assert.equal(outcome.status, 'accepted');
    assert.ok(outcome.status === 'accepted' && outcome.alreadyAccepted && outcome.attempts === 2);
    assert.equal(outcome.requestId, server.accepted[0]?.requestId, 'the accepted request id is reported');
    assert.equal(server.accepted.length, 1, 'LINE recorded the message once');
    assert.deepEqual(
      server.log.map((l) => l.status),
      [200, 409],
    );
    // The same key sent again later (a re-run job) is still not a second message.
    const again = await client().push(userId(7), messages, key);
    assert.ok(again.status === 'accepted' && again.alreadyAccepted);
    assert.equal(server.accepted.length, 1);
  });

  it('429 is retried after Retry-After, then succeeds', async () => {
    server.inject({ kind: 'status', status: 429, retryAfter: '3', body: { message: 'Too Many Requests' } });
    const outcome = await client().push(userId(1), messages, randomUUID());
    assert.ok(outcome.status === 'accepted' && outcome.attempts === 2 && !outcome.alreadyAccepted);
    assert.deepEqual(time.time.sleeps, [3000]);
    assert.equal(server.accepted.length, 1);
  });

  it('5xx is retried with growing, jittered waits, and reported exhausted after the last attempt', async () => {
    const fail = { kind: 'status', status: 500, body: { message: 'Internal server error' } } as const;
    server.inject(fail, fail, fail, fail);
    const outcome = await client({ maxAttempts: 4, backoff: { baseMs: 100, maxMs: 250 } }).push(
      userId(2),
      messages,
      randomUUID(),
    );
    assert.deepEqual(outcome, {
      status: 'transient_failure_exhausted',
      providerStatus: 500,
      message: 'Internal server error',
      attempts: 4,
    });
    // random() = 0.5 of 100, 200, then the 250 ms cap
    assert.deepEqual(time.time.sleeps, [50, 100, 125]);
    assert.equal(server.accepted.length, 0);
  });

  it('a 400 is a permanent failure with LINE’s message, not retried', async () => {
    const outcome = await client().push('not-a-user', messages, randomUUID());
    assert.deepEqual(outcome, {
      status: 'permanent_failure',
      providerStatus: 400,
      message: 'The request body has 1 error(s) (to: Invalid user id)',
      attempts: 1,
    });
    assert.equal(server.log.length, 1);
  });

  it('a wrong token is a permanent 401, and the monthly limit 429 is not retried', async () => {
    const denied = await client({ channelAccessToken: 'wrong-token-xxxxxxxxxxxxxxxx' }).push(
      userId(3),
      messages,
      randomUUID(),
    );
    assert.ok(denied.status === 'permanent_failure' && denied.providerStatus === 401);
    server.inject({ kind: 'status', status: 429, body: { message: 'You have reached your monthly limit.' } });
    const limited = await client().push(userId(3), messages, randomUUID());
    assert.ok(limited.status === 'permanent_failure' && limited.providerStatus === 429 && limited.attempts === 1);
  });

  it('a malformed retry key is refused by LINE (400) and reported, not retried', async () => {
    const outcome = await client().push(userId(4), messages, 'job-42');
    assert.ok(outcome.status === 'permanent_failure' && outcome.providerStatus === 400, JSON.stringify(outcome));
    assert.match(outcome.message, /X-Line-Retry-Key/);
    assert.equal(server.accepted.length, 0);
  });

  it('reads the monthly quota and this month’s usage', async () => {
    assert.deepEqual(await client().quota(), {
      status: 'ok',
      quota: { type: 'limited', limit: 5000, totalUsage: 1234 },
    });
  });
});

describe('client-side throttle', () => {
  it('keeps under the server’s rate: no 429, and the time taken matches the rate', async () => {
    const time = fakeTime();
    const server = await startLineContractServer({ channelAccessToken: TOKEN, ratePerSecond: 10, clock: time.clock });
    try {
      const client = lineClient({
        baseUrl: server.url,
        channelAccessToken: TOKEN,
        clock: time.clock,
        sleep: time.sleep,
        rateLimits: { pushPerSecond: 10 },
      });
      const start = time.time.now;
      const outcomes = [];
      for (let i = 0; i < 35; i++) outcomes.push(await client.push(userId(i), messages, randomUUID()));
      assert.ok(outcomes.every((o) => o.status === 'accepted' && o.attempts === 1));
      assert.equal(server.log.filter((l) => l.status === 429).length, 0);
      assert.equal(server.accepted.length, 35);
      // One every 100 ms: the first at once, 34 more take 3.4 s.
      assert.equal(time.time.now - start, 3400);
    } finally {
      await server.close();
    }
  });

  it('without it (a rate above the server’s), the server answers 429 and the client backs off', async () => {
    const time = fakeTime();
    const server = await startLineContractServer({ channelAccessToken: TOKEN, ratePerSecond: 10, clock: time.clock });
    try {
      const client = lineClient({
        baseUrl: server.url,
        channelAccessToken: TOKEN,
        clock: time.clock,
        sleep: time.sleep,
        random: () => 1,
        rateLimits: { pushPerSecond: 1000 },
      });
      const outcomes = [];
      for (let i = 0; i < 15; i++) outcomes.push(await client.push(userId(i), messages, randomUUID()));
      assert.ok(server.log.some((l) => l.status === 429));
      assert.ok(
        outcomes.every((o) => o.status === 'accepted'),
        'backoff still gets everything through',
      );
      assert.equal(server.accepted.length, 15);
    } finally {
      await server.close();
    }
  });
});
