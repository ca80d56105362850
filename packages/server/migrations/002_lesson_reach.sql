-- One row per (learner, course, lesson) reached, kept by a trigger on progress, so a course's
-- per-lesson reach, completion and time read an index instead of every progress document.
-- The trigger writes only the lessons whose values changed.
CREATE TABLE progress_lessons (
  tenant_id text NOT NULL,
  course_id text NOT NULL,
  lesson_id text NOT NULL,
  learner_id text NOT NULL,
  completed boolean NOT NULL,
  time_spent_ms bigint NOT NULL,
  PRIMARY KEY (tenant_id, course_id, lesson_id, learner_id)
);

CREATE FUNCTION progress_lessons_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM progress_lessons WHERE tenant_id = OLD.tenant_id AND course_id = OLD.course_id AND learner_id = OLD.learner_id;
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.data -> 'lessons' IS NOT DISTINCT FROM NEW.data -> 'lessons' THEN
    RETURN NEW;
  END IF;
  INSERT INTO progress_lessons (tenant_id, course_id, lesson_id, learner_id, completed, time_spent_ms)
    SELECT NEW.tenant_id, NEW.course_id, l.key, NEW.learner_id, l.value ->> 'status' IN ('completed', 'passed'), coalesce((l.value ->> 'timeSpentMs')::bigint, 0)
    FROM jsonb_each(NEW.data -> 'lessons') l
  ON CONFLICT (tenant_id, course_id, lesson_id, learner_id) DO UPDATE SET completed = EXCLUDED.completed, time_spent_ms = EXCLUDED.time_spent_ms
    WHERE (progress_lessons.completed, progress_lessons.time_spent_ms) IS DISTINCT FROM (EXCLUDED.completed, EXCLUDED.time_spent_ms);
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM progress_lessons WHERE tenant_id = NEW.tenant_id AND course_id = NEW.course_id AND learner_id = NEW.learner_id
      AND NOT (NEW.data -> 'lessons') ? lesson_id;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER progress_lessons_sync AFTER INSERT OR UPDATE OR DELETE ON progress FOR EACH ROW EXECUTE FUNCTION progress_lessons_sync();

INSERT INTO progress_lessons (tenant_id, course_id, lesson_id, learner_id, completed, time_spent_ms)
  SELECT p.tenant_id, p.course_id, l.key, p.learner_id, l.value ->> 'status' IN ('completed', 'passed'), coalesce((l.value ->> 'timeSpentMs')::bigint, 0)
  FROM progress p, jsonb_each(p.data -> 'lessons') l;
