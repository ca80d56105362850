-- Lesson discussions: comments of a lesson of a course, one level of replies (`parent_id`), mentions of
-- the course's instructors, moderation by instructors and admins (hidden, pinned), edits and deletes by
-- the author. A deleted comment keeps its row (and its replies) without a body.

CREATE TABLE discussion_comments (
  tenant_id text NOT NULL,
  id uuid NOT NULL,
  course_id text NOT NULL,
  lesson_id text NOT NULL,
  parent_id uuid,
  author_id text NOT NULL,
  body text NOT NULL,
  -- Instructors of the course named in the body (`@Name`), resolved when written.
  mentions text[] NOT NULL DEFAULT '{}',
  hidden boolean NOT NULL DEFAULT false,
  pinned boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  edited_at timestamptz,
  deleted_at timestamptz,
  -- Bumped by every change: the lesson's ETag is its latest value and its count.
  updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, parent_id) REFERENCES discussion_comments (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX discussion_comments_by_lesson ON discussion_comments (tenant_id, course_id, lesson_id, parent_id, created_at DESC);
CREATE INDEX discussion_comments_by_mention ON discussion_comments USING gin (mentions);
CREATE INDEX discussion_comments_by_author ON discussion_comments (tenant_id, author_id);

-- Posts per learner per minute, counted in the database so that the limit holds across server instances.
CREATE TABLE discussion_post_counts (
  tenant_id text NOT NULL,
  learner_id text NOT NULL,
  minute timestamptz NOT NULL,
  posts integer NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, learner_id, minute)
);
