export * from './lesson-complete.js';
export * from './course-complete.js';
export * from './progress-change.js';
export * from './error.js';
export * from './lesson-select.js';
export * from './lesson-report.js';
