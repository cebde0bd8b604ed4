export * from './fields.js';
export * from './cellParsers.js';
export * from './rowErrors.js';
export * from './customerRow.js';
export * from './visitRow.js';
