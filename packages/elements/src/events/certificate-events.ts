// Certificate events live apart from events/index.ts: their classes load with the certificate chunks, not up front.
export * from './certificate-issue.js';
export * from './certificate-expiring.js';
export * from './certificate-renew.js';
export * from './certificate-verify.js';
