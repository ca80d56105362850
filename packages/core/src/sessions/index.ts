export * from './model.js';
export * from './lesson-kind.js';
export * from './time.js';
export * from './ics.js';
