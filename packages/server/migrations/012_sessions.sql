-- Blended-learning sessions (`session` lessons): the seats a course's instructor opened, and the
-- learners' bookings. A booking locks its session row (SELECT … FOR UPDATE) before counting, and
-- `booked` can never pass `capacity` (CHECK): two learners racing for the last seat cannot both get it.
-- The waiting list is served in `seq` order when a booked learner cancels.
CREATE TABLE lesson_sessions (
  tenant_id text NOT NULL,
  course_id text NOT NULL,
  lesson_id text NOT NULL,
  capacity integer NOT NULL CHECK (capacity > 0),
  waiting_list boolean NOT NULL DEFAULT false,
  starts_at timestamptz,
  booked integer NOT NULL DEFAULT 0,
  CHECK (booked >= 0 AND booked <= capacity),
  PRIMARY KEY (tenant_id, course_id, lesson_id)
);

CREATE TABLE session_bookings (
  tenant_id text NOT NULL,
  course_id text NOT NULL,
  lesson_id text NOT NULL,
  learner_id text NOT NULL,
  status text NOT NULL CHECK (status IN ('booked', 'waiting')),
  seq bigint GENERATED ALWAYS AS IDENTITY,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- NULL until the instructor marks it; attendance needs a seat.
  attended boolean CHECK (attended IS NULL OR status = 'booked'),
  marked_at timestamptz,
  marked_by text,
  PRIMARY KEY (tenant_id, course_id, lesson_id, learner_id),
  FOREIGN KEY (tenant_id, course_id, lesson_id) REFERENCES lesson_sessions (tenant_id, course_id, lesson_id) ON DELETE CASCADE
);
CREATE INDEX session_bookings_queue ON session_bookings (tenant_id, course_id, lesson_id, status, seq);
