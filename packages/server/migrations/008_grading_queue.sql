-- The grading queue reads attempts waiting for a person without scanning every attempt.
CREATE INDEX attempts_pending_grading ON attempts (tenant_id, course_id, started_at) WHERE data ->> 'status' = 'pending-grading';
