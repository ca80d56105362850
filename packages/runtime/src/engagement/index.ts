export * from './engagement-session.js';
