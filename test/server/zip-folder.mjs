import { existsSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { zipFolder } from '../../scripts/zip-folder.mjs';

/**
 * Serves `/__zip/<folder>.zip`: the project folder zipped on the fly, so tests can import SCORM
 * packages written for them (kept as plain files in the repository) the way learners get them.
 */
export function zipFolderMiddleware(root = process.cwd()) {
  const base = resolve(root);
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/__zip/') || !ctx.path.endsWith('.zip')) return next();
    // `/__zip/~<anything>/<folder>.zip` is the same zip at another URL (package-id collision tests).
    const path = ctx.path.slice('/__zip/'.length, -'.zip'.length).replace(/^~[^/]*\//, '');
    const folder = resolve(base, decodeURIComponent(path));
    if (!folder.startsWith(base + sep) || !existsSync(folder) || !statSync(folder).isDirectory()) {
      ctx.status = 404;
      return undefined;
    }
    ctx.type = 'application/zip';
    ctx.body = Buffer.from(zipFolder(folder));
    return undefined;
  };
}
