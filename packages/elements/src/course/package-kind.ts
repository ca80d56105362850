import { LmsError } from '@lms-kit/core';
import { ZipDirectoryError, zipEntryNames } from './zip-directory.js';

export type PackageKind = 'scorm' | 'cmi5';

/**
 * Whether a course URL is a package rather than course JSON, and which standard: `imsmanifest.xml`
 * is SCORM, any other `.xml` is a cmi5 course structure, and a `.zip` is whichever manifest it holds
 * at its root.
 */
export async function packageKind(url: string, signal?: AbortSignal): Promise<PackageKind | undefined> {
  const path = new URL(url).pathname.toLowerCase();
  if (path.endsWith('imsmanifest.xml')) return 'scorm';
  if (path.endsWith('.xml')) return 'cmi5';
  if (path.endsWith('.zip')) return zipKind(url, signal);
  return undefined;
}

/** Reads the zip's central directory (every entry's name) and looks for a root manifest. */
async function zipKind(url: string, signal?: AbortSignal): Promise<PackageKind> {
  let names: string[];
  try {
    names = await zipEntryNames(url, signal);
  } catch (error) {
    if (signal?.aborted) throw error;
    if (error instanceof ZipDirectoryError) {
      throw new LmsError('package/not-a-zip', `${url} is not a readable zip: ${error.message}.`, { cause: error });
    }
    throw new LmsError('course/load-failed', `Could not download the package ${url}: ${(error as Error).message}`, { cause: error });
  }
  if (names.includes('cmi5.xml')) return 'cmi5';
  if (names.includes('imsmanifest.xml') || wrappedManifest(names)) return 'scorm';
  throw new LmsError('package/invalid', `${url} is not a SCORM or cmi5 package: it has no imsmanifest.xml or cmi5.xml.`);
}

/** A SCORM package zipped with its folder around it (the importer takes that folder as the root). */
function wrappedManifest(names: string[]): boolean {
  const nested = names.filter((name) => /^[^/]+\/imsmanifest\.xml$/.test(name));
  if (nested.length !== 1) return false;
  const prefix = nested[0].slice(0, -'imsmanifest.xml'.length);
  return names.every((name) => name.startsWith(prefix) || name.startsWith('__MACOSX/'));
}
