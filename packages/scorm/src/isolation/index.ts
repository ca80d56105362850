/** Isolated mode: package content served from a content origin of its own, its SCORM API bridged by postMessage. */
export { launchIsolated, contentOrigin, newLaunchId, relayBase, type IsolatedLaunch, type IsolatedLaunchOptions } from './bridge.js';
export { CONTENT_SANDBOX } from './protocol.js';
