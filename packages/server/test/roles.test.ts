import { runProtocolSuite } from '../../../test/protocol/storage-protocol.js';
import { lmsServer, tokenFor, type Backend } from '../../../test/helpers/server.js';

/** Roles and tenants are enforced by the server: the shared protocol suite, on PostgreSQL and PGlite. */
for (const backend of ['postgres', 'pglite'] as Backend[])
  runProtocolSuite(`server on ${backend}`, {
    base: async () => (await lmsServer(backend))[0],
    token: tokenFor,
    openapi: true,
    batch: true,
  });
