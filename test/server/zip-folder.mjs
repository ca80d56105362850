import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { zipSync } from 'fflate';

/**
 * Serves `/__zip/<folder>.zip`: the project folder zipped on the fly, so tests can import SCORM
 * packages written for them (kept as plain files in the repository) the way learners get them.
 */
export function zipFolderMiddleware(root = process.cwd()) {
  const base = resolve(root);
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/__zip/') || !ctx.path.endsWith('.zip')) return next();
    const folder = resolve(base, decodeURIComponent(ctx.path.slice('/__zip/'.length, -'.zip'.length)));
    if (!folder.startsWith(base + sep) || !existsSync(folder) || !statSync(folder).isDirectory()) {
      ctx.status = 404;
      return undefined;
    }
    const files = {};
    const walk = (dir) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else files[relative(folder, full).split(sep).join('/')] = readFileSync(full);
      }
    };
    walk(folder);
    ctx.type = 'application/zip';
    ctx.body = Buffer.from(zipSync(files));
    return undefined;
  };
}
