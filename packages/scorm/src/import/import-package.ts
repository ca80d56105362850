import { LmsError, type ValidationIssue } from '@lms-kit/core';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { flattenItems, type ScormPackage } from '../manifest/model.js';
import { parseManifest } from '../manifest/parse.js';
import { deletePackage, getPackage, writePackage, type StoredPackage } from '../store/package-db.js';
import { unzipStream, type UnzipLimits, type UnzippedFile } from './unzip.js';

export type PackageSource = File | Blob | string | URL;

export interface ImportOptions {
  /** Id to store the package under (letters, digits, `._-`). Default: derived from the source. */
  id?: string;
  limits?: UnzipLimits;
  signal?: AbortSignal;
}

/**
 * Imports a SCORM zip (a `File` from an `<input type="file">`, a `Blob`, or the URL of a .zip) into the
 * package database, streaming it through the unzipper. Nothing is written unless the whole package is
 * sound: a zip, with `imsmanifest.xml`, a valid manifest, every launch file present, no unsafe path,
 * within the size limits. Then all its files are written in one transaction, replacing an earlier
 * import with the same id. Failures are `LmsError`s (`package/…`, `storage/quota-exceeded`).
 */
export async function importScormPackage(source: PackageSource, options: ImportOptions = {}): Promise<StoredPackage> {
  const { stream, name, etag, lastModified } = await open(source, options.signal);
  // A file's id is the hash of its bytes, taken as they stream by: two files never share one.
  const digest = sha256.create();
  const hashed = stream.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        digest.update(chunk);
        controller.enqueue(chunk);
      },
    }),
  );
  const files = rootFiles(await unzipStream(hashed, options.limits, options.signal));
  const manifestFile = files.find((file) => file.path === 'imsmanifest.xml');
  if (!manifestFile) {
    throw new LmsError('package/no-manifest', `${name} has no imsmanifest.xml at its root: it is not a SCORM package.`);
  }
  const manifest = parseManifest(await manifestFile.data.text());
  checkLaunchFiles(manifest, new Set(files.map((file) => file.path)));
  const record: StoredPackage = {
    id:
      options.id ??
      (typeof source === 'string' || source instanceof URL ? packageIdFor(name) : `${labelOf(name)}-${bytesToHex(digest.digest())}`),
    manifest,
    source: name,
    importedAt: new Date().toISOString(),
    fileCount: files.length,
    totalBytes: files.reduce((sum, file) => sum + file.data.size, 0),
  };
  if (etag) record.etag = etag;
  if (lastModified) record.lastModified = lastModified;
  await writePackage(record, files);
  return record;
}

/**
 * The stored copy of the zip at `url`, imported on first use and again when the server has a new
 * version (its ETag or Last-Modified changed). Offline, the stored copy is used as it is.
 */
export async function ensurePackage(url: string, options: Omit<ImportOptions, 'id'> = {}): Promise<StoredPackage> {
  const href = absolute(url);
  const id = packageIdFor(href);
  const stored = await getPackage(id);
  if (!stored) return importReplacingLegacyCopy(href, { ...options, id });
  const current = await fetch(href, { method: 'HEAD', signal: options.signal, cache: 'no-cache' }).catch(() => undefined);
  const etag = current?.ok ? (current.headers.get('etag') ?? undefined) : undefined;
  const lastModified = current?.ok ? (current.headers.get('last-modified') ?? undefined) : undefined;
  const changed = (etag && etag !== stored.etag) || (lastModified && lastModified !== stored.lastModified);
  if (!changed) return stored;
  return importScormPackage(href, { ...options, id });
}

/**
 * First use of a URL under its SHA-256 id: a copy stored under the URL's pre-SHA-256 id is removed
 * once the package is imported again, and still played when it cannot be downloaded (offline).
 */
