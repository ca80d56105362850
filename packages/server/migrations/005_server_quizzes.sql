-- Quizzes graded by the server ("grading": "server"): registered by an admin or an instructor of the
-- course, their answer key never leaves the server. Attempts at them are ordinary rows of `attempts`
-- (so reports and grading see them), written only by the quiz routes.
CREATE TABLE quizzes (
  tenant_id text NOT NULL REFERENCES tenants (id),
  id text NOT NULL,
  course_id text NOT NULL,
  activity_id text NOT NULL,
  definition jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX quizzes_by_activity ON quizzes (tenant_id, activity_id);
