import { HttpStorageAdapter } from '@lms-kit/storage/http';
import { runStorageAdapterSuite } from '@lms-kit/storage/test-suite';
import { runProtocolSuite } from '../protocol/storage-protocol.js';
import { freshTenant } from '../helpers/server.js';
import { protocolBase, skipWithoutWordPress, wordpress, wordpressToken } from '../helpers/wordpress.js';

/**
 * The WordPress plugin implements the protocol of `@lms-kit/server` in PHP: the same suites that run
 * against the server run against it (a real WordPress on MariaDB, see test/server/wordpress.mjs).
 */
before(async function () {
  this.timeout(300_000);
  await skipWithoutWordPress(this);
  await wordpress();
});

const base = async () => protocolBase(await wordpress());

runProtocolSuite('WordPress plugin', { base, token: wordpressToken, openapi: false, sessions: false });

// Every request boots WordPress (PHP's server, 4 workers): the contract's concurrency cases take longer than on Node.
describe('WordPress plugin: storage adapter contract', function () {
  this.timeout(60_000);
  const tokens = new WeakMap<HttpStorageAdapter, string>();
  runStorageAdapterSuite('HttpStorageAdapter on the WordPress plugin', {
    async create() {
      const token = await wordpressToken({ sub: 'mailto:ada@example.com', tenant: freshTenant('wp'), roles: ['admin'] });
      const adapter = new HttpStorageAdapter({ endpoint: await base(), token });
      tokens.set(adapter, token);
      return adapter;
    },
    connectAgain: async (adapter) => new HttpStorageAdapter({ endpoint: await base(), token: tokens.get(adapter as HttpStorageAdapter)! }),
  });
});
