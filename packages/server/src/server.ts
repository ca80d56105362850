/** Opens the database, applies migrations and serves the app on Node's HTTP server. */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp, type AppOptions } from './app.js';
import { openDb, type DbOptions } from './db.js';
import { startForwarder, type ForwarderOptions } from './lrs-forwarder.js';
import { migrate } from './migrate.js';
import { scheduleReminders } from './reminders.js';

export interface ServerOptions extends DbOptions, Omit<AppOptions, 'db'> {
  host?: string;
  port?: number;
  /** Forwarding of queued statements to the tenants' LRSs; `false` turns it off in this instance. */
  forwarding?: ForwarderOptions | false;
  /** Minutes between runs of the reminder job (every instance may run it: a reminder is sent once); default 15, 0 turns it off. */
  remindersEveryMinutes?: number;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const db = await openDb(options);
  await migrate(db);
  const app = createApp({ ...options, db });
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: host, port: options.port ?? 8787 }, () => resolve(s));
  });
  const forwarder = options.forwarding === false ? undefined : startForwarder(db, options.forwarding);
  const minutes = options.remindersEveryMinutes ?? 15;
  const stopReminders = minutes > 0 ? scheduleReminders(db, minutes * 60_000) : undefined;
  // Idle keep-alive connections outlive a client's (and a load balancer's) reuse window: a request sent on a
  // connection the server is closing at that moment would fail.
  Object.assign(server, { keepAliveTimeout: 65_000, headersTimeout: 66_000 });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    close: () => {
      forwarder?.stop();
      stopReminders?.();
      return new Promise<void>((resolve) => server.close(() => resolve())).then(() => db.close());
    },
  };
}
