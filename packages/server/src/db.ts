/**
 * The one database interface the server uses: parameterized queries and transactions, over a real
 * PostgreSQL (`pg` pool, any number of server instances) or PGlite (embedded, one process) with the
 * same SQL. Nothing else in the server knows which one it runs on.
 */
import pg from 'pg';

export interface QueryResult<Row> {
  rows: Row[];
}

export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<Row>>;
}

export interface Db extends Queryable {
  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  readonly kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

export interface DbOptions {
  /** `postgres://…`: a real PostgreSQL. Without it, PGlite in `dataDir` (in memory when left out). */
  databaseUrl?: string;
  dataDir?: string;
  /** Connections per instance (pg pool size); keep instances × max under the server's `max_connections`. */
  maxConnections?: number;
}

// int8 (counts, sequence numbers) as JS numbers: they stay far below 2^53 here.
pg.types.setTypeParser(20, (value) => Number(value));

export async function openDb(options: DbOptions = {}): Promise<Db> {
  if (options.databaseUrl) return postgresDb(options.databaseUrl, options.maxConnections ?? 10);
  return pgliteDb(options.dataDir);
}

function postgresDb(url: string, max: number): Db {
  const pool = new pg.Pool({ connectionString: url, max });
  return {
    kind: 'postgres',
    query: (sql, params) => pool.query(sql, params) as never,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({ query: (sql, params) => client.query(sql, params) as never });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

async function pgliteDb(dataDir: string | undefined): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  if (dataDir) (await import('node:fs')).mkdirSync(dataDir, { recursive: true });
  const db = new PGlite(dataDir);
  await db.waitReady;
  return {
    kind: 'pglite',
    query: (sql, params) => db.query(sql, params) as never,
    transaction: (work) => db.transaction((tx) => work({ query: (sql, params) => tx.query(sql, params) as never })),
    close: () => db.close(),
  };
}
