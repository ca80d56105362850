import { LmsError } from '@lms-kit/core';
import { Unzip, UnzipInflate, UnzipPassThrough, type UnzipFile } from 'fflate';
import { mimeType } from '../store/mime.js';

/** Caps that stop a hostile or broken zip before it fills memory or the disk ("zip bomb"). */
export interface UnzipLimits {
  /** Total uncompressed bytes. Default 1 GiB. */
  maxTotalBytes?: number;
  /** Uncompressed / compressed bytes, checked once past 1 MiB of output. Default 200. */
  maxRatio?: number;
  /**
   * Number of entries. Default 10 000 (large authoring-tool exports have a few thousand). fflate's
   * streaming unzipper spends time growing with the square of the entry count, so the cap also
   * bounds how long a hostile zip can keep the page busy (about a second at 10 000 entries).
   */
  maxEntries?: number;
}

export interface UnzippedFile {
  path: string;
  data: Blob;
}

const DEFAULTS: Required<UnzipLimits> = { maxTotalBytes: 1024 ** 3, maxRatio: 200, maxEntries: 10_000 };
const RATIO_CHECK_AFTER = 1024 * 1024;
/**
 * fflate's streaming unzipper recurses once per entry found in the bytes it is given: thousands of
 * small entries in one chunk overflow the stack. Fed in slices this small, it recurses at most
 * about a hundred times (a local header is at least 30 bytes).
 */
const SLICE = 4096;

/**
 * Unzips a stream as it arrives (fflate), keeping each file as a Blob. Entries whose names could
 * escape the package (`../`, absolute paths, drive letters) fail with `package/unsafe-path`, a path
 * that appears twice (also once normalized: `a//b` and `a/b`) with `package/duplicate-entry`; a stream
 * that is not a zip fails with `package/not-a-zip`; a zip that inflates past the limits fails with
 * `package/too-large` as soon as the limit is crossed, not after.
 */
export async function unzipStream(
  stream: ReadableStream<Uint8Array>,
  limits: UnzipLimits = {},
  signal?: AbortSignal,
): Promise<UnzippedFile[]> {
  const { maxTotalBytes, maxRatio, maxEntries } = { ...DEFAULTS, ...limits };
  const files: UnzippedFile[] = [];
  const open = new Set<string>();
  const seen = new Set<string>();
  let failure: LmsError | undefined;
  let compressedBytes = 0;
  let totalBytes = 0;
  let entries = 0;
  const fail = (error: LmsError) => (failure ??= error);

  const unzip = new Unzip((file: UnzipFile) => {
    if (failure) return;
    if (++entries > maxEntries) return void fail(new LmsError('package/too-large', `The zip has more than ${maxEntries} entries.`));
    const path = safePath(file.name);
    if (path === undefined) {
      return void fail(new LmsError('package/unsafe-path', `The zip contains an entry that points outside the package: "${file.name}".`));
    }
    if (path === '') return; // a folder entry
    // Two entries for one path: a checker may read one copy and a server serve the other.
    if (seen.has(path)) return void fail(new LmsError('package/duplicate-entry', `The zip has "${path}" more than once.`));
    seen.add(path);
    const chunks: Uint8Array[] = [];
    open.add(path);
    file.ondata = (error, data, final) => {
      if (failure) return;
      if (error)
        return void fail(new LmsError('package/corrupt-zip', `"${file.name}" cannot be unzipped: ${error.message}`, { cause: error }));
      totalBytes += data.length;
      if (totalBytes > maxTotalBytes) {
        file.terminate();
        return void fail(new LmsError('package/too-large', `The package unzips to more than ${formatBytes(maxTotalBytes)}.`));
      }
      if (totalBytes > RATIO_CHECK_AFTER && totalBytes / Math.max(compressedBytes, 1) > maxRatio) {
        file.terminate();
        return void fail(
          new LmsError('package/too-large', `The zip expands more than ${maxRatio} times its size: it looks like a zip bomb.`),
        );
      }
      if (data.length) chunks.push(data);
      if (final) {
        open.delete(path);
        files.push({ path, data: new Blob(chunks as BlobPart[], { type: mimeType(path) }) });
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);

  const reader = stream.getReader();
  let first = true;
  try {
    for (;;) {
      if (signal?.aborted) throw signal.reason;
      const { value, done } = await reader.read();
      if (done) break;
      if (first && value.length) {
        if (!isZipSignature(value)) throw new LmsError('package/not-a-zip', 'The file is not a zip archive (a SCORM package is a .zip).');
        first = false;
      }
      compressedBytes += value.length;
      try {
        for (let at = 0; at < value.length && !failure; at += SLICE) unzip.push(value.subarray(at, at + SLICE), false);
      } catch (error) {
        fail(new LmsError('package/corrupt-zip', `The zip is damaged: ${(error as Error).message}`, { cause: error }));
      }
      if (failure) throw failure;
    }
    if (first) throw new LmsError('package/not-a-zip', 'The file is empty: a SCORM package is a .zip.');
    try {
      unzip.push(new Uint8Array(0), true);
    } catch (error) {
      fail(new LmsError('package/corrupt-zip', `The zip is damaged: ${(error as Error).message}`, { cause: error }));
    }
    if (failure) throw failure;
    if (open.size) throw new LmsError('package/corrupt-zip', `The zip ends in the middle of "${[...open][0]}".`);
    return files;
  } finally {
    void reader.cancel().catch(() => undefined);
  }
}

function isZipSignature(bytes: Uint8Array): boolean {
  // Local file header, or the end record of an empty archive.
  return bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

/** The entry's path inside the package, '' for folders, undefined when it would land outside it. */
export function safePath(name: string): string | undefined {
  const normalized = name.replace(/\\/g, '/');
  if (normalized.startsWith('/') || /^[a-z]:/i.test(normalized) || normalized.includes('\0')) return undefined;
  const segments: string[] = [];
  for (const segment of normalized.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') return undefined;
    segments.push(segment);
  }
  return normalized.endsWith('/') ? '' : segments.join('/');
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GiB` : `${Math.round(bytes / 1024 ** 2)} MiB`;
}
