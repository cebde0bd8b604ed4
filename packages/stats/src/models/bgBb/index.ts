export * from './likelihood.js';
export * from './summary.js';
export * from './fit.js';
export * from './predict.js';
export * from './simulate.js';
