-- The catalog: each course's entry as the site describes it (Catalog JSON of @lms-kit/core: description,
-- duration, language, tags, prerequisites, flags), and whether an enrollment was the learner's own choice.
ALTER TABLE courses ADD COLUMN entry jsonb NOT NULL DEFAULT '{}';
ALTER TABLE enrollments ADD COLUMN self_enrolled boolean NOT NULL DEFAULT false;
-- The course version a learner's progress was recorded with (moved forward when the course changes), so
-- reports can filter by version.
ALTER TABLE progress ADD COLUMN course_version text GENERATED ALWAYS AS (data ->> 'courseVersion') STORED;
