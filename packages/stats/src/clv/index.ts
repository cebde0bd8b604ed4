export * from './customerLifetimeValue.js';
