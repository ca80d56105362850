/**
 * A SCORM package that needs a file the site serves outside it, for the offline tests, one per test name:
 *   `GET /offline-package/<name>/course.zip`: `test/scorm/external-sco` zipped, its `{{BASE}}` the URL of
 *   `/offline-package/<name>` on this server (the manifest lists the external file with an absolute xml:base);
 *   `GET /offline-package/<name>/shared/glossary.js`: the external file;
 *   `GET /offline-package/<name>/__hits`: the GETs of each, counted.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { zipSync } from 'fflate';

const FOLDER = new URL('../scorm/external-sco/', import.meta.url);
const hits = new Map();

function packageZip(base) {
  const files = {};
  for (const name of readdirSync(FOLDER))
    files[name] = Buffer.from(readFileSync(new URL(name, FOLDER), 'utf8').replaceAll('{{BASE}}', base));
  return Buffer.from(zipSync(files));
}

export function offlinePackagesMiddleware() {
  return async (ctx, next) => {
    const match = /^\/offline-package\/([\w-]+)\/(.+)$/.exec(ctx.path);
    if (!match) return next();
    const [, name, file] = match;
    if (!hits.has(name)) hits.set(name, {});
    const counts = hits.get(name);
    if (file === '__hits') {
      ctx.body = counts;
      return undefined;
    }
    if (ctx.method === 'GET') counts[file] = (counts[file] ?? 0) + 1;
    ctx.set('Cache-Control', 'no-cache');
    if (file === 'course.zip') {
      ctx.type = 'application/zip';
      ctx.body = packageZip(`${ctx.origin}/offline-package/${name}`);
    } else if (file === 'shared/glossary.js') {
      ctx.type = 'text/javascript';
      ctx.body = "window.glossary = { word: 'mise en place' };\n";
    } else ctx.status = 404;
    return undefined;
  };
}
