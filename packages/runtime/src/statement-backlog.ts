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

/** Adds to what is held for `scope` (a statement already held stays once, in its place). */
function hold(scope: string, statements: Statement[]): void {
  const backlog = read();
  const held = backlog[scope] ?? [];
  const ids = new Set(held.map((s) => s.id));
  write({ ...backlog, [scope]: [...held, ...statements.filter((s) => s.id === undefined || !ids.has(s.id))] });
}

/** Drops the statements the outbox now has. */
function forget(scope: string, sent: Statement[]): void {
  const { [scope]: held = [], ...rest } = read();
  const left = held.filter((s) => !sent.includes(s) && !sent.some((t) => t.id !== undefined && t.id === s.id));
  write(left.length ? { ...rest, [scope]: left } : rest);
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
  const attempt = async (batch: Statement[], held: boolean) => {
    if (!batch.length) return;
    try {
      await send(batch);
      if (held) forget(scope, batch);
    } catch (error) {
      if (isStorageFailure(error)) hold(scope, batch);
      else if (held) forget(scope, batch); // refused for good (invalid): retrying cannot help
      throw error;
    }
  };
  // Nothing held: straight to the outbox, as fast as before.
  if (!chains.has(scope) && !heldStatements(scope).length) return attempt(statements, false);
  // Something held: one retry at a time, the held statements before the new ones.
  const run = async () => {
    const held = heldStatements(scope);
    try {
      await attempt(held, true);
    } catch (error) {
      hold(scope, statements);
      throw error;
    }
    await attempt(statements, false);
  };
  const previous = chains.get(scope);
  const next = previous ? previous.then(run, run) : run();
  const settled = next.catch(() => undefined);
  chains.set(scope, settled);
  void settled.then(() => {
    if (chains.get(scope) === settled) chains.delete(scope);
  });
  return next;
}
