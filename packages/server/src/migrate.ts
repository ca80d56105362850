/**
 * Versioned SQL migrations: `migrations/NNN_name.sql`, applied in order, each in its own transaction,
 * recorded in `schema_migrations`. An advisory lock makes instances that start together apply them once.
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Db } from './db.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));
const LOCK_ID = 7_305_113;

export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = (await readdir(dir)).filter((name) => /^\d+_.+\.sql$/.test(name)).sort();
  const applied: string[] = [];
  await db.query('CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
  for (const file of files) {
    const version = file.replace(/\.sql$/, '');
    const sql = await readFile(dir + file, 'utf8');
    await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_ID]);
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [version]);
      if (done.rows.length) return;
      await execScript(tx, sql);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
      applied.push(version);
    });
  }
  return applied;
}

/** Statements one by one: the extended protocol (both clients) takes a single statement per query. */
async function execScript(tx: { query: Db['query'] }, sql: string): Promise<void> {
  for (const statement of splitStatements(sql)) await tx.query(statement);
}

/** Splits on `;` outside quotes, dollar-quoted bodies (`$$ … $$`) and `--` comments. */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = '';
  for (let i = 0; i < sql.length; i++) {
    const rest = sql.slice(i);
    const dollar = /^\$\w*\$/.exec(rest)?.[0];
    if (dollar) {
      const end = sql.indexOf(dollar, i + dollar.length);
      const stop = end < 0 ? sql.length : end + dollar.length;
      current += sql.slice(i, stop);
      i = stop - 1;
    } else if (sql[i] === "'") {
      const end = sql.indexOf("'", i + 1);
      const stop = end < 0 ? sql.length : end + 1;
      current += sql.slice(i, stop);
      i = stop - 1;
    } else if (rest.startsWith('--')) {
      const end = sql.indexOf('\n', i);
      i = (end < 0 ? sql.length : end) - 1;
    } else if (sql[i] === ';') {
      if (current.trim()) statements.push(current.trim());
      current = '';
    } else current += sql[i];
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}
