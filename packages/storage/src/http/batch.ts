/**
 * Writes sent together as one `POST v1/batch` (a server that runs batches; see @lms-kit/server): each
 * item is the single request it stands for, with its own precondition, and gets its own outcome.
 */
import { LmsError, type LmsErrorCode } from '@lms-kit/core';

export interface BatchWrite {
  method: 'PUT' | 'POST' | 'DELETE';
  /** `v1/…`, as the single request's path. */
  path: string;
  body?: unknown;
  ifMatch?: string;
  ifNoneMatch?: '*';
}

export interface BatchResult {
  status: number;
  etag?: string;
  body?: unknown;
}

/** Most items one batch may carry (the server's limit). */
export const BATCH_LIMIT = 100;

/** The item's failure as the single request would have thrown it, or undefined when it succeeded. */
export function batchItemError(result: BatchResult): LmsError | undefined {
  if (result.status >= 200 && result.status < 300) return undefined;
  const error = (result.body as { error?: { code?: string; message?: string } } | undefined)?.error;
  return new LmsError(
    (error?.code as LmsErrorCode | undefined) ?? 'storage/failed',
    error?.message ?? `The server answered ${result.status} to a write of the batch.`,
  );
}
