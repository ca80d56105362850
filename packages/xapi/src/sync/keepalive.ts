import type { OutboxEntry } from '@lms-kit/storage';
import type { LrsClient } from '../lrs/client.js';

/** Browsers refuse keepalive requests whose bodies add up to more than 64 KiB; stay under it, with room for headers. */
const KEEPALIVE_BUDGET = 60 * 1024;

/**
 * Sends what each LRS still lacks with `fetch(…, { keepalive: true })`, so it can leave with a page
 * that is going away. The budget is shared between the LRSs; each gets the oldest statements that fit.
 * Nothing is marked sent: the next sync sends them again and the LRS stores each id once.
 */
export function sendWithKeepalive(targets: Array<{ client: LrsClient; entries: OutboxEntry[] }>): void {
  const budget = Math.floor(KEEPALIVE_BUDGET / Math.max(1, targets.length));
  const encoder = new TextEncoder();
  for (const { client, entries } of targets) {
    const headers = client.headersNow();
    if (!headers || entries.length === 0) continue;
    let body = '';
    for (let count = entries.length; count > 0; count = Math.floor(count / 2)) {
      body = JSON.stringify(entries.slice(0, count).map((entry) => entry.statement));
      if (encoder.encode(body).length <= budget) break;
      body = '';
    }
    if (!body) continue;
    fetch(client.url('statements'), { method: 'POST', headers, body, keepalive: true, credentials: 'omit' }).catch(() => undefined);
  }
}
