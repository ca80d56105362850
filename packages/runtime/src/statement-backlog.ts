import type { Statement } from '@lms-kit/core';

/**
 * Statements the outbox refused (storage full or failing). They are kept, in localStorage so a
 * crash or reload does not lose them (in memory when localStorage is unavailable), and queued
 * again, oldest first and before anything newer, with the next statements sent to the same store.
 */
const KEY = 'lms-kit:statement-backlog';

type Backlog = Record<string, Statement[]>;

let memory: Backlog = {};
/** One send at a time per store, so the backlog is never sent twice or out of order. */
const chains = new Map<string, Promise<unknown>>();

function read(): Backlog {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    return stored && typeof stored === 'object' ? (stored as Backlog) : {};
  } catch {
    return memory;
  }
}

function write(backlog: Backlog): void {
  memory = backlog;
  try {
    if (Object.keys(backlog).length) localStorage.setItem(KEY, JSON.stringify(backlog));
    else localStorage.removeItem(KEY);
  } catch {
    // localStorage full or blocked: the memory copy still holds them for the life of the page.
  }
}

function hold(scope: string, statements: Statement[]): void {
  write({ ...read(), [scope]: statements });
}

function forget(scope: string): void {
  const { [scope]: _sent, ...rest } = read();
  write(rest);
}

/** Statements waiting for the store `scope`. */
export function heldStatements(scope: string): Statement[] {
  return read()[scope] ?? [];
}

/** Storage refused for now (full, unavailable): worth keeping. Invalid statements are not retried. */
function isStorageFailure(error: unknown): boolean {
  return String((error as { code?: unknown })?.code ?? '').startsWith('storage/');
}

/**
 * Sends `statements` through `send`, after whatever is still held for `scope`. If storage refuses
 * them, they are held (and the failure passed on); called with no statements, it only retries.
 */
export function sendWithBacklog(scope: string, send: (statements: Statement[]) => Promise<void>, statements: Statement[]): Promise<void> {
  const run = async () => {
    const held = heldStatements(scope);
    const heldIds = new Set(held.map((s) => s.id));
    const fresh = statements.filter((s) => s.id === undefined || !heldIds.has(s.id));
    for (const [batch, keep] of [
      [held, [...held, ...fresh]],
      [fresh, fresh],
    ]) {
      if (!batch.length) continue;
      try {
        await send(batch);
        if (batch === held) forget(scope);
      } catch (error) {
        if (isStorageFailure(error)) hold(scope, keep);
        else if (batch === held) forget(scope);
        throw error;
      }
    }
  };
  const next = (chains.get(scope) ?? Promise.resolve()).then(run, run);
  chains.set(
    scope,
    next.catch(() => undefined),
  );
  return next;
}
