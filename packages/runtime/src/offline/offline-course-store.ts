import { LmsError, type Course } from '@lms-kit/core';
import { planCourseFiles, type VideoChoice } from './course-files.js';
import { announceOfflineChange } from './offline-events.js';
import { OfflineQuotaError } from './quota-error.js';
import {
  OFFLINE_COPY_PREFIX,
  deleteOfflineRecord,
  offlineKey,
  readOfflineRecord,
  readOfflineRecords,
  writeOfflineRecord,
  type OfflineCourseRecord,
  type OfflineFile,
} from './offline-index.js';
import { downloadFiles, fetchFile as get, fileSizes, type OfflineProgress } from './download-files.js';

export type { OfflineProgress } from './download-files.js';

/** A video that does not fit, with what it would take: the answer is a rendition's URL, `'skip'`, or undefined to give up. */
export interface VideoTooLarge extends VideoChoice {
  bytes: number;
  /** Bytes the whole copy needs, and bytes free on this device for this site. */
  needed: number;
  available: number;
}

export interface OfflineDownloadOptions {
  /** More files to keep with the course: the code its lesson kinds load, a package's external files, the page itself… */
  extraFiles?: OfflineFile[];
  signal?: AbortSignal;
  onProgress?: (progress: OfflineProgress) => void;
  /** Asked for each video, largest first, while the copy does not fit. Without it, a copy that does not fit fails with `offline/quota`. */
  chooseVideo?: (video: VideoTooLarge) => Promise<string | 'skip' | undefined>;
  /** For a SCORM or cmi5 package (no course JSON to read): its course id and title. */
  package?: { courseId: string; title: string; version?: string };
}

/** A course kept on this device, as lists show it. */
export interface OfflineCourse {
  courseUrl: string;
  courseId: string;
  title: string;
  version?: string;
  /** Size of the copy in use, in bytes. */
  bytes: number;
  files: number;
  savedAt?: string;
  /** `available`: a complete copy is in use; `partial`: a download stopped half-way and can resume. */
  status: 'available' | 'partial';
  /** A newer version is downloading (or stopped half-way) beside the copy in use. */
  updating: boolean;
}

const toOfflineCourse = (record: OfflineCourseRecord): OfflineCourse => ({
  courseUrl: record.courseUrl,
  courseId: record.courseId,
  title: record.title,
  version: record.version,
  bytes: record.bytes,
  files: record.files.length,
  savedAt: record.savedAt,
  status: record.cache ? 'available' : 'partial',
  updating: Boolean(record.cache && record.pending),
});

/**
 * Offline copies of courses in Cache Storage, served by LMS Kit's service worker when they exist.
 * A download goes into a cache of its own and replaces the copy in use in one step once complete, so a
 * failed, cancelled or quota-stopped download leaves the previous copy as it was.
 */
export class OfflineCourseStore {
  /** Every course kept on this device (complete or half-downloaded), with its size. */
  async list(): Promise<OfflineCourse[]> {
    if (typeof caches === 'undefined') return [];
    return (await readOfflineRecords()).map(toOfflineCourse);
  }

  async get(courseUrl: string): Promise<OfflineCourse | undefined> {
    const record = await readOfflineRecord(absolute(courseUrl));
    return record && toOfflineCourse(record);
  }

