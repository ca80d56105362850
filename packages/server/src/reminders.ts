/**
 * The reminder job: for a tenant with a reminder webhook (`PUT /v1/tenant/settings` `{ reminders: {
 * webhook } }`), finds the reminders learners are due (a course due within `dueSoonDays` or overdue and
 * not completed; a certificate expiring within `remindDays` or expired, not renewed), claims each once
 * in `reminders_sent` and posts it to the webhook, which sends the site's own emails. Any number of
 * instances may run it at once: the claim is an INSERT … ON CONFLICT DO NOTHING on the reminder's key,
 * under a per-tenant advisory lock (claims of one tenant never interleave, so never deadlock), so
 * exactly one instance sends each reminder. A delivery that fails gives the claim back for the next run.
 */
import type { Db, Queryable } from './db.js';

export interface ReminderSettings {
  webhook?: string;
  dueSoonDays?: number;
  remindDays?: number;
}

export interface ReminderRunResult {
  claimed: number;
  sent: number;
  failed: number;
}

/** The payload the webhook receives, one POST per reminder. */
export interface ReminderDelivery {
  tenant: string;
  learner: { id: string; name: string | null; email: string | null };
  reminder: { key: string; kind: string; courseId: string; courseTitle: string | null; at: string };
}

const CONCURRENCY = 8;

export async function reminderSettings(db: Queryable, tenant: string): Promise<ReminderSettings> {
  const { rows } = await db.query<{ reminders: ReminderSettings | null }>(
    `SELECT settings -> 'reminders' AS reminders FROM tenants WHERE id = $1`,
    [tenant],
  );
  return rows[0]?.reminders ?? {};
}

/** Claims what is due in one statement; keys as `dueReminders` of @lms-kit/core makes them. */
const CLAIM = `
  WITH enrolled AS (
    SELECT DISTINCT ON (x.learner_id, x.course_id) x.learner_id, x.course_id, x.due_at
    FROM (SELECT coalesce(e.learner_id, g.learner_id) AS learner_id, e.course_id, e.due_at FROM enrollments e
            LEFT JOIN group_members g ON g.tenant_id = e.tenant_id AND g.group_id = e.group_id AND g.role = 'learner'
          WHERE e.tenant_id = $1 AND e.due_at IS NOT NULL AND e.due_at <= now() + make_interval(days => $2)) x
    LEFT JOIN progress p ON p.tenant_id = $1 AND p.learner_id = x.learner_id AND p.course_id = x.course_id
    WHERE x.learner_id IS NOT NULL AND NOT coalesce(p.completed, false)
    ORDER BY x.learner_id, x.course_id, x.due_at
  ), due AS (
    SELECT learner_id, course_id, CASE WHEN due_at <= now() THEN 'overdue' ELSE 'due-soon' END AS kind, due_at AS at FROM enrolled
    UNION ALL
    SELECT c.learner_id, c.course_id,
           CASE WHEN (c.data ->> 'expiresAt')::timestamptz <= now() THEN 'certificate-expired' ELSE 'certificate-expiring' END,
           (c.data ->> 'expiresAt')::timestamptz
    FROM records c
    WHERE c.tenant_id = $1 AND c.collection = 'certificates' AND c.learner_id IS NOT NULL AND c.course_id IS NOT NULL AND c.data ? 'expiresAt'
      AND (c.data ->> 'expiresAt')::timestamptz <= now() + make_interval(days => $3)
      AND NOT EXISTS (SELECT 1 FROM records n WHERE n.tenant_id = c.tenant_id AND n.collection = 'certificates' AND n.learner_id = c.learner_id
                        AND n.course_id = c.course_id AND (n.data ->> 'expiresAt')::timestamptz > (c.data ->> 'expiresAt')::timestamptz)
  )
  INSERT INTO reminders_sent (tenant_id, learner_id, key, kind, course_id, at)
  SELECT $1, learner_id, kind || '|' || course_id || '|' || to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), kind, course_id, at FROM due
  ON CONFLICT (tenant_id, learner_id, key) DO NOTHING
  RETURNING learner_id, key, kind, course_id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at`;

/** Runs the job once for `tenant`; without a webhook nothing is claimed. */
export async function runReminders(db: Db, tenant: string, send: typeof fetch = fetch): Promise<ReminderRunResult> {
  const settings = await reminderSettings(db, tenant);
  if (!settings.webhook) return { claimed: 0, sent: 0, failed: 0 };
  const { rows } = await db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('lms-kit:reminders:' || $1))`, [tenant]);
    return tx.query<{ learner_id: string; key: string; kind: string; course_id: string; at: string }>(CLAIM, [
      tenant,
      settings.dueSoonDays ?? 7,
      settings.remindDays ?? 30,
    ]);
  });
  if (!rows.length) return { claimed: 0, sent: 0, failed: 0 };
  const people = await db.query<{ id: string; name: string | null; email: string | null }>(
    'SELECT id, name, email FROM learners WHERE tenant_id = $1 AND id = ANY($2::text[])',
    [tenant, [...new Set(rows.map((r) => r.learner_id))]],
  );
  const titles = await db.query<{ id: string; title: string | null }>(
    'SELECT id, title FROM courses WHERE tenant_id = $1 AND id = ANY($2::text[])',
    [tenant, [...new Set(rows.map((r) => r.course_id))]],
  );
  const person = new Map(people.rows.map((p) => [p.id, p]));
  const title = new Map(titles.rows.map((t) => [t.id, t.title]));
  let sent = 0;
  let failed = 0;
  const queue = [...rows];
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, queue.length) }, async () => {
      for (let row = queue.shift(); row; row = queue.shift()) {
        const delivery: ReminderDelivery = {
          tenant,
          learner: { id: row.learner_id, name: person.get(row.learner_id)?.name ?? null, email: person.get(row.learner_id)?.email ?? null },
          reminder: { key: row.key, kind: row.kind, courseId: row.course_id, courseTitle: title.get(row.course_id) ?? null, at: row.at },
        };
        const delivered = await send(settings.webhook!, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(delivery),
          signal: AbortSignal.timeout(10_000),
        }).then(
          (response) => response.ok,
          () => false,
        );
        const args = [tenant, row.learner_id, row.key];
        if (delivered) {
          sent++;
          await db.query('UPDATE reminders_sent SET sent_at = now() WHERE tenant_id = $1 AND learner_id = $2 AND key = $3', args);
        } else {
          failed++;
          await db.query('DELETE FROM reminders_sent WHERE tenant_id = $1 AND learner_id = $2 AND key = $3 AND sent_at IS NULL', args);
        }
      }
    }),
  );
  return { claimed: rows.length, sent, failed };
}

/** Every tenant with a reminder webhook, one after the other (what the scheduled run does). */
export async function runAllReminders(db: Db, send: typeof fetch = fetch): Promise<ReminderRunResult> {
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM tenants WHERE settings #>> '{reminders,webhook}' IS NOT NULL`);
  const total = { claimed: 0, sent: 0, failed: 0 };
  for (const { id } of rows) {
    const result = await runReminders(db, id, send);
    total.claimed += result.claimed;
    total.sent += result.sent;
    total.failed += result.failed;
  }
  return total;
}

/** Runs `runAllReminders` every `everyMs` (each instance may: they never send a reminder twice). */
export function scheduleReminders(db: Db, everyMs: number, onError: (error: unknown) => void = console.error): () => void {
  const timer = setInterval(() => void runAllReminders(db).catch(onError), everyMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
