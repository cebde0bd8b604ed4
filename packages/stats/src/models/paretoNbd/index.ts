export * from './likelihood.js';
export * from './fit.js';
export * from './predict.js';
export * from './pmf.js';
export * from './simulate.js';
