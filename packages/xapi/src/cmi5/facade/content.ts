import type { StorageAdapter } from '@lms-kit/storage';
import type { Cmi5PackageFile } from '../import.js';
import { Cmi5Collections } from '../records.js';

/** Serves a file of an imported package, with byte ranges (video seeking) and no caching of stale versions. */
export async function handleContent(storage: StorageAdapter, courseKey: string, path: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
  const file = await storage.getRecord<Cmi5PackageFile & { [field: string]: unknown }>(
    Cmi5Collections.files,
    `${courseKey}/${path || 'index.html'}`,
  );
  if (!file) return new Response(`Not in the course package: ${path}`, { status: 404, headers: { 'Content-Type': 'text/plain' } });
  const headers: Record<string, string> = { 'Content-Type': file.type, 'Accept-Ranges': 'bytes', 'Cache-Control': 'no-cache' };
  const size = file.blob.size;
  const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.get('Range') ?? '');
  if (range && (range[1] || range[2])) {
    const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
    const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    if (start >= size || start > end) return new Response(null, { status: 416, headers: { 'Content-Range': `bytes */${size}` } });
    return new Response(request.method === 'HEAD' ? null : file.blob.slice(start, end + 1), {
      status: 206,
      headers: { ...headers, 'Content-Range': `bytes ${start}-${end}/${size}`, 'Content-Length': String(end - start + 1) },
    });
  }
  return new Response(request.method === 'HEAD' ? null : file.blob, {
    status: 200,
    headers: { ...headers, 'Content-Length': String(size) },
  });
}
