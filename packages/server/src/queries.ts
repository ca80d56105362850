/** The query-and-answer shapes routes repeat: a list of items, exactly one row, a count of rows changed. */
import type { Queryable } from './db.js';
import { notFound } from './errors.js';

/** `{ items }` of every row (or of what `pick` takes from each). */
export async function items<Row = Record<string, unknown>>(
  db: Queryable,
  sql: string,
  params: unknown[],
  pick: (row: Row) => unknown = (row) => row,
): Promise<{ items: unknown[] }> {
  const { rows } = await db.query<Row>(sql, params);
  return { items: rows.map(pick) };
}

/** The `data` column of every row. */
export const data = (row: { data: unknown }) => row.data;

/** The first row, or 404 `storage/not-found` naming `what`. */
export async function one<Row>(db: Queryable, sql: string, params: unknown[], what: string): Promise<Row> {
  const { rows } = await db.query<Row>(sql, params);
  if (!rows[0]) throw notFound(what);
  return rows[0];
}

/** Runs a data-changing statement (`DELETE …`, `UPDATE …` ending in `RETURNING 1`) and answers how many rows it changed. */
export async function changed(db: Queryable, sql: string, params: unknown[]): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`WITH d AS (${sql}) SELECT count(*)::int AS n FROM d`, params);
  return rows[0].n;
}
