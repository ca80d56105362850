/**
 * Several writes in one request: what a page's write-behind queue sends when it comes back online, or
 * any client with many small writes. Each item is the single request it stands for (same route, same
 * checks, its own `If-Match`), run in order, and gets its own status, ETag and body: all-or-nothing per
 * item, not per batch, so one conflicting item (412) does not hold back the others. What a batch saves
 * is the HTTP round trip, connection and parsing per write.
 */
import { route } from '../api.js';
import { HttpError } from '../errors.js';
import * as s from '../schemas.js';

export const batchRoutes = [
  route({
    method: 'post',
    path: '/v1/batch',
    tag: 'progress',
    summary:
      'Runs up to 100 writes (`{ method, path, ifMatch?, ifNoneMatch?, body? }` of progress, lesson states, attempts, values, records, outbox) in order, each as its own request with its own precondition; answers `{ results: [{ status, etag?, body? }] }` in the same order.',
    body: s.batchBody,
    async handler({ c, body, services }) {
      const dispatch = services.dispatch;
      if (!dispatch) throw new HttpError(404, 'server/not-found', 'This server runs no batches.');
      const authorization = c.req.header('authorization') ?? '';
      const results: Array<{ status: number; etag?: string; body?: unknown }> = [];
      for (const item of body.items) {
        const headers: Record<string, string> = { authorization };
        if (item.body !== undefined) headers['content-type'] = 'application/json';
        if (item.ifMatch) headers['if-match'] = item.ifMatch;
        if (item.ifNoneMatch) headers['if-none-match'] = item.ifNoneMatch;
        const response = await dispatch(
          new Request(new URL(`/${item.path.replace(/^\//, '')}`, c.req.url), {
            method: item.method,
            headers,
            ...(item.body !== undefined ? { body: JSON.stringify(item.body) } : {}),
          }),
        );
        const text = await response.text();
        const etag = response.headers.get('etag');
        results.push({ status: response.status, ...(etag ? { etag } : {}), ...(text ? { body: JSON.parse(text) } : {}) });
      }
      return { results };
    },
  }),
];
