import type { OutboxEntry } from '@lms-kit/storage';
import type { LrsClient, PostOutcome } from '../lrs/client.js';

export interface Rejection {
  entry: OutboxEntry;
  status: number;
  reason: string;
}

export interface BatchResult {
  /** How many entries from the start of the batch are settled (stored, already there, or rejected). */
  settled: number;
  /** Entries the LRS refused one by one (400…), to become dead letters. */
  rejections: Rejection[];
  /** Why the rest could not be settled: retry later, or stop. */
  blocked?: Extract<PostOutcome, { kind: 'retry' | 'unauthorized' }>;
  requests: number;
}

/**
 * Sends entries as one POST. A 400 (or a 409) for the whole batch is narrowed down by bisection,
 * in order, so one bad statement is found in log2(n) steps and everything else gets through. A 409
 * for a single statement means an identical id is already stored: that statement is delivered.
 */
export async function sendBatch(client: LrsClient, entries: OutboxEntry[], timeoutMs: number): Promise<BatchResult> {
  const result: BatchResult = { settled: 0, rejections: [], requests: 0 };
  await send(client, entries, timeoutMs, result);
  return result;
}

async function send(client: LrsClient, entries: OutboxEntry[], timeoutMs: number, result: BatchResult): Promise<boolean> {
  result.requests++;
  const outcome = await client.postStatements(
    entries.map((entry) => entry.statement),
    { signal: AbortSignal.timeout(timeoutMs) },
  );
  if (outcome.kind === 'stored' || (outcome.kind === 'conflict' && entries.length === 1)) {
    result.settled += entries.length;
    return true;
  }
  if (outcome.kind === 'retry' || outcome.kind === 'unauthorized') {
    result.blocked = outcome;
    return false;
  }
  if (entries.length === 1) {
    const status = outcome.kind === 'rejected' ? outcome.status : 409;
    result.rejections.push({ entry: entries[0], status, reason: outcome.reason });
    result.settled += 1;
    return true;
  }
  const middle = Math.ceil(entries.length / 2);
  return (
    (await send(client, entries.slice(0, middle), timeoutMs, result)) && (await send(client, entries.slice(middle), timeoutMs, result))
  );
}
