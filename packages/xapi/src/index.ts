export { LrsSync } from './sync/lrs-sync.js';
export type { SyncStatus, LrsStatus, LrsState, SyncListener } from './sync/status.js';
export { DEAD_LETTERS, listDeadLetters, requeueDeadLetters, type DeadLetter } from './sync/dead-letters.js';
export { LrsClient, parseRetryAfter, type PostOutcome } from './lrs/client.js';
export { sendBatch, type BatchResult, type Rejection } from './sync/batch-sender.js';
export { normalizeLrs, type LrsConfig, type SyncOptions, type TokenReason } from './lrs/config.js';
export { validateBeforeQueueing } from './validating-storage.js';
