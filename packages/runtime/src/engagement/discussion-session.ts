import { toLmsError, type DiscussionComment, type DiscussionThread, type LmsError } from '@lms-kit/core';
import { checkCommentBody, type DiscussionStore } from '@lms-kit/storage';
import { Session } from '../session.js';

export interface DiscussionState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** False for private notes kept in this browser (no one else reads them). */
  shared: boolean;
  /** Pinned threads first, then the newest, each with its replies (oldest first). */
  threads: DiscussionThread[];
  hasMore: boolean;
  /** Whether the signed-in user may hide and pin. */
  moderator: boolean;
  /** Instructors who can be mentioned with `@Name`. */
  instructors: string[];
  /** Why the discussion could not be read (writes reject their own promise instead). */
  error?: LmsError;
}

export interface DiscussionEvents {
  /** The list changed from elsewhere (another tab, another learner). */
  'lms-discussion-update': { threads: number };
}

export interface DiscussionOptions {
  store: DiscussionStore;
  courseId: string;
  lessonId: string;
  /** Threads per page (default 20). */
  pageSize?: number;
  /** How often a shared discussion asks the server for changes, in ms (default 15,000; 0: never). Cheap: 304 while unchanged. */
  pollMs?: number;
  /** Names the BroadcastChannel tabs share (default: the store's kind); tests and pages with two stores set it. */
  channelKey?: string;
}

/**
 * One lesson's discussion: reads it page by page, writes through the store (a server, or private notes
 * in the browser), and stays current: other tabs of this browser are told at once (BroadcastChannel),
 * other learners' comments arrive by polling with the list's ETag.
 */
export class DiscussionSession extends Session<DiscussionState, DiscussionEvents> {
  private state: DiscussionState;
  private next: string | null = null;
  private etag: string | null = null;
  private channel?: BroadcastChannel;
  private timer?: ReturnType<typeof setInterval>;
  private reading?: Promise<void>;

  constructor(private readonly options: DiscussionOptions) {
    super();
    this.state = { status: 'idle', shared: options.store.shared, threads: [], hasMore: false, moderator: false, instructors: [] };
  }

  protected snapshotState(): DiscussionState {
    return { ...this.state };
  }

  private set(patch: Partial<DiscussionState>): void {
    this.state = { ...this.state, ...patch };
    this.changed();
  }

  private get pageSize(): number {
    return this.options.pageSize ?? 20;
  }

  /** Reads the first page and starts following changes. */
  async start(): Promise<void> {
    this.connect();
    this.set({ status: 'loading', error: undefined });
    await this.refresh();
  }

  override connect(): void {
    if (this.channel || this.isDisposed) return;
    const { courseId, lessonId, store } = this.options;
    if (typeof BroadcastChannel === 'function') {
      const key = this.options.channelKey ?? (store.shared ? 'shared' : 'notes');
      this.channel = new BroadcastChannel(`lms-kit/discussion/${key}/${courseId}/${lessonId}`);
      this.channel.onmessage = () => void this.refresh(true);
    }
    const every = this.options.pollMs ?? 15_000;
    if (store.shared && every > 0)
      this.timer = setInterval(() => {
        if (typeof document === 'undefined' || document.visibilityState !== 'hidden') void this.refresh(true);
      }, every);
  }

  override disconnect(): void {
    this.channel?.close();
    this.channel = undefined;
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /**
   * Reads again the threads shown so far (one request; 304 from a server when nothing changed). One read
   * at a time: a refresh asked during a read waits for it.
   */
  refresh(fromElsewhere = false): Promise<void> {
    const run = async () => {
      const { store, courseId, lessonId } = this.options;
      try {
        const limit = Math.min(100, Math.max(this.pageSize, this.state.threads.length));
        const answer = await store.list(courseId, lessonId, { limit, ...(this.etag ? { ifNoneMatch: this.etag } : {}) });
        if (answer === 'unchanged') return;
        this.etag = answer.etag;
        this.next = answer.page.next;
        this.set({
          status: 'ready',
          threads: answer.page.items,
          hasMore: answer.page.next !== null,
          moderator: answer.page.moderator,
          instructors: answer.page.instructors.map((i) => i.name),
          error: undefined,
        });
        if (fromElsewhere) this.emit('lms-discussion-update', { threads: answer.page.items.length });
      } catch (error) {
        // A failed poll keeps what is shown; only a first read shows the error.
        if (this.state.status !== 'ready') this.set({ status: 'error', error: toLmsError(error, 'storage/failed') });
      }
    };
    const previous = this.reading ?? Promise.resolve();
    const current = previous.then(run);
    this.reading = current;
    return current;
  }

  /** Appends the next page of threads. */
  async loadMore(): Promise<void> {
    if (!this.next) return;
    const { store, courseId, lessonId } = this.options;
    const answer = await store.list(courseId, lessonId, { limit: this.pageSize, after: this.next });
    if (answer === 'unchanged') return;
    this.next = answer.page.next;
    const known = new Set(this.state.threads.map((t) => t.id));
    this.set({
      threads: [...this.state.threads, ...answer.page.items.filter((t) => !known.has(t.id))],
      hasMore: answer.page.next !== null,
    });
  }

  /** Posts a thread, or a reply to `parentId`. Rejects with an LmsError (`discussion/…`, `auth/…`) and changes nothing then. */
  async post(body: string, parentId?: string): Promise<DiscussionComment> {
    const { store, courseId, lessonId } = this.options;
    return this.written(await this.guard(() => store.post(courseId, lessonId, checkCommentBody(body), parentId)));
  }

  async edit(id: string, body: string): Promise<DiscussionComment> {
    return this.written(await this.guard(() => this.options.store.edit(id, checkCommentBody(body))));
  }

  async remove(id: string): Promise<void> {
    await this.guard(() => this.options.store.remove(id));
    await this.written(undefined);
  }

  /** Hides or pins (moderators). */
  async moderate(id: string, change: { hidden?: boolean; pinned?: boolean }): Promise<DiscussionComment> {
    return this.written(await this.guard(() => this.options.store.moderate(id, change)));
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw toLmsError(error, 'storage/failed');
    }
  }

  /** After a write: read the list again and tell the other tabs. */
  private async written<T>(result: T): Promise<T> {
    await this.refresh();
    this.channel?.postMessage('changed');
    return result;
  }
}
