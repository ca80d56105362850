export * from './model.js';
export * from './awards.js';
export * from './badges.js';
export * from './levels.js';
export * from './streak.js';
export * from './validate.js';
export * from './course-facts.js';
export * from './reminders.js';
