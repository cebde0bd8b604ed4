import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { SmtpServerEvent, SmtpTestConfig } from './smtpServerProcess.js';

export interface ReceivedMail {
  readonly parsed: ParsedMail;
  /** The message as it crossed the wire, to check encodings. */
  readonly raw: string;
  readonly mailFrom: string | null;
  readonly rcptTo: readonly string[];
  readonly user: string | null;
  readonly secure: boolean;
}

export interface SmtpTestServer {
  readonly port: number;
  readonly received: ReceivedMail[];
  /** Most connections the server had open at once. */
  maxOpenConnections(): number;
  waitForMessages(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

const entry = fileURLToPath(new URL('./smtpServerProcess.ts', import.meta.url));

/** Starts smtpServerProcess.ts in a child process and collects what it receives, parsed by mailparser. */
export async function startSmtpTestServer(config: SmtpTestConfig = {}): Promise<SmtpTestServer> {
  const child: ChildProcess = fork(entry, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, KAYOI_SMTP_TEST_CONFIG: JSON.stringify(config) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const received: ReceivedMail[] = [];
  let maxOpen = 0;
  let parsing = Promise.resolve();

  child.on('message', (event: SmtpServerEvent) => {
    if (event.type !== 'message') return;
    maxOpen = Math.max(maxOpen, event.maxOpenConnections);
    const raw = Buffer.from(event.raw, 'base64');
    // Parsed in arrival order so `received` keeps the server's order.
    parsing = parsing.then(async () => {
      received.push({
        parsed: await simpleParser(raw),
        raw: raw.toString('utf8'),
        mailFrom: event.mailFrom,
        rcptTo: event.rcptTo,
        user: event.user,
        secure: event.secure,
      });
    });
  });

  const port = await new Promise<number>((resolve, reject) => {
    const onReady = (event: SmtpServerEvent) => {
      if (event.type === 'ready') {
        child.off('message', onReady);
        resolve(event.port);
      }
    };
    child.on('message', onReady);
    child.once('exit', (code) => reject(new Error(`SMTP test server exited early (${code})`)));
  });

  return {
    port,
    received,
    maxOpenConnections: () => maxOpen,
    async waitForMessages(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        await parsing;
      }
      await parsing;
      return received;
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.disconnect();
      }),
  };
}
