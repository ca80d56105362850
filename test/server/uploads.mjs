/**
 * Files a test made in the browser, served back as a web server serves files: `PUT /__uploads/<name>`
 * keeps the body in memory, `GET /__uploads/<name>` answers it with `Range` support (206 and
 * `Content-Range`), as nginx or Apache do. For tests that need a real URL for bytes they generate.
 * Pages, scripts and JSON get their own type, so an unzipped package can be played from here.
 */
const TYPES = { '.zip': 'application/zip', '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json' };

export function uploadsMiddleware() {
  const files = new Map();
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/__uploads/')) return next();
    if (ctx.method === 'PUT') {
      const chunks = [];
      for await (const chunk of ctx.req) chunks.push(chunk);
      files.set(ctx.path, Buffer.concat(chunks));
      ctx.status = 201;
      return undefined;
    }
    const body = files.get(ctx.path);
    if (!body) {
      ctx.status = 404;
      return undefined;
    }
    ctx.type = TYPES[/\.[a-z]+$/.exec(ctx.path)?.[0] ?? ''] ?? 'application/octet-stream';
    ctx.set('Accept-Ranges', 'bytes');
    const range = /^bytes=(\d*)-(\d*)$/.exec(ctx.get('range'));
    if (!range || (range[1] === '' && range[2] === '')) {
      ctx.body = body;
      return undefined;
    }
    const start = range[1] === '' ? Math.max(0, body.length - Number(range[2])) : Number(range[1]);
    const end = range[1] === '' || range[2] === '' ? body.length - 1 : Math.min(Number(range[2]), body.length - 1);
    if (start > end || start >= body.length) {
      ctx.status = 416;
      ctx.set('Content-Range', `bytes */${body.length}`);
      return undefined;
    }
    ctx.status = 206;
    ctx.set('Content-Range', `bytes ${start}-${end}/${body.length}`);
    ctx.body = body.subarray(start, end + 1);
    return undefined;
  };
}