  /**
   * Downloads the course at `courseUrl` and everything it needs; resolves once the copy is in use.
   * A download of the same version stopped earlier (a reload, a cancel) resumes: files already kept are
   * not downloaded again. Fails with `offline/quota` when the device has no room (asking `chooseVideo`
   * first), `offline/download-failed` when a file cannot be downloaded, or the signal's reason.
   */
  async download(courseUrl: string, options: OfflineDownloadOptions = {}): Promise<OfflineCourse> {
    if (typeof caches === 'undefined')
      throw new LmsError(
        'offline/unavailable',
        'This browser has no Cache Storage (a page not served over https?): courses cannot be kept offline.',
      );
    const url = absolute(courseUrl);
    const report = (progress: OfflineProgress) => options.onProgress?.(progress);
    report({ phase: 'planning', filesDone: 0, filesTotal: 0, bytesDone: 0, bytesTotal: 0 });
    const { about, plan } = await this.plan(url, options);
    const previous = await readOfflineRecord(url);
    const pending = previous?.pending && previous.pending.version === about.version ? previous.pending : undefined;
    if (previous?.pending && !pending) await caches.delete(previous.pending.cache);
    const cacheName = pending?.cache ?? `${OFFLINE_COPY_PREFIX}${about.courseId}@${about.version ?? ''}:${crypto.randomUUID()}`;
    const cache = await caches.open(cacheName);
    const files = [...plan.files, ...(options.extraFiles ?? []).map((file) => ({ ...file, url: offlineKey(file.url) }))].filter(
      (file, index, all) => all.findIndex((other) => other.url === file.url) === index,
    );
    let substitutes: Record<string, string | null>;
    try {
      await fileSizes(files, cache, options.signal);
      substitutes = await this.fit(files, plan.videos, cache, options);
    } catch (error) {
      if (!pending) await caches.delete(cacheName);
      throw error;
    }
    void navigator.storage?.persist?.().catch(() => false);
    const base = previous ?? { courseUrl: url, courseId: about.courseId, title: about.title, files: [], bytes: 0 };
    await writeOfflineRecord({
      ...base,
      pending: { cache: cacheName, version: about.version, files, startedAt: new Date().toISOString() },
    });
    announceOfflineChange({ courseUrl: url, change: 'pending' });
    try {
      await downloadFiles(files, cache, {
        signal: options.signal,
        onProgress: report,
        onQuota: (file) => this.videoRefused(file, plan.videos, cache, substitutes, options),
      });
    } catch (error) {
      if (error instanceof LmsError && error.code === 'offline/quota') await this.dropPending(url, cacheName);
      throw error;
    }
    report({ phase: 'finishing', filesDone: files.length, filesTotal: files.length, bytesDone: sum(files), bytesTotal: sum(files) });
    const record: OfflineCourseRecord = {
      courseUrl: url,
      courseId: about.courseId,
      title: about.title,
      version: about.version,
      cache: cacheName,
      files,
      substitutes,
      bytes: sum(files),
      savedAt: new Date().toISOString(),
    };
    // The switch: one record replaces the other; the old copy's cache goes after it.
    await writeOfflineRecord(record);
    if (previous?.cache && previous.cache !== cacheName) await caches.delete(previous.cache);
    announceOfflineChange({ courseUrl: url, change: 'saved' });
    return toOfflineCourse(record);
  }

  /**
   * When the course document online has another `version` than the copy in use, downloads the new
   * version beside it and switches to it; resolves to true once switched, false when already current
   * (or not kept offline). Offline, fails like a download does.
   */
  async update(courseUrl: string, options: OfflineDownloadOptions = {}): Promise<boolean> {
    const record = await readOfflineRecord(absolute(courseUrl));
    if (!record?.cache || options.package) return false;
    const { about } = await this.readCourse(record.courseUrl, options.signal);
    if (about.version === record.version) return false;
    await this.download(record.courseUrl, options);
    return true;
  }

  /** Deletes the course's offline copy (and any download of it under way or stopped). */
  async remove(courseUrl: string): Promise<void> {
    const url = absolute(courseUrl);
    const record = await readOfflineRecord(url);
    if (!record) return;
    await deleteOfflineRecord(url);
    for (const name of [record.cache, record.pending?.cache]) if (name) await caches.delete(name);
    announceOfflineChange({ courseUrl: url, change: 'removed' });
  }

  private async plan(url: string, options: OfflineDownloadOptions) {
    if (options.package) return { about: options.package, plan: { files: [{ url, role: 'package' as const }], videos: [] } };
    const { about, course } = await this.readCourse(url, options.signal);
    const plan = await planCourseFiles(course, url, async (file) => (await get(file, options.signal)).text());
    return { about, plan };
  }

  private async readCourse(url: string, signal?: AbortSignal) {
    const response = await get(url, signal);
    let course: Course;
    try {
      course = (await response.json()) as Course;
    } catch (error) {
      throw new LmsError('course/invalid', `The course at ${url} is not valid JSON.`, { cause: error });
    }
    if (!course || typeof course.id !== 'string' || !Array.isArray(course.modules))
      throw new LmsError('course/invalid', `The document at ${url} is not a course.`);
    return {
      course,
      about: { courseId: course.id, title: typeof course.title === 'string' ? course.title : course.id, version: course.version },
    };
  }

