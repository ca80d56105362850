/**
 * A small static file server (byte ranges included, so video seeking works). Used by `npm start`
 * for the demo and by the benchmarks; any static server would do for either.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webm': 'video/webm',
  '.mp4': 'video/mp4',
  '.vtt': 'text/vtt; charset=utf-8',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
  '.xml': 'application/xml',
};

/** Starts serving `root`; resolves to the server once it listens (port 0 picks a free port). */
/** `cors: true` lets pages of other origins load its files (a CDN). */
export function startStaticServer({ root = process.cwd(), port = 0, host = '127.0.0.1', cors = false } = {}) {
  const base = resolve(root);
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', `http://${host}`);
    let file = normalize(join(base, decodeURIComponent(url.pathname)));
    if (!file.startsWith(base + sep) && file !== base) return send(response, 403, 'Forbidden');
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return send(response, 404, `Not found: ${url.pathname}`);
    const size = statSync(file).size;
    const headers = {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Accept-Ranges': 'bytes',
      'Cache-Control': 'no-cache',
      ...(cors ? { 'Access-Control-Allow-Origin': '*' } : {}),
    };
    const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.range ?? '');
    if (range) {
      // bytes=-N is the last N bytes (all of the file when N is larger).
      const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
      const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
      if (start > end || start >= size) return send(response, 416, 'Range not satisfiable', { 'Content-Range': `bytes */${size}` });
      response.writeHead(206, { ...headers, 'Content-Range': `bytes ${start}-${end}/${size}`, 'Content-Length': end - start + 1 });
      createReadStream(file, { start, end }).pipe(response);
      return undefined;
    }
    response.writeHead(200, { ...headers, 'Content-Length': size });
    createReadStream(file).pipe(response);
    return undefined;
  });
  return new Promise((resolvePromise) => server.listen(port, host, () => resolvePromise(server)));
}

function send(response, status, text, headers = {}) {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  response.end(text);
}
