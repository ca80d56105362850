export * from './engagement-session.js';
export * from './notifications.js';
