import { LmsError } from '@lms-kit/core';
import type { StorageAdapter } from '@lms-kit/storage';
import { unzipSync } from 'fflate';
import { Cmi5Collections, courseKeyOf, shortHash, type Cmi5CourseRecord } from './records.js';
import { allAus, allBlocks, parseCourseStructure, type Cmi5CourseStructure } from './structure.js';

/** A file of an imported package, served to the AU by the service worker. */
export interface Cmi5PackageFile {
  id: string;
  courseId: string;
  path: string;
  type: string;
  blob: Blob;
}

export interface ImportOptions {
  /** The URL under which the service worker serves this course's files; `courseKey` is appended. */
  contentRoot: string;
  signal?: AbortSignal;
}

const TYPES: Record<string, string> = {
  html: 'text/html',
  htm: 'text/html',
  js: 'text/javascript',
  mjs: 'text/javascript',
  css: 'text/css',
  json: 'application/json',
  xml: 'application/xml',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  ico: 'image/x-icon',
  mp4: 'video/mp4',
  webm: 'video/webm',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  wav: 'audio/wav',
  vtt: 'text/vtt',
  pdf: 'application/pdf',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  txt: 'text/plain',
};

export function contentType(path: string): string {
  return TYPES[path.slice(path.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Imports a cmi5 course from a URL: a zip with `cmi5.xml` at its root (its files are stored for the
 * service worker to serve), or a `cmi5.xml` whose AU URLs are fully qualified (cmi5 14). A package
 * already imported with the same content is not stored again.
 */
export async function importCmi5Course(storage: StorageAdapter, source: string, options: ImportOptions): Promise<Cmi5CourseRecord> {
  let response: Response;
  try {
    response = await fetch(source, { signal: options.signal, credentials: 'same-origin' });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new LmsError('course/load-failed', `Could not download the cmi5 course from ${source} (offline or blocked).`, { cause: error });
  }
  if (!response.ok) throw new LmsError('course/load-failed', `Could not download the cmi5 course from ${source}: HTTP ${response.status}.`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const url = response.url || source;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return importZip(storage, bytes, url, options);
  const xml = new TextDecoder().decode(bytes);
  const structure = parseCourseStructure(xml, { requireAbsoluteUrls: true });
  return saveCourse(storage, structure, { source: url, contentBase: url, fingerprint: `${shortHash(xml)}:${bytes.length}` });
}

async function importZip(storage: StorageAdapter, bytes: Uint8Array, source: string, options: ImportOptions): Promise<Cmi5CourseRecord> {
  let files: Record<string, Uint8Array>;
  try {
    // One path twice: one copy would be checked, another served. The listing keeps only the last.
    const seen = new Set<string>();
    files = unzipSync(bytes, {
      filter: (file) => {
        if (seen.has(file.name)) throw new LmsError('cmi5/invalid-package', `${source} has "${file.name}" more than once.`);
        seen.add(file.name);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof LmsError) throw error;
    throw new LmsError('cmi5/invalid-package', `${source} is not a readable zip: ${(error as Error).message}`, { cause: error });
  }
  const manifest = files['cmi5.xml'];
  if (!manifest) {
    throw new LmsError('cmi5/invalid-package', `${source} has no cmi5.xml at its root (cmi5 14.1).`, {
      issues: [{ path: 'cmi5.xml', message: 'required at the zip root' }],
    });
  }
  const xml = new TextDecoder().decode(manifest);
  const structure = parseCourseStructure(xml);
  const courseKey = courseKeyOf(structure);
  const fingerprint = `${shortHash(xml)}:${bytes.length}`;
  const contentBase = `${options.contentRoot}${courseKey}/`;
  const existing = await storage.getRecord<Cmi5CourseRecord>(Cmi5Collections.courses, courseKey);
  if (existing?.fingerprint !== fingerprint) {
    for (const old of await storage.listRecords(Cmi5Collections.files, { courseId: courseKey }))
      await storage.deleteRecord(Cmi5Collections.files, old.id);
    for (const [path, data] of Object.entries(files)) {
      if (path.endsWith('/') || path.split('/').some((part) => part === '..' || part === '')) continue;
      const type = contentType(path);
      const file: Cmi5PackageFile = {
        id: `${courseKey}/${path}`,
        courseId: courseKey,
        path,
        type,
        blob: new Blob([data as BlobPart], { type }),
      };
      await storage.putRecord(Cmi5Collections.files, file as unknown as Cmi5PackageFile & { [field: string]: unknown });
    }
  }
  return saveCourse(storage, structure, { source, contentBase, fingerprint });
}

async function saveCourse(
  storage: StorageAdapter,
  structure: Cmi5CourseStructure,
  origin: Pick<Cmi5CourseRecord, 'source' | 'contentBase' | 'fingerprint'>,
): Promise<Cmi5CourseRecord> {
  const id = courseKeyOf(structure);
  const record: Cmi5CourseRecord = {
    id,
    courseId: id,
    structure,
    ...origin,
    importedAt: new Date().toISOString(),
    activityIds: lmsActivityIds(id, structure),
  };
  await storage.putRecord(Cmi5Collections.courses, record);
  return record;
}

/** Activity ids the LMS generates for the course, its blocks and AUs: stable across registrations, never the publisher's (cmi5 8.1.5, 9.4). */
export function lmsActivityIds(courseKey: string, structure: Cmi5CourseStructure): Record<string, string> {
  const ids: Record<string, string> = { [structure.id]: `urn:lms-kit:cmi5:${courseKey}` };
  for (const block of allBlocks(structure.children)) ids[block.id] = `urn:lms-kit:cmi5:${courseKey}:block:${shortHash(block.id)}`;
  for (const au of allAus(structure.children)) ids[au.id] = `urn:lms-kit:cmi5:${courseKey}:au:${shortHash(au.id)}`;
  return ids;
}
