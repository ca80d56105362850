import { HttpStorageAdapter } from '@lms-kit/storage/http';
import { runStorageAdapterSuite } from '@lms-kit/storage/test-suite';
import { runProtocolSuite } from '../protocol/storage-protocol.js';
import { expect } from '@open-wc/testing';
import { freshTenant, lmsServer } from '../helpers/server.js';
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

runProtocolSuite('WordPress plugin', { base, token: wordpressToken, openapi: true, sessions: false });

describe('WordPress plugin: OpenAPI document', function () {
  this.timeout(120_000);

  it("is the Node server's document with only the operations the plugin registers, at v1/openapi.json too", async () => {
    type Doc = { paths: Record<string, Record<string, unknown>> } & Record<string, unknown>;
    const server: Doc = await (await fetch(new URL('openapi.json', (await lmsServer('pglite'))[0]))).json();
    const plugin: Doc = await (await fetch(new URL('v1/openapi.json', await base()))).json();
    expect(await (await fetch(new URL('openapi.json', await base()))).json()).to.deep.equal(plugin);
    // Everything but the paths is the server's; each operation listed is the server's, word for word.
    expect({ ...plugin, paths: {} }).to.deep.equal({ ...server, paths: {} });
    const operations = Object.entries(plugin.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ path, method })));
    for (const { path, method } of operations)
      expect(plugin.paths[path][method], `${method} ${path}`).to.deep.equal(server.paths[path]?.[method]);
    // The protocol the suites above exercise is all there.
    expect(operations.length).to.be.greaterThan(25);
    for (const path of [
      '/v1/progress/{learner}/{course}',
      '/v1/records/{collection}/{id}',
      '/v1/outbox',
      '/v1/reports/courses/{course}/summary',
    ])
      expect(plugin.paths, path).to.have.property(path);
  });
});

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
