export * from './line/lineSignature.js';
export * from './line/lineClient.js';
export * from './line/tokenBucket.js';
export * from './line/retryPolicy.js';
export * from './email/emailHeaders.js';
export * from './email/smtpOutcome.js';
export * from './email/smtpClient.js';
export * from './email/mimeMessage.js';
