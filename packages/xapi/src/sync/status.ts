import type { LmsError } from '@lms-kit/core';

export type LrsState =
  /** Up to date, or waiting for statements. */
  | 'idle'
  | 'sending'
  /** A network error, 5xx or 429: trying again at `retryAt`. */
  | 'waiting'
  /** 401/403 or a rejection of every statement: nothing more is sent until `resume()`. */
  | 'stopped';

export interface LrsStatus {
  name: string;
  endpoint: string;
  state: LrsState;
  /** When the next try is due (ISO 8601), while `waiting`. */
  retryAt?: string;
  error?: LmsError;
  lastSyncedAt?: string;
}

/** What the sync is doing, as told by `lms-sync-change`. */
export interface SyncStatus {
  /** Statements queued on this device and not yet accepted by every LRS. */
  pending: number;
  /** Statements an LRS refused (400): kept aside with its reason, see `deadLetters()`. */
  deadLetters: number;
  /** True while a batch is on its way. */
  syncing: boolean;
  /** The latest failure of any LRS, until that LRS succeeds again. */
  lastError?: LmsError;
  lastSyncedAt?: string;
  lrs: LrsStatus[];
}

export type SyncListener = (status: SyncStatus) => void;
