import { LmsError } from '@lms-kit/core';
import type { ObservableStorage } from '@lms-kit/storage';
import { LrsSync, type LrsConfig, type SyncOptions } from '@lms-kit/xapi';
import { LmsErrorEvent } from '../events/error.js';
import { LmsSyncChangeEvent } from '../events/sync-change.js';
import { loadElement } from '../autoload.js';

/**
 * Loaded only when a provider has `lrs`: starts draining the outbox to the LRSs and reports each
 * status change as `lms-sync-change` on the provider. A bad configuration is reported as `lms-error`
 * and the learner goes on: statements stay queued.
 */
export function startSync(
  host: HTMLElement,
  storage: ObservableStorage,
  lrs: LrsConfig | LrsConfig[],
  options?: SyncOptions,
): LrsSync | undefined {
  // The status element pages show: defined once there is a sync to show.
  void loadElement('lms-sync-status');
  let sync: LrsSync;
  try {
    sync = new LrsSync(storage, lrs, options);
  } catch (error) {
    const lmsError = new LmsError('lrs/invalid-config', `The LRS configuration is not valid: ${(error as Error).message}`, {
      cause: error,
    });
    host.dispatchEvent(new LmsErrorEvent({ error: lmsError, recoverable: true }));
    return undefined;
  }
  let first = true;
  sync.subscribe((status) => {
    if (first) first = false;
    else host.dispatchEvent(new LmsSyncChangeEvent(status));
  });
  void sync.start();
  return sync;
}
