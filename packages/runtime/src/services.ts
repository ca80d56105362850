import type { Learner, Statement } from '@lms-kit/core';
import type { ObservableStorage } from '@lms-kit/storage';
import { sendWithBacklog } from './statement-backlog.js';

/** What a session needs from the page: where to keep progress, and who is learning. */
export interface SessionServices {
  storage: ObservableStorage;
  learner: Learner;
}

/** Services and hooks every session takes in its one options object; all have defaults. */
export interface SessionOptions {
  /** Storage and learner; may also be given when the session starts (an element gets them from its provider). */
  services?: SessionServices;
  /** The time now. Default: the system clock. */
  clock?: () => Date;
  /** Where xAPI statements go. Default: the storage adapter's outbox (`storage.enqueueStatements`). */
  statements?: (statements: Statement[]) => Promise<void>;
}

/**
 * Sends statements to the sink of the options, or to the storage's outbox. Statements the sink
 * refuses (storage full) are held and sent again, first, with the next ones: none is lost.
 */
export function statementSink(options: SessionOptions, services: SessionServices | undefined) {
  if (options.statements) return (statements: Statement[]) => sendWithBacklog('custom-sink', options.statements!, statements);
  if (!services) return () => Promise.resolve();
  const { storage } = services;
  return (statements: Statement[]) => sendWithBacklog(storage.scope, (batch) => storage.enqueueStatements(batch), statements);
}
