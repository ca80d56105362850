/**
 * Who may read or write whose records, decided by the server on every request:
 * a learner their own; an instructor also the learners of the groups and courses they teach
 * (read, and grade attempts); an admin everyone of their tenant. Tenants never cross: every
 * query is filtered on the caller's tenant.
 */
import type { Identity } from './auth.js';
import type { Queryable } from './db.js';
import { forbidden } from './errors.js';

export const isAdmin = (who: Identity) => who.roles.includes('admin');

/** True when `who` teaches `learnerId` through a group or a course. */
export async function teaches(db: Queryable, who: Identity, learnerId: string): Promise<boolean> {
  if (!who.roles.includes('instructor')) return false;
  const { rows } = await db.query(
    `SELECT 1 FROM group_members t JOIN group_members m ON m.tenant_id = t.tenant_id AND m.group_id = t.group_id
       WHERE t.tenant_id = $1 AND t.learner_id = $2 AND t.role = 'instructor' AND m.learner_id = $3
     UNION ALL
     SELECT 1 FROM course_instructors c JOIN enrollments e ON e.tenant_id = c.tenant_id AND e.course_id = c.course_id
       LEFT JOIN group_members g ON g.tenant_id = e.tenant_id AND g.group_id = e.group_id
       WHERE c.tenant_id = $1 AND c.learner_id = $2 AND (e.learner_id = $3 OR g.learner_id = $3)
     LIMIT 1`,
    [who.tenant, who.sub, learnerId],
  );
  return rows.length > 0;
}

export async function assertCanRead(db: Queryable, who: Identity, learnerId: string): Promise<void> {
  if (learnerId === who.sub || isAdmin(who) || (await teaches(db, who, learnerId))) return;
  throw forbidden(`You may not read the records of ${learnerId}.`);
}

export function assertCanWrite(who: Identity, learnerId: string): void {
  if (learnerId === who.sub || isAdmin(who)) return;
  throw forbidden(`You may not change the records of ${learnerId}.`);
}

export function assertAdmin(who: Identity): void {
  if (!isAdmin(who)) throw forbidden('Only an admin of the tenant may do this.');
}
