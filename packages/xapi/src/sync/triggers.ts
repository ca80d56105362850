import type { ObservableStorage, StorageAdapter } from '@lms-kit/storage';

export interface TriggerOptions {
  storage: StorageAdapter | ObservableStorage;
  intervalMs: number;
  debounceMs: number;
  sync: () => void;
  /** The browser is back online. */
  online: () => void;
  outboxChanged: () => void;
  pageHidden: () => void;
}

/** When to sync: back online, on an interval, shortly after statements are queued; and what to do at pagehide. */
export class SyncTriggers {
  private interval?: ReturnType<typeof setInterval>;
  private debounce?: ReturnType<typeof setTimeout>;
  private unsubscribe?: () => void;

  constructor(private readonly options: TriggerOptions) {}

  start(): void {
    const { storage, intervalMs } = this.options;
    globalThis.addEventListener?.('online', this.onOnline);
    globalThis.addEventListener?.('pagehide', this.onPageHide);
    if (intervalMs > 0) this.interval = setInterval(this.options.sync, intervalMs);
    const observable = storage as Partial<ObservableStorage>;
    this.unsubscribe = observable.subscribe?.((change) => {
      if (change.type !== 'outbox') return;
      this.options.outboxChanged();
      clearTimeout(this.debounce);
      this.debounce = setTimeout(this.options.sync, this.options.debounceMs);
    });
  }

  stop(): void {
    globalThis.removeEventListener?.('online', this.onOnline);
    globalThis.removeEventListener?.('pagehide', this.onPageHide);
    clearInterval(this.interval);
    clearTimeout(this.debounce);
    this.unsubscribe?.();
  }

  private onOnline = (): void => this.options.online();
  private onPageHide = (): void => this.options.pageHidden();
}
