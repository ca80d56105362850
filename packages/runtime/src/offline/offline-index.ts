/**
 * Which offline copy of each course is the current one. One record per course, kept as a JSON entry of
 * its own cache so the service worker reads the same records as the page; replacing a record is one
 * `cache.put`, which is what makes a new copy take over atomically (never half old, half new).
 */

/** Cache that holds the records; each copy's files are in a cache of their own (`OfflineCourseRecord.cache`). */
export const OFFLINE_INDEX_CACHE = 'lms-kit-offline';
/** Copies' caches are named with this prefix. */
export const OFFLINE_COPY_PREFIX = 'lms-kit-offline:';
const RECORD_URL = 'https://lms-kit.invalid/offline/';

/** A file an offline copy keeps. */
export interface OfflineFile {
  url: string;
  /** What it is for: the course document, a lesson's file, media, captions, a quiz, code… */
  role: 'course' | 'lesson' | 'media' | 'captions' | 'document' | 'quiz' | 'package' | 'code' | 'page';
  lessonId?: string;
  /** Bytes, once known (`Content-Length`, or counted as it downloads). */
  bytes?: number;
}

/** A download that has not finished yet: it resumes into the same cache, skipping the files already there. */
export interface PendingCopy {
  cache: string;
  version?: string;
  files: OfflineFile[];
  startedAt: string;
}

export interface OfflineCourseRecord {
  /** Absolute URL of the course document (or SCORM/cmi5 package): the key. */
  courseUrl: string;
  courseId: string;
  title: string;
  /** Version of the copy in use (the course JSON's `version`). */
  version?: string;
  /** Cache of the complete copy in use; none until the first download finished. */
  cache?: string;
  files: OfflineFile[];
  /** Videos left out (or replaced by a smaller rendition) for lack of room: lesson id → kept URL, or null if skipped. */
  substitutes?: Record<string, string | null>;
  bytes: number;
  savedAt?: string;
  pending?: PendingCopy;
}

const recordUrl = (courseUrl: string) => RECORD_URL + encodeURIComponent(courseUrl);

export async function readOfflineRecords(): Promise<OfflineCourseRecord[]> {
  if (!(await caches.has(OFFLINE_INDEX_CACHE))) return [];
  const cache = await caches.open(OFFLINE_INDEX_CACHE);
  const records = await Promise.all(
    (await cache.keys()).map(async (key) => (await cache.match(key))?.json() as Promise<OfflineCourseRecord>),
  );
  return records.filter(Boolean);
}

export async function readOfflineRecord(courseUrl: string): Promise<OfflineCourseRecord | undefined> {
  const response = await (await caches.open(OFFLINE_INDEX_CACHE)).match(recordUrl(courseUrl));
  return response ? ((await response.json()) as OfflineCourseRecord) : undefined;
}

export async function writeOfflineRecord(record: OfflineCourseRecord): Promise<void> {
  const body = JSON.stringify(record);
  await (
    await caches.open(OFFLINE_INDEX_CACHE)
  ).put(recordUrl(record.courseUrl), new Response(body, { headers: { 'Content-Type': 'application/json' } }));
}

export async function deleteOfflineRecord(courseUrl: string): Promise<void> {
  await (await caches.open(OFFLINE_INDEX_CACHE)).delete(recordUrl(courseUrl));
}

/** The URL as an offline copy keys it: no fragment. */
export function offlineKey(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}

/** Messages on this channel tell the service worker and other tabs that the records changed. */
export const OFFLINE_CHANNEL = 'lms-kit-offline';
