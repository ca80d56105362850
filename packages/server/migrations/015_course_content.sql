-- The course document (Course JSON of @lms-kit/core) as the site publishes it, so the server can apply
-- what it decides itself (an instructor's grade) to the learner's progress: the lesson a quiz attempt
-- belongs to, and whether the course is now complete by its own completion rules.
ALTER TABLE courses ADD COLUMN content jsonb;
