/**
 * Forwards queued statements to each tenant's LRSs with the browser sync's discipline (the same
 * `LrsClient` and `sendBatch` from `@lms-kit/xapi`): in order, in batches, a rejected statement set aside,
 * backoff on 5xx/429/network failures, exactly once (a statement's pending row goes only after the LRS
 * acknowledged it; a resend after a crash is a 409 the LRS answers for an id it has, counted as delivered).
 * On PostgreSQL, instances share the work with `FOR UPDATE SKIP LOCKED`; PGlite has one instance.
 */
import type { Statement } from '@lms-kit/core';
import { LrsClient, normalizeLrs, sendBatch } from '@lms-kit/xapi';
import type { Db, Queryable } from './db.js';

export interface ForwarderOptions {
  intervalMs?: number;
  batchSize?: number;
  timeoutMs?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
}

interface Target {
  tenant_id: string;
  id: string;
  endpoint: string;
  version: '1.0.3' | '2.0';
  username: string | null;
  password: string | null;
  failures: number;
}

export function startForwarder(db: Db, options: ForwarderOptions = {}): { runOnce: () => Promise<void>; stop: () => void } {
  const { intervalMs = 1000, batchSize = 100, timeoutMs = 30_000, retryBaseMs = 1000, retryMaxMs = 300_000 } = options;
  let running: Promise<void> | undefined;
  const runOnce = () => (running ??= forwardAll().finally(() => (running = undefined)));

  async function forwardAll(): Promise<void> {
    const { rows: targets } = await db.query<Target>(
      `SELECT t.tenant_id, t.id, t.endpoint, t.version, t.username, t.password, t.failures FROM lrs_targets t
       WHERE t.next_attempt_at <= now() AND EXISTS (SELECT 1 FROM lrs_pending p WHERE p.tenant_id = t.tenant_id AND p.target_id = t.id)`,
    );
    for (const target of targets) {
      // PGlite is one connection: no transaction may stay open across the LRS request there.
      if (db.kind === 'postgres') await db.transaction((tx) => forwardBatch(tx, target, true));
      else await forwardBatch(db, target, false);
    }
  }

  async function forwardBatch(tx: Queryable, target: Target, lock: boolean): Promise<void> {
    const { rows } = await tx.query<{ seq: number; statement: Statement }>(
      `SELECT p.seq, o.statement FROM lrs_pending p JOIN outbox o ON o.seq = p.seq
       WHERE p.tenant_id = $1 AND p.target_id = $2 ORDER BY p.seq LIMIT $3 ${lock ? 'FOR UPDATE OF p SKIP LOCKED' : ''}`,
      [target.tenant_id, target.id, batchSize],
    );
    if (!rows.length) return;
    const client = new LrsClient(
      normalizeLrs({
        endpoint: target.endpoint,
        version: target.version,
        ...(target.username ? { username: target.username, password: target.password ?? '' } : {}),
      }),
    );
    const entries = rows.map((r) => ({ seq: Number(r.seq), statement: r.statement, queuedAt: '' }));
    const result = await sendBatch(client, entries, timeoutMs);
    const settled = entries.slice(0, result.settled).map((e) => e.seq);
    if (settled.length)
      await tx.query('DELETE FROM lrs_pending WHERE tenant_id = $1 AND target_id = $2 AND seq = ANY($3::bigint[])', [
        target.tenant_id,
        target.id,
        settled,
      ]);
    const rejected = result.rejections.map((r) => `${r.entry.statement.id}: ${r.status} ${r.reason}`);
    if (result.blocked) {
      const failures = target.failures + 1;
      const wait = Math.min(
        retryMaxMs,
        result.blocked.kind === 'retry' && result.blocked.retryAfterMs !== undefined
          ? result.blocked.retryAfterMs
          : retryBaseMs * 2 ** failures,
      );
      await tx.query(
        `UPDATE lrs_targets SET failures = $3, next_attempt_at = now() + $4::float8 * interval '1 millisecond', last_error = $5 WHERE tenant_id = $1 AND id = $2`,
        [target.tenant_id, target.id, failures, wait / 2 + (Math.random() * wait) / 2, result.blocked.reason],
      );
    } else {
      await tx.query('UPDATE lrs_targets SET failures = 0, next_attempt_at = now(), last_error = $3 WHERE tenant_id = $1 AND id = $2', [
        target.tenant_id,
        target.id,
        rejected.length ? `rejected ${rejected.join('; ')}` : null,
      ]);
    }
  }

  const timer = setInterval(() => void runOnce().catch((error) => console.error('LRS forwarding failed:', error)), intervalMs);
  timer.unref?.();
  return { runOnce, stop: () => clearInterval(timer) };
}
