import { LmsError } from '@lms-kit/core';
import type { ObservableStorage, OutboxEntry, StorageAdapter } from '@lms-kit/storage';
import { LrsClient } from '../lrs/client.js';
import { normalizeLrs, resolveSyncOptions, type LrsConfig, type SyncOptions } from '../lrs/config.js';
import { retryDelay } from './backoff.js';
import { sendBatch } from './batch-sender.js';
import { sendWithKeepalive } from './keepalive.js';
import { sendDocuments } from './document-outbox.js';
import { listDeadLetters, putDeadLetter, requeueDeadLetters, type DeadLetter } from './dead-letters.js';
import { SyncTriggers } from './triggers.js';
import type { LrsStatus, SyncListener, SyncStatus } from './status.js';

interface Target {
  client: LrsClient;
  status: LrsStatus;
  /** Consecutive failures, for the backoff. */
  failures: number;
  retryTimer?: ReturnType<typeof setTimeout>;
  /** Waiting because the network failed (going online again retries at once), not because the LRS asked to wait. */
  offline?: boolean;
  /** Last seq this LRS has, as known in memory (the stored cursor is the truth). */
  cursor: number;
}

/**
 * Drains the statement outbox to one or more LRSs: in order, in batches, one tab at a time (Web
 * Locks), each LRS at its own pace (a cursor per LRS; an entry leaves the outbox once every LRS has
 * it). Statement ids are fixed when queued, so anything resent after a timeout or a crash is stored
 * once: an LRS answers 200 or 409 for an id it already has.
 */
export class LrsSync {
  private readonly targets: Target[];
  private readonly options: Required<SyncOptions>;
  private readonly listeners = new Set<SyncListener>();
  private readonly triggers: SyncTriggers;
  private pending = 0;
  private deadLetterCount = 0;
  private draining?: Promise<void>;
  private drainAgain = false;
  private started = false;
  /** Set by `stop()`: a drain in progress ends after its current batch. */
  private stopped = false;
  /** What the outbox holds after the slowest cursor, read ahead for the pagehide flush. */
  private preview: OutboxEntry[] = [];
  private _status: SyncStatus;

  constructor(
    private readonly storage: StorageAdapter | ObservableStorage,
    lrs: LrsConfig | LrsConfig[],
    options: SyncOptions = {},
  ) {
    this.options = resolveSyncOptions(options);
    const configs = Array.isArray(lrs) ? lrs : [lrs];
    const normalized = configs.map(normalizeLrs);
    this.targets = normalized.map((config) => ({
      client: new LrsClient(config),
      status: { name: config.name, endpoint: config.endpoint, state: 'idle' },
      failures: 0,
      cursor: 0,
    }));
    this._status = this.snapshot();
    this.triggers = new SyncTriggers({
      storage,
      intervalMs: this.options.intervalMs,
      debounceMs: this.options.debounceMs,
      sync: () => void this.syncNow(),
      online: () => this.backOnline(),
      outboxChanged: () => void this.refreshCounts(),
      pageHidden: () => this.flushWithKeepalive(),
    });
  }

  get status(): SyncStatus {
    return this._status;
  }

  /** Listens to status changes; called at once with the current status. */
  subscribe(listener: SyncListener): () => void {
    this.listeners.add(listener);
    listener(this._status);
    return () => this.listeners.delete(listener);
  }

  /**
   * Syncs now, then on `online`, on an interval, after statements are queued, and at pagehide.
   * Resolves when the first sync is done.
   */
  start(): Promise<void> {
    if (this.started) return this.draining ?? Promise.resolve();
    this.started = true;
    this.stopped = false;
    this.triggers.start();
    return this.countDeadLetters()
      .then(() => this.refreshCounts())
      .then(() => this.syncNow());
  }

  /** Stops every trigger and timer; a batch on its way still completes. */
  stop(): void {
    this.started = false;
    this.stopped = true;
    this.triggers.stop();
    for (const target of this.targets) clearTimeout(target.retryTimer);
  }

