-- Leaderboard: points totals per learner, kept by a trigger from the learners' `points` records (one
-- record per award, its id made from learner, reason and source, so writing an award again changes
-- nothing), per scope (site '' or a course id) and period ('all', 'week:2026-W49', 'month:2026-12').
-- Only opted-in learners are ranked for others (`visible`); a learner's own rank is counted over them.

-- An award's points: an integer 0..10,000, or NULL (a record that breaks this is refused, not counted).
CREATE FUNCTION points_of(data jsonb) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  -- Nested so that a non-number is never cast.
  SELECT CASE WHEN jsonb_typeof(data -> 'points') = 'number' THEN
    CASE WHEN (data ->> 'points')::numeric BETWEEN 0 AND 10000 AND (data ->> 'points')::numeric = trunc((data ->> 'points')::numeric)
    THEN (data ->> 'points')::numeric::integer END END
$$;

-- Records stored before are not checked (NOT VALID) and are counted only when valid.
ALTER TABLE records ADD CONSTRAINT records_points_valid
  CHECK (collection <> 'points' OR (points_of(data) IS NOT NULL AND learner_id IS NOT NULL)) NOT VALID;

CREATE TABLE leaderboard_members (
  tenant_id text NOT NULL,
  learner_id text NOT NULL,
  -- Shown instead of the learner's name when set.
  pseudonym text,
  opted_in_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, learner_id)
);

CREATE TABLE points_totals (
  tenant_id text NOT NULL,
  scope text NOT NULL,
  period text NOT NULL,
  learner_id text NOT NULL,
  points integer NOT NULL DEFAULT 0,
  visible boolean NOT NULL DEFAULT false,
  PRIMARY KEY (tenant_id, scope, period, learner_id)
);
-- Top N and "how many are above me" read one index range of the opted-in learners.
CREATE INDEX points_totals_board ON points_totals (tenant_id, scope, period, points DESC, learner_id) WHERE visible;

CREATE FUNCTION points_totals_add(t text, l text, c text, at timestamptz, delta integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  s text;
  p text;
  shown boolean := EXISTS (SELECT 1 FROM leaderboard_members m WHERE m.tenant_id = t AND m.learner_id = l);
BEGIN
  IF delta IS NULL OR delta = 0 THEN RETURN; END IF;
  FOREACH s IN ARRAY CASE WHEN c IS NULL OR c = '' THEN ARRAY[''] ELSE ARRAY['', c] END LOOP
    FOREACH p IN ARRAY ARRAY['all', 'week:' || to_char(at AT TIME ZONE 'UTC', 'IYYY-"W"IW'), 'month:' || to_char(at AT TIME ZONE 'UTC', 'YYYY-MM')] LOOP
      INSERT INTO points_totals AS x (tenant_id, scope, period, learner_id, points, visible) VALUES (t, s, p, l, delta, shown)
      ON CONFLICT (tenant_id, scope, period, learner_id) DO UPDATE SET points = x.points + EXCLUDED.points;
    END LOOP;
  END LOOP;
END $$;

-- When an award was made: its `awardedAt`, or now when it has none or it cannot be read.
CREATE FUNCTION points_award_time(data jsonb) RETURNS timestamptz LANGUAGE plpgsql AS $$
BEGIN
  RETURN coalesce((data ->> 'awardedAt')::timestamptz, now());
EXCEPTION WHEN others THEN
  RETURN now();
END $$;

CREATE FUNCTION points_totals_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.collection = 'points' AND OLD.learner_id IS NOT NULL THEN
    PERFORM points_totals_add(OLD.tenant_id, OLD.learner_id, OLD.course_id, points_award_time(OLD.data), -coalesce(points_of(OLD.data), 0));
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.collection = 'points' THEN
    PERFORM points_totals_add(NEW.tenant_id, NEW.learner_id, NEW.course_id, points_award_time(NEW.data), points_of(NEW.data));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER points_totals_sync AFTER INSERT OR UPDATE OR DELETE ON records FOR EACH ROW EXECUTE FUNCTION points_totals_sync();

-- Opting in or out shows or hides every total of the learner at once.
CREATE FUNCTION leaderboard_members_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE points_totals SET visible = false WHERE tenant_id = OLD.tenant_id AND learner_id = OLD.learner_id;
  ELSIF TG_OP = 'INSERT' THEN
    UPDATE points_totals SET visible = true WHERE tenant_id = NEW.tenant_id AND learner_id = NEW.learner_id;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER leaderboard_members_sync AFTER INSERT OR DELETE ON leaderboard_members FOR EACH ROW EXECUTE FUNCTION leaderboard_members_sync();
CREATE INDEX points_totals_by_learner ON points_totals (tenant_id, learner_id);

-- Awards stored before this migration.
INSERT INTO points_totals (tenant_id, scope, period, learner_id, points)
  SELECT r.tenant_id, s.scope, p.period, r.learner_id, sum(points_of(r.data))
  FROM records r,
    LATERAL (SELECT points_award_time(r.data) AS at) a,
    LATERAL unnest(CASE WHEN r.course_id IS NULL THEN ARRAY[''] ELSE ARRAY['', r.course_id] END) AS s (scope),
    LATERAL unnest(ARRAY['all', 'week:' || to_char(a.at AT TIME ZONE 'UTC', 'IYYY-"W"IW'), 'month:' || to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM')]) AS p (period)
  WHERE r.collection = 'points' AND r.learner_id IS NOT NULL AND points_of(r.data) IS NOT NULL
  GROUP BY 1, 2, 3, 4;
