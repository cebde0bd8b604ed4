export * from './customerFacts.js';
export * from './checkJourneyDefinition.js';
export * from './journeyTime.js';
export * from './advanceEnrollment.js';
export * from './triggers.js';
export * from './visitCycle.js';
export * from './presetTemplates.js';
export * from './presets.js';
