import type { Statement } from '@lms-kit/core';
import type { StorageAdapter, StoredRecord } from '@lms-kit/storage';

export const DEAD_LETTERS = 'xapi-dead-letters';

/** A statement an LRS refused, kept with the LRS's reason so nothing is silently lost. */
export interface DeadLetter extends StoredRecord {
  statement: Statement;
  /** Endpoint of the LRS that refused it. */
  lrs: string;
  status: number;
  reason: string;
  failedAt: string;
}

export function deadLetterId(statementId: string, lrsKey: string): string {
  return `${statementId}|${lrsKey}`;
}

export interface DeadLetterInput {
  statement: Statement;
  lrs: string;
  status: number;
  reason: string;
  failedAt: string;
}

export async function putDeadLetter(storage: StorageAdapter, letter: DeadLetterInput, lrsKey: string): Promise<DeadLetter> {
  const record: DeadLetter = { id: deadLetterId(letter.statement.id, lrsKey), ...letter };
  await storage.putRecord(DEAD_LETTERS, record);
  return record;
}

export function listDeadLetters(storage: StorageAdapter): Promise<DeadLetter[]> {
  return storage.listRecords<DeadLetter>(DEAD_LETTERS).then((letters) => letters.sort((a, b) => a.failedAt.localeCompare(b.failedAt)));
}

/** Queues dead letters again (after the cause was fixed) and removes them; resolves to how many. */
export async function requeueDeadLetters(storage: StorageAdapter, ids?: string[]): Promise<number> {
  const letters = (await listDeadLetters(storage)).filter((letter) => !ids || ids.includes(letter.id));
  const unique = new Map(letters.map((letter) => [letter.statement.id, letter.statement]));
  if (unique.size) await storage.enqueueStatements([...unique.values()]);
  for (const letter of letters) await storage.deleteRecord(DEAD_LETTERS, letter.id);
  return unique.size;
}
