/**
 * `@lms-kit/core/authoring`: what authoring shares between the page and the server, all pure: the
 * change summary of two course versions, versions, the review workflow's rules, shared learning
 * objects and language variants.
 */
export * from './authoring/diff.js';
export * from './authoring/versions.js';
export * from './authoring/workflow.js';
export * from './authoring/objects.js';
export * from './authoring/variants.js';
export type * from './authoring/store.js';
