/**
 * Writes checked import rows in one transaction, each table in one set-based statement. Upserts
 * change a row only when a value differs, so importing the same file twice changes nothing; the
 * answer counts what was created, updated and left as it was.
 */
import type { Queryable } from '../db.js';
import type { EnrollmentRow, GroupRow, UserRow } from './rows.js';

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** Runs an upsert whose RETURNING gives `inserted` (xmax = 0) for each row it created or changed. */
async function upsert(tx: Queryable, sql: string, params: unknown[], total: number): Promise<ImportCounts> {
  const { rows } = await tx.query<{ inserted: boolean }>(sql, params);
  const created = rows.filter((r) => r.inserted).length;
  return { created, updated: rows.length - created, unchanged: total - rows.length };
}

function add(a: ImportCounts, b: ImportCounts): ImportCounts {
  return { created: a.created + b.created, updated: a.updated + b.updated, unchanged: a.unchanged + b.unchanged };
}

export async function importGroups(tx: Queryable, tenant: string, rows: GroupRow[]): Promise<ImportCounts> {
  return upsert(
    tx,
    `INSERT INTO groups (tenant_id, id, name) SELECT $1, g.id, g.name FROM jsonb_to_recordset($2::jsonb) AS g(id text, name text)
     ON CONFLICT (tenant_id, id) DO UPDATE SET name = EXCLUDED.name WHERE groups.name IS DISTINCT FROM EXCLUDED.name
     RETURNING (xmax = 0) AS inserted`,
    [tenant, JSON.stringify(rows)],
    rows.length,
  );
}

export async function importUsers(tx: Queryable, tenant: string, rows: UserRow[]): Promise<ImportCounts> {
  const users = await upsert(
    tx,
    `INSERT INTO learners (tenant_id, id, name, email, roles)
     SELECT $1, u.id, u.name, u.email, ARRAY(SELECT jsonb_array_elements_text(u.roles)) FROM jsonb_to_recordset($2::jsonb) AS u(id text, name text, email text, roles jsonb)
     ON CONFLICT (tenant_id, id) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email, roles = EXCLUDED.roles
       WHERE (learners.name, learners.email, learners.roles) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.email, EXCLUDED.roles)
     RETURNING (xmax = 0) AS inserted`,
    [tenant, JSON.stringify(rows)],
    rows.length,
  );
  const memberships = rows.flatMap((u) => [
    ...u.groups.map((group) => ({ group, learner: u.id, role: 'learner' })),
    ...u.teaches.map((group) => ({ group, learner: u.id, role: 'instructor' })),
  ]);
  const groupIds = [...new Set(memberships.map((m) => m.group))];
  await tx.query('INSERT INTO groups (tenant_id, id) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING', [tenant, groupIds]);
  const members = await upsert(
    tx,
    `INSERT INTO group_members (tenant_id, group_id, learner_id, role)
     SELECT DISTINCT ON (m."group", m.learner) $1, m."group", m.learner, m.role FROM jsonb_to_recordset($2::jsonb) AS m("group" text, learner text, role text)
     ORDER BY m."group", m.learner, m.role
     ON CONFLICT (tenant_id, group_id, learner_id) DO UPDATE SET role = EXCLUDED.role WHERE group_members.role IS DISTINCT FROM EXCLUDED.role
     RETURNING (xmax = 0) AS inserted`,
    [tenant, JSON.stringify(memberships)],
    new Set(memberships.map((m) => `${m.group}|${m.learner}`)).size,
  );
  return add(users, members);
}

export async function importEnrollments(tx: Queryable, tenant: string, rows: EnrollmentRow[]): Promise<ImportCounts> {
  let counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
  for (const target of ['learner', 'group'] as const) {
    const part = rows.filter((r) => r[target] !== null);
    if (!part.length) continue;
    const column = `${target}_id`;
    counts = add(
      counts,
      await upsert(
        tx,
        `INSERT INTO enrollments (tenant_id, course_id, ${column}, due_at)
         SELECT $1, e.course, e.${target === 'group' ? '"group"' : 'learner'}, e.due::timestamptz FROM jsonb_to_recordset($2::jsonb) AS e(course text, learner text, "group" text, due text)
         ON CONFLICT (tenant_id, course_id, ${column}) WHERE ${column} IS NOT NULL DO UPDATE SET due_at = EXCLUDED.due_at
           WHERE enrollments.due_at IS DISTINCT FROM EXCLUDED.due_at
         RETURNING (xmax = 0) AS inserted`,
        [tenant, JSON.stringify(part)],
        part.length,
      ),
    );
  }
  return counts;
}
