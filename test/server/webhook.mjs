/**
 * A webhook receiver of the tests' own, on the test server (loopback): `POST /__webhook/<bin>` keeps the
 * JSON body and answers 204 (a bin named `down-…` answers 503, as a receiver that is down);
 * `GET /__webhook/<bin>` answers what the bin received, in order.
 */
export function webhookMiddleware() {
  const bins = new Map();
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/__webhook/')) return next();
    const bin = ctx.path.slice('/__webhook/'.length);
    if (ctx.method === 'POST') {
      const chunks = [];
      for await (const chunk of ctx.req) chunks.push(chunk);
      bins.set(bin, [...(bins.get(bin) ?? []), JSON.parse(Buffer.concat(chunks).toString('utf8'))]);
      ctx.status = bin.startsWith('down-') ? 503 : 204;
      return undefined;
    }
    ctx.body = bins.get(bin) ?? [];
    return undefined;
  };
}
