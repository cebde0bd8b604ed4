import type { EmailMessage, EmailMessagingPort, EmailSendOutcome } from '@kayoi/core';
import nodemailer from 'nodemailer';
import { z } from 'zod';
import { emailMessageIdFor, listUnsubscribeHeaders } from './emailHeaders.js';
import { buildMimeMessage } from './mimeMessage.js';
import { emailOutcomeOfError } from './smtpOutcome.js';

/** 'tls' = implicit TLS (port 465); 'starttls' = plain then STARTTLS, required (587); 'none' = no TLS (tests, local relays). */
export type SmtpSecurity = 'tls' | 'starttls' | 'none';

export interface SmtpClientOptions {
  host: string;
  port: number;
  security: SmtpSecurity;
  auth?: { user: string; pass: string } | undefined;
  /** Simultaneous connections to the server; providers limit these per account. */
  maxConnections?: number;
  /** Messages per connection before it is replaced. */
  maxMessagesPerConnection?: number;
  connectionTimeoutMs?: number;
  greetingTimeoutMs?: number;
  socketTimeoutMs?: number;
  /** Set false only for a relay with a self-signed certificate on a private network. */
  rejectUnauthorizedTls?: boolean;
  /** For the Date header; tests pass a fixed time. */
  clock?: () => Date;
}

/** CR or LF in a header would let a value start a new header (header injection). */
const headerSafe = z.string().regex(/^[^\r\n]*$/, 'no line breaks in headers');
const Address = z.email();
const Message = z.object({
  from: z.object({ name: headerSafe.optional(), address: Address }),
  to: Address,
  replyTo: Address.optional(),
  subject: headerSafe,
  html: z.string(),
  text: z.string(),
  headers: z.record(z.string().regex(/^[A-Za-z0-9-]+$/), headerSafe).optional(),
  idempotencyKey: z.string().min(1),
  unsubscribe: z
    .object({ url: z.url({ protocol: /^https?$/ }).pipe(headerSafe), mailto: Address.optional() })
    .optional(),
});

/**
 * The email adapter: SMTP through nodemailer's connection pool. One client per tenant's SMTP
 * settings; `close()` when the settings change or the worker stops.
 */
export function smtpClient(options: SmtpClientOptions): EmailMessagingPort {
  const clock = options.clock ?? (() => new Date());
  const transport = nodemailer.createTransport({
    pool: true,
    host: options.host,
    port: options.port,
    secure: options.security === 'tls',
    requireTLS: options.security === 'starttls',
    ignoreTLS: options.security === 'none',
    auth: options.auth,
    maxConnections: options.maxConnections ?? 5,
    maxMessages: options.maxMessagesPerConnection ?? 100,
    connectionTimeout: options.connectionTimeoutMs ?? 30_000,
    greetingTimeout: options.greetingTimeoutMs ?? 30_000,
    socketTimeout: options.socketTimeoutMs ?? 60_000,
    tls: { rejectUnauthorized: options.rejectUnauthorizedTls ?? true },
  });

  async function send(input: EmailMessage): Promise<EmailSendOutcome> {
    const messageId = emailMessageIdFor(input.idempotencyKey, input.from.address);
    const parsed = Message.safeParse(input);
    if (!parsed.success) {
      // A malformed address or header is fixed by changing the data, never by retrying.
      return { status: 'permanent_failure', messageId, smtpCode: null, message: z.prettifyError(parsed.error) };
    }
    const message = parsed.data;
    const headers = {
      ...message.headers,
      ...(message.unsubscribe ? listUnsubscribeHeaders(message.unsubscribe) : {}),
    };
    try {
      const info = await transport.sendMail({
        envelope: { from: message.from.address, to: [message.to] },
        raw: buildMimeMessage({
          from: message.from,
          to: message.to,
          replyTo: message.replyTo,
          subject: message.subject,
          html: message.html,
          text: message.text,
          messageId,
          date: clock(),
          headers,
        }),
      });
      return { status: 'accepted', messageId, response: info.response };
    } catch (error) {
      return emailOutcomeOfError(error, messageId);
    }
  }

  return {
    send,
    async close() {
      transport.close();
    },
  };
}