  /** Sends everything now (skipping LRSs that are stopped or waiting); resolves when this tab is done. */
  syncNow(): Promise<void> {
    this.stopped = false;
    if (this.draining) {
      this.drainAgain = true;
      return this.draining;
    }
    this.draining = this.withLock(() => this.drain()).finally(() => {
      this.draining = undefined;
      if (this.drainAgain && !this.stopped) {
        this.drainAgain = false;
        void this.syncNow();
      }
    });
    return this.draining;
  }

  /** Sends again to LRSs stopped by 401/403 (after the credentials were fixed) and to those waiting. */
  resume(): Promise<void> {
    for (const target of this.targets) {
      clearTimeout(target.retryTimer);
      target.failures = 0;
      this.setTarget(target, { state: 'idle', error: undefined, retryAt: undefined });
    }
    return this.syncNow();
  }

  /** Back online: LRSs that failed for want of a network are tried now; those that asked to wait keep waiting. */
  private backOnline(): void {
    for (const target of this.targets) {
      if (target.status.state !== 'waiting' || !target.offline) continue;
      clearTimeout(target.retryTimer);
      this.setTarget(target, { state: 'idle', retryAt: undefined });
    }
    void this.syncNow();
  }

  deadLetters(): Promise<DeadLetter[]> {
    return listDeadLetters(this.storage);
  }

  /** Queues dead letters again (all, or those with these ids) once the cause is fixed. */
  async requeueDeadLetters(ids?: string[]): Promise<number> {
    const count = await requeueDeadLetters(this.storage, ids);
    await this.countDeadLetters();
    await this.refreshCounts();
    void this.syncNow();
    return count;
  }

  /** One tab at a time drains an outbox; others wait their turn and then find it empty. */
  private async withLock(work: () => Promise<void>): Promise<void> {
    const locks = (globalThis.navigator as Navigator | undefined)?.locks;
    if (!locks) return work();
    await locks.request(`lms-kit:lrs-sync:${this.storage.scope}`, work);
  }

  private async drain(): Promise<void> {
    // Every LRS's place, even those skipped now (waiting, stopped): what they lack stays in the outbox.
    for (const target of this.targets) target.cursor = (await this.storage.getValue<number>(this.cursorKey(target))) ?? 0;
    let progressed = true;
    while (progressed && !this.stopped) {
      progressed = false;
      for (const target of this.targets) {
        if (target.status.state === 'stopped' || target.status.state === 'waiting') continue;
        if (await this.sendNextBatch(target)) progressed = true;
      }
      await this.trimOutbox();
    }
    // State and profile documents (cmi5 10.1: LMS.LaunchData and the AU's own) follow the statements.
    const reachable = this.targets.filter((target) => target.status.state !== 'stopped' && target.status.state !== 'waiting');
    if (!this.stopped && reachable.length > 0) {
      const keys = this.targets.map((target) => target.client.lrs.key);
      await sendDocuments(
        this.storage,
        reachable.map((target) => target.client),
        keys,
      ).catch(() => undefined);
    }
    await this.refreshCounts();
    await this.readPreview();
  }

  private cursorKey(target: Target): string {
    return `lms-kit:lrs-cursor:${target.client.lrs.key}`;
  }

