export * from './webhookSignature.js';
export * from './webhookPorts.js';
export * from './webhookUseCases.js';
export * from './sendWebhookCalls.js';
