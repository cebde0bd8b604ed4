/**
 * The benchmark's mail server: a real SMTP server (smtp-server) in its own process that
 * reads every message to the end, counts messages and distinct recipients, and reports the
 * counts over IPC when asked. Unlike the test server it keeps no message, so it stays
 * light at 100,000 messages and the benchmark measures the sender.
 */
import { SMTPServer } from 'smtp-server';

let messages = 0;
let bytes = 0;
const recipients = new Set<string>();

const server = new SMTPServer({
  logger: false,
  secure: false,
  disabledCommands: ['STARTTLS', 'AUTH'],
  authOptional: true,
  // The sender's pool opens a few connections; the default limit is far above that.
  maxClients: 200,
  onData(stream, session, callback) {
    stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
    stream.on('end', () => {
      messages += 1;
      for (const r of session.envelope.rcptTo) recipients.add(r.address);
      callback();
    });
  },
});

process.on('message', () => process.send?.({ type: 'counts', messages, recipients: recipients.size, bytes }));
server.listen(0, '127.0.0.1', () => {
  const address = server.server.address();
  process.send?.({ type: 'ready', port: typeof address === 'object' && address ? address.port : 0 });
});
