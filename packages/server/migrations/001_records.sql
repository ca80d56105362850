-- Everything is partitioned by tenant: every key starts with tenant_id, every query filters on it.
-- Learner-owned documents carry a version for optimistic concurrency (ETag / If-Match).

CREATE TABLE tenants (
  id text PRIMARY KEY,
  name text,
  settings jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE learners (
  tenant_id text NOT NULL REFERENCES tenants (id),
  id text NOT NULL,
  name text,
  email text,
  roles text[] NOT NULL DEFAULT '{learner}',
  erased_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);

CREATE TABLE groups (
  tenant_id text NOT NULL REFERENCES tenants (id),
  id text NOT NULL,
  name text,
  PRIMARY KEY (tenant_id, id)
);

-- role: 'learner' (a member) or 'instructor' (teaches the group).
CREATE TABLE group_members (
  tenant_id text NOT NULL,
  group_id text NOT NULL,
  learner_id text NOT NULL,
  role text NOT NULL DEFAULT 'learner' CHECK (role IN ('learner', 'instructor')),
  PRIMARY KEY (tenant_id, group_id, learner_id),
  FOREIGN KEY (tenant_id, group_id) REFERENCES groups (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX group_members_by_learner ON group_members (tenant_id, learner_id);

CREATE TABLE courses (
  tenant_id text NOT NULL REFERENCES tenants (id),
  id text NOT NULL,
  title text,
  self_enroll boolean NOT NULL DEFAULT false,
  PRIMARY KEY (tenant_id, id)
);

CREATE TABLE course_instructors (
  tenant_id text NOT NULL,
  course_id text NOT NULL,
  learner_id text NOT NULL,
  PRIMARY KEY (tenant_id, course_id, learner_id)
);
CREATE INDEX course_instructors_by_learner ON course_instructors (tenant_id, learner_id);

-- A learner is enrolled directly (group_id NULL) or through a group enrollment (group_id set).
CREATE TABLE enrollments (
  tenant_id text NOT NULL,
  course_id text NOT NULL,
  learner_id text,
  group_id text,
  due_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((learner_id IS NULL) <> (group_id IS NULL))
);
CREATE UNIQUE INDEX enrollments_learner ON enrollments (tenant_id, course_id, learner_id) WHERE learner_id IS NOT NULL;
CREATE UNIQUE INDEX enrollments_group ON enrollments (tenant_id, course_id, group_id) WHERE group_id IS NOT NULL;
CREATE INDEX enrollments_by_learner ON enrollments (tenant_id, learner_id);

CREATE TABLE progress (
  tenant_id text NOT NULL,
  learner_id text NOT NULL,
  course_id text NOT NULL,
  data jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Extracted for reports, so counts and distributions read an index instead of every document.
  completed boolean GENERATED ALWAYS AS (data ? 'completedAt' OR coalesce((data #>> '{result,completed}')::boolean, false)) STORED,
  time_spent_ms bigint GENERATED ALWAYS AS (coalesce((data ->> 'timeSpentMs')::bigint, 0)) STORED,
  score double precision GENERATED ALWAYS AS ((data #>> '{result,score,scaled}')::double precision) STORED,
  PRIMARY KEY (tenant_id, learner_id, course_id)
);
CREATE INDEX progress_by_course ON progress (tenant_id, course_id, learner_id) INCLUDE (completed, time_spent_ms, score);

CREATE TABLE lesson_states (
  tenant_id text NOT NULL,
  learner_id text NOT NULL,
  course_id text NOT NULL,
  lesson_id text NOT NULL,
  data jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, learner_id, course_id, lesson_id)
);

CREATE TABLE attempts (
  tenant_id text NOT NULL,
  id text NOT NULL,
  learner_id text NOT NULL,
  course_id text NOT NULL,
  activity_id text NOT NULL,
  started_at text NOT NULL,
  data jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX attempts_by_learner ON attempts (tenant_id, learner_id, course_id, started_at);

-- Key/value state of one learner (the adapter's getValue/setValue), encoded by the client.
CREATE TABLE learner_values (
  tenant_id text NOT NULL,
  learner_id text NOT NULL,
  key text NOT NULL,
  value jsonb NOT NULL,
  PRIMARY KEY (tenant_id, learner_id, key)
);

-- Records of other collections (certificates, dead letters…); owner_id is who wrote one without a learnerId.
CREATE TABLE records (
  tenant_id text NOT NULL,
  collection text NOT NULL,
  id text NOT NULL,
  learner_id text,
  course_id text,
  owner_id text NOT NULL,
  data jsonb NOT NULL,
  PRIMARY KEY (tenant_id, collection, id)
);
CREATE INDEX records_by_learner ON records (tenant_id, collection, learner_id);
CREATE INDEX records_by_course ON records (tenant_id, collection, course_id);

-- Statements waiting for the tenant's LRSs; a statement id is queued once.
CREATE TABLE outbox (
  seq bigserial PRIMARY KEY,
  tenant_id text NOT NULL,
  learner_id text NOT NULL,
  statement_id text NOT NULL,
  statement jsonb NOT NULL,
  queued_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, statement_id)
);
CREATE INDEX outbox_by_learner ON outbox (tenant_id, learner_id, seq);

CREATE TABLE audit (
  id bigserial PRIMARY KEY,
  tenant_id text NOT NULL,
  actor_id text NOT NULL,
  action text NOT NULL,
  subject_id text,
  detail jsonb NOT NULL DEFAULT '{}',
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_by_tenant ON audit (tenant_id, at);
