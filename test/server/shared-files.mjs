import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';

const TYPES = { '.zip': 'application/zip', '.json': 'application/json', '.xml': 'application/xml', '.md': 'text/markdown' };

/**
 * Serves `../shared/` (third-party course packages kept beside the clone, never copied into it)
 * at `/__shared/` for the browser tests.
 */
export function sharedFilesMiddleware(sharedDir = resolve(process.cwd(), '..', 'shared')) {
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/__shared/')) return next();
    const file = resolve(sharedDir, decodeURIComponent(ctx.path.slice('/__shared/'.length)));
    if (!file.startsWith(sharedDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      ctx.status = 404;
      ctx.body = `Not found in ${sharedDir}: ${ctx.path}`;
      return undefined;
    }
    ctx.type = TYPES[extname(file)] ?? 'application/octet-stream';
    ctx.body = createReadStream(file);
    return undefined;
  };
}
