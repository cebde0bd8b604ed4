export * from './lineSettings.js';
export * from './lineLinkCodes.js';
export * from './lineWebhook.js';
export * from './channelPort.js';
export * from './emailUnsubscribe.js';
export * from './emailSettings.js';
