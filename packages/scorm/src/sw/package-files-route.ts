import { getPackageFile } from '../store/package-db.js';
import type { RouteContext, ServiceWorkerRoute } from './router.js';

/** Package files are served under `<scope>lms-kit/packages/<package id>/<path inside the package>`. */
export const PACKAGE_PATH = 'lms-kit/packages/';

export function packageFileUrl(scope: string, packageId: string, path: string): string {
  const encoded = path
    .split('/')
    .map((segment) => encodeURIComponent(safeDecode(segment)))
    .join('/');
  return new URL(`${PACKAGE_PATH}${encodeURIComponent(packageId)}/${encoded}`, scope).href;
}

/**
 * Answers requests for imported package files from the package database, with the MIME type recorded
 * at import, so the package's relative links, scripts, styles and media work as on a web server
 * (byte ranges included, for seeking in video).
 */
export function packageFilesRoute(): ServiceWorkerRoute {
  return {
    match: (url) => url.pathname.includes(`/${PACKAGE_PATH}`) && url.origin === self.location.origin,
    async handle(request: Request, { scope }: RouteContext) {
      const prefix = new URL(PACKAGE_PATH, scope).pathname;
      const { pathname } = new URL(request.url);
      if (!pathname.startsWith(prefix)) return notFound(pathname);
      const [encodedId, ...rest] = pathname.slice(prefix.length).split('/');
      const packageId = safeDecode(encodedId);
      const path = rest.map(safeDecode).join('/');
      const file = await getPackageFile(packageId, path);
      if (!file) return notFound(`${path} (package ${packageId})`);
      return respondWithBlob(file.data, request.headers.get('range'));
    },
  };
}

/** A stored file as a response, honouring a `Range` header (seeking in video). */
export function respondWithBlob(blob: Blob, range: string | null): Response {
  const headers = { 'Content-Type': blob.type || 'application/octet-stream', 'Cache-Control': 'no-cache', 'Accept-Ranges': 'bytes' };
  const match = range ? /^bytes=(\d*)-(\d*)$/.exec(range) : null;
  if (match && (match[1] || match[2])) {
    const size = blob.size;
    const start = match[1] ? Number(match[1]) : Math.max(0, size - Number(match[2]));
    const end = match[1] && match[2] ? Math.min(Number(match[2]), size - 1) : size - 1;
    if (start > end || start >= size) return new Response(null, { status: 416, headers: { 'Content-Range': `bytes */${size}` } });
    return new Response(blob.slice(start, end + 1), {
      status: 206,
      headers: { ...headers, 'Content-Range': `bytes ${start}-${end}/${size}`, 'Content-Length': String(end - start + 1) },
    });
  }
  return new Response(blob, { headers: { ...headers, 'Content-Length': String(blob.size) } });
}

function notFound(what: string): Response {
  return new Response(`Not in the package: ${what}`, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
