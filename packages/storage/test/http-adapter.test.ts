import { HttpStorageAdapter } from '@lms-kit/storage/http';
import { runStorageAdapterSuite } from '@lms-kit/storage/test-suite';
import { freshTenant, lmsServer, tokenFor, type Backend } from '../../../test/helpers/server.js';

/**
 * The adapter contract against the real server, on a real PostgreSQL and on PGlite. Each store is a
 * tenant of its own; the suite writes two learners' records, so it runs as the tenant's admin.
 */
const backends: Backend[] = ['postgres', 'pglite'];

before(async function () {
  // A first start makes a PostgreSQL cluster and a PGlite database: seconds, more on a busy machine.
  this.timeout(180_000);
  await Promise.all(backends.map((backend) => lmsServer(backend)));
});

for (const backend of backends) {
  const tokens = new WeakMap<HttpStorageAdapter, string>();
  runStorageAdapterSuite(`HttpStorageAdapter on ${backend}`, {
    async create() {
      const [endpoint] = await lmsServer(backend);
      const token = await tokenFor({ sub: 'mailto:ada@example.com', tenant: freshTenant(backend), roles: ['admin'] });
      const adapter = new HttpStorageAdapter({ endpoint, token });
      tokens.set(adapter, token);
      return adapter;
    },
    connectAgain: (adapter) =>
      new HttpStorageAdapter({ endpoint: adapter.scope.replace(/^http:/, ''), token: tokens.get(adapter as HttpStorageAdapter)! }),
  });
}
