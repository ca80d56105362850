import { OFFLINE_CHANNEL } from './offline-index.js';

/** What changed in the list of offline courses. */
export interface OfflineChange {
  courseUrl: string;
  /** `saved`: a copy (or a newer version of it) is ready; `removed`: the copy is gone; `pending`: a download started or stopped half-way. */
  change: 'saved' | 'removed' | 'pending';
}

const local = new EventTarget();
let channel: BroadcastChannel | undefined;

/** Tells this page's listeners, other tabs and the service worker that a copy changed. */
export function announceOfflineChange(detail: OfflineChange): void {
  local.dispatchEvent(new CustomEvent('change', { detail }));
  channel ??= typeof BroadcastChannel === 'function' ? new BroadcastChannel(OFFLINE_CHANNEL) : undefined;
  channel?.postMessage(detail);
}

/**
 * Calls `listener` whenever an offline copy is saved, updated, removed or left half-way, in this tab or
 * another one (a list such as "my learning" refreshes its sizes with it). Returns the unsubscribe function.
 */
export function onOfflineChange(listener: (change: OfflineChange) => void): () => void {
  const fromHere = (event: Event) => listener((event as CustomEvent<OfflineChange>).detail);
  const other = typeof BroadcastChannel === 'function' ? new BroadcastChannel(OFFLINE_CHANNEL) : undefined;
  local.addEventListener('change', fromHere);
  other?.addEventListener('message', (event) => listener(event.data as OfflineChange));
  return () => {
    local.removeEventListener('change', fromHere);
    other?.close();
  };
}
