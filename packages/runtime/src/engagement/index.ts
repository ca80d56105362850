export * from './engagement-session.js';
export * from './notifications.js';
export * from './engagement-summary.js';
export * from './discussion-session.js';
