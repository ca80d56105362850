/**
 * The demo course served under `/offline-course/<name>/…` for the offline tests, one copy per test name,
 * as a course site would serve it and change it:
 *   `POST …/__version?v=<version>` publishes a new version (the course JSON's `version` and title say it);
 *   `GET …/__hits` counts the GETs of each file (a resumed download must not fetch a kept file again);
 *   names starting with `slow-` send media slowly (a download can be killed half-way);
 *   names starting with `big-` have, from version `big` on, a 24 MB video that lists the demo video as its 360p rendition;
 *   names starting with `huge-` have, from version `huge` on, an allergen chart (a document: no smaller rendition) of the
 *   size `POST …/__version?v=huge&bytes=<n>` gave: its `HEAD` says so, its `GET` is refused (a download must not start).
 * Everything else is read from `demo/course/` as it is.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';

const TYPES = { '.json': 'application/json', '.html': 'text/html', '.webm': 'video/webm', '.vtt': 'text/vtt', '.pdf': 'application/pdf' };
const BIG = 24 * 1024 * 1024;
const courses = new Map();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function courseOf(name) {
  if (!courses.has(name)) courses.set(name, { version: '1', hits: {} });
  return courses.get(name);
}

export function offlineCoursesMiddleware() {
  return async (ctx, next) => {
    const match = /^\/offline-course\/([\w-]+)\/(.+)$/.exec(ctx.path);
    if (!match) return next();
    const [, name, file] = match;
    const course = courseOf(name);
    if (file === '__version' && ctx.method === 'POST') {
      course.version = ctx.query.v;
      if (ctx.query.bytes) course.hugeBytes = Number(ctx.query.bytes);
      ctx.status = 204;
      return undefined;
    }
    if (file === '__hits') {
      ctx.body = course.hits;
      return undefined;
    }
    if (ctx.method === 'GET') course.hits[file] = (course.hits[file] ?? 0) + 1;
    if (file === 'media/huge.pdf') {
      ctx.type = 'application/pdf';
      if (ctx.method === 'HEAD') {
        ctx.status = 200;
        ctx.length = course.hugeBytes;
      } else ctx.status = 507;
      return undefined;
    }
    if (file === 'media/big.webm') {
      ctx.type = 'video/webm';
      ctx.body = Buffer.alloc(BIG);
      return undefined;
    }
    let body;
    try {
      body = await readFile(new URL(`../../demo/course/${file}`, import.meta.url));
    } catch {
      ctx.status = 404;
      return undefined;
    }
    if (file === 'food-safety.json') {
      const json = JSON.parse(body.toString('utf8'));
      json.version = course.version;
      json.title = `Food safety basics (version ${course.version})`;
      if (name.startsWith('big-') && course.version === 'big') {
        const video = json.modules[0].lessons.find((lesson) => lesson.kind === 'video');
        Object.assign(video, { src: 'media/big.webm', sources: [{ src: 'media/handwashing.webm', type: 'video/webm', label: '360p' }] });
      }
      if (name.startsWith('huge-') && course.version === 'huge')
        json.modules[0].lessons.find((lesson) => lesson.kind === 'document').src = 'media/huge.pdf';
      body = Buffer.from(JSON.stringify(json));
    }
    ctx.type = TYPES[extname(file)] ?? 'application/octet-stream';
    ctx.set('Cache-Control', 'no-cache');
    if (name.startsWith('slow-') && ctx.method === 'GET' && /^media\//.test(file)) {
      // Sent in slices with pauses: the test can kill the tab while these are on their way.
      ctx.length = body.length;
      const { PassThrough } = await import('node:stream');
      const stream = new PassThrough();
      ctx.body = stream;
      void (async () => {
        for (let at = 0; at < body.length; at += 8192) {
          await sleep(400);
          if (!stream.write(body.subarray(at, at + 8192))) await new Promise((resolve) => stream.once('drain', resolve));
        }
        stream.end();
      })().catch(() => stream.destroy());
      return undefined;
    }
    ctx.body = body;
    return undefined;
  };
}