async function importReplacingLegacyCopy(href: string, options: ImportOptions): Promise<StoredPackage> {
  const legacy = await getPackage(legacyPackageIdFor(href))
    .then((record) => (record?.source === href ? record : undefined))
    .catch(() => undefined);
  let record: StoredPackage;
  try {
    record = await importScormPackage(href, options);
  } catch (error) {
    if (legacy && error instanceof LmsError && error.code === 'package/download-failed') return legacy;
    throw error;
  }
  if (legacy) await deletePackage(legacy.id).catch(() => undefined);
  return record;
}

async function open(
  source: PackageSource,
  signal?: AbortSignal,
): Promise<{ stream: ReadableStream<Uint8Array>; name: string; etag?: string; lastModified?: string }> {
  if (typeof source === 'string' || source instanceof URL) {
    const href = absolute(source);
    let response: Response;
    try {
      response = await fetch(href, { signal, credentials: 'same-origin' });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new LmsError('package/download-failed', `Could not download the package from ${href} (offline or blocked).`, { cause: error });
    }
    if (!response.ok || !response.body) {
      throw new LmsError('package/download-failed', `Could not download the package from ${href}: HTTP ${response.status}.`);
    }
    return {
      stream: response.body,
      name: href,
      etag: response.headers.get('etag') ?? undefined,
      lastModified: response.headers.get('last-modified') ?? undefined,
    };
  }
  return { stream: source.stream() as ReadableStream<Uint8Array>, name: (source as File).name || 'the package' };
}

/** Packages zipped with their folder around them: use that folder as the root. */
function rootFiles(files: UnzippedFile[]): UnzippedFile[] {
  if (files.some((file) => file.path === 'imsmanifest.xml')) return files;
  const nested = files.filter((file) => /^[^/]+\/imsmanifest\.xml$/.test(file.path));
  if (nested.length !== 1) return files;
  const prefix = nested[0].path.slice(0, -'imsmanifest.xml'.length);
  if (!files.every((file) => file.path.startsWith(prefix) || file.path.startsWith('__MACOSX/'))) return files;
  return files.filter((file) => file.path.startsWith(prefix)).map((file) => ({ ...file, path: file.path.slice(prefix.length) }));
}

function checkLaunchFiles(manifest: ScormPackage, paths: Set<string>): void {
  const issues: ValidationIssue[] = [];
  for (const organization of manifest.organizations) {
    for (const { item } of flattenItems(organization.items)) {
      if (!item.launch || /^[a-z][a-z0-9+.-]*:/i.test(item.launch)) continue;
      const file = decodePath(item.launch.split(/[?#]/)[0]);
      if (paths.has(file)) continue;
      issues.push({ path: `items.${item.identifier}`, message: `launch file "${file}" is not in the zip` });
    }
  }
  if (issues.length) {
    throw new LmsError('package/missing-file', `The package is incomplete: ${issues.map((issue) => issue.message).join('; ')}.`, {
      issues,
    });
  }
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function absolute(url: string | URL): string {
  return new URL(String(url), globalThis.location?.href).href;
}

/**
 * A URL-safe id no other source can share: the file name (for people reading it) and the SHA-256 of
 * where the package came from (its absolute URL). Ids before this were a 32-bit hash, which a
 * hostile URL could be made to match: see `legacyPackageIdFor`.
 */
export function packageIdFor(source: string): string {
  return `${labelOf(source)}-${bytesToHex(sha256(utf8ToBytes(source)))}`;
}

/**
 * The id packages had before ids were SHA-256 hashes (file name and FNV-1a 32 of the source). Never
 * used to store or serve files any more; learner records made under it keep using it as their key
 * (`OpenedPackage.recordKey`), and `ensurePackage` removes the old stored copy.
 */
export function legacyPackageIdFor(source: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < source.length; i++) hash = Math.imul(hash ^ source.charCodeAt(i), 0x01000193);
  return `${labelOf(source)}-${(hash >>> 0).toString(36)}`;
}

function labelOf(source: string): string {
  const label = (
    source
      .split('/')
      .pop()
      ?.replace(/:\d+$/, '')
      .replace(/\.zip$/i, '') ?? 'package'
  )
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .slice(0, 40);
  return label || 'package';
}
