/**
 * Versioned learner documents (progress, lesson states): read with their version, written with a
 * precondition so two devices, tabs or server instances never lose each other's updates. The check
 * is one conditional SQL statement, so it holds across any number of server instances.
 */
import type { Context } from 'hono';
import type { Queryable } from './db.js';
import { HttpError } from './errors.js';

export interface DocumentTable {
  table: 'progress' | 'lesson_states';
  /** Key columns after tenant_id, in primary-key order. */
  keys: string[];
}

export interface Versioned {
  value: unknown;
  version: number;
}

export async function readDocument(db: Queryable, t: DocumentTable, key: unknown[]): Promise<Versioned | undefined> {
  const where = t.keys.map((k, i) => `${k} = $${i + 2}`).join(' AND ');
  const { rows } = await db.query<{ data: unknown; version: number }>(
    `SELECT data, version FROM ${t.table} WHERE tenant_id = $1 AND ${where}`,
    key,
  );
  return rows[0] && { value: rows[0].data, version: rows[0].version };
}

/**
 * Writes `value` if the stored version is `expected` (`'none'`: only if absent; `undefined`: always).
 * Answers the new version, or throws 412 with the current document.
 */
export async function writeDocument(
  db: Queryable,
  t: DocumentTable,
  key: unknown[],
  value: unknown,
  expected: number | 'none' | undefined,
): Promise<Versioned> {
  const json = JSON.stringify(value);
  const n = key.length;
  const columns = ['tenant_id', ...t.keys].join(', ');
  const placeholders = key.map((_, i) => `$${i + 1}`).join(', ');
  const where = t.keys.map((k, i) => `${k} = $${i + 2}`).join(' AND ');
  let sql: string;
  let params: unknown[];
  if (expected === 'none') {
    sql = `INSERT INTO ${t.table} (${columns}, data) VALUES (${placeholders}, $${n + 1}::jsonb) ON CONFLICT DO NOTHING RETURNING version`;
    params = [...key, json];
  } else if (expected === undefined) {
    sql = `INSERT INTO ${t.table} (${columns}, data) VALUES (${placeholders}, $${n + 1}::jsonb)
           ON CONFLICT (${columns}) DO UPDATE SET data = EXCLUDED.data, version = ${t.table}.version + 1, updated_at = now() RETURNING version`;
    params = [...key, json];
  } else {
    sql = `UPDATE ${t.table} SET data = $${n + 1}::jsonb, version = version + 1, updated_at = now() WHERE tenant_id = $1 AND ${where} AND version = $${n + 2} RETURNING version`;
    params = [...key, json, expected];
  }
  const { rows } = await db.query<{ version: number }>(sql, params);
  if (rows[0]) return { value, version: rows[0].version };
  const current = await readDocument(db, t, key);
  const error = new HttpError(412, 'storage/conflict', 'The record changed since it was read; read it again and retry.');
  Object.assign(error, { current: current ?? null });
  throw error;
}

/** `If-Match: "3"` → 3, `If-None-Match: *` → 'none', neither → undefined (last write wins). */
export function precondition(c: Context): number | 'none' | undefined {
  if (c.req.header('if-none-match') === '*') return 'none';
  const match = c.req.header('if-match');
  if (match === undefined) return undefined;
  const version = Number(/^(?:W\/)?"?(\d+)"?$/.exec(match.trim())?.[1]);
  if (!Number.isInteger(version)) throw new HttpError(400, 'server/invalid-request', 'If-Match must be a version ETag such as "3".');
  return version;
}

export function answerVersioned(c: Context, doc: Versioned): Response {
  c.header('ETag', `"${doc.version}"`);
  return c.json(doc);
}

/** A write's answer: the new version (and ETag). The page has the value it sent; echoing it back only costs. */
export function answerWritten(c: Context, doc: Versioned): Response {
  c.header('ETag', `"${doc.version}"`);
  return c.json({ version: doc.version });
}
