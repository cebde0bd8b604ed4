/**
 * A local HTTP server that answers like the LINE Messaging API's published contract, for
 * tests: bearer token, JSON bodies, at most 500 multicast recipients, X-Line-Retry-Key (a
 * repeat of an accepted key answers 409 with x-line-accepted-request-id and sends nothing),
 * 429 above a configured rate, and the quota endpoints. Faults are scripted per request.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface AcceptedSend {
  endpoint: 'push' | 'multicast';
  to: string[];
  messages: unknown[];
  retryKey: string | null;
  requestId: string;
}

/** What the next message request meets instead of the normal answer. */
export type Fault =
  | { kind: 'status'; status: number; body?: unknown; retryAfter?: string }
  /** Accept and record the send, then cut the connection: the client never sees the 200. */
  | { kind: 'drop_after_accept' };

export interface LineContractServerOptions {
  channelAccessToken: string;
  /** Message requests (push + multicast) per second above which the server answers 429. */
  ratePerSecond?: number;
  clock?: () => number;
  quota?: { type: 'none' } | { type: 'limited'; value: number };
  totalUsage?: number;
}

export interface LineContractServer {
  url: string;
  accepted: AcceptedSend[];
  /** Every message request that reached the server, in order, with the status it got. */
  log: { endpoint: string; status: number; retryKey: string | null; recipients: number }[];
  inject(...faults: Fault[]): void;
  close(): Promise<void>;
}

const RETRY_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const USER_ID = /^U[0-9a-f]{32}$/;

function reply(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', 'x-line-request-id': randomUUID(), ...headers });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
}

/** The 400 LINE gives for a body that breaks the schema. */
function invalid(property: string, message: string) {
  return { message: 'The request body has 1 error(s)', details: [{ message, property }] };
}

function checkSend(endpoint: 'push' | 'multicast', body: unknown): { to: string[]; messages: unknown[] } | object {
  if (typeof body !== 'object' || body === null) return invalid('', 'must be an object');
  const { to, messages } = body as { to?: unknown; messages?: unknown };
  if (!Array.isArray(messages) || messages.length < 1 || messages.length > 5) {
    return invalid('messages', 'Size must be between 1 and 5');
  }
  const recipients = endpoint === 'push' ? [to] : to;
  if (!Array.isArray(recipients) || recipients.length < 1) return invalid('to', 'Size must be between 1 and 500');
  if (recipients.length > 500) return invalid('to', 'Size must be between 1 and 500');
  if (!recipients.every((id): id is string => typeof id === 'string' && USER_ID.test(id))) {
    return invalid('to', 'Invalid user id');
  }
  return { to: recipients, messages };
}

export async function startLineContractServer(options: LineContractServerOptions): Promise<LineContractServer> {
  const clock = options.clock ?? Date.now;
  const accepted: AcceptedSend[] = [];
  const log: LineContractServer['log'] = [];
  const faults: Fault[] = [];
  const acceptedKeys = new Map<string, string>();
  const recent: number[] = [];

  const overRate = () => {
    if (options.ratePerSecond === undefined) return false;
    const now = clock();
    while (recent.length > 0 && recent[0]! <= now - 1000) recent.shift();
    if (recent.length >= options.ratePerSecond) return true;
    recent.push(now);
    return false;
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (req.headers.authorization !== `Bearer ${options.channelAccessToken}`) {
      return reply(res, 401, {
        message: 'Authentication failed. Confirm that the access token in the authorization header is valid.',
      });
    }
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (req.method === 'GET' && path === '/v2/bot/message/quota') {
      return reply(res, 200, options.quota ?? { type: 'none' });
    }
    if (req.method === 'GET' && path === '/v2/bot/message/quota/consumption') {
      return reply(res, 200, { totalUsage: options.totalUsage ?? 0 });
    }
    const endpoint =
      path === '/v2/bot/message/push' ? 'push' : path === '/v2/bot/message/multicast' ? 'multicast' : null;
    if (req.method !== 'POST' || !endpoint) return reply(res, 404, { message: 'Not found' });

    const retryHeader = req.headers['x-line-retry-key'];
    const retryKey = typeof retryHeader === 'string' ? retryHeader : null;
    const record = (status: number, recipients = 0) => log.push({ endpoint, status, retryKey, recipients });
    if (!String(req.headers['content-type']).startsWith('application/json')) {
      record(415);
      return reply(res, 415, { message: 'Unsupported Media Type' });
    }
    let body: unknown;
    try {
      body = await readJson(req);
    } catch {
      record(400);
      return reply(res, 400, { message: 'The request body could not be parsed as JSON' });
    }
    if (retryKey !== null && !RETRY_KEY.test(retryKey)) {
      record(400);
      return reply(res, 400, { message: "The value for the 'X-Line-Retry-Key' header is invalid" });
    }
    if (overRate()) {
      record(429);
      return reply(res, 429, { message: 'Too Many Requests' });
    }
    const fault = faults.shift();
    if (fault?.kind === 'status') {
      record(fault.status);
      return reply(
        res,
        fault.status,
        fault.body ?? { message: 'Injected failure' },
        fault.retryAfter ? { 'retry-after': fault.retryAfter } : {},
      );
    }
    const previous = retryKey ? acceptedKeys.get(retryKey) : undefined;
    if (previous) {
      record(409);
      return reply(
        res,
        409,
        { message: 'The retry key is already accepted', sentMessages: [] },
        { 'x-line-accepted-request-id': previous },
      );
    }
    const send = checkSend(endpoint, body);
    if (!('to' in send)) {
      record(400);
      return reply(res, 400, send);
    }
    const requestId = randomUUID();
    accepted.push({ endpoint, to: send.to, messages: send.messages, retryKey, requestId });
    if (retryKey) acceptedKeys.set(retryKey, requestId);
    record(200, send.to.length);
    if (fault?.kind === 'drop_after_accept') {
      res.socket?.destroy();
      return;
    }
    return reply(
      res,
      200,
      { sentMessages: send.messages.map(() => ({ id: randomUUID(), quoteToken: randomUUID() })) },
      { 'x-line-request-id': requestId },
    );
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      res.writeHead(500);
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    accepted,
    log,
    inject: (...more) => faults.push(...more),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
