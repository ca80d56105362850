import { createReadStream, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import { fixturesDir } from './fixtures.mjs';

const TYPES = { '.zip': 'application/zip', '.json': 'application/json', '.xml': 'application/xml', '.md': 'text/markdown' };
const PREFIX = '/__shared/fixtures/';

/**
 * Serves the third-party fixtures (`LMS_KIT_FIXTURES`, by default `../shared/fixtures`; never copied
 * into the project) at `/__shared/fixtures/` for the browser tests.
 */
export function sharedFilesMiddleware(dir = fixturesDir()) {
  return async (ctx, next) => {
    if (!ctx.path.startsWith(PREFIX)) return next();
    const file = resolve(dir, decodeURIComponent(ctx.path.slice(PREFIX.length)));
    if (!file.startsWith(dir + sep) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      ctx.status = 404;
      ctx.body = `Not found in ${dir}: ${ctx.path}`;
      return undefined;
    }
    ctx.type = TYPES[extname(file)] ?? 'application/octet-stream';
    ctx.body = createReadStream(file);
    return undefined;
  };
}
