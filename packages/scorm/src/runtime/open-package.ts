import { LmsError, assertSafeUrl } from '@lms-kit/core';
import { ensurePackage, legacyPackageIdFor } from '../import/import-package.js';
import type { Item, ScormPackage } from '../manifest/model.js';
import { parseManifest } from '../manifest/parse.js';
import { getPackageFile } from '../store/package-db.js';
import { packageFileUrl } from '../sw/package-files-route.js';
import { registerLmsServiceWorker } from '../sw/register.js';

/** A package ready to launch: its manifest and where each item's launch file is served. */
export interface OpenedPackage {
  /** Stored package id, or the folder URL of an unpacked package. */
  id: string;
  /**
   * What learner records of this package are keyed by when no course names them: the folder URL of
   * an unpacked package, the id a zip had before ids became SHA-256 hashes (so records made then
   * still match). Package files are never found by it.
   */
  recordKey: string;
  manifest: ScormPackage;
  launchUrl(item: Item): string;
  /** A file of a stored package by its path (isolated mode serves them through the content host); none for an unpacked folder. */
  file?(path: string): Promise<Blob | undefined>;
}

const opened = new Map<string, Promise<OpenedPackage>>();

/**
 * Opens the package at `src`: a `.zip` URL (imported into the package database on first use, served by
 * the service worker) or the URL of an unpacked package folder (ending in `/` or `imsmanifest.xml`,
 * served by the web server as it is). Opened once per page.
 */
export function openPackage(src: string, base: string = document.baseURI): Promise<OpenedPackage> {
  const href = new URL(src, base).href;
  let promise = opened.get(href);
  if (!promise) {
    promise = (isUnpacked(href) ? openUnpacked(href) : openZip(href)).catch((error: unknown) => {
      opened.delete(href);
      throw error;
    });
    opened.set(href, promise);
  }
  return promise;
}

export function isUnpacked(href: string): boolean {
  const path = new URL(href).pathname;
  return path.endsWith('/') || /\/imsmanifest\.xml$/i.test(path);
}

async function openZip(href: string): Promise<OpenedPackage> {
  const [stored, registration] = await Promise.all([ensurePackage(href), registerLmsServiceWorker()]);
  return {
    id: stored.id,
    recordKey: legacyPackageIdFor(href),
    manifest: stored.manifest,
    launchUrl: (item) => resolveLaunch(item, (path) => packageFileUrl(registration.scope, stored.id, path)),
    file: async (path) => (await getPackageFile(stored.id, path))?.data,
  };
}

async function openUnpacked(href: string): Promise<OpenedPackage> {
  const manifestUrl = href.endsWith('/') ? `${href}imsmanifest.xml` : href;
  const folder = new URL('./', manifestUrl).href;
  let response: Response;
  try {
    response = await fetch(manifestUrl, { credentials: 'same-origin' });
  } catch (error) {
    throw new LmsError('package/download-failed', `Could not download ${manifestUrl} (offline or blocked).`, { cause: error });
  }
  if (!response.ok) throw new LmsError('package/no-manifest', `No imsmanifest.xml at ${manifestUrl} (HTTP ${response.status}).`);
  const manifest = parseManifest(await response.text());
  return { id: folder, recordKey: folder, manifest, launchUrl: (item) => resolveLaunch(item, (path) => new URL(path, folder).href) };
}

function resolveLaunch(item: Item, fileUrl: (path: string) => string): string {
  const launch = item.launch;
  if (!launch) throw new LmsError('package/not-launchable', `"${item.title}" has nothing to launch.`);
  // Also guards packages stored before their manifest was checked against the URL policy.
  assertSafeUrl(launch, `"${item.title}" launch URL`);
  if (/^[a-z][a-z0-9+.-]*:/i.test(launch)) return launch;
  const index = launch.search(/[?#]/);
  return index < 0 ? fileUrl(launch) : fileUrl(launch.slice(0, index)) + launch.slice(index);
}
