export * from './catalog-items.js';
export * from './catalog-session.js';
export * from './my-learning.js';
export * from './my-learning-session.js';
