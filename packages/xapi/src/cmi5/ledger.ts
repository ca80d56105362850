import type { Statement } from '@lms-kit/core';
import type { StorageAdapter } from '@lms-kit/storage';
import { Cmi5Collections, type Cmi5StoredStatement } from './records.js';

/**
 * Keeps statements the LMS side accepted or wrote (for GET by id and cmi5 rules) and queues them in
 * the outbox, from where the sync forwards them to the configured LRSs.
 */
export async function recordStatements(
  storage: StorageAdapter,
  statements: Statement[],
  owner: { learnerId: string; sessionId?: string },
): Promise<void> {
  if (statements.length === 0) return;
  for (const statement of statements) {
    const record: Cmi5StoredStatement = {
      id: statement.id,
      statement,
      learnerId: owner.learnerId,
      registration: statement.context?.registration,
      sessionId: owner.sessionId,
    };
    await storage.putRecord(Cmi5Collections.statements, record);
  }
  await storage.enqueueStatements(statements);
}
