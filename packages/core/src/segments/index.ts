export * from './segmentPlan.js';
export * from './checkSegmentRule.js';
export * from './planSegmentRule.js';
export * from './walkSegmentRule.js';
export * from './segmentUseCases.js';
