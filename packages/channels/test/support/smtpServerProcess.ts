/**
 * A real SMTP server in its own process (smtp-server), for the email adapter's tests. Started
 * by smtpTestServer.ts with fork(); configured through KAYOI_SMTP_TEST_CONFIG; reports over IPC.
 * A separate process means the client meets a real socket peer with its own event loop, as it
 * would a provider's relay.
 */
import { SMTPServer } from 'smtp-server';
import { z } from 'zod';

export const SmtpTestConfig = z.object({
  /** Recipient address → the reply its RCPT TO gets (e.g. 550 or 451). */
  rcptReplies: z.record(z.string(), z.object({ code: z.number().int(), message: z.string() })).default({}),
  auth: z.object({ user: z.string(), pass: z.string() }).optional(),
  /** Offer STARTTLS (with smtp-server's built-in self-signed certificate). */
  starttls: z.boolean().default(false),
});
export type SmtpTestConfig = z.input<typeof SmtpTestConfig>;

export type SmtpServerEvent =
  | { type: 'ready'; port: number }
  | {
      type: 'message';
      raw: string;
      mailFrom: string | null;
      rcptTo: string[];
      user: string | null;
      /** Whether the message came over TLS (after STARTTLS). */
      secure: boolean;
      maxOpenConnections: number;
    };

const config = SmtpTestConfig.parse(JSON.parse(process.env.KAYOI_SMTP_TEST_CONFIG ?? '{}'));
const report = (event: SmtpServerEvent) => process.send?.(event);
let open = 0;
let maxOpen = 0;

const server = new SMTPServer({
  logger: false,
  secure: false,
  // Plain unless asked: most cases test SMTP replies, not TLS.
  disabledCommands: [...(config.starttls ? [] : ['STARTTLS']), ...(config.auth ? [] : ['AUTH'])],
  allowInsecureAuth: !config.starttls,
  authOptional: !config.auth,
  onConnect(_session, callback) {
    open += 1;
    maxOpen = Math.max(maxOpen, open);
    callback();
  },
  onClose() {
    open -= 1;
  },
  onAuth(auth, _session, callback) {
    if (config.auth && auth.username === config.auth.user && auth.password === config.auth.pass) {
      callback(null, { user: auth.username });
    } else {
      callback(new Error('Invalid username or password'));
    }
  },
  onRcptTo(address, _session, callback) {
    const reply = config.rcptReplies[address.address.toLowerCase()];
    if (!reply) return callback();
    callback(Object.assign(new Error(reply.message), { responseCode: reply.code }));
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      const mailFrom = session.envelope.mailFrom;
      report({
        type: 'message',
        raw: Buffer.concat(chunks).toString('base64'),
        mailFrom: mailFrom ? mailFrom.address : null,
        rcptTo: session.envelope.rcptTo.map((r) => r.address),
        user: typeof session.user === 'string' ? session.user : null,
        secure: session.secure,
        maxOpenConnections: maxOpen,
      });
      callback();
    });
  },
});

server.listen(0, '127.0.0.1', () => {
  const address = server.server.address();
  if (address && typeof address === 'object') report({ type: 'ready', port: address.port });
});
// The test process went away (finished or crashed): do not outlive it.
process.on('disconnect', () => server.close(() => process.exit(0)));
