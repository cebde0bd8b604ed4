export * from './templateTypes.js';
export * from './templateContext.js';
export * from './flexMessage.js';
export * from './liquidEngines.js';
export * from './renderTemplate.js';
export * from './checkTemplateSyntax.js';
