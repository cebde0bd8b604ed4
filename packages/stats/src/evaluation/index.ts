export * from './holdout.js';
