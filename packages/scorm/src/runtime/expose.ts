import { Scorm12API } from 'scorm-again';
import type { ScormApi } from './sco-session.js';

const owners = new WeakMap<Window, ScormApi>();

/**
 * Puts the API where SCORM content looks for it: content searches its parent frames (and their
 * opener) for `API` (1.2) or `API_1484_11` (2004), so it goes on the window that hosts the frame.
 * One SCO at a time per window, as SCORM assumes.
 */
export function exposeApi(host: Window, api: ScormApi): void {
  const target = host as unknown as Record<string, unknown>;
  const name = api instanceof Scorm12API ? 'API' : 'API_1484_11';
  delete target.API;
  delete target.API_1484_11;
  target[name] = api;
  owners.set(host, api);
}

/** Removes the API if it is still this session's (another SCO may have taken the window since). */
export function withdrawApi(host: Window, api: ScormApi): void {
  if (owners.get(host) !== api) return;
  const target = host as unknown as Record<string, unknown>;
  delete target.API;
  delete target.API_1484_11;
  owners.delete(host);
}
