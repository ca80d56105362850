import { LmsError } from '@lms-kit/core';
import type { OfflineFile } from './offline-index.js';

/** How far a download is: `planning` reads the course and sizes its files, `downloading` fetches them, `finishing` switches copies. */
export interface OfflineProgress {
  phase: 'planning' | 'downloading' | 'finishing';
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  /** Known sizes added up (a server that sends no `Content-Length` adds its bytes as they come). */
  bytesTotal: number;
}

/** Files fetched at once: enough to keep a connection busy, few enough to leave room for the learner's own requests. */
const PARALLEL = 3;

async function eachLimited<T>(items: T[], task: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await task(item);
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));
}

/** Fills in `bytes`: from a file already kept in `cache`, else from a `HEAD` request (unknown stays undefined). */
export async function fileSizes(files: { url: string; bytes?: number }[], cache: Cache, signal?: AbortSignal): Promise<void> {
  await eachLimited(files, async (file) => {
    const kept = await cache.match(file.url);
    const length = kept
      ? kept.headers.get('Content-Length')
      : await fetch(file.url, { method: 'HEAD', cache: 'no-store', credentials: 'same-origin', signal })
          .then((response) => (response.ok ? response.headers.get('Content-Length') : null))
          .catch(() => null);
    if (length !== null && Number.isFinite(Number(length))) file.bytes = Number(length);
  });
  signal?.throwIfAborted();
}

/** Downloads the files not yet in `cache` into it, reporting bytes as they arrive. */
export async function downloadFiles(
  files: OfflineFile[],
  cache: Cache,
  options: {
    signal?: AbortSignal;
    onProgress?: (progress: OfflineProgress) => void;
    /**
     * A file did not fit (the browser refused it for lack of room, whatever the estimate said): another file
     * to keep instead, null to leave it out, undefined to fail with `offline/quota`.
     */
    onQuota?: (file: OfflineFile) => Promise<OfflineFile | null | undefined>;
  },
): Promise<void> {
  const { signal } = options;
  const kept = new Set((await cache.keys()).map((request) => request.url));
  const progress: OfflineProgress = {
    phase: 'downloading',
    filesDone: 0,
    filesTotal: files.length,
    bytesDone: 0,
    bytesTotal: files.reduce((total, file) => total + (file.bytes ?? 0), 0),
  };
  for (const file of files)
    if (kept.has(file.url)) {
      progress.filesDone++;
      progress.bytesDone += file.bytes ?? 0;
    }
  options.onProgress?.({ ...progress });
  const keep = async (file: OfflineFile): Promise<void> => {
    signal?.throwIfAborted();
    const response = await fetchFile(file.url, signal);
    if (!response.body) throw new LmsError('offline/download-failed', `Could not download ${file.url}: no body.`);
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    const expected = file.bytes ?? 0;
    let received = 0;
    const reader = response.body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      chunks.push(chunk.value);
      const before = received;
      received += chunk.value.byteLength;
      progress.bytesDone += chunk.value.byteLength;
      // Past the announced size (or none was announced): the total grows with it.
      progress.bytesTotal += Math.max(0, received - Math.max(expected, before));
      options.onProgress?.({ ...progress });
    }
    if (received < expected) progress.bytesTotal -= expected - received;
    file.bytes = received;
    const type = response.headers.get('Content-Type') ?? 'application/octet-stream';
    const body = new Blob(chunks, { type });
    try {
      await cache.put(file.url, new Response(body, { headers: { 'Content-Type': type, 'Content-Length': String(received) } }));
    } catch (error) {
      if ((error as DOMException)?.name !== 'QuotaExceededError')
        throw new LmsError('offline/download-failed', `Could not keep ${file.url} offline: ${(error as Error).message}`, { cause: error });
      progress.bytesDone -= received;
      progress.bytesTotal -= received;
      const instead = await options.onQuota?.(file);
      if (instead === undefined)
        throw new LmsError('offline/quota', 'This device ran out of room while keeping the course offline.', { cause: error });
      files.splice(files.indexOf(file), 1, ...(instead ? [instead] : []));
      if (!instead) progress.filesTotal--;
      else {
        progress.bytesTotal += instead.bytes ?? 0;
        return keep(instead);
      }
      options.onProgress?.({ ...progress });
      return;
    }
    progress.filesDone++;
    options.onProgress?.({ ...progress });
  };
  await eachLimited(
    files.filter((file) => !kept.has(file.url)),
    keep,
  );
}

/** Straight from the network: `no-store` also tells LMS Kit's service worker not to answer from a copy. */
export async function fetchFile(url: string, signal?: AbortSignal): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-store', credentials: 'same-origin', signal });
  } catch (error) {
    if (signal?.aborted) throw signal.reason ?? error;
    throw new LmsError('offline/download-failed', `Could not download ${url} (offline or blocked).`, { cause: error });
  }
  if (!response.ok) throw new LmsError('offline/download-failed', `Could not download ${url}: HTTP ${response.status}.`);
  return response;
}
