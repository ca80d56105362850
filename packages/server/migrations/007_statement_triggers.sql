-- The per-lesson rows and totals of 002 and 004, kept by statement-level triggers over transition tables
-- instead of row triggers: a statement that writes many progress rows (an import, a bulk update) updates
-- each lesson's totals row once, not once per learner. Row triggers made a 10,000-learner insert update the
-- same 50 totals rows 250,000 times in one transaction; a single learner's write costs the same as before.
DROP TRIGGER progress_lessons_sync ON progress;
DROP TRIGGER lesson_totals_sync ON progress_lessons;
DROP FUNCTION progress_lessons_sync();
DROP FUNCTION lesson_totals_sync();

CREATE FUNCTION progress_lessons_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO progress_lessons (tenant_id, course_id, lesson_id, learner_id, completed, time_spent_ms)
    SELECT n.tenant_id, n.course_id, l.key, n.learner_id, l.value ->> 'status' IN ('completed', 'passed'), coalesce((l.value ->> 'timeSpentMs')::bigint, 0)
    FROM new_rows n, jsonb_each(n.data -> 'lessons') l
  ON CONFLICT (tenant_id, course_id, lesson_id, learner_id) DO UPDATE SET completed = EXCLUDED.completed, time_spent_ms = EXCLUDED.time_spent_ms
    WHERE (progress_lessons.completed, progress_lessons.time_spent_ms) IS DISTINCT FROM (EXCLUDED.completed, EXCLUDED.time_spent_ms);
  RETURN NULL;
END $$;

CREATE FUNCTION progress_lessons_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Only the documents whose lessons changed, and in them only the lessons whose values changed.
  INSERT INTO progress_lessons (tenant_id, course_id, lesson_id, learner_id, completed, time_spent_ms)
    SELECT n.tenant_id, n.course_id, l.key, n.learner_id, l.value ->> 'status' IN ('completed', 'passed'), coalesce((l.value ->> 'timeSpentMs')::bigint, 0)
    FROM new_rows n JOIN old_rows o USING (tenant_id, learner_id, course_id), jsonb_each(n.data -> 'lessons') l
    WHERE o.data -> 'lessons' IS DISTINCT FROM n.data -> 'lessons'
  ON CONFLICT (tenant_id, course_id, lesson_id, learner_id) DO UPDATE SET completed = EXCLUDED.completed, time_spent_ms = EXCLUDED.time_spent_ms
    WHERE (progress_lessons.completed, progress_lessons.time_spent_ms) IS DISTINCT FROM (EXCLUDED.completed, EXCLUDED.time_spent_ms);
  DELETE FROM progress_lessons p USING new_rows n JOIN old_rows o USING (tenant_id, learner_id, course_id)
    WHERE o.data -> 'lessons' IS DISTINCT FROM n.data -> 'lessons'
      AND p.tenant_id = n.tenant_id AND p.course_id = n.course_id AND p.learner_id = n.learner_id
      AND NOT coalesce(n.data -> 'lessons', '{}'::jsonb) ? p.lesson_id;
  RETURN NULL;
END $$;

CREATE FUNCTION progress_lessons_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM progress_lessons p USING old_rows o
    WHERE p.tenant_id = o.tenant_id AND p.course_id = o.course_id AND p.learner_id = o.learner_id;
  RETURN NULL;
END $$;

CREATE TRIGGER progress_lessons_insert AFTER INSERT ON progress REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION progress_lessons_on_insert();
CREATE TRIGGER progress_lessons_update AFTER UPDATE ON progress REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION progress_lessons_on_update();
CREATE TRIGGER progress_lessons_delete AFTER DELETE ON progress REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION progress_lessons_on_delete();

-- Totals move by the sum of a statement's changes, one row per course and lesson.
CREATE FUNCTION lesson_totals_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO lesson_totals AS t (tenant_id, course_id, lesson_id, reached, completed, time_spent_ms)
    SELECT tenant_id, course_id, lesson_id, count(*), count(*) FILTER (WHERE completed), sum(time_spent_ms)
    FROM new_rows GROUP BY tenant_id, course_id, lesson_id ORDER BY tenant_id, course_id, lesson_id
  ON CONFLICT (tenant_id, course_id, lesson_id) DO UPDATE
    SET reached = t.reached + EXCLUDED.reached, completed = t.completed + EXCLUDED.completed, time_spent_ms = t.time_spent_ms + EXCLUDED.time_spent_ms;
  RETURN NULL;
END $$;

CREATE FUNCTION lesson_totals_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE lesson_totals t SET completed = t.completed + d.completed, time_spent_ms = t.time_spent_ms + d.time_spent_ms
  FROM (
    SELECT tenant_id, course_id, lesson_id, sum(c)::int AS completed, sum(ms) AS time_spent_ms FROM (
      SELECT tenant_id, course_id, lesson_id, completed::int AS c, time_spent_ms AS ms FROM new_rows
      UNION ALL
      SELECT tenant_id, course_id, lesson_id, -completed::int, -time_spent_ms FROM old_rows
    ) x GROUP BY tenant_id, course_id, lesson_id
  ) d
  WHERE t.tenant_id = d.tenant_id AND t.course_id = d.course_id AND t.lesson_id = d.lesson_id;
  RETURN NULL;
END $$;

CREATE FUNCTION lesson_totals_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE lesson_totals t SET reached = t.reached - d.reached, completed = t.completed - d.completed, time_spent_ms = t.time_spent_ms - d.time_spent_ms
  FROM (SELECT tenant_id, course_id, lesson_id, count(*)::int AS reached, count(*) FILTER (WHERE completed)::int AS completed, sum(time_spent_ms) AS time_spent_ms
        FROM old_rows GROUP BY tenant_id, course_id, lesson_id) d
  WHERE t.tenant_id = d.tenant_id AND t.course_id = d.course_id AND t.lesson_id = d.lesson_id;
  RETURN NULL;
END $$;

CREATE TRIGGER lesson_totals_insert AFTER INSERT ON progress_lessons REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lesson_totals_on_insert();
CREATE TRIGGER lesson_totals_update AFTER UPDATE ON progress_lessons REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lesson_totals_on_update();
CREATE TRIGGER lesson_totals_delete AFTER DELETE ON progress_lessons REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lesson_totals_on_delete();
