/** xAPI statement building on its own, for code that loads it once a course is open. */
export * from './xapi/model.js';
export * from './xapi/vocabulary.js';
export * from './xapi/duration.js';
export * from './xapi/statements.js';
