import { LmsError, toLmsError, type Course } from '@lms-kit/core';
import {
  OfflineCourseStore,
  onOfflineChange,
  type OfflineChange,
  type OfflineCourse,
  type OfflineProgress,
  type VideoTooLarge,
} from '@lms-kit/runtime/offline';
import { registerLmsServiceWorker } from '@lms-kit/scorm/service-worker';
import type { StorageAdapter } from '@lms-kit/storage';
import { lmsCodeUrls } from './code-urls.js';
import { packageExternalFiles } from './package-files.js';

export type CourseOfflineStatus = 'idle' | 'downloading' | 'interrupted' | 'choosing' | 'available' | 'error';

/** A video that does not fit, waiting for the learner's answer. */
export interface PendingVideoChoice extends VideoTooLarge {
  answer(choice: string | 'skip' | undefined): void;
}

export interface CourseOfflineHost {
  requestUpdate(): void;
  /** A newer version was switched to: the host shows it (progress follows as it does for any new version). */
  courseUpdated(): void;
  /** A copy was saved, updated, removed or left half-way. */
  offlineChanged(change: OfflineChange): void;
  /** Something failed; the state says what. */
  failed(error: LmsError): void;
}

const store = new OfflineCourseStore();

/**
 * The offline copy of the course a player shows: what state it is in, and the learner's actions on it
 * (download, cancel, resume, remove, choose what to do with a video too large). Loaded only for players
 * with `offline`.
 */
export class CourseOffline {
  status: CourseOfflineStatus = 'idle';
  progress?: OfflineProgress;
  copy?: OfflineCourse;
  error?: LmsError;
  choice?: PendingVideoChoice;
  /** True while a newer version downloads beside the copy in use. */
  updating = false;
  private abort?: AbortController;
  private readonly stop: () => void;

  constructor(
    private readonly host: CourseOfflineHost,
    readonly courseUrl: string,
    private readonly course: Course,
    private readonly isPackage: boolean,
    private readonly pageFiles: () => string[] = () => [],
    /** The learner's storage, where an imported cmi5 course (its AU URLs) is kept. */
    private readonly storage: () => StorageAdapter | undefined = () => undefined,
  ) {
    const onOnline = () => void this.update();
    addEventListener('online', onOnline);
    const stopListening = onOfflineChange((change) => change.courseUrl === this.courseUrl && void this.refresh());
    this.stop = () => {
      removeEventListener('online', onOnline);
      stopListening();
      this.abort?.abort();
    };
    void this.refresh().then(() => this.update());
  }

  dispose(): void {
    this.stop();
  }

  /** Reads the copy's state from the store (another tab may have changed it). */
  private async refresh(): Promise<void> {
    if (this.status === 'downloading' || this.status === 'choosing') return;
    this.copy = await store.get(this.courseUrl).catch(() => undefined);
    if (this.status !== 'error') this.status = !this.copy ? 'idle' : this.copy.status === 'partial' ? 'interrupted' : 'available';
    this.host.requestUpdate();
  }

  /** Downloads (or resumes) the copy. */
  async download(): Promise<void> {
    this.status = 'downloading';
    this.error = undefined;
    this.progress = undefined;
    this.host.requestUpdate();
    try {
      this.copy = await this.run(false);
      this.status = 'available';
      this.host.offlineChanged({ courseUrl: this.courseUrl, change: 'saved' });
    } catch (error) {
      this.settleFailure(error);
    }
    this.host.requestUpdate();
  }

  /** Stops the download; what is already downloaded is kept for a resume. */
  cancel(): void {
    this.abort?.abort(new DOMException('The learner cancelled the download.', 'AbortError'));
  }

  async remove(): Promise<void> {
    this.cancel();
    this.abort = undefined; // the stopped download then reads as removed, not as stopped half-way
    await store.remove(this.courseUrl);
    this.copy = undefined;
    this.status = 'idle';
    this.host.offlineChanged({ courseUrl: this.courseUrl, change: 'removed' });
    this.host.requestUpdate();
  }

  /** Online with a copy in use: a new version of the course is downloaded in the background and switched to. */
  private async update(): Promise<void> {
    if (this.status !== 'available' || this.updating || !navigator.onLine || this.isPackage) return;
    this.updating = true;
    this.error = undefined;
    try {
      const switched = await this.run(true);
      if (switched) {
        this.copy = switched;
        this.host.offlineChanged({ courseUrl: this.courseUrl, change: 'saved' });
        this.host.courseUpdated();
      }
    } catch (error) {
      // A failed background update leaves the copy in use as it is; the next visit online tries again.
      if (!(error instanceof LmsError && error.code === 'offline/download-failed')) {
        this.error = toLmsError(error, 'offline/download-failed');
        this.host.failed(this.error);
      }
    } finally {
      this.updating = false;
      this.progress = undefined;
      this.host.requestUpdate();
    }
  }

  private async run(update: boolean): Promise<OfflineCourse | undefined> {
    const abort = (this.abort = new AbortController());
    await registerLmsServiceWorker();
    const groups = [
      ...(this.isPackage ? ['course', 'package'] : ['course']),
      ...new Set(this.course.modules.flatMap((module) => module.lessons.map((lesson) => lesson.kind))),
    ];
    if (this.course.certificate) groups.push('certificate');
    // Records written offline go to the LRS once the network is back, even after an offline reload.
    groups.push('sync');
    const extraFiles = [
      ...(await lmsCodeUrls(groups)).map((url) => ({ url, role: 'code' as const })),
      ...this.pageFiles().map((url) => ({ url: new URL(url, document.baseURI).href, role: 'page' as const })),
      ...(this.isPackage ? await packageExternalFiles(this.courseUrl, this.course, this.storage()) : []).map((url) => ({
        url,
        role: 'package' as const,
      })),
    ];
    const options = {
      extraFiles,
      signal: abort.signal,
      onProgress: (progress: OfflineProgress) => {
        this.progress = progress;
        this.host.requestUpdate();
      },
      chooseVideo: (video: VideoTooLarge) => this.ask(video),
      package: this.isPackage ? { courseId: this.course.id, title: this.course.title, version: this.course.version } : undefined,
    };
    if (!update) return store.download(this.courseUrl, options);
    return (await store.update(this.courseUrl, options)) ? store.get(this.courseUrl) : undefined;
  }

  private ask(video: VideoTooLarge): Promise<string | 'skip' | undefined> {
    return new Promise((resolve) => {
      const previous = this.status;
      this.status = 'choosing';
      this.choice = {
        ...video,
        answer: (choice) => {
          this.choice = undefined;
          this.status = previous;
          this.host.requestUpdate();
          resolve(choice);
        },
      };
      this.host.requestUpdate();
    });
  }

  private settleFailure(error: unknown): void {
    if (!this.abort) return;
    if (this.abort.signal.aborted) {
      this.status = 'interrupted';
      this.host.offlineChanged({ courseUrl: this.courseUrl, change: 'pending' });
      return;
    }
    this.error = toLmsError(error, 'offline/download-failed');
    this.status = 'error';
    this.host.failed(this.error);
  }
}
