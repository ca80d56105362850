-- Reminders the scheduled job claimed for a learner: the primary key is the reminder's stable key
-- (kind|course|date, as `dueReminders` of @lms-kit/core makes it), so instances that run the job at the
-- same time claim each reminder once (INSERT … ON CONFLICT DO NOTHING), and a reminder is sent once.
-- `sent_at` stays NULL until the webhook took it; a failed delivery drops the claim for the next run.
CREATE TABLE reminders_sent (
  tenant_id text NOT NULL,
  learner_id text NOT NULL,
  key text NOT NULL,
  kind text NOT NULL,
  course_id text NOT NULL,
  at timestamptz NOT NULL,
  claimed_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  PRIMARY KEY (tenant_id, learner_id, key)
);
-- Due dates in a window, for the job's scan over every enrollment of a tenant.
CREATE INDEX enrollments_due ON enrollments (tenant_id, due_at) WHERE due_at IS NOT NULL;