  /** Sends the next batch after this LRS's cursor; true if anything was settled. */
  private async sendNextBatch(target: Target): Promise<boolean> {
    target.cursor = (await this.storage.getValue<number>(this.cursorKey(target))) ?? 0;
    const entries = await this.storage.readOutbox(this.options.batchSize, target.cursor);
    if (entries.length === 0) return false;
    this.setTarget(target, { state: 'sending' });
    const result = await sendBatch(target.client, entries, this.options.timeoutMs);
    const rejectedAll = result.rejections.length === entries.length && entries.length > 1;
    if (rejectedAll) {
      // Every statement refused one by one: the LRS or its configuration is at fault, not the statements.
      const reason = result.rejections[0].reason;
      this.setTarget(target, {
        state: 'stopped',
        error: new LmsError('lrs/rejected', `${target.status.name} refused every statement (${reason}). Sync to it is stopped.`),
      });
      return false;
    }
    for (const { entry, status, reason } of result.rejections) {
      await putDeadLetter(
        this.storage,
        { statement: entry.statement, lrs: target.client.lrs.endpoint, status, reason, failedAt: now() },
        target.client.lrs.key,
      );
      this.deadLetterCount++;
    }
    if (result.settled > 0) {
      target.cursor = entries[result.settled - 1].seq;
      await this.storage.setValue(this.cursorKey(target), target.cursor);
      target.failures = 0;
    }
    const blocked = result.blocked;
    if (!blocked) {
      this.setTarget(target, { state: 'idle', error: undefined, retryAt: undefined, lastSyncedAt: now() });
      return true;
    }
    if (blocked.kind === 'unauthorized') {
      const code = blocked.status === 401 ? 'lrs/unauthorized' : 'lrs/forbidden';
      const what = blocked.status === 401 ? 'did not accept the credentials' : 'does not allow these statements to be written';
      this.setTarget(target, {
        state: 'stopped',
        error: new LmsError(code, `${target.status.name} ${what} (${blocked.reason}). Sync to it is stopped.`),
      });
      return result.settled > 0;
    }
    this.scheduleRetry(
      target,
      blocked.status,
      blocked.retryAfterMs,
      new LmsError('lrs/unavailable', `${target.status.name} could not be reached: ${blocked.reason}`),
    );
    return result.settled > 0;
  }

  private scheduleRetry(target: Target, status: number | undefined, retryAfterMs: number | undefined, error: LmsError): void {
    const delay = retryDelay(target.failures, retryAfterMs, this.options);
    target.failures++;
    target.offline = status === undefined;
    clearTimeout(target.retryTimer);
    this.setTarget(target, { state: 'waiting', error, retryAt: new Date(Date.now() + delay).toISOString() });
    target.retryTimer = setTimeout(() => {
      if (this.stopped || target.status.state !== 'waiting') return;
      this.setTarget(target, { state: 'idle', retryAt: undefined });
      void this.syncNow();
    }, delay);
  }

  /** Entries every LRS has leave the outbox. */
  private async trimOutbox(): Promise<void> {
    const upTo = Math.min(...this.targets.map((target) => target.cursor));
    for (;;) {
      const head = await this.storage.readOutbox(this.options.batchSize);
      const done = head.filter((entry) => entry.seq <= upTo).map((entry) => entry.seq);
      if (done.length === 0) return;
      await this.storage.removeFromOutbox(done);
      if (done.length < head.length) return;
    }
  }

  private async countDeadLetters(): Promise<void> {
    this.deadLetterCount = await listDeadLetters(this.storage)
      .then((letters) => letters.length)
      .catch(() => this.deadLetterCount);
  }

  private async refreshCounts(): Promise<void> {
    try {
      this.pending = await this.storage.countOutbox();
    } catch {
      return;
    }
    this.emit();
    if (!this.draining) await this.readPreview();
  }

  private async readPreview(): Promise<void> {
    const from = Math.min(...this.targets.map((target) => target.cursor));
    this.preview = await this.storage.readOutbox(this.options.batchSize, from).catch(() => this.preview);
  }

  /** At pagehide: what is still waiting goes out with `keepalive` (resends are harmless). */
  private flushWithKeepalive(): void {
    const active = this.targets.filter((target) => target.status.state !== 'stopped');
    sendWithKeepalive(
      active.map((target) => ({ client: target.client, entries: this.preview.filter((entry) => entry.seq > target.cursor) })),
    );
  }

  private setTarget(target: Target, change: Partial<LrsStatus>): void {
    target.status = { ...target.status, ...change };
    this.emit();
  }

  private snapshot(): SyncStatus {
    const lrs = this.targets.map((target) => target.status);
    const lastSyncedAt = lrs
      .map((s) => s.lastSyncedAt)
      .filter((at): at is string => !!at)
      .sort()
      .pop();
    return {
      pending: this.pending,
      deadLetters: this.deadLetterCount,
      syncing: lrs.some((s) => s.state === 'sending'),
      lastError: lrs.find((s) => s.error)?.error,
      lastSyncedAt,
      lrs,
    };
  }

  private emit(): void {
    this._status = this.snapshot();
    for (const listener of this.listeners) listener(this._status);
  }
}

function now(): string {
  return new Date().toISOString();
}