  /** Makes the copy fit the space free on this device, asking about videos; returns what was left out or replaced. */
  private async fit(files: OfflineFile[], videos: VideoChoice[], cache: Cache, options: OfflineDownloadOptions) {
    const substitutes: Record<string, string | null> = {};
    const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
    if (!estimate?.quota) return substitutes;
    const available = Math.max(0, estimate.quota - (estimate.usage ?? 0));
    const kept = new Set((await cache.keys()).map((request) => request.url));
    const needed = () => files.filter((file) => !kept.has(file.url)).reduce((total, file) => total + (file.bytes ?? 0), 0);
    const sized = videos
      .map((video) => ({ video, bytes: files.find((file) => file.url === video.url)?.bytes ?? 0 }))
      .sort((a, b) => b.bytes - a.bytes);
    // Even with every video left out it would not fit: no point asking about them.
    const videoBytes = sized.reduce((total, { video, bytes }) => total + (kept.has(video.url) ? 0 : bytes), 0);
    if (needed() - videoBytes > available) throw new OfflineQuotaError(needed(), available);
    for (const { video, bytes } of sized) {
      if (needed() <= available) break;
      if (kept.has(video.url)) continue;
      const instead = await this.askAboutVideo(video, bytes, { needed: needed(), available }, cache, substitutes, options);
      if (instead === undefined) break;
      files.splice(
        files.findIndex((file) => file.url === video.url),
        1,
        ...(instead ? [instead] : []),
      );
    }
    if (needed() > available) throw new OfflineQuotaError(needed(), available);
    return substitutes;
  }

  /** The browser refused a file for lack of room (its estimate may say otherwise): for a video, the learner may choose. */
  private async videoRefused(
    file: OfflineFile,
    videos: VideoChoice[],
    cache: Cache,
    substitutes: Record<string, string | null>,
    options: OfflineDownloadOptions,
  ): Promise<OfflineFile | null | undefined> {
    const video = videos.find((candidate) => candidate.url === file.url);
    if (!video) return undefined;
    const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
    const available = estimate?.quota ? Math.max(0, estimate.quota - (estimate.usage ?? 0)) : 0;
    return this.askAboutVideo(video, file.bytes ?? 0, { needed: file.bytes ?? 0, available }, cache, substitutes, options);
  }

  /** Asks `chooseVideo`: the rendition to keep instead, null to leave the video out, undefined when there is no answer. */
  private async askAboutVideo(
    video: VideoChoice,
    bytes: number,
    room: { needed: number; available: number },
    cache: Cache,
    substitutes: Record<string, string | null>,
    options: OfflineDownloadOptions,
  ): Promise<OfflineFile | null | undefined> {
    if (!options.chooseVideo) return undefined;
    const alternatives = video.alternatives.map((alternative) => ({ ...alternative }));
    await fileSizes(alternatives, cache, options.signal);
    const answer = await options.chooseVideo({ ...video, alternatives, bytes, ...room });
    if (answer === 'skip') {
      substitutes[video.lessonId] = null;
      return null;
    }
    const alternative = alternatives.find((candidate) => candidate.url === answer);
    if (!alternative) return undefined;
    substitutes[video.lessonId] = alternative.url;
    return { url: alternative.url, role: 'media', lessonId: video.lessonId, bytes: alternative.bytes };
  }

  private async dropPending(url: string, cacheName: string): Promise<void> {
    await caches.delete(cacheName);
    const record = await readOfflineRecord(url);
    if (!record) return;
    if (record.cache) await writeOfflineRecord({ ...record, pending: undefined });
    else await deleteOfflineRecord(url);
    announceOfflineChange({ courseUrl: url, change: 'pending' });
  }
}

/** The key of a course: its absolute URL (relative ones resolve against the page). */
const absolute = (url: string) => offlineKey(new URL(url, globalThis.location?.href).href);
const sum = (files: OfflineFile[]) => files.reduce((total, file) => total + (file.bytes ?? 0), 0);
