import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

/** Serves test/pages/**\/cmi5.xml with the test server's origin written in place of `__ORIGIN__`. */
export function cmi5FixturesMiddleware() {
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/test/pages/') || !ctx.path.endsWith('/cmi5.xml')) return next();
    const file = resolve(process.cwd(), `.${ctx.path}`);
    const xml = await readFile(file, 'utf8');
    ctx.type = 'application/xml';
    ctx.body = xml.replaceAll('__ORIGIN__', ctx.origin);
    return undefined;
  };
}
