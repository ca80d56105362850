-- Per-lesson totals of a course, kept by a trigger on progress_lessons from each row's change, so a
-- course summary reads one row per lesson however many learners there are. (A write that changes a
-- lesson updates its course-lesson row: writers of the same lesson queue on it for their statement.)
CREATE TABLE lesson_totals (
  tenant_id text NOT NULL,
  course_id text NOT NULL,
  lesson_id text NOT NULL,
  reached integer NOT NULL DEFAULT 0,
  completed integer NOT NULL DEFAULT 0,
  time_spent_ms bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, course_id, lesson_id)
);

CREATE FUNCTION lesson_totals_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE lesson_totals SET reached = reached - 1, completed = completed - OLD.completed::int, time_spent_ms = time_spent_ms - OLD.time_spent_ms
      WHERE tenant_id = OLD.tenant_id AND course_id = OLD.course_id AND lesson_id = OLD.lesson_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO lesson_totals AS t (tenant_id, course_id, lesson_id, reached, completed, time_spent_ms)
      VALUES (NEW.tenant_id, NEW.course_id, NEW.lesson_id, 1, NEW.completed::int, NEW.time_spent_ms)
    ON CONFLICT (tenant_id, course_id, lesson_id) DO UPDATE
      SET reached = t.reached + 1, completed = t.completed + EXCLUDED.completed, time_spent_ms = t.time_spent_ms + EXCLUDED.time_spent_ms;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER lesson_totals_sync AFTER INSERT OR UPDATE OR DELETE ON progress_lessons FOR EACH ROW EXECUTE FUNCTION lesson_totals_sync();

INSERT INTO lesson_totals (tenant_id, course_id, lesson_id, reached, completed, time_spent_ms)
  SELECT tenant_id, course_id, lesson_id, count(*), count(*) FILTER (WHERE completed), sum(time_spent_ms)
  FROM progress_lessons GROUP BY tenant_id, course_id, lesson_id;
