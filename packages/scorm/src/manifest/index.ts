/** Manifest reading on its own: `parseManifest(xml)` and the package model. */
export * from './model.js';
export { parseManifest } from './parse.js';
